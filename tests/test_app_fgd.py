"""The FGD room through the real app frame (AppTest): presentation mode, agendas, agreements, minutes."""

import datetime

import pytest

from app_support import ensure_store, open_app, texts
from records_support import ADMIN, PLANNER, SECRETARY, records  # noqa: F401 - fixture
from metro_poverty.ui.url import LAST_PAGE

AS_SECRETARY = {"signed_in_user": SECRETARY}


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


@pytest.fixture(autouse=True)
def _fgd_records(records):
    """Every test records into a records file of its own."""


def three_step_agenda():
    from metro_poverty.fgd import agendas

    return agendas.save("FGD stunting", [
        {"path": "", "params": {}, "title": "Angka kota", "note": "P0 2024"},
        {"path": "kesehatan", "params": {"region": "18.72.05.1001"}, "title": "Stunting per kelurahan", "note": ""},
        {"path": "konsep-definisi", "params": {"a": "stunting_ssgi", "b": "stunting_eppgbm"}, "title": "SSGI vs e-PPGBM", "note": ""},
    ], PLANNER)


def test_presentation_mode_from_the_url_hides_the_sidebar_and_shows_an_exit():
    at = open_app({"present": "1"})
    assert at.session_state["present"] is True
    assert any("Keluar" in b.label for b in at.button)
    assert any('stSidebar' in h.proto.body and 'display: none' in h.proto.body for h in at.get("html"))


def add_view(at):
    next(b for b in at.button if "agenda" in b.label.lower()).click().run()


def test_the_frame_adds_the_view_on_screen_to_the_draft_agenda_named_by_what_it_shows():
    at = open_app({"year": "2022", "ind": "stunting_eppgbm", "region": "18.72.05.1001"}, page="views/dimension_health.py")
    add_view(at)
    # the step keeps the URL (only what differs from the defaults) and is named by all that is on screen
    assert at.session_state["draft"] == [{"path": "kesehatan", "params": {"year": "2022", "region": "18.72.05.1001"},
                                          "title": "Kesehatan · Stunting (e-PPGBM) · Rejomulyo · 2022", "note": ""}]


def test_a_step_is_named_by_its_own_pages_settings_only():
    """'Konsep & Definisi · Stunting (survei) · Rejomulyo': the kelurahan chosen on Kesehatan, before."""
    at = open_app({"ind": "stunting_eppgbm", "region": "18.72.05.1001"}, page="views/dimension_health.py")
    at.switch_page("views/catalogue.py").run()
    add_view(at)
    assert at.session_state["draft"][-1]["title"] == "Konsep & Definisi · 2025"  # no pair chosen: its slide shows the cards first
    at.button(key="pair-stunting_ssgi-stunting_eppgbm").click().run()
    add_view(at)
    assert at.session_state["draft"][-1]["title"] == "Konsep & Definisi · Stunting (survei) · 2025"  # the pair, shown first


def test_a_step_is_named_by_the_year_of_the_figures_on_screen_not_only_the_year_chosen():
    """e-PPGBM has no 2025 yet: the slide shows 2024 and says so; the step's title says the same."""
    at = open_app({"year": "2025", "ind": "stunting_eppgbm"}, page="views/dimension_health.py")
    add_view(at)
    assert at.session_state["draft"][-1]["title"] == "Kesehatan · Stunting (e-PPGBM) · 2024 (2025 belum ada)"
    at.switch_page("views/kabkota.py").run()
    add_view(at)  # another page: named by its own year
    assert at.session_state["draft"][-1]["title"].endswith("· 2025")


def test_an_overview_step_is_the_slide_the_facilitator_chose_at_the_desk():
    at = open_app()
    add_view(at)
    at.selectbox(key="map_ind").select("stunting_eppgbm").run()
    add_view(at)
    first, second = at.session_state["draft"]
    assert first["title"] == "Ringkasan · Angka utama · 2025" and "view" not in first["params"]
    assert second["title"] == "Ringkasan · Stunting (e-PPGBM) · Peta · 2025" and second["params"]["view"] == "map"
    reopened = open_app({"draft": at.query_params["draft"]}, page="views/agenda.py")
    assert [c for c in texts(reopened.caption) if c.startswith("Ringkasan")][:2] == [
        "Ringkasan · Angka utama · 2025", "Ringkasan · Stunting (e-PPGBM) · Peta · 2025"]  # where each step leads, named alike
    # the year on screen is kept in the step: a default year moves on once a newer year's figures are loaded, and a
    # shared agenda's step showed 2025's figures under a title saying 2024
    assert first["params"]["year"] == second["params"]["year"] == "2025"


def test_the_draft_lives_in_the_url_so_a_reload_keeps_it():
    at = open_app({"ind": "stunting_eppgbm"}, page="views/dimension_health.py")
    add_view(at)
    link = at.query_params["draft"]
    reopened = open_app({"draft": link[0] if isinstance(link, list) else link}, page="views/agenda.py")
    assert [s["title"] for s in reopened.session_state["draft"]] == ["Kesehatan · Stunting (e-PPGBM) · 2024 (2025 belum ada)"]
    assert reopened.session_state["draft"][0]["path"] == "kesehatan"
    assert reopened.text_input[0].label == "1. Judul langkah"  # numbered from 1


def test_a_draft_step_says_where_it_leads_in_words_not_url_parameters():
    at = open_app({"ind": "water_safe", "level": "kecamatan", "view": "rank"}, page="views/dimension_basic_services.py")
    add_view(at)
    at.switch_page("views/agenda.py").run()
    where = [c.value for c in at.caption if c.value.startswith("Layanan Dasar")]
    assert where and "Kecamatan · Peringkat" in where[0] and "view=" not in " ".join(texts(at.caption))


def test_a_damaged_draft_in_the_url_falls_back_to_an_empty_one():
    at = open_app({"draft": "bukan-draf"}, page="views/agenda.py")
    assert at.session_state["draft"] == []
    assert any("Draf masih kosong" in i for i in texts(at.info))


def test_draft_steps_are_moved_and_removed():
    at = open_app({"ind": "stunting_eppgbm"}, page="views/dimension_health.py")
    add_view(at)
    at.query_params["ind"] = "imm_complete"
    at.run()
    add_view(at)
    at.switch_page("views/agenda.py").run()
    first = [s["title"] for s in at.session_state["draft"]]
    next(b for b in at.button if (b.key or "").startswith("dt-down-0-")).click().run()
    assert [s["title"] for s in at.session_state["draft"]] == first[::-1]
    next(b for b in at.button if (b.key or "").startswith("dt-remove-0-")).click().run()
    assert [s["title"] for s in at.session_state["draft"]] == [first[0]]


def test_an_agenda_is_presented_step_by_step():
    agenda = three_step_agenda()
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "0"})
    assert any("Langkah 1 dari 3: Angka kota" in m for m in texts(at.markdown))
    previous = next(b for b in at.button if b.label == "Sebelumnya")
    assert previous.disabled
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    assert at.session_state["step"] == 1
    assert at.session_state[LAST_PAGE] == "kesehatan"
    assert not at.title  # the bar's step title names the slide: the page's own gives the figure its height
    assert at.session_state["region"] == "18.72.05.1001"
    assert any("Langkah 2 dari 3" in m for m in texts(at.markdown))


def test_steps_on_one_page_each_show_their_own_view():
    """Three steps on the Kesehatan page: the bar moved on while the slide stayed on the first step's ranking
    (the page kept the view it had, as it rightly does for a visitor's own choices)."""
    from metro_poverty.fgd import agendas

    agenda = agendas.save("Satu halaman", [
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "view": "rank"}, "title": "Peringkat", "note": ""},
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "view": "compare"}, "title": "Perbandingan", "note": ""},
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "level": "kecamatan"}, "title": "Peta kecamatan", "note": ""},
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "view": "rank"}, "title": "Peringkat lagi", "note": ""},
    ], PLANNER)
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "0", "ind": "stunting_eppgbm", "view": "rank"},
                  page="views/dimension_health.py")
    assert at.session_state["view"] == "rank"
    shown = []
    for _ in range(3):
        next(b for b in at.button if b.label == "Berikutnya").click().run()
        shown.append((at.session_state["step"], at.session_state["view"], at.session_state["level"], at.query_params.get("view")))
    # a step without a view shows the page's default (the map), as its link opened in a new browser would
    assert shown == [(1, "compare", "kelurahan", "compare"), (2, "map", "kecamatan", None), (3, "rank", "kelurahan", "rank")]
    next(b for b in at.button if b.label == "Sebelumnya").click().run()
    assert (at.session_state["view"], at.session_state["level"]) == ("map", "kecamatan")


def test_a_step_opens_at_its_own_year_and_the_visitors_draft_stays():
    from metro_poverty.fgd import agendas

    agenda = agendas.save("Dua tahun", [
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "year": "2022"}, "title": "2022", "note": ""},
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm"}, "title": "Tahun terbaru", "note": ""},
    ], PLANNER)
    at = open_app({"ind": "stunting_eppgbm"}, page="views/dimension_health.py")
    add_view(at)  # a draft of the visitor's own, not saved
    draft = at.session_state["draft"]
    default_year = at.session_state["year"]
    at.switch_page("views/agenda.py").run()
    next(b for b in at.button if b.key == f"start-{agenda['id']}").click().run()
    assert at.session_state["year"] == 2022 and at.session_state[LAST_PAGE] == "kesehatan"
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    assert at.session_state["year"] == default_year and at.session_state["draft"] == draft


def test_a_step_past_the_agendas_end_shows_the_last_step_and_says_so():
    agenda = three_step_agenda()
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "7"})  # ?step=7: the eighth step of three
    assert any("Langkah 3 dari 3" in m for m in texts(at.markdown))
    assert "Agenda ini punya 3 langkah; langkah 8 dari tautan tidak ada, jadi yang tampil langkah 3." in texts(at.toast)
    assert at.query_params["step"] == "2"  # the link now names the step shown
    next(b for b in at.button if b.label == "Sebelumnya").click().run()
    assert any("Langkah 2 dari 3" in m for m in texts(at.markdown)) and not texts(at.toast)  # said once


def test_a_draft_link_cut_short_says_its_steps_are_missing():
    at = open_app({"present": "1", "agenda": "draft", "step": "3"})
    assert any(w.startswith("Tautan ini menyajikan draf agenda, tetapi langkah-langkahnya tidak ada di tautan") for w in texts(at.toast))
    assert at.session_state["present"] is True  # the page is presented, without a bar to step through


def test_leaving_a_presented_agenda_leaves_no_step_in_the_link():
    agenda = three_step_agenda()
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "1"})
    next(b for b in at.button if b.label == "Keluar").click().run()
    assert at.session_state["present"] is False
    assert not {"present", "agenda", "step"} & set(at.query_params)  # a link copied now opens the page, not a slide


def test_a_saved_agenda_starts_from_the_agenda_page():
    agenda = three_step_agenda()
    at = open_app(page="views/agenda.py")
    next(b for b in at.button if b.key == f"start-{agenda['id']}").click().run()
    assert at.session_state["present"] is True and at.session_state["agenda"] == agenda["id"]
    assert at.session_state[LAST_PAGE] == ""  # the Overview, the first step
    assert "view" not in [g.key for g in at.button_group]  # the step fixes its view: no picker to drift from it


def test_the_draft_is_presented_from_the_top_bar_without_saving_and_its_url_carries_it():
    at = open_app({"ind": "stunting_eppgbm"}, page="views/dimension_health.py")
    add_view(at)
    next(b for b in at.button if b.label == "Presentasikan draf (1)").click().run()
    assert at.session_state["present"] is True and at.session_state["agenda"] == "draft"
    assert any("Langkah 1 dari 1: Kesehatan · Stunting" in m for m in texts(at.markdown))
    assert at.query_params["agenda"] in ("draft", ["draft"]) and at.query_params.get("draft")  # a reload presents the same


def test_a_slide_opens_the_agreements_with_its_indicator_and_a_titled_new_session():
    from metro_poverty.fgd import sessions

    at = open_app({"ind": "stunting_eppgbm"}, page="views/dimension_health.py", session=AS_SECRETARY)
    add_view(at)
    next(b for b in at.button if b.label.startswith("Presentasikan draf")).click().run()
    next(b for b in at.button if b.label == "Catat kesepakatan").click().run()
    assert at.session_state["present"] is False and at.title[0].value == "Kesepakatan FGD"
    title = next(ti for ti in at.text_input if ti.label == "Judul")
    assert title.value == "FGD Indikator Kemiskinan Kota Metro"  # a new session is one click away
    at.switch_page("views/agreements.py")  # AppTest runs its own page again after a switch_page made by the script
    next(b for b in at.button if b.label == "Buat sesi").click().run()
    assert at.selectbox(key="agr_indicator").value == "stunting_eppgbm"  # the indicator the room was looking at
    rows = f"agr-{sessions.list_sessions()[0]['id']}-stunting_eppgbm-fu-0"  # the follow-up rows' keys (agreements_page)
    assert at.text_input(key=f"{rows}-o-0").value == "Dinas Kesehatan"  # its producer owns the first follow-up
    assert at.text_input(key=f"{rows}-o-1").value == ""
    assert len(sessions.list_sessions()) == 1


def test_an_fgd_secretary_records_and_closes_and_the_minutes_name_them_with_wib_times():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD Stunting", "2026-11-24", "Aula Bappeda", ["Ani — BPS", "Budi — Dinas Kesehatan"], SECRETARY)
    at = open_app({"session": session["id"]}, page="views/agreements.py", session=AS_SECRETARY)
    assert not any(ti.label == "Pencatat" for ti in at.text_input)  # the recorder is the signed-in user, not a typed name
    at.selectbox(key="agr_indicator").set_value("stunting_eppgbm").run()
    method = at.text_area(key=f"agr-{session['id']}-stunting_eppgbm-method-0")
    assert method.value == ""  # the method is the room's words: not pre-filled with the catalogue's formula
    method.input("Rasio balita stunting terhadap balita diukur, bulan timbang Agustus")  # method
    rows = f"agr-{session['id']}-stunting_eppgbm-fu-0"
    at.text_input(key=f"{rows}-a-0").input("Kirim rekap e-PPGBM 2025")
    at.text_input(key=f"{rows}-o-0").input("Dinas Kesehatan")
    at.date_input(key=f"{rows}-d-0").set_value(datetime.date(2026, 12, 15))
    next(b for b in at.button if "Simpan kesepakatan" in b.label).click().run()
    saved = sessions.get(session["id"])
    assert [a["indicator"] for a in saved["agreements"]] == ["stunting_eppgbm"]
    assert saved["agreements"][0]["recorded_by"] == "sekretaris.fgd"
    assert saved["agreements"][0]["follow_ups"] == [{"action": "Kirim rekap e-PPGBM 2025", "owner": "Dinas Kesehatan", "due": "2026-12-15"}]
    next(b for b in at.button if b.label == "Tutup sesi").click().run()
    assert sessions.get(session["id"])["status"] == "open"  # one click opens the question, it does not close
    next(b for b in at.button if b.label == "Ya, tutup sesi").click().run()
    assert sessions.get(session["id"])["status"] == "closed"
    assert not any("Simpan kesepakatan" in b.label for b in at.button)  # locked: no more editing
    assert any("berita acara" in d.label.lower() for d in at.get("download_button"))
    from metro_poverty.fgd.minutes import minutes_markdown
    from metro_poverty.ui import cache

    text = minutes_markdown(sessions.get(session["id"]), cache.catalogue())
    assert "FINAL" in text and "bulan timbang Agustus" in text and "Budi — Dinas Kesehatan" in text
    assert "WIB" in text and "sekretaris\\.fgd" in text and "UTC" not in text


def test_a_signed_out_visitor_reads_a_session_and_its_minutes_but_finds_no_write():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD Stunting", "2026-11-24", "", [], SECRETARY)
    sessions.record(session["id"], {"indicator": "p0", "definition": "Susenas Maret"}, [], SECRETARY)
    at = open_app({"session": session["id"]}, page="views/agreements.py")
    assert at.session_state["session"] == session["id"] and not at.exception
    assert not [f for f in at.get("form") if f.proto.form_id != "sign-in-agreements"]  # no new-session or agreement form
    assert not any(b.label == "Tutup sesi" for b in at.button)
    assert len(at.get("download_button")) == 3  # the berita acara as PDF and Word, the minutes as Markdown
    assert "Masuk" in [e.label for e in at.expander]


def test_a_planner_reads_but_does_not_record():
    at = open_app(page="views/agreements.py", session={"signed_in_user": PLANNER})
    assert not any(b.label == "Buat sesi" for b in at.button)
    assert any("sekretaris FGD" in c for c in texts(at.caption))


def test_the_catalogue_shows_the_latest_agreement_of_an_indicator():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD Kemiskinan", "2026-11-24", "", [], SECRETARY)
    sessions.record(session["id"], {"indicator": "p0", "definition": "Definisi BPS, Susenas Maret"}, [], SECRETARY)
    at = open_app({"q": "p0"}, page="views/catalogue.py")
    assert any("Kesepakatan terakhir" in i and "24 November 2026" in i and "Definisi BPS, Susenas Maret" in i for i in texts(at.info))


def test_a_damaged_records_file_is_said_on_the_pages_instead_of_showing_nothing(records):
    from metro_poverty.fgd import sessions
    from metro_poverty.records import database

    sessions.create("FGD", "", "", [], SECRETARY)
    database.forget_checks()
    records.write_bytes(b"garbage" * 100)
    for page in ("views/agreements.py", "views/agenda.py", "views/catalogue.py", "views/scenario.py"):
        at = open_app(page=page)
        assert any("rusak" in e for e in texts(at.error)), page
    assert records.read_bytes() == b"garbage" * 100


def test_an_agenda_share_link_to_the_overview_is_the_root_where_streamlit_serves_it():
    from metro_poverty.ui.agenda_page import share_link

    def first(path):
        return {"id": "a1", "steps": [{"path": path, "params": {"year": "2024"}, "title": "t", "note": ""}]}

    for path in ("", "ringkasan"):
        assert share_link(first(path)).split("?")[0].endswith("://localhost/")
    assert share_link(first("kesehatan")).split("?")[0].endswith("/kesehatan")


def _save(at):
    next(b for b in at.button if "Simpan kesepakatan" in b.label).click().run()


def test_a_save_after_another_secretarys_save_is_refused_with_the_text_kept_then_saved_deliberately():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD", "2026-11-24", "", [], SECRETARY)
    first = sessions.record(session["id"], {"indicator": "p0", "method": "awal"}, [], SECRETARY)
    at = open_app({"session": session["id"]}, page="views/agreements.py", session=AS_SECRETARY)
    at.selectbox(key="agr_indicator").set_value("p0").run()
    at.text_area(key=f"agr-{session['id']}-p0-method-0").input("dari B")  # method, typed while ...
    sessions.record(session["id"], {"indicator": "p0", "method": "dari A"}, [], ADMIN, agreement_id=first["id"], expected_version=1)
    _save(at)  # ... the admin saved version 2
    assert any(w.replace("\\", "").startswith("Tidak disimpan: admin.bps mencatat versi 2") for w in texts(at.warning)), texts(at.warning)
    (agreement,) = sessions.get(session["id"])["agreements"]
    assert (agreement["version"], agreement["method"]) == (2, "dari A")
    assert at.text_area(key=f"agr-{session['id']}-p0-method-0").value == "dari B"  # the typed text is not lost
    assert any(b.label.startswith("Muat versi 2") for b in at.button)
    _save(at)  # read, and saved on purpose
    (agreement,) = sessions.get(session["id"])["agreements"]
    assert (agreement["version"], agreement["method"], agreement["recorded_by"]) == (3, "dari B", "sekretaris.fgd")


def test_a_save_into_a_session_closed_meanwhile_gives_the_typed_text_back():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD", "2026-11-24", "", [], SECRETARY)
    at = open_app({"session": session["id"]}, page="views/agreements.py", session=AS_SECRETARY)
    at.selectbox(key="agr_indicator").set_value("p0").run()
    at.text_area(key=f"agr-{session['id']}-p0-method-0").input("Perubahan SETELAH ditutup")
    sessions.close(session["id"], ADMIN)
    _save(at)
    assert sessions.get(session["id"])["agreements"] == []
    assert any(w.replace("\\", "").startswith("Tidak disimpan: sesi ini ditutup oleh admin.bps") for w in texts(at.warning)), texts(at.warning)
    assert any("Perubahan SETELAH ditutup" in c.value for c in at.code)


def test_from_a_slide_the_rooms_open_session_is_chosen_and_one_click_leads_back_to_the_slide():
    from metro_poverty.fgd import sessions

    room = sessions.create("FGD hari ini", "2026-11-24", "", [], SECRETARY)
    at = open_app({"ind": "stunting_eppgbm"}, page="views/dimension_health.py", session=AS_SECRETARY)
    add_view(at)
    add_view(at)
    next(b for b in at.button if b.label.startswith("Presentasikan draf")).click().run()
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    next(b for b in at.button if b.label == "Catat kesepakatan").click().run()
    at.switch_page("views/agreements.py")
    at.run()
    assert at.session_state["session"] == room["id"]  # not 'Pilih…' and a new-session form
    assert at.selectbox(key="agr_indicator").value == "stunting_eppgbm"
    back = next(b for b in at.button if b.label.startswith("Kembali ke slide"))
    assert back.label == "Kembali ke slide (langkah 2 dari 2)"
    back.click().run()
    assert at.session_state["present"] is True and at.session_state["step"] == 1


def test_a_step_opened_on_another_page_than_its_own_goes_to_its_own():
    """An edited link (step=2 on the Kesehatan page): the bar's 'Langkah 3' is never over another view."""
    agenda = three_step_agenda()
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "2"}, page="views/dimension_health.py")
    assert at.session_state[LAST_PAGE] == "konsep-definisi"


def test_a_step_link_with_settings_of_its_own_shows_the_steps_view_and_names_what_it_did_not_use():
    agenda = three_step_agenda()
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "1", "ind": "zzz", "zz": "1"})  # edited: the Overview
    assert at.session_state[LAST_PAGE] == "kesehatan" and at.session_state["region"] == "18.72.05.1001"
    assert "Langkah 2 agenda tampil dengan pengaturannya sendiri; dari tautan tidak dipakai: «ind», «zz»." in texts(at.toast)


def test_a_step_opened_on_its_own_page_without_its_settings_shows_its_own_view():
    """An edited link on the step's own page (a trend where step 1 is the ranking, or a made-up step number):
    the bar's 'Peringkat' was over the trend. Once arrived, the room's own choices stay."""
    from metro_poverty.fgd import agendas

    agenda = agendas.save("Satu halaman", [
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "view": "rank"}, "title": "Peringkat", "note": ""},
        {"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "view": "compare"}, "title": "Perbandingan", "note": ""},
    ], PLANNER)
    for step in ("0", "abc"):
        at = open_app({"present": "1", "agenda": agenda["id"], "step": step, "ind": "stunting_eppgbm", "view": "trend"},
                      page="views/dimension_health.py")
        assert (at.session_state["step"], at.session_state["view"], at.query_params.get("view")) == (0, "rank", "rank")
    at.session_state["view"] = "map"  # the facilitator opens the map during the discussion
    at.run()
    assert at.session_state["view"] == "map"


def test_a_secretary_adds_an_attendee_who_came_late():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD", "2026-11-24", "", ["Ani — BPS"], SECRETARY)
    at = open_app({"session": session["id"]}, page="views/agreements.py", session=AS_SECRETARY)
    next(ta for ta in at.text_area if ta.label == "Peserta").input("Citra — Bappeda")
    next(b for b in at.button if b.label == "Tambah peserta").click().run()
    assert sessions.get(session["id"])["attendees"] == ["Ani — BPS", "Citra — Bappeda"]


def test_english_stays_english_from_a_slide_to_the_agreements_and_back():
    at = open_app({"ind": "stunting_eppgbm", "lang": "en"}, page="views/dimension_health.py", session=AS_SECRETARY)
    add_view(at)
    next(b for b in at.button if b.label.startswith("Present the draft")).click().run()
    next(b for b in at.button if b.label == "Record agreement").click().run()
    at.switch_page("views/agreements.py").run()
    assert at.session_state["lang"] == "en" and at.title[0].value == "FGD agreements"
    next(b for b in at.button if b.label.startswith("Back to the slide")).click().run()
    assert at.session_state["lang"] == "en" and at.session_state["present"] is True


def test_loading_the_latest_version_after_a_refused_save_replaces_the_typed_text():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD", "2026-11-24", "", [], SECRETARY)
    first = sessions.record(session["id"], {"indicator": "p0", "method": "awal"}, [], SECRETARY)
    at = open_app({"session": session["id"]}, page="views/agreements.py", session=AS_SECRETARY)
    at.selectbox(key="agr_indicator").set_value("p0").run()
    at.text_area(key=f"agr-{session['id']}-p0-method-0").input("teks basi")
    at.text_input(key=f"agr-{session['id']}-p0-fu-0-a-0").input("tindak lanjut basi")
    sessions.record(session["id"], {"indicator": "p0", "method": "dari A"}, [], ADMIN, agreement_id=first["id"], expected_version=1)
    _save(at)
    next(b for b in at.button if b.label.startswith("Muat versi 2")).click().run()
    method = next(ta for ta in at.text_area if ta.key and ta.key.startswith(f"agr-{session['id']}-p0-method-"))
    assert method.value == "dari A"  # the latest, not the stale text
    assert at.text_input(key=f"agr-{session['id']}-p0-fu-1-a-0").value == ""  # the follow-up rows too: version 2 has none
    _save(at)  # unchanged text: a version 3 that says what version 2 said, never the stale text
    assert sessions.get(session["id"])["agreements"][0]["method"] == "dari A"


def test_a_step_never_carries_the_agendas_own_url_keys():
    from metro_poverty.fgd import agendas

    step = agendas.clean_step({"path": "kesehatan", "title": "Stunting",
                               "params": {"ind": "stunting_eppgbm", "draft": "x", "present": "1", "step": "3"}})
    assert step["params"] == {"ind": "stunting_eppgbm"}  # a 'draft' in a step took 'present=1&agenda=draft' out of the link


def test_a_draft_step_to_a_page_that_does_not_exist_is_refused_with_a_notice():
    """Its bar 'Langkah 1 dari 1: X' stood over the Kesehatan page, and the agenda page called it 'Ringkasan'."""
    from metro_poverty.fgd import draft

    link = draft.encode([{"path": "halaman-tidak-ada", "params": {}, "title": "X", "note": ""}])
    at = open_app({"present": "1", "agenda": "draft", "draft": link})
    assert at.session_state["draft"] == []
    assert not any("Langkah 1 dari 1" in m for m in texts(at.markdown))
    assert any("«draft»" in n for n in texts(at.toast)), texts(at.toast)  # on a slide, notices are toasts


def test_a_crafted_draft_link_opens_the_page_with_a_notice():
    """A 291-character draft inflating to JSON nested 200.000 deep showed Streamlit's error box on every page."""
    import base64
    import zlib

    deep = base64.urlsafe_b64encode(zlib.compress(b"[" * 200_000, 9)).decode("ascii").rstrip("=")
    at = open_app({"draft": deep})  # open_app asserts that no exception reached the page
    assert any("«draft»" in w for w in texts(at.warning)), texts(at.warning)

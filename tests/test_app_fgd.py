"""The FGD room through the real app frame (AppTest): presentation mode, agendas, agreements, minutes."""

import pytest

from app_support import ensure_store, open_app, texts


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


@pytest.fixture(autouse=True)
def _fgd_files(tmp_path, monkeypatch):
    from metro_poverty.fgd import agendas, sessions

    monkeypatch.setattr(agendas, "agendas_file", lambda: tmp_path / "agendas.json")
    monkeypatch.setattr(sessions, "sessions_file", lambda: tmp_path / "sessions.json")


def three_step_agenda():
    from metro_poverty.fgd import agendas

    return agendas.save("FGD stunting", [
        {"path": "", "params": {}, "title": "Angka kota", "note": "P0 2024"},
        {"path": "kesehatan", "params": {"region": "18.72.05.1001"}, "title": "Stunting per kelurahan", "note": ""},
        {"path": "konsep-definisi", "params": {"a": "stunting_ssgi", "b": "stunting_eppgbm"}, "title": "SSGI vs e-PPGBM", "note": ""},
    ])


def test_presentation_mode_from_the_url_hides_the_sidebar_and_shows_an_exit():
    at = open_app({"present": "1"})
    assert at.session_state["present"] is True
    assert any("Keluar" in b.label for b in at.button)
    assert any('stSidebar' in h.proto.body and 'display: none' in h.proto.body for h in at.get("html"))


def test_the_frame_adds_the_view_on_screen_to_the_draft_agenda():
    at = open_app({"year": "2022"}, page="views/dimension_health.py")
    next(b for b in at.button if "agenda" in b.label.lower()).click().run()
    assert at.session_state["agenda_draft"] == [{"path": "kesehatan", "params": {"year": "2022"}, "title": "Kesehatan", "note": ""}]


def test_an_agenda_is_presented_step_by_step():
    agenda = three_step_agenda()
    at = open_app({"present": "1", "agenda": agenda["id"], "step": "0"})
    assert any("Langkah 1 dari 3: Angka kota" in m for m in texts(at.markdown))
    previous = next(b for b in at.button if b.label == "Sebelumnya")
    assert previous.disabled
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    assert at.session_state["step"] == 1
    assert at.title[0].value.startswith("Kesehatan")
    assert at.session_state["region"] == "18.72.05.1001"
    assert any("Langkah 2 dari 3" in m for m in texts(at.markdown))


def test_a_saved_agenda_starts_from_the_agenda_page():
    agenda = three_step_agenda()
    at = open_app(page="views/agenda.py")
    next(b for b in at.button if b.key == f"start-{agenda['id']}").click().run()
    assert at.session_state["present"] is True and at.session_state["agenda"] == agenda["id"]
    assert at.title[0].value.startswith("Ringkasan")


def test_an_agenda_step_refuses_a_bad_page_path():
    from metro_poverty.fgd import agendas

    with pytest.raises(ValueError):
        agendas.save("x", [{"path": "../etc/passwd", "params": {}, "title": "t"}])


def test_an_agreement_is_recorded_closed_and_written_into_the_minutes():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD Stunting", "2026-11-24", "Aula Bappeda", ["Ani — BPS", "Budi — Dinas Kesehatan"], "Ani")
    at = open_app({"session": session["id"]}, page="views/agreements.py")
    at.text_input(key="fgd_author").input("Ani").run()
    at.selectbox(key="agr_indicator").set_value("stunting_eppgbm").run()
    at.text_area[1].input("Rasio balita stunting terhadap balita diukur, bulan timbang Agustus")  # method
    next(b for b in at.button if "Simpan kesepakatan" in b.label).click().run()
    saved = sessions.get(session["id"])
    assert [a["indicator"] for a in saved["agreements"]] == ["stunting_eppgbm"]
    assert saved["agreements"][0]["recorded_by"] == "Ani"
    at.checkbox(key="agr_close_sure").check().run()
    next(b for b in at.button if b.label == "Tutup sesi").click().run()
    assert sessions.get(session["id"])["status"] == "closed"
    assert not any("Simpan kesepakatan" in b.label for b in at.button)  # locked: no more editing
    minutes = next(d for d in at.get("download_button") if "berita acara" in d.label.lower())
    assert minutes is not None
    from metro_poverty.fgd.minutes import minutes_markdown
    from metro_poverty.ui import cache

    text = minutes_markdown(sessions.get(session["id"]), cache.catalogue())
    assert "FINAL" in text and "bulan timbang Agustus" in text and "Budi — Dinas Kesehatan" in text


def test_a_closed_session_refuses_changes():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD", "", "", [], "Ani")
    sessions.close(session["id"], "Ani")
    with pytest.raises(sessions.SessionClosed):
        sessions.record(session["id"], {"indicator": "p0"}, [], "Ani")


def test_the_catalogue_shows_the_latest_agreement_of_an_indicator():
    from metro_poverty.fgd import sessions

    session = sessions.create("FGD Kemiskinan", "2026-11-24", "", [], "Ani")
    sessions.record(session["id"], {"indicator": "p0", "definition": "Definisi BPS, Susenas Maret"}, [], "Ani")
    at = open_app({"q": "p0"}, page="views/catalogue.py")
    assert any("Kesepakatan terakhir" in i and "Definisi BPS, Susenas Maret" in i for i in texts(at.info))


def test_the_latest_agreement_of_each_indicator_comes_with_how_many_there_are():
    from metro_poverty.fgd import sessions

    first = sessions.create("FGD 1", "2026-11-01", "", [], "Ani")
    sessions.record(first["id"], {"indicator": "p0", "definition": "lama"}, [], "Ani")
    second = sessions.create("FGD 2", "2026-11-24", "", [], "Ani")
    sessions.record(second["id"], {"indicator": "p0", "definition": "baru"}, [], "Ani")
    session, agreement, n = sessions.latest_by_indicator()["p0"]
    assert (session["title"], agreement["definition"], n) == ("FGD 2", "baru", 2)
    assert len(sessions.history("p0")) == 2

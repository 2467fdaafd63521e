"""Sinkronisasi Data and Unggah Data through the real app frame (AppTest)."""

import re

import pytest

from app_support import ensure_store, open_app, texts
from records_support import records  # noqa: F401 - fixture


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


def test_reconciliation_shows_the_seeded_stunting_disagreement_with_its_reason():
    at = open_app(page="views/reconciliation.py")
    table = at.table[0].value
    stunting = table[table["Indikator"] == "Stunting (e-PPGBM)"]
    assert set(stunting["Tahun"]) >= {"2022", "2024"}
    assert any("bertentangan" in r for r in stunting["Kemungkinan penyebab"])
    # a local statement beside Dinas Kesehatan's e-PPGBM figure: no one says it is the same figure
    assert "⚠ berbeda; kesamaan konsepnya belum dipastikan" in set(stunting["Toleransi"])
    assert "⚠ melebihi toleransi" not in set(stunting.loc[stunting["Tahun"] == "2022", "Toleransi"])


def test_reconciliation_gives_no_difference_between_a_published_and_an_illustrative_value():
    at = open_app(page="views/reconciliation.py")
    table = at.table[0].value
    made_up = table[table["Nilai lain"].str.contains("ILUSTRASI") | table["Rujukan (ditampilkan)"].str.contains("ILUSTRASI")]
    assert len(made_up) and set(made_up["Selisih"]) == {"–"}, made_up


def test_the_figure_whose_versions_are_listed_is_in_the_url():
    at = open_app(page="views/reconciliation.py")
    first = at.selectbox(key="figure").value
    at.selectbox(key="figure").select(("stunting_eppgbm", "18.72")).run()
    assert at.query_params["figure"] == "stunting_eppgbm~18.72"
    shared = open_app({"figure": "stunting_eppgbm~18.72"}, page="views/reconciliation.py")
    assert shared.selectbox(key="figure").value == ("stunting_eppgbm", "18.72")
    hostile = open_app({"figure": "<script>~18.72"}, page="views/reconciliation.py")
    assert hostile.selectbox(key="figure").value == first  # the default, with a notice naming it
    assert any("«figure»" in w and "«script18.72»" in w and " — " in w for w in texts(hostile.warning)), texts(hostile.warning)


def test_reconciliation_sets_the_enrolment_and_stunting_concepts_side_by_side():
    at = open_app({"view": "pairs"}, page="views/reconciliation.py")
    assert {"APS 16–18 ↔ APK SMA/SMK (Dapodik)", "Stunting (survei) ↔ Stunting (e-PPGBM)"} <= set(texts(at.subheader))
    assert any("tempat tinggal" in i for i in texts(at.info))


def test_definitional_pairs_carry_no_tolerance_flag_and_use_published_figures():
    at = open_app({"view": "pairs"}, page="views/reconciliation.py")
    frames = [d.value for d in at.table]
    assert all("Toleransi" not in f.columns for f in frames)
    stunting = next(f for f in frames if "Stunting (e-PPGBM)" in f.columns)
    assert list(stunting["Stunting (e-PPGBM)"][stunting["Tahun"].isin(["2020", "2022"])]) == [
        "9,91% · Resmi, dari catatan proyek · Catatan proyek (shared/DOMAIN.md) yang mengutip berita daerah tentang angka Dinas Kesehatan Kota Metro",
        "6,67% · Resmi, dari catatan proyek · Catatan proyek (shared/DOMAIN.md) yang mengutip berita daerah tentang angka Dinas Kesehatan Kota Metro"]


def test_the_same_figure_from_two_published_documents_agrees_within_rounding():
    from metro_poverty.ui.reconcile_page import WITHIN_OPEN

    closed = open_app(page="views/reconciliation.py")
    at = open_app(page="views/reconciliation.py", session={WITHIN_OPEN: True})
    assert len(at.table) == len(closed.table) + 1  # drawn only when its fold is open (688 cells on every visit before)
    table = at.table[1].value  # the agreements, folded under the disagreements
    p0 = table[(table["Indikator"] == "P0") & (table["Wilayah"] == "Kota Metro")]
    assert len(p0) and set(p0["Toleransi"]) == {"dalam toleransi pembulatan"}


def test_data_quality_view_lists_completeness_freshness_outliers_and_values_to_confirm():
    at = open_app({"view": "quality"}, page="views/reconciliation.py")
    assert len(texts(at.subheader)) == 4
    assert any(e.startswith("DATA ILUSTRASI") for e in texts(at.error))  # the kelurahan values checked are the demo's
    waiting = at.table[-1].value
    assert "Sementara" in set(waiting["Status"])
    # a count derived from P0 × population has the precision it has (DOMAIN §6: 12,8 ribu, not 12,80)
    derived = waiting[(waiting["Tahun"] == "2023") & (waiting["Wilayah"] == "Kota Metro") & waiting["Indikator"].str.startswith("Jumlah")]
    assert list(derived["Nilai"]) == ["12,8 ribu jiwa"]


def test_signed_out_visitors_cannot_upload_or_roll_back(monkeypatch, tmp_path, records):
    from metro_poverty.intake import auth

    monkeypatch.setattr(auth, "users_file", lambda: tmp_path / "users.toml")
    at = open_app({"view": "upload"}, page="views/upload.py")  # no URL parameter can sign anyone in
    assert any("Belum ada pengguna" in i for i in texts(at.info))
    assert not at.get("file_uploader")
    assert not any("Batalkan" in b.label for b in at.button)


def test_an_officer_signs_in_and_only_then_sees_the_uploader(monkeypatch, tmp_path, records):
    from metro_poverty.intake import auth

    users = tmp_path / "users.toml"
    auth.add_user("petugas.dinkes", "rahasia-dinkes-2026", "opd", "Dinas Kesehatan", path=users)
    monkeypatch.setattr(auth, "users_file", lambda: users)
    at = open_app(page="views/upload.py")
    assert not at.get("file_uploader")
    sign_in(at, "petugas.dinkes", "salah-kata-sandi")
    assert any("salah" in e for e in texts(at.error))
    sign_in(at, "petugas.dinkes", "rahasia-dinkes-2026")
    assert at.session_state["signed_in_user"].username == "petugas.dinkes"
    assert at.get("file_uploader")


def sign_in(at, name, password):
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label == "Masuk").click().run()


def test_guessing_is_slowed_then_locked_and_the_right_password_is_refused_while_locked(monkeypatch, tmp_path, records):
    from metro_poverty.intake import auth
    from metro_poverty.records import attempts

    users = tmp_path / "users.toml"
    auth.add_user("petugas.dinkes", "rahasia-dinkes-2026", "opd", "Dinas Kesehatan", path=users)
    monkeypatch.setattr(auth, "users_file", lambda: users)
    clock = [1_000_000.0]
    monkeypatch.setattr(attempts.time, "time", lambda: clock[0])
    at = open_app(page="views/upload.py")
    sign_in(at, "petugas.dinkes", "tebakan")
    sign_in(at, "petugas.dinkes", "tebakan lagi")
    sign_in(at, "petugas.dinkes", "tebakan ketiga")
    sign_in(at, "petugas.dinkes", "rahasia-dinkes-2026")  # the fourth at once: asked to wait, the password unchecked
    assert "signed_in_user" not in at.session_state and any("Tunggu" in e for e in texts(at.error))
    for guess in range(15):  # a guess every 0,6 s, as in the issue, then the right password
        sign_in(at, "petugas.dinkes", f"tebakan-{guess}")
        clock[0] += 0.6
    sign_in(at, "petugas.dinkes", "rahasia-dinkes-2026")
    assert "signed_in_user" not in at.session_state and any("dikunci" in e for e in texts(at.error))
    clock[0] += attempts.POLICIES["user"].lock_seconds + 1
    sign_in(at, "petugas.dinkes", "rahasia-dinkes-2026")
    assert at.session_state["signed_in_user"].username == "petugas.dinkes"


def test_signed_out_visitors_see_when_batches_were_loaded_but_not_who_or_which_file(monkeypatch, tmp_path, records):
    from metro_poverty.intake import loader
    from metro_poverty.store.batches import BatchRecord

    batch = BatchRecord("20250101T000000000000Z-00000000", "=cmd|' -C calc'!A0.csv", "0" * 64, "csv", 1, "petugas.dinkes", "Dinas Kesehatan",
                        "2025-01-01T00:00:00+00:00", {"status": "provisional"}, counts={"observations": 22})
    monkeypatch.setattr(loader, "history", lambda inputs=None: [batch])
    at = open_app(page="views/upload.py")
    shown = at.dataframe[-1].value
    assert list(shown.columns) == ["Dimuat pada", "Nilai", "Status data", "Status unggahan"] and list(shown["Nilai"]) == [22]
    assert list(shown["Status data"]) == ["Sementara"] and list(shown["Status unggahan"]) == ["aktif"]
    assert list(shown["Dimuat pada"]) == ["Rabu, 1 Januari 2025, 07.00 WIB"]  # Metro's time, not UTC
    assert "petugas.dinkes" not in shown.to_string() and "cmd" not in shown.to_string()


def test_the_sources_page_counts_in_indonesian_format():
    import re

    at = open_app(page="views/data_sources.py")
    label = next(b.label for b in at.get("download_button") if b.label.startswith("Unduh CSV"))
    assert re.match(r"Unduh CSV \(\d{1,3}(\.\d{3})+ nilai", label), label  # 1.762, not 1762
    assert any(re.search(r"· \d{1,3}(\.\d{3})+ nilai ·", c) for c in texts(at.caption))


def test_the_sources_page_lists_the_upload_sources_and_writes_years_as_years():
    at = open_app(page="views/data_sources.py")
    table = at.table[0].value
    uploads = table[table["Rujukan"] == "halaman Unggah Data"]
    assert len(uploads) == 2 and set(uploads["Nilai (tahun)"]) == {"0"}  # no value loaded yet
    assert "Belum ada nilai — primer: berkas yang diserahkan OPD (bukan publikasi)" in set(uploads["Status — cara diketahui"])
    given = table[table["Nilai (tahun)"] != "0"]
    assert len(given) and all(re.fullmatch(r"\d{1,3}(\.\d{3})* \((19|20)\d\d(–(19|20)\d\d)?\)", v) for v in given["Nilai (tahun)"])
    assert all(re.fullmatch(r"(Resmi|Sementara|Ilustrasi) — .+", v) for v in given["Status — cara diketahui"])


def test_a_sources_web_address_is_a_link_that_copies_whole_and_any_other_reference_is_escaped_text():
    """A web address given as text carried an invisible joiner after 'https:' (what keeps typed text from becoming
    a link), so a copied address did not open."""
    references = list(open_app(page="views/data_sources.py").table[0].value["Rujukan"])
    links = [r for r in references if r.startswith("<http")]
    assert links and all(re.fullmatch(r"<https?://[^\s<>\u2060]+>", r) for r in links)
    assert "shared/DOMAIN\\.md §4, angka bertanda \\[derived\\]" in references  # Markdown marks escaped


def test_a_rollback_asks_first_naming_the_batch_and_happens_only_on_yes(monkeypatch, records):
    """A rolled-back batch cannot be made active again: one click on 'Batalkan unggahan' only asks."""
    from metro_poverty.intake import auth, loader
    from metro_poverty.store.batches import BatchRecord

    batch = BatchRecord("20250101T000000000000Z-00000000", "stunting *2025*.csv", "0" * 64, "csv", 1, "petugas.dinkes", "Dinas Kesehatan",
                        "2025-01-01T00:00:00+00:00", {"status": "provisional"}, counts={"observations": 22})
    rolled = []
    monkeypatch.setattr(loader, "history", lambda inputs=None: [batch])
    monkeypatch.setattr(auth, "can_rollback", lambda user, b: True)
    monkeypatch.setattr(loader, "rollback", lambda bid, user, *a, **k: rolled.append(bid) or loader.Outcome(loader.ROLLED_BACK, bid))
    at = open_app(page="views/upload.py", session={"signed_in_user": auth.User("petugas.dinkes", "opd", "Dinas Kesehatan")})
    next(b for b in at.button if b.label == "Batalkan unggahan").click().run()
    asked = " ".join(texts(at.warning))
    assert "Batalkan unggahan 20250101T000000000000Z-00000000 («stunting \\*2025\\*\\.csv», 22 nilai" in asked  # the name as typed
    assert "tidak dapat diaktifkan lagi" in asked and rolled == []
    next(b for b in at.button if b.label == "Tidak").click().run()
    assert not any("tidak dapat diaktifkan lagi" in w for w in texts(at.warning)) and rolled == []
    next(b for b in at.button if b.label == "Batalkan unggahan").click().run()
    next(b for b in at.button if b.label == "Ya, batalkan unggahan ini").click().run()
    assert rolled == ["20250101T000000000000Z-00000000"]
    assert not any("tidak dapat diaktifkan lagi" in w for w in texts(at.warning))


def test_choosing_another_batch_withdraws_the_question_so_yes_never_rolls_back_a_batch_not_shown(monkeypatch, records):
    from metro_poverty.intake import auth, loader
    from metro_poverty.store.batches import BatchRecord

    batches = [BatchRecord(f"2025010{i}T000000000000Z-0000000{i}", name, "0" * 64, "csv", 1, "petugas.dinkes", "Dinas Kesehatan",
                           f"2025-01-0{i}T00:00:00+00:00", {"status": "provisional"}, counts={"observations": 22})
               for i, name in ((2, "B_second.csv"), (1, "A_first.csv"))]
    rolled = []
    monkeypatch.setattr(loader, "history", lambda inputs=None: batches)
    monkeypatch.setattr(auth, "can_rollback", lambda user, b: True)
    monkeypatch.setattr(loader, "rollback", lambda bid, user, *a, **k: rolled.append(bid) or loader.Outcome(loader.ROLLED_BACK, bid))
    at = open_app(page="views/upload.py", session={"signed_in_user": auth.User("petugas.dinkes", "opd", "Dinas Kesehatan")})
    assert at.selectbox(key="rollback_batch").value == batches[0].batch_id
    next(b for b in at.button if b.label == "Batalkan unggahan").click().run()
    assert any("B\\_second" in w for w in texts(at.warning))
    at.selectbox(key="rollback_batch").select(batches[1].batch_id).run()
    assert not any("tidak dapat diaktifkan lagi" in w for w in texts(at.warning))  # asked about B: not about A
    assert not any(b.label == "Ya, batalkan unggahan ini" for b in at.button) and rolled == []


def test_a_corrected_file_with_the_same_columns_is_read_with_the_mapping_given_to_the_one_before(monkeypatch):
    """An officer mapped the columns on the page, got errors, fixed a cell in Excel and uploaded again: the mapping
    form came back empty (a mapping is remembered only once a file loads). A file of other columns starts afresh."""
    from types import SimpleNamespace

    import streamlit as st

    from metro_poverty.intake.choices import Choices
    from metro_poverty.pipeline.manifest import Measure
    from metro_poverty.problems import Problem
    from metro_poverty.ui import upload_page

    monkeypatch.setattr(st, "session_state", {})
    measures = (Measure("stunting_eppgbm", "numerator", "children", column="Balita pendek"),)
    first = upload_page._state(b"first file")
    first["preview"] = SimpleNamespace(columns=["Desa", "Balita pendek"], errors=[],
                                       choices=Choices(measures=measures, region_column="Desa", region_level="kelurahan", period=2024))
    state = upload_page._state(b"the corrected file")
    unmapped = [Problem("columns_unmapped", "f.csv")]
    same = SimpleNamespace(columns=["Desa", "Balita pendek"], errors=unmapped, choices=state["choices"])
    carried = upload_page._carried(same, state)
    assert (carried.measures, carried.region_column, carried.region_level, carried.period) == (measures, "Desa", "kelurahan", None)
    assert upload_page._carried(SimpleNamespace(columns=["Kelurahan", "Balita pendek"], errors=unmapped, choices=state["choices"]), state) is None
    assert upload_page._carried(SimpleNamespace(columns=["Desa", "Balita pendek"], errors=[], choices=state["choices"]), state) is None


def test_the_sources_page_does_not_call_a_derived_figure_a_media_quote():
    table = open_app(page="views/data_sources.py").table[0].value
    derived = table[table["Rujukan"].str.contains("\\[derived\\]", regex=False)]  # DOMAIN's figures marked [derived]
    assert len(derived) == 1 and list(derived["Status — cara diketahui"]) == ["Sementara — turunan: dihitung dari angka terbitan"]


def test_a_corrected_file_keeps_the_spellings_confirmed_for_the_one_before(monkeypatch):
    """An officer confirmed 'Kel. Hadimulyo Brt' = Hadimulyo Barat, fixed another row in Excel and uploaded again:
    the confirmed spelling's error was back. Nothing else is carried: a new file starts afresh."""
    import streamlit as st

    from metro_poverty.ui import upload_page

    monkeypatch.setattr(st, "session_state", {})
    state = upload_page._state(b"first file")
    state["choices"] = state["choices"].but(aliases={"Kel. Hadimulyo Brt": "18.72.01.1004"}, period=2024)
    state["accepted"].add("abc")
    again = upload_page._state(b"the corrected file")
    assert again["choices"].aliases == {"Kel. Hadimulyo Brt": "18.72.01.1004"}
    assert again["choices"].period is None and again["accepted"] == set() and again["choices"].status == "provisional"


def test_the_reports_row_column_keeps_whole_numbers_beside_a_problem_of_the_whole_file(monkeypatch):
    """One problem with no row (the file's 'DATA ILUSTRASI' title) made the column float: '23.0', 'nan'."""
    from types import SimpleNamespace

    import streamlit as st

    from metro_poverty.ui import upload_page

    shown = {}
    monkeypatch.setattr(upload_page.tables, "show", lambda frame, headers, **_: shown.setdefault("frame", frame))
    monkeypatch.setattr(st, "checkbox", lambda *a, **k: False)
    rows = [{"severity": "PERINGATAN", "row": None, "column": "", "found": "", "expected": "x", "level": "warning"},
            {"severity": "GALAT", "row": 23, "column": "Kelurahan", "found": "Kel. Tejo Agungg", "expected": "y", "level": "error"}]
    upload_page._report(SimpleNamespace(report=lambda lang: rows), {"accepted": set()}, "id")
    assert list(shown["frame"]["row"]) == ["", "23"]


def test_warnings_of_one_kind_are_accepted_with_one_tick_naming_their_rows(monkeypatch):
    """Nine 'Saya sudah memeriksa' boxes for one kind of warning, each tick a rerun; one kind alone keeps its own."""
    from types import SimpleNamespace

    import streamlit as st

    from metro_poverty.ui import upload_page

    labels = []
    monkeypatch.setattr(upload_page.tables, "show", lambda *a, **k: None)
    monkeypatch.setattr(st, "checkbox", lambda label, **_: labels.append(label) or True)
    rows = [{"level": "warning", "code": "stated_differs", "row": r, "key": f"k{r}", "message": f"m{r}", "expected": "persentase tertulis berbeda"}
            for r in (5, 6, 9)] + [{"level": "warning", "code": "hidden_rows", "row": 26, "key": "h", "message": "baris tersembunyi", "expected": "x"}]
    state = {"accepted": set()}
    upload_page._report(SimpleNamespace(report=lambda lang: [r | {"severity": "PERINGATAN", "column": "", "found": ""} for r in rows]), state, "id")
    assert labels == ["Saya sudah memeriksa 3 peringatan sejenis (baris 5, 6, 9), misalnya: persentase tertulis berbeda",
                      "Saya sudah memeriksa: baris tersembunyi"]
    assert state["accepted"] == {"k5", "k6", "k9", "h"}

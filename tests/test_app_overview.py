"""The Overview page as a visitor sees it, through the real app.py frame (AppTest)."""

import pytest

from app_support import ensure_store, open_app, texts


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


def metric(at, label_start: str):
    return next(m for m in at.metric if m.label.startswith(label_start))


def test_opens_on_the_latest_complete_release_with_published_figures():
    at = open_app()
    assert at.title[0].value == "Ringkasan Kemiskinan 2024"
    assert metric(at, "P0").value == "6,78%"
    assert metric(at, "P1").value == "0,77"
    assert metric(at, "P2").value == "0,15"
    assert metric(at, "GK").value == "Rp 503.161"
    assert metric(at, "Jumlah miskin").value == "12,07"


def test_headline_change_is_from_the_previous_published_year():
    at = open_app()
    assert metric(at, "P0").delta == "-0,50 poin vs 2023"


def test_headline_figures_carry_their_source():
    at = open_app()
    captions = " ".join(texts(at.caption))
    assert "metrokota.bps.go.id news 2025/04/16/269" in captions
    assert "Lampung 10,69% · Indonesia 9,03%" in captions


def test_frame_drawn_by_app_py_is_present():
    at = open_app()
    assert at.sidebar.button_group  # the language control lives in app.py's frame, not in the page
    assert at.sidebar.selectbox[0].label == "Tahun"


def test_illustrative_map_data_is_labelled_on_screen():
    at = open_app()
    assert any("DATA ILUSTRASI" in e for e in texts(at.error))


def test_year_from_url_is_shown():
    at = open_app({"year": "2022"})
    assert at.title[0].value == "Ringkasan Kemiskinan 2022"
    assert metric(at, "P0").value == "7,87%"
    assert metric(at, "P1").value == "–"


def test_english_from_url():
    at = open_app({"lang": "en"})
    assert at.title[0].value == "Poverty overview, 2024"
    assert metric(at, "GK").value == "Rp 503,161"  # English UI, English number format


def test_state_round_trip_through_the_url():
    at = open_app()
    at.sidebar.selectbox[0].select(2021).run()
    at.selectbox(key="map_ind").select("stunting_eppgbm").run()
    at.button_group(key="level").set_value("kecamatan").run()
    written = dict(at.query_params)
    assert written == {"year": ["2021"], "map_ind": ["stunting_eppgbm"], "level": ["kecamatan"]} or written == {
        "year": "2021", "map_ind": "stunting_eppgbm", "level": "kecamatan"}
    reopened = open_app({k: (v[0] if isinstance(v, list) else v) for k, v in written.items()})
    assert reopened.session_state["year"] == 2021
    assert reopened.session_state["map_ind"] == "stunting_eppgbm"
    assert reopened.session_state["level"] == "kecamatan"
    assert reopened.title[0].value.endswith("2021")


def test_default_view_has_a_clean_url():
    at = open_app()
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("params", [
    {"year": "<script>alert(1)</script>"},
    {"year": "99999999999999999999"},
    {"map_ind": "'; drop table observations; --"},
    {"level": "provinsi"},
    {"lang": "fr"},
    {"year": ""},
])
def test_hostile_parameter_falls_back_with_a_notice(params):
    at = open_app(params)
    assert at.title[0].value.startswith(("Ringkasan", "Poverty"))
    notices = texts(at.warning)
    assert any("tidak dikenal" in n for n in notices), notices
    assert not any("<script>" in n for n in notices)


def test_unknown_parameter_is_ignored_with_a_notice():
    at = open_app({"foo": "bar"})
    assert any("«foo»" in n for n in texts(at.warning))
    assert "foo" not in at.query_params


def test_a_change_from_a_provisional_figure_says_so():
    at = open_app()
    # 2023's number of poor is not official: the card says its change is measured against a provisional figure
    assert any("pembanding 2023: Sementara" in c for c in texts(at.caption))

"""The four dimension pages and the region profile, through the real app.py frame (AppTest)."""

import json

import pytest

from app_support import ensure_store, open_app, texts

DIMENSION_PAGES = {
    "income": "views/dimension_income.py",
    "education": "views/dimension_education.py",
    "health": "views/dimension_health.py",
    "basic_services": "views/dimension_basic_services.py",
}
VIEWS = ("map", "rank", "trend", "compare", "table")


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


def indicator_codes(at):
    return list(at.selectbox(key="ind").options)


def indicators_of(dimension: str) -> list:
    from metro_poverty.ui.dimension_page import indicators_of

    return indicators_of(dimension)


@pytest.mark.parametrize("dimension", DIMENSION_PAGES)
def test_every_indicator_of_every_dimension_opens_in_every_view_at_every_level(dimension):
    at = open_app(page=DIMENSION_PAGES[dimension])
    assert at.button_group(key="lang")  # app.py's frame is drawn around the page
    indicators = indicators_of(dimension)
    assert len(at.selectbox(key="ind").options) == len(indicators) >= 3
    expected, shown = set(), set()

    def run(widget, value):
        widget.set_value(value).run()
        assert not at.exception, (dimension, value, _where(at), [e.value for e in at.exception])
        if _has_views(at):  # what this rerun drew: the indicator, level and view it was left at
            shown.add(_where(at))

    # Each rerun draws one (indicator, level, view); the walk goes on from wherever the last rerun left the
    # page (a new indicator or level keeps the view shown), so no rerun only goes back to a starting view.
    for ind in indicators:
        run(at.selectbox(key="ind"), ind.code)
        assert at.session_state["ind"] == ind.code
        if not _has_views(at):
            continue
        expected |= {(ind.code, level, view) for level in ind.map_levels for view in VIEWS}
        for level in _starting_with(ind.map_levels, at.session_state["level"]):
            if at.session_state["level"] != level:
                run(at.button_group(key="level"), level)
            assert at.session_state["level"] == level
            for view in _starting_with(VIEWS, at.session_state["view"])[1:]:
                run(at.button_group(key="view"), view)
    assert shown == expected
    assert len(expected) >= 2 * len(VIEWS)  # not a walk that skipped everything


def _where(at) -> tuple:
    return tuple(at.session_state[key] if key in at.session_state else None for key in ("ind", "level", "view"))


def _starting_with(options, first) -> list:
    """The options in their order, turned round to begin at `first` (when it is one of them)."""
    options = list(options)
    i = options.index(first) if first in options else 0
    return options[i:] + options[:i]


def _has_views(at) -> bool:
    return any(getattr(b, "key", None) == "view" for b in at.button_group)


def test_the_indicator_picker_lists_only_that_dimensions_indicators():
    at = open_app(page=DIMENSION_PAGES["health"])
    labels = [str(o) for o in at.selectbox(key="ind").options]
    assert any("Stunting" in label for label in labels)
    assert not any("APS" in label or "Partisipasi" in label for label in labels)


def test_switching_level_shows_kecamatan():
    at = open_app({"ind": "stunting_eppgbm"}, page=DIMENSION_PAGES["health"])
    at.button_group(key="level").set_value("kecamatan").run()
    at.button_group(key="view").set_value("table").run()
    table = at.table[0].value
    assert len(table) == 5
    assert set(table["Kecamatan"]) == {"Metro Pusat", "Metro Utara", "Metro Barat", "Metro Timur", "Metro Selatan"}  # the names


def test_a_selected_region_shows_its_rank_and_gap_to_the_city():
    at = open_app({"ind": "stunting_eppgbm", "region": "18.72.03.1002"}, page=DIMENSION_PAGES["health"])
    assert "Ganjar Agung" in texts(at.subheader)
    body = " ".join(texts(at.markdown))
    assert "dari 22 (1 = terbaik)" in body
    gap = next(m for m in at.metric if m.label.startswith("Stunting"))
    assert gap.delta.endswith("poin vs kota")  # a gap between two percentages is in points, not a relative %
    assert any(m.startswith("Kota Metro: ") for m in texts(at.markdown))  # the city's value on a line of its own


def test_a_kelurahan_is_not_judged_against_the_citys_target():
    """UHC's 95% is set for the city on BPJS's kab/kota figure: Rejomulyo's extract by address was 'belum tercapai'."""
    at = open_app({"ind": "jkn_coverage", "region": "18.72.05.1001"}, page=DIMENSION_PAGES["health"])
    shown = " ".join(texts(at.markdown) + texts(at.caption))
    assert "tercapai" not in shown
    assert "berlaku untuk tingkat kota pada sumbernya sendiri; angka per kelurahan tidak dinilai terhadapnya" in shown


def test_clearing_the_selection_removes_it_from_the_url():
    at = open_app({"ind": "stunting_eppgbm", "region": "18.72.03.1002"}, page=DIMENSION_PAGES["health"])
    next(b for b in at.button if b.label == "Hapus pilihan").click().run()
    assert at.session_state["region"] is None
    assert "region" not in at.query_params


def test_a_survey_estimate_has_no_map_and_says_why():
    # UHH is a projection, not a survey (DOMAIN §6): called a macro estimate, its source named
    at = open_app({"ind": "uhh"}, page=DIMENSION_PAGES["health"])
    assert any("estimasi makro untuk seluruh wilayah, dari Proyeksi penduduk BPS berbasis SP2020 Long Form:" in i for i in texts(at.info))
    assert not any("estimasi survei" in c.lower() for c in texts(at.info) + texts(at.caption))
    assert not _has_views(at)


def test_a_survey_poverty_measure_carries_the_sampling_error_note_and_its_target_names_its_plan(monkeypatch):
    import streamlit

    drawn = []
    original = streamlit.vega_lite_chart
    monkeypatch.setattr(streamlit, "vega_lite_chart", lambda *a, spec=None, **k: (drawn.append(spec), original(*a, spec=spec, **k))[1])
    at = open_app({"ind": "p0"}, page=DIMENSION_PAGES["income"])
    assert any("belum diuji terhadap galat sampling Susenas" in c for c in texts(at.caption))
    labels = [row.get("label") for spec in drawn for rows in spec.get("datasets", {}).values() for row in rows]
    assert "Target 2% pada 2045 (RPJPD Kota Metro 2025–2045)" in labels  # a 2045 target says so beside its line, as its document writes it (not 2,00%)
    at = open_app({"ind": "stunting_eppgbm"}, page=DIMENSION_PAGES["health"])
    assert not any("galat sampling" in c for c in texts(at.caption))  # records have no sampling error


def test_the_trend_shows_the_citys_released_figures_beside_the_illustrative_line(monkeypatch):
    import streamlit

    drawn = []
    original = streamlit.vega_lite_chart
    monkeypatch.setattr(streamlit, "vega_lite_chart", lambda *a, spec=None, **k: (drawn.append(spec), original(*a, spec=spec, **k))[1])
    at = open_app({"ind": "stunting_eppgbm", "view": "trend"}, page=DIMENSION_PAGES["health"])
    points = {(row["period"], row["value"], row["status_text"], row["region_name"]) for spec in drawn
              for rows in spec.get("datasets", {}).values() for row in rows if row.get("value") is not None and "status_text" in row}
    assert (2022, 6.67, "Resmi, dari catatan proyek", "Kota Metro") in points  # released by Dinas Kesehatan, relayed by our notes
    # the sum of the illustrative kelurahan records is its own legend entry: one colour never stands for both
    assert {r for _, _, s, r in points if s.startswith("ILUSTRASI")} == {"Kota Metro (ilustrasi)"}
    # a local official's statement is not Dinas Kesehatan's figure (the concept is unconfirmed): its own entry and colour
    assert (2024, 7.1, "Sementara", "Kota Metro menurut Pemerintah Kota Metro") in points
    # and its 8,7% for 2022, which disagrees with e-PPGBM's 6,67% of that year, is on the chart too (DOMAIN §4's FGD case)
    assert (2022, 8.7, "Sumber berbeda", "Kota Metro menurut Pemerintah Kota Metro") in points
    notes = " ".join(c.replace("\\", "") for c in texts(at.caption) if c.startswith("Catatan nilai"))
    assert "Kota Metro menurut Pemerintah Kota Metro 2022: berbeda dengan angka e-PPGBM 6,67%" in notes  # whose value differs
    assert any(c.startswith("Tanda ungu: angka menurut Pemerintah Kota Metro, bukan produsen indikator ini (Dinas Kesehatan)")
               for c in texts(at.caption))  # and what the purple marks are: a concept not confirmed the same
    assert {r for y, v, _, r in points if (y, v) in {(2020, 9.91), (2022, 6.67)}} == {"Kota Metro"}  # Dinas Kesehatan's
    scales = [layer["encoding"]["color"].get("scale", {}) for spec in drawn for layer in spec.get("layer", []) if "color" in layer.get("encoding", {})]
    colours = {n: c for sc in scales for n, c in zip(sc.get("domain", []), sc.get("range", []))}
    assert len({colours.get(n) for n in ("Kota Metro", "Kota Metro (ilustrasi)", "Kota Metro menurut Pemerintah Kota Metro")}) == 3


def test_a_city_level_record_is_not_called_a_survey_estimate():
    at = open_app({"ind": "apk_sma_dapodik"}, page=DIMENSION_PAGES["education"])
    assert any("catatan administratif yang tersedia untuk tingkat kota saja, dari Dapodik" in i for i in texts(at.info))
    assert not any(w in c.lower() for w in ("estimasi survei (", "estimasi survei untuk", "estimasi makro") for c in texts(at.caption) + texts(at.info))


def test_counts_of_people_never_share_an_axis_across_areas():
    at = open_app({"ind": "poor_count"}, page=DIMENSION_PAGES["income"])
    assert any("panel masing-masing" in c for c in texts(at.caption))
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"hconcat"' in spec and '"independent"' in spec
    assert '"Kota Metro (ribu jiwa)"' in spec and '"Indonesia (ribu jiwa)"' in spec  # each panel says its unit


def test_a_citys_target_is_not_drawn_against_another_areas_series():
    at = open_app({"ind": "gini"}, page=DIMENSION_PAGES["income"])
    assert any("Target 0,197" in c and "tidak dibandingkan" in c for c in texts(at.caption))
    assert "0,197" not in at.get("vega_lite_chart")[0].proto.spec


def test_an_indicator_the_city_has_no_figure_for_says_whose_figures_are_drawn():
    at = open_app({"ind": "gini"}, page=DIMENSION_PAGES["income"])
    captions = texts(at.caption)
    # the store has Lampung's Gini only: the caption names what is drawn, not what might be
    assert any("Belum ada angka Gini untuk Kota Metro: yang digambar angka Lampung (terakhir 2023)" in c for c in captions), captions
    assert not any("judul memakai angka terakhir" in c for c in captions)  # it is not Metro's latest


def test_survey_and_records_for_one_concept_are_labelled_apart():
    survey = open_app({"ind": "stunting_ssgi"}, page=DIMENSION_PAGES["health"])
    records = open_app({"ind": "stunting_eppgbm"}, page=DIMENSION_PAGES["health"])
    def badges(at):
        return " ".join(m for m in texts(at.markdown) if "-badge[" in m)  # st.badge renders as markdown

    assert "Estimasi makro (survei atau proyeksi)" in badges(survey)
    assert "Catatan administratif (mikro)" in badges(records)
    assert any("Prevalensi Stunting (penimbangan e-PPGBM)" in c for c in texts(survey.caption))


def test_back_and_forward_in_the_browser_bring_back_the_view_of_that_address():
    """Back reruns the page with the address it goes back to (Streamlit keeps the session): that address's
    view is shown, as its link would open it, not the choices the session last held; the draft agenda stays."""
    at = open_app({"ind": "stunting_eppgbm", "view": "rank"}, page=DIMENSION_PAGES["health"])
    at.session_state["draft"] = [{"path": "", "params": {}, "title": "Ringkasan", "note": ""}]
    at.button_group(key="view").set_value("trend").run()
    at.button_group(key="level").set_value("kecamatan").run()
    later = dict(at.query_params)
    assert later["view"] == "trend" and later["level"] == "kecamatan" and "draft" in later
    for key in ("view", "level"):  # Back: the address the first view wrote (the draft as it was then: none)
        at.query_params.pop(key)
    at.query_params["view"] = "rank"
    at.query_params.pop("draft")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert (at.session_state["view"], at.session_state["level"]) == ("rank", "kelurahan")
    assert dict(at.query_params).get("view") == "rank" and "level" not in at.query_params
    assert at.session_state["draft"] and "draft" in at.query_params  # the draft built since is kept
    at.query_params.clear()  # Forward: the later address again
    at.query_params.update(later)
    at.run()
    assert (at.session_state["view"], at.session_state["level"]) == ("trend", "kecamatan")
    at.run()  # a rerun with the address the app wrote keeps the view
    assert (at.session_state["view"], at.session_state["level"]) == ("trend", "kecamatan")
    # a click sent before the browser took the address the last run wrote carries the old address: the click wins
    at.query_params["view"] = "rank"
    at.button_group(key="view").set_value("table").run()
    assert at.session_state["view"] == "table" and dict(at.query_params)["view"] == "table"


def test_url_round_trip_of_a_dimension_view():
    at = open_app(page=DIMENSION_PAGES["education"])
    at.selectbox(key="ind").set_value("aps_16_18").run()
    at.button_group(key="level").set_value("kecamatan").run()
    at.button_group(key="view").set_value("compare").run()
    at.button_group(key="cmp").set_value(2022).run()
    url = {k: (v[0] if isinstance(v, list) else v) for k, v in dict(at.query_params).items()}
    assert url == {"ind": "aps_16_18", "level": "kecamatan", "view": "compare", "cmp": "2022"}
    again = open_app(url, page=DIMENSION_PAGES["education"])
    for key, value in (("ind", "aps_16_18"), ("level", "kecamatan"), ("view", "compare"), ("cmp", 2022)):
        assert again.session_state[key] == value
    assert any("2022 dibandingkan 2024" in s for s in texts(again.subheader))


@pytest.mark.parametrize("params", [
    {"ind": "p0; drop table observations"},
    {"level": "desa"},
    {"view": "<img src=x onerror=alert(1)>"},
    {"region": "18.72.99.9999"},
    {"cmp": "1900"},
])
def test_hostile_dimension_parameters_fall_back_with_a_notice(params):
    at = open_app(params, page=DIMENSION_PAGES["health"])
    assert any("tidak dikenal" in w for w in texts(at.warning))
    assert not any("<img" in w for w in texts(at.warning))


def test_compare_counts_regions_that_improved_and_worsened():
    at = open_app({"ind": "water_safe", "view": "compare"}, page=DIMENSION_PAGES["basic_services"])
    assert any("wilayah membaik" in m and "memburuk" in m for m in texts(at.markdown))


def test_compare_opens_on_the_earliest_year_of_the_same_series(monkeypatch):
    """The register was P3KE until 2024 and DTSEN in 2025: 2024 opens against P3KE 2022, every kelurahan
    comparable; 2025 has no earlier year of its series, and its pairs across the break draw no segment."""
    import streamlit

    at = open_app({"ind": "dtsen_d14_pct", "view": "compare", "year": "2024"}, page=DIMENSION_PAGES["income"])
    assert at.session_state["cmp"] == 2022  # P3KE 2022 against P3KE 2024
    assert any(m.endswith("0 tidak dapat dibandingkan (seri berbeda, atau data ilustrasi dengan data sebenarnya).") for m in texts(at.markdown))
    assert not any(c.startswith("Tidak ada tahun sebelum") for c in texts(at.caption))
    drawn = []
    original = streamlit.vega_lite_chart
    monkeypatch.setattr(streamlit, "vega_lite_chart", lambda *a, spec=None, **k: (drawn.append(spec), original(*a, spec=spec, **k))[1])
    at = open_app({"ind": "dtsen_d14_pct", "view": "compare"}, page=DIMENSION_PAGES["income"])  # 2025: DTSEN only
    assert any(c.startswith("Tidak ada tahun sebelum 2025 dalam seri yang sama") for c in texts(at.caption))
    rules = [layer for spec in drawn for layer in spec.get("layer", []) if layer.get("mark", {}).get("type") == "rule"]
    assert rules and all(t.get("filter") == "datum.direction != 'not_comparable'" for r in rules for t in r.get("transform", []))


def test_a_table_says_once_what_every_row_shares_and_its_download_keeps_every_column(monkeypatch):
    """On a slide the year, status and source of 22 rows wrapped into rows 100 px high: 3 of 22 on screen; at the desk
    they made the table wider than the page at 1280 px."""
    from metro_poverty.ui import downloads

    shared = "Sama di semua baris — Tahun: 2024 · Status: ILUSTRASI (bukan data resmi) · Sumber: Dinas Kesehatan Kota Metro (data ilustrasi)"
    downloaded = []
    original = downloads.table
    monkeypatch.setattr(downloads, "table", lambda frame, *a, **k: (downloaded.append(frame), original(frame, *a, **k))[1])
    desk = open_app({"ind": "stunting_eppgbm", "view": "table"}, page=DIMENSION_PAGES["health"])
    at = open_app({"ind": "stunting_eppgbm", "view": "table", "present": "1"}, page=DIMENSION_PAGES["health"])
    desk_table, slide = desk.table[0].value, at.table[0].value
    assert "Kode Kemendagri" in desk_table.columns and len(desk_table) == len(slide) == 22
    assert not {"Tahun", "Status", "Sumber"} & set(desk_table.columns)
    assert not {"Kode Kemendagri", "Tahun", "Status", "Sumber"} & set(slide.columns)
    for page in (desk, at):
        assert shared in [c.replace("\\", "") for c in texts(page.caption)]  # as shown: the caption escapes Markdown
    assert len(downloaded) == 2 and all({"Kode Kemendagri", "Tahun", "Status", "Sumber"} <= set(f.columns) for f in downloaded)


def test_a_tables_numbers_are_aligned_right_as_numbers_and_its_names_left():
    """Written in Indonesian style, the numbers are text, which st.table aligned left: digits did not line up."""
    import re

    styles = open_app({"ind": "stunting_eppgbm", "view": "table"}, page=DIMENSION_PAGES["health"]).table[0].proto.arrow_data.styler.styles
    right = set(re.findall(r"_row0_col(\d+)\b", styles.split("{")[0])) if "text-align: right !important" in styles else set()
    assert right == {"3", "4", "5", "6"}  # value, numerator, denominator, rank; not kelurahan, code, kecamatan


def test_table_matches_the_download_and_carries_the_source():
    at = open_app({"ind": "water_safe", "view": "table"}, page=DIMENSION_PAGES["basic_services"])
    shown = at.table[0].value
    assert len(shown) == 22
    assert any("Sumber:" in c for c in texts(at.caption))
    assert {"CSV", "Excel"} <= {b.label for b in at.get("download_button")}


def test_profile_shows_all_dimensions_against_the_city():
    at = open_app({"region": "18.72.03.1002"}, page="views/region_profile.py")
    assert at.title[0].value == "Profil Kelurahan Ganjar Agung — s.d. 2025"  # each value its latest year up to 2025 (its column says which)
    assert {"Pendapatan & Pengeluaran", "Pendidikan", "Kesehatan", "Layanan Dasar"} <= set(texts(at.subheader))
    assert any("DATA ILUSTRASI" in e for e in texts(at.error))
    frames = [d.value for d in at.dataframe]
    assert sum(len(f) for f in frames) >= 12


def test_profile_draws_no_trend_from_a_single_value():
    """2025 is the DTSEN register's first year: one value, no line (a flat one would read as 'no change')."""
    at = open_app({"region": "18.72.05.1001"}, page="views/region_profile.py")
    income = at.dataframe[0].value
    new_series = income[income["Indikator"].str.startswith("Keluarga desil")]
    assert len(new_series) == 2 and new_series["Tren"].isna().all()
    health = next(d.value for d in at.dataframe if "Stunting (e-PPGBM)" in set(d.value["Indikator"]))
    assert all(len(points) > 1 for points in health["Tren"])
    # the empty cells say why, once, under their table: it read as data missing
    why = [c.value for c in at.caption if c.value.startswith("Tren kosong")]
    assert why == ["Tren kosong untuk KK desil 1–4 nasional, Keluarga desil 1–4 nasional, Keluarga desil 1 nasional: "
                   "seri datanya baru punya satu tahun (2025); satu titik bukan tren."]


def test_profile_without_a_region_asks_for_one():
    at = open_app(page="views/region_profile.py")
    assert any("Pilih wilayah" in i for i in texts(at.info))


def test_profile_of_a_kecamatan():
    at = open_app({"region": "18.72.05"}, page="views/region_profile.py")
    assert at.title[0].value.startswith("Profil Kecamatan Metro Selatan")
    facts = next(c.value for c in at.caption if "Kode Kemendagri" in c.value)
    assert "kode pos –" in facts and "nan" not in facts  # a kecamatan has no postal code


def test_two_values_that_read_the_same_are_the_same():
    """Metro Utara's APS 7–12 (99,898) and the city's (99,900) both read 99,9%: it said '▼ lebih buruk'."""
    at = open_app({"region": "18.72.02"}, page="views/region_profile.py")
    aps = next(t.value for t in at.dataframe if "APS 7–12" in set(t.value["Indikator"]))
    row = aps[aps["Indikator"] == "APS 7–12"].iloc[0]
    assert (row["Nilai"], row["Kota"], row["Dibanding kota"]) == ("99,9%", "99,9%", "= sama")


def test_a_click_selects_a_region_and_a_second_click_clears_it():
    from metro_poverty.ui.dimension_views import clicked_region

    assert clicked_region(["18.72.03.1002"], None) == "18.72.03.1002"
    assert clicked_region(["18.72.03.1002"], "18.72.03.1002") is None
    assert clicked_region(["18.72.05.1001"], "18.72.03.1002") == "18.72.05.1001"
    assert clicked_region([], "18.72.03.1002") == "18.72.03.1002"


@pytest.mark.parametrize("params, label", [
    ({"ind": "stunting_eppgbm", "region": "18.72.05.1001"}, "Stunting (e-PPGBM), 2024"),  # a kelurahan named last of 22
    ({"ind": "stunting_eppgbm"}, "Nilai kota (sumber yang sama)"),
])
def test_the_side_panels_card_says_beside_its_number_that_the_figures_are_illustrative(params, label):
    at = open_app({**params, "present": "1"}, page=DIMENSION_PAGES["health"])
    def in_order(node):
        yield node
        for child in getattr(node, "children", {}).values():
            yield from in_order(child)

    drawn = [e for e in in_order(at.main) if not hasattr(e, "children")]  # the page's elements, top to bottom
    card = next(i for i, e in enumerate(drawn) if e.type == "metric" and e.label == label)
    assert drawn[card + 1].type == "markdown" and ":red-badge[:material/science: ILUSTRASI (bukan data resmi)]" in drawn[card + 1].value


def test_profile_values_align_right_as_numbers():
    import json

    at = open_app({"region": "18.72.04.1005"}, page="views/region_profile.py")
    for table in at.dataframe:
        config = json.loads(table.proto.columns)
        assert [c for c, v in config.items() if v.get("alignment") == "right"] == ["Nilai", "Kota"]


def test_profile_tables_put_each_value_beside_its_status():
    """On a 1280-pixel projector the wide tables scroll sideways; the status must not be the part that scrolls away."""
    at = open_app({"region": "18.72.03.1002"}, page="views/region_profile.py")
    for frame in (d.value for d in at.dataframe):
        assert list(frame.columns[2:4]) == ["Nilai", "Status"]
        assert set(frame["Status"]) == {"Ilustrasi"}


def test_on_a_slide_the_trends_region_picker_folds_into_one_line_naming_the_regions():
    at = open_app({"ind": "stunting_eppgbm", "view": "trend", "region": "18.72.01.1001", "present": "1"}, page=DIMENSION_PAGES["health"])
    folded = [e for e in at.expander if e.label == "Wilayah: Metro"]
    assert len(folded) == 1 and folded[0].multiselect[0].value == ["18.72.01.1001"]
    at = open_app({"ind": "stunting_eppgbm", "view": "trend", "region": "18.72.01.1001"}, page=DIMENSION_PAGES["health"])
    assert not [e for e in at.expander if e.label.startswith("Wilayah:")]  # in place when not presenting


@pytest.mark.parametrize("view", VIEWS)
def test_the_title_gives_the_year_of_the_figures_and_says_why_it_is_not_the_year_chosen(view):
    # stunting (e-PPGBM) has no 2025 values yet: the page shows 2024 and must not be titled 2025
    at = open_app({"ind": "stunting_eppgbm", "year": "2025", "view": view}, page=DIMENSION_PAGES["health"])
    assert at.title[0].value == "Kesehatan — 2024"
    assert sum("2025" in c.value and "2024" in c.value for c in at.caption) == 1  # said once, in every view
    at = open_app({"ind": "stunting_eppgbm", "year": "2025", "view": view, "present": "1"}, page=DIMENSION_PAGES["health"])
    assert any(e.label.endswith("· 2024 (2025 belum ada)") for e in at.expander)  # a slide says it in its one line


def test_a_city_only_indicator_is_titled_with_the_year_of_its_latest_figure():
    # SSGI's last figure for Metro is 2021: a page titled 2025 over it would claim a figure no one released
    at = open_app({"ind": "stunting_ssgi", "year": "2025"}, page=DIMENSION_PAGES["health"])
    assert at.title[0].value == "Kesehatan — 2021"
    assert sum("2025" in c.value and "2021" in c.value for c in at.caption) == 1
    at = open_app({"ind": "stunting_ssgi", "year": "2025", "present": "1"}, page=DIMENSION_PAGES["health"])
    assert any(e.label.endswith("· 2021 (2025 belum ada)") for e in at.expander)
    at = open_app({"ind": "p0", "year": "2025"}, page=DIMENSION_PAGES["income"])  # a figure for the year chosen: no note
    assert at.title[0].value == "Pendapatan & Pengeluaran — 2025"
    assert not any("belum ada" in c.value for c in at.caption)


def test_the_regions_drawn_on_a_trend_are_in_the_url_so_a_shared_link_draws_the_same_lines():
    page = DIMENSION_PAGES["health"]
    at = open_app({"ind": "stunting_eppgbm", "view": "trend"}, page=page)
    at.multiselect(key="lines").set_value(["18.72.01.1001", "18.72.03.1002"]).run()
    assert at.query_params["lines"] == "18.72.01.1001,18.72.03.1002"
    shared = open_app({"ind": "stunting_eppgbm", "view": "trend", "lines": "18.72.01.1001,18.72.03.1002"}, page=page)
    assert shared.multiselect(key="lines").value == ["18.72.01.1001", "18.72.03.1002"]
    spec = shared.get("vega_lite_chart")[0].proto.spec
    assert "\"Metro\"" in spec and "\"Ganjar Agung\"" in spec


@pytest.mark.parametrize("bad", ["18.72.01.1001,<b>x</b>", "18.72.01.1001,18.72.01.1001", "18.72.01"])
def test_a_trend_link_naming_no_kelurahan_falls_back_with_a_notice(bad):
    at = open_app({"ind": "stunting_eppgbm", "view": "trend", "region": "18.72.01.1001", "lines": bad}, page=DIMENSION_PAGES["health"])
    assert at.multiselect(key="lines").value == ["18.72.01.1001"]  # the default: the region chosen on the map
    assert any("«lines»" in w and "«Metro»" in w for w in texts(at.warning)), texts(at.warning)


def test_a_trend_link_with_one_unknown_code_keeps_the_known_ones_and_names_the_rest():
    at = open_app({"ind": "stunting_eppgbm", "view": "trend", "lines": "18.72.01.1001,18.72.99.9999,18.72.03.1002,18.72.01.1001"},
                  page=DIMENSION_PAGES["health"])
    assert at.multiselect(key="lines").value == ["18.72.01.1001", "18.72.03.1002"]
    assert any("tidak dikenal atau berulang, jadi tidak dipakai: «18.72.99.9999,18.72.01.1001»" in w and "«Metro, Ganjar Agung»" in w
               for w in texts(at.warning)), texts(at.warning)


@pytest.mark.parametrize("page, params, says", [
    ("health", {"ind": "uhh"}, "UHH metode lama (sebelum SP2020 Long Form): 2021 → UHH berbasis SP2020 Long Form (sejak rilis 2023): 2024"),
    # each series with the years it covers: '2022: P3KE → 2025: DTSEN' read as a break between 2022 and 2025
    ("income", {"ind": "dtsen_d14_pct", "view": "trend"}, "register P3KE/Regsosek: 2022–2024 → register DTSEN: 2025"),
])
def test_a_trend_across_a_series_break_says_why_its_line_is_not_joined(page, params, says):
    at = open_app(params, page=DIMENSION_PAGES[page])
    assert any(says in c and "tidak sebanding" in c for c in texts(at.caption)), texts(at.caption)
    if page == "income":  # the selected kelurahan's trend beside the map breaks there too
        panel = open_app({"ind": "dtsen_d14_pct", "region": "18.72.05.1001"}, page=DIMENSION_PAGES[page])
        assert any(says in c for c in texts(panel.caption)), texts(panel.caption)
    assert not any("Seri terputus" in c for c in texts(open_app({"ind": "p0"}, page=DIMENSION_PAGES["income"]).caption))


@pytest.mark.parametrize("page, params, says", [
    # figures by kelurahan say first what they are not: a BPS estimate (BPS's poverty figures stop at the city)
    ("health", {}, "Data sektoral OPD per wilayah, bukan estimasi BPS · ILUSTRASI (bukan data resmi) — Sumber: Dinas Kesehatan Kota Metro (data ilustrasi)"),
    # statuses first (a cut line must not drop 'Sementara'), then the producers' own publications first
    ("income", {"ind": "p0"}, "Resmi (publikasi produsen) · Resmi, dikutip dari pejabat di media · Resmi, dikutip dari media · Resmi, dari catatan proyek · "
                              "Sementara — "
                              "Sumber: BPS Kota Metro dan 7 lainnya (di bawah slide). Angka kutipan: cocokkan dengan rilis resminya. "
                              "Perubahan antartahun belum diuji terhadap galat sampling Susenas."),  # one publisher, so that it takes no third line
    # official but known second-hand (DOMAIN §6): the slide says to match it with its release, as the cards do at the desk
    ("health", {"ind": "stunting_ssgi"}, "Resmi, dari catatan proyek · Sementara — Sumber: Catatan proyek (shared/DOMAIN.md) yang mengutip "
                                         "SSGI Kementerian Kesehatan. Angka kutipan: cocokkan dengan rilis resminya."),
])
def test_a_slide_shows_its_figures_source_and_status_in_place_of_the_download_buttons(page, params, says):
    at = open_app({**params, "present": "1"}, page=DIMENSION_PAGES[page])
    assert not at.get("download_button")  # buttons are for the desk; the room needs the source
    assert any(c.replace("\\", "").startswith(says) for c in texts(at.caption)), texts(at.caption)  # as rendered, unescaped
    desk = open_app(params, page=DIMENSION_PAGES[page])
    assert {"PNG", "SVG"} <= {b.label for b in desk.get("download_button")}


def test_a_comparison_of_22_kelurahan_fits_a_slide_in_two_panels_on_one_axis():
    at = open_app({"ind": "stunting_eppgbm", "view": "compare", "present": "1"}, page=DIMENSION_PAGES["health"])
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert len(specs) == 2 and all(s["height"] == "container" for s in specs)
    axes = {json.dumps(s["layer"][0]["encoding"]["x"]["scale"]["domain"]) for s in specs}
    assert len(axes) == 1  # one value axis for both halves
    assert any(m.startswith(":green[**") for m in texts(at.markdown))  # the counts line, coloured, is the panels' legend
    desk = open_app({"ind": "stunting_eppgbm", "view": "compare"}, page=DIMENSION_PAGES["health"])
    assert len(desk.get("vega_lite_chart")) == 1


def test_a_trend_of_one_value_labels_its_axis_in_the_indicators_decimals():
    at = open_app({"ind": "p0_extreme"}, page=DIMENSION_PAGES["income"])
    y = json.loads(at.get("vega_lite_chart")[0].proto.spec)["layer"][0]["encoding"]["y"]
    assert y["axis"]["values"] == [0.83] and y["axis"]["format"] == ",.2f"  # the locale then writes 0,83


def test_a_title_does_not_repeat_a_unit_the_indicators_short_name_already_says():
    at = open_app({"ind": "rtlh_pct"}, page=DIMENSION_PAGES["basic_services"])
    specs = " ".join(c.proto.spec for c in at.get("vega_lite_chart"))
    assert "RTLH per 100 RT" in specs and "(per 100 RT)" not in specs


@pytest.mark.parametrize("view", VIEWS)
def test_a_year_before_the_data_start_says_so_and_not_that_it_is_still_to_come(view):
    # e-PPGBM starts in 2021: asked for 2015 the page shows 2021, and '2015 belum ada' read as 'not yet released'
    at = open_app({"ind": "stunting_eppgbm", "year": "2015", "view": view}, page=DIMENSION_PAGES["health"])
    assert at.title[0].value == "Kesehatan — 2021"
    notes = [c.value for c in at.caption if "2015" in c.value]
    assert len(notes) == 1 and "baru ada mulai 2021" in notes[0] and "belum ada" not in notes[0], notes
    at = open_app({"ind": "stunting_eppgbm", "year": "2015", "view": view, "present": "1"}, page=DIMENSION_PAGES["health"])
    assert any(e.label.endswith("· 2021 (data mulai 2021; 2015 tidak ada)") for e in at.expander)


def test_the_first_year_of_the_data_is_not_compared_with_itself():
    at = open_app({"ind": "stunting_eppgbm", "year": "2021", "view": "compare"}, page=DIMENSION_PAGES["health"])
    assert any("tidak ada tahun sebelumnya untuk dibandingkan" in i.value for i in at.info)
    assert not any("tetap" in m.value for m in at.markdown) and not at.get("vega_lite_chart")


def test_on_a_slide_the_profile_picker_folds_under_the_regions_name():
    at = open_app({"region": "18.72.01.1001", "present": "1"}, page="views/region_profile.py")
    assert [e.label for e in at.expander if "Metro Pusat" in e.label] == ["Kel. Metro (Metro Pusat)"]
    assert at.expander[0].selectbox(key="region").value == "18.72.01.1001"
    assert [e.label for e in open_app({"present": "1"}, page="views/region_profile.py").expander][:1] == ["Pilih kecamatan atau kelurahan"]


def test_a_count_in_the_profile_is_set_against_the_city_as_its_share():
    income = open_app({"region": "18.72.05.1001"}, page="views/region_profile.py").dataframe[0].value
    count = income[income["Indikator"] == "KK desil 1–4 nasional (keluarga)"].iloc[0]  # the unit with the name
    assert (count["Nilai"], count["Kota"], count["Dibanding kota"]) == ("715", "11.520", "6,2% dari kota")


def test_what_is_doubtful_about_a_value_is_said_under_its_chart():
    """SSGI's 19,7% for Metro is plotted at 2021 beside Lampung's 2021, but its year label is uncertain (DOMAIN §4):
    the tooltip's 'belum terverifikasi' did not say so."""
    notes = [c.replace("\\", "") for c in texts(open_app({"ind": "stunting_ssgi"}, page=DIMENSION_PAGES["health"]).caption) if c.startswith("Catatan nilai")]
    assert notes == ["Catatan nilai: Kota Metro 2021: sekitar 19,7–19,8%; label tahunnya tidak pasti dalam sumber"]
    english = texts(open_app({"ind": "stunting_ssgi", "lang": "en"}, page=DIMENSION_PAGES["health"]).caption)
    assert any("the year label is uncertain in the sources" in c for c in english)


def test_a_profile_count_carries_its_unit_in_its_name_so_its_value_fits():
    """'1.250 unit rumah' was cut to '1.250 unit ruma' in its column at 1280 px."""
    at = open_app({"region": "18.72.05.1001"}, page="views/region_profile.py")
    basic = next(t.value for t in at.dataframe if "RTLH (unit rumah)" in set(t.value["Indikator"]))
    row = basic[basic["Indikator"] == "RTLH (unit rumah)"].iloc[0]
    assert (row["Kota"], row["Dibanding kota"]) == ("1.250", "8,6% dari kota")
    assert "RTLH per 100 RT" in set(basic["Indikator"])  # a rate's name already says its unit


def test_a_profile_names_the_sources_of_the_values_it_shows_only():
    """Margorejo's profile shows APS, not APK: 'Rekap peserta didik SMA/SMK (Dapodik)' was named under it because
    Dinas Pendidikan publishes both."""
    at = open_app({"region": "18.72.05.1002"}, page="views/region_profile.py")
    shown = " ".join(texts(at.caption))
    assert "Angka partisipasi sekolah" in shown and "Dapodik" not in shown


def test_a_map_of_a_count_says_it_compares_size_and_names_the_rate_to_use():
    """RTLH units by kecamatan were coloured 'darker = worse' with nothing on the size of each kecamatan."""
    at = open_app({"ind": "rtlh_units", "level": "kecamatan"}, page="views/dimension_basic_services.py")
    assert any(c.startswith("RTLH adalah jumlah: wilayah dengan lebih banyak rumah tangga cenderung lebih gelap")
               and c.endswith("Untuk membandingkan kondisi, pakai RTLH per 100 RT.") for c in texts(at.caption))
    rate = open_app({"ind": "rtlh_pct", "level": "kecamatan"}, page="views/dimension_basic_services.py")
    assert not any("adalah jumlah" in c for c in texts(rate.caption))


def test_a_comparison_year_that_is_not_before_the_year_shown_falls_back_with_a_notice():
    """'cmp=2024' beside 2024's figures fell back to 2021 and rewrote the link, the one bad value without a notice."""
    at = open_app({"view": "compare", "cmp": "2024"}, page=DIMENSION_PAGES["health"])
    assert "Nilai «2024» untuk parameter tautan «cmp» tidak dikenal; dipakai nilai bawaan «2021»." in texts(at.warning)
    assert at.session_state["cmp"] == 2021
    assert not texts(open_app({"view": "compare", "cmp": "2022"}, page=DIMENSION_PAGES["health"]).warning)


def test_a_map_of_areas_nearly_alike_says_the_darkest_colour_need_not_mean_a_problem():
    """APS 7–12: 22 kelurahan within 99,6–100,0%, the lowest class dark red on the projector."""
    at = open_app({"ind": "aps_7_12", "present": "1"}, page=DIMENSION_PAGES["education"])
    assert any(c.startswith("Antarwilayah hanya berbeda 0,4 poin (99,6–100,0%)") for c in texts(at.caption)), texts(at.caption)
    stunting = open_app({"ind": "stunting_eppgbm"}, page=DIMENSION_PAGES["health"])
    assert not any(c.startswith("Antarwilayah hanya") for c in texts(stunting.caption))

"""Simulasi Kebijakan through the real app frame (AppTest): levers, results, URL, saved scenarios."""

import re

import pytest

from app_support import ensure_store, open_app, texts
from records_support import ADMIN, OTHER_PLANNER, PLANNER, records  # noqa: F401 - fixture
from tests.register_support import register_pct

SIGNED_IN = {"signed_in_user": PLANNER}

PAGE = "views/scenario.py"
TWO_KELURAHAN = "18.72.03.1002,18.72.05.1001"


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


@pytest.fixture(autouse=True)
def _saved_scenarios(records):
    """Every test saves into a records file of its own."""


def metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start))


def test_baseline_reproduces_bps_2024_and_is_labelled_a_simulation_on_synthetic_data():
    at = open_app(page=PAGE)
    assert any("SIMULASI pada data rumah tangga SINTETIS" in e and "bukan angka resmi BPS" in e for e in texts(at.error))
    assert metric(at, "P0").value == "6,78"
    assert metric(at, "P1").value == "0,77"
    assert metric(at, "Anggaran bantuan").value == "Rp 0"
    assert dict(at.query_params) == {}


def test_a_transfer_to_deciles_1_2_in_two_kelurahan_lowers_poverty_and_costs_money():
    at = open_app({"transfer": "300000", "deciles": "1,2", "regions": TWO_KELURAHAN}, page=PAGE)
    p0 = metric(at, "P0")
    assert float(p0.value.replace(",", ".")) < 6.78 and p0.delta.startswith("-")
    assert metric(at, "Anggaran bantuan").value.endswith("miliar")
    assert int(metric(at, "Keluar dari kemiskinan").value.replace(".", "")) > 0
    table = at.table[0].value
    others = table[(table["Tingkat"] == "Kelurahan") & (~table["Wilayah"].isin(["Ganjar Agung", "Rejomulyo"]))]
    assert (others["P0 model sebelum (%)"] == others["P0 model sesudah (%)"]).all()  # only the two kelurahan change


def test_levers_set_in_the_page_are_written_to_the_url_and_reopen_the_same_scenario():
    at = open_app(page=PAGE)
    at.number_input(key="sc_transfer").set_value(300000.0).run()
    at.multiselect(key="sc_regions").set_value(TWO_KELURAHAN.split(",")).run()
    at.slider(key="sc_excl").set_value(20.0).run()
    url = {k: (v[0] if isinstance(v, list) else v) for k, v in dict(at.query_params).items()}
    assert url == {"transfer": "300000", "regions": TWO_KELURAHAN, "excl": "20"}
    again = open_app(url, page=PAGE)
    assert again.session_state["sc_transfer"] == 300000.0 and again.session_state["sc_excl"] == 20.0
    assert metric(again, "P0").value == metric(at, "P0").value


def test_a_higher_poverty_line_raises_poverty():
    at = open_app({"line": "550000"}, page=PAGE)
    assert float(metric(at, "P0").value.replace(",", ".")) > 6.78


def test_inflation_without_real_growth_leaves_poverty_unchanged():
    at = open_app({"inflation": "10"}, page=PAGE)
    assert metric(at, "P0").value == "6,78"
    assert at.slider(key="sc_inflation").value == 10.0


@pytest.mark.parametrize("params", [{"transfer": "-5"}, {"deciles": "0,11"}, {"regions": "99.99.99"}, {"k": "abc"},
                                    {"transfer": "<script>alert(1)</script>"}, {"weights": "1,2"},
                                    # values the engine accepts but the page's controls do not: they crashed the page
                                    # (excl=95) or showed poverty eliminated at a line of Rp 1 (line=12000000)
                                    {"excl": "95"}, {"incl": "100"}, {"growth": "50"}, {"growth_d1_4": "-50"},
                                    {"inflation": "500"}, {"k": "0.01"}, {"line": "12000000"}, {"weights": "5,0,0,0,0"}])
def test_hostile_scenario_parameters_fall_back_with_a_notice(params):
    at = open_app(params, page=PAGE)
    assert texts(at.warning), params
    assert not any("<script>" in w for w in texts(at.warning))
    assert metric(at, "P0").value == "6,78"


def save_as(at, name):
    next(ti for ti in at.text_input if ti.label.startswith("Nama skenario")).input(name)  # inside a form: sent with the submit button
    next(b for b in at.button if b.label == "Simpan skenario ini").click().run()
    return at


def test_saved_scenarios_are_compared_side_by_side():
    at = save_as(open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE, session=SIGNED_IN), "Desil 1-2 Rp300rb")
    assert any("disimpan" in s for s in texts(at.success))
    at = open_app({"transfer": "150000"}, page=PAGE)  # another browser, signed out: compares and opens links
    (saved,) = at.multiselect(key="sc_compare").options
    at.multiselect(key="sc_compare").set_value([saved_id(at)]).run()
    compared = at.dataframe[-1].value
    assert list(compared["Skenario"]) == ["(skenario saat ini)", "Desil 1-2 Rp300rb"]
    assert compared["Tautan"].iloc[1].startswith("./simulasi?transfer=300000")


def saved_id(at):
    from metro_poverty import scenario_store

    return scenario_store.list_saved()[0].id


def test_a_signed_out_visitor_gets_no_save_form_only_a_sign_in():
    at = open_app(page=PAGE)
    assert not any(b.label == "Simpan skenario ini" for b in at.button)
    assert "Masuk" in [e.label for e in at.expander]


def test_a_planner_saves_overwrites_after_a_question_and_archives():
    from metro_poverty import scenario_store

    at = save_as(open_app({"transfer": "300000"}, page=PAGE, session=SIGNED_IN), "Skenario Bappeda")
    at.number_input(key="sc_transfer").set_value(900000.0).run()
    save_as(at, "Skenario Bappeda")
    assert any("Ganti dengan yang sekarang" in w for w in texts(at.warning))
    assert scenario_store.list_saved()[0].body["transfer"] == "300000"  # nothing replaced before the answer
    next(b for b in at.button if b.label == "Ya, ganti").click().run()
    (kept,) = scenario_store.list_saved()
    assert (kept.body["transfer"], kept.version, kept.owner) == ("900000", 2, "perencana.bappeda")
    at.selectbox(key="sc_archive").set_value(kept.id)
    next(b for b in at.button if b.key == "sc_archive_go").click().run()
    assert scenario_store.list_saved() == [] and not at.exception


def test_someone_elses_name_is_refused_with_who_owns_it():
    from metro_poverty import scenario_store

    scenario_store.save("Skenario Bappeda", {"transfer": "300000"}, PLANNER)
    at = save_as(open_app({"transfer": "900000"}, page=PAGE, session={"signed_in_user": OTHER_PLANNER}), "Skenario Bappeda")
    assert any("perencana\\.bappeda" in w for w in texts(at.warning))  # the owner, as escaped text
    assert scenario_store.list_saved()[0].body == {"transfer": "300000"}
    assert not any(b.key == "sc_archive_go" for b in at.button)  # not theirs to archive
    admin = open_app(page=PAGE, session={"signed_in_user": ADMIN})
    assert any(b.key == "sc_archive_go" for b in admin.button)


def test_reset_returns_to_the_baseline():
    at = open_app({"transfer": "300000"}, page=PAGE)
    next(b for b in at.button if "Kembali" in b.label).click().run()
    assert at.session_state["sc_transfer"] == 0.0
    assert dict(at.query_params) == {}


def test_scenario_store_refuses_bad_names():
    from metro_poverty import scenario_store

    for name in ("", "x" * 61, "tab\there"):
        with pytest.raises(ValueError):
            scenario_store.save(name, {}, PLANNER)


def test_an_empty_region_list_asks_in_the_language_of_the_page():
    """Streamlit's own placeholder is English ('Choose options'); the page gives its own."""
    assert {m.proto.placeholder for m in open_app(page=PAGE).multiselect} == {"Pilih…"}
    assert {m.proto.placeholder for m in open_app({"lang": "en"}, page=PAGE).multiselect} == {"Choose…"}


def shown_pct(text: str, before: str) -> float:
    """The Indonesian-format percentage written right after `before` in a text, e.g. "… (9,5% rumah …" -> 9.5."""
    match = re.search(re.escape(before) + r"\s*([\d.]+(?:,\d+)?)%", text)
    assert match, (before, text)
    return float(match.group(1).replace(".", "").replace(",", "."))


def test_a_transfer_to_deciles_1_2_reaches_a_share_of_families_between_the_registers_deciles_1_and_1_4():
    at = open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE)
    box = next(m for m in texts(at.markdown) if "Penerima menurut model" in m)
    share = shown_pct(box.split("Penerima menurut model")[1], "rumah tangga (")
    assert register_pct("dtsen_d1_pct") < share < register_pct("dtsen_d14_pct")
    caption = next(c for c in texts(at.caption) if "batas desil nasional" in c)
    assert shown_pct(caption, "desil 1 =") == round(register_pct("dtsen_d1_pct"), 1)
    assert shown_pct(caption, "desil 1–4 =") == round(register_pct("dtsen_d14_pct"), 1)


def test_the_register_the_model_was_set_to_match_is_named_and_not_called_dtsen():
    """The model's deciles match 2024's register, P3KE/Regsosek, which the dimension pages call not comparable
    with DTSEN (2025): the caption said 'register Dinas Sosial 2024' beside 'desil DTSEN'."""
    caption = next(c for c in texts(open_app(page=PAGE).caption) if "batas desil nasional" in c)
    assert "register P3KE/Regsosek 2024 dari Dinas Sosial" in caption and "Register itu bukan DTSEN" in caption


def test_the_inclusion_error_names_its_base_the_ineligible_households_of_the_area():
    at = open_app({"transfer": "300000", "deciles": "1,2", "regions": TWO_KELURAHAN, "incl": "10"}, page=PAGE)
    box = next(m for m in texts(at.markdown) if "Salah sasaran inklusi" in m)
    assert "tidak berhak di wilayah sasaran (bukan seluruh kota)" in box
    assert "10% dari" in box


def test_the_baseline_stands_next_to_bpss_official_figure_with_the_reason_they_differ():
    from metro_poverty import db, numfmt
    from metro_poverty.engine import BASELINE_YEAR

    at = open_app(page=PAGE)
    box = next(i for i in texts(at.info) if "Kondisi awal model" in i)
    assert metric(at, "Penduduk miskin").value in box and "bukan angka BPS" in box
    from metro_poverty.ui.scenario_baseline import PERSONS_PER_UNIT

    official = db.read("indicator_by_region", indicator="poor_count", level="city", period=BASELINE_YEAR).value.iloc[0]
    unit = db.read("indicator_catalogue", city="18.72", country="00").set_index("code").loc["poor_count", "unit_en"]
    assert f"Angka BPS {BASELINE_YEAR}" in box
    # each figure with how it is known and where it was read: the count is not on the page that gives P0
    assert "P0 6,78% (Resmi — publikasi produsen; BPS Kota Metro)" in box
    assert "penduduk miskin 12,07 ribu jiwa (Resmi, dikutip dari media; databoks.katadata.co.id)" in box
    assert f"{numfmt.number(official * PERSONS_PER_UNIT[unit], 0)} ÷" in box  # the published count, in persons
    assert "Mengapa berbeda" in box and "basis penduduk" in box


def test_the_baseline_names_bpss_newer_figure_and_a_year_other_than_the_models_is_said_to_change_nothing():
    """On 2025 (the default year) the baseline said 'Angka BPS 2024: P0 6,78%' and nothing of BPS's 2025 figure
    (6,44%); results for year=2023 and year=2025 were identical, without a word why."""
    box = next(i for i in texts(open_app(page=PAGE).info) if "Kondisi awal model" in i)
    assert "**BPS terbaru**: P0 2025 6,44% (Resmi, dikutip dari pejabat di media; lampung.suara.com)" in box
    assert "Simulasi tetap berangkat dari 2024" in box
    said = "simulasi selalu berangkat dari kondisi 2024"
    assert any(said in c for c in texts(open_app({"year": "2023"}, page=PAGE).caption))
    assert not any(said in c for c in texts(open_app({"year": "2024"}, page=PAGE).caption))


def test_area_results_are_labelled_model_results_and_their_download_carries_status_and_source():
    at = open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE)
    table = at.table[0].value
    assert len(table) == 28 and len(table.columns) <= 9  # every area; the columns a room compares, so none is cut off
    assert any("status dan sumber setiap baris ada di unduhan CSV" in c for c in texts(at.caption))
    assert "Hasil model per wilayah (simulasi pada data sintetis)" in texts(at.subheader)
    assert any("bukan angka kemiskinan BPS" in c for c in texts(at.caption))
    assert any("bukan angka kemiskinan kelurahan" in c for c in texts(at.caption))  # under the map
    assert any(b.label == "Unduh hasil model (CSV)" for b in at.get("download_button"))


def test_the_multidimensional_index_is_non_monetary_by_default_and_says_so():
    at = open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE)
    m0 = metric(at, "M0 (")
    assert m0.label == "M0 (non-moneter)" and m0.delta.startswith("±0,0000")  # cash does not move it
    assert any("non-moneter saja" in c and "MPI global" in c for c in texts(at.caption))
    assert at.toggle(key="sc_md_expenditure").value is False
    assert "sc_w_expenditure_pct" not in [s.key for s in at.slider] and "sc_w_health_pct" in [s.key for s in at.slider]


def test_shares_are_shown_in_whole_percents_and_a_linked_cutoff_stays_exact():
    """Streamlit writes a fraction as '0.33' in every language; the sliders show '33%', and k = 1/3 from a link stays 1/3."""
    from metro_poverty.engine.indicators import DEFAULT_K

    at = open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE)
    k = at.slider(key="sc_k_pct")
    assert k.value == 100 * DEFAULT_K and k.proto.format == "%.0f%%" and k.proto.max == 100
    assert at.slider(key="sc_w_health_pct").value == 25 and at.slider(key="sc_w_health_pct").proto.format == "%.0f%%"
    assert at.session_state["sc_k"] == DEFAULT_K and "k" not in at.query_params  # the default is not written as 0.33333333333333337
    k.set_value(50.0).run()
    assert at.session_state["sc_k"] == 0.5 and at.query_params["k"] == "0.5"
    at.slider(key="sc_w_health_pct").set_value(50.0).run()
    assert at.query_params["weights"] == "0,0.25,0.5,0.25"  # expenditure, education, health, basic services
    next(b for b in at.button if b.label == "Kembali ke kondisi awal").click().run()  # the sliders show the defaults again
    assert at.slider(key="sc_k_pct").value == 100 * DEFAULT_K and at.slider(key="sc_w_health_pct").value == 25
    assert "k" not in at.query_params and "weights" not in at.query_params


def test_counting_expenditure_below_the_line_is_an_option_that_goes_to_the_url():
    at = open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE)
    at.toggle(key="sc_md_expenditure").set_value(True).run()
    assert metric(at, "M0 (").label == "M0 (dengan pengeluaran < GK)"
    assert any("termasuk pengeluaran di bawah GK" in c and "25%" in c for c in texts(at.caption))
    assert at.session_state["sc_w_expenditure"] == 0.25
    again = open_app({"transfer": "300000", "deciles": "1,2", "weights": "0.25,0.25,0.25,0.25"}, page=PAGE)
    assert again.toggle(key="sc_md_expenditure").value is True
    assert metric(again, "M0 (").value == metric(at, "M0 (").value


def test_model_counts_of_persons_and_households_are_shown_to_tens_and_downloaded_whole():
    """'9.113 jiwa' from synthetic households reads as exact to one person; the page rounds model counts to tens."""
    from metro_poverty import numfmt
    from metro_poverty.engine.scenario_url import from_query_params
    from metro_poverty.ui import engine_data

    at = open_app({"transfer": "300000", "deciles": "1,2"}, page=PAGE)
    scenario, _ = from_query_params({"transfer": "300000", "deciles": "1,2"})
    city = engine_data.results(scenario).query("level == 'city'").iloc[0]
    assert city.poor_persons_after % 10 and city.persons_lifted % 10  # whole persons in the engine: the case rounding is for
    poor = metric(at, "Penduduk miskin")
    assert poor.value == numfmt.number(round(city.poor_persons_after, -1), 0)
    assert poor.delta.endswith(f"(← {numfmt.number(round(city.poor_persons_before, -1), 0)})")
    assert metric(at, "Keluar dari kemiskinan").value == numfmt.number(round(city.poor_persons_before, -1) - round(city.poor_persons_after, -1), 0)
    table = at.table[0].value
    counts = table[[c for c in table.columns if "(jiwa)" in c or c == "Rumah tangga penerima"]].to_numpy().ravel()
    assert len(counts) == 4 * 28 and all(v.replace(".", "").endswith("0") for v in counts)
    assert "Anggaran bantuan (Rp juta/tahun)" in table.columns
    assert table.loc[0, "Anggaran bantuan (Rp juta/tahun)"] == numfmt.number(city.budget_rp_per_year / 1e6, 0)  # whole millions
    assert any("dibulatkan ke puluhan" in c for c in texts(at.caption))
    from metro_poverty.engine.scenario_table import results_table

    result = engine_data.results(scenario)
    full = results_table(result, result.region_code, scenario, "x", "id")  # the table the CSV download writes
    assert full["Keluar dari kemiskinan karena bantuan (jiwa)"].iloc[0] == city.persons_lifted  # whole



def number_shown(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").replace("−", "-"))


@pytest.mark.parametrize("transfer", ["300000", "400000"])
def test_every_change_on_screen_is_the_difference_of_the_figures_shown(transfer):
    """'5,05 · -1,72 (← 6,78)' made a room do the subtraction and find 1,73; a count's 'lifted' was rounded apart
    from the counts it is the difference of."""
    at = open_app({"transfer": transfer, "deciles": "1,2"}, page=PAGE)
    for label in ("P0", "P1", "P2", "Penduduk miskin"):
        card = metric(at, label)
        change, before = re.match(r"(-?[\d.,]+) \(← ([\d.,]+)\)", card.delta).groups()
        assert round(number_shown(card.value) - number_shown(before), 2) == number_shown(change), (label, card.value, card.delta)
    poor = metric(at, "Penduduk miskin")
    assert number_shown(metric(at, "Keluar dari kemiskinan").value) == -number_shown(poor.delta.split(" ")[0])
    table = at.table[0].value
    before, after, lifted = (table[c].map(number_shown) for c in ("Penduduk miskin sebelum (jiwa)", "Penduduk miskin sesudah (jiwa)",
                                                                   "Keluar dari kemiskinan karena bantuan (jiwa)"))
    assert ((before - after) == lifted).all()  # no growth: the transfer alone moved people


@pytest.mark.parametrize("params, says", [
    ({"growth": "3"}, "Selain 2.790 jiwa yang keluar karena bantuan, 2.210 jiwa lagi keluar dari kemiskinan"),
    ({"line": "600000"}, "membuat"),
])
def test_a_change_in_the_poor_that_the_transfer_did_not_make_is_said_never_left_to_rounding(params, says):
    at = open_app({"transfer": "300000", "deciles": "1,2", **params}, page=PAGE)
    poor, lifted = metric(at, "Penduduk miskin"), metric(at, "Keluar dari kemiskinan")
    other = -number_shown(poor.delta.split(" ")[0]) - number_shown(lifted.value)
    note = [c for c in texts(at.caption) if "(bukan pembulatan)" in c]
    assert len(note) == 1 and says in note[0] and numfmt_abs(other) in note[0]


def numfmt_abs(value: float) -> str:
    from metro_poverty import numfmt

    return numfmt.number(abs(value), 0)


def test_a_bad_lever_in_a_link_names_the_control_and_the_default_used_instead():
    """By the control's name, not the link's key («incl», «k»); the poverty line's default as its control says it."""
    warnings = texts(open_app({"transfer": "-5", "deciles": "x", "line": "-5"}, page=PAGE).warning)
    assert "Nilai «-5» untuk «besar bantuan» tidak dapat dipakai; dipakai nilai bawaan «Rp 0»." in warnings
    assert "Nilai «x» untuk «desil sasaran» tidak dapat dipakai; dipakai nilai bawaan «1, 2, 3, 4»." in warnings
    assert "Nilai «-5» untuk «garis kemiskinan» tidak dapat dipakai; dipakai nilai bawaan «GK 2024 + inflasi»." in warnings


def test_a_slide_names_every_lever_the_scenario_moves_and_the_desk_says_what_the_fold_hides():
    """'Bantuan Rp 0 · desil 1, 2, 3, 4 · seluruh kota' stood over P0 falling by 1,97 points, moved by growth,
    inflation and a targeting error that the room could not see."""
    levers = {"growth": "5", "excl": "30", "inflation": "3"}
    slide = open_app({**levers, "present": "1"}, page=PAGE)
    assert slide.expander[0].label == ("Bantuan Rp 0 per rumah tangga per bulan · desil DTSEN 1, 2, 3, 4 · seluruh kota · terlewat 30% · "
                                       "pertumbuhan riil 5% · inflasi 3%")
    assert "Diubah di bagian itu: pertumbuhan riil 5%, inflasi 3%." in texts(open_app(levers, page=PAGE).caption)
    assert not any(c.startswith("Diubah di bagian itu") for c in texts(open_app(page=PAGE).caption))


def test_two_scenarios_with_the_same_line_and_different_inflation_are_titled_apart():
    """`line=600000` and `line=600000&inflation=5` gave P0 18,79 and 14,65 under one title ('… · GK Rp 600.000'):
    the line is in the scenario's prices, which inflation sets, so inflation was dropped where it mattered.
    The transfer and the line also say their units (per month; per capita per month)."""
    plain = open_app({"line": "600000", "present": "1"}, page=PAGE).expander[0].label
    inflated = open_app({"line": "600000", "inflation": "5", "present": "1"}, page=PAGE).expander[0].label
    assert plain == "Bantuan Rp 0 per rumah tangga per bulan · desil DTSEN 1, 2, 3, 4 · seluruh kota · GK Rp 600.000/kapita/bulan"
    assert inflated == plain + " · inflasi 5%"

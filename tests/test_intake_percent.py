"""The percentage rule (metro_poverty.intake.percent), through preview of literal city-level files of P0:
'6,78%', 6.78 and 0.0678 all mean 6.78% only when the rule says so; values all <= 1 ask for confirmation."""

import pytest
from intake_support import csv_bytes, inputs_with_store, xlsx_bytes

from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.pipeline.manifest import Measure

P0 = Choices(measures=(Measure(indicator="p0", role="value", unit="%", column="P0"),), source_id="bps_metro_poverty_2024", status="official")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("percent"), inputs_factory, schematic_store)


def read_p0(inputs, cells, choices=P0, sep=";"):
    pv = preview(csv_bytes([["Wilayah", "Tahun", "P0"], ["Kota Metro", "2024", cells[0]], ["Metro", "2023", cells[1]]], sep), "p0.csv",
                 choices.but(region_level="city"), inputs)
    return [round(v, 4) for v in pv.rows.sort_values("period").value], sorted((p.code, p.column) for p in pv.problems)


def test_a_percent_sign_means_percent(inputs):
    assert read_p0(inputs, ["6,78%", "7,28%"]) == ([7.28, 6.78], [])


def test_numbers_above_one_are_percentages_as_written(inputs):
    assert read_p0(inputs, ["6,78", "7,28"]) == ([7.28, 6.78], [])


def test_values_all_at_most_one_are_an_error_until_the_rule_is_chosen_and_it_says_where(inputs):
    """One tick of a warning loaded 0,0488 as 0,0488% while the choice sat in a fold, preset to «persen»."""
    pv = preview(csv_bytes([["Wilayah", "Tahun", "P0"], ["Kota Metro", "2024", "0,0678"], ["Metro", "2023", "0,0728"]]), "p0.csv",
                 P0.but(region_level="city"), inputs)
    assert [(p.code, p.column) for p in pv.errors] == [("ambiguous_percent", "P0")] and not pv.ready([w["key"] for w in pv.report()])
    assert "Pilih di «Cara berkas dibaca» → «Kolom persentase berisi»" in pv.errors[0].message("id")


def test_a_batch_loaded_before_the_rule_had_to_be_chosen_replays_as_it_was_loaded(inputs):
    from metro_poverty.intake import steps
    from metro_poverty.pipeline.reference import load_reference

    ref = load_reference(inputs.reference_dir)
    data = csv_bytes([["Wilayah", "Tahun", "P0"], ["Kota Metro", "2024", "0,0678"]])
    obs, problems = steps.replay(data, "p0.csv", P0.but(region_level="city", region_column="Wilayah", year_column="Tahun", header_row=1,
                                                        header_rows=1, decimal=","), ref, ref.resolver)
    assert ([round(v, 4) for v in obs.value], [p.code for p in problems]) == ([0.0678], [])


def test_a_percentage_column_mixing_values_at_most_one_with_larger_ones_is_a_warning_naming_the_rows(inputs):
    """0.0488 beside 5.7 and 5.1% loaded as 0.0488% without a word: the rule for values at most 1 looks at a whole column."""
    data = csv_bytes([["Wilayah", "Tahun", "P0"], ["Kota Metro", "2024", "0.0678"], ["Metro", "2023", "7.28"], ["Metro", "2022", "6.9%"]], sep=",")
    pv = preview(data, "p0.csv", P0.but(region_level="city"), inputs)
    mixed = [p for p in pv.warnings if p.code == "mixed_percent"]
    assert [(p.row, p.column, p.found("id")) for p in mixed] == [(2, "P0", "0,0678")]
    assert "nilai ≤ 1 di baris 2 mungkin pecahan" in mixed[0].message("id") and "values ≤ 1 on rows 2 may be fractions" in mixed[0].message("en")
    assert read_p0(inputs, ["0,9", "1,5"])[1] == []  # no value well above 1: nothing says the 0,9 is a fraction


def test_confirmed_fractions_are_multiplied_by_100(inputs):
    assert read_p0(inputs, ["0,0678", "0,0728"], P0.but(percent_rule="fraction")) == ([7.28, 6.78], [])


def test_confirmed_percent_reads_small_values_as_written(inputs):
    values, problems = read_p0(inputs, ["0,0678", "0,0728"], P0.but(percent_rule="percent"))
    assert values == [0.0728, 0.0678] and "ambiguous_percent" not in [code for code, _ in problems]


def test_an_excel_cell_formatted_as_a_percentage_is_the_percentage_it_shows(inputs):
    data = xlsx_bytes({"P0": [["Wilayah", "Tahun", "P0"], ["Kota Metro", 2024, 0.0678]]}, formats={"P0": {"C2": "0.00%"}})
    pv = preview(data, "p0.xlsx", P0.but(region_level="city"), inputs)
    assert ([round(v, 4) for v in pv.rows.value], pv.problems) == ([6.78], [])


def test_a_percentage_above_100_is_an_error_at_its_cell(inputs):
    pv = preview(csv_bytes([["Wilayah", "Tahun", "P0"], ["Kota Metro", "2024", "678"]]), "p0.csv", P0.but(region_level="city"), inputs)
    assert [(p.code, p.row, p.column, p.value) for p in pv.errors] == [("above_max", 2, "P0", "678")]

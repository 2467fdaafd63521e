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


def test_values_all_at_most_one_are_read_as_written_with_a_warning_to_confirm(inputs):
    assert read_p0(inputs, ["0,0678", "0,0728"], sep=";")[1][0] == ("ambiguous_percent", "P0")


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

"""Numbers read by a stated rule per column (metro_poverty.intake.columns): the decimal mark of each
number column decided from its own values and its unit, every refused cell named, the uploader's
choice for a column or the file winning, and a batch replayed with the marks its preview decided."""

import pytest
from intake_support import csv_bytes, inputs_with_store

from metro_poverty.intake import steps
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.pipeline.manifest import Measure
from metro_poverty.pipeline.raw import RawTable
from metro_poverty.pipeline.reference import load_reference

HEADER = ["Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"]
POOR = Choices(measures=(Measure("poor_count", "value", "ribu jiwa", column="Penduduk miskin"),), region_level="city",
               region_column="Wilayah", period=2024, source_id="illus_dinsos_register", status="illustrative")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("columns"), inputs_factory, schematic_store)


def dotted_thousands_csv() -> bytes:
    """A UTF-8 CSV with a BOM, comma-separated, counts written with dotted thousands inside quotes and the
    prevalence with a decimal point: what Excel writes for a Dinkes sheet typed by hand."""
    rows = [HEADER, ["Metro", "1.204", "28", "2.33"], ["Imopuro", "718", "36", "5.01"], ["Yosomulyo", "2.310", "101", "4.37"]]
    return b"\xef\xbb\xbf" + csv_bytes(rows, ",")


def test_dotted_thousands_in_a_count_column_are_read_as_whole_numbers(inputs):
    pv = preview(dotted_thousands_csv(), "eppgbm_2025.csv", Choices(), inputs)
    assert pv.errors == []
    got = pv.rows.set_index("line")[["denominator", "numerator"]].to_dict("index")
    assert got == {2: {"denominator": 1204.0, "numerator": 28.0}, 3: {"denominator": 718.0, "numerator": 36.0},
                   4: {"denominator": 2310.0, "numerator": 101.0}}
    assert pv.choices.column_decimals == {"Jumlah Balita Diukur": ",", "Jumlah Balita Stunting": ".", "Prevalensi (%)": "."}
    assert any("«1.204» = 1204" in n for n in pv.note_texts("en"))


def test_a_fraction_and_a_percentage_in_count_columns_are_errors_naming_their_cells(inputs):
    rows = [HEADER, ["Metro", "759", "12,5", "1,65"], ["Imopuro", "718", "12%", "1,67"], ["Yosomulyo", "2.310", "101", "4,37"]]
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    assert [(p.code, p.row, p.column, p.value) for p in pv.errors if p.column == "Jumlah Balita Stunting"] == [
        ("fractional_count", 2, "Jumlah Balita Stunting", "12,5"), ("percent_in_count", 3, "Jumlah Balita Stunting", "12%")]


@pytest.mark.parametrize("cell, code, column", [
    ("9" * 400, "not_finite", "Jumlah Balita Diukur"), ("inf", "not_a_number", "Jumlah Balita Diukur"),
    ("NaN", "not_a_number", "Jumlah Balita Diukur"), ("1" * 130_000, "cell_too_long", "B")])
def test_a_denominator_that_is_not_a_finite_number_is_refused_at_its_cell(inputs, cell, code, column):
    rows = [HEADER, ["Metro", cell, "28", "3,69"], ["Imopuro", "718", "36", "5,01"]]
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    assert [(p.code, p.row, p.column) for p in pv.errors if p.row == 2] == [(code, 2, column)]  # no second message on the cell
    assert 2 not in set(pv.rows.line)


def test_a_column_whose_values_read_either_way_asks_for_its_decimal_mark(inputs):
    data = csv_bytes([["Wilayah", "Penduduk miskin"], ["Kota Metro", "12,070"]], ";")
    pv = preview(data, "miskin.csv", POOR, inputs)
    assert [(p.code, p.column, p.value, p.fields) for p in pv.errors] == [
        ("ambiguous_number", "Penduduk miskin", "12,070", {"comma": "12.07", "point": "12070"})]
    chosen = preview(data, "miskin.csv", POOR.but(column_decimals={"Penduduk miskin": ","}), inputs)
    assert (chosen.errors, chosen.rows.value.tolist()) == ([], [12.07])


def test_a_decimal_mark_shown_elsewhere_in_the_file_settles_an_open_column(inputs):
    measures = POOR.measures + (Measure("p0", "value", "%", column="P0"),)
    data = csv_bytes([["Wilayah", "Penduduk miskin", "P0"], ["Kota Metro", "12,070", "6,78"]], ";")
    pv = preview(data, "miskin.csv", POOR.but(measures=measures), inputs)
    assert (pv.errors, sorted(pv.rows.value.tolist())) == ([], [6.78, 12.07])


def test_the_uploaders_file_wide_choice_is_applied_to_every_column(inputs):
    pv = preview(dotted_thousands_csv(), "eppgbm_2025.csv", Choices(decimal="."), inputs)
    assert [(p.code, p.row, p.value) for p in pv.errors if p.code == "fractional_count"] == [
        ("fractional_count", 2, "1.204"), ("fractional_count", 4, "2.310")]


def test_a_replay_reads_with_the_marks_the_preview_decided_and_detects_nothing(inputs):
    pv = preview(dotted_thousands_csv(), "eppgbm_2025.csv", Choices(), inputs)
    ref = load_reference(inputs.reference_dir)
    obs, problems = steps.replay(dotted_thousands_csv(), "eppgbm_2025.csv", pv.choices, ref, ref.resolver)
    assert problems == [] and sorted(obs.denominator) == [718.0, 1204.0, 2310.0]


def test_typed_cells_keep_their_value_and_every_refusal_names_its_cell():
    ref = load_reference(__import__("metro_poverty").paths.REFERENCE_DIR)
    from metro_poverty.intake import columns

    table = RawTable("f.xlsx", "Data", ["Kelurahan", "Diukur"], [["Metro", 759], ["Imopuro", 12.5], ["Yosomulyo", float("inf")]], [2, 3, 4])
    ch = Choices(measures=(Measure("stunting_eppgbm", "denominator", "jumlah", column="Diukur"),))
    typed, problems = columns.typed(table, ch, ref)
    assert typed.rows == [["Metro", 759.0], ["Imopuro", None], ["Yosomulyo", None]]
    assert [(p.code, p.sheet, p.row, p.column, p.found("en")) for p in problems] == [
        ("fractional_count", "Data", 3, "Diukur", "12.5"), ("not_finite", "Data", 4, "Diukur", "inf")]
    assert problems[0].found("id") == "12,5"  # a typed number in the reader's language

"""Column mapping (metro_poverty.intake.mapping): the page and the CLI's --map say a column's meaning
through the same function; after a load it is remembered for the same OPD's next file of the same
shape (another OPD meets it only as the layout of an active batch, intake.layout rule 3)."""

import json

import pytest
from intake_support import DINKES, DINSOS, csv_bytes, eppgbm_rows, inputs_with_store, xlsx_bytes

from metro_poverty.intake import auth, cli, loader, mapping
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.pipeline.manifest import Measure

HEADER = ["Kelurahan", "Tahun", "Balita ditimbang", "Balita pendek"]
MAPPED = Choices(measures=(mapping.measure("Balita ditimbang", "stunting_eppgbm", "denominator", "jumlah"),
                           mapping.measure("Balita pendek", "stunting_eppgbm", "numerator", "jumlah")))


def own_file(year: int) -> bytes:
    """An e-PPGBM file under the Puskesmas' own column names, which no known layout has."""
    return csv_bytes([HEADER] + [[r[2], str(year), r[3], r[4]] for r in eppgbm_rows(year)[4:]])


def test_the_cli_map_and_the_page_say_a_meaning_the_same_way():
    assert mapping.parse_map("Balita pendek=stunting_eppgbm:numerator:jumlah") == mapping.measure(
        "Balita pendek", "stunting_eppgbm", "numerator", "jumlah") == Measure("stunting_eppgbm", "numerator", "jumlah", column="Balita pendek")
    assert mapping.parse_map("Rasio = A/B=p0:value:%").column == "Rasio = A/B"  # the last '=' splits


@pytest.mark.parametrize("spec, code", [("Kolom=p0:pembagi:%", "role"), ("Kolom=p0", "incomplete"), ("=p0:value:%", "incomplete")])
def test_a_mapping_that_says_no_meaning_is_refused_by_name(spec, code):
    with pytest.raises(mapping.BadMapping) as exc:
        mapping.parse_map(spec)
    assert exc.value.code == code


def test_the_cli_says_what_is_wrong_with_a_map(capsys):
    assert cli.main(["--lang", "en", "preview", "x.csv", "--map", "Kolom=p0:pembagi:%"]) == 1
    assert "Unknown role «pembagi»; choose: numerator, denominator, value, stated" in capsys.readouterr().err


def test_a_mapping_is_remembered_for_the_same_opds_next_file_of_the_same_shape(tmp_path, inputs_factory, schematic_store):
    inputs = inputs_with_store(tmp_path, inputs_factory, schematic_store)
    unmapped = preview(own_file(2025), "timbang_2025.csv", Choices(), inputs, user=DINKES)
    assert [p.code for p in unmapped.errors] == ["columns_unmapped"]
    pv = preview(own_file(2025), "timbang_2025.csv", MAPPED, inputs, user=DINKES)
    outcome = loader.load(own_file(2025), "timbang_2025.csv", DINKES, MAPPED, accepted=[r["key"] for r in pv.report()], inputs=inputs)
    assert outcome.status == "loaded", [p.message("en") for p in outcome.problems]

    colleague = auth.User("dinkes2", "opd", "Dinas Kesehatan")
    later = preview(own_file(2024), "timbang_2024.csv", Choices(), inputs, user=colleague)
    assert later.errors == [] and later.choices.measures == MAPPED.measures and len(later.rows) == 22
    assert [r["expected"] for r in later.report("en") if r["code"] == "remembered_mapping"] == [
        "column meanings taken from the earlier file «timbang_2025.csv», which has the same column headers: columns Balita ditimbang, "
        "Balita pendek load as Stunting (e-PPGBM); make sure this file does hold Stunting (e-PPGBM), or change them under "
        "«What the columns mean» (command line: --map)"]
    other = preview(own_file(2024), "timbang_2024.csv", Choices(), inputs, user=DINSOS)  # the active batch is a known layout for all
    assert "remembered_mapping" not in [p.code for p in other.problems] and "not_allowed" in [p.code for p in other.errors]
    moved = csv_bytes([HEADER[::-1]] + [[r[4], r[3], "2024", r[2]] for r in eppgbm_rows(2024)[4:]])
    moved_pv = preview(moved, "timbang_2024.csv", Choices(), inputs, user=colleague)  # another shape: not remembered
    assert "remembered_mapping" not in [p.code for p in moved_pv.problems]


def test_a_damaged_memory_is_forgotten_not_fatal(tmp_path):
    (tmp_path / mapping.FILE).write_text("{not json", encoding="utf-8")
    assert mapping.remembered(tmp_path, DINKES, HEADER) is None
    mapping.remember(tmp_path, DINKES, HEADER, MAPPED, "b1")
    assert mapping.remembered(tmp_path, DINKES, HEADER)[0].measures == MAPPED.measures
    assert json.loads((tmp_path / mapping.FILE).read_text(encoding="utf-8"))[f"Dinas Kesehatan|{mapping.shape(HEADER)}"]["by"] == "dinkes1"


def test_a_sanitation_table_after_a_water_table_of_the_same_style_is_never_read_as_water(tmp_path, inputs_factory, schematic_store):
    """Two Perkim tables with '(1) (2) (3) (4) (5)=(4)/(3)x100' under their labels: once the water table was loaded, the
    sanitation table was read as 'Air minum layak' with 'no problems' (both headers were the numbering row)."""
    inputs = inputs_with_store(tmp_path, inputs_factory, schematic_store)
    perkim = auth.User("perkim1", "opd", "Dinas Perkim")

    def table(year: int, label: str) -> bytes:
        rows = [[i + 1, r[2], 2000 + i, 1800 + i, round(100 * (1800 + i) / (2000 + i), 2)] for i, r in enumerate(eppgbm_rows(year)[4:])]
        return xlsx_bytes({"Data": [[f"RUMAH TANGGA DENGAN AKSES {label.upper()} PER KELURAHAN TAHUN {year}"],
                                    ["No", "Kelurahan", "Jumlah Rumah Tangga", f"RT Akses {label}", "Persentase (%)"],
                                    ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)x100"]] + rows})

    water = Choices(measures=(mapping.measure("Jumlah Rumah Tangga", "water_safe", "denominator", "jumlah"),
                              mapping.measure("RT Akses Air Minum Layak", "water_safe", "numerator", "jumlah")),
                    source_id="opd_upload", status="provisional")
    pv = preview(table(2024, "Air Minum Layak"), "air_minum_2024.xlsx", water, inputs, user=perkim)
    outcome = loader.load(table(2024, "Air Minum Layak"), "air_minum_2024.xlsx", perkim, water,
                          accepted=[r["key"] for r in pv.report()], inputs=inputs)
    assert outcome.status == "loaded", [p.message("en") for p in outcome.problems]

    sanitation = preview(table(2025, "Sanitasi Layak"), "sanitasi_2025.xlsx", Choices(), inputs, user=perkim)
    assert [p.code for p in sanitation.errors] == ["columns_unmapped"] and sanitation.rows.empty
    again = preview(table(2025, "Air Minum Layak"), "air_minum_2025.xlsx", Choices(), inputs, user=perkim)  # same header: said
    assert [(p.code, p.fields["file"], p.fields["indicator"]) for p in again.warnings if p.code == "remembered_mapping"] == [
        ("remembered_mapping", "air_minum_2024.xlsx", "water_safe")]

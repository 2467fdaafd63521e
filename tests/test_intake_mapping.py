"""Column mapping (metro_poverty.intake.mapping): the page and the CLI's --map say a column's meaning
through the same function; after a load it is remembered for the same OPD's next file of the same
shape (another OPD meets it only as the layout of an active batch, intake.layout rule 3)."""

import json

import pytest
from intake_support import DINKES, DINSOS, csv_bytes, eppgbm_rows, inputs_with_store

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
    assert "Column meanings as your OPD chose them for an earlier file with the same columns: Balita ditimbang, Balita pendek." \
           in later.note_texts("en")
    other = preview(own_file(2024), "timbang_2024.csv", Choices(), inputs, user=DINSOS)  # the active batch is a known layout for all
    assert not [n for n in other.note_texts("en") if "your OPD" in n] and "not_allowed" in [p.code for p in other.errors]
    moved = csv_bytes([HEADER[::-1]] + [[r[4], r[3], "2024", r[2]] for r in eppgbm_rows(2024)[4:]])
    moved_pv = preview(moved, "timbang_2024.csv", Choices(), inputs, user=colleague)  # another shape: not remembered
    assert not [n for n in moved_pv.note_texts("en") if "your OPD" in n]


def test_a_damaged_memory_is_forgotten_not_fatal(tmp_path):
    (tmp_path / mapping.FILE).write_text("{not json", encoding="utf-8")
    assert mapping.remembered(tmp_path, DINKES, HEADER) is None
    mapping.remember(tmp_path, DINKES, HEADER, MAPPED, "b1")
    assert mapping.remembered(tmp_path, DINKES, HEADER).measures == MAPPED.measures
    assert json.loads((tmp_path / mapping.FILE).read_text(encoding="utf-8"))[f"Dinas Kesehatan|{mapping.shape(HEADER)}"]["by"] == "dinkes1"

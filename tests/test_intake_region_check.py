"""An uploaded table read into the wrong kelurahan: Kemendagri codes without dots that are also BPS codes of
other kelurahan, and a second region column that names another region than the first (intake.region_check)."""

import pytest

from metro_poverty import paths
from metro_poverty.intake.region_check import check
from metro_poverty.pipeline.raw import RawTable
from metro_poverty.pipeline.reference import load_reference


@pytest.fixture(scope="module")
def resolver():
    return load_reference(paths.REFERENCE_DIR).resolver


def table(columns, rows):
    return RawTable("f.csv", None, columns, [list(r) for r in rows], list(range(2, 2 + len(rows))))


UNDOTTED = ["1872011001", "1872011002", "1872011003", "1872011004"]  # Metro, Hadimulyo Timur, Imopuro, Hadimulyo Barat by Kemendagri


def test_kemendagri_codes_without_dots_alone_are_stopped_with_both_readings_named(resolver):
    problems = check(table(["Kode Wilayah", "Stunting"], [(c, 5) for c in UNDOTTED]), resolver, "Kode Wilayah", "kelurahan")
    assert [p.code for p in problems] == ["ambiguous_code_system"]
    message = problems[0].message("id")
    assert "«1872011001»" in message and "menurut Kemendagri Metro (18.72.01.1001)" in message and "menurut BPS" in message


def test_names_beside_the_codes_say_which_system_and_stop_a_kemendagri_reading(resolver):
    names = ["Metro", "Hadimulyo Timur", "Imopuro", "Hadimulyo Barat"]
    problems = check(table(["Kode Wilayah", "Kelurahan", "Stunting"], [(c, n, 5) for c, n in zip(UNDOTTED, names)]),
                     resolver, "Kode Wilayah", "kelurahan")
    assert [p.code for p in problems] == ["kemendagri_without_dots"]
    assert "«Kelurahan»" in problems[0].message("id")


def test_bps_codes_with_names_that_agree_pass(resolver):
    aliases = load_reference(paths.REFERENCE_DIR).aliases
    bps = aliases[(aliases.kind == "bps_code") & (aliases.level == "kelurahan")].head(4)
    rows = [(code, resolver.name(region), 5) for code, region in zip(bps.alias, bps.region_code)]
    assert check(table(["Kode BPS", "Kelurahan", "Stunting"], rows), resolver, "Kode BPS", "kelurahan") == []
    assert check(table(["Kode BPS", "Stunting"], [(code, 5) for code, _, _ in rows]), resolver, "Kode BPS", "kelurahan") == []


def test_a_row_whose_name_and_code_name_two_regions_is_an_error_naming_both(resolver):
    rows = [("18.72.01.1001", "Imopuro", 5), ("18.72.01.1002", "Hadimulyo Timur", 6), ("18.72.01.1003", "Metro", 7), ("", "Jumlah", 18)]
    problems = check(table(["Kode Kemendagri", "Kelurahan", "Stunting"], rows), resolver, "Kode Kemendagri", "kelurahan")
    assert [(p.code, p.row) for p in problems] == [("region_columns_disagree", 2), ("region_columns_disagree", 4)]
    assert "Metro (18.72.01.1001)" in problems[0].message("id") and "Imopuro (18.72.01.1003)" in problems[0].message("id")


def test_one_code_without_its_dots_among_dotted_ones_is_named_as_such_not_as_a_swap(resolver):
    rows = [("Metro", "1872011001", 5), ("Hadimulyo Timur", "18.72.01.1002", 6), ("Imopuro", "18.72.01.1003", 7)]
    problems = check(table(["Kelurahan", "Kode", "Stunting"], rows), resolver, "Kelurahan", "kelurahan")
    assert [(p.code, p.row) for p in problems] == [("region_code_without_dots", 2)]
    message = problems[0].message("id")
    assert "dengan titik (18.72.01.1001) itu kode Kemendagri kelurahan ini: tulis «18.72.01.1001» di kolom «Kode»" in message
    assert "tertukar" not in message


def test_a_single_region_column_is_left_alone(resolver):
    rows = [("Metro", 5), ("Imopuro", 6)]
    assert check(table(["Kelurahan", "Stunting"], rows), resolver, "Kelurahan", "kelurahan") == []


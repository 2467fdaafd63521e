"""Harmonized layer: validated records -> observations with Kemendagri region codes, catalogue units,
ratios from their counts, checks against stated figures and total rows, and sums up to kecamatan and
city (metro_poverty.pipeline.harmonize). Regions resolve through the repo's alias table."""

import tomllib

import pandas as pd
import pytest

from metro_poverty import paths
from metro_poverty.pipeline.harmonize import OBS_COLUMNS, aggregate_up, harmonize_records
from metro_poverty.pipeline.manifest import file_spec
from metro_poverty.problems import ERROR, WARNING
from metro_poverty.pipeline.raw import RawTable
from metro_poverty.pipeline.reference import load_reference
from metro_poverty.pipeline.validate import validate_table

CATALOGUE = pd.DataFrame(
    [
        ("stunting_eppgbm", "%", "ratio", "0", "100"),
        ("rtlh_units", "unit rumah", "sum", "0", ""),
        ("population", "ribu jiwa", "sum", "0", ""),
        ("uhh", "tahun", "none", "40", "90"),
    ],
    columns=["code", "unit_id", "aggregation", "min_value", "max_value"],
)
UNITS = pd.DataFrame(
    [("jumlah", "jumlah", "1"), ("%", "%", "1"), ("unit rumah", "unit rumah", "1"), ("jiwa", "ribu jiwa", "0.001"), ("tahun", "tahun", "1")],
    columns=["unit_as_delivered", "unit", "factor"],
)


@pytest.fixture(scope="module")
def resolver():
    return load_reference(paths.REFERENCE_DIR).resolver


def spec_of(toml_text):
    return file_spec(tomllib.loads(toml_text)["file"][0])


EPPGBM = spec_of('''
[[file]]
path = "dinkes/e-PPGBM.csv"
source_id = "illus_dinkes_eppgbm"
status = "illustrative"
level = "kelurahan"
header = "Kelurahan"
region_column = "Kelurahan"
year = 2024
measure = [
  { column = "Diukur", indicator = "stunting_eppgbm", role = "denominator", unit = "jumlah" },
  { column = "Stunting", indicator = "stunting_eppgbm", role = "numerator", unit = "jumlah" },
  { column = "Prevalensi (%)", indicator = "stunting_eppgbm", role = "stated", unit = "%" },
]
''')


def harmonize(resolver, rows, spec=EPPGBM, columns=("Kelurahan", "Diukur", "Stunting", "Prevalensi (%)")):
    """Literal rows (the first at line 2) through validate and harmonize."""
    table = RawTable(spec.path, None, list(columns), [list(r) for r in rows], list(range(2, 2 + len(rows))))
    records, problems = validate_table(table, spec)
    assert problems == []
    return harmonize_records(records, spec, resolver, CATALOGUE, UNITS)


def observed(obs):
    return obs[["indicator_code", "region_code", "period", "value", "numerator", "denominator"]].values.tolist()


def test_a_ratio_is_computed_from_its_counts(resolver):
    obs, problems = harmonize(resolver, [["Kel. Metro", "700", "35", ""]])
    assert observed(obs) == [["stunting_eppgbm", "18.72.01.1001", 2024, 5.0, 35.0, 700.0]]
    assert problems == []


def test_observations_carry_source_status_and_origin(resolver):
    obs, _ = harmonize(resolver, [["Kel. Metro", "700", "35", ""]])
    assert obs[["source_id", "status", "origin_file", "origin_line"]].values.tolist() == [["illus_dinkes_eppgbm", "illustrative", "dinkes/e-PPGBM.csv", 2]]


@pytest.mark.parametrize("written, code", [
    ("1872011001", "18.72.05.1003"),      # BPS code of SUMBERSARI
    ("18.72.01.1001", "18.72.01.1001"),   # Kemendagri code of Metro
    ("Kel. Ganjar Agung", "18.72.03.1002"),
    ("GANJARAGUNG", "18.72.03.1002"),
    ("SUMBERSARI", "18.72.05.1003"),
    ("Ganjarsari", "18.72.03.1004"),      # the known typo for Ganjar Asri
])
def test_regions_as_files_write_them_get_the_kemendagri_code(resolver, written, code):
    obs, _ = harmonize(resolver, [[written, "700", "35", ""]])
    assert obs.region_code.tolist() == [code]


def test_a_kemendagri_code_without_dots_is_read_as_a_bps_code(resolver):
    # 18.72.01.1001 (Metro) undotted: BPS's code for Sumbersari Bantul, Metro Selatan.
    obs, _ = harmonize(resolver, [["1872011001", "700", "35", ""]])
    assert obs.region_code.tolist() == ["18.72.05.1003"]


def test_an_unknown_region_near_a_known_name_is_an_error_with_a_suggestion(resolver):
    obs, problems = harmonize(resolver, [["Kel. Metro", "700", "35", ""], ["Kel. Imopura", "673", "36", ""]])
    assert [(p.code, p.severity, p.file, p.row, p.value, p.fields["suggestion"]) for p in problems] == [
        ("unknown_region_hint", ERROR, "dinkes/e-PPGBM.csv", 3, "Kel. Imopura", "Imopuro")]
    assert obs.region_code.tolist() == ["18.72.01.1001"]


def test_an_unknown_region_names_the_region_column(resolver):
    _, problems = harmonize(resolver, [["Kel. Imopura", "673", "36", ""]])
    assert [p.column for p in problems] == ["Kelurahan"]


def test_an_unknown_region_far_from_any_name_is_an_error_without_suggestion(resolver):
    _, problems = harmonize(resolver, [["Bandar Lampung", "673", "36", ""]])
    assert [(p.code, p.row) for p in problems] == [("unknown_region", 2)]


def test_a_stated_percentage_matching_the_counts_is_silent(resolver):
    _, problems = harmonize(resolver, [["Kel. Metro", "759", "28", "3.69"]])
    assert problems == []


def test_a_stated_percentage_that_differs_from_the_counts_is_a_warning(resolver):
    obs, problems = harmonize(resolver, [["Kel. Metro", "759", "28", "4.69"]])
    assert [(p.code, p.severity, p.row, p.found("en"), p.fields["computed"].text("en")) for p in problems] == [
        ("stated_differs", WARNING, 2, "4.69", "3.69")]
    assert obs.value.round(2).tolist() == [3.69]  # the counts win; the stated figure is never loaded


def test_a_total_row_matching_its_rows_is_silent(resolver):
    _, problems = harmonize(resolver, [["Kel. Metro", "759", "28", ""], ["Kel. Imopuro", "718", "36", ""], ["Total", "1477", "64", ""]])
    assert problems == []


def test_a_total_row_that_differs_from_its_rows_is_a_warning(resolver):
    obs, problems = harmonize(resolver, [["Kel. Metro", "759", "28", ""], ["Kel. Imopuro", "718", "36", ""], ["Total", "1477", "74", ""]])
    assert [(p.code, p.severity, p.row, p.column, p.found("id"), p.fields["sum"].text("id")) for p in problems] == [
        ("total_differs", WARNING, 4, "Stunting", "74", "64")]
    assert len(obs) == 2  # a total row is never loaded as a region


def test_the_same_kelurahan_twice_is_a_duplicate_error(resolver):
    obs, problems = harmonize(resolver, [["Kel. Metro", "759", "28", ""], ["METRO", "759", "28", ""]])
    assert [(p.code, p.severity, p.row, p.value) for p in problems] == [
        ("duplicate_row", ERROR, 3, "METRO"), ("duplicate_row", ERROR, 3, "METRO")]  # one per role
    assert len(obs) == 1
    # where the region was read first, and what a region split over rows (male and female) asks for
    assert problems[0].body("id").endswith("wilayah ini sudah ada di baris 2; bila berkas memecah satu wilayah ke beberapa baris "
                                          "(misalnya laki-laki dan perempuan), jumlahkan dulu")


def test_a_ratio_with_only_its_numerator_is_an_error(resolver):
    obs, problems = harmonize(resolver, [["Kel. Metro", "", "28", ""]])
    assert [(p.code, p.row) for p in problems] == [("ratio_incomplete", 2)]
    assert obs.empty


def test_a_numerator_above_its_denominator_is_an_error(resolver):
    _, problems = harmonize(resolver, [["Kel. Metro", "28", "759", ""]])
    assert [(p.code, p.row) for p in problems] == [("ratio_invalid", 2)]
    assert problems[0].message("id").endswith("(pembilang 759, penyebut 28)")


def test_a_large_count_in_a_message_is_written_in_the_readers_format(resolver):
    _, problems = harmonize(resolver, [["Kel. Metro", "1300", "12345678", ""]])
    assert problems[0].message("id").endswith("(pembilang 12.345.678, penyebut 1.300)")  # not «1.23457e+07/1300»


UHH = spec_of('''
[[file]]
path = "dinkes/uhh.csv"
source_id = "illus_dinkes_eppgbm"
status = "illustrative"
level = "kecamatan"
header = "Kecamatan"
region_column = "Kecamatan"
year = 2024
measure = [ { column = "UHH", indicator = "uhh", role = "value", unit = "tahun" } ]
''')


def test_a_value_outside_the_catalogue_range_is_an_error(resolver):
    obs, problems = harmonize(resolver, [["Kec. Metro Pusat", "7543"]], UHH, ("Kecamatan", "UHH"))
    assert [(p.code, p.row, p.found("id")) for p in problems] == [("out_of_range", 2, "7.543")]
    assert obs.empty


POPULATION = spec_of('''
[[file]]
path = "dukcapil/penduduk.csv"
source_id = "illus_dinkes_eppgbm"
status = "illustrative"
level = "kelurahan"
header = "Kelurahan"
region_column = "Kelurahan"
year = 2024
measure = [ { column = "Penduduk", indicator = "population", role = "value", unit = "jiwa" } ]
''')


def test_a_value_is_converted_to_the_catalogue_unit(resolver):
    obs, problems = harmonize(resolver, [["Metro", "11290"]], POPULATION, ("Kelurahan", "Penduduk"))
    assert observed(obs)[0][:4] == ["population", "18.72.01.1001", 2024, pytest.approx(11.29)]
    assert problems == []


def test_a_total_row_is_checked_in_the_unit_the_file_delivers(resolver):
    _, problems = harmonize(resolver, [["Metro", "1000"], ["Imopuro", "2000"], ["Jumlah", "3000"]], POPULATION, ("Kelurahan", "Penduduk"))
    assert problems == []


def test_a_unit_with_no_conversion_to_the_catalogue_unit_is_an_error(resolver):
    spec = spec_of('''
[[file]]
path = "dukcapil/penduduk.csv"
source_id = "illus_dinkes_eppgbm"
status = "illustrative"
level = "kelurahan"
header = "Kelurahan"
region_column = "Kelurahan"
year = 2024
measure = [ { column = "Penduduk", indicator = "population", role = "value", unit = "orang" } ]
''')
    _, problems = harmonize(resolver, [["Metro", "11290"]], spec, ("Kelurahan", "Penduduk"))
    assert [(p.code, p.row, p.column, p.value, p.fields["expected"]) for p in problems] == [("unknown_unit", 2, "Penduduk", "orang", "ribu jiwa")]


# aggregate_up: kecamatan and city from complete sets of kelurahan

REGIONS = pd.DataFrame(
    [
        ("18.72", "city", "18"),
        ("18.72.01", "kecamatan", "18.72"),
        ("18.72.02", "kecamatan", "18.72"),
        ("18.72.01.1001", "kelurahan", "18.72.01"),
        ("18.72.01.1002", "kelurahan", "18.72.01"),
        ("18.72.02.1001", "kelurahan", "18.72.02"),
        ("18.72.02.1002", "kelurahan", "18.72.02"),
    ],
    columns=["region_code", "level", "parent_code"],
)


def kelurahan_obs(*rows):
    """(indicator, region, value, numerator, denominator) -> observations of one illustrative source, 2024."""
    return pd.DataFrame(
        [[ind, region, 2024, "", value, num, den, "illus", "illustrative", "", "", "x.csv", i + 2] for i, (ind, region, value, num, den) in enumerate(rows)],
        columns=OBS_COLUMNS,
    )


def aggregated(obs):
    out = aggregate_up(obs, REGIONS, CATALOGUE).sort_values(["indicator_code", "region_code"])
    return out[["indicator_code", "region_code", "value", "numerator", "denominator"]].round(4).fillna(-1).values.tolist()


def test_a_kecamatan_ratio_is_recomputed_from_summed_counts_not_averaged():
    obs = kelurahan_obs(("stunting_eppgbm", "18.72.01.1001", 10.0, 10.0, 100.0), ("stunting_eppgbm", "18.72.01.1002", 60.0, 30.0, 50.0))
    assert aggregated(obs) == [["stunting_eppgbm", "18.72.01", 26.6667, 40.0, 150.0]]  # 40/150, not (10 + 60) / 2


def test_a_kecamatan_with_a_missing_kelurahan_is_left_as_a_gap():
    obs = kelurahan_obs(("stunting_eppgbm", "18.72.01.1001", 10.0, 10.0, 100.0), ("stunting_eppgbm", "18.72.01.1002", 60.0, 30.0, 50.0),
                        ("stunting_eppgbm", "18.72.02.1001", 20.0, 20.0, 100.0))
    assert [r[1] for r in aggregated(obs)] == ["18.72.01"]  # no 18.72.02 and no city


def test_the_city_is_summed_when_every_kelurahan_is_present():
    obs = kelurahan_obs(("stunting_eppgbm", "18.72.01.1001", 10.0, 10.0, 100.0), ("stunting_eppgbm", "18.72.01.1002", 60.0, 30.0, 50.0),
                        ("stunting_eppgbm", "18.72.02.1001", 20.0, 20.0, 100.0), ("stunting_eppgbm", "18.72.02.1002", 0.0, 0.0, 50.0))
    assert aggregated(obs) == [
        ["stunting_eppgbm", "18.72", 20.0, 60.0, 300.0],
        ["stunting_eppgbm", "18.72.01", 26.6667, 40.0, 150.0],
        ["stunting_eppgbm", "18.72.02", 13.3333, 20.0, 150.0],
    ]


def test_a_sum_indicator_adds_its_values():
    obs = kelurahan_obs(("rtlh_units", "18.72.01.1001", 64.0, None, None), ("rtlh_units", "18.72.01.1002", 106.0, None, None))
    assert aggregated(obs) == [["rtlh_units", "18.72.01", 170.0, -1, -1]]


def test_an_indicator_that_does_not_add_up_is_not_aggregated():
    obs = kelurahan_obs(("uhh", "18.72.01.1001", 75.0, None, None), ("uhh", "18.72.01.1002", 74.0, None, None))
    assert aggregated(obs) == []


def test_aggregates_keep_source_and_status_and_are_flagged():
    obs = kelurahan_obs(("rtlh_units", "18.72.01.1001", 64.0, None, None), ("rtlh_units", "18.72.01.1002", 106.0, None, None))
    out = aggregate_up(obs, REGIONS, CATALOGUE)
    assert out[["source_id", "status", "quality_flag"]].values.tolist() == [["illus", "illustrative", "aggregated"]]

"""Published figures, as transcribed with their sources, into observations (metro_poverty.pipeline.published).
Literal CSV rows against the repo's reference tables (regions, catalogue, units, sources)."""

import pytest

from metro_poverty import paths
from metro_poverty.pipeline.published import read_published
from metro_poverty.pipeline.reference import load_reference

HEADER = "region,indicator,year,value,unit,source_id,status,flag,series,note,decimals\n"


@pytest.fixture(scope="module")
def ref():
    return load_reference(paths.REFERENCE_DIR)


@pytest.fixture
def read(tmp_path, ref):
    def read(*lines):
        path = tmp_path / "bps_published_figures.csv"
        # the tests' rows leave `decimals` empty unless they give it
        path.write_text(HEADER + "".join((line if line.count(",") >= 10 else line + ",") + "\n" for line in lines))
        return read_published(path, ref.resolver, ref.catalogue, ref.units, ref.sources)
    return read


def observed(obs):
    return obs[["indicator_code", "region_code", "period", "series", "value", "source_id", "status"]].values.tolist()


def test_a_published_figure_becomes_an_observation(read):
    obs, problems = read("Kota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,official,,,")
    assert observed(obs) == [["p0", "18.72", 2024, "", 6.78, "bps_metro_poverty_2024", "official"]]
    assert problems == []


def test_the_origin_line_counts_the_header_as_row_1(read):
    obs, _ = read("Kota Metro,p0,2023,7.28,persen,domain_derived,official,,,", "Kota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,official,,,")
    assert obs[["origin_file", "origin_line"]].values.tolist() == [["bps_published_figures.csv", 2], ["bps_published_figures.csv", 3]]


def test_regions_resolve_at_city_province_and_country_level(read):
    obs, _ = read("Kota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,official,,,",
                  "Lampung,p0,2024,10.69,persen,domain_lampung_poverty,official,,,",
                  "Indonesia,p0,2024,9.03,persen,domain_indonesia_poverty,official,,,")
    assert obs.region_code.tolist() == ["18.72", "18", "00"]


def test_juta_jiwa_is_converted_to_ribu_jiwa(read):
    obs, _ = read("Indonesia,poor_count,2024,25.22,juta jiwa,domain_indonesia_poverty,official,,,")
    assert obs.value.tolist() == [pytest.approx(25220.0)]


def test_jiwa_is_converted_to_ribu_jiwa(read):
    obs, _ = read("Kota Metro,poor_count,2024,12070,jiwa,bps_metro_poverty_2024,official,,,")
    assert obs.value.tolist() == [pytest.approx(12.07)]


def test_flag_series_and_note_are_kept(read):
    obs, _ = read("Kota Metro,uhh,2021,71.66,tahun,domain_unattributed,official,unverified,uhh_pre_sp2020,old series")
    assert obs[["quality_flag", "series", "note"]].values.tolist() == [["unverified", "uhh_pre_sp2020", "old series"]]


def test_an_unknown_source_is_an_error_naming_row_and_column(read):
    obs, problems = read("Kota Metro,p0,2024,6.78,persen,bps_metro_2024,official,,,")
    assert [(p.code, p.severity, p.file, p.row, p.column, p.value) for p in problems] == [
        ("unknown_source", "error", "bps_published_figures.csv", 2, "source_id", "bps_metro_2024")]
    assert obs.empty


def test_an_unknown_indicator_is_an_error(read):
    _, problems = read("Kota Metro,p3,2024,0.1,indeks,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row, p.column, p.value) for p in problems] == [("unknown_indicator", 2, "indicator", "p3")]


def test_an_unknown_region_is_an_error(read):
    _, problems = read("Kota Metro Raya,p0,2024,6.78,persen,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row, p.column, p.value) for p in problems] == [("unknown_region", 2, "region", "Kota Metro Raya")]


def test_a_status_outside_the_vocabulary_is_an_error(read):
    _, problems = read("Kota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,resmi,,,")
    assert [(p.code, p.row, p.column, p.value) for p in problems] == [("bad_status", 2, "status", "resmi")]


def test_a_unit_that_does_not_convert_to_the_catalogue_unit_is_an_error(read):
    _, problems = read("Kota Metro,p0,2024,6.78,jiwa,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row, p.column, p.value, p.fields["expected"]) for p in problems] == [("unknown_unit", 2, "unit", "jiwa", "%")]


def test_a_value_that_is_not_a_number_is_an_error(read):
    _, problems = read("Kota Metro,p0,2024,enam,persen,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row) for p in problems] == [("not_a_number", 2)]


def test_an_empty_value_is_an_error(read):
    _, problems = read("Kota Metro,p0,2024,,persen,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row) for p in problems] == [("not_a_number", 2)]


def test_a_value_outside_the_catalogue_range_is_an_error(read):
    # As for OPD files (harmonize's out_of_range): a P0 of 678% never reaches the store.
    obs, problems = read("Kota Metro,p0,2024,678,persen,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row) for p in problems] == [("out_of_range", 2)]
    assert obs.empty


def test_the_same_figure_twice_from_one_source_is_a_duplicate_error(read):
    obs, problems = read("Kota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,official,,,",
                         "Kota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,official,,,")
    assert [(p.code, p.row) for p in problems] == [("duplicate_row", 3)]
    assert len(obs) == 1


def test_the_same_figure_from_two_sources_is_kept_twice(read):
    obs, problems = read("Kota Metro,stunting_eppgbm,2022,6.67,persen,dinkes_eppgbm_reported,official,,,",
                         "Kota Metro,stunting_eppgbm,2022,8.7,persen,local_statement_stunting,provisional,conflict,,")
    assert obs.source_id.tolist() == ["dinkes_eppgbm_reported", "local_statement_stunting"]
    assert problems == []


def test_a_file_missing_a_column_is_an_error(tmp_path, ref):
    path = tmp_path / "bps_published_figures.csv"
    path.write_text("region,indicator,year,value,unit,source_id,status\nKota Metro,p0,2024,6.78,persen,bps_metro_poverty_2024,official\n")
    obs, problems = read_published(path, ref.resolver, ref.catalogue, ref.units, ref.sources)
    assert [(p.code, p.fields["column"]) for p in problems] == [("missing_column", "flag, series, note, decimals")]
    assert obs.empty


def test_a_derived_figure_keeps_the_precision_it_has(read):
    obs, problems = read("Kota Metro,poor_count,2023,12800,jiwa,domain_derived,provisional,derived,,about 12800,1")
    assert (obs[["value", "decimals", "quality_flag"]].values.tolist(), problems) == ([[pytest.approx(12.8), 1, "derived"]], [])


def test_a_precision_that_is_not_a_small_whole_number_is_an_error(read):
    _, problems = read("Kota Metro,poor_count,2023,12800,jiwa,domain_derived,provisional,derived,,about 12800,satu")
    assert [(p.code, p.row, p.column) for p in problems] == [("bad_decimals", 2, "decimals")]

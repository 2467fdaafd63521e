"""Published figures one row per region, year, indicator and source (metro_poverty.pipeline.published_long):
literal CSV rows in the shape of data/raw/kabkota/lampung_kabkota_poverty.csv against the repo's reference
tables. Each row's document becomes a source; its mark becomes a citation; both code systems must agree."""

import pytest

from metro_poverty import paths
from metro_poverty.pipeline.published_long import LongFileSpec, read_long_file
from metro_poverty.pipeline.reference import load_reference

HEADER = "kemendagri_code,bps_code,name,year,indicator,value,unit,source_url,source_title,mark,note\n"
SPEC = LongFileSpec(path="kabkota.csv", levels=("kabkota", "city"), producer="BPS", source_prefix="kk",
                    indicator_map={"P0": "p0", "poor_population": "poor_count", "P0_extreme": "p0_extreme"},
                    status_by_indicator={"P0_extreme": "provisional"}, primary_hosts=("bps.go.id",),
                    producer_by_indicator={"P0_extreme": "Bappeda Provinsi Lampung"})
BPS = "https://metrokota.bps.go.id/id/news/2025/04/16/269/x.html"
NEWS = "https://news.example/metro-terendah"


@pytest.fixture(scope="module")
def ref():
    return load_reference(paths.REFERENCE_DIR)


@pytest.fixture
def read(tmp_path, ref):
    def read(*lines):
        path = tmp_path / "kabkota.csv"
        path.write_text(HEADER + "".join(line + "\n" for line in lines))
        return read_long_file(path, SPEC, ref.resolver, ref.catalogue, ref.units)
    return read


def test_a_row_becomes_an_official_observation_of_its_region(read):
    obs, _, problems = read(f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{BPS},Metro Terkini (BPS Kota Metro),official,")
    assert (obs[["indicator_code", "region_code", "period", "value", "status"]].values.tolist(), problems) == (
        [["p0", "18.72", 2024, 6.78, "official"]], [])


def test_a_page_on_the_producers_site_is_a_primary_citation(read):
    obs, sources, _ = read(f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{BPS},Metro Terkini,official,")
    assert (obs.citation.tolist(), sources[["publisher", "url", "citation", "producer"]].values.tolist()) == (
        ["primary"], [["metrokota.bps.go.id", BPS, "primary", "BPS"]])


def test_a_document_already_in_the_reference_list_is_not_listed_again(tmp_path, ref):
    path = tmp_path / "kabkota.csv"
    path.write_text(HEADER + f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{BPS},Metro Terkini,official,\n"
                    f"18.72,1872,Kota Metro,2025,P0,6.44,percent,{NEWS},Kepala BPS Kota Metro quoted,official,\n")
    obs, sources, _ = read_long_file(path, SPEC, ref.resolver, ref.catalogue, ref.units, known={BPS: "bps_metro_poverty_2024"})
    assert (obs.source_id.tolist()[0], sources.url.tolist()) == ("bps_metro_poverty_2024", [NEWS])


def test_news_quoting_a_named_official_is_cited_as_a_quote(read):
    obs, sources, _ = read(f"18.72,1872,Kota Metro,2025,P0,6.44,percent,{NEWS},Kepala BPS Kota Metro quoted,official,")
    assert (obs.citation.tolist(), sources.citation.tolist()) == (["quoted"], ["secondary"])


def test_an_aggregator_relaying_bps_is_a_secondary_citation(read):
    obs, _, _ = read(f"18.11,1811,Kabupaten Mesuji,2024,P0,6.31,percent,{NEWS},Databoks citing BPS,secondary,")
    assert obs[["region_code", "citation", "quality_flag"]].values.tolist() == [["18.11", "secondary", None]]


def test_a_conflict_mark_keeps_its_flag_and_note(read):
    obs, _, _ = read(f"18.07,1804,Kabupaten Lampung Timur,2024,poor_population,142.69,thousand persons,{NEWS},t,conflict,other value 142.70")
    assert obs[["region_code", "value", "quality_flag", "note"]].values.tolist() == [["18.07", 142.69, "conflict", "other value 142.70"]]


def test_an_indicator_of_another_producers_evaluation_is_provisional(read):
    obs, _, _ = read(f"18.72,1872,Kota Metro,2022,P0_extreme,0.83,percent,{NEWS},Bappeda data,secondary,")
    assert obs[["indicator_code", "status", "quality_flag"]].values.tolist() == [["p0_extreme", "provisional", "unverified"]]


def test_a_document_relaying_another_bodys_evaluation_names_that_body_as_its_producer(read):
    """Sumber Data named BPS as the producer of a news article relaying Bappeda Provinsi Lampung's evaluation."""
    _, sources, _ = read(f"18.72,1872,Kota Metro,2022,P0_extreme,0.83,percent,{NEWS},Bappeda data,secondary,")
    assert sources.producer.tolist() == ["Bappeda Provinsi Lampung"]
    _, quoted, _ = read(f"18.72,1872,Kota Metro,2022,P0_extreme,0.83,percent,{NEWS},Kepala BPS Kota Metro quoted,official,")
    assert quoted.producer.tolist() == ["BPS"]  # the head of BPS Kota Metro quoted: BPS's own figure


def test_a_figure_of_that_indicator_quoted_from_the_producers_own_official_keeps_the_files_status(read):
    """0,83% from the head of BPS Kota Metro (extreme poverty is a BPS Susenas figure) stood as 'Sementara', as Bappeda's."""
    obs, _, _ = read(f"18.72,1872,Kota Metro,2022,P0_extreme,0.83,percent,{NEWS},Kepala BPS Kota Metro quoted,official,")
    assert obs[["indicator_code", "status", "quality_flag", "citation"]].values.tolist() == [["p0_extreme", "official", None, "quoted"]]


def test_one_document_is_one_source_however_many_rows_it_gives(read):
    obs, sources, _ = read(f"18.11,1811,Kabupaten Mesuji,2024,P0,6.31,percent,{NEWS},t,secondary,",
                           f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{NEWS},t,secondary,")
    assert (obs.source_id.nunique(), len(sources)) == (1, 1)


def test_codes_of_the_two_systems_naming_different_regions_are_an_error(read):
    # 18.01 is Lampung Selatan at Kemendagri; 1801 is Lampung Barat at BPS
    obs, _, problems = read(f"18.01,1801,Kabupaten Lampung Selatan,2024,P0,12.57,percent,{NEWS},t,secondary,")
    assert (len(obs), [(p.code, p.row, p.column) for p in problems]) == (0, [("codes_disagree", 2, "kemendagri_code/bps_code")])


def test_an_unknown_code_is_an_error_naming_its_column(read):
    _, _, problems = read(f"18.99,1899,Nowhere,2024,P0,1.0,percent,{NEWS},t,secondary,")
    assert [(p.code, p.column) for p in problems] == [("unknown_region", "kemendagri_code"), ("unknown_region", "bps_code")]


def test_a_row_without_its_document_is_an_error(read):
    _, _, problems = read("18.72,1872,Kota Metro,2024,P0,6.78,percent,,,official,")
    assert [(p.code, p.row) for p in problems] == [("source_not_named", 2)]


def test_an_unknown_mark_indicator_or_unit_is_an_error(read):
    _, _, problems = read(f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{NEWS},t,heard,",
                          f"18.72,1872,Kota Metro,2024,P9,6.78,percent,{NEWS},t,official,",
                          f"18.72,1872,Kota Metro,2024,P0,6.78,permille,{NEWS},t,official,")
    assert [(p.code, p.row) for p in problems] == [("bad_flag", 2), ("unknown_indicator", 3), ("unknown_unit", 4)]


def test_thousand_persons_stay_in_thousands(read):
    obs, _, _ = read(f"18.72,1872,Kota Metro,2024,poor_population,12.07,thousand persons,{NEWS},t,secondary,")
    assert obs.value.tolist() == [12.07]


def test_the_same_figure_twice_from_one_document_is_a_duplicate(read):
    _, _, problems = read(f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{NEWS},t,secondary,",
                          f"18.72,1872,Kota Metro,2024,P0,6.78,percent,{NEWS},t,secondary,")
    assert [(p.code, p.row) for p in problems] == [("duplicate_row", 3)]


def test_a_file_missing_a_column_is_an_error(tmp_path, ref):
    path = tmp_path / "kabkota.csv"
    path.write_text("kemendagri_code,bps_code,year\n18.72,1872,2024\n")
    _, _, problems = read_long_file(path, SPEC, ref.resolver, ref.catalogue, ref.units)
    assert [p.code for p in problems] == ["missing_column"]

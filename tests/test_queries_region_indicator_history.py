"""queries/region_indicator_history.sql with literal rows: every value of every indicator for one region
and for the city (a region profile compares the two), nothing else."""

import pytest

from tests.query_support import (CITY, COUNTRY, KEC_PUSAT, KEL_IMOPURO, KEL_METRO, PROVINCE, empty_store, indicator,
                                 metro_regions, observe, result, source)

PROFILE = ("indicator_code", "region_code", "period", "value", "status")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, dimension="health", measure_kind="admin_record")
        indicator(con, "rls", position=2, dimension="education", measure_kind="admin_record")
        indicator(con, "akses_air", position=3, dimension="basic_services", measure_kind="admin_record")
        source(con, "dinkes_eppgbm_reported", publisher="Dinas Kesehatan Kota Metro")
        source(con, "local_statement_stunting")
        source(con, "illus_dinkes_eppgbm", kind="illustrative", publisher="Dinas Kesehatan (data ilustrasi)")
        yield con


def profile(con, region, columns=PROFILE):
    return result(con, "region_indicator_history", columns, region=region)


def test_the_regions_values_and_the_citys_ordered_by_dimension_indicator_region_period(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "rls", KEL_METRO, 2024, 10.9, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "akses_air", CITY, 2024, 97.1, "illus_dinkes_eppgbm", "illustrative")
    assert profile(con, KEL_METRO) == [
        ("akses_air", CITY, 2024, 97.1, "illustrative"),
        ("rls", KEL_METRO, 2024, 10.9, "illustrative"),
        ("stunting_eppgbm", CITY, 2024, 6.43, "illustrative"),
        ("stunting_eppgbm", KEL_METRO, 2023, 3.95, "illustrative"),
        ("stunting_eppgbm", KEL_METRO, 2024, 3.69, "illustrative"),
    ]


def test_other_regions_are_left_out_even_the_parent_kecamatan_and_the_province(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2024, 4.40, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2024, 4.05, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", PROVINCE, 2024, 14.9, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", COUNTRY, 2024, 19.8, "dinkes_eppgbm_reported")
    assert profile(con, KEL_METRO, ("region_code",)) == [(KEL_METRO,)]


def test_the_citys_own_profile_has_each_city_value_once(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", KEL_METRO, 2022, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert profile(con, CITY) == [("stunting_eppgbm", CITY, 2022, 6.67, "official")]


def test_official_comes_before_provisional(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "official")
    assert profile(con, KEL_METRO) == [("stunting_eppgbm", CITY, 2022, 6.67, "official")]


def test_the_citys_published_and_illustrative_values_are_both_kept_with_their_source(con):
    # the profile compares a region with the city value from the same source
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "illus_dinkes_eppgbm", "illustrative")
    assert sorted(profile(con, KEL_METRO, ("region_code", "value", "status", "source_id", "source_publisher"))) == [
        (CITY, 6.43, "illustrative", "illus_dinkes_eppgbm", "Dinas Kesehatan (data ilustrasi)"),
        (CITY, 6.67, "official", "dinkes_eppgbm_reported", "Dinas Kesehatan Kota Metro")]


def test_each_value_carries_the_catalogue_facts_a_profile_needs(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative", series="eppgbm",
            quality_flag="unverified")
    columns = ("region_name", "region_level", "series", "quality_flag", "dimension", "measure_kind")
    assert profile(con, KEL_METRO, columns) == [("Metro", "kelurahan", "eppgbm", "unverified", "health", "admin_record")]

"""queries/indicator_by_region.sql with literal rows: one indicator's values for every region of one level
in one period (what a map draws), each with its source and status."""

import pytest

from tests.query_support import (CITY, KEC_PUSAT, KEC_UTARA, KEL_BANJARSARI, KEL_IMOPURO, KEL_METRO, empty_store,
                                 indicator, metro_regions, observe, result, source)

MAP = ("region_code", "region_name", "parent_code", "period", "value", "status")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record", lowest_level="kelurahan")
        indicator(con, "imunisasi_dasar", position=2, measure_kind="admin_record", lowest_level="kelurahan")
        source(con, "dinkes_eppgbm_reported", title="Prevalensi stunting e-PPGBM", publisher="Dinas Kesehatan Kota Metro")
        source(con, "local_statement_stunting")
        source(con, "illus_dinkes_eppgbm", kind="illustrative", title="ILUSTRASI: e-PPGBM", publisher="Dinas Kesehatan (data ilustrasi)",
               locator="data/raw/dinkes/")
        yield con


def at(con, level, period, indicator="stunting_eppgbm", columns=MAP):
    return result(con, "indicator_by_region", columns, indicator=indicator, level=level, period=period)


def test_every_region_of_the_level_in_region_code_order(con):
    observe(con, "stunting_eppgbm", KEL_BANJARSARI, 2024, 5.12, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2024, 4.40, "illus_dinkes_eppgbm", "illustrative")
    assert at(con, "kelurahan", 2024) == [
        (KEL_METRO, "Metro", KEC_PUSAT, 2024, 3.69, "illustrative"),
        (KEL_IMOPURO, "Imopuro", KEC_PUSAT, 2024, 4.40, "illustrative"),
        (KEL_BANJARSARI, "Banjarsari", KEC_UTARA, 2024, 5.12, "illustrative"),
    ]


def test_only_the_level_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2024, 4.05, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    assert at(con, "kecamatan", 2024, columns=("region_code", "value")) == [(KEC_PUSAT, 4.05)]


def test_only_the_period_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 4.10, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2025, 3.20, "illus_dinkes_eppgbm", "illustrative")
    assert at(con, "kelurahan", 2024, columns=("region_code", "period", "value")) == [(KEL_METRO, 2024, 3.69)]


def test_only_the_indicator_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "imunisasi_dasar", KEL_METRO, 2024, 91.5, "illus_dinkes_eppgbm", "illustrative")
    assert at(con, "kelurahan", 2024, indicator="imunisasi_dasar", columns=("region_code", "value")) == [(KEL_METRO, 91.5)]


def test_a_period_without_values_gives_no_rows(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert at(con, "kelurahan", 2019) == []


def test_official_comes_before_provisional(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "official")
    assert at(con, "city", 2022, columns=("value", "status", "source_id")) == [(6.67, "official", "dinkes_eppgbm_reported")]


def test_a_published_value_comes_before_an_illustrative_one_of_the_same_region(con):
    # both stay in the store (the trend draws both); a caller reading the city's value gets the published one
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported", "official")
    assert at(con, "city", 2024, columns=("value", "status")) == [(6.67, "official")]


def test_each_value_carries_its_source_and_origin(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative", quality_flag="unverified",
            numerator=12, denominator=325, origin_file="raw/dinkes/stunting_2024.csv", origin_line=4)
    columns = ("series", "numerator", "denominator", "quality_flag", "source_id", "source_title", "source_publisher",
               "source_reference", "origin_file")
    assert at(con, "kelurahan", 2024, columns=columns) == [
        ("", 12.0, 325.0, "unverified", "illus_dinkes_eppgbm", "ILUSTRASI: e-PPGBM", "Dinas Kesehatan (data ilustrasi)",
         "data/raw/dinkes/", "raw/dinkes/stunting_2024.csv")]


def test_one_value_per_region_the_real_one_where_a_made_up_one_stands_beside_it(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 4.20, "dinkes_eppgbm_reported", "provisional")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2024, 4.40, "illus_dinkes_eppgbm", "illustrative")
    assert at(con, "kelurahan", 2024, columns=("region_code", "value", "status")) == [
        (KEL_METRO, 4.20, "provisional"), (KEL_IMOPURO, 4.40, "illustrative")]

"""queries/published_series_by_region.sql with literal rows: the published values of the indicators and
regions asked for, all periods, one per key (official before provisional), never an illustrative one."""

import pytest

from tests.query_support import (CITY, COUNTRY, KEL_METRO, PROVINCE, empty_store, indicator, metro_regions, observe,
                                 result, source)

SERIES = ("indicator_code", "region_code", "period", "value", "status")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "p0", position=1, dimension="income")
        indicator(con, "gk", position=2, dimension="income", unit_id="Rp/kapita/bulan", unit_en="Rp/capita/month", decimals=0)
        indicator(con, "stunting_eppgbm", position=3, dimension="health", measure_kind="admin_record")
        source(con, "bps_metro_poverty_2024", title="Profil kemiskinan Kota Metro 2024", publisher="BPS Kota Metro",
               locator="metrokota.bps.go.id news 2025/04/16/269")
        source(con, "domain_lampung_poverty", publisher="BPS Provinsi Lampung")
        source(con, "illus_bps_p0", kind="illustrative", publisher="BPS (data ilustrasi)")
        yield con


def published(con, indicators, regions, columns=SERIES):
    return result(con, "published_series_by_region", columns, indicators=indicators, regions=regions)


def test_values_of_the_indicators_and_regions_asked_for_ordered_by_indicator_region_period(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2023, 7.25, "bps_metro_poverty_2024")
    observe(con, "p0", PROVINCE, 2024, 10.62, "domain_lampung_poverty")
    observe(con, "gk", CITY, 2024, 503161, "bps_metro_poverty_2024")
    assert published(con, ["p0", "gk"], [CITY, PROVINCE, COUNTRY]) == [
        ("gk", CITY, 2024, 503161.0, "official"),
        ("p0", PROVINCE, 2024, 10.62, "official"),
        ("p0", CITY, 2023, 7.25, "official"),
        ("p0", CITY, 2024, 6.78, "official"),
    ]


def test_other_indicators_are_left_out(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "bps_metro_poverty_2024")
    assert published(con, ["p0"], [CITY]) == [("p0", CITY, 2024, 6.78, "official")]


def test_other_regions_are_left_out(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "p0", PROVINCE, 2024, 10.62, "domain_lampung_poverty")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 4.92, "bps_metro_poverty_2024")
    assert published(con, ["p0", "stunting_eppgbm"], [CITY]) == [("p0", CITY, 2024, 6.78, "official")]


def test_an_illustrative_value_is_never_returned(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2024, 6.50, "illus_bps_p0", "illustrative")
    assert published(con, ["p0"], [CITY]) == [("p0", CITY, 2024, 6.78, "official")]


def test_an_illustrative_value_never_fills_a_published_gap(con):
    observe(con, "p0", CITY, 2023, 7.25, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2025, 6.10, "illus_bps_p0", "illustrative")
    assert published(con, ["p0"], [CITY]) == [("p0", CITY, 2023, 7.25, "official")]


def test_official_comes_before_provisional(con):
    observe(con, "p0", CITY, 2024, 6.90, "domain_lampung_poverty", "provisional")
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", "official")
    assert published(con, ["p0"], [CITY]) == [("p0", CITY, 2024, 6.78, "official")]


def test_a_provisional_value_is_returned_when_no_official_one_exists(con):
    observe(con, "p0", CITY, 2025, 6.50, "domain_lampung_poverty", "provisional", quality_flag="unverified")
    assert published(con, ["p0"], [CITY], ("period", "value", "status", "quality_flag")) == [(2025, 6.50, "provisional", "unverified")]


def test_values_of_two_series_in_one_period_are_both_returned(con):
    observe(con, "p0", CITY, 2015, 10.29, "bps_metro_poverty_2024", series="pre_sp2020")
    observe(con, "p0", CITY, 2015, 10.10, "bps_metro_poverty_2024", series="sp2020")
    assert sorted(published(con, ["p0"], [CITY], ("period", "series", "value"))) == [
        (2015, "pre_sp2020", 10.29), (2015, "sp2020", 10.10)]


def test_each_value_carries_its_region_note_and_source(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", note="Maret 2024")
    columns = ("region_name", "region_level", "note", "source_id", "source_title", "source_publisher", "source_reference")
    assert published(con, ["p0"], [CITY], columns) == [
        ("Kota Metro", "city", "Maret 2024", "bps_metro_poverty_2024", "Profil kemiskinan Kota Metro 2024", "BPS Kota Metro",
         "metrokota.bps.go.id news 2025/04/16/269")]


def test_an_empty_list_of_regions_asks_for_nothing(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    assert published(con, ["p0"], []) == []

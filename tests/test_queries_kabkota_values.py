"""queries/kabkota_values.sql with literal rows: the shown value of each kab/kota of the province (the city
among them), with how it is known, how many documents give the cell and whether any of them disagrees."""

import pytest

from tests.query_support import CITY, PROVINCE, KEL_METRO, empty_store, indicator, metro_regions, observe, region, result, source

MESUJI, LAMSEL = "18.11", "18.01"
COLUMNS = ("indicator_code", "region_code", "region_name", "period", "value", "citation", "n_sources", "any_conflict")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        region(con, MESUJI, "Kab. Mesuji", "kabkota", PROVINCE, bps_code="1811", sort_order=111)
        region(con, LAMSEL, "Kab. Lampung Selatan", "kabkota", PROVINCE, bps_code="1803", sort_order=101)
        indicator(con, "p0", position=1, dimension="income")
        indicator(con, "gk", position=2, dimension="income", decimals=0)
        source(con, "bps_page", url="https://metrokota.bps.go.id/x", producer="BPS")
        source(con, "databoks", url="https://databoks.example/x", citation="secondary", producer="BPS")
        source(con, "news", url="https://news.example/x", citation="secondary", producer="BPS")
        source(con, "illus", kind="illustrative")
        yield con


def values(con, indicators=("p0",)):
    return result(con, "kabkota_values", COLUMNS, indicators=list(indicators), province=PROVINCE)


def test_each_kab_kota_and_the_city_ordered_by_indicator_period_region(con):
    observe(con, "p0", MESUJI, 2024, 6.31, "databoks")
    observe(con, "p0", CITY, 2024, 6.78, "bps_page")
    observe(con, "p0", LAMSEL, 2024, 12.57, "databoks")
    assert values(con) == [
        ("p0", LAMSEL, "Kab. Lampung Selatan", 2024, 12.57, "secondary", 1, False),
        ("p0", MESUJI, "Kab. Mesuji", 2024, 6.31, "secondary", 1, False),
        ("p0", CITY, "Kota Metro", 2024, 6.78, "primary", 1, False),
    ]


def test_the_producers_page_is_shown_and_every_document_counted(con):
    observe(con, "p0", CITY, 2024, 6.78, "databoks")
    observe(con, "p0", CITY, 2024, 6.78, "bps_page")
    observe(con, "p0", CITY, 2024, 6.78, "news", citation="quoted")
    assert values(con) == [("p0", CITY, "Kota Metro", 2024, 6.78, "primary", 3, False)]


def test_a_cell_any_document_disagrees_on_is_marked(con):
    observe(con, "p0", LAMSEL, 2024, 12.57, "databoks")
    observe(con, "p0", LAMSEL, 2024, 12.75, "news", quality_flag="conflict")
    assert values(con) == [("p0", LAMSEL, "Kab. Lampung Selatan", 2024, 12.57, "secondary", 2, True)]


def test_regions_outside_the_province_level_are_left_out(con):
    observe(con, "p0", PROVINCE, 2024, 10.69, "bps_page")
    observe(con, "p0", KEL_METRO, 2024, 5.0, "illus", status="illustrative")
    assert values(con) == []


def test_illustrative_values_are_never_shown(con):
    observe(con, "p0", MESUJI, 2024, 3.0, "illus", status="illustrative")
    assert values(con) == []


def test_only_the_indicators_asked_for(con):
    observe(con, "p0", MESUJI, 2024, 6.31, "databoks")
    observe(con, "gk", MESUJI, 2024, 450000, "databoks")
    assert [r[0] for r in values(con, ["gk"])] == ["gk"]

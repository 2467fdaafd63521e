"""queries/indicator_catalogue.sql with literal rows: every indicator in catalogue order, with the levels
and periods where it has values and whether any of them is illustrative."""

import pytest

from metro_poverty import db
from tests.query_support import insert, CITY, COUNTRY, KEC_PUSAT, KEL_METRO, empty_store, indicator, metro_regions, observe, result, source

COVERAGE = ("code", "levels", "first_period", "last_period", "has_illustrative")
PARAMS = {"city": CITY, "country": COUNTRY}
TARGET = ("code", "target", "target_year", "target_document", "target_region", "target_note_id")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=2, dimension="health", measure_kind="admin_record", lowest_level="kelurahan")
        indicator(con, "p0", position=1, dimension="income")
        source(con, "bps_metro_poverty_2024")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def test_every_indicator_in_catalogue_position_order(con):
    indicator(con, "rls", position=3, dimension="education")
    assert result(con, "indicator_catalogue", ["code", "position", "dimension"], **PARAMS) == [
        ("p0", 1, "income"), ("stunting_eppgbm", 2, "health"), ("rls", 3, "education")]


def test_carries_every_catalogue_column_then_the_coverage(con):
    indicator_columns = [name for (name,) in con.execute(
        "select column_name from information_schema.columns where table_name = 'indicators' order by ordinal_position").fetchall()]
    assert list(db.run(con, "indicator_catalogue", **PARAMS).columns) == indicator_columns + ["levels", "first_period", "last_period",
                                                                                              "has_illustrative", "target", "target_year",
                                                                          "target_document", "target_region", "target_note_id", "target_note_en"]


def test_an_indicator_without_values_is_listed_with_no_levels_and_no_illustrative(con):
    assert result(con, "indicator_catalogue", COVERAGE, **PARAMS) == [
        ("p0", None, None, None, False), ("stunting_eppgbm", None, None, None, False)]


def test_levels_are_the_distinct_levels_with_values_in_name_order(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.10, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2024, 3.50, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "bps_metro_poverty_2024", "official")
    assert result(con, "indicator_catalogue", ["code", "levels"], **PARAMS) == [
        ("p0", None), ("stunting_eppgbm", ["city", "kecamatan", "kelurahan"])]


def test_first_and_last_period_span_all_levels(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2021, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "bps_metro_poverty_2024", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "bps_metro_poverty_2024", "official")
    assert result(con, "indicator_catalogue", ["code", "first_period", "last_period"], **PARAMS) == [
        ("p0", None, None), ("stunting_eppgbm", 2021, 2024)]


def test_has_illustrative_when_any_value_is_illustrative(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "bps_metro_poverty_2024", "official")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", "official")
    assert result(con, "indicator_catalogue", ["code", "has_illustrative"], **PARAMS) == [("p0", False), ("stunting_eppgbm", True)]


def test_a_value_that_loses_to_another_of_its_key_adds_no_coverage(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", "official")
    observe(con, "p0", CITY, 2024, 6.80, "bps_metro_poverty_2024", "provisional")
    observe(con, "p0", CITY, 2023, 7.10, "bps_metro_poverty_2024", "official")
    assert result(con, "indicator_catalogue", COVERAGE, **PARAMS)[0] == ("p0", ["city"], 2023, 2024, False)


def target(con, indicator_code, region_code, value, document):
    insert(con, "targets", indicator=indicator_code, region_code=region_code, value=value, year=2045, document=document,
           set_for_source="Susenas", set_for_kind="survey_estimate", note_id=f"{document} ({region_code})")


def test_an_indicator_without_a_target_has_none(con):
    assert result(con, "indicator_catalogue", TARGET, **PARAMS) == [
        ("p0", None, None, None, None, None), ("stunting_eppgbm", None, None, None, None, None)]


def test_the_citys_own_target_comes_before_the_national_one(con):
    target(con, "p0", COUNTRY, 0.0, "RPJMN")
    target(con, "p0", CITY, 2.0, "RPJPD")
    assert result(con, "indicator_catalogue", TARGET, **PARAMS)[0] == ("p0", 2.0, 2045, "RPJPD", CITY, f"RPJPD ({CITY})")


def test_a_national_target_is_used_when_the_city_has_none(con):
    target(con, "p0", COUNTRY, 0.0, "RPJMN")
    assert result(con, "indicator_catalogue", TARGET, **PARAMS)[0] == ("p0", 0.0, 2045, "RPJMN", COUNTRY, f"RPJMN ({COUNTRY})")


def test_another_regions_target_is_not_the_citys(con):
    target(con, "p0", "18", 1.0, "RPJMD Provinsi")
    assert result(con, "indicator_catalogue", TARGET, **PARAMS)[0] == ("p0", None, None, None, None, None)

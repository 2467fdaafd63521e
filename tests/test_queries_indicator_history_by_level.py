"""queries/indicator_history_by_level.sql with literal rows: every value of one indicator at one level,
all periods (rankings, trends and the region panel), each with its source and status."""

import pytest

from tests.query_support import (CITY, KEC_PUSAT, KEL_IMOPURO, KEL_METRO, empty_store, indicator, metro_regions, observe,
                                 result, source)

HISTORY = ("region_code", "period", "value", "status")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record")
        indicator(con, "imunisasi_dasar", position=2, measure_kind="admin_record")
        source(con, "dinkes_eppgbm_reported", title="Prevalensi stunting e-PPGBM", publisher="Dinas Kesehatan Kota Metro",
               locator="news")
        source(con, "local_statement_stunting")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def history(con, level, indicator="stunting_eppgbm", columns=HISTORY):
    return result(con, "indicator_history_by_level", columns, indicator=indicator, level=level)


def test_every_period_of_every_region_of_the_level_ordered_by_region_then_period(con):
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2024, 4.40, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2023, 4.10, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "illus_dinkes_eppgbm", "illustrative")
    assert history(con, "kelurahan") == [
        (KEL_METRO, 2023, 3.95, "illustrative"), (KEL_METRO, 2024, 3.69, "illustrative"),
        (KEL_IMOPURO, 2023, 4.10, "illustrative"), (KEL_IMOPURO, 2024, 4.40, "illustrative"),
    ]


def test_only_the_level_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2024, 4.05, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "dinkes_eppgbm_reported")
    assert history(con, "city") == [(CITY, 2022, 8.70, "official")]


def test_only_the_indicator_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "imunisasi_dasar", KEL_METRO, 2024, 91.5, "illus_dinkes_eppgbm", "illustrative")
    assert history(con, "kelurahan", indicator="imunisasi_dasar") == [(KEL_METRO, 2024, 91.5, "illustrative")]


def test_official_comes_before_provisional(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "official")
    assert history(con, "city") == [(CITY, 2022, 6.67, "official")]


def test_an_illustrative_value_is_kept_apart_from_a_published_one(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "illus_dinkes_eppgbm", "illustrative")
    assert sorted(history(con, "city", columns=("period", "value", "status", "source_id"))) == [
        (2024, 6.43, "illustrative", "illus_dinkes_eppgbm"), (2024, 6.67, "official", "dinkes_eppgbm_reported")]


def test_each_value_carries_its_region_and_source(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 4.92, "dinkes_eppgbm_reported", series="eppgbm",
            numerator=16, denominator=325, quality_flag="derived")
    columns = ("region_name", "parent_code", "series", "numerator", "denominator", "quality_flag", "source_title",
               "source_publisher", "source_reference")
    assert history(con, "kelurahan", columns=columns) == [
        ("Metro", KEC_PUSAT, "eppgbm", 16.0, 325.0, "derived", "Prevalensi stunting e-PPGBM", "Dinas Kesehatan Kota Metro", "news")]

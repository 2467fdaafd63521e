"""queries/indicator_periods_by_level.sql with literal rows: the years in which one indicator has values
at one level (a map's year picker falls back among these)."""

import pytest

from tests.query_support import CITY, KEC_PUSAT, KEL_IMOPURO, KEL_METRO, empty_store, indicator, metro_regions, observe, result, source


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record")
        indicator(con, "imunisasi_dasar", position=2, measure_kind="admin_record")
        source(con, "dinkes_eppgbm_reported")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def periods(con, indicator, level):
    return result(con, "indicator_periods_by_level", ["period"], indicator=indicator, level=level)


def test_each_period_once_in_ascending_order(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2024, 4.40, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2022, 4.92, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2023, 4.10, "illus_dinkes_eppgbm", "illustrative")
    assert periods(con, "stunting_eppgbm", "kelurahan") == [(2022,), (2023,), (2024,)]


def test_only_periods_with_values_at_the_level_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2023, 4.05, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2021, 10.2, "dinkes_eppgbm_reported")
    assert periods(con, "stunting_eppgbm", "kecamatan") == [(2023,)]


def test_only_periods_of_the_indicator_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "imunisasi_dasar", KEL_METRO, 2020, 91.5, "illus_dinkes_eppgbm", "illustrative")
    assert periods(con, "imunisasi_dasar", "kelurahan") == [(2020,)]


def test_periods_of_published_and_illustrative_values_alike(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "illus_dinkes_eppgbm", "illustrative")
    assert periods(con, "stunting_eppgbm", "city") == [(2022,), (2024,)]


def test_an_indicator_without_values_at_the_level_has_no_periods(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "dinkes_eppgbm_reported")
    assert periods(con, "stunting_eppgbm", "kelurahan") == []

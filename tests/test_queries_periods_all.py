"""queries/periods_all.sql with literal rows: every year with at least one value in the store."""

import pytest

from tests.query_support import CITY, KEL_METRO, PROVINCE, empty_store, indicator, metro_regions, observe, result, source


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "p0", position=1)
        indicator(con, "stunting_eppgbm", position=2, measure_kind="admin_record")
        source(con, "bps_metro_poverty_2024")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def test_each_period_once_in_ascending_order_across_indicators_regions_and_statuses(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "p0", PROVINCE, 2024, 10.62, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2010, 11.08, "bps_metro_poverty_2024")
    observe(con, "stunting_eppgbm", KEL_METRO, 2025, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "p0", CITY, 2023, 7.25, "bps_metro_poverty_2024", "provisional")
    assert result(con, "periods_all", ["period"]) == [(2010,), (2023,), (2024,), (2025,)]


def test_an_empty_store_has_no_periods(con):
    assert result(con, "periods_all", ["period"]) == []

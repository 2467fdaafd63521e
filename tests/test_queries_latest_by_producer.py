"""queries/latest_by_producer.sql with literal rows: how fresh each producer's data are, as the number of
its indicators with values, the latest period it has values for and the latest load through the intake."""

import pytest

from tests.query_support import CITY, KEL_METRO, empty_store, indicator, insert, metro_regions, observe, result, source

FRESHNESS = ("producer", "n_indicators", "latest_period", "latest_load")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "p0", position=1, producer="BPS")
        indicator(con, "ipm", position=2, producer="BPS")
        indicator(con, "stunting_eppgbm", position=3, producer="Dinas Kesehatan", measure_kind="admin_record")
        indicator(con, "imunisasi_dasar", position=4, producer="Dinas Kesehatan", measure_kind="admin_record")
        source(con, "bps")
        source(con, "dinkes")
        yield con


def batch(con, batch_id, loaded_at, opd="Dinas Kesehatan", status="active"):
    """A loaded intake batch; the columns the query does not read get placeholders."""
    insert(con, "batches", batch_id=batch_id, file_name="stunting.xlsx", sha256="0" * 64, uploader="dinkes_op",
           opd=opd, loaded_at=loaded_at, status=status)


def freshness(con, columns=FRESHNESS):
    return result(con, "latest_by_producer", columns)


def test_each_producer_with_its_indicator_count_and_latest_period(con):
    observe(con, "p0", CITY, 2023, 7.28, "bps")
    observe(con, "p0", CITY, 2024, 6.78, "bps")
    observe(con, "ipm", CITY, 2022, 77.10, "bps")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "dinkes")
    assert freshness(con) == [("Dinas Kesehatan", 1, 2023, None), ("BPS", 2, 2024, None)]


def test_an_indicator_counts_once_however_many_values_it_has(con):
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "dinkes")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "dinkes")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "dinkes")
    assert freshness(con, ("producer", "n_indicators")) == [("Dinas Kesehatan", 1)]


def test_the_latest_load_is_the_newest_batch_among_the_producers_values(con):
    batch(con, "20250110T080000Z-a", "2025-01-10T08:00:00Z")
    batch(con, "20250301T101500Z-b", "2025-03-01T10:15:00Z")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "dinkes", batch_id="20250110T080000Z-a")
    observe(con, "imunisasi_dasar", CITY, 2024, 91.50, "dinkes", batch_id="20250301T101500Z-b")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "dinkes")
    assert freshness(con) == [("Dinas Kesehatan", 2, 2024, "2025-03-01T10:15:00Z")]


def test_the_latest_load_is_null_for_a_producer_with_seed_data_only(con):
    batch(con, "20250301T101500Z-b", "2025-03-01T10:15:00Z")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "dinkes", batch_id="20250301T101500Z-b")
    observe(con, "p0", CITY, 2024, 6.78, "bps")
    assert freshness(con) == [("BPS", 1, 2024, None), ("Dinas Kesehatan", 1, 2024, "2025-03-01T10:15:00Z")]


def test_a_batch_whose_values_are_gone_does_not_count_as_a_load(con):
    batch(con, "20250110T080000Z-a", "2025-01-10T08:00:00Z")
    batch(con, "20250301T101500Z-b", "2025-03-01T10:15:00Z", status="rolled_back")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "dinkes", batch_id="20250110T080000Z-a")
    assert freshness(con, ("producer", "latest_load")) == [("Dinas Kesehatan", "2025-01-10T08:00:00Z")]


def test_a_producer_without_values_is_left_out(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps")
    assert freshness(con, ("producer",)) == [("BPS",)]


def test_ordered_by_latest_period_then_producer(con):
    indicator(con, "dtsen_d14_pct", position=5, producer="Dinas Sosial", measure_kind="register_count")
    observe(con, "dtsen_d14_pct", CITY, 2025, 20.30, "dinkes")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "dinkes")
    observe(con, "p0", CITY, 2024, 6.78, "bps")
    assert freshness(con, ("producer", "latest_period")) == [("BPS", 2024), ("Dinas Kesehatan", 2024), ("Dinas Sosial", 2025)]

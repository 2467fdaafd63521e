"""queries/values_reported_twice.sql with literal rows: every figure (indicator, region, period) stored more
than once, each value with its source, status and batch (the rows the reconciliation view compares)."""

import pytest

from tests.query_support import (CITY, KEL_METRO, empty_store, indicator, metro_regions, observe, result, source)

TWICE = ("indicator_code", "region_code", "period", "value", "status", "source_id", "batch_id", "n_values")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record", producer="Dinas Kesehatan")
        indicator(con, "p0", position=2, measure_kind="survey_estimate", producer="BPS")
        source(con, "dinkes_eppgbm_reported", title="Prevalensi stunting e-PPGBM", publisher="Dinas Kesehatan Kota Metro",
               locator="news", published_date="2024-02-01")
        source(con, "local_statement_stunting", publisher="Pemerintah Kota Metro")
        source(con, "bps_p0", publisher="BPS")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def twice(con, columns=TWICE):
    return result(con, "values_reported_twice", columns)


def test_a_figure_with_two_values_gives_both(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional")
    assert twice(con) == [
        ("stunting_eppgbm", CITY, 2022, 6.67, "official", "dinkes_eppgbm_reported", None, 2),
        ("stunting_eppgbm", CITY, 2022, 8.70, "provisional", "local_statement_stunting", None, 2),
    ]


def test_a_figure_with_a_single_value_gives_no_rows(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", KEL_METRO, 2022, 3.69, "dinkes_eppgbm_reported")
    observe(con, "p0", CITY, 2022, 7.50, "bps_p0")
    assert twice(con) == []


def test_only_the_figures_reported_twice_come_out(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "dinkes_eppgbm_reported")
    observe(con, "p0", CITY, 2022, 7.50, "bps_p0")
    assert twice(con, ("indicator_code", "period", "value")) == [("stunting_eppgbm", 2022, 6.67), ("stunting_eppgbm", 2022, 8.70)]


def test_a_new_delivery_of_the_same_source_counts_as_a_second_value(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "dinkes_eppgbm_reported", batch_id="20250301T101500Z-dinkes")
    assert twice(con, ("value", "source_id", "batch_id", "n_values")) == [
        (6.67, "dinkes_eppgbm_reported", None, 2),
        (6.43, "dinkes_eppgbm_reported", "20250301T101500Z-dinkes", 2),
    ]


def test_a_published_and_an_illustrative_value_of_one_figure_are_both_listed(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported", "official")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.43, "illus_dinkes_eppgbm", "illustrative")
    assert twice(con, ("value", "status")) == [(6.43, "illustrative"), (6.67, "official")]


def test_values_of_two_series_count_as_one_figure(con):
    observe(con, "p0", CITY, 2015, 10.29, "bps_p0", series="2015_method")
    observe(con, "p0", CITY, 2015, 10.98, "bps_p0", series="")
    assert sorted(twice(con, ("period", "series", "value", "n_values"))) == [(2015, "", 10.98, 2), (2015, "2015_method", 10.29, 2)]


def test_ordered_by_indicator_region_period_status_source_then_seed_before_batches(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "dinkes_eppgbm_reported", batch_id="20250301T101500Z-dinkes")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.80, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.05, "dinkes_eppgbm_reported", "official")
    observe(con, "p0", CITY, 2023, 7.60, "local_statement_stunting", "provisional")
    observe(con, "p0", CITY, 2023, 7.50, "bps_p0", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "official")
    assert twice(con, ("indicator_code", "region_code", "period", "status", "source_id", "batch_id")) == [
        ("p0", CITY, 2023, "official", "bps_p0", None),
        ("p0", CITY, 2023, "provisional", "local_statement_stunting", None),
        ("stunting_eppgbm", CITY, 2022, "official", "dinkes_eppgbm_reported", None),
        ("stunting_eppgbm", CITY, 2022, "official", "local_statement_stunting", None),
        ("stunting_eppgbm", CITY, 2023, "official", "dinkes_eppgbm_reported", None),
        ("stunting_eppgbm", CITY, 2023, "provisional", "local_statement_stunting", None),
        ("stunting_eppgbm", KEL_METRO, 2024, "official", "dinkes_eppgbm_reported", None),
        ("stunting_eppgbm", KEL_METRO, 2024, "official", "dinkes_eppgbm_reported", "20250301T101500Z-dinkes"),
    ]


def test_each_value_is_labelled_with_its_region_source_and_indicator(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", quality_flag="derived")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional", quality_flag="conflict")
    columns = ("region_name", "region_level", "quality_flag", "source_publisher", "source_title", "source_reference",
               "published_date", "measure_kind", "producer")
    assert twice(con, columns) == [
        ("Kota Metro", "city", "derived", "Dinas Kesehatan Kota Metro", "Prevalensi stunting e-PPGBM", "news", "2024-02-01",
         "admin_record", "Dinas Kesehatan"),
        ("Kota Metro", "city", "conflict", "Pemerintah Kota Metro", "Title of local_statement_stunting", "Table 1 of local_statement_stunting", None,
         "admin_record", "Dinas Kesehatan"),
    ]

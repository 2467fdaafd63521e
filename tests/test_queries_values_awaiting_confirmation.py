"""queries/values_awaiting_confirmation.sql with literal rows: the stored values not yet confirmed, that is
provisional ones and those flagged as derived, unverified or conflicting."""

import pytest

from tests.query_support import (CITY, KEL_METRO, empty_store, indicator, metro_regions, observe, result, source)

WAITING = ("indicator_code", "region_code", "period", "value", "status", "quality_flag")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record")
        indicator(con, "p0", position=2)
        source(con, "dinkes_eppgbm_reported", title="Prevalensi stunting e-PPGBM", publisher="Dinas Kesehatan Kota Metro")
        source(con, "local_statement_stunting", publisher="Pemerintah Kota Metro")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def waiting(con, columns=WAITING):
    return result(con, "values_awaiting_confirmation", columns)


def test_a_provisional_value_is_awaiting_confirmation(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "local_statement_stunting", "provisional")
    assert waiting(con) == [("stunting_eppgbm", CITY, 2024, 5.90, "provisional", None)]


@pytest.mark.parametrize("flag", ["derived", "unverified", "conflict"])
def test_an_official_value_with_a_doubtful_flag_is_awaiting_confirmation(con, flag):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported", "official", quality_flag=flag)
    assert waiting(con) == [("stunting_eppgbm", CITY, 2024, 6.67, "official", flag)]


def test_an_official_value_without_a_flag_is_not_listed(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported", "official")
    assert waiting(con) == []


def test_an_aggregated_official_value_is_not_listed(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported", "official", quality_flag="aggregated")
    assert waiting(con) == []


def test_an_unflagged_illustrative_value_is_not_listed(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert waiting(con) == []


def test_each_value_with_its_region_name_note_and_source(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "local_statement_stunting", "provisional",
            note="pernyataan Wali Kota, belum dirilis")
    columns = ("region_name", "note", "source_publisher", "source_title")
    assert waiting(con, columns) == [
        ("Kota Metro", "pernyataan Wali Kota, belum dirilis", "Pemerintah Kota Metro", "Title of local_statement_stunting")]


def test_ordered_by_indicator_region_then_period(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "dinkes_eppgbm_reported", quality_flag="unverified")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.90, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "local_statement_stunting", "provisional")
    observe(con, "p0", CITY, 2025, 6.44, "local_statement_stunting", "provisional")
    assert waiting(con, ("indicator_code", "region_code", "period")) == [
        ("p0", CITY, 2025), ("stunting_eppgbm", CITY, 2023), ("stunting_eppgbm", CITY, 2024), ("stunting_eppgbm", KEL_METRO, 2023),
    ]

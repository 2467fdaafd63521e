"""queries/coverage_by_indicator_region.sql with literal rows: how complete the data are at one level, as
a grid of every indicator with values at that level × every region of the level, with the number of the
indicator's periods each region has a value for."""

import pytest

from tests.query_support import (CITY, KEC_PUSAT, KEC_UTARA, KEL_BANJARSARI, KEL_IMOPURO, KEL_METRO, empty_store,
                                 indicator, metro_regions, observe, result, source)

GRID = ("indicator_code", "region_code", "n_present", "n_periods")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record", lowest_level="kelurahan")
        indicator(con, "imunisasi_dasar", position=2, measure_kind="admin_record", lowest_level="kelurahan")
        source(con, "dinkes_eppgbm_reported")
        source(con, "illus_dinkes_eppgbm", kind="illustrative")
        yield con


def coverage(con, level, columns=GRID):
    return result(con, "coverage_by_indicator_region", columns, level=level)


def test_every_region_of_the_level_in_sort_order_with_the_periods_it_has(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2024, 4.40, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_BANJARSARI, 2023, 5.01, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_BANJARSARI, 2024, 5.12, "illus_dinkes_eppgbm", "illustrative")
    assert coverage(con, "kelurahan") == [
        ("stunting_eppgbm", KEL_METRO, 2, 2),
        ("stunting_eppgbm", KEL_IMOPURO, 1, 2),
        ("stunting_eppgbm", KEL_BANJARSARI, 2, 2),
    ]


def test_a_region_without_any_value_has_n_present_zero(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert coverage(con, "kelurahan") == [
        ("stunting_eppgbm", KEL_METRO, 1, 1),
        ("stunting_eppgbm", KEL_IMOPURO, 0, 1),
        ("stunting_eppgbm", KEL_BANJARSARI, 0, 1),
    ]


def test_n_periods_and_the_period_range_are_per_indicator(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2022, 4.20, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "imunisasi_dasar", KEL_IMOPURO, 2024, 91.50, "illus_dinkes_eppgbm", "illustrative")
    columns = ("indicator_code", "region_code", "n_present", "n_periods", "first_period", "last_period")
    assert coverage(con, "kelurahan", columns) == [
        ("imunisasi_dasar", KEL_METRO, 0, 1, 2024, 2024),
        ("imunisasi_dasar", KEL_IMOPURO, 1, 1, 2024, 2024),
        ("imunisasi_dasar", KEL_BANJARSARI, 0, 1, 2024, 2024),
        ("stunting_eppgbm", KEL_METRO, 3, 3, 2022, 2024),
        ("stunting_eppgbm", KEL_IMOPURO, 0, 3, 2022, 2024),
        ("stunting_eppgbm", KEL_BANJARSARI, 0, 3, 2022, 2024),
    ]


def test_an_indicator_without_values_at_the_level_is_left_out(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "imunisasi_dasar", CITY, 2024, 92.10, "dinkes_eppgbm_reported")
    assert {row[0] for row in coverage(con, "kelurahan")} == {"stunting_eppgbm"}


def test_only_the_level_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2023, 4.05, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    assert coverage(con, "kecamatan", ("region_code", "region_name", "n_present", "n_periods")) == [
        (KEC_PUSAT, "Metro Pusat", 1, 1), (KEC_UTARA, "Metro Utara", 0, 1),
    ]


def test_a_published_and_an_illustrative_value_of_one_period_count_once(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.70, "dinkes_eppgbm_reported", "official")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert coverage(con, "kelurahan")[0] == ("stunting_eppgbm", KEL_METRO, 1, 1)


def test_no_values_at_the_level_gives_no_rows(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    assert coverage(con, "kelurahan") == []

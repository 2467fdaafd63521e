"""queries/values_by_level.sql with literal rows: every value the pages show at one level, all indicators
and periods (what the outlier check reads)."""

import pytest

from tests.query_support import (CITY, KEC_PUSAT, KEL_BANJARSARI, KEL_IMOPURO, KEL_METRO, empty_store, indicator,
                                 metro_regions, observe, result, source)

SHOWN = ("indicator_code", "region_code", "period", "value", "status")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", position=1, measure_kind="admin_record", lowest_level="kelurahan")
        indicator(con, "imunisasi_dasar", position=2, measure_kind="admin_record", lowest_level="kelurahan")
        source(con, "dinkes_eppgbm_reported", publisher="Dinas Kesehatan Kota Metro")
        source(con, "local_statement_stunting", publisher="Pemerintah Kota Metro")
        source(con, "illus_dinkes_eppgbm", kind="illustrative", publisher="Dinas Kesehatan (data ilustrasi)")
        yield con


def shown(con, level, columns=SHOWN):
    return result(con, "values_by_level", columns, level=level)


def test_every_value_of_the_level_ordered_by_indicator_period_then_region(con):
    observe(con, "stunting_eppgbm", KEL_BANJARSARI, 2024, 5.12, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "imunisasi_dasar", KEL_IMOPURO, 2024, 91.50, "illus_dinkes_eppgbm", "illustrative")
    assert shown(con, "kelurahan") == [
        ("imunisasi_dasar", KEL_IMOPURO, 2024, 91.50, "illustrative"),
        ("stunting_eppgbm", KEL_METRO, 2023, 3.95, "illustrative"),
        ("stunting_eppgbm", KEL_METRO, 2024, 3.69, "illustrative"),
        ("stunting_eppgbm", KEL_BANJARSARI, 2024, 5.12, "illustrative"),
    ]


def test_only_the_level_asked_for(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEC_PUSAT, 2024, 4.05, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    assert shown(con, "kecamatan") == [("stunting_eppgbm", KEC_PUSAT, 2024, 4.05, "illustrative")]


def test_only_the_value_the_pages_show_official_before_provisional(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 4.80, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.70, "dinkes_eppgbm_reported", "official")
    assert shown(con, "kelurahan") == [("stunting_eppgbm", KEL_METRO, 2024, 3.70, "official")]


def test_each_value_with_its_region_name_series_and_publisher(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.70, "dinkes_eppgbm_reported", series="2024_method")
    assert shown(con, "kelurahan", ("region_name", "series", "source_publisher")) == [
        ("Metro", "2024_method", "Dinas Kesehatan Kota Metro")]


def test_a_level_without_values_gives_no_rows(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 6.67, "dinkes_eppgbm_reported")
    assert shown(con, "kelurahan") == []

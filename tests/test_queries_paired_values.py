"""queries/paired_values.sql with literal rows: for each pair of easily confused indicators, the two values
of one region and period side by side, as the pages show them (observation_labeled), with the note that
tells them apart."""

import pytest

from tests.query_support import (CITY, KEL_METRO, empty_store, indicator, insert, metro_regions, observe, result,
                                 source)

SIDE_BY_SIDE = ("indicator_a", "indicator_b", "region_code", "period", "value_a", "value_b")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_ssgi", position=1, measure_kind="survey_estimate")
        indicator(con, "stunting_eppgbm", position=2, measure_kind="admin_record", lowest_level="kelurahan")
        source(con, "domain_ssgi", publisher="Kementerian Kesehatan")
        source(con, "dinkes_eppgbm_reported", publisher="Dinas Kesehatan Kota Metro")
        source(con, "local_statement_stunting", publisher="Pemerintah Kota Metro")
        insert(con, "indicator_pairs", indicator_a="stunting_ssgi", indicator_b="stunting_eppgbm",
               note_id="SSGI survei sampel; e-PPGBM penimbangan semua balita.",
               note_en="SSGI is a sample survey; e-PPGBM weighs every child under five.")
        yield con


def paired(con, columns=SIDE_BY_SIDE):
    return result(con, "paired_values", columns)


def test_the_two_values_of_one_region_and_period_side_by_side(con):
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    assert paired(con) == [("stunting_ssgi", "stunting_eppgbm", CITY, 2022, 14.60, 6.67)]


def test_each_side_with_its_status_publisher_and_kind_and_the_pair_with_its_note(con):
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "provisional")
    columns = ("region_name", "region_level", "status_a", "publisher_a", "kind_a", "status_b", "publisher_b", "kind_b",
               "note_id", "note_en")
    assert paired(con, columns) == [
        ("Kota Metro", "city", "official", "Kementerian Kesehatan", "survey_estimate",
         "provisional", "Dinas Kesehatan Kota Metro", "admin_record",
         "SSGI survei sampel; e-PPGBM penimbangan semua balita.", "SSGI is a sample survey; e-PPGBM weighs every child under five."),
    ]


def test_each_side_says_the_series_its_value_is_of(con):
    """A register's deciles of 2022-2024 are P3KE's, of 2025 DTSEN's: the pair said neither."""
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi", series="ssgi")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", series="eppgbm")
    assert paired(con, ("period", "series_a", "series_b")) == [(2022, "ssgi", "eppgbm")]


def test_no_row_for_a_region_where_only_one_concept_has_values(con):
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi")
    observe(con, "stunting_eppgbm", KEL_METRO, 2022, 3.69, "dinkes_eppgbm_reported")
    assert paired(con) == []


def test_years_of_one_concept_only_stand_beside_an_empty_cell(con):
    observe(con, "stunting_ssgi", CITY, 2021, 15.30, "domain_ssgi")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    assert paired(con) == [("stunting_ssgi", "stunting_eppgbm", CITY, 2021, 15.30, None),
                           ("stunting_ssgi", "stunting_eppgbm", CITY, 2022, None, 6.67)]


def test_indicators_that_are_not_a_pair_are_not_paired(con):
    indicator(con, "imunisasi_dasar", position=3)
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi")
    observe(con, "imunisasi_dasar", CITY, 2022, 91.50, "dinkes_eppgbm_reported")
    assert paired(con) == []


def test_each_side_is_the_value_the_pages_show_official_before_provisional(con):
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.70, "local_statement_stunting", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", "official")
    assert paired(con, ("value_a", "value_b", "status_b")) == [(14.60, 6.67, "official")]


def test_ordered_by_pair_then_region_then_period(con):
    observe(con, "stunting_ssgi", CITY, 2023, 12.70, "domain_ssgi")
    observe(con, "stunting_eppgbm", CITY, 2023, 6.10, "dinkes_eppgbm_reported")
    observe(con, "stunting_ssgi", KEL_METRO, 2022, 11.00, "domain_ssgi")
    observe(con, "stunting_eppgbm", KEL_METRO, 2022, 3.69, "dinkes_eppgbm_reported")
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    assert paired(con, ("region_code", "period", "value_a", "value_b")) == [
        (CITY, 2022, 14.60, 6.67), (CITY, 2023, 12.70, 6.10), (KEL_METRO, 2022, 11.00, 3.69),
    ]


def test_a_side_uses_its_published_value_of_a_year_and_its_illustrative_one_where_that_year_has_none(con):
    """e-PPGBM 2021 (illustrative; published for 2020 and 2022) was left out beside SSGI 2021 while the trend drew it."""
    source(con, "illus_dinkes_eppgbm", kind="illustrative")
    observe(con, "stunting_ssgi", CITY, 2021, 19.70, "domain_ssgi", "provisional")
    observe(con, "stunting_eppgbm", CITY, 2020, 9.91, "dinkes_eppgbm_reported", "official")
    observe(con, "stunting_eppgbm", CITY, 2020, 9.50, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2021, 6.43, "illus_dinkes_eppgbm", "illustrative")
    assert paired(con, ("period", "value_a", "value_b", "status_b")) == [(2020, None, 9.91, "official"), (2021, 19.70, 6.43, "illustrative")]


def test_a_side_with_no_published_value_in_the_region_uses_its_illustrative_ones(con):
    source(con, "illus_dinkes_eppgbm", kind="illustrative")
    observe(con, "stunting_ssgi", CITY, 2022, 14.60, "domain_ssgi", "official")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.43, "illus_dinkes_eppgbm", "illustrative")
    assert paired(con, ("value_a", "value_b", "status_b")) == [(14.60, 6.43, "illustrative")]

"""The views pages read, with literal rows: observation_best (one value per indicator, region, period
and series; official before provisional; a conflicting figure last; illustrative values kept apart from
published ones) and observation_labeled (names, level and source joined on)."""

import pytest

from tests.query_support import empty_store, indicator, region, source
from tests.query_support import observe as add


@pytest.fixture
def con():
    con = empty_store()
    region(con, "18.72", "Kota Metro", "city", "18", bps_code="1872")
    region(con, "18.72.01.1001", "Metro", "kelurahan", "18.72.01", bps_code="1872022001")
    indicator(con, "stunting_eppgbm", name_id="Prevalensi Stunting", name_en="Stunting prevalence", producer="Dinas Kesehatan",
              source="e-PPGBM", lowest_level="kelurahan", measure_kind="admin_record")
    source(con, "dinkes_eppgbm_reported", title="Prevalensi stunting e-PPGBM", publisher="Dinas Kesehatan Kota Metro", locator="news",
           citation="secondary", producer="Dinas Kesehatan")
    source(con, "local_statement_stunting", title="Pernyataan pejabat daerah", publisher="Pemerintah Kota Metro", locator="news",
           citation="secondary")
    source(con, "a_second_report", title="Laporan kedua", publisher="Media", locator="news", citation="secondary")
    source(con, "dinkes_page", title="Profil kesehatan", publisher="Dinas Kesehatan Kota Metro", url="https://dinkes.example/profil",
           citation="primary", producer="Dinas Kesehatan")
    source(con, "illus_dinkes_eppgbm", kind="illustrative", title="ILUSTRASI: e-PPGBM", publisher="Dinas Kesehatan (data ilustrasi)",
           locator="data/raw/dinkes/")
    yield con
    con.close()


def observe(con, value, source, status, flag=None, period=2022, series="", region="18.72", **columns):
    add(con, "stunting_eppgbm", region, period, value, source, status, series=series, quality_flag=flag, **columns)


def best(con):
    return con.execute("select period, series, value, source_id, status from observation_best order by all").fetchall()


def test_a_single_value_is_the_best(con):
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    assert best(con) == [(2022, "", 6.67, "dinkes_eppgbm_reported", "official")]


def test_official_comes_before_provisional(con):
    observe(con, 8.7, "local_statement_stunting", "provisional")
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    assert best(con) == [(2022, "", 6.67, "dinkes_eppgbm_reported", "official")]


def test_a_conflicting_figure_loses_to_one_of_the_same_status(con):
    observe(con, 8.7, "local_statement_stunting", "provisional", flag="conflict")
    observe(con, 7.1, "a_second_report", "provisional")
    assert best(con) == [(2022, "", 7.1, "a_second_report", "provisional")]


def test_a_conflicting_figure_is_chosen_only_when_nothing_else_exists(con):
    # schema comment: "a figure flagged as conflicting only when nothing else exists"
    observe(con, 6.67, "dinkes_eppgbm_reported", "official", flag="conflict")
    observe(con, 8.7, "local_statement_stunting", "provisional")
    assert best(con) == [(2022, "", 8.7, "local_statement_stunting", "provisional")]


def test_a_conflicting_figure_alone_is_still_shown(con):
    observe(con, 8.7, "local_statement_stunting", "provisional", flag="conflict")
    assert best(con) == [(2022, "", 8.7, "local_statement_stunting", "provisional")]


def test_between_equals_the_source_id_decides_so_the_choice_is_stable(con):
    observe(con, 7.0, "local_statement_stunting", "provisional")
    observe(con, 7.1, "a_second_report", "provisional")
    assert best(con) == [(2022, "", 7.1, "a_second_report", "provisional")]


def test_an_illustrative_value_is_kept_apart_from_a_published_one(con):
    observe(con, 6.43, "illus_dinkes_eppgbm", "illustrative")
    observe(con, 8.7, "local_statement_stunting", "provisional")
    assert best(con) == [(2022, "", 6.43, "illus_dinkes_eppgbm", "illustrative"), (2022, "", 8.7, "local_statement_stunting", "provisional")]


def test_an_illustrative_value_never_fills_a_published_gap(con):
    observe(con, 6.43, "illus_dinkes_eppgbm", "illustrative", period=2023)
    observe(con, 8.7, "local_statement_stunting", "provisional", period=2022)
    assert con.execute("select period from observation_best where status != 'illustrative'").fetchall() == [(2022,)]


def test_values_of_different_series_are_both_kept(con):
    observe(con, 71.66, "dinkes_eppgbm_reported", "official", period=2024, series="uhh_pre_sp2020")
    observe(con, 75.43, "dinkes_eppgbm_reported", "official", period=2024, series="uhh_sp2020_lf")
    assert best(con) == [(2024, "uhh_pre_sp2020", 71.66, "dinkes_eppgbm_reported", "official"),
                         (2024, "uhh_sp2020_lf", 75.43, "dinkes_eppgbm_reported", "official")]


def test_values_of_different_regions_are_both_kept(con):
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    observe(con, 4.92, "dinkes_eppgbm_reported", "official", region="18.72.01.1001")
    assert con.execute("select region_code, value from observation_best order by region_code").fetchall() == [("18.72", 6.67), ("18.72.01.1001", 4.92)]


def test_observation_labeled_joins_region_indicator_and_source(con):
    observe(con, 4.92, "dinkes_eppgbm_reported", "official", region="18.72.01.1001")
    assert con.execute("""
        select region_code, region_name, region_level, parent_code, dimension, measure_kind, source_title, source_publisher, source_reference, value
        from observation_labeled""").fetchall() == [
        ("18.72.01.1001", "Metro", "kelurahan", "18.72.01", "health", "admin_record", "Prevalensi stunting e-PPGBM", "Dinas Kesehatan Kota Metro",
         "news", 4.92)]


def test_observation_labeled_shows_only_the_best_value(con):
    observe(con, 8.7, "local_statement_stunting", "provisional")
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    assert con.execute("select value, source_title from observation_labeled").fetchall() == [(6.67, "Prevalensi stunting e-PPGBM")]


def test_the_producers_own_page_comes_before_a_quote_of_it(con):
    observe(con, 6.7, "a_second_report", "official", citation="quoted")
    observe(con, 6.67, "dinkes_page", "official")
    assert best(con) == [(2022, "", 6.67, "dinkes_page", "official")]


def test_a_quote_of_the_producer_comes_before_a_relay(con):
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    observe(con, 6.7, "a_second_report", "official", citation="quoted")
    assert best(con) == [(2022, "", 6.7, "a_second_report", "official")]


def test_a_rows_own_citation_overrides_its_sources(con):
    observe(con, 6.7, "a_second_report", "official", citation="quoted")
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    assert con.execute("select source_id, citation from observation_labeled order by all").fetchall() == [("a_second_report", "quoted")]


def test_observation_labeled_gives_the_sources_citation_when_the_row_has_none(con):
    observe(con, 6.67, "dinkes_eppgbm_reported", "official")
    assert con.execute("select citation, source_kind from observation_labeled").fetchall() == [("secondary", "published")]

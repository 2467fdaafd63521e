"""queries/store_checks.sql with literal rows: each invariant counts the rows that break it.

A tiny store: Kota Metro, one kecamatan with one kelurahan (both with polygons), a survey indicator (p0),
an admin indicator (stunting_eppgbm) and one published below its official level through an OPD's records
of the same concept (jkn_coverage), a BPS page, a news article quoting BPS, a derived figure's source and an
illustrative source. Each rule of the status and citation model (DOMAIN §6) has a fixture that breaks it.
"""

import pytest

from metro_poverty import db
from tests.query_support import empty_store, indicator, insert, observe, region, source

CHECKS = ["bad_citation", "bad_status", "derived_not_provisional", "derived_without_precision", "duplicate_best",
          "illustrative_from_published_source", "official_without_producer", "region_without_polygon",
          "source_without_document", "target_for_another_concept", "unknown_indicator", "unknown_region",
          "unknown_source", "value_below_lowest_level"]
CITY, KEC, KEL = "18.72", "18.72.01", "18.72.01.1001"


@pytest.fixture
def con():
    con = empty_store()
    region(con, CITY, "Kota Metro", "city", "18", bps_code="1872")
    region(con, KEC, "Metro Pusat", "kecamatan", CITY, bps_code="1872022")
    region(con, KEL, "Metro", "kelurahan", KEC, bps_code="1872022001")
    indicator(con, "p0", producer="BPS", source="Susenas Maret (BPS)", measure_kind="survey_estimate", lowest_level="kab/kota")
    indicator(con, "poor_count", producer="BPS", source="Susenas Maret (BPS)", unit_id="ribu jiwa", decimals=2)
    indicator(con, "stunting_eppgbm", producer="Dinas Kesehatan", source="e-PPGBM", measure_kind="admin_record", lowest_level="kelurahan")
    indicator(con, "stunting_ssgi", producer="Kementerian Kesehatan", source="SSGI / SKI", measure_kind="survey_estimate")
    indicator(con, "jkn_coverage", producer="BPJS Kesehatan", source="Kepesertaan BPJS", measure_kind="admin_record",
              lowest_level="kab/kota", sub_level_source_id="ekstrak cabang", sub_level_source_en="branch extract")
    source(con, "bps_page", title="Profil kemiskinan", publisher="BPS Kota Metro", url="https://metrokota.bps.go.id/x", producer="BPS")
    source(con, "news_quoting_bps", title="BPS: kemiskinan turun", publisher="news.example", url="https://news.example/a",
           citation="secondary", producer="BPS")
    source(con, "derived", kind="derived", title="Angka turunan", publisher="ringkasan", locator="DOMAIN §4", citation="secondary")
    source(con, "dinkes", title="e-PPGBM", publisher="Dinas Kesehatan", producer="Dinas Kesehatan")
    source(con, "bpjs", title="Kepesertaan", publisher="BPJS", producer="BPJS Kesehatan")
    source(con, "illus_dinkes", kind="illustrative", title="ILUSTRASI: e-PPGBM", publisher="Dinas Kesehatan (data ilustrasi)")
    insert(con, "boundaries", region_code=KEC, level="kecamatan", geometry_json="{}", kind="schematic")
    insert(con, "boundaries", region_code=KEL, level="kelurahan", geometry_json="{}", kind="schematic")
    yield con
    con.close()


def counts(con):
    return dict(db.run(con, "store_checks").itertuples(index=False))


def broken(con):
    return {name: n for name, n in counts(con).items() if n}


def target(con, indicator_code, set_for_source, set_for_kind, region_code="00"):
    insert(con, "targets", indicator=indicator_code, region_code=region_code, value=14.0, year=2024, document="RPJMN 2020–2024",
           set_for_source=set_for_source, set_for_kind=set_for_kind)


def test_the_checks_are_these_in_name_order(con):
    assert list(db.run(con, "store_checks").check_name) == CHECKS


def test_a_consistent_store_breaks_no_check(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_page", "official")
    observe(con, "p0", CITY, 2025, 6.44, "news_quoting_bps", "official", citation="quoted")
    observe(con, "poor_count", CITY, 2023, 12.8, "derived", "provisional", quality_flag="derived", decimals=1)
    observe(con, "stunting_eppgbm", KEL, 2024, 3.69, "illus_dinkes", "illustrative")
    observe(con, "jkn_coverage", KEL, 2024, 96.1, "bpjs", "official")
    target(con, "stunting_ssgi", "SSGI / SKI", "survey_estimate")
    assert counts(con) == dict.fromkeys(CHECKS, 0)


def test_the_embedded_store_breaks_no_check():
    assert broken(db.read_connection().cursor()) == {}


def test_an_observation_of_an_unknown_region(con):
    observe(con, "p0", "18.73", 2024, 6.78, "bps_page", "official")
    assert broken(con) == {"unknown_region": 1}


def test_an_observation_of_an_unknown_indicator(con):
    observe(con, "p3", CITY, 2024, 0.1, "bps_page", "official")
    assert broken(con) == {"unknown_indicator": 1}


def test_an_observation_of_an_unknown_source(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_2024", "official")
    assert broken(con) == {"unknown_source": 1}


def test_a_status_outside_the_vocabulary(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_page", "resmi")
    assert broken(con) == {"bad_status": 1}


def test_a_simulated_status_is_in_the_vocabulary(con):
    observe(con, "stunting_eppgbm", KEL, 2024, 3.69, "dinkes", "simulated")
    assert "bad_status" not in broken(con)


def test_a_citation_outside_the_vocabulary(con):
    observe(con, "p0", CITY, 2025, 6.44, "news_quoting_bps", "official", citation="heard")
    assert broken(con) == {"bad_citation": 1}


def test_a_source_that_names_no_document(con):
    source(con, "vague", title="Media daerah", publisher="news", locator="", producer="BPS")
    assert broken(con) == {"source_without_document": 1}


def test_a_source_with_a_table_and_page_but_no_url_names_its_document(con):
    source(con, "book", title="Kota Metro Dalam Angka 2025", publisher="BPS Kota Metro", locator="Tabel 4.1.2, hlm. 112", producer="BPS")
    assert broken(con) == {}


def test_an_official_value_from_a_document_without_its_producer(con):
    observe(con, "p0", CITY, 2024, 6.78, "derived", "official")
    assert broken(con) == {"official_without_producer": 1}


def test_an_official_value_from_another_producers_document(con):
    observe(con, "p0", CITY, 2024, 6.78, "dinkes", "official")
    assert broken(con) == {"official_without_producer": 1}


def test_a_provisional_value_needs_no_producer(con):
    observe(con, "p0", CITY, 2024, 6.8, "dinkes", "provisional", quality_flag="unverified")
    assert broken(con) == {}


def test_a_derived_value_called_official(con):
    source(con, "bps_derived", title="t", publisher="p", locator="l", producer="BPS")
    observe(con, "poor_count", CITY, 2023, 12.8, "bps_derived", "official", quality_flag="derived", decimals=1)
    assert broken(con) == {"derived_not_provisional": 1}


def test_a_derived_value_without_its_precision(con):
    observe(con, "poor_count", CITY, 2023, 12.8, "derived", "provisional", quality_flag="derived")
    assert broken(con) == {"derived_without_precision": 1}


def test_a_derived_value_carried_with_more_digits_than_its_precision(con):
    observe(con, "poor_count", CITY, 2023, 12.81, "derived", "provisional", quality_flag="derived", decimals=1)
    assert broken(con) == {"derived_without_precision": 1}


def test_a_derived_value_more_precise_than_the_catalogue_publishes(con):
    observe(con, "poor_count", CITY, 2023, 12.8, "derived", "provisional", quality_flag="derived", decimals=3)
    assert broken(con) == {"derived_without_precision": 1}


def test_a_survey_estimate_at_a_kelurahan(con):
    observe(con, "p0", KEL, 2024, 6.78, "bps_page", "official")
    assert broken(con) == {"value_below_lowest_level": 1}


def test_a_survey_estimate_at_a_kecamatan(con):
    observe(con, "p0", KEC, 2024, 6.78, "bps_page", "official")
    assert broken(con) == {"value_below_lowest_level": 1}


def test_an_admin_record_at_its_own_lowest_level_is_fine(con):
    observe(con, "stunting_eppgbm", KEL, 2024, 6.67, "dinkes", "official")
    assert broken(con) == {}


def test_a_value_below_the_official_level_without_an_opd_source_of_the_concept(con):
    con.execute("update indicators set sub_level_source_id = null, sub_level_source_en = null where code = 'jkn_coverage'")
    observe(con, "jkn_coverage", KEL, 2024, 96.1, "bpjs", "official")
    assert broken(con) == {"value_below_lowest_level": 1}


def test_an_illustrative_value_from_a_published_source(con):
    observe(con, "stunting_eppgbm", KEL, 2024, 3.69, "dinkes", "illustrative")
    assert broken(con) == {"illustrative_from_published_source": 1}


def test_a_published_status_on_a_value_from_an_illustrative_source(con):
    observe(con, "stunting_eppgbm", KEL, 2024, 3.69, "illus_dinkes", "official")
    assert broken(con) == {"illustrative_from_published_source": 1, "official_without_producer": 1}


def test_a_survey_target_applied_to_weighing_records(con):
    target(con, "stunting_eppgbm", "SSGI / SKI", "survey_estimate")
    assert broken(con) == {"target_for_another_concept": 1}


def test_a_target_set_for_the_indicators_own_source_and_kind_is_fine(con):
    target(con, "stunting_ssgi", "SSGI / SKI", "survey_estimate")
    assert broken(con) == {}


def test_a_kelurahan_without_a_polygon(con):
    region(con, "18.72.01.1003", "Imopuro", "kelurahan", KEC)
    assert broken(con) == {"region_without_polygon": 1}


def test_a_polygon_of_the_wrong_level_does_not_count(con):
    con.execute("delete from boundaries where region_code = ?", [KEC])
    insert(con, "boundaries", region_code=KEC, level="kelurahan", geometry_json="{}", kind="schematic")
    assert broken(con) == {"region_without_polygon": 1}


def test_the_city_needs_no_polygon(con):
    assert "region_without_polygon" not in broken(con)


def test_two_figures_for_one_key_are_not_a_duplicate_best(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_page", "official")
    observe(con, "p0", CITY, 2024, 6.8, "news_quoting_bps", "provisional")
    assert broken(con) == {}

"""queries/observations_export.sql with literal rows: every value in the store (not only the best ones)
with its region, indicator, unit, source and status, for the CSV download."""

import pytest

from metro_poverty import db
from tests.query_support import CITY, KEL_METRO, PROVINCE, empty_store, indicator, metro_regions, observe, result, source

KEY = ("indicator_code", "region_code", "period", "source_id", "value", "status")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "p0", position=1, name_id="Persentase Penduduk Miskin (P0)", name_en="Poverty headcount rate (P0)",
                  unit_id="%", unit_en="%")
        indicator(con, "gk", position=2, name_id="Garis Kemiskinan", name_en="Poverty line",
                  unit_id="Rp/kapita/bulan", unit_en="Rp/capita/month", decimals=0)
        indicator(con, "stunting_eppgbm", position=3, name_id="Prevalensi Stunting", measure_kind="admin_record")
        source(con, "bps_metro_poverty_2024", title="Profil kemiskinan Kota Metro 2024", publisher="BPS Kota Metro",
               locator="metrokota.bps.go.id news 2025/04/16/269")
        source(con, "bps_metro_p0_2015_2022", publisher="Harian Satelit mengutip BPS Kota Metro")
        source(con, "illus_dinkes_eppgbm", kind="illustrative", title="ILUSTRASI: e-PPGBM", publisher="Dinas Kesehatan (data ilustrasi)")
        yield con


def test_every_value_ordered_by_indicator_region_period_source(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "p0", PROVINCE, 2024, 10.62, "bps_metro_poverty_2024")
    observe(con, "gk", CITY, 2024, 503161, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2022, 8.44, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2022, 8.44, "bps_metro_p0_2015_2022")
    assert result(con, "observations_export", KEY) == [
        ("gk", CITY, 2024, "bps_metro_poverty_2024", 503161.0, "official"),
        ("p0", PROVINCE, 2024, "bps_metro_poverty_2024", 10.62, "official"),
        ("p0", CITY, 2022, "bps_metro_p0_2015_2022", 8.44, "official"),
        ("p0", CITY, 2022, "bps_metro_poverty_2024", 8.44, "official"),
        ("p0", CITY, 2024, "bps_metro_poverty_2024", 6.78, "official"),
    ]


def test_values_outranked_by_others_are_exported_too(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", "official")
    observe(con, "p0", CITY, 2024, 6.90, "bps_metro_p0_2015_2022", "provisional", quality_flag="conflict")
    assert result(con, "observations_export", ("value", "status", "quality_flag")) == [
        (6.90, "provisional", "conflict"), (6.78, "official", None)]


def test_illustrative_values_are_exported_with_their_status(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert result(con, "observations_export", ("region_code", "value", "status", "source_publisher")) == [
        (KEL_METRO, 3.69, "illustrative", "Dinas Kesehatan (data ilustrasi)")]


def test_each_value_carries_the_names_of_its_indicator_and_region_and_its_unit(con):
    observe(con, "gk", CITY, 2024, 503161, "bps_metro_poverty_2024")
    assert result(con, "observations_export", ("indicator_name", "unit", "bps_code", "region_name", "region_level")) == [
        ("Garis Kemiskinan", "Rp/kapita/bulan", "1872", "Kota Metro", "city")]


def test_each_value_carries_its_source_and_origin(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", series="sp2020", numerator=12.27, denominator=180.9,
            note="Maret 2024", origin_file="published/bps_published_figures.csv", origin_line=17)
    columns = ("series", "numerator", "denominator", "note", "source_id", "source_title", "source_publisher",
               "source_reference", "origin_file", "origin_line")
    assert result(con, "observations_export", columns) == [
        ("sp2020", 12.27, 180.9, "Maret 2024", "bps_metro_poverty_2024", "Profil kemiskinan Kota Metro 2024", "BPS Kota Metro",
         "metrokota.bps.go.id news 2025/04/16/269", "published/bps_published_figures.csv", 17)]


def test_the_columns_of_the_download(con):
    assert list(db.run(con, "observations_export").columns) == [
        "indicator_code", "indicator_name", "region_code", "bps_code", "region_name", "region_level", "period", "series",
        "value", "unit", "numerator", "denominator", "status", "citation", "quality_flag", "decimals", "note", "source_id", "source_title",
        "source_publisher", "source_reference", "origin_file", "origin_line"]

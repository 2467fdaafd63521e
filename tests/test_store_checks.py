"""queries/store_checks.sql with literal rows: each invariant counts the rows that break it.

A tiny store: Kota Metro, one kecamatan with one kelurahan (both with polygons), a survey indicator (p0)
and an admin indicator (stunting_eppgbm), a published and an illustrative source.
"""

import duckdb
import pytest

from metro_poverty import db
from metro_poverty.pipeline.reference import CATALOGUE_COLUMNS

CHECKS = ["bad_status", "duplicate_best", "illustrative_from_published_source", "region_without_polygon",
          "survey_estimate_below_city", "unknown_indicator", "unknown_region", "unknown_source"]


def indicator_row(code, measure_kind):
    return (code, "health", code, code, code, code, "c", "c", "d", "d", "f", "%", "%", 1, "higher_worse", "p", "s", "f", "f",
            "kelurahan", measure_kind, "ratio", 0, 100, None, None, None, None)


@pytest.fixture
def con():
    con = duckdb.connect()
    db.execute(con, "store_schema")
    con.executemany("insert into regions values (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        ("18.72", "1872", "Kota Metro", "city", "18", 68.74, None, None, 3),
        ("18.72.01", "1872022", "Metro Pusat", "kecamatan", "18.72", 11.71, None, None, 10),
        ("18.72.01.1001", "1872022001", "Metro", "kelurahan", "18.72.01", None, None, "34111", 11),
    ])
    con.executemany("insert into indicators (" + ", ".join(CATALOGUE_COLUMNS) + ") values (" + ", ".join(["?"] * 28) + ")",
                    [indicator_row("p0", "survey_estimate"), indicator_row("stunting_eppgbm", "admin_record")])
    con.executemany("insert into sources values (?, ?, ?, ?, ?, ?, ?)", [
        ("bps_metro_poverty_2024", "Profil kemiskinan Kota Metro 2024", "BPS Kota Metro", None, None, "published", None),
        ("illus_dinkes_eppgbm", "ILUSTRASI: e-PPGBM", "Dinas Kesehatan (data ilustrasi)", None, None, "illustrative", None),
    ])
    con.executemany("insert into boundaries values (?, ?, ?, ?, ?, ?)", [
        ("18.72.01", "kecamatan", "{}", 105.3, -5.1, "schematic"),
        ("18.72.01.1001", "kelurahan", "{}", 105.3, -5.1, "schematic"),
    ])
    yield con
    con.close()


def observe(con, indicator, region, period, value, source, status, flag=None, series=""):
    con.execute("insert into observations (indicator_code, region_code, period, series, value, source_id, status, quality_flag) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [indicator, region, period, series, value, source, status, flag])


def counts(con):
    return dict(db.run(con, "store_checks").itertuples(index=False))


def broken(con):
    return {name: n for name, n in counts(con).items() if n}


def test_the_checks_are_these_in_name_order(con):
    assert list(db.run(con, "store_checks").check_name) == CHECKS


def test_a_consistent_store_breaks_no_check(con):
    observe(con, "p0", "18.72", 2024, 6.78, "bps_metro_poverty_2024", "official")
    observe(con, "stunting_eppgbm", "18.72.01.1001", 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert counts(con) == dict.fromkeys(CHECKS, 0)


def test_an_observation_of_an_unknown_region(con):
    observe(con, "p0", "18.73", 2024, 6.78, "bps_metro_poverty_2024", "official")
    assert broken(con) == {"unknown_region": 1}


def test_an_observation_of_an_unknown_indicator(con):
    observe(con, "p3", "18.72", 2024, 0.1, "bps_metro_poverty_2024", "official")
    assert broken(con) == {"unknown_indicator": 1}


def test_an_observation_of_an_unknown_source(con):
    observe(con, "p0", "18.72", 2024, 6.78, "bps_2024", "official")
    assert broken(con) == {"unknown_source": 1}


def test_a_status_outside_the_vocabulary(con):
    observe(con, "p0", "18.72", 2024, 6.78, "bps_metro_poverty_2024", "resmi")
    assert broken(con) == {"bad_status": 1}


def test_a_survey_estimate_at_a_kelurahan(con):
    observe(con, "p0", "18.72.01.1001", 2024, 6.78, "bps_metro_poverty_2024", "official")
    assert broken(con) == {"survey_estimate_below_city": 1}


def test_a_survey_estimate_at_a_kecamatan(con):
    observe(con, "p0", "18.72.01", 2024, 6.78, "bps_metro_poverty_2024", "official")
    assert broken(con) == {"survey_estimate_below_city": 1}


def test_an_admin_record_at_a_kelurahan_is_fine(con):
    observe(con, "stunting_eppgbm", "18.72.01.1001", 2024, 6.67, "bps_metro_poverty_2024", "official")
    assert broken(con) == {}


def test_an_illustrative_value_from_a_published_source(con):
    observe(con, "stunting_eppgbm", "18.72.01.1001", 2024, 3.69, "bps_metro_poverty_2024", "illustrative")
    assert broken(con) == {"illustrative_from_published_source": 1}


def test_a_published_status_on_a_value_from_an_illustrative_source(con):
    observe(con, "stunting_eppgbm", "18.72.01.1001", 2024, 3.69, "illus_dinkes_eppgbm", "official")
    assert broken(con) == {"illustrative_from_published_source": 1}


def test_a_kelurahan_without_a_polygon(con):
    con.execute("insert into regions values ('18.72.01.1003', '1872022002', 'Imopuro', 'kelurahan', '18.72.01', null, null, '34111', 13)")
    assert broken(con) == {"region_without_polygon": 1}


def test_a_polygon_of_the_wrong_level_does_not_count(con):
    con.execute("delete from boundaries where region_code = '18.72.01'")
    con.execute("insert into boundaries values ('18.72.01', 'kelurahan', '{}', 105.3, -5.1, 'schematic')")
    assert broken(con) == {"region_without_polygon": 1}


def test_the_city_needs_no_polygon(con):
    assert "region_without_polygon" not in broken(con)


def test_two_figures_for_one_key_are_not_a_duplicate_best(con):
    observe(con, "p0", "18.72", 2024, 6.78, "bps_metro_poverty_2024", "official")
    observe(con, "p0", "18.72", 2024, 6.8, "bps_metro_poverty_2024", "provisional")
    assert broken(con) == {}

"""The whole build from the repo's data (copied to a temporary directory): what the store holds after
queries/store_schema.sql, store_load, store_materialize (the views pages read become sorted tables) and
store_checks have run on it."""

import json

import duckdb
import pytest
from shapely.geometry import shape


def rows(con, sql, **params):
    return [tuple(r) for r in con.execute(sql, params or None).fetchall()]


@pytest.fixture
def boundary_con(boundary_store):
    con = duckdb.connect(str(boundary_store), read_only=True)
    yield con
    con.close()


def test_the_repos_data_builds_without_problems(store_con):
    assert rows(store_con, "select severity, code, file, row_number from build_problems") == []


def test_metros_published_2024_poverty_figures_are_in_the_store_with_the_document_read(store_con):
    assert rows(store_con, """
        select indicator_code, value, status, citation, source_publisher from observation_labeled
        where region_code = '18.72' and period = 2024 and indicator_code in ('p0', 'poor_count', 'p1', 'p2', 'gk')
        order by indicator_code""") == [
        ("gk", 503161.0, "official", "primary", "BPS Kota Metro"),
        ("p0", 6.78, "official", "primary", "BPS Kota Metro"),
        ("p1", 0.77, "official", "quoted", "lampungnewspaper.disway.id"),
        ("p2", 0.15, "official", "quoted", "lampungnewspaper.disway.id"),
        ("poor_count", 12.07, "official", "secondary", "databoks.katadata.co.id"),
    ]


def test_metros_2025_release_is_official_and_known_from_a_quote_of_bps(store_con):
    assert rows(store_con, """
        select indicator_code, value, status, citation, quality_flag from observation_best
        where region_code = '18.72' and period = 2025 and indicator_code in ('p0', 'p1', 'p2') order by indicator_code""") == [
        ("p0", 6.44, "official", "quoted", None), ("p1", 0.55, "official", "secondary", None), ("p2", 0.07, "official", "secondary", None)]


def test_the_derived_2023_count_is_provisional_with_the_precision_it_has(store_con):
    assert rows(store_con, """
        select value, status, quality_flag, decimals from observation_best
        where region_code = '18.72' and period = 2023 and indicator_code = 'poor_count'""") == [(12.8, "provisional", "derived", 1)]


def test_all_15_kab_kota_have_a_2024_p0(store_con):
    assert rows(store_con, """
        select count(distinct region_code) from observation_labeled
        where indicator_code = 'p0' and period = 2024 and region_level in ('kabkota', 'city')""") == [(15,)]


def test_a_kabupaten_is_matched_on_the_code_system_its_row_names(store_con):
    # Lampung Barat is 18.04 at Kemendagri and 1801 at BPS; a join on the suffix would take Lampung Selatan (18.01)
    assert rows(store_con, """
        select region_name from observation_labeled where region_code = '18.04' and indicator_code = 'p0' and period = 2024""") == [
        ("Kab. Lampung Barat",)]


def test_indonesias_poor_count_is_stored_in_ribu_jiwa(store_con):
    assert rows(store_con, "select value from observations where indicator_code = 'poor_count' and region_code = '00' and period = 2024") == [(25220.0,)]


def test_every_kelurahan_and_kecamatan_has_a_schematic_polygon(store_con):
    assert rows(store_con, """
        select r.level, count(b.region_code) from regions as r left join boundaries as b on b.region_code = r.region_code and b.level = r.level
        where r.level in ('kecamatan', 'kelurahan') group by r.level order by r.level""") == [("kecamatan", 5), ("kelurahan", 22)]


def test_every_kelurahan_and_kecamatan_has_a_boundary_polygon(boundary_con):
    assert rows(boundary_con, """
        select r.level, count(b.region_code) from regions as r left join boundaries as b on b.region_code = r.region_code and b.level = r.level
        where r.level in ('kecamatan', 'kelurahan') group by r.level order by r.level""") == [("kecamatan", 5), ("kelurahan", 22)]


def test_without_boundary_files_the_map_is_schematic(store_con):
    assert rows(store_con, "select kind, level, count(*) from boundaries group by all order by level") == [("schematic", "kecamatan", 5),
                                                                                                           ("schematic", "kelurahan", 22)]
    assert rows(store_con, "select value from build_info where key = 'map_kind'") == [("schematic",)]


def test_with_boundary_files_the_map_is_the_boundary_map(boundary_con):
    assert rows(boundary_con, "select kind, level, count(*) from boundaries group by all order by level") == [
        ("boundary", "kabkota", 15), ("boundary", "kecamatan", 5), ("boundary", "kelurahan", 22)]
    assert rows(boundary_con, "select value from build_info where key = 'map_kind'") == [("boundary",)]


def counter_clockwise_rings(con):
    out = []
    for code, geometry in con.execute("select region_code, geometry_json from boundaries").fetchall():
        geom = shape(json.loads(geometry))
        out += [code for polygon in getattr(geom, "geoms", [geom]) if polygon.exterior.is_ccw]
    return out


def test_every_schematic_polygon_is_clockwise(store_con):
    assert counter_clockwise_rings(store_con) == []


def test_every_boundary_polygon_is_clockwise(boundary_con):
    assert counter_clockwise_rings(boundary_con) == []


def test_boundary_polygons_are_simplified_for_the_charts(boundary_con):
    vertices = sum(len(polygon.exterior.coords) for (g,) in boundary_con.execute("select geometry_json from boundaries").fetchall()
                   for polygon in getattr(shape(json.loads(g)), "geoms", [shape(json.loads(g))]))
    assert vertices < 8000  # PITFALLS 4: about 900 vertices keep a city chart spec small; the province file adds about 2,500


def test_illustrative_values_come_from_illustrative_sources_only(store_con):
    assert rows(store_con, """
        select o.status, s.kind, count(*) from observations as o join sources as s using (source_id)
        where (o.status = 'illustrative') != (s.kind = 'illustrative') group by all""") == []


def test_every_opd_raw_file_value_is_illustrative(store_con):
    assert rows(store_con, """
        select distinct o.status, s.kind from observations as o join sources as s using (source_id)
        where o.origin_file not in ('bps_published_figures.csv', 'kabkota/lampung_kabkota_poverty.csv')""") == [("illustrative", "illustrative")]


def test_survey_estimates_never_appear_below_the_city(store_con):
    assert rows(store_con, """
        select distinct r.level from observations as o join indicators as i on i.code = o.indicator_code join regions as r using (region_code)
        where i.measure_kind = 'survey_estimate' order by r.level""") == [("city",), ("country",), ("kabkota",), ("province",)]


def test_uhh_old_and_new_series_are_distinct(store_con):
    assert rows(store_con, "select period, series from observation_best where indicator_code = 'uhh' and region_code = '18.72' order by period") == [
        (2021, "uhh_pre_sp2020"), (2024, "uhh_sp2020_lf")]


def test_ipm_old_and_new_series_are_distinct(store_con):
    assert rows(store_con, "select series, list(period order by period) from observation_best"
                           " where indicator_code = 'ipm' and region_code = '18.72' group by series order by series") == [
        ("uhh_pre_sp2020", [2020]), ("uhh_sp2020_lf", [2022, 2023, 2024])]


def test_the_city_e_ppgbm_is_recomputed_from_kelurahan_counts(store_con):
    # the file's own total row says 669 of 12,214 measured
    assert rows(store_con, """
        select numerator, denominator, round(value, 4), quality_flag from observations
        where indicator_code = 'stunting_eppgbm' and region_code = '18.72' and period = 2024 and source_id = 'illus_dinkes_eppgbm'""") == [
        (669.0, 12214.0, round(100 * 669 / 12214, 4), "aggregated")]


def test_an_illustrative_aggregate_stays_apart_from_a_published_figure(store_con):
    assert rows(store_con, """
        select source_id, status, value from observation_best
        where indicator_code = 'stunting_eppgbm' and region_code = '18.72' and period = 2024 order by status""") == [
        ("illus_dinkes_eppgbm", "illustrative", pytest.approx(100 * 669 / 12214)),
        ("local_statement_stunting", "provisional", 7.1),
    ]


def test_a_bps_kelurahan_code_lands_on_the_kemendagri_kelurahan(store_con):
    # dinsos line 95: "87;1872011001;SUMBERSARI;METRO SELATAN;2025;DTSEN;1531;82;440;28,74"
    assert rows(store_con, """
        select region_code, numerator, denominator from observations
        where origin_file = 'dinsos/REKAP_DESIL_KELUARGA_2022-2025.csv' and origin_line = 95 and indicator_code = 'dtsen_d14_pct'""") == [
        ("18.72.05.1003", 440.0, 1531.0)]


def test_the_store_check_counts_are_all_zero(store_con):
    from metro_poverty import db
    assert db.run(store_con, "store_checks").query("n > 0").empty


def test_build_info_records_the_fingerprint_and_observation_count(store_con):
    info = dict(rows(store_con, "select key, value from build_info"))
    assert set(info) == {"built_at", "fingerprint", "map_kind", "n_observations"}
    assert int(info["n_observations"]) == rows(store_con, "select count(*) from observations")[0][0]

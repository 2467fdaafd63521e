"""Region polygons: boundary files checked against the region table, simplified and oriented clockwise,
or a schematic tile map when there are none (metro_poverty.pipeline.boundaries)."""

import json

import pandas as pd
import pytest
from shapely.geometry import shape

from metro_poverty.pipeline.boundaries import has_boundary_files, read_boundaries, schematic_tiles

REGIONS = pd.DataFrame(
    [("18.72", "city", "18"), ("18.72.01", "kecamatan", "18.72"), ("18.72.01.1001", "kelurahan", "18.72.01"), ("18.72.01.1002", "kelurahan", "18.72.01")],
    columns=["region_code", "level", "parent_code"],
)
# Counter-clockwise rings, as RFC 7946 GeoJSON writes them; Vega-Lite needs them clockwise.
WEST = [[105.30, -5.12], [105.31, -5.12], [105.31, -5.11], [105.30, -5.11], [105.30, -5.12]]
EAST = [[105.31, -5.12], [105.32, -5.12], [105.32, -5.11], [105.31, -5.11], [105.31, -5.12]]
BOTH = [[105.30, -5.12], [105.32, -5.12], [105.32, -5.11], [105.30, -5.11], [105.30, -5.12]]


def write_geojson(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}} for code, ring in features]}))


@pytest.fixture
def boundaries_dir(tmp_path):
    write_geojson(tmp_path / "kelurahan.geojson", [("18.72.01.1001", WEST), ("18.72.01.1002", EAST)])
    write_geojson(tmp_path / "kecamatan.geojson", [("18.72.01", BOTH)])
    return tmp_path


def exteriors_clockwise(shapes):
    rings = [p.exterior for g in shapes.geometry_json for p in getattr(shape(json.loads(g)), "geoms", [shape(json.loads(g))])]
    return [not r.is_ccw for r in rings]


def test_boundary_files_are_detected_only_when_both_levels_exist(tmp_path, boundaries_dir):
    assert has_boundary_files(boundaries_dir)
    (boundaries_dir / "kecamatan.geojson").unlink()
    assert not has_boundary_files(boundaries_dir)


def test_every_region_gets_its_polygon(boundaries_dir):
    shapes, problems = read_boundaries(boundaries_dir, REGIONS)
    assert shapes[["region_code", "level", "kind"]].values.tolist() == [
        ["18.72.01.1001", "kelurahan", "boundary"], ["18.72.01.1002", "kelurahan", "boundary"], ["18.72.01", "kecamatan", "boundary"]]
    assert problems == []


def test_counter_clockwise_rings_come_out_clockwise(boundaries_dir):
    shapes, _ = read_boundaries(boundaries_dir, REGIONS)
    assert exteriors_clockwise(shapes) == [True, True, True]


def test_a_label_point_lies_inside_its_polygon(boundaries_dir):
    shapes, _ = read_boundaries(boundaries_dir, REGIONS)
    west = shapes.iloc[0]
    assert 105.30 < west.label_lon < 105.31 and -5.12 < west.label_lat < -5.11


def test_a_polygon_with_an_unknown_code_is_an_error(boundaries_dir):
    write_geojson(boundaries_dir / "kelurahan.geojson", [("18.72.01.1001", WEST), ("18.72.01.1002", EAST), ("18.72.01.1009", EAST)])
    shapes, problems = read_boundaries(boundaries_dir, REGIONS)
    assert [(p.code, p.file, p.row, p.column, p.value) for p in problems] == [
        ("boundary_unknown_region", "kelurahan.geojson", 3, "code", "18.72.01.1009")]
    assert shapes.empty


def test_a_region_without_a_polygon_is_an_error(boundaries_dir):
    write_geojson(boundaries_dir / "kelurahan.geojson", [("18.72.01.1001", WEST)])
    _, problems = read_boundaries(boundaries_dir, REGIONS)
    assert [(p.code, p.value) for p in problems] == [("boundary_missing_region", "18.72.01.1002")]


def test_a_code_twice_is_an_error(boundaries_dir):
    write_geojson(boundaries_dir / "kelurahan.geojson", [("18.72.01.1001", WEST), ("18.72.01.1002", EAST), ("18.72.01.1002", EAST)])
    _, problems = read_boundaries(boundaries_dir, REGIONS)
    assert [(p.code, p.value) for p in problems] == [("boundary_duplicate", "18.72.01.1002")]


def test_a_file_without_a_code_property_is_an_error(boundaries_dir):
    (boundaries_dir / "kecamatan.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kode": "18.72.01"}, "geometry": {"type": "Polygon", "coordinates": [BOTH]}}]}))
    _, problems = read_boundaries(boundaries_dir, REGIONS)
    assert [(p.code, p.file, p.fields["column"]) for p in problems] == [("missing_column", "kecamatan.geojson", "code")]


def test_an_unreadable_file_is_an_error(boundaries_dir):
    (boundaries_dir / "kecamatan.geojson").write_text("{ not json")
    _, problems = read_boundaries(boundaries_dir, REGIONS)
    assert [(p.code, p.file) for p in problems] == [("unreadable_boundaries", "kecamatan.geojson")]


TILES = pd.DataFrame([("18.72.01.1001", 0, 0), ("18.72.01.1002", 1, 0)], columns=["region_code", "col", "row"])


def test_the_schematic_map_has_a_tile_per_kelurahan_and_a_shape_per_kecamatan():
    shapes = schematic_tiles(TILES, REGIONS)
    assert shapes[["region_code", "level", "kind"]].values.tolist() == [
        ["18.72.01.1001", "kelurahan", "schematic"], ["18.72.01.1002", "kelurahan", "schematic"], ["18.72.01", "kecamatan", "schematic"]]


def test_schematic_shapes_are_clockwise():
    assert exteriors_clockwise(schematic_tiles(TILES, REGIONS)) == [True, True, True]


def test_schematic_tiles_keep_their_columns_in_order_west_to_east():
    shapes = schematic_tiles(TILES, REGIONS)
    assert shapes.label_lon.iloc[0] < shapes.label_lon.iloc[1]

"""queries/boundaries_by_level.sql with literal rows: the map shapes of one level with region names."""

import pytest

from metro_poverty import db
from tests.query_support import (KEC_PUSAT, KEC_UTARA, KEL_BANJARSARI, KEL_METRO, boundary, empty_store, metro_regions,
                                 result)

POLYGON = '{"type": "Polygon", "coordinates": [[[105.30, -5.11], [105.31, -5.11], [105.31, -5.12], [105.30, -5.11]]]}'


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        boundary(con, KEL_BANJARSARI, "kelurahan", POLYGON, "boundary", label_lon=105.32, label_lat=-5.08)
        boundary(con, KEL_METRO, "kelurahan", POLYGON, "boundary", label_lon=105.30, label_lat=-5.11)
        boundary(con, KEC_UTARA, "kecamatan", POLYGON, "boundary", label_lon=105.32, label_lat=-5.09)
        boundary(con, KEC_PUSAT, "kecamatan", POLYGON, "boundary", label_lon=105.30, label_lat=-5.12)
        yield con


def test_the_shapes_of_the_level_asked_for_in_region_code_order_with_names(con):
    assert result(con, "boundaries_by_level", ["region_code", "region_name", "parent_code", "label_lon", "label_lat", "kind"],
                  level="kelurahan") == [
        (KEL_METRO, "Metro", KEC_PUSAT, 105.30, -5.11, "boundary"),
        (KEL_BANJARSARI, "Banjarsari", KEC_UTARA, 105.32, -5.08, "boundary"),
    ]


def test_the_other_level_is_left_out(con):
    assert result(con, "boundaries_by_level", ["region_code"], level="kecamatan") == [(KEC_PUSAT,), (KEC_UTARA,)]


def test_the_geometry_is_returned_as_stored(con):
    assert db.run(con, "boundaries_by_level", level="kecamatan").geometry_json.tolist() == [POLYGON, POLYGON]


def test_a_schematic_tile_map_says_so(con):
    con.execute("delete from boundaries")
    boundary(con, KEL_METRO, "kelurahan", '{"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}',
             "schematic", label_lon=0.5, label_lat=0.5)
    assert result(con, "boundaries_by_level", ["region_code", "kind"], level="kelurahan") == [(KEL_METRO, "schematic")]


def test_a_level_without_shapes_gives_no_rows(con):
    assert result(con, "boundaries_by_level", ["region_code"], level="city") == []

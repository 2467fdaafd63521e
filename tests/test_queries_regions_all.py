"""queries/regions_all.sql with literal rows: every region in sort order, with its parent's name."""

import pytest

from metro_poverty import db
from tests.query_support import empty_store, region, result


@pytest.fixture
def con():
    with empty_store() as con:
        region(con, "18.72.01.1001", "Metro", "kelurahan", "18.72.01", bps_code="1872022001", postal_code="34111", sort_order=11)
        region(con, "18.72", "Kota Metro", "city", "18", bps_code="1872", area_km2_official=68.74, sort_order=3)
        region(con, "00", "Indonesia", "country", None, sort_order=1)
        region(con, "18.72.01", "Metro Pusat", "kecamatan", "18.72", bps_code="1872022", area_km2_official=11.71, sort_order=10)
        region(con, "18", "Lampung", "province", "00", bps_code="18", sort_order=2)
        yield con


def test_every_region_in_sort_order_with_its_parents_name(con):
    assert result(con, "regions_all", ["region_code", "name", "level", "parent_code", "parent_name", "sort_order"]) == [
        ("00", "Indonesia", "country", None, None, 1),
        ("18", "Lampung", "province", "00", "Indonesia", 2),
        ("18.72", "Kota Metro", "city", "18", "Lampung", 3),
        ("18.72.01", "Metro Pusat", "kecamatan", "18.72", "Kota Metro", 10),
        ("18.72.01.1001", "Metro", "kelurahan", "18.72.01", "Metro Pusat", 11),
    ]


def test_carries_every_region_column(con):
    assert result(con, "regions_all", ["region_code", "bps_code", "area_km2_official", "postal_code"])[2:] == [
        ("18.72", "1872", 68.74, None), ("18.72.01", "1872022", 11.71, None), ("18.72.01.1001", "1872022001", None, "34111")]
    assert list(db.run(con, "regions_all").columns) == [
        "region_code", "bps_code", "name", "level", "parent_code", "area_km2_official", "area_note", "postal_code", "sort_order", "parent_name"]


def test_a_region_whose_parent_is_not_in_the_table_has_no_parent_name(con):
    region(con, "19.71", "Kota Pangkalpinang", "city", "19", sort_order=4)
    assert ("19.71", "19", None) in result(con, "regions_all", ["region_code", "parent_code", "parent_name"])

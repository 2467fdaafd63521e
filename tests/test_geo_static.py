"""Big maps load their polygons from a static file; city maps keep them inline; exports get them back."""

import json

import pandas as pd
import pytest

from metro_poverty.catalog import Indicator
from metro_poverty.charts.maps import choropleth
from metro_poverty.charts.spec import vega_spec
from metro_poverty.ui import geo_static

SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[105.0, -5.0], [105.0, -5.1], [105.1, -5.1], [105.1, -5.0], [105.0, -5.0]]]})
IND = Indicator("stunting_eppgbm", {"short_id": "Stunting", "short_en": "Stunting", "unit_id": "%", "unit_en": "%", "decimals": 2,
                                    "polarity": "higher_worse", "dimension": "health", "measure_kind": "admin_record", "aggregation": "ratio"})


def shapes(n):
    return pd.DataFrame({"region_code": [f"18.72.{i:03d}.1001" for i in range(n)], "region_name": [f"K{i}" for i in range(n)],
                         "geometry_json": SQUARE, "label_lon": 105.05, "label_lat": -5.05, "kind": "boundary"})


def values(n):
    return pd.DataFrame({"region_code": [f"18.72.{i:03d}.1001" for i in range(n)], "value": [float(i) for i in range(n)],
                         "status": "illustrative", "period": 2024, "source_publisher": "Dinas Kesehatan"})


@pytest.fixture
def static_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(geo_static, "STATIC_DIR", tmp_path / "static")
    monkeypatch.setattr(geo_static, "GEO_DIR", tmp_path / "static" / "geo")
    return tmp_path / "static"


def test_a_city_map_keeps_its_polygons_inline_and_a_province_map_does_not():
    assert not geo_static.needs_file(shapes(22))
    assert geo_static.needs_file(shapes(geo_static.INLINE_MAX_REGIONS + 1))


def test_the_geometry_file_is_written_once_per_store_and_named_in_the_url(static_dir):
    url = geo_static.geometry_url("/srv/store/metro-1.duckdb", "kelurahan", shapes(3))
    assert url == "app/static/geo/metro-1/kelurahan.geojson"
    written = json.loads((static_dir / "geo" / "metro-1" / "kelurahan.geojson").read_text())
    assert [f["properties"]["region_code"] for f in written["features"]] == ["18.72.000.1001", "18.72.001.1001", "18.72.002.1001"]


def test_a_map_on_a_geometry_file_sends_values_only_and_joins_them_by_code(static_dir):
    url = geo_static.geometry_url("metro-2.duckdb", "kelurahan", shapes(3))
    chart, _, datasets = choropleth(shapes(3), values(3), IND, "id", "kelurahan", geometry_url=url)
    spec = vega_spec(chart, datasets)
    assert all("geometry" not in f for f in spec["datasets"]["features"])
    text = json.dumps(spec)
    assert url in text and '"lookup": "region_code"' in text
    assert spec["usermeta"]["embedOptions"]["renderer"] == "canvas"


def test_an_export_gets_the_polygons_back_inline(static_dir):
    url = geo_static.geometry_url("metro-3.duckdb", "kelurahan", shapes(2))
    chart, _, datasets = choropleth(shapes(2), values(2), IND, "id", "kelurahan", geometry_url=url)
    inlined = geo_static.inline(vega_spec(chart, datasets))
    assert url not in json.dumps(inlined)
    assert json.dumps(inlined).count('"Polygon"') >= 2

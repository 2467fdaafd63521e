"""Names on a kelurahan map: the kecamatan names, the selected kelurahan's name and, on a slide, the names of the
highest and the lowest. A name goes where it covers no other name (as estimated at a slide's map size); the
selected region is always named; a highest or lowest with no clear place is left out rather than piled on."""

import itertools
import json

import pandas as pd

from app_support import store  # noqa: F401
from metro_poverty import db
from metro_poverty.catalog import CATALOGUE_PARAMS, Indicator, catalogue_from_frame
from metro_poverty.charts import maps, theme

IND = Indicator("stunting_eppgbm", {"short_id": "Stunting", "short_en": "Stunting", "unit_id": "%", "unit_en": "%", "decimals": 2,
                                    "polarity": "higher_worse", "dimension": "health", "measure_kind": "admin_record", "aggregation": "ratio"})
SIZE = theme.PRESENT_LABEL_SIZE


def square(lon, lat, d=0.02):
    return json.dumps({"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat - d], [lon, lat - d], [lon, lat]]]})


def kelurahan(rows):
    """rows: (code, name, lon, lat) of points; each gets a small square around it."""
    return pd.DataFrame({"region_code": [r[0] for r in rows], "region_name": [r[1] for r in rows],
                         "geometry_json": [square(r[2] - 0.01, r[3] + 0.01) for r in rows],
                         "label_lon": [r[2] for r in rows], "label_lat": [r[3] for r in rows], "kind": "boundary"})


def kecamatan(rows):
    return pd.DataFrame({"region_code": [r[0] for r in rows], "region_name": [r[1] for r in rows],
                         "geometry_json": [square(r[2] - 0.05, r[3] + 0.05, 0.1) for r in rows],
                         "label_lon": [r[2] for r in rows], "label_lat": [r[3] for r in rows], "kind": "boundary"})


def values(codes, numbers):
    return pd.DataFrame({"region_code": codes, "value": numbers, "status": "illustrative", "period": 2024, "source_publisher": "Dinkes"})


# a city 0,12 degrees high and 0,12 wide, as Metro is: kelurahan A sits 0,003 degrees (about 6 px on the smallest slide map) above
# kecamatan East's name; two kelurahan without a value at the west and east edges give the map its width
SHAPES = kelurahan([("k.a", "Iring Mulyo", 105.318, -5.1237), ("k.b", "Rejomulyo", 105.313, -5.1616), ("k.c", "Purwoasri", 105.305, -5.07),
                    ("k.w", "Barat", 105.255, -5.12), ("k.e", "Timur", 105.375, -5.12)])
CONTEXT = kecamatan([("c.e", "Metro Timur", 105.317, -5.1265), ("c.s", "Metro Selatan", 105.3036, -5.1573)])


def named(**kwargs):
    _, _, datasets = maps.choropleth(SHAPES, kwargs.pop("values"), IND, "id", "kelurahan", context=CONTEXT, present=True, **kwargs)
    return {row["region_name"]: row["place"] for row in datasets.get(maps.SELECTED, [])}


def test_a_name_goes_above_its_point_when_a_kecamatan_name_sits_just_below_it():
    places = named(values=values(["k.a", "k.b", "k.c"], [2.65, 8.2, 5.0]))  # Iring Mulyo lowest, Rejomulyo highest
    assert places["Iring Mulyo"] == "above"
    assert places["Rejomulyo"] == "below"  # Metro Selatan's name is above Rejomulyo: below stays clear


def test_values_that_print_alike_name_no_highest_or_lowest():
    assert named(values=values(["k.a", "k.b", "k.c"], [0.0, 0.0, 0.0])) == {}
    assert named(values=values(["k.a", "k.b", "k.c"], [0.0, 0.0, 0.0]), selected="k.c") == {"Purwoasri": "below"}


def test_a_highest_or_lowest_that_prints_like_another_value_is_not_named():
    # a simulation leaves most kelurahan at 0,00: none of them is "the highest"; the one that fell most is the lowest
    assert set(named(values=values(["k.a", "k.b", "k.c"], [0.0, -1.5, 0.0]))) == {"Rejomulyo"}


def test_a_name_at_the_maps_edge_goes_where_it_is_not_cut_off():
    edge = kelurahan([("k.w", "Ganjar Agung Panjang", 105.255, -5.12), ("k.e", "Timur", 105.375, -5.12), ("k.c", "Purwoasri", 105.305, -5.07)])
    _, _, datasets = maps.choropleth(edge, values(["k.w", "k.e", "k.c"], [1.0, 9.0, 5.0]), IND, "id", "kelurahan", context=CONTEXT,
                                     selected="k.w", present=True)
    feats = datasets[maps.FEATURES]
    px = maps.SLIDE_MAP_PX / maps._lat_span(feats)
    left, right = maps._lon_extent(feats, px)
    row = next(r for r in datasets[maps.SELECTED] if r["region_name"] == "Ganjar Agung Panjang")
    box = maps.label_box(row["region_name"], row["label_lon"], row["label_lat"], SIZE, row["place"], px)
    assert box[0] >= left and row["place"] in ("right", "below-right", "above-right")


def test_the_selected_region_is_named_even_where_every_place_is_taken_and_an_extreme_is_left_out():
    crowded = kecamatan([(f"c.{i}", "Kecamatan Panjang Sekali", 105.318 + dx, -5.1237 + dy) for i, (dx, dy) in
                         enumerate([(0, 0.006), (0, -0.006), (0.03, 0), (-0.03, 0), (0, 0.012), (0, -0.012), (0.03, 0.006),
                                    (-0.03, 0.006), (0.03, -0.006), (-0.03, -0.006)])])
    for selected, shown in (("k.a", True), (None, False)):  # Iring Mulyo: the lowest, and selected or not
        _, _, datasets = maps.choropleth(SHAPES, values(["k.a", "k.b", "k.c"], [1.0, 9.0, 5.0]), IND, "id", "kelurahan",
                                         context=crowded, selected=selected, present=True)
        assert ("Iring Mulyo" in {row["region_name"] for row in datasets[maps.SELECTED]}) == shown


def test_a_kecamatan_name_moves_off_another_on_a_small_map():
    # Metro Barat's point lies 0,009 degrees (about 28 px on a dimension page's slide map) under Metro Timur's
    close = kecamatan([("c.e", "Metro Timur", 105.317, -5.1265), ("c.w", "Metro Barat", 105.2938, -5.1356)])

    def name_lats(bar_px):
        _, _, datasets = maps.choropleth(SHAPES, values(["k.a"], [1.0]), IND, "id", "kelurahan", context=close, present=True, bar_px=bar_px)
        return [round(c["label_lat"], 4) for c in datasets[maps.CONTEXT]]

    assert name_lats(0) == [-5.1265, -5.1356]  # apart at full size: on their points
    timur, barat = name_lats(200)  # a map 185 px high: Metro Barat's name would sit on Metro Timur's
    assert timur == -5.1265 and barat < -5.1356


def test_on_every_slide_map_of_the_store_no_two_names_cover_each_other(store):  # noqa: F811
    """Every kelurahan indicator and year of the store, with no region, a central one and an edge one selected,
    on a slide with and without an agenda's step bar: the names placed (apart from a selected region's, which is
    always named) cover no other name, kecamatan names included, in the boxes the placement estimates (the
    room's browser tests check the estimate on screen)."""
    from metro_poverty.ui.presentation import AGENDA_BAR_PX

    catalogue = catalogue_from_frame(db.read("indicator_catalogue", **CATALOGUE_PARAMS))
    shapes, context = db.read("boundaries_by_level", level="kelurahan"), db.read("boundaries_by_level", level="kecamatan")
    checked = 0
    for ind in (i for i in catalogue.values() if "kelurahan" in i.map_levels):
        for (period, frame), bar_px in itertools.product(
                db.read("indicator_history_by_level", indicator=ind.code, level="kelurahan").groupby("period"), (0, AGENDA_BAR_PX)):
            for selected in (None, "18.72.01.1001", "18.72.05.1001"):
                _, classes, datasets = maps.choropleth(shapes, frame, ind, "id", "kelurahan", context=context, selected=selected, present=True,
                                                       bar_px=bar_px)
                feats = datasets[maps.FEATURES]
                px = (maps.SLIDE_MAP_PX - bar_px) / maps._lat_span(feats)
                boxes = []
                for c in datasets[maps.CONTEXT]:
                    box = maps.label_box(c["region_name"], c["label_lon"], c["label_lat"], SIZE, "on", px)
                    assert not any(maps._overlap(box, b) for b in boxes), (ind.code, period, bar_px, c["region_name"])
                    boxes.append(box)
                for row in datasets.get(maps.SELECTED, []):
                    box = maps.label_box(row["region_name"], row["label_lon"], row["label_lat"], SIZE + 2, row["place"], px)
                    is_selected = any(f["selected"] and f["region_name"] == row["region_name"] for f in feats)
                    assert is_selected or not any(maps._overlap(box, b) for b in boxes), (ind.code, period, bar_px, selected, row)
                    boxes.append(box)
                    checked += 1
    assert checked > 100


def test_kota_metro_is_named_above_its_speck_on_lampungs_map():
    """On the map of Lampung's 15 kab/kota Metro is a few pixels wide: its name on the point was struck through by
    the selected outline ('Kota|Metro')."""
    shapes = kelurahan([("18.72", "Kota Metro", 105.31, -5.11), ("18.71", "Kota Bandar Lampung", 105.26, -5.42)])
    _, _, datasets = maps.choropleth(shapes, values(["18.72", "18.71"], [6.44, 6.95]), IND, "id", "kabkota", selected="18.72")
    assert [(r["region_name"], r["place"]) for r in datasets[maps.SELECTED]] == [("Kota Metro", "above")]

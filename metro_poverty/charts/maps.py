"""Choropleth maps of kelurahan or kecamatan, drawn from GeoJSON features (not GeoDataFrames:
Streamlit would turn their geometry into text) with rings already oriented for Vega-Lite."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.charts import theme
from metro_poverty.charts.classes import Classes, classify, classify_change
from metro_poverty.i18n import t
from metro_poverty.provenance import mark, mark_label



def map_classes(values: pd.DataFrame, ind: Indicator, lang: str, level: str) -> Classes:
    if ind.polarity == "change":
        return classify_change(values["value"].tolist(), ind.decimals, lang)
    k = 5 if level in ("kelurahan", "kabkota") else 3
    return classify(values["value"].tolist(), ind.decimals, lang, k=k, method="quantile")


def features(shapes: pd.DataFrame, values: pd.DataFrame, ind: Indicator, lang: str, classes: Classes, selected: str | None,
             with_geometry: bool = True) -> list[dict]:
    """One GeoJSON feature per shape with the properties the map encodes and its tooltip shows."""
    by_code = values.set_index("region_code").to_dict("index") if len(values) else {}
    no_data = t("map.no_data", lang)
    out = []
    for s in shapes.itertuples(index=False):
        v = by_code.get(s.region_code, {})
        value = v.get("value")
        out.append({
            **({"type": "Feature", "geometry": json.loads(s.geometry_json)} if with_geometry else {}),
            "region_code": s.region_code,
            "region_name": s.region_name,
            "value_text": ind.fmt(value, lang, decimals=v.get("decimals")) if value is not None else no_data,
            "class_label": classes.label_of(value) if value is not None else no_data,
            "period": str(v.get("period", "")),
            # a page's own values (a simulation) may bring their status text; store values get their mark
            "status_text": v.get("status_text") or (mark_label(mark(v["status"], v.get("citation"), v.get("quality_flag")), lang)
                                                    if "status" in v else ""),
            "source": v.get("source_publisher", ""),
            "selected": s.region_code == selected,
            "label_lon": s.label_lon,
            "label_lat": s.label_lat,
        })
    return out


FEATURES = "features"  # the named dataset holding the GeoJSON features


MAX_LABELS = 30  # more names than this on one map cover it rather than help
SLIDE_MAP_PX = 385  # a city map's height on a dimension page's 1280x720 slide (measured): its names are placed for it (choropleth)
VALUE_FIELDS = ["region_name", "value_text", "class_label", "period", "status_text", "source", "selected"]


def choropleth(shapes: pd.DataFrame, values: pd.DataFrame, ind: Indicator, lang: str, level: str, *,
               context: pd.DataFrame | None = None, selected: str | None = None, height: int = 560,
               selection: str | None = None, geometry_url: str | None = None,
               context_url: str | None = None, present: bool = False, bar_px: int = 0
               ) -> tuple[alt.LayerChart, Classes, dict[str, list]]:
    """The map, its classes, and the datasets to put in the spec (see charts.spec.vega_spec).

    `context` (kecamatan shapes under a kelurahan map) adds their outlines and names, so the room can
    find its way without 22 overlapping labels; the selected region is named too.

    With `geometry_url` (and `context_url`), the polygons are not in the spec: the browser loads them
    once from a static GeoJSON file and joins the values by region code. A map of thousands of regions
    then costs a rerun kilobytes instead of megabytes; a city map keeps its polygons inline, so the spec
    stands alone (exports render it offline).

    On a slide (`present`), names are placed to stay apart on the map as drawn at 1280x720: SLIDE_MAP_PX high,
    less `bar_px` (what an agenda's step bar takes from it). Their size and offsets are in pixels and the gaps
    between points grow with the map, so names apart there stay apart on a larger screen.
    """
    classes = map_classes(values, ind, lang, level)
    label_px = SLIDE_MAP_PX - bar_px
    feats = features(shapes, values, ind, lang, classes, selected, with_geometry=geometry_url is None)
    no_data = t("map.no_data", lang)
    domain = list(classes.labels) + ([no_data] if any(f["class_label"] == no_data for f in feats) else [])
    colours = theme.CHANGE_RAMP if ind.polarity == "change" else (theme.ramp(ind.polarity, len(classes.labels)) if classes.labels else [])
    regions = _shape_source(FEATURES, geometry_url)
    tooltip = [
        alt.Tooltip("region_name:N", title=t(f"level.{level}", lang)),
        alt.Tooltip("value_text:N", title=ind.short(lang)),
        alt.Tooltip("period:N", title=t("common.year", lang)),
        alt.Tooltip("source:N", title=t("common.source", lang)),
        alt.Tooltip("status_text:N", title=t("common.status", lang)),
    ]
    size = theme.PRESENT_LABEL_SIZE if present else theme.LABEL_SIZE
    # the province's map sits in a narrow column: classes of rupiah or thousands ('503.161 – 520.525') take one row
    # each there, as two a row were cut at its edge ('520.525 –')
    per_row = 1 if present or (level == "kabkota" and max(len(str(d)) for d in domain) > 12) else (2 if level == "kabkota" else 3)
    legend = alt.Legend(title=ind.titled(lang), orient="bottom" if not present else "right",
                        direction="horizontal" if not present else "vertical",
                        columns=per_row, symbolType="square", labelFontSize=size, titleFontSize=size)
    base = regions().mark_geoshape(stroke="white", strokeWidth=1.2).encode(
        color=alt.Color("class_label:N", title=t("map.class", lang), legend=legend,
                        scale=alt.Scale(domain=domain, range=colours + [theme.NO_DATA] * (len(domain) - len(colours)))),
        tooltip=tooltip,
    )
    if selection:  # a click selects a region; Streamlit reports it under this name
        base = base.add_params(alt.selection_point(name=selection, fields=["region_code"], on="click", clear=False))
    layers = [base]
    datasets = {FEATURES: feats}
    names = [f for f in feats if f["selected"]]
    if present and level == "kelurahan":  # on a slide the extremes are named too: the room asks "which one?"
        names = _named_on_slide(feats, values)
    if context is not None and len(context):
        if present and len(context) <= MAX_LABELS:  # on a slide the names are large: one kecamatan's may sit on another's
            context = _context_places(context, feats, theme.PRESENT_LABEL_SIZE, label_px)
        if context_url is None:
            datasets[CONTEXT] = [{"type": "Feature", "geometry": json.loads(c.geometry_json), "region_name": c.region_name,
                                  "label_lon": c.label_lon, "label_lat": c.label_lat} for c in context.itertuples(index=False)]
        outlines = _shape_source(CONTEXT, context_url, lookup=False)
        layers.append(outlines().mark_geoshape(fill=None, stroke="#333333", strokeWidth=2.2))
    # the selected outline under every name: a name stays readable where the outline crosses it
    layers.append(regions().transform_filter(alt.datum.selected).mark_geoshape(fill=None, stroke=theme.SELECTED_STROKE, strokeWidth=4.5))
    if context is not None and len(context):
        if len(context) <= MAX_LABELS:
            layers += _labels(outlines, size, italic=True)
    elif level in ("kecamatan",) and len(shapes) <= MAX_LABELS:
        layers += _labels(regions, size + 1)
    if names:
        datasets[SELECTED] = _name_places(names, context, feats, size + 2, size, label_px)
        if level == "kabkota":  # Kota Metro is a speck on Lampung's map: its name on the point was struck through by its outline
            datasets[SELECTED] = [n | {"place": "above"} for n in datasets[SELECTED]]
        for place in dict.fromkeys(n["place"] for n in datasets[SELECTED]):  # beside the point: a kecamatan's name may sit on it
            layers += _labels(lambda place=place: alt.Chart(alt.Data(name=SELECTED)).transform_filter(f"datum.place == '{place}'"),
                              size + 2, **_offset(place, size + 2))
    # one LayerChart built with everything: each .project()/.properties() would copy every layer deeply again
    # thousands of polygons draw faster on a canvas than as SVG elements
    usermeta = {"embedOptions": {"renderer": "canvas"}} if geometry_url is not None else alt.Undefined
    chart = alt.layer(*layers, projection=alt.Projection(type="mercator"), height=height, width="container", usermeta=usermeta)
    return chart, classes, datasets


CONTEXT = "context"
SELECTED = "selected"


def _named_on_slide(feats: list[dict], values: pd.DataFrame) -> list[dict]:
    """The selected region and the regions with the highest and the lowest value: named on a slide."""
    if values.empty:
        return [f for f in feats if f["selected"]]
    ordered = values.dropna(subset=["value"]).sort_values("value")
    extremes = {ordered.region_code.iloc[0], ordered.region_code.iloc[-1]} if len(ordered) else set()
    printed = pd.Series([f["value_text"] for f in feats]).value_counts()
    # a highest or lowest that prints like another region's value is no highest or lowest (20 kelurahan a
    # simulation leaves at "0,00" have none; naming one of them would read as if it alone were)
    extremes = {f["region_code"] for f in feats if f["region_code"] in extremes and printed[f["value_text"]] == 1}
    return [f for f in feats if f["selected"] or f["region_code"] in extremes]


PLACES = ("below", "above", "right", "left", "below-right", "above-right", "below-left", "above-left")
"""Where a named region's label may go, in order of preference (the first that is clear wins): each touches its
point (two lines away, on a slide's small map, a name stood in the next kecamatan and read as its region's)."""
LINE = 1.15  # a name's height on screen in font sizes (its box measured on a slide: 20 px at 18, 22 px at 20)
NUDGES = (0, -0.5, 0.5, -1, 1, -1.5, 1.5)
"""How far (in lines, up first) a kecamatan's name may move from its point to clear another's."""


def _offset(place: str, font: int) -> dict:
    """The text mark's alignment and offset from the point for a place ("on": on the point itself)."""
    step, half = font + 2, font // 2 + 3
    right, left = {"align": "left", "dx": 8}, {"align": "right", "dx": -8}
    return {"on": {}, "below": {"dy": step}, "above": {"dy": -step}, "right": right, "left": left,
            "below-right": right | {"dy": half}, "above-right": right | {"dy": -half},
            "below-left": left | {"dy": half}, "above-left": left | {"dy": -half}}[place]


def _context_places(context: pd.DataFrame, feats: list[dict], font: int, map_px: int) -> pd.DataFrame:
    """The kecamatan with their names' points moved where, on a slide map `map_px` high, a name would cover one
    placed before it: up or down by the least of NUDGES that clears it (Metro Barat's name lies just under
    Metro Timur's). The move is in degrees, so on a larger map the names stand further apart."""
    px = map_px / _lat_span(feats)
    placed, lats = [], []
    for c in context.itertuples(index=False):
        def box(nudge, c=c):
            return label_box(c.region_name, c.label_lon, c.label_lat - nudge * LINE * font / px, font, "on", px)
        nudge = min(NUDGES, key=lambda n: (sum(_overlap(box(n), b) for b in placed), NUDGES.index(n)))
        placed.append(box(nudge))
        lats.append(c.label_lat - nudge * LINE * font / px)
    return context.assign(label_lat=lats)


def _name_places(named: list[dict], context: pd.DataFrame | None, feats: list[dict], font: int, context_font: int,
                 map_px: int) -> list[dict]:
    """Where each named region's label goes: on its point on a map without kecamatan names; else below it, or
    the first place of PLACES that keeps it clear of the kecamatan names and of the names already placed (on a
    slide, Iring Mulyo lies just above "Metro Timur"). Text boxes are estimated at the size a city map has on
    a slide (`map_px` high). The selected region is always named (where every place touches something,
    the least covered); a highest or lowest region with no clear place is left out."""
    def row(f, place):
        return {"region_name": f["region_name"], "label_lon": f["label_lon"], "label_lat": f["label_lat"], "place": place}

    if context is None or not len(context):
        return [row(f, "on") for f in named]
    px = map_px / _lat_span(feats)
    taken = [label_box(c.region_name, c.label_lon, c.label_lat, context_font, "on", px) for c in context.itertuples(index=False)] \
        if len(context) <= MAX_LABELS else []
    left, right = _lon_extent(feats, px)
    out = []
    for f in sorted(named, key=lambda f: not f["selected"]):  # the selected region first: it is always named
        boxes = {place: label_box(f["region_name"], f["label_lon"], f["label_lat"], font, place, px) for place in PLACES}
        # beyond the map's left or right edge a name is cut off ("anjar Agung"): that counts as covered
        covered = {place: sum(_overlap(b, t) for t in taken) + (max(0.0, left - b[0]) + max(0.0, b[2] - right)) * (b[3] - b[1])
                   for place, b in boxes.items()}
        place = min(PLACES, key=lambda p: (covered[p], PLACES.index(p)))
        if covered[place] and not f["selected"]:
            continue  # a highest or lowest region with no clear place stays unnamed: a pile of names helps nobody
        taken.append(boxes[place])
        out.append(row(f, place))
    return out


def label_box(name: str, lon: float, lat: float, size: int, place: str, px: float) -> tuple[float, float, float, float]:
    """A name's box on screen (left, top, right, bottom, in pixels) at `px` pixels per degree: Mercator is
    near enough to linear this close to the equator; bold sans takes about 0.5 of the size per letter
    (measured on a slide)."""
    w, h = 0.55 * size * len(name), LINE * size
    offset = _offset(place, size)
    x, y = lon * px + offset.get("dx", 0), -lat * px + offset.get("dy", 0)
    left = {"left": x, "right": x - w}.get(offset.get("align"), x - w / 2)  # where the text starts
    return left, y - h / 2, left + w, y + h / 2


def _overlap(a: tuple, b: tuple) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _lon_extent(feats: list[dict], px: float) -> tuple[float, float]:
    """The map's left and right edge in the pixels label_box uses: from the polygons, else without bounds."""
    lons = [pt[0] for f in feats if "geometry" in f for pt in _points(f["geometry"])]
    return (min(lons) * px, max(lons) * px) if lons else (float("-inf"), float("inf"))


def _lat_span(feats: list[dict]) -> float:
    """The map's height in degrees: from the polygons where the features carry them, else from the label points."""
    lats = [pt[1] for f in feats if "geometry" in f for pt in _points(f["geometry"])]
    if not lats:
        lats = [f["label_lat"] for f in feats]
        return max(max(lats) - min(lats), 1e-6) * 1.25  # the polygons reach beyond their label points
    return max(max(lats) - min(lats), 1e-6)


def _points(geometry: dict):
    coords = geometry.get("coordinates", [])
    stack = [coords]
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], (int, float)):
            yield item
        else:
            stack.extend(item)


def _shape_source(dataset: str, url: str | None, lookup: bool = True):
    """A maker of charts over the shapes: the named inline dataset, or the static GeoJSON file with its
    properties lifted to the top and (for the regions coloured) the values joined by region code."""
    if url is None:
        return lambda: alt.Chart(alt.Data(name=dataset))

    def chart():
        c = alt.Chart(alt.Data(url=url, format=alt.DataFormat(type="json", property="features"))).transform_calculate(
            region_code="datum.properties.region_code", label_lon="datum.properties.label_lon", label_lat="datum.properties.label_lat")
        if not lookup:
            return c.transform_calculate(region_name="datum.properties.region_name")
        return c.transform_lookup(lookup="region_code", from_=alt.LookupData(data=alt.Data(name=dataset), key="region_code", fields=VALUE_FIELDS))

    return chart


def _labels(source, size: int, italic: bool = False, **offset) -> list[alt.Chart]:
    """A name with a white halo: one text layer stroked white under one in black; `offset`: dx, dy, align."""
    text = source().encode(longitude=alt.Longitude("label_lon:Q"), latitude=alt.Latitude("label_lat:Q"), text=alt.Text("region_name:N"))
    style = dict(fontSize=size, fontWeight="bold", fontStyle="italic" if italic else "normal", **offset)
    return [text.mark_text(stroke="white", strokeWidth=4, strokeJoin="round", **style), text.mark_text(color="#111111", **style)]

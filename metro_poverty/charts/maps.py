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



def map_classes(values: pd.DataFrame, ind: Indicator, lang: str, level: str) -> Classes:
    if ind.polarity == "change":
        return classify_change(values["value"].tolist(), ind.decimals, lang)
    k = 5 if level == "kelurahan" else 3
    return classify(values["value"].tolist(), ind.decimals, lang, k=k, method="quantile")


def features(shapes: pd.DataFrame, values: pd.DataFrame, ind: Indicator, lang: str, classes: Classes, selected: str | None) -> list[dict]:
    """One GeoJSON feature per shape with the properties the map encodes and its tooltip shows."""
    by_code = values.set_index("region_code").to_dict("index") if len(values) else {}
    no_data = t("map.no_data", lang)
    out = []
    for s in shapes.itertuples(index=False):
        v = by_code.get(s.region_code, {})
        value = v.get("value")
        out.append({
            "type": "Feature",
            "geometry": json.loads(s.geometry_json),
            "region_code": s.region_code,
            "region_name": s.region_name,
            "value_text": ind.fmt(value, lang) if value is not None else no_data,
            "class_label": classes.label_of(value) if value is not None else no_data,
            "period": str(v.get("period", "")),
            "status_text": t(f"status.{v['status']}", lang) if "status" in v else "",
            "source": v.get("source_publisher", ""),
            "selected": s.region_code == selected,
            "label_lon": s.label_lon,
            "label_lat": s.label_lat,
        })
    return out


FEATURES = "features"  # the named dataset holding the GeoJSON features


def choropleth(shapes: pd.DataFrame, values: pd.DataFrame, ind: Indicator, lang: str, level: str, *,
               context: pd.DataFrame | None = None, selected: str | None = None, height: int = 560,
               selection: str | None = None) -> tuple[alt.LayerChart, Classes, dict[str, list]]:
    """The map, its classes, and the datasets to put in the spec (see charts.spec.vega_spec).

    `context` (kecamatan shapes under a kelurahan map) adds their outlines and names, so the room can
    find its way without 22 overlapping labels; the selected region is named too.
    """
    classes = map_classes(values, ind, lang, level)
    feats = features(shapes, values, ind, lang, classes, selected)
    no_data = t("map.no_data", lang)
    domain = list(classes.labels) + ([no_data] if any(f["class_label"] == no_data for f in feats) else [])
    colours = theme.CHANGE_RAMP if ind.polarity == "change" else (theme.ramp(ind.polarity, len(classes.labels)) if classes.labels else [])
    data = alt.Data(name=FEATURES)
    tooltip = [
        alt.Tooltip("region_name:N", title=t(f"level.{level}", lang)),
        alt.Tooltip("value_text:N", title=ind.short(lang)),
        alt.Tooltip("period:N", title=t("common.year", lang)),
        alt.Tooltip("source:N", title=t("common.source", lang)),
        alt.Tooltip("status_text:N", title=t("common.status", lang)),
    ]
    legend = alt.Legend(title=f"{ind.short(lang)} ({ind.unit(lang)})", orient="bottom", direction="horizontal",
                        columns=3, symbolType="square", labelFontSize=15, titleFontSize=15)
    base = alt.Chart(data).mark_geoshape(stroke="white", strokeWidth=1.2).encode(
        color=alt.Color("class_label:N", title=t("map.class", lang), legend=legend,
                        scale=alt.Scale(domain=domain, range=colours + [theme.NO_DATA] * (len(domain) - len(colours)))),
        tooltip=tooltip,
    )
    if selection:  # a click selects a region; Streamlit reports it under this name
        base = base.add_params(alt.selection_point(name=selection, fields=["region_code"], on="click", clear=False))
    layers = [base]
    datasets = {FEATURES: feats}
    names = [f for f in feats if f["selected"]]
    if context is not None and len(context):
        ctx = [{"type": "Feature", "geometry": json.loads(c.geometry_json), "region_name": c.region_name,
                "label_lon": c.label_lon, "label_lat": c.label_lat} for c in context.itertuples(index=False)]
        datasets[CONTEXT] = ctx
        layers.append(alt.Chart(alt.Data(name=CONTEXT)).mark_geoshape(fill=None, stroke="#333333", strokeWidth=2.2))
        layers += _labels(CONTEXT, 15, italic=True)
    elif level == "kecamatan":
        layers += _labels(FEATURES, 16)
    layers.append(alt.Chart(data).transform_filter(alt.datum.selected).mark_geoshape(fill=None, stroke=theme.SELECTED_STROKE, strokeWidth=4.5))
    if names:
        datasets[SELECTED] = names
        layers += _labels(SELECTED, 17)
    chart = alt.layer(*layers).project(type="mercator").properties(height=height, width="container")
    return chart, classes, datasets


CONTEXT = "context"
SELECTED = "selected"


def _labels(dataset: str, size: int, italic: bool = False) -> list[alt.Chart]:
    """A name with a white halo: one text layer stroked white under one in black."""
    text = alt.Chart(alt.Data(name=dataset)).encode(longitude="label_lon:Q", latitude="label_lat:Q", text="region_name:N")
    style = dict(fontSize=size, fontWeight="bold", fontStyle="italic" if italic else "normal")
    return [text.mark_text(stroke="white", strokeWidth=4, strokeJoin="round", **style), text.mark_text(color="#111111", **style)]

"""Regions ranked by an indicator: horizontal bars, worst at the top, the city as a reference line."""

from __future__ import annotations

import altair as alt
import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.charts import theme
from metro_poverty.charts.classes import Classes
from metro_poverty.charts.spec import inline_rows
from metro_poverty.i18n import t



def worst_first(values: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """The rows in the order a ranking draws them, top to bottom."""
    return values.sort_values("value", ascending=ind.polarity == "higher_better", kind="stable")


LABEL_ROOM = 0.2  # of the value axis, after the longest bar, for its value label
PANEL_PLOT_PX = 340  # the plot's width of a ranking's panel on a 1280x720 slide, the narrowest it is drawn (348 px measured)
CHAR_EM = 0.55  # a value label's width per character, in font sizes (bold sans on a slide: 0.52)


def value_texts(values: pd.DataFrame, ind: Indicator, lang: str) -> list[str]:
    """Each bar's value as written after it, with how it is known when a `label_note` column says ('16,92% · dikutip').
    Compact ('Rp 563.561', the unit in the axis title): 'Rp 563.561/kapita/bulan · dikutip' took the plot's width."""
    notes = values["label_note"] if "label_note" in values else [""] * len(values)
    return [ind.fmt_compact(v, lang) + (f" · {n}" if isinstance(n, str) and n else "") for v, n in zip(values.value, notes)]


HALO_PX = 14  # the white outline of a bar's value, as wide as the gap between the bar's end and the value


def value_domain(values: pd.DataFrame, ind: Indicator, lang: str, city_value: float | None = None,
                 font: int = theme.PRESENT_LABEL_SIZE, plot_px: int = PANEL_PLOT_PX) -> tuple[float, float]:
    """One value axis for the panels of a ranking split in two on a slide: from zero to the farthest value, and room
    beyond each bar for its value written after it, on a panel PANEL_PLOT_PX wide ('8,20%' was cut at the panel's
    edge when the axis ended at 8,2; '16,92% · dikutip' when it ended a fifth beyond the longest bar)."""
    ends = [0.0, *(float(v) for v in values.value.dropna())] + ([float(city_value)] if city_value is not None else [])
    low, high = min(ends), max(ends)
    top = high + LABEL_ROOM * (high - low)
    for v, text in zip(values.value, value_texts(values, ind, lang)):
        share = len(text) * CHAR_EM * font / plot_px  # of the panel's width, the label's
        if pd.notna(v) and v > 0 and share < 0.9:
            top = max(top, low + (float(v) - low) / (1 - share))  # the bar's end and its label within the panel
    return low, top


def ranking(values: pd.DataFrame, ind: Indicator, lang: str, classes: Classes, *, city_value: float | None = None,
            selected: str | None = None, bar_px: int = 26, reference_label: str | None = None, font: int = 14,
            domain: tuple[float, float] | None = None) -> alt.LayerChart:
    """values: region_code, region_name, value, rank (1 = best); colours follow the map's classes. An optional
    `label_note` column is written after each value (how the figure is known); `reference_label` names the
    reference line (the city's value by default); `font`: the size of the names and values; `domain`: the
    value axis, when the ranking is one of two panels that must share it."""
    data = values.copy()
    data["value_text"] = value_texts(data, ind, lang)
    data["class_label"] = [classes.label_of(v) for v in data.value]
    data["rank_text"] = [f"{r}" if pd.notna(r) else "" for r in data["rank"]]
    data["selected"] = data.region_code == selected
    order = list(worst_first(data, ind).region_name)
    colours = theme.ramp(ind.polarity, len(classes.labels))
    y = alt.Y("region_name:N", sort=order, title=None, axis=alt.Axis(labelFontSize=font, labelLimit=220 * font // 14, labelOverlap=False))
    if domain is None:
        x = alt.X("value:Q", title=ind.titled(lang), scale=alt.Scale(zero=True), axis=alt.Axis(tickCount=theme.WIDE_TICKS, labelFlush=True))
    else:  # one of two panels: the same ticks on both, whatever the width their names leave (Vega counts by width)
        x = alt.X("value:Q", title=ind.titled(lang), scale=alt.Scale(domain=list(domain), nice=True),
                  axis=alt.Axis(tickCount=theme.PANEL_TICKS, labelFlush=True))  # "40" was cut at the edge
    tooltip = [alt.Tooltip("region_name:N", title=t("common.region", lang)), alt.Tooltip("value_text:N", title=ind.short(lang)),
               alt.Tooltip("rank_text:N", title=t("dimension.rank", lang))]
    base = alt.Chart().encode(y=y)  # the data is the layer's (see charts.trend)
    bars = base.mark_bar(height={"band": 0.78}).encode(
        x=x,
        color=alt.Color("class_label:N", scale=alt.Scale(domain=list(classes.labels), range=colours), legend=None),
        stroke=alt.StrokeValue(None, condition={"test": "datum.selected", "value": theme.SELECTED_STROKE}),
        strokeWidth=alt.StrokeWidthValue(0, condition={"test": "datum.selected", "value": 3}),
        tooltip=tooltip,
    )
    value_text = base.encode(x=alt.X("value:Q"), text=alt.Text("value_text:N"))
    text_style = dict(align="left", dx=HALO_PX // 2, fontSize=font)  # the halo then ends at the bar's end, never over it
    layers = [bars]
    if city_value is not None:  # the reference line under the values: a value it crosses stays readable
        label = reference_label or t("dimension.city_line", lang, value=ind.fmt(city_value, lang))
        rule = alt.InlineData(values=[{"value": float(city_value), "label": label}])
        layers.append(alt.Chart(rule).mark_rule(color=theme.INK, strokeDash=[6, 4], strokeWidth=2).encode(x=alt.X("value:Q")))
        if reference_label is None:  # a named reference line is explained beside the chart, where it has room
            # written away from the right edge when the line is near it ('Kota Metro: 96,0%' was cut off there)
            # and centred over it near the middle of a slide's half-width panel ('Kota Metro: 5,48%' at 55% ran past
            # the right panel's edge; written to its left it would run into the names)
            top = max([float(city_value), *(float(v) for v in data.value.dropna())]) if domain is None else domain[1]
            share = float(city_value) / top if top > 0 else 0.0
            align, dx = ("right", -5) if share >= 0.65 else ("center", 0) if share > 0.35 else ("left", 5)
            # high enough that the top bar's value and its halo never cover its comma ("5,48%" read "5.48%" on a slide)
            layers.append(alt.Chart(rule).mark_text(align=align, dx=dx, dy=-12, fontSize=font, fontWeight="bold", color=theme.INK)
                          .encode(x=alt.X("value:Q"), y=alt.YValue(0), text=alt.Text("label:N")))
    # each value with a white halo (a stroked copy under it), as the map's names have
    layers += [value_text.mark_text(stroke="white", strokeWidth=HALO_PX, strokeJoin="round", **text_style),  # the gaps between
               # glyphs too, where the reference line crossed "5,|10%" and read as a digit on a projector (at 10 px it still
               # showed above the comma of '5,01%' on a slide)
               value_text.mark_text(color=theme.INK, **text_style)]
    return alt.layer(*layers, data=inline_rows(data), height=max(160, bar_px * len(data)), width="container")

"""Two years side by side for every region: a dot for each year joined by a line, coloured by whether
the region improved (green) or worsened (red); regions whose values belong to different series are grey."""

from __future__ import annotations

import altair as alt
import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.charts import theme
from metro_poverty.charts.spec import inline_rows
from metro_poverty.i18n import t

DIRECTION_COLORS = {"better": theme.BETTER, "worse": theme.WORSE, "same": "#777777", "not_comparable": "#bbbbbb"}


def value_domain(change: pd.DataFrame) -> tuple[float, float]:
    """Both years' values: the axis two panels of one comparison share."""
    values = pd.concat([change.value_base, change.value_latest]).dropna()
    return float(values.min()), float(values.max())


def dumbbell(change: pd.DataFrame, ind: Indicator, lang: str, base: int, latest: int, bar_px: int = 30, font: int = 14,
             domain: tuple[float, float] | None = None) -> alt.LayerChart:
    """change: rows of metro_poverty.compare.change_between; `font`: the size of the names; `domain`: the value
    axis, when the chart is one of two panels that must share it."""
    data = change.copy()
    data["direction_text"] = [t(f"dimension.direction.{d}", lang) for d in data.direction]
    data["base_text"] = [ind.fmt(v, lang) for v in data.value_base]
    data["latest_text"] = [ind.fmt(v, lang) for v in data.value_latest]
    data["change_text"] = [ind.fmt(v, lang, with_unit=False) if pd.notna(v) else "–" for v in data.change]
    order = list(data.region_name)
    # outer padding of a row: the first name is never pushed against the one below it at the top of a slide's panel
    y = alt.Y("region_name:N", sort=order, title=None, scale=alt.Scale(padding=1),
              axis=alt.Axis(labelFontSize=font, labelLimit=220 * font // 14, labelOverlap=False))
    x_title = ind.titled(lang)
    # only the directions drawn: with every region not comparable, 'Membaik · Memburuk · Tetap' named nothing on
    # screen and pushed 'Tidak sebanding (…)' past the right edge at 1280 px
    directions = [d for d in DIRECTION_COLORS if d in set(data.direction)] or list(DIRECTION_COLORS)
    # 'Tidak sebanding (…)' whole; two panels on a slide have the page's coloured counts line for a legend, and the
    # slide's summary line names the indicator (the height they would take is the rows')
    panel = domain is not None
    colour = alt.Color("direction_text:N", title=None, legend=None if panel else alt.Legend(orient="top", labelLimit=0, columns=min(len(directions), 3)),
                       scale=alt.Scale(domain=[t(f"dimension.direction.{d}", lang) for d in directions],
                                       range=[DIRECTION_COLORS[d] for d in directions]))
    tooltip = [alt.Tooltip("region_name:N", title=t("common.region", lang)), alt.Tooltip("base_text:N", title=str(base)),
               alt.Tooltip("latest_text:N", title=str(latest)), alt.Tooltip("change_text:N", title=t("dimension.change", lang)),
               alt.Tooltip("direction_text:N", title=t("dimension.direction.title", lang))]
    scale = alt.Scale(zero=False) if domain is None else alt.Scale(domain=list(domain), nice=True)
    # Vega counts ticks by width: across a slide that was a label every 0.2 points, the first two and the last two
    # run together ("4,0 4,2" … "8,8 9,0"); two panels get the same ticks, whatever width their names leave
    axis = alt.Axis(tickCount=theme.PANEL_TICKS if panel else theme.WIDE_TICKS, labelFlush=True)  # the last label within the plot
    base_chart = alt.Chart().encode(y=y, tooltip=tooltip)  # the data is the layer's (see charts.trend)
    # no segment between two values of different series: they are not a change
    rule = base_chart.transform_filter("datum.direction != 'not_comparable'").mark_rule(strokeWidth=3).encode(
        x=alt.X("value_base:Q", title=None if panel else x_title, scale=scale, axis=axis), x2=alt.X2("value_latest:Q"), color=colour)
    start = base_chart.mark_point(size=120, filled=True, color="#9a9a9a").encode(x=alt.X("value_base:Q", scale=scale))
    end = base_chart.mark_point(size=170, filled=True).encode(x=alt.X("value_latest:Q", scale=scale), color=colour)
    return alt.layer(rule, start, end, data=inline_rows(data), height=max(160, bar_px * len(data)), width="container")

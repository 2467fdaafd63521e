"""Completeness as a heat map: indicators down, regions across, each cell the share of the indicator's
years in which the region has a value. A gap is the worse state, so it takes the dark red."""

from __future__ import annotations

import altair as alt
import pandas as pd

from metro_poverty import numfmt
from metro_poverty.charts import theme
from metro_poverty.charts.spec import inline_rows
from metro_poverty.i18n import t


def coverage_heatmap(coverage: pd.DataFrame, lang: str) -> alt.Chart:
    """coverage: rows of queries/coverage_by_indicator_region.sql plus an `indicator` label column."""
    data = coverage.copy()
    data["share"] = data.n_present / data.n_periods
    data["share_text"] = [f"{p} / {n} ({numfmt.percent(100 * s, 0, lang)})" for p, n, s in zip(data.n_present, data.n_periods, data.share)]
    order = list(dict.fromkeys(data.sort_values("sort_order").region_name))
    return alt.Chart(inline_rows(data)).mark_rect(stroke="white", strokeWidth=1).encode(
        x=alt.X("region_name:N", sort=order, title=None, axis=alt.Axis(labelAngle=-50, labelLimit=160, labelOverlap=False)),  # every kelurahan named
        y=alt.Y("indicator:N", title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("share:Q", title=t("reconcile.col.share", lang),
                        scale=alt.Scale(domain=[0, 1], range=[theme.WORSE_RAMP[5][-1], theme.WORSE_RAMP[5][0]]),
                        legend=alt.Legend(format=".0%", orient="top")),
        tooltip=[alt.Tooltip("indicator:N", title=t("reconcile.col.indicator", lang)), alt.Tooltip("region_name:N", title=t("reconcile.col.region", lang)),
                 alt.Tooltip("share_text:N", title=t("reconcile.col.share", lang))],
    ).properties(height=max(160, 26 * data.indicator.nunique()), width="container")

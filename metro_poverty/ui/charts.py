"""Draw charts from cached Vega-Lite specs: a rerun that changes nothing in a chart rebuilds nothing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.charts import theme
from metro_poverty.ui import cache


@st.cache_data(show_spinner=False, max_entries=512, persist="disk")
def _trend_spec(frame: pd.DataFrame, code: str, lang: str, colors: tuple | None, target: float | None, height: int) -> dict:
    from metro_poverty.charts.spec import vega_spec
    from metro_poverty.charts.trend import trend

    chart = trend(frame, cache.catalogue()[code], lang, colors=dict(colors) if colors else None, target=target, height=height)
    return vega_spec(theme.configure(chart, lang))


def trend_spec(frame: pd.DataFrame, code: str, lang: str, *, colors: dict | None = None, target: float | None = None, height: int = 380) -> dict:
    return _trend_spec(frame, code, lang, tuple(sorted(colors.items())) if colors else None, target, height)


def trend_chart(frame: pd.DataFrame, code: str, lang: str, **options) -> None:
    st.vega_lite_chart(spec=trend_spec(frame, code, lang, **options), width="stretch")


def area_colors(frame: pd.DataFrame) -> dict[str, str]:
    """Metro, Lampung and Indonesia in their fixed colours, keyed by the names in the frame."""
    pairs = frame[["region_code", "region_name"]].drop_duplicates()
    return {r.region_name: theme.AREA_COLORS[r.region_code] for r in pairs.itertuples() if r.region_code in theme.AREA_COLORS}


P0_TREND_HEIGHT = 420


def p0_trend(published: pd.DataFrame, lang: str, draw: bool = True) -> pd.DataFrame:
    """The P0 of Metro, Lampung and Indonesia over all years; returns the rows drawn."""
    p0 = published[published.indicator_code == "p0"]
    spec = trend_spec(p0, "p0", lang, colors=area_colors(p0), height=P0_TREND_HEIGHT)
    if draw:
        st.vega_lite_chart(spec=spec, width="stretch")
    return p0

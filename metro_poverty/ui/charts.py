"""Draw charts from cached Vega-Lite specs: a rerun that changes nothing in a chart rebuilds nothing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.charts import theme, vega_spec
from metro_poverty.charts.trend import trend
from metro_poverty.ui import cache


@st.cache_data(show_spinner=False, max_entries=512)
def _trend_spec(frame: pd.DataFrame, code: str, lang: str, colors: tuple | None, target: float | None, height: int) -> dict:
    chart = trend(frame, cache.catalogue()[code], lang, colors=dict(colors) if colors else None, target=target, height=height)
    return vega_spec(theme.configure(chart, lang))


def trend_chart(frame: pd.DataFrame, code: str, lang: str, *, colors: dict | None = None, target: float | None = None, height: int = 380) -> None:
    spec = _trend_spec(frame, code, lang, tuple(sorted(colors.items())) if colors else None, target, height)
    st.vega_lite_chart(spec=spec, width="stretch")

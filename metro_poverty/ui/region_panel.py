"""Beside the map: the selected region's value, rank, gap to the city and to the target, its trend, and
the way to its profile; or, with nothing selected, the city value and how to select."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from metro_poverty import compare, numfmt
from metro_poverty.brackets import unnested
from metro_poverty.catalog import Indicator
from metro_poverty.headline import COUNTRY
from metro_poverty.i18n import t
from metro_poverty.ui import badges, cache, charts, presentation

PROFILE_PAGE = "views/region_profile.py"


NARROW_POINTS = 1.0  # a percentage's areas closer than this (in points) are said to differ little


def narrow_range(values: pd.Series, ind: Indicator, lang: str) -> str | None:
    """'Antarwilayah hanya berbeda 0,4 poin (99,6–100,0%)…' when a percentage's areas all lie within NARROW_POINTS:
    the map's classes are quantiles, so its darkest colour marks the lowest of values nearly alike."""
    values = values.dropna()
    if ind.unit("id") != "%" or len(values) < 2 or values.max() - values.min() >= NARROW_POINTS:
        return None
    return t("dimension.narrow_range", lang, spread=ind.fmt(values.max() - values.min(), lang, with_unit=False),
             low=ind.fmt(values.min(), lang, with_unit=False), high=ind.fmt(values.max(), lang))


def panel(ind: Indicator, level: str, period: int, lang: str) -> None:
    values = cache.read("indicator_history_by_level", indicator=ind.code, level=level)
    city = cache.read("indicator_history_by_level", indicator=ind.code, level="city")
    region = st.session_state.get("region")
    now = values[values.period == period]
    present = presentation.active()
    selected = region is not None and region in set(now.region_code)
    narrow = narrow_range(now.value, ind, lang)
    if narrow and not (present and selected):  # 22 kelurahan within 99,6–100,0%: the darkest class read as a problem in
        st.caption(narrow)                      # the room (a slide's panel with a region has no room left for it)
    if not selected:
        (st.caption if present else partial(st.info, icon=":material/touch_app:"))(t("dimension.click_hint", lang))
        if len(now):
            ref = compare.city_reference(city, now.source_id.iloc[0], period, now.series.iloc[0])
            st.metric(t("dimension.city_value", lang), ind.fmt(ref, lang) if ref is not None else "–", border=True)
            _illustrative_badge(now, lang)
        return
    s = compare.standing(values, city, ind, region, period)
    name = now.loc[now.region_code == region, "region_name"].iloc[0]
    st.subheader(name)
    delta = None
    compared = s.gap_to_city is not None and not ind.is_count
    if compared:
        # st.metric reads an ASCII sign; a gap between two percentages is in points ('+14,8 poin', not a relative 14,8%)
        gap = numfmt.signed(s.gap_to_city, ind.decimals, lang).replace("−", "-") + ind.difference_unit(lang)
        # the panel is a quarter of the page: the short comparison fits its chip ('-2,2 poin dibanding kota (96,…' was
        # cut at 1280 px), the city's value gets a line of its own
        delta = t("dimension.vs_city_short", lang, diff=gap)
    st.metric(f"{ind.short(lang)}, {period}", ind.fmt(s.value, lang), delta=delta, delta_color=ind.delta_color, border=True)
    _illustrative_badge(now[now.region_code == region], lang)
    if compared:
        st.markdown(t("dimension.city_line", lang, value=ind.fmt(s.city_value, lang)))
    if s.rank is not None:
        st.markdown(t("dimension.rank_of", lang, rank=s.rank, n=s.n_ranked))
    if ind.target is not None:  # DOMAIN §6: a target belongs to its area and source, so a kelurahan is not 'below' it
        area = t("level.country" if ind.meta.get("target_region") == COUNTRY else "level.city", lang).lower()
        st.caption(t("dimension.target_not_here", lang, target=ind.fmt_target(lang), note=unnested(ind.target_note(lang)), area=area,
                     level=t(f"level.{level}", lang).lower()))
    if present:  # on a slide: the value, the rank and the target; the trend and links wait for the page
        return
    lines = pd.concat([city[city.source_id.isin(set(values.source_id))], values[values.region_code == region]], ignore_index=True)
    if ind.is_count:
        lines = values[values.region_code == region]
    charts.trend_chart(lines, ind.code, lang, height=260, compact=True, colors=charts.city_first_colors(lines))
    badges.series_break_note(lines, lang, in_slide=False)  # the panel's line breaks where the register changed, too
    st.page_link(PROFILE_PAGE, label=t("dimension.open_profile", lang, name=name), icon=":material/location_city:",
                 query_params={"region": region, "year": str(st.session_state.get("year"))})
    st.button(t("dimension.clear", lang), icon=":material/close:", on_click=_clear)


def _illustrative_badge(rows: pd.DataFrame, lang: str) -> None:
    """Right under a card whose figures are made up, its status: a kelurahan named last of 22 on a projector had
    the word only above the map and in the footnote, not beside its number (in the card's label it was cut at 1280)."""
    if "illustrative" in set(rows.status):
        badges.status_badge("illustrative", lang)


def _clear() -> None:
    st.session_state["region"] = None

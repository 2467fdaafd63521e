"""One page design for the four dimensions: pick an indicator, then see it as a map, a ranking, a trend,
a comparison of two years or a table. Every choice is in the URL."""

from __future__ import annotations

import streamlit as st

from metro_poverty.catalog import Indicator, by_dimension
from metro_poverty.compare import fallback_key, period_shown
from metro_poverty.i18n import t
from metro_poverty.ui import cache, dimension_views, frame, indicator_card, maps, presentation, url
from metro_poverty.url_state import Param, optional_text

VIEWS = ("map", "rank", "trend", "compare", "table")
PAGE_DIMENSIONS = ("income", "education", "health", "basic_services")


def indicators_of(dimension: str) -> list[Indicator]:
    """The dimension's indicators that have data, those with a map first (they are what the room discusses),
    otherwise in the catalogue's order."""
    inds = [i for i in by_dimension(cache.catalogue(), dimension) if i.levels]
    return sorted(inds, key=lambda i: not i.map_levels)


def render(dimension: str) -> None:
    lang, year = frame.lang(), frame.year()
    inds = indicators_of(dimension)
    ind_param = Param("ind", [i.code for i in inds], inds[0].code)
    url.restore([ind_param])
    ind = cache.catalogue()[st.session_state["ind"]]
    state = _restore_view_params(ind) if ind.map_levels else None

    level = st.session_state.get("level") if state is not None else None
    period = maps.shown_period(ind, level, year) if level else dimension_views.macro_period(ind, year)
    # what an agenda step added from here is named by: the year of the figures on screen (frame._add_to_agenda)
    st.session_state[frame.SHOWN_PERIOD] = (st.session_state.get(url.LAST_PAGE), year, period)
    # the year of the figures shown: 2024 when the year chosen (2025) has none yet (the view says so)
    presentation.title(t("dimension.title", lang, dimension=t(f"dimension.name.{dimension}", lang), year=period or year),
             help=t(f"dimension.about.{dimension}", lang))
    url.show_notices()
    with presentation.controls(summary(ind, level, period, lang, year)):
        _controls(inds, ind, lang)
    if state is None:
        dimension_views.macro(ind, lang, year, period)
        return
    if period is None:
        st.info(t("dimension.no_data", lang))
        return
    # the map says it beside its legend, a slide in its summary
    if period != year and st.session_state["view"] != "map" and not presentation.active():
        st.caption(t(fallback_key("map.fallback_year", period, year), lang, indicator=ind.short(lang), year=year, shown=period))
    dimension_views.VIEW_FUNCTIONS[st.session_state["view"]](ind, level, period, lang, year)


def summary(ind: Indicator, level: str | None, period: int | None, lang: str, year: int | None = None) -> str:
    """The controls in one line, for a slide: 'Stunting (e-PPGBM) · Kelurahan · Peta · 2024 (2025 belum ada)'."""
    parts = [ind.short(lang)]
    if level:
        parts += [t(f"level.{level}", lang), t(f"dimension.view_name.{st.session_state.get('view', 'map')}", lang)]
    if period:
        parts.append(maps.period_text(period, year, lang))
    return " · ".join(parts)


def _restore_view_params(ind: Indicator) -> dict:
    levels = list(ind.map_levels)
    lang = frame.lang()
    url.restore([Param("level", levels, levels[0], label=lambda v: t(f"level.{v}", lang)),
                 Param("view", VIEWS, "map", label=lambda v: t(f"dimension.view_name.{v}", lang))])
    level = st.session_state["level"]
    periods = [int(p) for p in cache.read("indicator_periods_by_level", indicator=ind.code, level=level).period]
    regions = cache.regions()
    codes = [None] + list(regions[regions.level == level].region_code)
    # the year compared with is one before the year shown: 'cmp=2024' beside 2024's map fell back without a notice
    shown = period_shown(periods, frame.year())
    earlier = [p for p in periods if shown is not None and p < shown] or periods
    url.restore([Param("cmp", earlier, earlier[0]), Param("region", codes, None, to_text=optional_text)])
    if st.session_state["view"] == "trend":
        url.restore([dimension_views.trend_param(codes[1:], st.session_state["region"], lang)])
    return {"periods": periods}


def _controls(inds: list[Indicator], ind: Indicator, lang: str) -> None:
    c1, c2, c3 = st.columns([5, 3, 2], vertical_alignment="bottom")
    c1.selectbox(t("dimension.indicator", lang), [i.code for i in inds], key="ind",
                 format_func=lambda code: cache.catalogue()[code].name(lang), placeholder=t("common.choose", lang))
    if ind.map_levels:
        c2.segmented_control(t("dimension.level", lang), list(ind.map_levels), key="level", required=True,
                             format_func=lambda v: t(f"level.{v}", lang))
    with c3:
        indicator_card.metadata_popover(ind, lang)
    # a row that wraps: on a narrow screen (a projector at 1280x720) the badge goes below, never cut off
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        if ind.map_levels:
            st.segmented_control(t("dimension.view", lang), VIEWS, key="view", required=True, label_visibility="collapsed",
                                 format_func=lambda v: t(f"dimension.view_name.{v}", lang))
        indicator_card.kind_badge(ind, lang)

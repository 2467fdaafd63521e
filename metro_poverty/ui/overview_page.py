"""Ringkasan: headline figures of the year, the P0 trend against Lampung and Indonesia, and a map."""

from __future__ import annotations

import streamlit as st

from metro_poverty.headline import CITY, macro_notice
from metro_poverty.i18n import t
from metro_poverty.ui import badges, cache, charts, downloads, frame, maps, metrics, presentation, url
from metro_poverty.url_state import Param


def render() -> None:
    lang, year = frame.lang(), frame.year()
    catalogue = cache.catalogue()
    map_choices = maps.map_indicator_choices(catalogue)
    map_param = Param("map_ind", [i.code for i in map_choices], maps.OVERVIEW_MAP_DEFAULT)
    url.restore([map_param])
    levels = list(catalogue[st.session_state["map_ind"]].map_levels)
    level_param = Param("level", levels, levels[0])
    url.restore([level_param])

    st.title(t("overview.title", lang, year=year))
    url.show_notices()

    published = metrics.published()
    if not presentation.active():
        st.subheader(t("overview.headline", lang))
        st.caption(macro_notice(catalogue, lang))
    with presentation.slide(presentation.ABOVE_SLIDE_PX - 60):  # on a slide the headline figures are the figure
        metrics.headline_row(metrics.headlines(year), catalogue, lang)
    if presentation.active():
        st.caption(macro_notice(catalogue, lang))
    shown = published[(published.region_code == CITY) & (published.period == year)]
    st.caption(t("provenance.sampling", lang))
    metrics.kabkota_standing(year, catalogue, lang)
    badges.show_source_line(shown, lang)
    downloads.city_brief(year, lang)

    p0 = published[published.indicator_code == "p0"]
    trend_title = t("overview.trend_title", lang, first=int(p0.period.min()), last=int(p0.period.max()))
    st.subheader(trend_title)
    charts.p0_trend(published, lang, title=trend_title)
    badges.show_source_line(p0, lang)

    st.divider()
    ind = catalogue[st.session_state["map_ind"]]
    c1, c2, _ = st.columns([3, 2, 2])
    c1.selectbox(t("overview.map_indicator", lang), map_param.options, key="map_ind", format_func=lambda c: catalogue[c].name(lang),
                 placeholder=t("common.choose", lang))
    c2.segmented_control(t("overview.map_level", lang), level_param.options, key="level", required=True, format_func=lambda v: t(f"level.{v}", lang))
    maps.indicator_map(ind, st.session_state["level"], year, lang, title_key="overview.map_title")

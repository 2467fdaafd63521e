"""Ringkasan: headline figures of the year, the P0 trend against Lampung and Indonesia, and a map.

At a desk the three are one page. On a slide each is one screen, chosen with one click (the URL's `view`)."""

from __future__ import annotations

import streamlit as st

from metro_poverty.headline import CITY, macro_notice, previous_year
from metro_poverty.i18n import t
from metro_poverty.ui import badges, cache, charts, downloads, frame, maps, metrics, presentation, url
from metro_poverty.url_state import Param

VIEWS = ("headline", "trend", "map")  # a slide's views; at a desk the page shows all three
HEADLINE_PER_ROW = 3


def render() -> None:
    lang, year = frame.lang(), frame.year()
    catalogue = cache.catalogue()
    map_choices = maps.map_indicator_choices(catalogue)
    map_param = Param("map_ind", [i.code for i in map_choices], maps.OVERVIEW_MAP_DEFAULT)
    url.restore([map_param, Param("view", VIEWS, "headline", label=lambda v: t(f"overview.view_name.{v}", lang))])
    levels = list(catalogue[st.session_state["map_ind"]].map_levels)
    level_param = Param("level", levels, levels[0], label=lambda v: t(f"level.{v}", lang))
    url.restore([level_param])

    published = metrics.published()
    if presentation.active():
        # the view picker on the title's line: the slide below keeps the height it has on every page. Under an
        # agenda's step bar neither: the step names the slide and fixes its view (the picker let the room drift
        # from it), and the figures get the height (a second row of cards was cut off)
        if presentation.bar_shown():
            presentation.title(t("overview.title", lang, year=year))
        else:
            with st.container(horizontal=True, vertical_alignment="center", gap="large"):
                st.title(t("overview.title", lang, year=year), width="content")
                st.segmented_control(t("overview.view", lang), VIEWS, key="view", required=True, label_visibility="collapsed",
                                     format_func=lambda v: t(f"overview.view_name.{v}", lang))
        url.show_notices()
        {"headline": _headline_slide, "trend": _trend, "map": _map}[st.session_state["view"]](
            published, catalogue, year, lang, map_param=map_param, level_param=level_param)
        return

    st.title(t("overview.title", lang, year=year))
    url.show_notices()
    st.subheader(t("overview.headline", lang))
    st.caption(macro_notice(catalogue, lang))
    metrics.headline_row(metrics.headlines(year), catalogue, lang)
    _headline_notes(published, catalogue, year, lang)
    _trend(published, catalogue, year, lang)
    st.divider()
    _map(published, catalogue, year, lang, map_param=map_param, level_param=level_param)


def _to_map() -> None:
    """A map chosen at the desk is what a slide or an agenda step of this page then shows."""
    st.session_state["view"] = "map"


def _headline_notes(published, catalogue, year: int, lang: str, sampling: bool = True) -> None:
    # the cards' Lampung and Indonesia figures are sourced too: they are read from other documents than Metro's
    shown = published[published.period == year]
    if sampling:
        st.caption(t("provenance.sampling", lang))
    metrics.kabkota_standing(year, catalogue, lang)
    badges.show_source_line(shown, lang)
    if not presentation.active():  # the brief is a desk's download: a slide gives the room its figures, not a form
        downloads.city_brief(year, lang)


def _headline_slide(published, catalogue, year: int, lang: str, **_) -> None:
    """The figures of the year, large; a figure the store has not for the year is named in one line, not a card.
    With one row of cards there is room on the slide for what they are (survey estimates for the whole city)."""
    headlines = metrics.headlines(year)
    one_row = sum(h.value is not None for h in headlines) <= HEADLINE_PER_ROW
    # two rows of cards leave the source line two lines below the slide: the slide gives it 6 px of its foot
    slide = presentation.slide(presentation.ABOVE_SLIDE_PX - 60 + (0 if one_row else 6))
    with slide, (st.container() if one_row else presentation.tight_cards()):
        missing = metrics.headline_row(headlines, catalogue, lang, per_row=HEADLINE_PER_ROW, with_missing=False)
        if missing:
            st.markdown(t("overview.slide_missing", lang, year=year, items="; ".join(_latest(h, catalogue[h.indicator], lang) for h in missing)))
        if one_row:  # the cards show changes: that they are untested against sampling error is said on the slide too
            st.caption(f"{macro_notice(catalogue, lang)} {t('provenance.sampling_short', lang)}")
    # the cards say how each figure is known; what it is and who released it, right under them on screen (it was
    # at the foot of the page, below the slide): in the slide under one row of cards, below it under two
    with slide if one_row else st.container():  # under two rows, the footnote says the changes are untested: the
        # slide has no room for a line of its own under a step bar, and below the footnote it was off the screen
        badges.slide_footnote(published[(published.region_code == CITY) & (published.period == year)], lang,
                              after="" if one_row else t("provenance.sampling_short", lang), cards_say_match=True)
    if not one_row:
        st.caption(macro_notice(catalogue, lang))
    _headline_notes(published, catalogue, year, lang, sampling=not one_row)


def _latest(h, ind, lang: str) -> str:
    if h.previous_value is None:
        return ind.short(lang)
    return t("overview.slide_missing_item", lang, indicator=ind.short(lang), previous=ind.fmt(h.previous_value, lang, decimals=h.previous_decimals),
             previous_year=previous_year(h, lang))


def _trend(published, catalogue, year: int, lang: str, **_) -> None:
    p0 = published[published.indicator_code == "p0"]
    trend_title = t("overview.trend_title", lang, first=int(p0.period.min()), last=int(p0.period.max()))
    if presentation.active():
        with presentation.slide(presentation.ABOVE_SLIDE_PX - 60):
            charts.p0_trend(published, lang, title=trend_title)
        # alone on a slide, the trend says what the headline cards say: its year-on-year steps are untested
        st.caption(f"{trend_title} · {t('provenance.sampling_short', lang)}")
    else:
        st.subheader(trend_title)
        charts.p0_trend(published, lang, title=trend_title)
    badges.show_source_line(p0, lang)


def _map(published, catalogue, year: int, lang: str, *, map_param: Param, level_param: Param) -> None:
    ind = catalogue[st.session_state["map_ind"]]
    level = st.session_state["level"]
    present = presentation.active()
    period = maps.shown_period(ind, level, year)
    summary = " · ".join([ind.short(lang), t(f"level.{level}", lang)] + ([] if period is None else [maps.period_text(period, year, lang)]))
    with presentation.controls(summary):
        c1, c2, _ = st.columns([3, 3, 1] if not present else [4, 3, 1])  # [3, 2, 2] cut "Kecamatan" at 1280 px
        c1.selectbox(t("overview.map_indicator", lang), map_param.options, key="map_ind", format_func=lambda c: catalogue[c].name(lang),
                     placeholder=t("common.choose", lang), on_change=_to_map)
        c2.segmented_control(t("overview.map_level", lang), level_param.options, key="level", required=True,
                             format_func=lambda v: t(f"level.{v}", lang), on_change=_to_map)
    if not present:
        maps.indicator_map(ind, level, year, lang, title_key="overview.map_title")
        return
    with presentation.slide(presentation.ABOVE_SLIDE_PX):
        drawn = maps.indicator_map(ind, level, year, lang, title_key="overview.map_title", notes=False)
    if drawn is not None:  # right below the slide, on screen (as on a dimension page: inside, it took 53 px from the map)
        badges.slide_footnote(drawn.values, lang)
        st.caption(drawn.title)
        maps.map_notes(drawn, lang)

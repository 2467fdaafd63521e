"""Headline metric cards: value, change from the previous published year, Lampung and Indonesia."""

from __future__ import annotations

import streamlit as st

from metro_poverty import db, numfmt
from metro_poverty.catalog import Indicator
from metro_poverty.headline import CITY, COUNTRY, HEADLINE_INDICATORS, PROVINCE, Headline, caution_notes, headline
from metro_poverty.i18n import t
from metro_poverty.ui import cache


@st.cache_data(show_spinner=False, max_entries=64)
def _headlines(store: str, year: int) -> list[Headline]:
    return [headline(published(), code, year) for code in HEADLINE_INDICATORS]


def published():
    """Every published value of the headline indicators for Metro, Lampung and Indonesia."""
    return cache.read("published_series_by_region", indicators=list(HEADLINE_INDICATORS), regions=[CITY, PROVINCE, COUNTRY])


def headlines(year: int) -> list[Headline]:
    return _headlines(str(db.store_path()), year)


def headline_card(h: Headline, ind: Indicator, lang: str) -> None:
    delta = None
    if h.change is not None:
        # st.metric reads the sign from a leading ASCII '-', so the typographic minus is not used here
        change = numfmt.signed(h.change, ind.decimals, lang).replace("−", "-")
        unit = f" {t('common.points', lang)}" if ind.unit(lang) == "%" else ""
        delta = f"{change}{unit} {t('common.vs_year', lang, year=h.previous_period)}"
    unit = ind.label_unit(lang)
    st.metric(f"{ind.short(lang)} ({unit})" if unit else ind.short(lang),
              ind.fmt_compact(h.value, lang) if h.value is not None else "–",
              delta=delta, delta_color=ind.delta_color, border=True,
              help=f"**{ind.name(lang)}**: {ind.definition(lang)}")
    notes = []
    if h.value is None:
        notes.append(t("common.not_available_for", lang, year=h.period))
    notes += caution_notes(h, lang)
    if h.value is not None and h.previous_value is not None and not h.comparable_previous:
        notes.append(t("common.series_break", lang, year=h.previous_period))
    if h.province_value is not None or h.country_value is not None:
        notes.append(t("overview.compare", lang, province=ind.fmt(h.province_value, lang), country=ind.fmt(h.country_value, lang)))
    if notes:
        st.caption(" · ".join(notes))


def headline_row(headlines: list[Headline], catalogue: dict[str, Indicator], lang: str, per_row: int = 3) -> None:
    for start in range(0, len(headlines), per_row):
        cols = st.columns(per_row)
        for col, h in zip(cols, headlines[start : start + per_row]):
            with col:
                headline_card(h, catalogue[h.indicator], lang)

"""Headline metric cards: value, change from the previous published year, Lampung and Indonesia."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import numfmt
from metro_poverty.catalog import Indicator
from metro_poverty.headline import CITY, COUNTRY, HEADLINE_INDICATORS, PROVINCE, Headline, caution_notes, compare_line, missing_text
from metro_poverty.headline import headlines as headline_values
from metro_poverty.i18n import t
from metro_poverty.provenance import decimals_of
from metro_poverty.ui import cache, presentation


@st.cache_data(show_spinner=False, max_entries=64)
def _headlines(store: str, year: int) -> list[Headline]:
    return headline_values(published(), year)


def published():
    """Every published value of the headline indicators for Metro, Lampung and Indonesia."""
    return cache.read("published_series_by_region", indicators=list(HEADLINE_INDICATORS), regions=[CITY, PROVINCE, COUNTRY])


def headlines(year: int) -> list[Headline]:
    return _headlines(cache.snapshot(), year)


def headline_card(h: Headline, ind: Indicator, lang: str) -> None:
    delta = None
    if h.change is not None:
        # st.metric reads the sign from a leading ASCII '-', so the typographic minus is not used here
        change = numfmt.signed(h.change, decimals_of(h.change_decimals, ind.decimals), lang).replace("−", "-")
        delta = f"{change}{ind.difference_unit(lang)} {t('common.vs_year', lang, year=h.previous_period)}"
    label = ind.titled(lang) if ind.label_unit(lang) else ind.short(lang)  # the figure itself says '%'
    if h.value is None:  # not in the store: said in words, never a blank or a zero
        with st.container(border=True):
            st.markdown(label, help=f"**{ind.name(lang)}**: {ind.definition(lang)}")
            st.markdown(f"#### {t('provenance.not_in_store', lang)}")
    else:
        st.metric(label, ind.fmt_compact(h.value, lang, decimals=h.decimals), delta=delta, delta_color=ind.delta_color, border=True,
                  help=f"**{ind.name(lang)}**: {ind.definition(lang)}")
    notes = []
    if h.value is None:
        notes.append(missing_text(h, ind, lang))
    notes += caution_notes(h, lang, ind.producer, short=presentation.active())
    if h.value is not None and h.previous_value is not None and not h.comparable_previous:
        notes.append(t("common.series_break", lang, year=h.previous_period))
    if (h.province_value is not None or h.country_value is not None) and not presentation.active():  # a slide keeps the card short
        notes.append(compare_line(h, ind.fmt, lang))
    if notes:
        st.caption(" · ".join(notes))


def province_p0() -> pd.DataFrame:
    """P0 of Lampung's kab/kota, every year: what Metro's standing is computed from."""
    return cache.read("kabkota_values", indicators=["p0"], province=PROVINCE)


def kabkota_standing(year: int, catalogue: dict[str, Indicator], lang: str) -> None:
    """Metro's P0 rank among Lampung's kab/kota, computed from the figures, with a link to the view."""
    from metro_poverty import kabkota
    from metro_poverty.provenance import mark_label

    s = kabkota.standing_in(province_p0(), "p0", year, CITY)
    if s is None:
        return
    p0 = catalogue["p0"]
    if not s.ranked:  # too few figures that year to rank (kabkota.ranks), as the Lampung page says
        st.markdown(t("overview.rank_few", lang, year=year, value=p0.fmt(s.value, lang), n=s.n_ranked, total=s.n_peers))
    else:
        lowest = "" if s.is_lowest else t("overview.rank_lowest", lang, name=s.lowest_name, value=p0.fmt(s.lowest_value, lang),
                                                                    mark=mark_label(s.lowest_mark, lang))
        st.markdown(t("overview.rank", lang, year=year, rank=s.rank_low, n=s.n_ranked) + lowest)
    st.page_link("views/kabkota.py", label=t("overview.rank_link", lang), icon=":material/leaderboard:")


def headline_row(headlines: list[Headline], catalogue: dict[str, Indicator], lang: str, per_row: int = 3,
                 with_missing: bool = True) -> list[Headline]:
    """The cards, `per_row` to a row. Without `with_missing`, a figure the store has not for the year gets no
    card (a slide shows figures; it names the missing ones in a line); those are returned."""
    missing = [h for h in headlines if h.value is None]
    shown = headlines if with_missing else [h for h in headlines if h.value is not None]
    for start in range(0, len(shown), per_row):
        cols = st.columns(per_row)
        for col, h in zip(cols, shown[start : start + per_row]):
            with col:
                headline_card(h, catalogue[h.indicator], lang)
    return [] if with_missing else missing

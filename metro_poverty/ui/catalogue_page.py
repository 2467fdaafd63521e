"""Konsep & Definisi: every indicator as a Satu Data metadata card, searchable and filterable, and a
side-by-side comparison of two indicators that are easily confused."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import timefmt
from metro_poverty.catalog import DIMENSIONS, Indicator
from metro_poverty.catalog_search import search
from metro_poverty.fgd import sessions
from metro_poverty.i18n import pick, t
from metro_poverty.records.database import RecordsDamaged
from metro_poverty.ui import cache, folds, frame, indicator_card, presentation, url
from metro_poverty.ui.safe import plain
from metro_poverty.url_state import Param, TextParam

ALL = "all"


def render() -> None:
    lang = frame.lang()
    catalogue = cache.catalogue()
    producers = sorted({i.meta["producer"] for i in catalogue.values()})
    codes = list(catalogue)
    pairs = cache.read("indicator_pairs")
    default_a, default_b = (pairs.indicator_a.iloc[0], pairs.indicator_b.iloc[0]) if len(pairs) else (codes[0], codes[1])
    url.restore([TextParam("q"), Param("dim", (ALL, *DIMENSIONS), ALL), Param("producer", (ALL, *producers), ALL),
                 Param("a", codes, default_a), Param("b", codes, default_b)])
    presentation.title(t("catalogue.title", lang))
    url.show_notices()
    if not presentation.active():  # on a slide the definitions keep the screen
        st.caption(t("catalogue.intro", lang))
        st.caption(t("catalogue.walidata", lang))
    with presentation.controls(_summary(lang)):
        c1, c2, c3 = st.columns([4, 2, 2])
        c1.text_input(t("catalogue.search", lang), key="q", icon=":material/search:", max_chars=60)
        c2.selectbox(t("catalogue.dimension", lang), (ALL, *DIMENSIONS), key="dim",
                     format_func=lambda d: t("catalogue.all", lang) if d == ALL else t(f"dimension.name.{d}", lang),
                     placeholder=t("common.choose", lang))
        c3.selectbox(t("catalogue.producer", lang), (ALL, *producers), key="producer",
                     format_func=lambda p: t("catalogue.all", lang) if p == ALL else p, placeholder=t("common.choose", lang))
    found = filtered(list(catalogue.values()), st.session_state["q"], st.session_state["dim"], st.session_state["producer"])
    try:
        latest = sessions.latest_by_indicator()
    except RecordsDamaged as exc:  # the cards still show; the agreements say why they are missing
        st.error(exc.message(lang), icon=":material/report:")
        latest = {}
    # a slide of a pair compared (an agenda step added after choosing one) shows the pair first: under the 28 cards
    # the room saw P0's definition while the step's title named the pair
    pair_first = presentation.active() and not st.session_state["q"] and bool({"a", "b"} & set(st.query_params))
    if pair_first:
        comparison(catalogue, pairs, lang)
        st.divider()
    st.markdown(f"**{t('catalogue.count', lang, n=len(found))}**")
    if not found:
        st.info(t("catalogue.none", lang))
    for ind in found:
        card(ind, catalogue, lang, latest.get(ind.code))
    if not pair_first:
        st.divider()
        comparison(catalogue, pairs, lang)


def _summary(lang: str) -> str:
    """The folded search and filters on a slide: what they hold, in one line ('«stunting» · Dimensi: Kesehatan ·
    Produsen data: Semua'; 'Semua · Semua · Semua' told the room nothing)."""
    dim, producer = st.session_state.get("dim", ALL), st.session_state.get("producer", ALL)
    query = st.session_state.get("q")
    parts = [f"«{plain(query)}»" if query else t("catalogue.no_search", lang),  # as typed: a link's text made a link
             f"{t('catalogue.dimension', lang)}: " + (t("catalogue.all", lang) if dim == ALL else t(f"dimension.name.{dim}", lang)),
             f"{t('catalogue.producer', lang)}: " + (t("catalogue.all", lang) if producer == ALL else producer)]
    return " · ".join(parts)


def filtered(indicators: list[Indicator], query: str, dimension: str, producer: str) -> list[Indicator]:
    keep = [i for i in indicators if dimension in (ALL, i.dimension) and producer in (ALL, i.meta["producer"])]
    return search(query, keep)


def metadata(ind: Indicator, catalogue: dict[str, Indicator], lang: str) -> list[tuple[str, str]]:
    """The Satu Data card: every field of the catalogue, in the UI language."""
    related = [catalogue[c].short(lang) for c in ind.related_codes if c in catalogue]
    levels = ind.levels
    coverage = (t("catalogue.meta.coverage_value", lang, first=int(ind.meta["first_period"]), last=int(ind.meta["last_period"]),
                  levels=", ".join(t(f"level.{lvl}", lang) for lvl in levels))
                if levels else t("catalogue.meta.no_coverage", lang))
    rows = [
        (t("catalogue.meta.code", lang), ind.code),
        (t("catalogue.meta.name", lang), f"{ind.name('id')} / {ind.name('en')}"),
        (t("catalogue.meta.dimension", lang), t(f"dimension.name.{ind.dimension}", lang)),
        (t("catalogue.meta.macro_micro", lang), t("catalogue.meta.macro" if ind.is_survey_estimate else "catalogue.meta.micro", lang)),
        *indicator_card.card_rows(ind, lang),
        (t("catalogue.meta.aggregation", lang), t(f"catalogue.aggregation.{ind.meta['aggregation']}", lang)),
        (t("catalogue.meta.related", lang), ", ".join(related) or "–"),
        (t("catalogue.meta.coverage", lang), coverage),
    ]
    return rows


def card(ind: Indicator, catalogue: dict[str, Indicator], lang: str, agreement: tuple[dict, dict, int] | None = None) -> None:
    with st.container(border=True):
        st.markdown(f"#### {ind.name(lang)}")
        with st.container(horizontal=True, gap="medium"):
            st.badge(f"{t('catalogue.meta.code', lang)}: {ind.code}", color="gray")  # the name of its column in downloads and files
            st.badge(t(f"dimension.name.{ind.dimension}", lang), color="blue")
            indicator_card.kind_badge(ind, lang)
        st.markdown(ind.definition(lang))
        if agreement:
            session, a, n_agreements = agreement
            st.info(t("agreements.latest", lang, date=timefmt.date(session["date"] or session["created_at"][:10], lang), session=plain(session["title"]),
                      definition=plain(a["definition"]) or "–"), icon=":material/handshake:")
            st.page_link("views/agreements.py", label=t("agreements.history", lang, n=n_agreements),
                         query_params={"session": session["id"]}, icon=":material/history:")
        # drawn only when opened: the page had every card's table under its closed fold, 1,500 table cells whose
        # drawing took the browser 1.3 s of script on every visit (a fold opened is one rerun)
        with folds.lazy_fold(t("catalogue.more", lang), f"{MORE_KEY}{ind.code}") as more:
            if more.open:
                table(metadata(ind, catalogue, lang), lang)


MORE_KEY = "catalogue_more_"  # + an indicator's code: whether its card's full metadata is open


def table(rows: list[tuple[str, str]], lang: str) -> None:
    """A static table: long definitions wrap instead of being cut off."""
    st.table(pd.DataFrame(rows, columns=[t("catalogue.aspect", lang), "–"]).set_index(t("catalogue.aspect", lang)))


def comparison(catalogue: dict[str, Indicator], pairs: pd.DataFrame, lang: str) -> None:
    st.subheader(t("catalogue.compare", lang))
    if not presentation.active():
        st.caption(t("catalogue.compare_intro", lang))
    # on a slide the choice folds into one line naming the pair: the room needs the two definitions, not the form
    chosen = f"{catalogue[st.session_state['a']].short(lang)} ↔ {catalogue[st.session_state['b']].short(lang)}"
    with presentation.controls(chosen):
        with st.container(horizontal=True):  # buttons as wide as their labels, wrapping to a new line when needed
            for r in pairs.itertuples(index=False):
                label = f"{catalogue[r.indicator_a].short(lang)} ↔ {catalogue[r.indicator_b].short(lang)}"
                st.button(label, key=f"pair-{r.indicator_a}-{r.indicator_b}", on_click=_choose, args=(r.indicator_a, r.indicator_b),
                          icon=":material/compare_arrows:")
        c1, c2 = st.columns(2)
        c1.selectbox(t("catalogue.compare_a", lang), list(catalogue), key="a", format_func=lambda c: catalogue[c].name(lang),
                     placeholder=t("common.choose", lang))
        c2.selectbox(t("catalogue.compare_b", lang), list(catalogue), key="b", format_func=lambda c: catalogue[c].name(lang),
                     placeholder=t("common.choose", lang))
    a, b = catalogue[st.session_state["a"]], catalogue[st.session_state["b"]]
    note = pairs[((pairs.indicator_a == a.code) & (pairs.indicator_b == b.code)) | ((pairs.indicator_a == b.code) & (pairs.indicator_b == a.code))]
    if len(note):
        st.info(f"**{t('catalogue.difference', lang)}:** {pick(lang, note.note_id.iloc[0], note.note_en.iloc[0])}", icon=":material/compare_arrows:")
    left, right = metadata(a, catalogue, lang), metadata(b, catalogue, lang)
    side = pd.DataFrame({t("catalogue.aspect", lang): [k for k, _ in left], a.short(lang): [v for _, v in left],
                         b.short(lang): [dict(right).get(k, "–") for k, _ in left]})
    st.table(side.set_index(t("catalogue.aspect", lang)))


def _choose(a: str, b: str) -> None:
    st.session_state["a"], st.session_state["b"] = a, b

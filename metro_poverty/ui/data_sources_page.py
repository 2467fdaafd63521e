"""Sumber & status data: where every figure comes from, what status it has, and what the last build noticed."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from metro_poverty import numfmt
from metro_poverty.source_text import localized
from metro_poverty.exports.tables import table_csv
from metro_poverty.i18n import t
from metro_poverty.timefmt import wib
from metro_poverty.ui import badges, cache, frame, presentation, tables, url


def render() -> None:
    lang = frame.lang()
    presentation.title(t("sources.title", lang))
    url.show_notices()
    info = cache.build_info()
    n = numfmt.number(info["n_observations"], 0, lang) if info.get("n_observations") is not None else "?"
    st.caption(t("sources.build", lang, built=wib(info.get("built_at"), lang), n=n,
                 maps=t(f"frame.map_kind.{info.get('map_kind', 'boundary')}", lang)))
    badges.illustrative_notice(lang)

    st.subheader(t("sources.sources", lang))
    st.markdown(t("sources.model", lang))
    sources = cache.read("sources_with_counts").assign(
        # the project's and the compiler's words in the UI language; a document's title as printed
        reference=lambda f: [localized(x, lang) for x in f.url.fillna(f.locator)],  # whole: a link copied from it works
        title=lambda f: [localized(x, lang) for x in f.title], publisher=lambda f: [_breakable(localized(x, lang)) for x in f.publisher],
        citation_text=lambda f: [t(f"sources.citation.{k if k in ('submitted', 'derived') else c}", lang) for c, k in zip(f.citation, f.kind)],
        status_text=lambda f: [t(f"status_short.{s}", lang) if isinstance(s, str) else "–" for s in f.status],
        years=lambda f: [_years(a, b) for a, b in zip(f.first_period, f.last_period)],
    )
    # what each source gives before where to find it: the long references last, so a narrow screen that cannot
    # show them all still shows every source's status and count
    tables.show(sources, {
        "publisher": t("sources.col.publisher", lang), "title": t("sources.col.title", lang),
        "status_text": t("common.status", lang), "n_values": t("sources.col.n_values", lang), "years": t("sources.col.years", lang),
        "citation_text": t("sources.col.citation", lang), "producer": t("sources.col.producer", lang),
        "reference": t("sources.col.reference", lang),
    })

    st.subheader(t("sources.problems", lang))
    problems = cache.read("build_problems")
    if problems.empty:
        st.success(t("sources.no_problems", lang), icon=":material/check_circle:")
    else:
        tables.show(problems[["message_en" if lang == "en" else "message_id"]], {"message_id": t("sources.col.message", lang),
                                                                                 "message_en": t("sources.col.message", lang)})

    st.subheader(t("sources.download", lang))
    export = cache.read("observations_export")
    st.download_button(t("sources.download_button", lang, n=numfmt.number(len(export), 0, lang)), table_csv(export),
                       file_name="kemiskinan_kota_metro_observasi.csv", mime="text/csv", icon=":material/download:")


_LONG_TOKEN = re.compile(r"\S{21,}")
_JOINTS = re.compile(r"([/._])")


def _breakable(text):
    """A long host name ('lampungnewspaper.disway.id') that may wrap after each '/', '.' or '_': unbroken, the
    publishers made the sources table wider. Never a reference, whose web address must copy whole."""
    if not isinstance(text, str):
        return text
    return _LONG_TOKEN.sub(lambda m: _JOINTS.sub("\\1\u200b", m.group(0)), text)


def _years(first, last) -> str:
    """'2016–2025', '2024', or '–' for a source that gives no value yet (the upload sources); years as written
    (2024, never 2.024)."""
    if pd.isna(first):
        return "–"
    return str(int(first)) if pd.isna(last) or int(last) == int(first) else f"{int(first)}–{int(last)}"

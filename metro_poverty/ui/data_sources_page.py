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
from metro_poverty.ui.safe import plain


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
    sources = cache.read("sources_with_counts")
    # the project's and the compiler's words in the UI language; a document's title as printed. Eight columns
    # did not fit the main area at 1280 px (761 px beside the sidebar) with any room left for the references:
    # a source's status and how it is known share a cell, as do its count of values and their years
    citation = [t(f"sources.citation.{k if k in ('submitted', 'derived') else c}", lang) for c, k in zip(sources.citation, sources.kind)]
    shown = pd.DataFrame({
        "publisher": [tables.breakable(localized(x, lang)) for x in sources.publisher],
        "title": [localized(x, lang) for x in sources.title],  # as printed: no break character in a headline copied from here
        # a source with no value yet (the upload pathway) says so where the others give a status
        "status_citation": [f"{t(f'status_short.{s}', lang) if isinstance(s, str) else t('sources.no_values', lang)} — {how}"
                            for s, how in zip(sources.status, citation)],
        "values_years": [_values_years(n, a, b, lang) for n, a, b in zip(sources.n_values, sources.first_period, sources.last_period)],
        "producer": sources.producer,
        "reference": [_reference_cell(localized(x, lang)) for x in sources.reference],
    })
    # what each source gives before where to find it: the long references last, and wrapped anywhere by the
    # browser (a web address in one piece made the table 1.209 px wide at 1280, its references scrolled out of
    # sight); the address itself stays whole, a link that opens and copies as registered
    st.html(REFERENCES_WRAP_CSS)
    with st.container(key=SOURCES_TABLE_KEY):
        tables.show(shown, {c: t(f"sources.col.{c}", lang) for c in shown.columns}, markdown=("reference",))

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


SOURCES_TABLE_KEY = "sources_table"
# The references wrap anywhere (the cell's own paragraph sets overflow-wrap again, so the rule is given to
# everything in the cell) and ask for 30 % of the table: without it the browser left them 96 px at 1280.
REFERENCES_WRAP_CSS = f"""<style>
.st-key-{SOURCES_TABLE_KEY} td:last-child {{ width: 30%; }}
.st-key-{SOURCES_TABLE_KEY} td:last-child, .st-key-{SOURCES_TABLE_KEY} td:last-child * {{ overflow-wrap: anywhere; }}
</style>"""
_WEB_ADDRESS = re.compile(r"https?://[^\s<>()\[\]`\\]+")


def _reference_cell(reference) -> str:
    """A reference that is one web address, from the project's register of sources (data/reference/sources.csv),
    as a link: it opens the publication, and copies without the invisible joiner that keeps typed text from
    becoming a link. Anything else (a document's locator, an uploaded file's name) as escaped text."""
    if not isinstance(reference, str) or not reference:
        return "–"
    return f"<{reference}>" if _WEB_ADDRESS.fullmatch(reference) else plain(reference)


def _values_years(n, first, last, lang: str) -> str:
    """'112 (2021–2024)', '7 (2024)', or '0' for a source that gives no value yet (the upload sources); years as
    written (2024, never 2.024)."""
    if pd.isna(first):
        return numfmt.number(n, 0, lang)
    years = str(int(first)) if pd.isna(last) or int(last) == int(first) else f"{int(first)}–{int(last)}"
    return f"{numfmt.number(n, 0, lang)} ({years})"

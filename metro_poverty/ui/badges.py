"""Status badges, source lines and the notices that keep illustrative and survey figures honest."""

from __future__ import annotations

from typing import Iterable

import pandas as pd
import streamlit as st

from metro_poverty.i18n import t
from metro_poverty.source_line import source_entries, source_line
from metro_poverty.ui.safe import plain

STATUS_COLORS = {"official": "green", "provisional": "orange", "illustrative": "red"}
STATUS_ICONS = {"official": ":material/verified:", "provisional": ":material/pending:", "illustrative": ":material/science:"}


def status_badge(status: str, lang: str) -> None:
    st.badge(t(f"status.{status}", lang), icon=STATUS_ICONS.get(status), color=STATUS_COLORS.get(status, "gray"))


def status_badges(statuses: Iterable[str], lang: str) -> None:
    for s in sorted(set(statuses), key=list(STATUS_COLORS).index):
        status_badge(s, lang)


def illustrative_notice(lang: str) -> None:
    """Shown wherever made-up data is on screen: it must never pass for an official figure. On a slide a red
    badge says it in one line, so the figure keeps the screen."""
    from metro_poverty.ui import presentation

    if presentation.active():
        st.badge(t("notice.illustrative_short", lang), icon=":material/science:", color="red")
    else:
        st.error(t("notice.illustrative", lang), icon=":material/science:")


MAX_INLINE_SOURCES = 3  # more documents than this fold into a list, so the figure stays on screen


def show_source_line(frame: pd.DataFrame, lang: str) -> None:
    entries = source_entries(frame, plain)
    if len(entries) <= MAX_INLINE_SOURCES:
        line = source_line(frame, lang, plain)
        if line:
            st.caption(line)
        return
    with st.expander(t("common.sources_n", lang, n=len(entries)), icon=":material/description:"):
        for entry in entries:
            st.caption(entry)

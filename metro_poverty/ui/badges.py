"""Status badges, source lines and the notices that keep illustrative and survey figures honest."""

from __future__ import annotations

from typing import Iterable

import pandas as pd
import streamlit as st

from metro_poverty.i18n import t

STATUS_COLORS = {"official": "green", "provisional": "orange", "illustrative": "red"}
STATUS_ICONS = {"official": ":material/verified:", "provisional": ":material/pending:", "illustrative": ":material/science:"}


def status_badge(status: str, lang: str) -> None:
    st.badge(t(f"status.{status}", lang), icon=STATUS_ICONS.get(status), color=STATUS_COLORS.get(status, "gray"))


def status_badges(statuses: Iterable[str], lang: str) -> None:
    for s in sorted(set(statuses), key=list(STATUS_COLORS).index):
        status_badge(s, lang)


def illustrative_notice(lang: str) -> None:
    """Shown wherever made-up data is on screen: it must never pass for an official figure."""
    st.error(t("notice.illustrative", lang), icon=":material/science:")


def source_line(frame: pd.DataFrame, lang: str) -> str:
    """'Sumber: BPS Kota Metro (metrokota.bps.go.id …); …' for the sources of the rows shown."""
    if frame.empty:
        return ""
    cols = [c for c in ("source_publisher", "source_title", "source_reference") if c in frame.columns]
    seen = frame[cols].drop_duplicates()
    parts = []
    for r in seen.itertuples(index=False):
        d = r._asdict()
        ref = d.get("source_reference")
        title = d.get("source_title") or ""
        text = f"{d.get('source_publisher', '')}: {title}"
        parts.append(f"{text} ({ref})" if ref and isinstance(ref, str) else text)
    return t("common.source_line", lang, sources="; ".join(parts))


def show_source_line(frame: pd.DataFrame, lang: str) -> None:
    line = source_line(frame, lang)
    if line:
        st.caption(line)

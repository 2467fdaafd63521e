"""Status badges, source lines and the notices that keep illustrative and survey figures honest."""

from __future__ import annotations

from typing import Iterable

import pandas as pd
import streamlit as st

from metro_poverty.i18n import t
from metro_poverty.source_line import source_entries, source_line
from metro_poverty.source_text import localized
from metro_poverty.ui.safe import plain

STATUS_COLORS = {"official": "green", "provisional": "orange", "illustrative": "red"}
STATUS_ICONS = {"official": ":material/verified:", "provisional": ":material/pending:", "illustrative": ":material/science:"}


def status_badge(status: str, lang: str) -> None:
    st.badge(t(f"status.{status}", lang), icon=STATUS_ICONS.get(status), color=STATUS_COLORS.get(status, "gray"))


def status_badges(statuses: Iterable[str], lang: str) -> None:
    for s in sorted(set(statuses), key=list(STATUS_COLORS).index):
        status_badge(s, lang)


NOTED_FLAGS = ("unverified", "conflict")  # a value whose doubt the compiler wrote down: the note is shown, not only its flag


def value_notes(rows: pd.DataFrame, lang: str) -> None:
    """'Catatan nilai: Kota Metro 2021: sekitar 19,7–19,8%; label tahunnya tidak pasti dalam sumber': what is known to be
    doubtful about a value drawn, in words (a tooltip's 'belum terverifikasi' does not say that the year is uncertain)."""
    if "note" not in rows or "quality_flag" not in rows:
        return
    written = rows.note.fillna("").astype(str).str.strip().ne("")
    noted = rows[rows.quality_flag.isin(NOTED_FLAGS) & written].drop_duplicates(["region_name", "period", "note"])
    if noted.empty:
        return
    items = [f"{_whose(r, lang)} {int(r.period)}: {localized(r.note, lang)}" for r in noted.sort_values(["region_name", "period"]).itertuples()]
    st.caption(plain(t("notice.value_notes", lang, notes=" · ".join(items))))


def _whose(row, lang: str) -> str:
    """A conflicting value's note names its producer, as its line on the trend does ('Kota Metro menurut
    Pemerintah Kota Metro 2022: berbeda dengan angka e-PPGBM 6,67%'): the region alone read as the figure shown."""
    producer = getattr(row, "source_producer", None)
    if row.quality_flag == "conflict" and isinstance(producer, str) and producer:
        return t("trend.other_producer_region", lang, region=row.region_name, producer=producer)
    return row.region_name


def illustrative_notice(lang: str) -> None:
    """Shown wherever made-up data is on screen: it must never pass for an official figure. On a slide a red
    badge says it in one line, so the figure keeps the screen."""
    from metro_poverty.ui import presentation

    if presentation.active():
        st.badge(t("notice.illustrative_short", lang), icon=":material/science:", color="red")
    else:
        st.error(t("notice.illustrative", lang), icon=":material/science:")


SLIDE_FOOTNOTE_KEY = "slide_footnote"
SLIDE_FOOTNOTE_CSS = f"""<style>[class*="st-key-{SLIDE_FOOTNOTE_KEY}-"] p {{ display: -webkit-box; -webkit-line-clamp: 3;
    -webkit-box-orient: vertical; overflow: hidden; }}</style>"""
MAX_SLIDE_PUBLISHERS = 2
SLIDE_FOOTNOTE_CHARS = 270  # two lines of a slide's caption at 1280 px hold about 140 characters each (measured)
SECOND_HAND = {"official_quoted", "official_secondary", "official_compiled"}  # marks of official figures not read in their release


def is_by_area(rows: pd.DataFrame) -> bool:
    """Whether the rows hold figures of kecamatan or kelurahan (codes 18.72.xx and below): sectoral data, never
    a BPS poverty estimate, which stops at the kab/kota."""
    from metro_poverty.regions import below_kabkota

    return "region_code" in rows and any(below_kabkota(c) for c in rows.region_code.unique())


def _fitted_footnote(marks: str, publishers: list[str], sentences: list[str], lang: str) -> str:
    """'{marks} — Sumber: {publishers}. {sentences}', naming as many publishers (at most two) as keep it within two
    lines at 1280 px; the rest are counted ('dan 2 lainnya (di bawah slide)'). One publisher when even that takes
    a third line (five statuses, a reminder to match cited figures and that changes are untested against sampling
    error, on a trend of P0): the clamp stops at three lines, so no sentence is cut to '…'."""
    for shown in range(min(len(publishers), MAX_SLIDE_PUBLISHERS), 0, -1):
        text = _footnote_text(marks, publishers, shown, sentences, lang)
        if len(text) <= SLIDE_FOOTNOTE_CHARS:
            return text
    return _footnote_text(marks, publishers, min(len(publishers), 1), sentences, lang)


def _footnote_text(marks: str, publishers: list[str], shown: int, sentences: list[str], lang: str) -> str:
    sources = "; ".join(publishers[:shown]) + (t("present.more_sources", lang, n=len(publishers) - shown) if len(publishers) > shown else "")
    return " ".join([t("present.footnote", lang, marks=marks, sources=sources or "–") + ("." if sentences else ""), *sentences])


def slide_footnote(rows: pd.DataFrame, lang: str, after: str = "", cards_say_match: bool = False) -> None:
    """On a slide, in the place of the download buttons: how the figures drawn are known and who published them,
    in two lines (three at most), statuses first ('Resmi, dikutip dari media — Sumber: BPS Kota Metro; databoks …'), led
    for figures by area by what they are not (a BPS estimate), and followed by `after` (a sentence the slide has
    no other room for). The full source line stays below the slide. A figure known second-hand (quoted, from the
    media, from the project's notes) is to be matched with its producer's release: the footnote says so, unless
    the slide's cards say it each under its own figure (`cards_say_match`)."""
    from metro_poverty.provenance import CITATIONS, MARKS, mark_label, marks_of
    from metro_poverty.ui import presentation

    marks = sorted(set(marks_of(rows)), key=MARKS.index) if "status" in rows else []
    publishers = []
    if "source_publisher" in rows:  # the producers' own publications first, then those quoting them
        rank = rows.citation.map({c: i for i, c in enumerate(CITATIONS)}).fillna(len(CITATIONS)) if "citation" in rows else 0
        ranked = rows.assign(_rank=rank).dropna(subset=["source_publisher"]).sort_values("_rank", kind="stable")
        publishers = list(dict.fromkeys(localized(p, lang) for p in ranked.source_publisher))  # '(illustrative data)' in English
    if not marks and not publishers:
        return
    lead = [t("notice.micro_short", lang)] if is_by_area(rows) else []  # a map of kelurahan after the city's P0 slides: what it is not
    sentences = [t("present.match_release", lang)] if not cards_say_match and SECOND_HAND.intersection(marks) else []
    text = _fitted_footnote(" · ".join([*lead, *(mark_label(m, lang) for m in marks)]), publishers, [*sentences, *filter(None, [after])], lang)
    drawn = st.session_state.setdefault(presentation.FOOTNOTES_DRAWN, [])  # emptied by each run's presentation.apply
    if text in drawn:  # a map and a ranking of the same figures on one slide
        return
    drawn.append(text)
    st.html(SLIDE_FOOTNOTE_CSS)
    st.container(key=f"{SLIDE_FOOTNOTE_KEY}-{len(drawn)}").caption(plain(text))


def series_break_note(rows: pd.DataFrame, lang: str, *, in_slide: bool) -> None:
    """With a trend whose figures come from more than one series (UHH before and after the SP2020 long form,
    the P3KE register before DTSEN): the gap in the line is a break, and says so. A view calls it twice: in its
    slide above the chart (`in_slide`: drawn when presenting, one line beside the broken line it explains) and
    below the chart (drawn at a desk, at length)."""
    from metro_poverty.i18n import catalogue
    from metro_poverty.ui import presentation

    if in_slide != presentation.active() or "series" not in rows or rows.empty:
        return
    spans = rows.assign(series=rows.series.fillna("")).groupby("series").period.agg(["min", "max"]).sort_values("min")
    if len(spans) < 2:
        return
    names = [t(f"series.{code}", lang) if f"series.{code}" in catalogue() else code for code in
             (c or "none" for c in spans.index)]
    # each series with the years it covers ('P3KE/Regsosek 2022–2024 → DTSEN 2025'): the first years alone read as
    # a break between them, not between the last of one and the first of the next
    years = [f"{int(a)}" if a == b else f"{int(a)}–{int(b)}" for a, b in zip(spans["min"], spans["max"])]
    st.caption(t("notice.series_break_short" if in_slide else "notice.series_break", lang,
                 series=" → ".join(f"{n}: {y}" for n, y in zip(names, years))))


MAX_INLINE_SOURCES = 3  # more documents than this fold into a list, so the figure stays on screen


def show_source_line(frame: pd.DataFrame, lang: str) -> None:
    entries = source_entries(frame, lang, plain)
    if len(entries) <= MAX_INLINE_SOURCES:
        line = source_line(frame, lang, plain)
        if line:
            st.caption(line)
        return
    with st.expander(t("common.sources_n", lang, n=len(entries)), icon=":material/description:"):
        for entry in entries:
            st.caption(entry)

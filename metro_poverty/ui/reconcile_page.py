"""Sinkronisasi Data: the same figure from different sources side by side with the difference and the
likely reason, similar concepts from different producers, and the data-quality view (completeness,
freshness, outliers, values awaiting confirmation)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import numfmt, quality, reconcile
from metro_poverty.source_text import localized
from metro_poverty.provenance import mark, mark_label, marks_of
from metro_poverty.i18n import catalogue, pick, t
from metro_poverty.ui import badges, cache, charts, folds, frame, presentation, signin, tables, url
from metro_poverty.url_state import Param

VIEWS = ("figures", "pairs", "quality")
ALL = "all"


def render() -> None:
    lang = frame.lang()
    url.restore([Param("view", VIEWS, VIEWS[0], label=lambda v: t(f"reconcile.view_name.{v}", lang))])
    tolerances = dict(cache.read("reconciliation_tolerances")[["indicator", "tolerance"]].itertuples(index=False))
    rows = figure = None
    if st.session_state["view"] == "figures":  # its figure picker is in the URL: declared before the link's notices
        rows = reconcile.by_concern(reconcile.disagreements(cache.read("values_reported_twice"), tolerances))
        if not rows.empty:
            figure = _figure_param(rows, lang)
            url.restore([figure])
    presentation.title(t("reconcile.title", lang))
    url.show_notices()
    st.caption(t("reconcile.intro", lang))
    st.segmented_control(t("reconcile.view", lang), VIEWS, key="view", required=True, label_visibility="collapsed",
                         format_func=lambda v: t(f"reconcile.view_name.{v}", lang))
    if rows is not None:
        _figures(lang, rows, figure)
    else:
        {"pairs": _pairs, "quality": _quality}[st.session_state["view"]](lang, tolerances)


def _name(code: str, lang: str) -> str:
    catalogue = cache.catalogue()
    return catalogue[code].short(lang) if code in catalogue else code


def _fmt(code: str, value, lang: str, decimals=None) -> str:
    """A value as its indicator writes it, with the precision it has where that is less (a derived '12,8 ribu', not 12,80)."""
    catalogue = cache.catalogue()
    return catalogue[code].fmt(value, lang, decimals=decimals) if code in catalogue else numfmt.number(value, 2, lang)


def _short(note: str, limit: int = 70) -> str:
    """A note cut to a line or two: the full text is in the store's CSV (Sumber & Status Data)."""
    return note if len(note) <= limit else note[: limit - 1].rstrip() + "…"


def _check(check: str, lang: str) -> str:
    return t(f"reconcile.check.{check}", lang)


def _show(view: pd.DataFrame, flag_column: str, lang: str) -> None:
    """A table where the rows beyond tolerance stand out (red), whatever the language."""
    warn = {t("reconcile.check.beyond", lang), t("reconcile.check.unconfirmed", lang)}
    tables.static(view, view.style.map(lambda v: "background-color: #f9d6d5" if v in warn else "", subset=[flag_column]))


def _figures(lang: str, rows: pd.DataFrame, figure: Param | None) -> None:
    st.caption(t("reconcile.figures_intro", lang))
    if rows.empty:
        st.info(t("reconcile.none", lang))
        return
    c = lambda key: t(f"reconcile.col.{key}", lang)  # noqa: E731
    # each value with how it is known, as the history below says it ('6,67% · Resmi' stood for a figure read in the news)
    value = lambda i, v, s, ci, src: f"{_fmt(i, v, lang)} · {mark_label(mark(s, ci), lang)} · {localized(src, lang)}"  # noqa: E731
    view = pd.DataFrame({
        c("indicator"): [_name(i, lang) for i in rows.indicator_code], c("region"): rows.region_name, c("year"): rows.period.astype(str),
        c("check"): [_check(ch, lang) for ch in rows.check],
        c("difference"): [numfmt.signed(d, 2, lang) for d in rows.difference],
        c("reference"): [value(*r) for r in zip(rows.indicator_code, rows.reference_value, rows.reference_status, rows.reference_citation,
                                                rows.reference_source)],
        c("other"): [value(*r) for r in zip(rows.indicator_code, rows.other_value, rows.other_status, rows.other_citation, rows.other_source)],
        c("reason"): [t(f"reconcile.reason.{r}", lang) for r in rows.reason],
    })
    agree = (rows.check == reconcile.WITHIN).to_numpy()
    _show(view[~agree], c("check"), lang)
    if agree.any():  # agreements within rounding: listed, not in the way of the disagreements; drawn when the fold
        # is opened (one rerun): under the closed fold they were 688 of the page's 760 table cells, drawn on every visit
        with folds.lazy_fold(t("reconcile.within_n", lang, n=int(agree.sum())), WITHIN_OPEN, icon=":material/done_all:") as within:
            if within.open:
                tables.static(view[agree])
    _figure_history(lang, figure.options)


FIGURE = "figure"  # URL key: the figure whose versions are listed, as 'indicator~region'
WITHIN_OPEN = "reconcile_within_open"  # whether the fold of the figures that agree within rounding is open


def _figure_param(rows: pd.DataFrame, lang: str) -> Param:
    options = sorted({(r.indicator_code, r.region_code) for r in rows.itertuples()})
    return Param(FIGURE, options, options[0], to_text="~".join, label=lambda o: _figure_name(o, lang))


def _figure_name(figure: tuple[str, str], lang: str) -> str:
    return f"{_name(figure[0], lang)} — {cache.code_names(lang).get(figure[1], figure[1])}"


def _figure_history(lang: str, options) -> None:
    """Every stored version of one figure: source, batch, who loaded it, whether it is shown."""
    choice = st.selectbox(t("reconcile.versions", lang), options, format_func=lambda o: _figure_name(o, lang),
                          key=FIGURE, placeholder=t("common.choose", lang))
    versions = cache.read("intake_versions_by_figure", indicator=choice[0], region=choice[1])
    c = lambda key: t(f"reconcile.col.{key}", lang)  # noqa: E731
    view = pd.DataFrame({c("year"): versions.period.astype(str), c("value"): [_fmt(choice[0], v, lang) for v in versions.value],
                         # with how each is known: 'Resmi' alone stood beside figures read in the news
                         c("status"): [mark_label(m, lang) for m in marks_of(versions)],
                         c("source"): [tables.breakable(localized(p, lang)) for p in versions.source_publisher],
                         c("batch"): versions.batch_id.fillna("–"), c("uploader"): versions.uploader.fillna("–"),
                         c("loaded_at"): versions.loaded_at.fillna("–"), c("shown"): ["✓" if s else "" for s in versions.is_shown]})
    if signin.current() is None:  # who loaded which batch: for signed-in users only, like the batch history
        view = view.drop(columns=[c("batch"), c("uploader")])
    tables.static(view)


def _pairs(lang: str, tolerances: dict) -> None:
    """Concepts that differ by definition, side by side with what tells them apart: no difference, no flag."""
    st.caption(t("reconcile.pairs_intro", lang))
    rows = reconcile.pair_rows(cache.read("paired_values"))
    for (a, b), part in rows.groupby(["indicator_a", "indicator_b"], sort=False):
        st.subheader(f"{_name(a, lang)} ↔ {_name(b, lang)}")
        st.info(pick(lang, part.note_id.iloc[0], part.note_en.iloc[0]), icon=":material/compare_arrows:")
        c = lambda key: t(f"reconcile.col.{key}", lang)  # noqa: E731
        view = pd.DataFrame({c("region"): part.region_name, c("year"): part.period.astype(str),
                             _name(a, lang): [_side(a, v, s, ci, f, se, lang) for v, s, ci, f, se in zip(part.value_a, part.status_a, part.citation_a,
                                                                                                         part.publisher_a, part.series_a)],
                             _name(b, lang): [_side(b, v, s, ci, f, se, lang) for v, s, ci, f, se in zip(part.value_b, part.status_b, part.citation_b,
                                                                                                         part.publisher_b, part.series_b)],
                             c("reason"): [t(f"reconcile.reason.{r}", lang) for r in part.reason]})
        tables.static(view)


def _side(code: str, value, status, citation, publisher, series, lang: str) -> str:
    """'6,67% · Resmi, dikutip dari media · Dinas Kesehatan' or '–' where the concept has no value that year; a value of a
    named series says which ('· register P3KE/Regsosek'): 'Keluarga desil 1–4 nasional' of 2022–2024 read as DTSEN's."""
    if pd.isna(value):
        return "–"
    named = f" · {t(f'series.{series}', lang)}" if isinstance(series, str) and f"series.{series}" in catalogue() else ""
    return f"{_fmt(code, value, lang)} · {mark_label(mark(status, citation), lang)} · {localized(publisher, lang)}{named}"


def _quality(lang: str, tolerances: dict) -> None:
    values = cache.read("values_by_level", level="kelurahan")
    if "illustrative" in set(values.status):  # the kelurahan values checked below are the demo's made-up OPD files
        badges.illustrative_notice(lang)
    st.subheader(t("reconcile.coverage", lang))
    coverage = cache.read("coverage_by_indicator_region", level="kelurahan")
    charts.coverage_heatmap(coverage.assign(indicator=[_name(c, lang) for c in coverage.indicator_code]), lang)
    st.subheader(t("reconcile.staleness", lang))
    fresh = cache.read("latest_by_producer")
    c = lambda key: t(f"reconcile.col.{key}", lang)  # noqa: E731
    tables.show(fresh.assign(latest_load=fresh.latest_load.fillna("–")),
                {"producer": c("producer"), "n_indicators": c("n_indicators"), "latest_period": c("latest_period"), "latest_load": c("latest_load")})
    st.subheader(t("reconcile.outliers", lang))
    odd = quality.outliers(values)
    if odd.empty:
        st.caption(t("reconcile.no_outliers", lang))
    else:
        tables.static(pd.DataFrame({c("indicator"): [_name(i, lang) for i in odd.indicator_code], c("year"): odd.period.astype(str),
                                   c("region"): odd.region_name, c("value"): [_fmt(i, v, lang) for i, v in zip(odd.indicator_code, odd.value)],
                                   c("median"): [_fmt(i, v, lang) for i, v in zip(odd.indicator_code, odd["median"])],
                                   c("status"): [t(f"status_short.{s}", lang) for s in odd.status]}))
    st.subheader(t("reconcile.awaiting", lang))
    waiting = cache.read("values_awaiting_confirmation")
    shown = [_fmt(i, v, lang, d) for i, v, d in zip(waiting.indicator_code, waiting.value, waiting.decimals)]
    tables.static(pd.DataFrame({c("indicator"): [_name(i, lang) for i in waiting.indicator_code], c("region"): waiting.region_name,
                               c("year"): waiting.period.astype(str), c("value"): shown,
                               c("status"): [t(f"status_short.{s}", lang) for s in waiting.status],
                               c("flag"): [t(f"overview.flag.{f}", lang) if f in ("derived", "unverified", "conflict") else "–" for f in waiting.quality_flag],
                               c("source"): [tables.breakable(localized(p, lang)) for p in waiting.source_publisher],
                               c("note"): [_short(localized(n, lang)) for n in waiting.note.fillna("")]}))

"""Tables shown as they are downloaded: chosen columns, headers in the UI language, numbers in Indonesian style."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from metro_poverty import numfmt
from metro_poverty.source_text import localized
from metro_poverty.ui.safe import plain


ROW_PX = 35  # one grid row; a table given all_rows=True is tall enough for every row
STATIC_MAX_ROWS = 60  # up to this many rows a table is static: its text wraps, so no column is cut off at 1280 px


def static(view, styler=None, markdown: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> None:
    """A table that fits the page: every column on screen, long text wrapped (no scrolling grid). `styler`:
    a pandas Styler of the same frame, for coloured cells. `markdown`: columns whose cells are Markdown already
    made safe (a link to a registered source); every other text cell is escaped. `numbers`: columns of numbers
    written as text (Indonesian style), aligned right as numbers are, so their digits line up."""
    escaped = [c for c in view.columns if c not in markdown]
    shown = (styler if styler is not None else view.style).format(_as_text, subset=escaped)
    right = [c for c in view.columns if c in numbers or _numbers_as_text(view[c])]
    if right:
        shown = shown.set_properties(subset=right, **{"text-align": "right !important"})  # over the cell's own left for text
    st.table(shown.hide(axis="index"))


# a number as the pages write it, in either language: '5,92', '16.954', '1,234.5', '+2,03', '−0,34', '6,67%', '0,34 poin'.
# Thousands are grouped by three, so a region code ('18.72.01.1001') or a year ('2024') is not one.
_NUMBER_TEXT = re.compile(r"[−+-]?\d{1,3}((\.\d{3})+(,\d+)?|(,\d{3})+(\.\d+)?|[.,]\d+)?\s?(%|poin|points)?")


def _numbers_as_text(column: pd.Series) -> bool:
    """A column of numbers already written as text (Lampung's P0, Simulasi's counts), which st.table aligns left."""
    values = [v for v in column if v is not None and not (isinstance(v, float) and pd.isna(v))]
    if not values or not all(isinstance(v, str) for v in values):
        return False
    cells = [v.strip() for v in values if v.strip() not in ("", "–", "-")]
    return bool(cells) and all(_NUMBER_TEXT.fullmatch(c) for c in cells)


def _as_text(value):
    """st.table renders Markdown in its cells: a text cell (a file name, a note, a region as written) is escaped."""
    return plain(value) if isinstance(value, str) else value


def show(frame: pd.DataFrame, headers: dict[str, str], height: int | None = None, number_decimals: dict[str, int] | None = None,
         lang: str = "id", all_rows: bool = False, markdown: tuple[str, ...] = ()) -> None:
    """A table with the chosen columns under translated headers; numbers formatted in Python (Indonesian
    style in the Indonesian UI), since Streamlit's own formats follow the viewer's browser locale. Up to
    STATIC_MAX_ROWS rows it is static and wraps; longer ones scroll in a grid. A table with `markdown` columns
    (see static) is static however long: a grid would show their marks."""
    cols = [c for c in headers if c in frame.columns]
    view = frame[cols].rename(columns=headers)
    numbers = [c for c in view.columns if c in (number_decimals or {}) or pd.api.types.is_numeric_dtype(view[c])
               and not pd.api.types.is_bool_dtype(view[c])]
    for col, decimals in (number_decimals or {}).items():
        view[col] = [numfmt.number(v, decimals, lang) for v in view[col]]
    for col in view.columns:
        if pd.api.types.is_float_dtype(view[col]) and col not in (number_decimals or {}):
            decimals = 0 if _whole(view[col]) else 2
            view[col] = [numfmt.number(v, decimals, lang) for v in view[col]]
    if len(view) <= STATIC_MAX_ROWS or markdown:
        static(view.astype(object).where(view.notna(), "–"), markdown=tuple(headers[c] for c in markdown), numbers=tuple(numbers))
        return
    if all_rows:
        height = ROW_PX * (len(view) + 1) + 3
    st.dataframe(view, hide_index=True, width="stretch", height=height or "auto", row_height=ROW_PX)


_LONG_TOKEN = re.compile(r"\S{21,}")
_JOINTS = re.compile(r"([/._])")


def breakable(text):
    """A long host name ('lampungnewspaper.disway.id') in a publisher's name that may wrap after each '/', '.' or
    '_': unbroken, it made its column, and the table, wider than a 1280-pixel screen. Never a reference, whose web
    address must copy whole (Sumber Data wraps those by CSS)."""
    if not isinstance(text, str):
        return text
    return _LONG_TOKEN.sub(lambda m: _JOINTS.sub("\\1\u200b", m.group(0)), text)


def _whole(column: pd.Series) -> bool:
    values = column.dropna()
    return bool(len(values)) and bool((values == values.round()).all())


def indicator_table(values: pd.DataFrame, ind, lang: str, level: str, compact: bool = False) -> pd.DataFrame:
    """Show exactly the rows on screen (formatted the UI's way) and return them as they will be downloaded.
    `compact` (a slide): without the region codes as well."""
    from metro_poverty.i18n import t
    from metro_poverty.provenance import mark_label, marks_of

    regions = _regions()
    parents = regions.set_index("region_code")["parent_name"]
    # a kelurahan's kecamatan beside it; a kecamatan table has no such column (the same header would overwrite
    # the kecamatan's own names, which left the table without names)
    parent = {t("level.kecamatan", lang): values.region_code.map(parents)} if level == "kelurahan" else {}
    out = pd.DataFrame({
        t(f"level.{level}", lang): values.region_name,
        t("common.code", lang): values.region_code,
        **parent,
        ind.titled(lang): values.value.round(ind.decimals),
        t("common.numerator", lang): values.numerator,
        t("common.denominator", lang): values.denominator,
        t("dimension.rank", lang): values["rank"],
        t("common.year", lang): values.period,
        t("common.status", lang): [mark_label(m, lang) for m in marks_of(values)],
        t("common.source", lang): [localized(p, lang) for p in values.source_publisher],
    }).dropna(axis=1, how="all")
    formats = {c: ind.decimals for c in out.columns if c.startswith(ind.short(lang))}
    # a column with one value in every row (the year, the status, the source) is said once above the table: 22
    # rows of 'ILUSTRASI (bukan data resmi)' and its publisher made the table 828 px wide in a main area of 761 at
    # 1280 px, and on a slide they wrapped into rows 100 px high (3 of 22 on screen). The download keeps them all.
    same = [c for c in (t("common.year", lang), t("common.status", lang), t("common.source", lang))
            if c in out and out[c].nunique(dropna=False) == 1]
    if same:
        st.caption(t("common.every_row", lang, values=" · ".join(f"{c}: {plain(str(out[c].iloc[0]))}" for c in same)))
    shown = out.drop(columns=[*([t("common.code", lang)] if compact else []), *same])
    show(shown, {c: c for c in shown.columns}, number_decimals=formats, lang=lang)
    return out


def _regions() -> pd.DataFrame:
    from metro_poverty.ui import cache

    return cache.regions()

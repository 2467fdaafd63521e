"""A table as the page shows it (its columns, headers in the UI language) as CSV or as an Excel workbook.

CSV is UTF-8 with a byte-order mark, so Excel reads Indonesian names and the dashes of class labels
correctly; numbers are plain (6.78), for any program to read. Text that a spreadsheet would run as a
formula is neutralised in both formats (metro_poverty.exports.cells). The workbook keeps numbers as
numbers with a number format per column from the catalogue's decimals (Excel then shows them in the
reader's own locale: 6,78 in an Indonesian Excel), and a Metadata sheet saying what each indicator is, where
its values come from and what status they have.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Mapping

import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.exports.cells import is_risky, neutral_frame
from metro_poverty.exports.metadata import field_labels, generated_at, indicator_metadata
from metro_poverty.source_line import source_line
from metro_poverty.i18n import t

MAX_WIDTH = 60  # characters; longer texts wrap


def table_csv(frame: pd.DataFrame, *, sep: str = ",", decimal: str = ".") -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, a header row, whole numbers without '.0', blanks for missing.
    Lines end in CRLF (RFC 4180), so a text holding a line break or a carriage return is quoted whole."""
    return neutral_frame(plain_numbers(frame)).to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n").encode("utf-8-sig")


def plain_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Float columns holding only whole numbers (counts, years with gaps) as integers."""
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_float_dtype(values) and values.notna().any() and (values.dropna() == values.dropna().round()).all():
            out[col] = values.astype("Int64")
    return out


def number_format(decimals: int) -> str:
    """Excel's format code for thousands groups and fixed decimals: 2 -> '#,##0.00'."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def table_xlsx(frame: pd.DataFrame, lang: str = "id", *, indicators: Mapping[str, Indicator] | None = None,
               rows: pd.DataFrame | None = None, title: str = "", decimals: Mapping[str, int] | None = None,
               now: datetime | None = None) -> bytes:
    """The table as an .xlsx workbook: a data sheet and a Metadata sheet.

    indicators: column header -> the indicator whose values that column holds (its decimals set the
    column's number format, and it is described on the Metadata sheet).
    rows: the store rows behind the table (status, source_publisher, source_title, source_reference,
    optionally indicator_code), for the statuses and the source line.
    decimals: number formats for other numeric columns (e.g. a numerator: 0); the rest stay 'General'.
    """
    from openpyxl import Workbook

    indicators, decimals = dict(indicators or {}), dict(decimals or {})
    formats = {col: number_format(ind.decimals) for col, ind in indicators.items()}
    formats.update({col: number_format(d) for col, d in decimals.items()})
    book = Workbook()
    write_data_sheet(book.active, plain_numbers(frame), formats)
    book.active.title = t("exports.sheet.data", lang)
    write_metadata_sheet(book.create_sheet(t("exports.sheet.metadata", lang)), list(indicators.values()), rows, title, lang, now)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_data_sheet(sheet, frame: pd.DataFrame, formats: Mapping[str, str]) -> None:
    from openpyxl.styles import Font

    sheet.append([str(c) for c in frame.columns])
    for record in frame.itertuples(index=False):
        sheet.append([cell_value(v) for v in record])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, col in enumerate(frame.columns, start=1):
        if col in formats:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = formats[col]
    sheet.freeze_panes = "A2"
    if len(frame):
        sheet.auto_filter.ref = sheet.dimensions
    fit_widths(sheet)
    as_text(sheet)


def write_metadata_sheet(sheet, indicators: list[Indicator], rows: pd.DataFrame | None, title: str, lang: str,
                         now: datetime | None) -> None:
    from openpyxl.styles import Alignment, Font

    about = [(t("exports.meta.app", lang), t("app.title", lang)), (t("exports.meta.table", lang), title),
             (t("exports.meta.generated", lang), generated_at(now, lang)),
             (t("exports.meta.sources", lang), source_line(rows, lang) if rows is not None else "")]
    for label, value in about:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.cell(sheet.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    if rows is not None and "status" in rows.columns and (rows.status == "illustrative").any():
        sheet.append([t("common.status", lang), t("notice.illustrative", lang)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.cell(sheet.max_row, 2).font = Font(bold=True, color="B30000")
    sheet.append([])
    sheet.append([t("exports.meta.indicators", lang)])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append(field_labels(lang))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for record in indicator_metadata(indicators, rows, lang):
        sheet.append(record.as_row())
    fit_widths(sheet)
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    as_text(sheet)


def as_text(sheet) -> None:
    """Every text cell stays text: openpyxl would store a string beginning with '=' as a formula. Such
    cells are typed as strings with the quote prefix (what Excel sets when one types '=...)."""
    for row in sheet.iter_rows():
        for cell in row:
            if is_risky(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def cell_value(value):
    """A cell's value for openpyxl: None for missing, Python numbers for NumPy ones."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def fit_widths(sheet, first_row: int = 1) -> None:
    """Column widths from the longest text in each column (from first_row down), capped; long texts wrap."""
    widths: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is not None:
                widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), len(_shown(cell.value)))
    for letter, chars in widths.items():
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(8, chars + 2))


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)

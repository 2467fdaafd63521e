"""An uploaded file's bytes -> rows of cells, and the table under its header.

Limits are enforced before anything is parsed: the size of the upload, and for .xlsx (a zip) the size
it unpacks to and the size of its grid. Cells are data: a formula is never computed here (Excel's own
saved result is used, and a formula without one is reported), text is never interpreted as a path or
as markup. CSV reading reuses pipeline.raw's conventions; the rules that fill in what nobody said are
in metro_poverty.intake.detect.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from dataclasses import dataclass, field

from metro_poverty.intake import detect
from metro_poverty.intake.choices import Choices
from metro_poverty.pipeline.numbers import Percent
from metro_poverty.pipeline.problems import Problem
from metro_poverty.pipeline.raw import RawReadError, RawTable, fill_merged, table_at

MAX_BYTES = 10 * 1024 * 1024  # an OPD table is kilobytes; 10 MB leaves room for a heavy workbook
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what an .xlsx may unpack to (a zip bomb is refused unopened)
MAX_ROWS = 100_000
MAX_COLUMNS = 500


@dataclass
class Sheet:
    """The file read as rows of cells, and what was used to read it."""

    kind: str  # csv | xlsx
    rows: list[list]
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook, in order
    tables: list[str] = field(default_factory=list)  # the sheets where a header row is found
    encoding: str | None = None
    sep: str | None = None
    problems: list[Problem] = field(default_factory=list)  # cell-level problems (formulas without a value)
    template: dict | None = None  # the machine-readable sheet of a template written by intake.templates


def check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise RawReadError(Problem("too_large", name, value=f"{size / 1e6:.1f} MB", fields={"limit": f"{MAX_BYTES / 1e6:.0f} MB"}))


def read_sheet(data: bytes, name: str, choices: Choices) -> Sheet:
    """Rows of the file (of the chosen or only sheet with a table); raises RawReadError with a Problem."""
    check_size(len(data), name)
    kind = detect.file_kind(data)
    if kind == "empty":
        raise RawReadError(Problem("empty_file", name))
    if kind == "xls":
        raise RawReadError(Problem("old_excel", name))
    if kind == "binary":
        raise RawReadError(Problem("binary_file", name))
    if kind == "xlsx":
        return _xlsx(data, name, choices)
    return _csv(data, name, choices)


def _csv(data: bytes, name: str, choices: Choices) -> Sheet:
    text, encoding = detect.decode(data, name, choices.encoding)
    sep = choices.sep or detect.separator(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        raise RawReadError(Problem("unreadable_csv", name, value=str(exc)[:80])) from None
    if len(rows) > MAX_ROWS or any(len(r) > MAX_COLUMNS for r in rows):
        raise RawReadError(Problem("too_many_cells", name, fields={"rows": MAX_ROWS, "columns": MAX_COLUMNS}))
    return Sheet("csv", rows, encoding=encoding, sep=sep)


def _xlsx(data: bytes, name: str, choices: Choices) -> Sheet:
    _check_zip(data, name)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and validations it ignores
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise RawReadError(Problem("unreadable_excel", name, value=type(exc).__name__)) from None
    template = _template_meta(values)
    sheets = [ws.title for ws in values.worksheets if ws.sheet_state == "visible"]
    grids = {}
    for title in sheets:
        grids[title] = _grid(values[title], formulas[title], name)
    tables = [title for title in sheets if detect.header_index(grids[title][0]) is not None]
    chosen = choices.sheet or (template or {}).get("sheet")
    if chosen is None:
        if len(tables) == 1 or (not tables and len(sheets) == 1):
            chosen = (tables or sheets)[0]
        elif not tables:
            raise RawReadError(Problem("header_not_detected", name))
        else:
            raise RawReadError(Problem("choose_sheet", name, fields={"sheets": ", ".join(tables)}))
    if chosen not in grids:
        raise RawReadError(Problem("unknown_sheet", name, value=str(chosen), fields={"sheets": ", ".join(sheets)}))
    rows, problems = grids[chosen]
    return Sheet("xlsx", rows, chosen, sheets, tables, problems=problems, template=template)


def sheet_names(data: bytes) -> list[str]:
    """The visible sheets of a workbook, for the uploader to choose from; [] for anything else."""
    if detect.file_kind(data) != "xlsx" or len(data) > MAX_BYTES:
        return []
    from openpyxl import load_workbook

    try:
        _check_zip(data, "")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=True)
        return [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    except Exception:  # noqa: BLE001 - a damaged file has no sheets to offer; read_sheet says why
        return []


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise RawReadError(Problem("unreadable_excel", name, value=type(exc).__name__)) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise RawReadError(Problem("too_large", name, value=f"{unpacked / 1e6:.0f} MB (unpacked)",
                                   fields={"limit": f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB"}))


def _grid(ws, ws_formulas, name: str) -> tuple[list[list], list[Problem]]:
    if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
        raise RawReadError(Problem("too_many_cells", name, sheet=ws.title, fields={"rows": MAX_ROWS, "columns": MAX_COLUMNS}))
    rows, problems = [], []
    for r, (cells, raw) in enumerate(zip(ws.iter_rows(), ws_formulas.iter_rows()), start=1):
        row = []
        for cell, source in zip(cells, raw):
            value = cell.value
            if source.data_type == "f" and value is None:
                problems.append(Problem("formula_without_value", name, row=r, sheet=ws.title, column=cell.column_letter,
                                        value=str(source.value)[:60]))
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
                value = Percent(value * 100)
            row.append(value)
        rows.append(row)
    return fill_merged(rows, ws), problems


def _template_meta(wb) -> dict | None:
    """The key/value sheet a template carries (see intake.templates), or None."""
    from metro_poverty.intake.templates import META_SHEET, read_meta

    return read_meta(wb[META_SHEET]) if META_SHEET in wb.sheetnames else None


def table(sheet: Sheet, name: str, choices: Choices) -> tuple[RawTable, int, int]:
    """The table under the header (chosen or detected): (table, first header row 0-based, header rows)."""
    rows = sheet.rows
    if choices.header_row is not None:
        start = choices.header_row - 1
        if not 0 <= start < len(rows):
            raise RawReadError(Problem("bad_header_row", name, sheet=sheet.sheet, value=str(choices.header_row),
                                       fields={"rows": len(rows)}))
        n = choices.header_rows or 1
    else:
        index = detect.header_index(rows)
        if index is None:
            raise RawReadError(Problem("header_not_detected", name, sheet=sheet.sheet))
        start, n = detect.header_span(rows, index)
    return table_at(rows, name, start, n, sheet.sheet), start, n

"""An uploaded file's bytes -> rows of cells, and the table under its header.

Limits are enforced before anything is built: the size of the upload; for .xlsx (a zip) everything its
archive declares (intake.archive: unpacked size, cells, rows, columns, merged ranges, styles, shared
strings); then rows are streamed (openpyxl's read-only mode, which builds no cell it does not yield)
and counted again, and CSV rows are counted as they are read. Every limit refused is named. A workbook
openpyxl cannot read is reported as damaged. Cells are data: a formula is never computed here (Excel's
own saved result is used, and a formula without one is reported), text is never interpreted as a path
or as markup, and a cell longer than MAX_CELL_CHARS is reported at its place. CSV reading reuses
pipeline.raw's conventions; the rules that fill in what nobody said are in metro_poverty.intake.detect.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass, field

from metro_poverty.intake import archive, detect
from metro_poverty.intake.choices import Choices
from metro_poverty.numbers import Percent
from metro_poverty.problems import ERROR, WARNING, Num, Problem
from metro_poverty.pipeline.raw import RawReadError, RawTable, fill_ranges, label_key, table_at

MAX_BYTES = 10 * 1024 * 1024  # an OPD table is kilobytes; 10 MB leaves room for a heavy workbook
MAX_UNPACKED_BYTES = archive.MAX_UNPACKED_BYTES
MAX_ROWS = 100_000
MAX_COLUMNS = 500
MAX_CELLS = 500_000  # e.g. 10 000 rows of 50 columns, far beyond any OPD table
MAX_CELL_CHARS = 10_000


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
    hidden_rows: set[int] = field(default_factory=set)  # row numbers Excel hides (by hand or by a filter)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # (first, last) column numbers Excel hides


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
    if data.lstrip()[:5] == b"%PDF-":  # a report saved as PDF, often renamed .xlsx: not a table to read
        raise RawReadError(Problem("pdf_file", name))
    if kind == "text" and detect.looks_like_html(data):  # a web page saved or renamed: its tags are no header row
        raise RawReadError(Problem("html_file", name))
    if kind == "binary":
        raise RawReadError(Problem("binary_file", name))
    sheet = _xlsx(data, name, choices) if kind == "xlsx" else _csv(data, name, choices)
    sheet.problems += _long_cells(sheet, name)
    return sheet


def _csv(data: bytes, name: str, choices: Choices) -> Sheet:
    text, encoding = detect.decode(data, name, choices.encoding)
    sep = choices.sep or detect.separator(text)
    rows, cells = [], 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep):
            cells += len(row)
            _within(name, None, len(rows) + 1, len(row), cells)
            rows.append(row)
    except csv.Error as exc:
        raise RawReadError(Problem("unreadable_csv", name, value=str(exc)[:80])) from None
    return Sheet("csv", rows, encoding=encoding, sep=sep)


def _within(name: str, sheet: str | None, rows: int, columns: int, cells: int) -> None:
    """Raises the limit a table passes (rows, columns, cells so far)."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise RawReadError(Problem("too_many_cells", name, sheet=sheet, fields={"rows": Num(MAX_ROWS, 0), "columns": Num(MAX_COLUMNS, 0)}))
    if cells > MAX_CELLS:
        raise RawReadError(Problem("workbook_cells", name, sheet=sheet, value=archive.grouped(cells),
                                   fields={"limit": archive.grouped(MAX_CELLS)}))


def _long_cells(sheet: Sheet, name: str) -> list[Problem]:
    """A cell longer than any label or number: reported where it is, and emptied so nothing downstream
    works on megabytes of one string."""
    out = []
    for r, row in enumerate(sheet.rows, start=1):
        for c, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                out.append(Problem("cell_too_long", name, row=r, sheet=sheet.sheet, column=_letter(c + 1), value=cell[:40] + "…",
                                   fields={"n": archive.grouped(len(cell)), "limit": archive.grouped(MAX_CELL_CHARS)}))
                row[c] = None
    return out


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _xlsx(data: bytes, name: str, choices: Choices) -> Sheet:
    extent = archive.check(data, name, MAX_CELLS, MAX_ROWS, MAX_COLUMNS)
    try:
        return _workbook(data, name, choices, extent)
    except RawReadError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a damaged file
        raise RawReadError(Problem("damaged_excel", name)) from None


def _open(data: bytes, values: bool):
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and validations it ignores
        return load_workbook(io.BytesIO(data), read_only=True, data_only=values)


def _workbook(data: bytes, name: str, choices: Choices, extent: archive.Extent) -> Sheet:
    values = _open(data, True)
    formulas = _open(data, False) if extent.formulas else None  # only to name a formula that has no saved result
    try:
        template = _template_meta(values)
        sheets = [ws.title for ws in values.worksheets if ws.sheet_state == "visible"]
        budget = [0]
        grids = {title: _grid(values[title], formulas[title] if formulas else None, data, name, budget) for title in sheets}
        parts = {title: values[title]._worksheet_path for title in sheets}
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
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
    hidden_rows, hidden_columns = archive.hidden(data, parts[chosen])
    return Sheet("xlsx", rows, chosen, sheets, tables, problems=problems, template=template,
                 hidden_rows=hidden_rows, hidden_columns=hidden_columns)


def sheet_names(data: bytes) -> list[str]:
    """The visible sheets of a workbook, for the uploader to choose from; [] for anything else."""
    if detect.file_kind(data) != "xlsx" or len(data) > MAX_BYTES:
        return []
    try:
        archive.check(data, "", MAX_CELLS, MAX_ROWS, MAX_COLUMNS)
        wb = _open(data, True)
        try:
            return [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 - a damaged file has no sheets to offer; read_sheet says why
        return []


def _grid(ws, ws_formulas, data: bytes, name: str, budget: list[int]) -> tuple[list[list], list[Problem]]:
    """The sheet's rows as values, streamed; budget[0]: cells read so far in the workbook."""
    ws.reset_dimensions()  # a declared dimension may lie: rows are as long as their last written cell
    raw = None
    if ws_formulas is not None:
        ws_formulas.reset_dimensions()
        raw = ws_formulas.iter_rows()
    rows, problems = [], []
    for r, cells in enumerate(ws.iter_rows(), start=1):
        budget[0] += len(cells)
        _within(name, ws.title, r, len(cells), budget[0])
        sources = next(raw) if raw is not None else ()
        row = []
        for c, cell in enumerate(cells):
            value = cell.value
            source = sources[c] if c < len(sources) else None
            if value is None and source is not None and source.data_type == "f":
                problems.append(Problem("formula_without_value", name, row=r, sheet=ws.title, column=_letter(c + 1),
                                        value=str(source.value)[:60]))
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
                value = Percent(value * 100)
            row.append(value)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [None] * (width - len(r)) for r in rows]
    return fill_ranges(rows, archive.merged_ranges(data, ws._worksheet_path)), _formulas_once_per_column(problems)


def _formulas_once_per_column(problems: list[Problem]) -> list[Problem]:
    """A column of formulas saved without results is said once, at its first row with the count of cells: a sheet
    saved by a program that does not compute gave one error per cell (69 in a 22-row file)."""
    first: dict[str, Problem] = {}
    lines: dict[str, list[int]] = {}
    for p in problems:
        if p.code == "formula_without_value":
            first.setdefault(p.column, p)
            lines.setdefault(p.column, []).append(p.row)
    once = [Problem(p.code, p.file, row=p.row, sheet=p.sheet, column=p.column, value=p.value,
                    fields={"cells": len(lines[col]), "lines": tuple(lines[col])}) for col, p in first.items()]
    return once + [p for p in problems if p.code != "formula_without_value"]


def _template_meta(wb) -> dict | None:
    """The key/value sheet a template carries (see intake.templates), or None."""
    from metro_poverty.intake.templates import META_SHEET, read_meta

    return read_meta(wb[META_SHEET]) if META_SHEET in wb.sheetnames else None


_NUMBER_PART = re.compile(r"^\s*\d+\s*$")


def wider_rows(sheet: Sheet, table: RawTable) -> list[Problem]:
    """A CSV row with cells beyond its header's last column, said once with the first such row and how many there
    are. Comma-separated with numbers past the header, it is the decimal comma splitting '6,87' into 6 and 87: an
    error, as every value of the row would be read wrong (the file was loaded as 6, 13, … without a word).
    Anything else past the header is not read, and a warning says so."""
    if sheet.kind != "csv":
        return []
    width = len(table.columns)
    wide = [(line, row) for line, row in zip(table.lines, table.rows)
            if any(c is not None and str(c).strip() for c in row[width:])]
    if not wide:
        return []
    line, row = wide[0]
    split = sheet.sep == "," and any(_NUMBER_PART.match(str(c)) for _, r in wide for c in r[width:] if c is not None)
    return [Problem("row_wider_decimal_comma" if split else "row_wider_than_header", table.file, row=line,
                    value=(sheet.sep or ",").join("" if c is None else str(c) for c in row),
                    severity=ERROR if split else WARNING, fields={"n": len(row), "columns": width, "rows": Num(len(wide), 0)})]


HIDDEN_LISTED = 10  # hidden rows named in the warning; the count says how many more


def hidden_rows(sheet: Sheet, table: RawTable) -> list[Problem]:
    """Rows of the table that Excel hides, said once at the first with their count: a row hidden by hand or left out
    by a filter is read like every row on screen, so a file that showed 22 kelurahan could load 25 values (an old
    year's rows kept hidden under the new ones) without a word."""
    lines = [line for line in table.lines if line in sheet.hidden_rows]
    if not lines:
        return []
    listed = ", ".join(str(n) for n in lines[:HIDDEN_LISTED]) + (", …" if len(lines) > HIDDEN_LISTED else "")
    return [Problem("hidden_rows", table.file, row=lines[0], sheet=table.sheet, severity=WARNING,
                    fields={"n": Num(len(lines), 0), "rows": listed})]


def hidden_columns(sheet: Sheet, table: RawTable, read_columns: set[str]) -> list[Problem]:
    """Each column that Excel hides and that the load reads (a figure, the region or the year): its values go into
    the store though nobody looking at the sheet saw them."""
    out, wanted = [], {label_key(c) for c in read_columns}
    for c, label in enumerate(table.columns, start=1):
        if label_key(label) in wanted and any(first <= c <= last for first, last in sheet.hidden_columns):
            out.append(Problem("hidden_column", table.file, sheet=table.sheet, column=_letter(c), value=label, severity=WARNING))
    return out


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

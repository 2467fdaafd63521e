"""Read a raw file as delivered: CSV (any separator, decimal mark, encoding) or Excel, with title rows
above the header and headers spread over merged cells. Nothing is interpreted here but the layout."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from metro_poverty.problems import Problem


@dataclass
class RawTable:
    """Cells under the header, each row with the line number a person would see."""

    file: str
    sheet: str | None
    columns: list[str]
    rows: list[list]
    lines: list[int]


class RawReadError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.code)


def label_key(text) -> str:
    """Header labels compared loosely: case, spacing and line breaks do not matter."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def read_rows(path: Path, name: str, encoding: str = "utf-8", sep: str | None = None, sheet: str | None = None) -> tuple[list[list], str | None]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, name, sheet)
    return _csv_rows(path, name, encoding, sep), None


def _csv_rows(path: Path, name: str, encoding: str, sep: str | None) -> list[list]:
    data = path.read_bytes()
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise RawReadError(Problem("encoding", name, fields={"encoding": encoding}, value=repr(data[exc.start : exc.start + 8]))) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if sep is None:
        sep = sniff_separator(text)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep)]


def sniff_separator(text: str) -> str:
    """`;` when at least as many lines hold it as hold `,` (decimal commas fool csv.Sniffer)."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    semi = sum(ln.count(";") >= 1 for ln in lines)
    comma = sum(ln.count(",") >= 1 for ln in lines)
    return ";" if semi >= comma and semi > 0 else ","


def _xlsx_rows(path: Path, name: str, sheet: str | None) -> tuple[list[list], str]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise RawReadError(Problem("unreadable_excel", name, value=type(exc).__name__)) from None
    ws = wb[sheet] if sheet else wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return fill_merged(rows, ws), ws.title


def fill_merged(rows: list[list], ws) -> list[list]:
    """A merged block's value applies to every cell of it (a year over two columns, a kecamatan down
    several rows); openpyxl gives it to the top-left cell only."""
    return fill_ranges(rows, [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges])


def fill_ranges(rows: list[list], ranges: list[tuple[int, int, int, int]]) -> list[list]:
    """fill_merged for ranges given as (first row, first column, last row, last column), 1-based; only the
    part of a range inside the rows is visited, however large the range says it is."""
    for top, left, bottom, right in ranges:
        if not 1 <= top <= len(rows) or not 1 <= left <= len(rows[top - 1]):
            continue
        value = rows[top - 1][left - 1]
        for r in range(top, min(bottom, len(rows)) + 1):
            row = rows[r - 1]
            for c in range(left, min(right, len(row)) + 1):
                if row[c - 1] is None:
                    row[c - 1] = value
    return rows


def locate_table(rows: list[list], name: str, marker: str, header_rows: int = 1, sheet: str | None = None) -> RawTable:
    """Find the header row by its marker label, join multi-row headers, keep the rows below it."""
    key = label_key(marker)
    for i, row in enumerate(rows):
        if any(label_key(c) == key for c in row):
            break
    else:
        raise RawReadError(Problem("header_not_found", name, sheet=sheet, fields={"marker": marker}))
    return table_at(rows, name, i, header_rows, sheet)


def table_at(rows: list[list], name: str, i: int, header_rows: int = 1, sheet: str | None = None) -> RawTable:
    """The table whose header starts at rows[i] (0-based) and spans header_rows rows."""
    columns = join_header(rows[i : i + header_rows])
    body = rows[i + header_rows :]
    kept, lines = [], []
    for offset, row in enumerate(body):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        if not kept and is_column_numbers(row):
            continue  # '(1) (2) (3) (4) (5)=(4)/(3)x100' under the header numbers the columns: no region, no figure
        kept.append(list(row) + [None] * (len(columns) - len(row)))
        lines.append(i + header_rows + offset + 1)
    return RawTable(name, sheet, columns, kept, lines)


_COLUMN_NUMBER = re.compile(r"\(?\s*(\d{1,2})\s*\)?(?:\s*[=:].*)?", re.DOTALL)


def is_column_numbers(row: list) -> bool:
    """A row that numbers the columns, as government tables print one under their header: '(1) (2) (3) (4)
    (5)=(4)/(3)x100' or '1 2 3 4 5': at least two cells, numbered 1, 2, 3, … in order, a formula allowed after a
    number. Taken for the header, it hid the real labels ('Kolom wilayah: «(2)»'); read as data, its '2' was an
    unknown kelurahan."""
    numbers = []
    for cell in row:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if isinstance(cell, bool):
            return False
        if isinstance(cell, (int, float)):
            if cell != int(cell):
                return False
            numbers.append(int(cell))
            continue
        numbered = _COLUMN_NUMBER.fullmatch(str(cell).strip())
        if numbered is None:
            return False
        numbers.append(int(numbered.group(1)))
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


def join_header(header: list[list]) -> list[str]:
    width = max(len(r) for r in header)
    parts = [[str(c).strip() if c is not None else "" for c in r] + [""] * (width - len(r)) for r in header]
    for r in parts[:-1]:  # upper header rows: a label spans the empty cells to its right (merged cells)
        for c in range(1, width):
            if not r[c] and r[c - 1] and parts[-1][c]:
                r[c] = r[c - 1]
    return [" ".join(_distinct(r[c] for r in parts)) for c in range(width)]


def _distinct(labels) -> list[str]:
    """Header parts top to bottom, without a label repeated by a cell merged down over header rows."""
    out: list[str] = []
    for label in labels:
        if label and (not out or out[-1] != label):
            out.append(label)
    return out

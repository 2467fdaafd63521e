"""What an .xlsx archive declares, checked before openpyxl builds a single cell (PITFALLS 13: a 2,4 KB
workbook can describe 50 million merged cells, 1,5 million styles or a cell at row 1,048,576).

The archive is read as a stream, part by part, never whole: its declared unpacked size and number of
parts; in each worksheet the cells, rows and columns actually written, the formulas and the area of the
merged ranges; in the style sheet the cell formats; in the shared strings their number; in any other
part its number of elements. Each limit refused names itself (Problem too_large, workbook_<what>).
zipfile stops at a part's declared size, so what is read cannot exceed what was checked.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from metro_poverty.problems import Problem
from metro_poverty.pipeline.raw import RawReadError

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what an .xlsx may unpack to (a zip bomb is refused unopened)
MAX_PARTS = 1_000
MAX_STYLES = 64_000  # Excel's own limit of distinct cell formats
MAX_ELEMENTS = 200_000  # in any part that is not a worksheet or the shared strings
CHUNK = 1 << 20

_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_REF = re.compile(rb'\sr="([A-Z]{0,3})(\d{1,9})"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,9}):([A-Z]{1,3})(\d{1,9})"')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\s([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\s([^>]*)>")
_HIDDEN = re.compile(rb'(?:^|\s)hidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'(?:^|\s)r="(\d{1,9})"')
_COL_MIN = re.compile(rb'(?:^|\s)min="(\d{1,9})"')
_COL_MAX = re.compile(rb'(?:^|\s)max="(\d{1,9})"')
_XF = re.compile(rb"<(?:\w+:)?xf[\s>/]")
_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")
_ELEMENT = re.compile(rb"<[^/?!]")


@dataclass
class Extent:
    """What the worksheets of a workbook write, summed over its sheets (rows and columns: the largest)."""

    cells: int = 0
    rows: int = 0
    columns: int = 0
    formulas: bool = False  # only whether any is written: a second reading then names one without a saved result
    merged: int = 0


class Refused(RawReadError):
    """The archive itself refused (a limit passed, or damaged): nothing in it, not even its sheet names, is
    read further."""


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def check(data: bytes, name: str, max_cells: int, max_rows: int, max_columns: int) -> Extent:
    """The workbook's extent; raises Refused naming the first limit it passes, or saying the archive is
    damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = zf.infolist()
            _declared(parts, name)
            extent = Extent()
            for part in parts:
                _part(zf, part, name, extent, (max_cells, max_rows, max_columns))
            return extent
    except RawReadError:
        raise
    except Exception:  # noqa: BLE001 - zipfile and zlib raise many types for a damaged archive
        raise Refused(Problem("damaged_excel", name)) from None


def _declared(parts: list[zipfile.ZipInfo], name: str) -> None:
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise Refused(Problem("too_large", name, value=f"{unpacked / 1e6:.0f} MB (unpacked)",
                                   fields={"limit": f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB"}))
    if len(parts) > MAX_PARTS:
        _refuse(name, "parts", len(parts), MAX_PARTS)


def _part(zf: zipfile.ZipFile, part: zipfile.ZipInfo, name: str, extent: Extent, limits: tuple[int, int, int]) -> None:
    path = part.filename.lower()
    if not path.endswith((".xml", ".rels", ".vml")):
        for _ in _chunks(zf, part):  # read through, so a damaged part is found now (its checksum)
            pass
        return
    if path.startswith("xl/worksheets/"):
        _worksheet(zf, part, name, extent, *limits)
    elif path == "xl/styles.xml":
        _count(zf, part, _XF, MAX_STYLES, name, "styles")
    elif path == "xl/sharedstrings.xml":
        _count(zf, part, _STRING, limits[0], name, "strings")
    else:
        _count(zf, part, _ELEMENT, MAX_ELEMENTS, name, "elements")


def _worksheet(zf, part, name: str, extent: Extent, max_cells: int, max_rows: int, max_columns: int) -> None:
    cells = rows = 0
    for chunk in _chunks(zf, part):
        cells += len(_CELL.findall(chunk))
        rows += len(_ROW.findall(chunk))
        extent.formulas = extent.formulas or _FORMULA.search(chunk) is not None
        if extent.cells + cells > max_cells:
            _refuse(name, "cells", extent.cells + cells, max_cells)
        for letters, number in _REF.findall(chunk):
            extent.rows = max(extent.rows, int(number))
            if letters:
                extent.columns = max(extent.columns, column_number(letters))
        for c1, r1, c2, r2 in (_MERGE.findall(chunk) if b"mergeCell" in chunk else ()):
            extent.merged += (abs(int(r2) - int(r1)) + 1) * (abs(column_number(c2) - column_number(c1)) + 1)
        extent.rows = max(extent.rows, rows)
        if extent.rows > max_rows:
            _refuse(name, "rows", extent.rows, max_rows)
        if extent.columns > max_columns:
            _refuse(name, "columns", extent.columns, max_columns)
        if extent.merged > max_cells:
            _refuse(name, "merged", extent.merged, max_cells)
    extent.cells += cells


def _count(zf, part, pattern: re.Pattern, limit: int, name: str, what: str) -> None:
    n = 0
    for chunk in _chunks(zf, part):
        n += len(pattern.findall(chunk))
        if n > limit:
            _refuse(name, what, n, limit)


def _chunks(zf: zipfile.ZipFile, part: zipfile.ZipInfo):
    """The part's bytes in pieces that end after a '>', so no tag is cut in two (a piece without any '>'
    is cut at its size: text, where no tag begins)."""
    rest = b""
    with zf.open(part) as fh:
        while True:
            block = fh.read(CHUNK)
            if not block:
                break
            data = rest + block
            cut = data.rfind(b">") + 1
            if cut == 0 and len(data) < 4 * CHUNK:
                rest = data
                continue
            cut = cut or len(data)
            yield data[:cut]
            rest = data[cut:]
    if rest:
        yield rest


def merged_ranges(data: bytes, part: str) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every merged range of one worksheet part
    (openpyxl's read-only mode does not read them; check() has bounded their area)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(part.lstrip("/"))
        found = [m for chunk in _chunks(zf, info) for m in _MERGE.findall(chunk)]
    out = []
    for c1, r1, c2, r2 in found:
        (top, bottom), (left, right) = sorted((int(r1), int(r2))), sorted((column_number(c1), column_number(c2)))
        out.append((top, left, bottom, right))
    return out


def hidden(data: bytes, part: str) -> tuple[set[int], list[tuple[int, int]]]:
    """Rows (numbers) and column ranges (first, last; 1-based) that Excel hides in one worksheet part, by hand or
    by a filter. openpyxl's read-only mode reads their cells like any other and does not say they are hidden;
    check() has bounded the rows, so the set stays small."""
    rows: set[int] = set()
    columns: list[tuple[int, int]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(part.lstrip("/"))
        for chunk in _chunks(zf, info):
            for attrs in (_ROW_TAG.findall(chunk) if b"hidden" in chunk else ()):
                number = _ROW_NUMBER.search(attrs)
                if number and _HIDDEN.search(attrs):
                    rows.add(int(number.group(1)))
            for attrs in (_COL_TAG.findall(chunk) if b"hidden" in chunk else ()):
                first, last = _COL_MIN.search(attrs), _COL_MAX.search(attrs)
                if first and last and _HIDDEN.search(attrs):
                    columns.append((int(first.group(1)), int(last.group(1))))
    return rows, columns


def _refuse(name: str, what: str, found: int, limit: int):
    """workbook_cells, _rows, _columns, _merged, _styles, _strings, _parts, _elements (texts in intake.toml)."""
    # the parts are read only until a limit is passed: what was found is at least this
    raise Refused(Problem(f"workbook_{what}", name, value=f"≥ {grouped(found)}", fields={"limit": grouped(limit)}))


def grouped(n: int) -> str:
    """A count with its thousands apart, the same in both languages (50 000 000)."""
    return f"{n:,}".replace(",", "\u202f")

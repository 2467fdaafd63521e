"""Hostile workbooks of a few kilobytes, written part by part: each describes far more than it weighs
(PITFALLS 13). Built by patching the parts of a small valid workbook, so everything else about them is
ordinary."""

from __future__ import annotations

import io
import zipfile

from intake_support import xlsx_bytes

SHEET = "xl/worksheets/sheet1.xml"
BASE_ROWS = [["Kelurahan", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"], ["Kel. Metro", 2025, 759, 28],
             ["Kel. Imopuro", 2025, 718, 36]]


def base() -> bytes:
    return xlsx_bytes({"Data": BASE_ROWS})


def patched(data: bytes, replace: dict[str, bytes | callable] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """The workbook with parts replaced (bytes, or a function of the old bytes) and parts added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            change = (replace or {}).get(info.filename)
            if change is not None:
                body = change(body) if callable(change) else change
            dst.writestr(info.filename, body)
        for path, body in (add or {}).items():
            dst.writestr(path, body)
    return out.getvalue()


def merged(last: str = "SF100000") -> bytes:
    """One merged range of 500 columns × 100 000 rows (50 million cells) over a two-row table."""
    return patched(base(), {SHEET: lambda x: x.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:'
                                                       + last.encode() + b'"/></mergeCells>')})


def many_cells(rows: int = 100_000, per_row: int = 38) -> bytes:
    """3,8 million cells written without references (each row repeats the same bytes: it compresses to nothing)."""
    row = b"<row>" + b"<c><v>1</v></c>" * per_row + b"</row>"
    return patched(base(), {SHEET: lambda x: x.replace(b"</sheetData>", row * rows + b"</sheetData>")})


def many_styles(n: int = 1_500_000) -> bytes:
    """1,5 million cell formats in the style sheet."""
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    return patched(base(), {"xl/styles.xml": lambda x: _between(x, b"<cellXfs", b"</cellXfs>", b'<cellXfs count="%d">' % n + xf * n)})


def far_cell(ref: str = "XFD1048576") -> bytes:
    """One more cell, at the last row and column Excel has."""
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return patched(base(), {SHEET: lambda x: x.replace(b"</sheetData>", b'<row r="%s"><c r="%s"><v>1</v></c></row></sheetData>'
                                                       % (row.encode(), ref.encode()))})


def many_rows(n: int = 200_000) -> bytes:
    """Empty rows, each of which a reader would walk through."""
    return patched(base(), {SHEET: lambda x: x.replace(b"</sheetData>", b"<row/>" * n + b"</sheetData>")})


def many_strings(n: int = 2_000_000) -> bytes:
    """A shared-strings part of two million one-letter strings."""
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d">' % n + b"<si><t>a</t></si>" * n + b"</sst>"
    types = lambda x: x.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'  # noqa: E731
                                             b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return patched(base(), {"[Content_Types].xml": types}, {"xl/sharedStrings.xml": strings})


def many_names(n: int = 300_000) -> bytes:
    """A workbook part with 300 000 defined names."""
    names = b"<definedNames>" + b'<definedName name="x">Data!$A$1</definedName>' * n + b"</definedNames>"
    return patched(base(), {"xl/workbook.xml": lambda x: x.replace(b"</sheets>", b"</sheets>" + names)})


def many_parts(n: int = 1_200) -> bytes:
    return patched(base(), add={f"xl/media/image{i}.bin": b"x" for i in range(n)})


def long_string(n: int = 5_000_000) -> bytes:
    """One inline string of five million characters in a data cell."""
    cell = b'<c r="A3" t="inlineStr"><is><t>' + b"a" * n + b"</t></is></c>"
    return patched(base(), {SHEET: lambda x: x.replace(b'<c r="A3" t="inlineStr"><is><t>Kel. Imopuro</t></is></c>', cell)})


def entities() -> bytes:
    """The billion-laughs entity expansion in a worksheet."""
    doctype = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' \
              b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    return patched(base(), {SHEET: lambda x: doctype + x.replace(b"<t>Kel. Metro</t>", b"<t>&lol3;</t>")})


def unpacks_to(n: int = 101 * 1024 * 1024) -> bytes:
    """A part that declares (and unpacks to) more than the archive may hold."""
    return patched(base(), add={"xl/media/zeros.bin": b"\0" * n})


def lying_dimension() -> bytes:
    """A sheet declaring the whole grid as its dimension while writing three rows: read as written."""
    return patched(base(), {SHEET: lambda x: _between(x, b"<dimension", b"/>", b'<dimension ref="A1:XFD1048576"/>')})


def _between(data: bytes, start: bytes, end: bytes, new: bytes) -> bytes:
    i = data.index(start)
    j = data.index(end, i) + len(end)
    return data[:i] + new + data[j:]


BOMBS = {
    "one merged range of 50 million cells": merged,
    "3,8 million cells": many_cells,
    "1,5 million cell styles": many_styles,
    "a cell at the last row and column": far_cell,
    "a cell at row 1 048 576": lambda: far_cell("A1048576"),
    "200 000 empty rows": many_rows,
    "2 million shared strings": many_strings,
    "300 000 defined names": many_names,
    "1 200 parts": many_parts,
    "a five-million-character cell": long_string,
    "billion laughs": entities,
    "a part that unpacks to 101 MB": unpacks_to,
}

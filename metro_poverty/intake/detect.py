"""The rules that read an uploaded file's shape when nobody has said it, each stated so a person can
predict the result (the texts under intake.rule.* say the same to the uploader):

- kind: by content, never by name: a zip beginning is .xlsx, an OLE beginning is old .xls (refused),
  UTF-16 (a byte order mark, or a NUL beside every other byte: Excel's "Unicode Text") is text, any
  other NUL byte is a binary file (refused), anything else is text read as CSV;
- encoding: UTF-16 as above; UTF-8 (with or without BOM) when the bytes are valid UTF-8; else Windows-1252;
- separator: tab when more lines hold tabs than `;` or `,`; else `;` when at least as many lines hold
  `;` as hold `,` (pipeline.raw.sniff_separator; decimal commas fool csv.Sniffer);
- decimal mark: a comma that can only be a decimal (not followed by exactly three digits, after a
  leading 0, or after dot-grouped thousands) means decimal comma, and the mirror case decimal point;
  both seen is an error; neither seen means comma in `;` files (as Indonesian Excel writes them), point
  otherwise;
- header row: the first row with at least two filled cells, mostly text, whose next filled row holds
  a number, past at most two rows of one filled cell (a section heading such as a kecamatan's name,
  which the checks then report as a row of its own); the row above (when it holds at least two different labels) is joined to it when the
  header's labels are blank or repeat and that row tells them apart, or when one of its labels spans
  several labelled columns (a header spread over two rows, usually with merged cells); a row numbering
  the columns right under the header ('(1) (2) (3) (4) (5)=(4)/(3)x100', '1 2 3 4 5') is skipped.
"""

from __future__ import annotations

import re

from metro_poverty.problems import Problem
from metro_poverty.pipeline.raw import RawReadError, is_column_numbers, join_header, label_key, sniff_separator

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}([.,]\d{3})+)([.,]\d+)?%?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?(\d+,(\d{1,2}|\d{4,})|0,\d+|\d{1,3}(\.\d{3})+,\d+|\d{1,3}(\.\d{3}){2,})$")
_POINT_DECIMAL = re.compile(r"^[+-]?(\d+\.(\d{1,2}|\d{4,})|0\.\d+|\d{1,3}(,\d{3})+\.\d+|\d{1,3}(,\d{3}){2,})$")


def file_kind(data: bytes) -> str:
    """empty | xlsx | xls | binary | text."""
    if utf16(data):
        return "empty" if not data.decode(utf16(data), errors="replace").lstrip("\ufeff").strip() else "text"
    if not data.strip():
        return "empty"
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "xls"
    if b"\x00" in data[:65536]:
        return "binary"
    return "text"


def looks_like_html(data: bytes) -> bool:
    """A web page (a table saved from a browser, or an .xls 'export' that is HTML inside)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<table" in head[:512]


def utf16(data: bytes) -> str | None:
    """'utf-16' (with a byte order mark), 'utf-16-le' or 'utf-16-be' (a NUL beside every other byte of
    mostly ASCII text), or None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.02 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: the one given, else UTF-16 when it is, else UTF-8, else Windows-1252."""
    wide = utf16(data)
    tried = [encoding] if encoding else (["utf-16"] if wide else ["utf-8", "cp1252"])
    for enc in tried:
        try:
            text = data.decode({"utf-8": "utf-8-sig", "utf-16": wide or "utf-16"}.get(enc, enc))
        except (UnicodeDecodeError, LookupError):
            continue
        return text.removeprefix("\ufeff"), enc
    raise RawReadError(Problem("encoding", name, fields={"encoding": " / ".join(tried)}, value=_bad_bytes(data, tried[-1])))


def _bad_bytes(data: bytes, encoding: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return repr(data[exc.start : exc.start + 8])
    except LookupError:
        return encoding
    return ""


def separator(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    tabs = sum("\t" in ln for ln in lines)
    if tabs > sum(";" in ln for ln in lines) and tabs > sum("," in ln for ln in lines):
        return "\t"
    return sniff_separator(text)


def blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def is_number(cell) -> bool:
    """A typed number, or text written as one in either convention ('1.234,5', '85,3%', '2024')."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return cell == cell  # not NaN
    return bool(_NUMBER.match(str(cell).strip().replace("\u00a0", "").replace(" ", "")))


def decimal_mark(rows: list[list], sep: str | None) -> tuple[str | None, str]:
    """(mark, reason): reason is comma | point | default; mark None when both are seen (mixed)."""
    comma, point = decimal_example(rows, ","), decimal_example(rows, ".")
    if comma and point:
        return None, "mixed"
    if comma or point:
        return ("," if comma else "."), ("comma" if comma else "point")
    return ("," if sep == ";" else "."), "default"


def decimal_example(rows: list[list], mark: str) -> str | None:
    """The first cell written as a number with this decimal mark (what the reading note quotes), or None."""
    pattern = _COMMA_DECIMAL if mark == "," else _POINT_DECIMAL
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                text = cell.strip().replace("\u00a0", "").replace(" ", "").removesuffix("%")
                if pattern.match(text):
                    return cell.strip()
    return None


HEADINGS_UNDER_HEADER = 2  # rows of one filled cell (a kecamatan's name over its kelurahan) between header and numbers


def header_index(rows: list[list]) -> int | None:
    """0-based index of the header row (see the module rule), or None."""
    filled = [i for i, row in enumerate(rows) if any(not blank(c) for c in row)]
    for pos, i in enumerate(filled):
        cells = [c for c in rows[i] if not blank(c)]
        if len(cells) < 2 or sum(not is_number(c) for c in cells) * 2 <= len(cells) or is_column_numbers(rows[i]):
            continue
        under = filled[pos + 1 :]
        if under and is_column_numbers(rows[under[0]]):
            under = under[1:]  # '(1) (2) (3) …' numbering the columns is skipped (pipeline.raw.table_at)
        for j in under[: 1 + HEADINGS_UNDER_HEADER]:
            if any(is_number(c) for c in rows[j]):
                return i
            if sum(not blank(c) for c in rows[j]) > 1:
                break  # a second row of labels: not the header
    return None


def header_span(rows: list[list], index: int) -> tuple[int, int]:
    """(first row index, number of rows) of the header whose last row is rows[index]."""
    if index == 0:
        return index, 1
    row, above = rows[index], rows[index - 1]
    width = max((c + 1 for c, cell in enumerate(row) if not blank(cell)), default=0)
    if len({label_key(c) for c in above if not blank(c)}) < 2:
        return index, 1  # a title (one text, maybe merged across) is not part of the header
    single = [label_key(c) for c in row[:width]]
    joined = [label_key(c) for c in join_header([above[:width], row[:width]])]
    if (_flaws(single) and _flaws(joined) < _flaws(single)) or (_spans(above[:width], row[:width]) and not _flaws(joined)):
        return index - 1, 2
    return index, 1


def _spans(above: list, row: list) -> bool:
    """A label above covers two labelled columns: repeated (an Excel merge filled in) or followed by a blank."""
    for c in range(len(above) - 1):
        if blank(above[c]) or c + 1 >= len(row) or blank(row[c]) or blank(row[c + 1]):
            continue
        if blank(above[c + 1]) or label_key(above[c + 1]) == label_key(above[c]):
            return True
    return False


def _flaws(labels: list[str]) -> int:
    """Blank labels plus labels that repeat: what makes a header row unusable alone."""
    filled = [x for x in labels if x]
    return (len(labels) - len(filled)) + (len(filled) - len(set(filled)))

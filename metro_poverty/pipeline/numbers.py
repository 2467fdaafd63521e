"""Parse numbers as OPD files write them: '1.234,5' or '1,234.5', '85,3%', typed Excel cells."""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_GROUPED = {  # thousands grouped by threes, then an optional decimal part
    ".": re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"),
    ",": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"),
}


def parse_number(cell, decimal: str = ".") -> float | None:
    """A float, None for an empty cell; raises ValueError for text that is not a number.

    `decimal` is the file's decimal mark; the other mark is read as a thousands separator.
    A trailing '%' is dropped (the manifest says which columns are percentages).
    """
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ValueError("boolean")
    if isinstance(cell, (int, float)):
        if isinstance(cell, float) and math.isnan(cell):
            return None
        return float(cell)
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "")
    if text in ("", "-", "–"):
        return None
    if text.endswith("%"):
        text = text[:-1]
    thousands = "," if decimal == "." else "."
    if thousands in text:
        # '12,5' in a decimal-point file is a misread decimal, not twelve thousand five hundred
        if not _GROUPED[decimal].match(text):
            raise ValueError(text)
        text = text.replace(thousands, "")
    if decimal == ",":
        text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise ValueError(text)
    return float(text)


def parse_year(cell) -> int:
    """A four-digit year from a cell ('2023', 2023, 2023.0); raises ValueError otherwise."""
    value = parse_number(cell)
    if value is None or value != int(value) or not 1900 <= value <= 2100:
        raise ValueError(str(cell))
    return int(value)

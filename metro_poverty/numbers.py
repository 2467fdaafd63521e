"""Parse numbers as OPD files write them: '1.234,5' or '1,234.5', '85,3%', typed Excel cells.

The one number parser of the codebase. parse_number reads a cell with a known decimal mark; read_number
adds the rule of the column's kind (what its unit allows); column_mark decides a column's decimal mark
from its own values and kind, so '1.204' in a count column is 1204 whatever the rest of the file does:

- whole (a count: persons, families, houses): a whole number, never a percentage;
- percent: a share in percent, at most the indicator's maximum (100, or 300 for school-based APK);
  a trailing '%' is allowed only here;
- fraction: a share written 0–1;
- decimal: any non-negative number (thousands of persons, rupiah, an index, years).

A separator followed by exactly three digits could be either mark ('1.204', '12,070'); the other cases
decide by themselves ('5,05', '0,853', '1.234,5'). Text, inf, NaN and numbers too large to be finite
are errors, never values.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

WHOLE, PERCENT, FRACTION, DECIMAL = "whole", "percent", "fraction", "decimal"
KINDS = (WHOLE, PERCENT, FRACTION, DECIMAL)
MARKS = (",", ".")

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_SPACED = re.compile(r"^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$")  # thousands grouped by spaces
_DIGIT_GROUPS = re.compile(r"^[+-]?[\d.,]+( [\d.,]+)+$")  # numbers parted by spaces otherwise
_GROUPED = {  # thousands grouped by threes, then an optional decimal part
    ".": re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"),
    ",": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"),
}


class Percent(float):
    """A number Excel shows as a percentage (0.853 formatted '85.3%'): the value is the percentage shown."""


class NumberError(ValueError):
    """A cell that is not a number its column allows; `code` is a key under pipeline.problem.*."""

    def __init__(self, code: str, text: str = "", **fields):
        self.code, self.fields = code, fields
        super().__init__(text)


def parse_number(cell, decimal: str = ".") -> float | None:
    """A float, None for an empty cell; raises NumberError (a ValueError) for anything else.

    `decimal` is the file's decimal mark; the other mark is read as a thousands separator.
    A trailing '%' is dropped (read_number says where it is allowed).
    """
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise NumberError("not_a_number", "boolean")
    if isinstance(cell, (int, float)):
        return _finite(float(cell), str(cell))
    text = _compact(cell)
    if text in ("", "-", "–"):
        return None
    if text.endswith("%"):
        text = text[:-1]
    if " " in text:  # a space groups thousands ('1 234 567') or it parts two numbers ('3 8'): never just dropped
        if not _SPACED.match(text):
            raise NumberError("spaces_in_number" if _DIGIT_GROUPS.match(text) else "not_a_number", text)
        text = text.replace(" ", "")
    thousands = "," if decimal == "." else "."
    if thousands in text:
        # '12,5' in a decimal-point file is a misread decimal, not twelve thousand five hundred
        if not _GROUPED[decimal].match(text):
            if re.fullmatch(rf"\d+{re.escape(thousands)}\d+", text):  # '4.88' in a comma file: named, with the file's way
                raise NumberError("other_decimal_mark", text, written=text.replace(thousands, decimal), mark=decimal)
            raise NumberError("not_a_number", text)
        text = text.replace(thousands, "")
    if decimal == ",":
        text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise NumberError("not_a_number", text)
    return _finite(float(text), text)


def parse_numbers(values: pd.Series, decimal: str = ".") -> tuple[pd.Series, pd.Series]:
    """parse_number for a whole column at once (a household file's millions of cells): (values, bad).
    An empty cell is NaN and not bad; a cell parse_number refuses is NaN and bad. No '%' is allowed:
    a household file holds amounts and counts, not shares. A test compares it with parse_number."""
    index = values.index
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        parsed = values.astype("float64")
        return parsed, parsed.notna() & ~np.isfinite(parsed.fillna(0))
    if pd.api.types.is_bool_dtype(values):
        return pd.Series(np.nan, index=index), values.notna()
    typed = values.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), na_action="ignore").fillna(False).astype(bool)
    text = values.astype("string").fillna("").str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    empty = text.isin(["", "-", "–"]) | values.isna()
    thousands = "," if decimal == "." else "."
    bad = text.str.contains(thousands, regex=False) & ~text.str.match(_GROUPED[decimal].pattern)
    plain = text.str.replace(thousands, "", regex=False)
    if decimal == ",":
        plain = plain.str.replace(",", ".", regex=False)
    bad = ~typed & ~empty & (bad | ~plain.str.match(_NUMBER.pattern))
    parsed = pd.to_numeric(plain.where(~bad & ~empty & ~typed), errors="coerce").astype("float64")
    if typed.any():
        parsed[typed] = values[typed].astype("float64")
    bad |= ~empty & ~bad & ~np.isfinite(parsed.fillna(0))  # more digits than a float holds
    return parsed.where(~bad & ~empty), bad.fillna(False).astype(bool)


def _compact(cell) -> str:
    """The cell's text with its spaces (no-break and thin ones too) as single spaces, none before a '%'."""
    text = re.sub(r"[\s\u00a0\u202f]+", " ", str(cell)).strip()
    return re.sub(r" %$", "%", text)


def _finite(value: float, text: str) -> float:
    if not math.isfinite(value):  # 'inf', NaN, or more digits than a float holds
        raise NumberError("not_finite", text)
    return value


def has_percent_sign(cell) -> bool:
    return isinstance(cell, Percent) or (isinstance(cell, str) and _compact(cell).endswith("%"))


def read_number(cell, decimal: str = ".", kind: str = DECIMAL, upper: float | None = None) -> float | None:
    """parse_number, then the rule of the column's kind (see the module); None for an empty cell.
    `upper`: the largest value a percent (or fraction) column may hold."""
    value = parse_number(cell, decimal)
    if value is None:
        return None
    if has_percent_sign(cell) and kind != PERCENT:
        raise NumberError("percent_in_count" if kind == WHOLE else "percent_sign", str(cell))
    if value < 0:
        raise NumberError("negative", str(cell))
    if kind == WHOLE and value != int(value):
        raise NumberError("fractional_count", str(cell))
    if kind in (PERCENT, FRACTION) and upper is not None and value > upper:
        raise NumberError("above_max", str(cell), max=f"{upper:g}")
    return value


def column_mark(cells, kind: str = DECIMAL, upper: float | None = None) -> tuple[str | None, str]:
    """The decimal mark of one column, from its own written values and its kind: (mark, reason).

    Only text holding a ',' or '.' votes (typed cells and plain digits read the same either way).
    reason: `plain` (nothing to decide: mark None), `fits` (one mark reads more of the values as
    numbers of the kind), `ambiguous` (both marks read them equally well, with different values:
    mark None; the file's mark or the uploader decides).
    """
    texts = [c for c in cells if isinstance(c, str) and ("," in c or "." in c)]
    if not texts:
        return None, "plain"
    fits, values = {}, {}
    for mark in MARKS:
        read = [_try(c, mark, kind, upper) for c in texts]
        fits[mark], values[mark] = sum(v is not None for v in read), read
    if values[","] == values["."]:
        return None, "plain"
    if fits[","] != fits["."]:
        return max(MARKS, key=fits.get), "fits"
    return None, "ambiguous"


def _try(cell, mark: str, kind: str, upper: float | None) -> float | None:
    try:
        return read_number(cell, mark, kind, upper)
    except NumberError:
        return None


def parse_year(cell) -> int:
    """A four-digit year from a cell ('2023', 2023, 2023.0); raises ValueError otherwise."""
    value = parse_number(cell)
    if value is None or value != int(value) or not 1900 <= value <= 2100:
        raise ValueError(str(cell))
    return int(value)

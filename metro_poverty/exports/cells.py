"""Text cells that a spreadsheet would run: a cell beginning with =, +, -, @, a tab or a carriage
return is read by Excel or LibreOffice as a formula (OWASP "CSV injection"), e.g. a file named
`=cmd|' -C calc'!A0`. Such text gets a leading apostrophe, the spreadsheet's own mark for "this is
text"; numbers are never touched, so a -0.5 stays the number -0.5."""

from __future__ import annotations

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutral(value):
    """A text that would start a formula, as inert text; anything else unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def is_risky(value) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


def neutral_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell and header neutralised; numeric columns are returned as they are."""
    out = frame.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            out[col] = out[col].map(neutral)
    out.columns = [neutral(c) for c in out.columns]
    return out

"""The source line of a set of values: 'Sumber: publisher: title (reference); …', one entry per source.

Shown under every chart and table (metro_poverty.ui.badges) and written into exports (images,
workbooks, the brief): one function, no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from metro_poverty.i18n import t

SOURCE_COLUMNS = ("source_publisher", "source_title", "source_reference")


def source_entries(rows: pd.DataFrame) -> list[str]:
    """'publisher: title (reference)' for each distinct source among the rows, in order of appearance."""
    cols = [c for c in SOURCE_COLUMNS if c in rows.columns]
    if rows.empty or not cols:
        return []
    out = []
    # distinct sources in order of appearance, in plain Python: a page asks this of several small frames
    for values in dict.fromkeys(tuple(None if pd.isna(v) else v for v in row) for row in zip(*(rows[c].tolist() for c in cols))):
        r = dict(zip(cols, values))
        ref, title = r.get("source_reference"), r.get("source_title") or ""
        text = f"{r.get('source_publisher', '')}: {title}"
        out.append(f"{text} ({ref})" if isinstance(ref, str) and ref else text)
    return out


def source_line(rows: pd.DataFrame, lang: str = "id") -> str:
    entries = source_entries(rows)
    return t("common.source_line", lang, sources="; ".join(entries)) if entries else ""

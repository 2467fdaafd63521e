"""The source line of a set of values: 'Sumber: publisher: title (reference); …', one entry per source.

Shown under every chart and table (metro_poverty.ui.badges) and written into exports (images,
workbooks, the brief): one function, no Streamlit.
"""

from __future__ import annotations

import re
from typing import Callable

import pandas as pd

from metro_poverty.source_text import localized
from metro_poverty.brackets import unnested
from metro_poverty.i18n import t

SOURCE_COLUMNS = ("source_publisher", "source_title", "source_reference")
_URL = re.compile(r"https?://\S+")


def _as_is(text: str) -> str:
    return text


def source_entries(rows: pd.DataFrame, lang: str, escape: Callable[[str], str] = _as_is) -> list[str]:
    """'publisher: title (reference)' for each distinct source among the rows, in order of appearance, in `lang`
    where the words are the project's or the compiler's (metro_poverty.source_text).

    `escape` is applied to the reference unless it is one web address (left as is, so it can be a link): the
    reference of a loaded batch's value names the uploaded file, text from outside. Publisher and title come
    from the reference tables and the catalogue."""
    cols = [c for c in SOURCE_COLUMNS if c in rows.columns]
    if rows.empty or not cols:
        return []
    out = []
    # distinct sources in order of appearance, in plain Python: a page asks this of several small frames
    for values in dict.fromkeys(tuple(None if pd.isna(v) else v for v in row) for row in zip(*(rows[c].tolist() for c in cols))):
        r = dict(zip(cols, values))
        ref, title = localized(r.get("source_reference"), lang), localized(r.get("source_title") or "", lang)
        text = f"{localized(r.get('source_publisher') or '', lang)}: {title}"
        if isinstance(ref, str) and ref:
            text += f" ({ref if _URL.fullmatch(ref) else escape(unnested(ref))})"
        out.append(text)
    return out


def source_line(rows: pd.DataFrame, lang: str = "id", escape: Callable[[str], str] = _as_is) -> str:
    entries = source_entries(rows, lang, escape)
    return t("common.source_line", lang, sources="; ".join(entries)) if entries else ""

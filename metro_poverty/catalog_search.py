"""Finding an indicator by a few typed letters, in either language, forgiving typos ("stuntng",
"kemiskian"). Pure: ranks catalogue entries against a query."""

from __future__ import annotations

import difflib
import re
import unicodedata

from metro_poverty.catalog import Indicator

MIN_SCORE = 0.72  # below this a fuzzy match is more noise than help


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return [w for w in re.split(r"[^0-9a-z]+", text) if w]


def searchable_text(ind: Indicator) -> str:
    """What a query is matched against: code, names and short names in both languages, producer, definition."""
    fields = [ind.code, ind.meta.get("name_id"), ind.meta.get("name_en"), ind.meta.get("short_id"), ind.meta.get("short_en"),
              ind.meta.get("producer"), ind.meta.get("definition_id"), ind.meta.get("definition_en")]
    return " ".join(str(f) for f in fields if f)


def score(query: str, ind: Indicator) -> float:
    """1.0 for a word that starts with a query word; otherwise the closest fuzzy match, averaged over query words."""
    q = _words(query)
    if not q:
        return 1.0
    words = set(_words(searchable_text(ind)))
    total = 0.0
    for qw in q:
        if any(w.startswith(qw) for w in words):
            total += 1.0
            continue
        total += max((difflib.SequenceMatcher(None, qw, w[: len(qw) + 2]).ratio() for w in words), default=0.0)
    return total / len(q)


def search(query: str, indicators: list[Indicator]) -> list[Indicator]:
    """Indicators matching the query, best first; all of them (in their order) for an empty query."""
    if not _words(query):
        return list(indicators)
    scored = [(score(query, ind), i, ind) for i, ind in enumerate(indicators)]
    return [ind for s, i, ind in sorted(scored, key=lambda x: (-x[0], x[1])) if s >= MIN_SCORE]

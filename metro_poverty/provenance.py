"""What a figure may be called (DOMAIN §6): what it is (its status) and how we know it (its citation),
kept apart and said together, the same way on cards, chart markers, tables, exports and the brief.

- status: official (released by its producer), provisional (flagged temporary, or derived by us),
  illustrative (made up to demonstrate the app), simulated (computed by the app's own model);
- citation: primary (the producer's own publication or page), quoted (news quoting a named official of
  the producer), secondary (news, an aggregator or a statement relaying it), none (made-up data).

An official figure known only through a quote or a relay is still official, but the screen says it was
taken from the media and must be matched with the producer's release. No Streamlit here.
"""

from __future__ import annotations

import math

from metro_poverty.i18n import t

STATUSES = ("official", "provisional", "illustrative", "simulated")
# compiled: the project's own notes relaying a release (shared/DOMAIN.md), neither the release nor the media
CITATIONS = ("primary", "quoted", "secondary", "compiled", "none")
# the marks a chart or a table shows, best first; a value's mark combines its status, citation and flag
# (official alone: an official value whose citation the caller does not know)
MARKS = ("official_primary", "official", "official_quoted", "official_secondary", "official_compiled", "conflict", "provisional", "illustrative", "simulated")


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value) or None


def mark(status, citation=None, quality_flag=None) -> str:
    """One word for what a value is and how we know it: official_primary, official_quoted, official_secondary,
    conflict, provisional, illustrative or simulated."""
    status, citation, flag = _text(status), _text(citation), _text(quality_flag)
    if status in ("illustrative", "simulated"):
        return status
    if flag == "conflict":
        return "conflict"
    if status == "official":
        return {"primary": "official_primary", "quoted": "official_quoted", "secondary": "official_secondary",
                "compiled": "official_compiled"}.get(citation or "", "official")
    return "provisional"


def marks_of(frame) -> list[str]:
    """The mark of each row of a frame with status (and, where present, citation and quality_flag) columns."""
    n = len(frame)
    cols = [frame[c] if c in frame else [None] * n for c in ("status", "citation", "quality_flag")]
    return [mark(s, c, f) for s, c, f in zip(*cols)]


def mark_label(key: str, lang: str) -> str:
    return t(f"provenance.mark.{key}", lang)


def is_secondary(citation) -> bool:
    return _text(citation) in ("quoted", "secondary", "compiled")


def cautions(status, citation=None, quality_flag=None, producer: str | None = None, lang: str = "id", short: bool = False) -> list[str]:
    """What a reader must know before quoting the figure, in the order to say it: its status when not
    official, how it was cited when not from the producer's own publication, and its quality flag. `short`: a
    slide card's words where the desk's take two lines ('dari catatan proyek — cocokkan dengan BRS')."""
    status, citation, flag = _text(status), _text(citation), _text(quality_flag)
    notes = []
    if status and status != "official":
        notes.append(t(f"status.{status}", lang))
    release = t("provenance.release_bps" if (producer or "").startswith("BPS") else "provenance.release_other", lang)
    if flag == "derived":  # computed from published figures (a count from P0 × population): never quoted anywhere
        notes.append(t("provenance.derived", lang, release=release))
    elif status in ("official", "provisional") and is_secondary(citation):
        key = "provenance.cited_short.compiled" if short and citation == "compiled" else f"provenance.cited.{citation}"
        notes.append(t(key, lang, release=release))
    if flag in ("unverified", "conflict"):
        notes.append(t(f"overview.flag.{flag}", lang))
    return notes


def decimals_of(row_decimals, catalogue_decimals: int) -> int:
    """The decimals to show a value with: the precision it has when stated (a derived figure), else the catalogue's."""
    text = _text(row_decimals)
    if text is None:
        return catalogue_decimals
    return min(int(float(text)), catalogue_decimals)

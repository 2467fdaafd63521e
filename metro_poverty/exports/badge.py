"""The status badge an exported figure carries: what its values are and how we know them, in words and one colour.

Callers pass the values' marks (metro_poverty.provenance: status, citation and flag together), or plain
statuses. The worst decides the colour, so a chart mixing official and illustrative values is red, and an
official figure known only from the media says so in the badge.
"""

from __future__ import annotations

from typing import Iterable

from metro_poverty.charts.theme import STATUS_COLOURS as COLOURS  # one palette for the screen and the exports
from metro_poverty.i18n import t
from metro_poverty.provenance import MARKS, mark_label

# worst first; plain statuses sit beside the marks they stand for
ORDER = ("illustrative", "simulated", "conflict", "provisional", "official_compiled", "official_secondary", "official_quoted", "official", "official_primary")
COLOUR_OF = {"illustrative": "illustrative", "simulated": "illustrative", "conflict": "provisional", "provisional": "provisional"}
UNKNOWN_COLOUR = "#555555"


def statuses_in(statuses: Iterable[str | None]) -> list[str]:
    """The distinct known statuses or marks among the values, worst first."""
    present = {s for s in statuses if isinstance(s, str) and s}
    return [s for s in ORDER if s in present]


def _label(key: str, lang: str) -> str:
    return mark_label(key, lang) if key in MARKS else t(f"status.{key}", lang)


def badge_text(statuses: Iterable[str | None], lang: str = "id") -> str:
    """'ILUSTRASI · Resmi, dikutip dari media' — what the pages show, worst first."""
    return " · ".join(_label(s, lang) for s in statuses_in(statuses))


def badge_colour(statuses: Iterable[str | None]) -> str:
    present = statuses_in(statuses)
    return COLOURS[COLOUR_OF.get(present[0], "official")] if present else UNKNOWN_COLOUR


def is_illustrative(statuses: Iterable[str | None]) -> bool:
    return bool({"illustrative", "simulated"} & set(statuses_in(statuses)))

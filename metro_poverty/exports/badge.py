"""The status badge an exported figure carries: which statuses its values have, in words and one colour.

The worst status decides the colour, so a chart mixing official and illustrative values is red.
"""

from __future__ import annotations

from typing import Iterable

from metro_poverty.charts.theme import STATUS_COLOURS as COLOURS  # one palette for the screen and the exports
from metro_poverty.i18n import t

ORDER = ("illustrative", "provisional", "official")  # worst first
UNKNOWN_COLOUR = "#555555"


def statuses_in(statuses: Iterable[str | None]) -> list[str]:
    """The distinct known statuses among the values, worst first."""
    present = {s for s in statuses if s}
    return [s for s in ORDER if s in present]


def badge_text(statuses: Iterable[str | None], lang: str = "id") -> str:
    """'ILUSTRASI (bukan data resmi) · Resmi' — the status texts the pages show, worst first."""
    return " · ".join(t(f"status.{s}", lang) for s in statuses_in(statuses))


def badge_colour(statuses: Iterable[str | None]) -> str:
    present = statuses_in(statuses)
    return COLOURS[present[0]] if present else UNKNOWN_COLOUR


def is_illustrative(statuses: Iterable[str | None]) -> bool:
    return "illustrative" in statuses_in(statuses)

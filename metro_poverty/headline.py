"""Headline figures for a year: the city's value, the change from the previous published year, and
the same indicator for Lampung and Indonesia. Pure: takes the published series, returns records."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metro_poverty.i18n import t

CITY, PROVINCE, COUNTRY = "18.72", "18", "00"
HEADLINE_INDICATORS = ("p0", "poor_count", "p1", "p2", "gk", "ipm")


@dataclass(frozen=True)
class Headline:
    indicator: str
    period: int
    value: float | None
    status: str | None
    quality_flag: str | None
    source_publisher: str | None
    source_reference: str | None
    previous_value: float | None
    previous_period: int | None
    previous_status: str | None
    comparable_previous: bool  # False when the previous value is from another series
    province_value: float | None
    country_value: float | None

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous_value is None or not self.comparable_previous:
            return None
        return self.value - self.previous_value

    @property
    def change_from_unofficial(self) -> bool:
        """The change is computed from a previous figure that is not official (provisional, derived...)."""
        return self.change is not None and self.previous_status not in (None, "official")


def _one(frame: pd.DataFrame, region: str, indicator: str, period: int) -> pd.Series | None:
    hit = frame[(frame.region_code == region) & (frame.indicator_code == indicator) & (frame.period == period)]
    return None if hit.empty else hit.iloc[0]


def headline(frame: pd.DataFrame, indicator: str, period: int) -> Headline:
    """frame: rows of queries/published_series_by_region.sql."""
    cur = _one(frame, CITY, indicator, period)
    earlier = frame[(frame.region_code == CITY) & (frame.indicator_code == indicator) & (frame.period < period)]
    prev = earlier.sort_values("period").iloc[-1] if len(earlier) else None
    prov, nat = _one(frame, PROVINCE, indicator, period), _one(frame, COUNTRY, indicator, period)
    return Headline(
        indicator=indicator,
        period=period,
        value=None if cur is None else float(cur.value),
        status=None if cur is None else cur.status,
        quality_flag=None if cur is None else (cur.quality_flag or None),
        source_publisher=None if cur is None else cur.source_publisher,
        source_reference=None if cur is None else cur.source_reference,
        previous_value=None if prev is None else float(prev.value),
        previous_period=None if prev is None else int(prev.period),
        previous_status=None if prev is None else prev.status,
        comparable_previous=prev is not None and cur is not None and (prev.series or "") == (cur.series or ""),
        province_value=None if prov is None else float(prov.value),
        country_value=None if nat is None else float(nat.value),
    )


def caution_notes(h: Headline, lang: str) -> list[str]:
    """What a reader must know before quoting the figure: its status when not official, its quality flag,
    and a change computed from a figure that is not official. Shared by the card and the PDF brief."""
    notes = [t(f"status.{h.status}", lang)] if h.status and h.status != "official" else []
    if h.quality_flag:
        notes.append(t(f"overview.flag.{h.quality_flag}", lang))
    if h.change_from_unofficial:
        notes.append(t("common.previous_not_official", lang, year=h.previous_period, status=t(f"status_short.{h.previous_status}", lang)))
    return notes


def default_year(frame: pd.DataFrame) -> int | None:
    """The latest year with the city's official P0 and poverty line: the latest complete release."""
    city = frame[(frame.region_code == CITY) & (frame.status == "official")]
    years = set(city[city.indicator_code == "p0"].period) & set(city[city.indicator_code == "gk"].period)
    return max(years) if years else None

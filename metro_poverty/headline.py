"""Headline figures for a year: the city's value, the change from the previous published year, and
the same indicator for Lampung and Indonesia. Pure: takes the published series, returns records."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metro_poverty.i18n import t
from metro_poverty.provenance import cautions

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
    citation: str | None = None  # how the figure is known: primary, quoted, secondary
    decimals: int | None = None  # the precision the figure has, when less than the catalogue's (derived)
    previous_decimals: int | None = None
    latest_period: int | None = None  # the latest year with a value, when this year has none
    province_decimals: int | None = None
    country_decimals: int | None = None
    province_status: str | None = None
    country_status: str | None = None
    compare_period: int | None = None  # the year of the Lampung and Indonesia values (the city's figure shown)
    previous_other_series: bool = False  # the previous figure is of another series than the indicator's latest
    previous_flag: str | None = None  # the previous figure's quality flag (derived: computed by us, not released)
    older_series: str | None = None  # the figure's series when the indicator's latest is of another (IPM 2020: old UHH)

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous_value is None or not self.comparable_previous:
            return None
        return self.value - self.previous_value

    @property
    def change_decimals(self) -> int | None:
        """A change is as precise as the less precise of its two figures (None: the catalogue's)."""
        known = [d for d in (self.decimals, self.previous_decimals) if d is not None]
        return min(known) if known else None

    @property
    def change_from_unofficial(self) -> bool:
        """The change is computed from a previous figure that is not official (provisional, derived...)."""
        return self.change is not None and self.previous_status not in (None, "official")


def _one(rows: list[dict], region: str, period: int) -> dict | None:
    return next((r for r in rows if r["region_code"] == region and r["period"] == period), None)


def _get(row: dict | None, column: str):
    """A cell, None when the row or the cell is missing (NaN and pd.NA included)."""
    value = None if row is None else row.get(column)
    return None if value is None or pd.isna(value) else value


def _int(value) -> int | None:
    return None if value is None else int(value)


def missing_text(h: Headline, ind, lang: str) -> str:
    """Why a card has no figure: the store holds none for the year (never "not released": whether the producer
    released one is not something the store knows), with the figure before it when there is one."""
    if h.previous_value is None:
        return t("provenance.not_in_store_none", lang, year=h.period)
    return t("provenance.not_in_store_for", lang, year=h.period, previous=ind.fmt(h.previous_value, lang, decimals=h.previous_decimals),
             previous_year=previous_year(h, lang))


def previous_year(h: Headline, lang: str) -> str:
    """The previous figure's year, with its status when not official and a word when it is of an older series:
    IPM 2020's 77,17 (UHH before SP2020, unverified) stood as 'sebelumnya 77,17 (2020)' under a caption naming
    the SP2020 basis."""
    marks = [str(h.previous_period)]
    if h.previous_status not in (None, "official"):
        marks.append(t(f"status_short.{h.previous_status}", lang))
    if h.previous_other_series:
        marks.append(t("common.older_series", lang))
    return ", ".join(marks)


def headlines(frame: pd.DataFrame, period: int, indicators: tuple[str, ...] = HEADLINE_INDICATORS) -> list[Headline]:
    """One headline per indicator. frame: rows of queries/published_series_by_region.sql, turned into plain rows
    once and looked up in Python: a pandas filter and to_dict per indicator took 8.0 ms for the six cards,
    this 1.7 ms (the store's 82 rows, median of 50 in one process)."""
    by_indicator: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):
        by_indicator.setdefault(row["indicator_code"], []).append(row)
    return [headline(by_indicator.get(code, []), code, period) for code in indicators]


def headline(rows: list[dict], indicator: str, period: int) -> Headline:
    """rows: the indicator's rows of queries/published_series_by_region.sql, as plain dicts."""
    cur = _one(rows, CITY, period)
    city = [r for r in rows if r["region_code"] == CITY]
    earlier = sorted((r for r in city if r["period"] < period), key=lambda r: r["period"])
    prev = earlier[-1] if earlier else None
    city_latest = max(city, key=lambda r: r["period"]) if city else None
    # Lampung and Indonesia in the year of the city's figure on the card: with none for the year the card shows the
    # city's previous figure, and 'sebelumnya Rp 503.161 (2024) · Lampung Rp 612.451' set 2025's beside 2024's
    compared = period if cur is not None or prev is None else int(prev["period"])
    prov, nat = _one(rows, PROVINCE, compared), _one(rows, COUNTRY, compared)
    return Headline(
        indicator=indicator,
        period=period,
        value=None if cur is None else float(cur["value"]),
        status=_get(cur, "status"),
        quality_flag=_get(cur, "quality_flag"),
        source_publisher=_get(cur, "source_publisher"),
        source_reference=_get(cur, "source_reference"),
        previous_value=None if prev is None else float(prev["value"]),
        previous_period=None if prev is None else int(prev["period"]),
        previous_status=_get(prev, "status"),
        comparable_previous=prev is not None and cur is not None and (_get(prev, "series") or "") == (_get(cur, "series") or ""),
        province_value=None if prov is None else float(prov["value"]),
        country_value=None if nat is None else float(nat["value"]),
        citation=_get(cur, "citation"),
        decimals=_int(_get(cur, "decimals")),
        previous_decimals=_int(_get(prev, "decimals")),
        latest_period=None if cur is not None or not city else int(max(r["period"] for r in city)),
        province_decimals=_int(_get(prov, "decimals")),
        country_decimals=_int(_get(nat, "decimals")),
        province_status=_get(prov, "status"),
        country_status=_get(nat, "status"),
        compare_period=compared,
        previous_other_series=prev is not None and (_get(prev, "series") or "") != (_get(city_latest, "series") or ""),
        previous_flag=_get(prev, "quality_flag"),
        older_series=(_get(cur, "series") or "none") if cur is not None and (_get(cur, "series") or "") != (_get(city_latest, "series") or "") else None,
    )


def compare_line(h: Headline, fmt, lang: str) -> str:
    """'Lampung 10,69% · Indonesia 8,47%' beside the city's figure (`fmt`: the card's way of writing a value),
    each with its status when it is not official: Lampung's poor count is derived from its P0, '887 ribu jiwa
    (Sementara)', and had stood there as if released."""
    def one(value: float | None, decimals: int | None, status: str | None) -> str:
        text = fmt(value, lang, decimals=decimals)
        return text if value is None or status in (None, "official") else f"{text} ({t(f'status_short.{status}', lang)})"

    # a side the store has no figure for is left out: 'Lampung – · Indonesia 75,02' read as a glitch
    sides = [t(f"overview.compare_{side}", lang, value=one(v, d, s)) for side, v, d, s in (
        ("province", h.province_value, h.province_decimals, h.province_status), ("country", h.country_value, h.country_decimals, h.country_status))
        if v is not None]
    line = " · ".join(sides)
    return line if h.compare_period in (None, h.period) else t("overview.compare_in", lang, year=h.compare_period, sides=line)


def caution_notes(h: Headline, lang: str, producer: str | None = None, short: bool = False) -> list[str]:
    """What a reader must know before quoting the figure: its status when not official, how it was cited
    when not from its producer's own publication, its quality flag, and a change computed from a figure
    that is not official. Shared by the card and the PDF brief; `short` for a slide's card, where a
    derived baseline is named in a few words (its full note, four lines on a card, pushed the second row
    of 2024's cards below the slide's edge)."""
    notes = cautions(h.status, h.citation, h.quality_flag, producer, lang, short=short)
    if h.older_series:  # IPM 2020 beside a caption naming the SP2020 long form that its UHH predates
        notes.append(t("common.older_series", lang) if short else f"{t('common.older_series', lang)}: {t(f'series.{h.older_series}', lang)}")
    if h.change_from_unofficial:
        # Metro's 12,8 ribu poor in 2023 is P0 × a population of ours; 2024's count is BPS's, on its own projection
        key = "common.previous_not_official"
        if h.previous_flag == "derived":
            key = "common.previous_derived_short" if short else "common.previous_derived"
        notes.append(t(key, lang, year=h.previous_period, status=t(f"status_short.{h.previous_status}", lang)))
    return notes


def default_year(frame: pd.DataFrame) -> int | None:
    """The latest year with a published P0 of the city: pages open on BPS's latest release, and the
    figures not yet released for that year say so."""
    city = frame[(frame.region_code == CITY) & (frame.indicator_code == "p0") & frame.status.isin(["official", "provisional"])]
    return int(city.period.max()) if len(city) else None


def macro_notice(catalogue: dict, lang: str) -> str:
    """'Survey estimates for Kota Metro as a whole (P0, …: Susenas Maret (BPS); IPM: …)': each headline
    indicator's survey named from the catalogue, never one survey for all."""
    by_source: dict[str, list[str]] = {}
    for code in HEADLINE_INDICATORS:
        ind = catalogue[code]
        by_source.setdefault(ind.source_name(lang), []).append(ind.short(lang))
    sources = "; ".join(f"{', '.join(names)}: {source}" for source, names in by_source.items())
    return t("notice.macro", lang, sources=sources)

"""The indicator catalogue as objects: names, units, formats and polarity, in either language.

Labels, number formats, colours and definitions on every page come from here, so an indicator
added to data/reference/indicators.csv needs no code.
"""

from __future__ import annotations

import math

from dataclasses import dataclass

import pandas as pd

from metro_poverty import numfmt
from metro_poverty.headline import CITY, COUNTRY
from metro_poverty.provenance import decimals_of
from metro_poverty.i18n import pick, t

DIMENSIONS = ("income", "education", "health", "basic_services", "composite")
SUB_CITY_LEVELS = ("kelurahan", "kecamatan")
# the parameters of queries/indicator_catalogue.sql: whose target the pages compare with
CATALOGUE_PARAMS = {"city": CITY, "country": COUNTRY}


# the catalogue's lowest_level (data/reference/indicators.csv) to the UI's level names
_LOWEST_LEVEL_KEYS = {"provinsi": "province", "kab/kota": "kabkota", "kecamatan": "kecamatan", "kelurahan": "kelurahan"}


@dataclass(frozen=True)
class Indicator:
    code: str
    meta: dict

    def _text(self, field: str, lang: str) -> str:
        return pick(lang, self.meta.get(f"{field}_id"), self.meta.get(f"{field}_en"))

    def text(self, field: str, lang: str) -> str:
        """A bilingual catalogue field (classification, measure, disaggregation, ...) in the language asked; '' when empty."""
        value = self._text(field, lang)
        return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)

    def name(self, lang: str) -> str:
        return self._text("name", lang)

    def short(self, lang: str) -> str:
        return self._text("short", lang)

    def unit(self, lang: str) -> str:
        return self._text("unit", lang)

    def titled(self, lang: str) -> str:
        """An axis's or a column's title: 'P0 (%)'; the short name alone when it already says its unit
        ('RTLH per 100 RT', not 'RTLH per 100 RT (per 100 RT)'; 'Families, national deciles 1–4', not '… (families)')."""
        short, unit = self.short(lang), self.unit(lang)
        # a rate's name that says 'per 100' already names its base ('Unfit houses per 100 hh', unit 'per 100 households')
        said = unit.casefold() in short.casefold() or (unit.startswith("per ") and " ".join(unit.split()[:2]) in short)
        return short if not unit or said else f"{short} ({unit})"

    def definition(self, lang: str) -> str:
        return self._text("definition", lang)

    def concept(self, lang: str) -> str:
        return self._text("concept", lang)

    def frequency(self, lang: str) -> str:
        return self._text("frequency", lang)

    @property
    def dimension(self) -> str:
        return self.meta["dimension"]

    @property
    def decimals(self) -> int:
        return int(self.meta["decimals"])

    @property
    def polarity(self) -> str:
        return self.meta["polarity"]

    @property
    def measure_kind(self) -> str:
        return self.meta["measure_kind"]

    @property
    def is_survey_estimate(self) -> bool:
        """A BPS-style macro estimate (no names, city level at best), as opposed to records or registers."""
        return self.measure_kind == "survey_estimate"

    @property
    def levels(self) -> tuple[str, ...]:
        levels = self.meta.get("levels")
        return tuple(levels) if levels is not None and not isinstance(levels, float) else ()

    @property
    def map_levels(self) -> tuple[str, ...]:
        return tuple(lvl for lvl in SUB_CITY_LEVELS if lvl in self.levels)

    @property
    def is_count(self) -> bool:
        """A count that adds up over regions: a kelurahan's count is part of the city's, not comparable with it."""
        return self.meta.get("aggregation") == "sum"

    @property
    def target(self) -> float | None:
        """The city's target (else the national one) for this indicator's concept and source, if any."""
        value = self.meta.get("target")
        return None if value is None or pd.isna(value) else float(value)

    @property
    def target_year(self) -> int | None:
        """The year the target is for (2045 for the RPJPD's P0): a 2045 target is not this year's yardstick."""
        value = self.meta.get("target_year")
        return None if value is None or pd.isna(value) else int(value)

    def fmt_target(self, lang: str, value: float | None = None) -> str:
        """The target (or `value`) as its document states it, with the decimals it has and no more: '2%' and '14%',
        not '2,00%' and '14,0%' in the catalogue's decimals, which claimed a precision the RPJPD and RPJMN do not."""
        target = self.target if value is None else value
        if target is None:
            return "–"
        decimals = next(d for d in range(5) if round(float(target), d) == round(float(target), 4))
        return self.fmt(target, lang, decimals=decimals)

    def target_note(self, lang: str) -> str:
        """What sets the target and for what: 'RPJPD Kota Metro 2025–2045: 2% pada 2045'."""
        return self._text("target_note", lang) or str(self.meta.get("target_document") or "")

    def target_source(self, lang: str) -> str:
        """The document that sets the target, short enough for a chart's label: 'RPJPD Kota Metro 2025–2045'."""
        return self.target_note(lang).split(":")[0].split(" (")[0].strip()

    def interpretation(self, lang: str) -> str:
        return self._text("interpretation", lang)

    MILLIONS_FROM = 10_000  # thousands of persons

    def fmt(self, value, lang: str = "id", with_unit: bool = True, decimals=None) -> str:
        """The value in the catalogue's decimals (or the fewer a derived figure has) and unit, Indonesian style by default.
        A count of thousands of persons of ten million or more is written in millions, as BPS writes Indonesia's
        (25,22 juta jiwa, not 25.220,00 ribu jiwa); Lampung's stays in thousands at its published precision, as its
        BRS writes it (1.002,41 ribu jiwa: '1,00 juta' lost two digits and changed the unit from year to year)."""
        places = decimals_of(decimals, self.decimals)
        if not with_unit:
            return numfmt.number(value, places, lang)
        if self.meta.get("unit_id") == "ribu jiwa" and not numfmt._is_missing(value) and abs(float(value)) >= self.MILLIONS_FROM:
            return numfmt.with_unit(float(value) / 1000, t("common.million_persons", lang), min(places + 3, 2), lang)
        return numfmt.with_unit(value, self.unit(lang), places, lang)

    def difference_unit(self, lang: str) -> str:
        """What follows a difference of two values: ' poin' for a percentage (a gap of 14,8 is not 14,8%), else nothing."""
        return f" {t('common.points', lang)}" if self.unit(lang) == "%" else ""

    def fmt_compact(self, value, lang: str = "id", decimals=None) -> str:
        """The value with only a short unit mark (6,78% · Rp 503.161 · 12,07); the rest goes in the label."""
        unit, places = self.unit(lang), decimals_of(decimals, self.decimals)
        if unit == "%":
            return numfmt.percent(value, places, lang)
        if unit.startswith("Rp"):
            return numfmt.rupiah(value, places, lang)
        return numfmt.number(value, places, lang)

    @property
    def producer(self) -> str:
        return str(self.meta.get("producer") or "")

    @property
    def source(self) -> str:
        """The source as the catalogue names it, in Indonesian: the key a target is set for (data/reference/targets.csv)."""
        return str(self.meta.get("source") or "")

    def lowest_level(self, lang: str) -> str:
        """The lowest level at which the concept is officially published, in the UI language ('Kab/kota', 'Province')."""
        raw = str(self.meta.get("lowest_level") or "")
        key = _LOWEST_LEVEL_KEYS.get(raw)
        return t(f"level.{key}", lang) if key else raw

    def source_name(self, lang: str) -> str:
        """The source in the UI language ('Susenas Maret (BPS)', 'March Susenas (BPS)')."""
        return pick(lang, self.meta.get("source"), self.meta.get("source_en"))

    @property
    def related_codes(self) -> tuple[str, ...]:
        """The indicators the catalogue relates to this one (data/reference/indicators.csv's `related`)."""
        return tuple(c for c in str(self.meta.get("related") or "").split(";") if c)

    @property
    def is_count_measure(self) -> bool:
        """A number of people, families or houses: it grows with the population, so a city's and a nation's
        never share an axis."""
        return self.meta.get("measure_en") == "Count"

    def label_unit(self, lang: str = "id") -> str:
        """The part of the unit that fmt_compact leaves out: 'ribu jiwa', 'Rp/kapita/bulan', '' for %."""
        unit = self.unit(lang)
        return "" if unit in ("%", "indeks", "index") else unit

    @property
    def delta_color(self) -> str:
        """For st.metric: a fall is good news when higher is worse."""
        return {"higher_worse": "inverse", "higher_better": "normal"}.get(self.polarity, "off")

    def is_better(self, new: float, old: float, cases_per_unit: float | None = None) -> bool | None:
        """Whether `new` is better than `old`; None for a neutral figure, or two values that read the same at the
        decimals they are shown with (99,898 and 99,900 are both 99,9: '▼ lebih buruk' beside two equal figures).
        `cases_per_unit`: the cases a unit of `new` stands for (its numerator over its value), where known: a
        difference of less than one case is none (a kelurahan's APS of 99,8 against the city's 99,9 was '▼ lebih
        buruk' for 0,4 of a child; 42 stunted children in both years 'memburuk' as fewer children were weighed)."""
        if self.polarity == "neutral" or round(float(new), self.decimals) == round(float(old), self.decimals):
            return None
        if cases_per_unit is not None and abs(float(new) - float(old)) * cases_per_unit < 1:
            return None
        return (new < old) if self.polarity == "higher_worse" else (new > old)


def cases_per_unit(numerator, value) -> float | None:
    """The cases one unit of a value stands for (numerator / value: 443 children at 99,8% → 4,4 per point), or None
    without a numerator or a value to divide by."""
    try:
        n, v = float(numerator), float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(n) or math.isnan(v) or v == 0 else n / v


def catalogue_from_frame(frame: pd.DataFrame) -> dict[str, Indicator]:
    return {row["code"]: Indicator(row["code"], row) for row in frame.to_dict("records")}


def by_dimension(catalogue: dict[str, Indicator], dimension: str) -> list[Indicator]:
    return [ind for ind in catalogue.values() if ind.dimension == dimension]


def mappable(catalogue: dict[str, Indicator]) -> list[Indicator]:
    """Indicators with values below the city, i.e. that can be drawn on a kelurahan or kecamatan map."""
    return [ind for ind in catalogue.values() if ind.map_levels]

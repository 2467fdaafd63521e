"""How a region stands: its rank among its peers, its gap to the city and to the target, and whether it
improved between two years. Pure functions over tidy frames; the polarity comes from the catalogue.

The city value a region is compared with is always the one from the same source (the same family of
data): a kelurahan's e-PPGBM record is set against the city's e-PPGBM total, never against a survey.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metro_poverty.catalog import Indicator, cases_per_unit


def period_shown(periods, year: int) -> int | None:
    """The year asked if there is data for it, else the latest year before it, else the first after it."""
    periods = [int(p) for p in periods]
    before = [p for p in periods if p <= year]
    return max(before) if before else (min(periods) if periods else None)


def fallback_key(key: str, shown: int, year: int) -> str:
    """The text that says another year is shown: 'not yet in' when it is the latest before the year chosen, 'the data
    start in' when the year chosen is before the first (2015 asked of e-PPGBM, which starts in 2021: '2015 belum
    ada' said the data were still to come)."""
    return f"{key}_later" if shown > year else key


def ranked(values: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """values of one period and level, with `rank` (1 = best; ties share the better rank) and `n_ranked`. Values
    are ranked as published, at the indicator's decimals: five kecamatan shown at 99,9% were ranked 1 to 5 on
    digits no one is shown (nor can vouch for)."""
    out = values.copy()
    if ind.polarity == "neutral" or out.empty:
        out["rank"] = pd.NA
    else:
        shown = out["value"].round(ind.decimals)
        out["rank"] = shown.rank(ascending=ind.polarity == "higher_worse", method="min").astype("Int64")
    out["n_ranked"] = len(out)
    return out


def city_reference(city: pd.DataFrame, source_id: str, period: int, series: str | None = None) -> float | None:
    """The city's value from the same source, period (and series): the fair reference for its regions."""
    return city_reference_in(city.to_dict("records"), source_id, period, series)


def city_reference_in(city: list[dict], source_id: str, period: int, series: str | None = None) -> float | None:
    """city_reference on plain rows (one indicator's city rows), for callers that look up many indicators."""
    for r in city:
        if r["source_id"] == source_id and r["period"] == period and (series is None or "series" not in r or same_series(r["series"], series)):
            return float(r["value"])
    return None


def same_series(value, series: str | None) -> bool:
    """A row's series against a wanted one, an empty series matching a missing one (as fillna('') compares)."""
    return ("" if value is None or pd.isna(value) else value) == (series or "")


@dataclass(frozen=True)
class Standing:
    region_code: str
    period: int
    value: float
    rank: int | None
    n_ranked: int
    city_value: float | None
    better_than_city: bool | None
    decimals: int | None = None  # the indicator's: the gap is that of the values as shown

    @property
    def gap_to_city(self) -> float | None:
        """The difference of the two values as they are shown: 96,4% beside a city's 96,7% is -0,3 poin (from the
        unrounded 96,36 and 96,74 it read -0,4, which no reader can get from the figures on screen)."""
        return None if self.city_value is None else shown_difference(self.value, self.city_value, self.decimals)


def shown_difference(value: float, other: float, decimals: int | None) -> float:
    """value − other as a reader computes it from the two figures on screen, each at `decimals` (None: unrounded)."""
    return value - other if decimals is None else round(value, decimals) - round(other, decimals)


def standing(values: pd.DataFrame, city: pd.DataFrame, ind: Indicator, region: str, period: int) -> Standing | None:
    """One region's standing in `period`; values: all regions of its level (queries/indicator_history_by_level)."""
    now = ranked(values[values.period == period], ind)
    row = now[now.region_code == region]
    if row.empty:
        return None
    r = row.iloc[0]
    ref = city_reference(city, r.source_id, period, r.series)
    return Standing(region, period, float(r.value), None if pd.isna(r["rank"]) else int(r["rank"]), int(r.n_ranked), ref,
                    None if ref is None else ind.is_better(float(r.value), ref), ind.decimals)


def _kind(values: pd.DataFrame) -> pd.Series:
    """What two values must share to be compared: their series (a method break starts a new one) and whether
    they are made up (an illustrative value against a real one is no change at all)."""
    made_up = values.status.eq("illustrative") if "status" in values else pd.Series(False, index=values.index)
    return values.series.fillna("").astype(str) + made_up.map({True: "|illustrative", False: ""})


def earliest_comparable(values: pd.DataFrame, earlier: list[int], latest: int) -> int:
    """The earliest of `earlier` whose values are of the series (and kind: real or illustrative) most of
    `latest`'s are (a register renamed P3KE -> DTSEN in 2025 is not compared with 2022, a made-up year not
    with the year an OPD's real file gave); the earliest year when none is."""
    same = comparable_earlier(values, earlier, latest)
    return same[0] if same else earlier[0]


def comparable_earlier(values: pd.DataFrame, earlier: list[int], latest: int) -> list[int]:
    """The years of `earlier` with values of the series (and kind) most of `latest`'s are; all of them when
    `latest` has no values."""
    kinds = _kind(values)
    now = kinds[values.period == latest]
    if now.empty:
        return list(earlier)
    kind = now.mode().iloc[0]
    return [p for p in earlier if (kinds[values.period == p] == kind).any()]


def change_between(values: pd.DataFrame, ind: Indicator, base: int, latest: int) -> pd.DataFrame:
    """Per region: value in `base` and `latest`, the change, and whether it improved; a region whose two
    values belong to different series, or of which one is made up and the other not, is marked not
    comparable rather than compared."""
    keyed = values.assign(kind=_kind(values), numerator=values["numerator"] if "numerator" in values else float("nan"))
    a = keyed[keyed.period == base][["region_code", "region_name", "value", "series", "kind", "numerator"]]
    b = keyed[keyed.period == latest][["region_code", "region_name", "value", "series", "kind", "numerator"]]
    both = a.merge(b, on=["region_code", "region_name"], suffixes=("_base", "_latest"))
    both["comparable"] = both.kind_base == both.kind_latest
    both["change"] = (both.value_latest - both.value_base).where(both.comparable)
    both["direction"] = [  # a change of less than one case (the latest year's numerator) is none
        "not_comparable" if not c else {True: "better", False: "worse", None: "same"}[ind.is_better(n, o, cases_per_unit(k, n))]
        for c, n, o, k in zip(both.comparable, both.value_latest, both.value_base, both.numerator_latest)
    ]
    both = both.drop(columns=["numerator_base", "numerator_latest"])
    return both.sort_values("change", ascending=ind.polarity == "higher_worse", na_position="last").reset_index(drop=True)

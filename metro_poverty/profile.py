"""A region's profile: every indicator it has, each against the city from the same source, with its
trend. Pure: takes the rows of queries/region_indicator_history.sql and the catalogue."""

from __future__ import annotations

import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.compare import city_reference

COLUMNS = ["indicator_code", "dimension", "period", "value", "city_value", "gap", "direction", "trend", "status",
           "source_publisher", "series"]


def profile_rows(rows: pd.DataFrame, catalogue: dict[str, Indicator], region: str, year: int) -> pd.DataFrame:
    """One row per indicator with a value for the region in or before `year` (the latest such value)."""
    own = rows[rows.region_code == region]
    city = rows[rows.region_level == "city"]
    out = []
    for code, part in own.groupby("indicator_code", sort=False):
        ind = catalogue.get(code)
        upto = part[part.period <= year].sort_values("period")
        if ind is None or upto.empty:
            continue
        last = upto.iloc[-1]
        ref = city_reference(city[city.indicator_code == code], last.source_id, int(last.period), last.series)
        direction = _direction(ind, float(last.value), ref)
        series = part[part.series.fillna("") == (last.series or "")].sort_values("period")
        out.append([code, ind.dimension, int(last.period), float(last.value), ref, None if ref is None else float(last.value) - ref,
                    direction, [float(v) for v in series.value], last.status, last.source_publisher, last.series])
    return pd.DataFrame(out, columns=COLUMNS)


def _direction(ind: Indicator, value: float, city: float | None) -> str | None:
    """better / worse / same than the city; 'part' for a count (a share of the city's total), 'neutral' for context."""
    if city is None:
        return None
    if ind.is_count:
        return "part"
    if ind.polarity == "neutral":
        return "neutral"
    better = ind.is_better(value, city)
    return "same" if better is None else ("better" if better else "worse")

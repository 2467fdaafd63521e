"""A region's profile: every indicator it has, each against the city from the same source, with its
trend. Pure: takes the rows of queries/region_indicator_history.sql and the catalogue."""

from __future__ import annotations

import pandas as pd

from metro_poverty.catalog import Indicator, cases_per_unit
from metro_poverty.compare import city_reference_in, same_series, shown_difference

COLUMNS = ["indicator_code", "dimension", "period", "value", "city_value", "gap", "direction", "trend", "status",
           "source_publisher", "series", "source_id", "source_title", "source_reference"]


def profile_rows(rows: pd.DataFrame, catalogue: dict[str, Indicator], region: str, year: int) -> pd.DataFrame:
    """One row per indicator with a value for the region in or before `year` (the latest such value)."""
    # plain rows, looked up in Python: a region has a few dozen, and a pandas filter per indicator cost the
    # profile's first rerun about 50 ms
    own = rows[rows.region_code == region].to_dict("records")
    by_indicator: dict[str, list[dict]] = {}
    city: dict[str, list[dict]] = {}
    for r in own:
        by_indicator.setdefault(r["indicator_code"], []).append(r)
    for r in rows[rows.region_level == "city"].to_dict("records"):
        city.setdefault(r["indicator_code"], []).append(r)
    out = []
    for code, part in by_indicator.items():
        ind = catalogue.get(code)
        # the latest year; within it a published value before an illustrative one (the city may have both)
        upto = sorted((r for r in part if r["period"] <= year), key=lambda r: (r["period"], _kind(r) == "published"))
        if ind is None or not upto:
            continue
        last = upto[-1]
        ref = city_reference_in(city.get(code, []), last["source_id"], int(last["period"]), last["series"])
        direction = _direction(ind, float(last["value"]), ref, cases_per_unit(last.get("numerator"), last["value"]))
        # the trend is the last value's line, as trend charts draw lines: its series, published or illustrative
        series = sorted((r for r in part if same_series(r["series"], last["series"]) and _kind(r) == _kind(last)), key=lambda r: r["period"])
        out.append([code, ind.dimension, int(last["period"]), float(last["value"]), ref,
                    None if ref is None else shown_difference(float(last["value"]), ref, ind.decimals), direction,
                    [float(r["value"]) for r in series], last["status"], last["source_publisher"], last["series"], last["source_id"],
                    last.get("source_title"), last.get("source_reference")])
    return pd.DataFrame(out, columns=COLUMNS)


def _kind(row: dict) -> str:
    return "illustrative" if row["status"] == "illustrative" else "published"


def _direction(ind: Indicator, value: float, city: float | None, cases: float | None = None) -> str | None:
    """better / worse / same than the city; 'part' for a count (a share of the city's total), 'neutral' for context.
    `cases`: the region's cases per unit of its value; a gap of less than one case is 'same'."""
    if city is None:
        return None
    if ind.is_count:
        return "part"
    if ind.polarity == "neutral":
        return "neutral"
    better = ind.is_better(value, city, cases)
    return "same" if better is None else ("better" if better else "worse")

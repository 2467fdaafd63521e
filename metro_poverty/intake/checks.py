"""Checks of plausibility before a load: errors for what cannot be true of Kota Metro, warnings for
what is possible but deserves a second look.

Rules per indicator are data (data/reference/intake_checks.csv, values in the catalogue's unit):
- the period: before first_period (Kota Metro exists since UU 12/1999; JKN since 2014) or after the
  current year is an error;
- outside the possible range (possible_min, possible_max: e.g. more poor people than the city has)
  is an error; a numerator or denominator above max_count (more children, families or households than
  the city has) is an error;
- outside the plausible range: below plausible_min or above plausible_max is a warning (the catalogue's
  min/max stay hard limits, checked as errors by pipeline.harmonize);
- an outlier against the region's history: more than 3 robust standard deviations (1.4826 × the median
  absolute deviation, MAD) from the median of at least 3 earlier values of the same indicator, region,
  series and source; the deviation is floored at 5% of the median (and at half the catalogue's last
  decimal), so a short or flat history does not flag every ordinary change;
- a change from the previous year larger than max_yearly_change (in the indicator's unit when
  change_unit is `points`, relative when it is `percent`), same indicator, region, series and source;
- values that replace those of an earlier, still active upload (same indicator, region, year, series and
  source) are a warning naming that upload: a revised file took the place of the first one unsaid.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from metro_poverty.problems import WARNING, Num, Problem

MAD_LIMIT = 3.0
MAD_TO_SD = 1.4826  # the MAD of normal data times this is its standard deviation
RELATIVE_FLOOR = 0.05
MIN_HISTORY = 3
NUMERIC = ["first_period", "possible_min", "possible_max", "plausible_min", "plausible_max", "max_count", "max_yearly_change"]
THRESHOLD_COLUMNS = ["indicator", *NUMERIC, "change_unit", "note"]


def load_thresholds(reference_dir: Path) -> pd.DataFrame:
    table = pd.read_csv(reference_dir / "intake_checks.csv", dtype={"indicator": str, "change_unit": str, "note": str},
                        keep_default_na=False, na_values={c: [""] for c in NUMERIC})
    return table.astype({c: float for c in NUMERIC}).set_index("indicator")


def periods(obs: pd.DataFrame, thresholds: pd.DataFrame, this_year: int, year_column: str | None) -> list[Problem]:
    """A period before the indicator's first or after this year: an error per row of a Year column, once
    per indicator when the file has one period."""
    out, seen = [], set()
    for r in obs.itertuples(index=False):
        first = thresholds.first_period.get(r.indicator_code, float("nan"))
        if (pd.isna(first) or r.period >= first) and r.period <= this_year:
            continue
        where = {"row": int(r.origin_line), "column": year_column} if year_column else {}
        if (r.indicator_code, where.get("row")) in seen:
            continue
        seen.add((r.indicator_code, where.get("row")))
        out.append(Problem("period_out_of_range", r.origin_file, value=str(r.period),
                           fields={"indicator": r.indicator_code, "first": "–" if pd.isna(first) else f"{first:.0f}", "last": this_year}, **where))
    return out


def possible(obs: pd.DataFrame, thresholds: pd.DataFrame) -> list[Problem]:
    """Values outside the possible range, and counts above max_count: errors at their rows."""
    out = []
    for r in obs.itertuples(index=False):
        if r.indicator_code not in thresholds.index:
            continue
        limits = thresholds.loc[r.indicator_code]
        lo, hi = limits.possible_min, limits.possible_max
        if (pd.notna(lo) and r.value < lo) or (pd.notna(hi) and r.value > hi):
            out.append(Problem("impossible_value", r.origin_file, row=int(r.origin_line), value=_num(r.value),
                               fields={"indicator": r.indicator_code, "region": r.region_name,
                                       "min": "–" if pd.isna(lo) else _num(lo), "max": "–" if pd.isna(hi) else _num(hi)}))
        for count in (r.numerator, r.denominator):
            if pd.notna(limits.max_count) and pd.notna(count) and count > limits.max_count:
                out.append(Problem("count_impossible", r.origin_file, row=int(r.origin_line), value=_num(count),
                                   fields={"indicator": r.indicator_code, "region": r.region_name, "max": _num(limits.max_count)}))
    return out


def _num(value, decimals: int | None = None, signed: bool = False, unit: str = "") -> Num:
    """A computed number for a message, with as many decimals as it needs (at most 4) unless told."""
    return Num.needed(value, signed, unit) if decimals is None else Num(float(value), decimals, signed, unit)


def _warning(code: str, row, decimals: int | None = None, **fields) -> Problem:
    """The value found as read, in the indicator's decimals or more when it has them: rounded to them, '0.904' in
    the file was reported as «0,9» beside the range check's «0,904» for the same cell."""
    found = _num(row.value) if decimals is None else Num(float(row.value), max(decimals, Num.needed(row.value).decimals))
    return Problem(code, row.origin_file, row=int(row.origin_line), value=found, severity=WARNING,
                   fields={"indicator": row.indicator_code, "region": row.region_name, **fields})


def plausibility(obs: pd.DataFrame, thresholds: pd.DataFrame) -> list[Problem]:
    out = []
    for r in obs.itertuples(index=False):
        if r.indicator_code not in thresholds.index:
            continue
        lo, hi = thresholds.at[r.indicator_code, "plausible_min"], thresholds.at[r.indicator_code, "plausible_max"]
        if (pd.notna(lo) and r.value < lo) or (pd.notna(hi) and r.value > hi):
            out.append(_warning("outside_plausible", r, min=_num(lo), max=_num(hi)))
    return out


def against_history(obs: pd.DataFrame, history: pd.DataFrame, thresholds: pd.DataFrame, decimals: dict[str, int]) -> list[Problem]:
    """Outlier and yearly-change warnings for each new value, from the store's values."""
    if history.empty or obs.empty:
        return []
    keys = ["indicator_code", "region_code", "series", "source_id"]
    past = {k: g for k, g in history.groupby(keys)}
    out = []
    for r in obs.itertuples(index=False):
        earlier = past.get((r.indicator_code, r.region_code, r.series, r.source_id))
        if earlier is None:
            continue
        earlier = earlier[earlier.period < r.period]
        out += _outlier(r, earlier.value, decimals.get(r.indicator_code, 1))
        if r.indicator_code in thresholds.index:
            out += _yearly(r, earlier[earlier.period == r.period - 1].value, thresholds.loc[r.indicator_code], decimals.get(r.indicator_code, 1))
    return out


def replaced(obs: pd.DataFrame, history: pd.DataFrame, records: list, file_name: str) -> list[Problem]:
    """A warning per earlier active upload whose values of the same figures this file would replace. `records`:
    the batch records (store.batches.BatchRecord), to name each upload by its file and day."""
    if obs.empty or history.empty or "batch_id" not in history:
        return []
    keys = ["indicator_code", "region_code", "period", "series", "source_id"]
    earlier = history.dropna(subset=["batch_id"])
    hit = earlier[keys + ["batch_id"]].merge(obs[keys].drop_duplicates(), on=keys)
    named = {r.batch_id: r for r in records}
    out = []
    for batch_id, rows in hit.groupby("batch_id", sort=True):
        record = named.get(batch_id)
        out.append(Problem("replaces_upload", file_name, severity=WARNING, value=record.file_name if record else batch_id,
                           fields={"n": len(rows), "batch": batch_id, "day": (record.loaded_at[:10] if record else "–")}))
    return out


def _outlier(r, values: pd.Series, decimals: int) -> list[Problem]:
    if len(values) < MIN_HISTORY:
        return []
    median = values.median()
    spread = max(MAD_TO_SD * (values - median).abs().median(), RELATIVE_FLOOR * abs(median), 0.5 * 10 ** -decimals)
    if abs(r.value - median) <= MAD_LIMIT * spread:
        return []
    return [_warning("outlier", r, decimals, median=Num(median, decimals), limit=Num(MAD_LIMIT * spread, decimals), n=len(values))]


def _yearly(r, previous: pd.Series, limits: pd.Series, decimals: int) -> list[Problem]:
    """A change beyond the indicator's yearly limit, every number in the indicator's decimals ('+6,66 dari 5,48', not
    '+6,659' beside '+6,5428')."""
    limit = limits.max_yearly_change
    if previous.empty or pd.isna(limit):
        return []
    before = float(previous.iloc[-1])
    change = r.value - before
    relative = limits.change_unit == "percent"
    size = abs(change) / abs(before) * 100 if relative and before else abs(change)
    if size <= limit:
        return []
    unit = "%" if relative else ""
    return [_warning("yearly_change", r, decimals, previous=Num(before, decimals), year=r.period - 1, change=Num(change, decimals, signed=True),
                     limit=_num(limit, unit=unit))]

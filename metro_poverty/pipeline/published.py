"""Published figures (BPS and other producers), as transcribed with their sources, into observations.

The same checks as for OPD files apply: known indicator, region, unit and source, a number, a year,
a status from the vocabulary. Units are converted to the catalogue's (juta jiwa -> ribu jiwa).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from metro_poverty.pipeline.harmonize import OBS_COLUMNS
from metro_poverty.pipeline.manifest import STATUSES
from metro_poverty.numbers import parse_number, parse_year
from metro_poverty.problems import Problem
from metro_poverty.pipeline.reference import QUALITY_FLAGS, in_catalogue_range
from metro_poverty.regions import RegionResolver

REQUIRED = ["region", "indicator", "year", "value", "unit", "source_id", "status", "flag", "series", "note", "decimals"]
PUBLISHED_COLUMNS = OBS_COLUMNS + ["decimals"]  # decimals: the precision a derived figure has, else empty
LEVELS = ("city", "province", "country")


def read_published(path: Path, resolver: RegionResolver, catalogue: pd.DataFrame, units: pd.DataFrame,
                   sources: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    name = path.name
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        return pd.DataFrame(columns=PUBLISHED_COLUMNS), [Problem("missing_column", name, fields={"column": ", ".join(missing),
                                                                                                 "found": ", ".join(table.columns)})]
    meta = catalogue.set_index("code")
    unit_of = meta["unit_id"]
    factors = {(r.unit_as_delivered, r.unit): float(r.factor) for r in units.itertuples(index=False)}
    known_sources = set(sources.source_id)
    problems, out = [], []
    for i, r in enumerate(table.itertuples(index=False), start=2):  # row 1 is the header
        where = dict(file=name, row=i)
        code = next((c for c in (resolver.resolve(r.region, lvl) for lvl in LEVELS) if c), None)
        checks = [
            (code is None, "unknown_region", "region", r.region, {"level": "/".join(LEVELS), "suggestion": ""}),
            (r.indicator not in unit_of.index, "unknown_indicator", "indicator", r.indicator, {}),
            (r.source_id not in known_sources, "unknown_source", "source_id", r.source_id, {}),
            (r.status not in STATUSES, "bad_status", "status", r.status, {"expected": ", ".join(STATUSES)}),
            (r.flag not in QUALITY_FLAGS, "bad_flag", "flag", r.flag, {"expected": ", ".join(f for f in QUALITY_FLAGS if f)}),
        ]
        bad = [Problem(c, column=col, value=v, fields=f, **where) for failed, c, col, v, f in checks if failed]
        decimals = r.decimals.strip()
        if decimals and not (decimals.isdigit() and int(decimals) <= 6):
            bad.append(Problem("bad_decimals", column="decimals", value=r.decimals, **where))
        if r.indicator in unit_of.index and (r.unit, unit_of[r.indicator]) not in factors:
            bad.append(Problem("unknown_unit", column="unit", value=r.unit, fields={"expected": unit_of[r.indicator]}, **where))
        year, value, found = year_and_value(r.year, r.value, where)
        bad += found
        if not bad:
            factor = factors[(r.unit, unit_of[r.indicator])]
            bad += range_problems(r.indicator, value * factor, r.value, meta, where)
        problems += bad
        if not bad:
            out.append([r.indicator, code, year, r.series, value * factor, None, None, r.source_id, r.status, r.flag, r.note, name, i,
                        int(decimals) if decimals else None])
    obs = pd.DataFrame(out, columns=PUBLISHED_COLUMNS).astype({"decimals": "Int64"})
    obs, found = without_duplicates(obs, name)
    return obs, problems + found


def year_and_value(year_text: str, value_text: str, where: dict) -> tuple[int | None, float | None, list[Problem]]:
    """The row's year and value, or a problem naming both cells."""
    try:
        year, value = parse_year(year_text), parse_number(value_text)
        if value is None:
            raise ValueError
        return year, value, []
    except ValueError:
        return None, None, [Problem("not_a_number", column="year/value", value=f"{year_text} / {value_text}", **where)]


def range_problems(code: str, value: float, as_written: str, meta: pd.DataFrame, where: dict) -> list[Problem]:
    """A value (in the catalogue's unit) outside the indicator's plausible range."""
    lo, hi = meta.at[code, "min_value"], meta.at[code, "max_value"]
    if in_catalogue_range(value, lo, hi):
        return []
    return [Problem("out_of_range", column="value", value=as_written, fields={"indicator": code, "min": lo, "max": hi}, **where)]


def without_duplicates(obs: pd.DataFrame, name: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One figure per indicator, region, period, series and source: a second row of it is an error."""
    keys = ["indicator_code", "region_code", "period", "series", "source_id"]
    dup = obs.duplicated(keys)
    first = {tuple(k): int(line) for *k, line in obs[~dup][keys + ["origin_line"]].itertuples(index=False)}
    problems = [Problem("duplicate_row", name, row=int(r.origin_line), value=r.region_code,
                        fields={"indicator": r.indicator_code, "year": r.period,
                                "first": first.get((r.indicator_code, r.region_code, r.period, r.series, r.source_id), "?")})
                for r in obs[dup].itertuples()]
    return obs[~dup], problems

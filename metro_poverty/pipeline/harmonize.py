"""Harmonized layer: validated records -> observations with canonical region codes, catalogue units,
ratios computed from their counts, checks against the figures a file states, and sub-city values
summed up to kecamatan and city where every kelurahan is present.

A ratio indicator delivered as a rate only (no numerator and denominator) is kept as delivered, with a
note, and never summed up; a rate delivered beside its counts is checked against them like a stated
percentage. A total row is checked against the sum of its rows for counts and sums, and against the
range of its rows for rates and other values that do not add up."""

from __future__ import annotations

import pandas as pd

from metro_poverty.pipeline.manifest import FileSpec
from metro_poverty.problems import WARNING, Num, Problem
from metro_poverty.pipeline.validate import ANY_SERIES
from metro_poverty.pipeline.reference import in_catalogue_range
from metro_poverty.regions import RegionResolver, is_grand_total

OBS_COLUMNS = ["indicator_code", "region_code", "period", "series", "value", "numerator", "denominator",
               "source_id", "status", "quality_flag", "note", "origin_file", "origin_line"]
STATED_TOLERANCE = 0.051  # a stated percentage rounded to one decimal may differ by 0.05
TOTAL_TOLERANCE = 0.005  # a total row may differ from the sum of its rows by 0.5%
AS_DELIVERED = "rate as delivered (no numerator and denominator): not summed to kecamatan or city"


def harmonize_records(records: pd.DataFrame, spec: FileSpec, resolver: RegionResolver, catalogue: pd.DataFrame,
                      units: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    if records.empty:
        return pd.DataFrame(columns=OBS_COLUMNS), problems
    totals = records[records.is_total]
    rows = records[~records.is_total].copy()
    rows["region_code"] = _resolve(rows, spec, resolver, problems)
    rows = rows[rows.region_code.notna()]
    delivered = rows.copy()  # totals are checked in the units the file delivers
    rows["value"] = _to_catalogue_units(rows, catalogue, units, problems)
    rows = rows[rows.value.notna()]
    wide = _one_row_per_observation(rows, problems)
    obs = _values(wide, catalogue, problems, {(m.indicator, m.role): m.column for m in spec.measures if m.column})
    problems += _check_stated(_rates_beside_counts(wide, catalogue), obs)
    problems += _check_totals(totals, delivered, catalogue)
    obs["source_id"], obs["status"] = spec.source_id, spec.status
    obs["quality_flag"] = ""
    obs["note"] = obs.pop("as_delivered").map({True: AS_DELIVERED, False: ""})
    return obs[OBS_COLUMNS], problems


def _resolve(rows: pd.DataFrame, spec: FileSpec, resolver: RegionResolver, problems: list[Problem]) -> pd.Series:
    level = spec.level
    codes = {raw: resolver.resolve(raw, level) for raw in rows.region_raw.unique()}
    for raw, code in codes.items():
        if code is None:
            first = rows[rows.region_raw == raw].iloc[0]
            hints = resolver.suggestions(raw, level)
            problems.append(Problem("unknown_region_hint" if hints else "unknown_region", first.file, row=int(first.line),
                                    sheet=first.sheet, column=spec.region_column, value=raw,
                                    fields={"level": level, "suggestion": " / ".join(resolver.name(h) for h in hints)}))
    return rows.region_raw.map(codes)


def _to_catalogue_units(rows: pd.DataFrame, catalogue: pd.DataFrame, units: pd.DataFrame, problems: list[Problem]) -> pd.Series:
    """Values (role 'value') are converted to the catalogue unit; counts and stated % pass unchanged."""
    target = catalogue.set_index("code")["unit_id"]
    factors = {(r.unit_as_delivered, r.unit): float(r.factor) for r in units.itertuples(index=False)}
    out = rows.value.astype(float).copy()
    for (indicator, unit), idx in rows[rows.role == "value"].groupby(["indicator", "unit"]).groups.items():
        factor = factors.get((unit, target.get(indicator)))
        if factor is None:
            first = rows.loc[idx[0]]
            problems.append(Problem("unknown_unit", first.file, row=int(first.line), column=first.column, value=unit,
                                    fields={"expected": target.get(indicator, "?")}))
            out.loc[idx] = None
        else:
            out.loc[idx] = rows.loc[idx, "value"] * factor
    return out


def _one_row_per_observation(rows: pd.DataFrame, problems: list[Problem]) -> pd.DataFrame:
    keys = ["indicator", "region_code", "year", "series"]
    dup = rows.duplicated(keys + ["role"], keep="first")
    # the row the region was first read on: a region split over two rows (male and female, its name in a merged cell)
    # read as 22 unexplained duplicates
    first = {tuple(k): int(line) for *k, line in rows[~dup][keys + ["role", "line"]].itertuples(index=False)}
    for r in rows[dup].itertuples():
        problems.append(Problem("duplicate_row", r.file, row=int(r.line), sheet=r.sheet, value=r.region_raw,
                                fields={"indicator": r.indicator, "year": r.year,
                                        "first": first.get((r.indicator, r.region_code, r.year, r.series, r.role), "?")}))
    rows = rows[~dup]
    wide = rows.pivot_table(index=keys, columns="role", values="value", aggfunc="first").reset_index()
    origin = rows.groupby(keys).agg(origin_file=("file", "first"), origin_line=("line", "min")).reset_index()
    wide = wide.merge(origin, on=keys)
    for role in ("numerator", "denominator", "value", "stated"):
        if role not in wide:
            wide[role] = float("nan")
    return wide


def _values(wide: pd.DataFrame, catalogue: pd.DataFrame, problems: list[Problem], columns: dict | None = None) -> pd.DataFrame:
    """`columns`: the file's header of each (indicator, role), to name where a check of a ratio's two counts looks
    ('pembilang 407, penyebut 397' stood beside an empty column, and the officer's sheet says neither word)."""
    # one lookup per indicator, not a row of the catalogue frame per observation (0,4 s of a 1,1 s build)
    meta = {ind.code: ind for ind in catalogue[["code", "aggregation", "min_value", "max_value"]].itertuples(index=False)}
    columns = columns or {}
    out = []
    for r in wide.itertuples(index=False):
        ind = meta[r.indicator]
        where = dict(file=r.origin_file, row=int(r.origin_line))
        value, num, den = r.value, r.numerator, r.denominator
        as_delivered = ind.aggregation == "ratio" and pd.isna(num) and pd.isna(den) and pd.notna(value)
        if ind.aggregation == "ratio" and not as_delivered:
            if pd.isna(num) or pd.isna(den):  # the empty one named
                empty = [columns.get((r.indicator, role)) for role, v in (("numerator", num), ("denominator", den)) if pd.isna(v)]
                problems.append(Problem("ratio_incomplete", column=" / ".join(filter(None, empty)) or None, fields={"indicator": r.indicator},
                                        **where))
                continue
            if den == 0 or (num > den and not _may_exceed_100(ind.max_value)):
                # the two numbers as read, in the reader's format ('1.23457e+07/1300' for a cell of 12.345.678)
                pair = " / ".join(filter(None, (columns.get((r.indicator, "numerator")), columns.get((r.indicator, "denominator")))))
                problems.append(Problem("ratio_invalid", column=pair or None, fields={"indicator": r.indicator, "num": Num.needed(num),
                                                                                      "den": Num.needed(den)}, **where))
                continue
            value = 100.0 * num / den
        elif pd.isna(value):
            continue
        if not in_catalogue_range(value, ind.min_value, ind.max_value):
            problems.append(Problem("out_of_range", value=Num.needed(value), fields={"indicator": r.indicator, "min": ind.min_value,
                                                                                     "max": ind.max_value}, **where))
            continue
        out.append([r.indicator, r.region_code, int(r.year), r.series, float(value), num, den, r.origin_file, int(r.origin_line), as_delivered])
    return pd.DataFrame(out, columns=["indicator_code", "region_code", "period", "series", "value", "numerator", "denominator", "origin_file",
                                      "origin_line", "as_delivered"])


def _may_exceed_100(max_value) -> bool:
    """A school-based enrolment ratio (APK) counts pupils from outside the city: its catalogue max is above 100."""
    cap = pd.to_numeric(max_value, errors="coerce")
    return bool(pd.notna(cap) and cap > 100)


def _rates_beside_counts(wide: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """A ratio's value delivered beside its numerator and denominator is, like a stated percentage,
    checked against them (the value loaded is computed from the counts)."""
    ratio = wide.indicator.map(catalogue.set_index("code").aggregation).eq("ratio")
    beside = ratio & wide.numerator.notna() & wide.denominator.notna() & wide.stated.isna()
    return wide.assign(stated=wide.stated.where(~beside, wide.value))


def _check_stated(wide: pd.DataFrame, obs: pd.DataFrame) -> list[Problem]:
    stated = wide[wide.stated.notna()].rename(columns={"indicator": "indicator_code", "year": "period"})
    merged = stated.merge(obs, on=["indicator_code", "region_code", "period", "series"], suffixes=("_stated", ""))
    off = merged[(merged.stated - merged.value).abs() > STATED_TOLERANCE]
    return [Problem("stated_differs", r.origin_file, row=int(r.origin_line), severity=WARNING, value=Num.needed(r.stated),
                    fields={"computed": Num(r.value, 2), "indicator": r.indicator_code}) for r in off.itertuples()]


def _check_totals(totals: pd.DataFrame, rows: pd.DataFrame, catalogue: pd.DataFrame) -> list[Problem]:
    """A grand-total row: counts (numerators, denominators, values of indicators that add up) against
    the sum of its rows; rates and other values that do not add up against the range of its rows."""
    out = []
    if totals.empty:
        return out
    counted = rows[rows.role != "stated"]
    by_series = {f: counted.groupby(["indicator", "year", "series", "role"]).value.agg(f) for f in ("sum", "min", "max")}
    any_series = {f: counted.groupby(["indicator", "year", "role"]).value.agg(f) for f in ("sum", "min", "max")}
    adds_up = catalogue.set_index("code").aggregation
    for r in totals[(totals.role != "stated") & totals.region_raw.map(is_grand_total)].itertuples():
        stats, key = ((any_series, (r.indicator, r.year, r.role)) if r.series == ANY_SERIES
                      else (by_series, (r.indicator, r.year, r.series, r.role)))
        where = dict(row=int(r.line), column=r.column, severity=WARNING, value=Num.needed(r.value))
        if r.role == "value" and adds_up.get(r.indicator) != "sum":
            low, high = stats["min"].get(key), stats["max"].get(key)
            if low is not None and not low - STATED_TOLERANCE <= r.value <= high + STATED_TOLERANCE:
                out.append(Problem("total_outside_range", r.file, fields={"min": Num.needed(low), "max": Num.needed(high)}, **where))
            continue
        expected = stats["sum"].get(key)
        if expected is None or abs(r.value - expected) > TOTAL_TOLERANCE * max(abs(expected), 1):
            out.append(Problem("total_differs", r.file, fields={"sum": "–" if expected is None else Num.needed(expected)}, **where))
    return out


def aggregate_up(obs: pd.DataFrame, regions: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Kecamatan and city values from complete sets of kelurahan, for indicators that add up.

    A ratio is re-computed from summed numerators and denominators (never an average of rates);
    a kecamatan or the city is left as a gap when any of its kelurahan is missing.
    """
    additive = catalogue.loc[catalogue.aggregation.isin(["ratio", "sum"]), ["code", "aggregation"]].rename(columns={"code": "indicator_code"})
    kel = regions[regions.level == "kelurahan"][["region_code", "parent_code"]]
    base = typed(obs).merge(additive, on="indicator_code").merge(kel, on="region_code")
    # a rate delivered without its counts cannot be summed: its kecamatan and city stay gaps
    base = base[(base.aggregation != "ratio") | (base.numerator.notna() & base.denominator.notna())]
    if base.empty:
        return pd.DataFrame(columns=OBS_COLUMNS)
    n_kel = kel.groupby("parent_code").size()
    keys = ["indicator_code", "period", "series", "source_id", "status", "aggregation"]
    kec = _sum_groups(base, keys + ["parent_code"])
    kec = kec[kec.n == kec.parent_code.map(n_kel)].rename(columns={"parent_code": "region_code"})
    city = _sum_groups(base, keys)
    city = city[city.n == len(kel)].assign(region_code=regions.loc[regions.level == "city", "region_code"].iloc[0])
    out = pd.concat([kec, city], ignore_index=True)
    ratio = out.aggregation == "ratio"
    out.loc[ratio, "value"] = 100.0 * out.loc[ratio, "numerator"] / out.loc[ratio, "denominator"]
    out.loc[out.aggregation == "sum", ["numerator", "denominator"]] = float("nan")
    out["quality_flag"], out["note"] = "aggregated", "aggregated from kelurahan"
    return out[OBS_COLUMNS + (["batch_id", "origin_batches"] if "batch_id" in out else [])]


def latest_batches(obs: pd.DataFrame) -> pd.DataFrame:
    """Per indicator, region, period, series and source, only the rows of the newest loaded batch (the
    seed rows when no batch gave that figure): what a kecamatan or city sum adds up after a correction.
    Batch ids sort by load time."""
    if "batch_id" not in obs or obs.batch_id.isna().all():
        return obs
    keys = ["indicator_code", "region_code", "period", "series", "source_id", "status"]
    newest = obs.batch_id.groupby([obs[k] for k in keys], dropna=False).transform("max")
    return obs[newest.isna() | (obs.batch_id == newest)]


def typed(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations with the store's column types (frames built row by row come out as objects)."""
    return obs.astype({"value": float, "numerator": float, "denominator": float, "period": int, "origin_line": "Int64"})


def _several(batch_ids: pd.Series) -> str | None:
    """The batches a sum adds up, comma-separated, when there are two or more; else None (its batch_id says it)."""
    ids = sorted(set(batch_ids.dropna()))
    return ",".join(ids) if len(ids) > 1 else None


def _sum_groups(base: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    # a sum is as new as its newest part, and names every batch it adds up when there are several
    newest = {"batch_id": ("batch_id", "max"), "origin_batches": ("batch_id", _several)} if "batch_id" in base else {}
    return base.groupby(keys, dropna=False).agg(value=("value", "sum"), numerator=("numerator", "sum"), denominator=("denominator", "sum"),
                                                n=("region_code", "nunique"), origin_file=("origin_file", "first"),
                                                origin_line=("origin_line", "min"), **newest).reset_index()

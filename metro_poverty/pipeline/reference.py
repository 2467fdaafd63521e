"""Reference tables kept as data files: regions, aliases, the indicator catalogue, sources, units."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from metro_poverty.pipeline.problems import Problem
from metro_poverty.regions import RegionResolver

# Every indicator must say all of this; labels, formats, colours and definitions are drawn from it.
CATALOGUE_REQUIRED = ["code", "dimension", "name_id", "name_en", "short_id", "short_en", "concept_id", "concept_en",
                      "definition_id", "definition_en", "formula", "unit_id", "unit_en", "decimals", "polarity", "producer",
                      "source", "frequency_id", "frequency_en", "lowest_level", "measure_kind", "aggregation"]
DIMENSIONS = ("income", "education", "health", "basic_services", "composite")
POLARITIES = ("higher_worse", "higher_better", "neutral")
MEASURE_KINDS = ("survey_estimate", "admin_record", "register_count")
AGGREGATIONS = ("ratio", "sum", "none")
# every column of data/reference/indicators.csv, in its order
CATALOGUE_COLUMNS = CATALOGUE_REQUIRED + ["min_value", "max_value", "target", "target_year", "target_note", "related"]
NUMERIC = ("min_value", "max_value", "target", "target_year")  # may be empty, else a number
QUALITY_FLAGS = ("", "derived", "unverified", "conflict")


def _number_or_empty(text) -> bool:
    try:
        return str(text).strip() == "" or float(text) == float(text)
    except ValueError:
        return False


def in_catalogue_range(value: float, min_value, max_value) -> bool:
    """Within the catalogue's plausible range; an empty bound does not limit."""
    lo = pd.to_numeric(min_value, errors="coerce")
    hi = pd.to_numeric(max_value, errors="coerce")
    return not ((pd.notna(lo) and value < lo) or (pd.notna(hi) and value > hi))


@dataclass
class Reference:
    regions: pd.DataFrame
    aliases: pd.DataFrame
    catalogue: pd.DataFrame
    sources: pd.DataFrame
    units: pd.DataFrame
    tiles: pd.DataFrame
    pairs: pd.DataFrame  # indicators easily confused, with what tells them apart
    tolerances: pd.DataFrame  # per indicator: the difference between two sources the FGD should look at

    @property
    def resolver(self) -> RegionResolver:
        return RegionResolver(self.regions, self.aliases)


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_reference(directory: Path) -> Reference:
    return Reference(
        regions=_csv(directory / "regions.csv"),
        aliases=_csv(directory / "region_aliases.csv"),
        catalogue=_csv(directory / "indicators.csv"),
        sources=_csv(directory / "sources.csv"),
        units=_csv(directory / "units.csv"),
        tiles=_csv(directory / "tile_map.csv"),
        pairs=_csv(directory / "indicator_pairs.csv"),
        tolerances=_csv(directory / "reconciliation_tolerances.csv"),
    )


def check_reference(ref: Reference) -> list[Problem]:
    """Catalogue complete and within its vocabularies; aliases and tiles point at known regions."""
    out = []
    cat = ref.catalogue
    for i, row in enumerate(cat.itertuples(index=False), start=2):
        empty = [c for c in CATALOGUE_REQUIRED if not str(getattr(row, c)).strip()]
        if empty:
            out.append(Problem("reference_incomplete", "indicators.csv", row=i, value=row.code, fields={"detail": "empty: " + ", ".join(empty)}))
        if not str(row.decimals).strip().isdigit():
            out.append(Problem("reference_incomplete", "indicators.csv", row=i, column="decimals", value=row.decimals,
                               fields={"detail": "expected a whole number"}))
        for col in NUMERIC:
            if not _number_or_empty(getattr(row, col)):
                out.append(Problem("reference_incomplete", "indicators.csv", row=i, column=col, value=getattr(row, col),
                                   fields={"detail": "expected a number or nothing"}))
        for col, allowed in (("dimension", DIMENSIONS), ("polarity", POLARITIES), ("measure_kind", MEASURE_KINDS), ("aggregation", AGGREGATIONS)):
            if getattr(row, col) not in allowed:
                out.append(Problem("reference_incomplete", "indicators.csv", row=i, column=col, value=getattr(row, col),
                                   fields={"detail": "expected " + ", ".join(allowed)}))
    if cat.code.duplicated().any():
        out.append(Problem("reference_incomplete", "indicators.csv", fields={"detail": "duplicate codes " + ", ".join(cat.code[cat.code.duplicated()])}))
    known = set(ref.regions.region_code)
    for name, table in (("region_aliases.csv", ref.aliases), ("tile_map.csv", ref.tiles)):
        bad = table[~table.region_code.isin(known)]
        out += [Problem("reference_incomplete", name, row=int(i) + 2, value=r.region_code, fields={"detail": "unknown region"}) for i, r in bad.iterrows()]
    codes = set(cat.code)
    if set(ref.tolerances.indicator) != codes or not all(_number_or_empty(v) and v for v in ref.tolerances.tolerance):
        out.append(Problem("reference_incomplete", "reconciliation_tolerances.csv", fields={"detail": "one numeric tolerance per indicator"}))
    for i, row in enumerate(ref.pairs.itertuples(index=False), start=2):
        for code in (row.indicator_a, row.indicator_b):
            if code not in codes:
                out.append(Problem("reference_incomplete", "indicator_pairs.csv", row=i, value=code, fields={"detail": "unknown indicator"}))
    kel = set(ref.regions.loc[ref.regions.level == "kelurahan", "region_code"])
    if set(ref.tiles.region_code) != kel:
        out.append(Problem("reference_incomplete", "tile_map.csv", fields={"detail": "every kelurahan needs exactly one tile"}))
    return out

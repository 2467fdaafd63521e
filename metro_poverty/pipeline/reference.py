"""Reference tables kept as data files: regions, aliases, the indicator catalogue, targets, sources, units."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from metro_poverty.problems import Problem
from metro_poverty.regions import RegionResolver

# Every indicator must say all of this (the Satu Data metadata of Peraturan BPS 4/2020: concept, definition,
# classification, measure, unit, method, source, disaggregation, frequency, lowest level, interpretation);
# labels, formats, colours and definitions are drawn from it.
CATALOGUE_REQUIRED = ["code", "dimension", "name_id", "name_en", "short_id", "short_en", "concept_id", "concept_en",
                      "definition_id", "definition_en", "formula_id", "formula_en", "unit_id", "unit_en", "decimals", "polarity", "producer",
                      "source", "source_en", "frequency_id", "frequency_en", "lowest_level", "measure_kind", "aggregation",
                      "classification_id", "classification_en", "measure_id", "measure_en",
                      "disaggregation_id", "disaggregation_en", "interpretation_id", "interpretation_en"]
DIMENSIONS = ("income", "education", "health", "basic_services", "composite")
POLARITIES = ("higher_worse", "higher_better", "neutral")
MEASURE_KINDS = ("survey_estimate", "admin_record", "register_count")
AGGREGATIONS = ("ratio", "sum", "none")
# the lowest level at which a concept is officially published, as the catalogue writes it
LOWEST_LEVELS = ("provinsi", "kab/kota", "kecamatan", "kelurahan")
# every column of data/reference/indicators.csv, in its order
CATALOGUE_COLUMNS = CATALOGUE_REQUIRED + ["sub_level_source_id", "sub_level_source_en", "min_value", "max_value", "related"]
NUMERIC = ("min_value", "max_value")  # may be empty, else a number
QUALITY_FLAGS = ("", "derived", "unverified", "conflict")
SOURCE_KINDS = ("published", "derived", "submitted", "illustrative")  # submitted: an OPD's file handed in on Unggah Data
CITATIONS = ("primary", "secondary", "compiled", "none")
TARGET_COLUMNS = ["indicator", "region_code", "value", "year", "document", "set_for_source", "set_for_kind", "note_id", "note_en"]


def _number_or_empty(text) -> bool:
    try:
        return str(text).strip() == "" or float(text) == float(text)
    except ValueError:
        return False


def percent_max(catalogue: pd.DataFrame) -> dict[str, float]:
    """The indicators whose percentage may exceed 100, with their catalogue maximum: a school-based APK counts pupils
    from outside the city, an immunisation coverage is measured against a projected target."""
    highest = pd.to_numeric(catalogue.set_index("code").max_value, errors="coerce")
    return {code: float(cap) for code, cap in highest.items() if pd.notna(cap) and cap > 100}


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
    targets: pd.DataFrame  # a target per indicator and region, with the concept and source it was set for

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
        targets=_csv(directory / "targets.csv"),
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
        for col, allowed in (("dimension", DIMENSIONS), ("polarity", POLARITIES), ("measure_kind", MEASURE_KINDS),
                             ("aggregation", AGGREGATIONS), ("lowest_level", LOWEST_LEVELS)):
            if getattr(row, col) not in allowed:
                out.append(Problem("reference_incomplete", "indicators.csv", row=i, column=col, value=getattr(row, col),
                                   fields={"detail": "expected " + ", ".join(allowed)}))
        if row.measure_kind == "survey_estimate" and (row.sub_level_source_id.strip() or row.sub_level_source_en.strip()):
            out.append(Problem("reference_incomplete", "indicators.csv", row=i, column="sub_level_source_id", value=row.code,
                               fields={"detail": "a survey estimate has no values below its lowest level"}))
        if bool(row.sub_level_source_id.strip()) != bool(row.sub_level_source_en.strip()):
            out.append(Problem("reference_incomplete", "indicators.csv", row=i, column="sub_level_source_en", value=row.code,
                               fields={"detail": "the source below the lowest level in both languages, or in neither"}))
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
    out += _check_sources(ref.sources)
    out += _check_targets(ref.targets, codes, known)
    kel = set(ref.regions.loc[ref.regions.level == "kelurahan", "region_code"])
    if set(ref.tiles.region_code) != kel:
        out.append(Problem("reference_incomplete", "tile_map.csv", fields={"detail": "every kelurahan needs exactly one tile"}))
    return out


def _check_sources(sources: pd.DataFrame) -> list[Problem]:
    """Every source names the document read (title and URL or locator), its kind and how it cites."""
    out = []
    for i, row in enumerate(sources.itertuples(index=False), start=2):
        if not row.title.strip() or not (row.url.strip() or row.locator.strip()):
            out.append(Problem("reference_incomplete", "sources.csv", row=i, value=row.source_id,
                               fields={"detail": "a source names the document read: its title and its URL or table/page"}))
        for col, allowed in (("kind", SOURCE_KINDS), ("citation", CITATIONS)):
            if getattr(row, col) not in allowed:
                out.append(Problem("reference_incomplete", "sources.csv", row=i, column=col, value=getattr(row, col),
                                   fields={"detail": "expected " + ", ".join(allowed)}))
        if (row.kind == "illustrative") != (row.citation == "none"):
            out.append(Problem("reference_incomplete", "sources.csv", row=i, column="citation", value=row.source_id,
                               fields={"detail": "made-up data cites nothing; every other source cites primary or secondary"}))
    return out


def _check_targets(targets: pd.DataFrame, codes: set[str], regions: set[str]) -> list[Problem]:
    out = []
    for i, row in enumerate(targets.itertuples(index=False), start=2):
        if row.indicator not in codes or row.region_code not in regions:
            out.append(Problem("reference_incomplete", "targets.csv", row=i, value=f"{row.indicator} / {row.region_code}",
                               fields={"detail": "unknown indicator or region"}))
        if not _number_or_empty(row.value) or not row.value or not _number_or_empty(row.year) or not row.document.strip():
            out.append(Problem("reference_incomplete", "targets.csv", row=i, value=row.indicator,
                               fields={"detail": "a target needs a numeric value, a year or nothing, and the document that sets it"}))
    return out

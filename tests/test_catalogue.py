"""The indicator catalogue (data/reference/indicators.csv) drives labels, definitions, number formats and
colours: every indicator must say all of it, within its vocabularies, and every indicator the manifest
or the published figures name must exist. Also reference.check_reference with a literal broken row."""

import tomllib

import pandas as pd
import pytest

from metro_poverty import paths
from metro_poverty.pipeline.reference import (AGGREGATIONS, CATALOGUE_REQUIRED, DIMENSIONS, MEASURE_KINDS, POLARITIES,
                                              check_reference, load_reference)

REF = load_reference(paths.REFERENCE_DIR)
CATALOGUE = REF.catalogue
CODES = list(CATALOGUE.code)
MANIFEST = tomllib.loads((paths.RAW_DIR / "manifest.toml").read_text(encoding="utf-8"))["file"]
PUBLISHED = pd.read_csv(paths.PUBLISHED_DIR / "bps_published_figures.csv", dtype=str, keep_default_na=False)
LEVELS = ("country", "provinsi", "kab/kota", "kecamatan", "kelurahan")


def indicator(code):
    return CATALOGUE.set_index("code").loc[code]


def test_the_repos_reference_data_passes_check_reference():
    assert [p.message("en") for p in check_reference(REF)] == []


def test_indicator_codes_are_unique():
    assert CATALOGUE.code[CATALOGUE.code.duplicated()].tolist() == []


@pytest.mark.parametrize("code", CODES)
def test_every_required_field_is_filled(code):
    row = indicator(code)
    assert [c for c in CATALOGUE_REQUIRED if c != "code" and not str(row[c]).strip()] == []


@pytest.mark.parametrize("code", CODES)
def test_vocabularies_are_respected(code):
    row = indicator(code)
    assert (row.dimension in DIMENSIONS, row.polarity in POLARITIES, row.measure_kind in MEASURE_KINDS, row.aggregation in AGGREGATIONS) == (True,) * 4


@pytest.mark.parametrize("code", CODES)
def test_decimals_is_a_small_whole_number(code):
    assert indicator(code).decimals in {"0", "1", "2", "3"}


@pytest.mark.parametrize("code", CODES)
def test_range_and_target_are_numbers_or_empty(code):
    row = indicator(code)
    bad = [c for c in ("min_value", "max_value", "target", "target_year") if row[c] and pd.isna(pd.to_numeric(row[c], errors="coerce"))]
    assert bad == []


@pytest.mark.parametrize("code", CODES)
def test_the_lowest_level_is_a_known_level(code):
    assert indicator(code).lowest_level in LEVELS


@pytest.mark.parametrize("code", CODES)
def test_related_indicators_exist(code):
    related = [r for r in indicator(code).related.split(";") if r]
    assert [r for r in related if r not in CODES] == []


def test_a_ratio_indicator_is_a_percentage():
    assert CATALOGUE.loc[CATALOGUE.aggregation == "ratio", "unit_id"].unique().tolist() == ["%"]


def test_every_indicator_in_the_manifest_exists():
    named = {m["indicator"] for f in MANIFEST for m in f["measure"]}
    assert sorted(named - set(CODES)) == []


def test_every_indicator_in_the_published_figures_exists():
    assert sorted(set(PUBLISHED.indicator) - set(CODES)) == []


def test_every_source_in_the_manifest_and_published_figures_exists():
    named = {f["source_id"] for f in MANIFEST} | set(PUBLISHED.source_id)
    assert sorted(named - set(REF.sources.source_id)) == []


def test_manifest_files_are_illustrative_exactly_when_their_source_is():
    kind = REF.sources.set_index("source_id").kind
    assert [f["path"] for f in MANIFEST if (f["status"] == "illustrative") != (kind[f["source_id"]] == "illustrative")] == []


def test_every_value_a_manifest_delivers_converts_to_its_catalogue_unit():
    conversions = set(zip(REF.units.unit_as_delivered, REF.units.unit))
    unit_of = CATALOGUE.set_index("code").unit_id
    values = {(m["unit"], unit_of[m["indicator"]]) for f in MANIFEST for m in f["measure"] if m["role"] == "value"}
    assert sorted(values - conversions) == []


def test_every_ratio_in_the_manifest_has_a_numerator_and_a_denominator():
    aggregation = CATALOGUE.set_index("code").aggregation
    roles = {}
    for f in MANIFEST:
        for m in f["measure"]:
            roles.setdefault((f["path"], m["indicator"]), set()).add(m["role"])
    assert [k for k, r in roles.items() if aggregation[k[1]] == "ratio" and not {"numerator", "denominator"} <= r] == []


# check_reference with a literal broken row

def broken(column, value):
    ref = load_reference(paths.REFERENCE_DIR)
    ref.catalogue.loc[ref.catalogue.code == "p0", column] = value
    return [(p.code, p.file, p.row, p.column, p.value) for p in check_reference(ref)]


def test_an_empty_required_field_is_reported_with_its_row():
    assert broken("definition_en", "") == [("reference_incomplete", "indicators.csv", 2, None, "p0")]


def test_an_unknown_polarity_is_reported_with_its_column():
    assert broken("polarity", "lower_better") == [("reference_incomplete", "indicators.csv", 2, "polarity", "lower_better")]


def test_decimals_that_is_not_a_whole_number_is_reported():
    # otherwise the store insert fails with a DuckDB ConversionException instead of a BuildFailed message
    assert broken("decimals", "dua") == [("reference_incomplete", "indicators.csv", 2, "decimals", "dua")]

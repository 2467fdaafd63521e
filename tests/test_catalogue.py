"""The indicator catalogue (data/reference/indicators.csv) drives labels, definitions, number formats and
colours: every indicator must say all of it, within its vocabularies, and every indicator the manifest
or the published figures name must exist. Also reference.check_reference with a literal broken row."""

import tomllib

import pandas as pd
import pytest

from app_support import store  # noqa: F401
from metro_poverty import paths
from metro_poverty.pipeline.reference import (AGGREGATIONS, CATALOGUE_REQUIRED, DIMENSIONS, MEASURE_KINDS, POLARITIES,
                                              check_reference, load_reference)

REF = load_reference(paths.REFERENCE_DIR)
CATALOGUE = REF.catalogue
CODES = list(CATALOGUE.code)
MANIFEST = tomllib.loads((paths.RAW_DIR / "manifest.toml").read_text(encoding="utf-8"))["file"]
LONG_FILES = tomllib.loads((paths.RAW_DIR / "manifest.toml").read_text(encoding="utf-8"))["published_file"]
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
def test_the_range_is_numbers_or_empty(code):
    row = indicator(code)
    bad = [c for c in ("min_value", "max_value") if row[c] and pd.isna(pd.to_numeric(row[c], errors="coerce"))]
    assert bad == []


@pytest.mark.parametrize("code", CODES)
def test_the_lowest_level_is_a_known_level(code):
    assert indicator(code).lowest_level in LEVELS


@pytest.mark.parametrize("code", CODES)
def test_related_indicators_exist(code):
    related = [r for r in indicator(code).related.split(";") if r]
    assert [r for r in related if r not in CODES] == []


def test_a_ratio_indicator_is_a_percentage_or_a_rate_per_100():
    # the pipeline computes a ratio as 100 × numerator / denominator
    assert sorted(CATALOGUE.loc[CATALOGUE.aggregation == "ratio", "unit_id"].unique()) == ["%", "per 100 RT"]


# the Satu Data form (Peraturan BPS 4/2020) and its consistency with the store

SATU_DATA = ["concept", "definition", "formula", "classification", "measure", "unit", "disaggregation", "frequency", "interpretation"]


@pytest.mark.parametrize("code", CODES)
def test_every_satu_data_field_is_filled_in_both_languages(code):
    row = indicator(code)
    empty = [f"{f}_{lang}" for f in SATU_DATA for lang in ("id", "en") if not str(row[f"{f}_{lang}"]).strip()]
    assert (empty, bool(row.source.strip()), bool(row.source_en.strip()), bool(row.lowest_level.strip())) == ([], True, True, True)


def test_the_metadata_card_speaks_the_ui_language_for_the_source_and_the_lowest_level():
    from metro_poverty.catalog import Indicator
    from metro_poverty.ui.indicator_card import card_rows

    row = indicator("gkm")
    card = dict(card_rows(Indicator(code="gkm", meta=dict(row)), "en"))
    assert (card["Source"], card["Lowest official level"]) == ("March Susenas (BPS)", "Province")
    card = dict(card_rows(Indicator(code="gkm", meta=dict(row)), "id"))
    assert (card["Sumber"], card["Tingkat resmi terendah"]) == ("Susenas Maret (BPS)", "Provinsi")


def test_the_classification_field_is_not_the_dimension():
    assert [c for c in CODES if indicator(c).classification_id.strip().lower() in DIMENSIONS] == []


LEVEL_RANK = {"provinsi": 1, "province": 1, "kab/kota": 2, "kabkota": 2, "city": 2, "kecamatan": 3, "kelurahan": 4}


def store_levels():
    from metro_poverty import db

    rows = db.read_connection().cursor().execute(
        "select distinct o.indicator_code, r.level from observations as o join regions as r using (region_code)").fetchall()
    out = {}
    for code, level in rows:
        out.setdefault(code, set()).add(level)
    return out


def test_the_store_holds_values_below_the_lowest_level_only_from_a_named_opd_source():
    levels = store_levels()
    below = {c: sorted(lv for lv in levels.get(c, ()) if LEVEL_RANK.get(lv, 0) > LEVEL_RANK[indicator(c).lowest_level]) for c in CODES}
    assert [(c, lv) for c, lv in below.items() if lv and not indicator(c).sub_level_source_id.strip()] == []


def test_a_named_source_below_the_lowest_level_is_one_the_store_uses():
    levels = store_levels()
    unused = [c for c in CODES if indicator(c).sub_level_source_id.strip()
              and not any(LEVEL_RANK.get(lv, 0) > LEVEL_RANK[indicator(c).lowest_level] for lv in levels.get(c, ()))]
    assert unused == []


def test_survey_estimates_have_no_source_below_their_lowest_level():
    assert [c for c in CODES if indicator(c).measure_kind == "survey_estimate" and indicator(c).sub_level_source_id.strip()] == []


def test_every_target_is_set_for_its_indicators_own_source_and_kind():
    meta = CATALOGUE.set_index("code")
    assert [(t.indicator, t.document) for t in REF.targets.itertuples()
            if (t.set_for_source, t.set_for_kind) != (meta.at[t.indicator, "source"], meta.at[t.indicator, "measure_kind"])] == []


def test_no_survey_target_is_applied_to_weighing_records_and_no_sepakat_target_to_aps():
    assert set(REF.targets.indicator) & {"stunting_eppgbm", "aps_7_12", "aps_13_15", "aps_16_18"} == set()


def test_every_indicator_in_the_manifest_exists():
    named = {m["indicator"] for f in MANIFEST for m in f["measure"]}
    named |= {code for f in LONG_FILES for code in f["indicator_map"].values()}
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


# LaTeX-style marks read raw in a table ('Σ_{i≤q}', 'y_i'); a formula is written as the room reads it
RAW_MARKS = ("_", "^{", "\\", "$")  # as in I_kesehatan, y_i or a TeX sum


@pytest.mark.parametrize("code", CODES)
def test_a_formula_reads_as_written_without_raw_markup(code):
    row = indicator(code)
    assert [m for m in RAW_MARKS for lang in ("id", "en") if m in row[f"formula_{lang}"]] == []


def test_a_target_is_written_as_its_document_states_it(store):  # noqa: F811
    """'Target 2,00% pada 2045' and 'Target 14,0% (RPJMN)' claimed a precision the RPJPD and the RPJMN do not state."""
    from metro_poverty.ui import cache

    catalogue = cache.catalogue()
    assert [catalogue[c].fmt_target("id") for c in ("p0", "stunting_ssgi", "gini", "jkn_coverage")] == ["2%", "14%", "0,197", "95%"]
    assert catalogue["p0"].fmt_target("en", 2.5) == "2.5%"


def test_the_gini_classes_are_the_briefs_and_not_attributed_to_bps():
    """'< 0,4 rendah … (pembagian BPS)' was on a reviewer's word: BPS's releases class inequality by the World Bank's
    bottom-40 share, and the domain brief gives 0,3 and 0,5; nor is the Susenas round of the values known."""
    gini = indicator("gini")
    assert "< 0,3 rendah, 0,3–0,5 sedang, > 0,5 tinggi" in gini.definition_id and "below 0.3 low" in gini.definition_en
    assert "pembagian BPS" not in gini.definition_id + gini.interpretation_id
    assert "40% terbawah" in gini.definition_id
    assert gini.source == "Susenas (BPS)"


def test_school_participation_from_disdik_records_is_named_as_disdiks_data_collection():
    """'Angka Partisipasi Sekolah 16–18 tahun' from Dinas Pendidikan's count read as BPS's Susenas APS in an FGD;
    named the way Perkim's water and sanitation are."""
    for code in ("aps_7_12", "aps_13_15", "aps_16_18"):
        row = indicator(code)
        assert row.name_id.endswith("(pendataan Disdik)") and row.name_en.endswith("(Disdik data collection)"), code
        assert row.measure_kind == "admin_record"

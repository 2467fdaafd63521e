"""Seed data that gives the reconciliation page real disagreements on first run, and the OPD example
upload for the browser demo: school-based APK (Dapodik) above 100% against residence-based APS 16–18;
the example e-PPGBM 2025 file with its traps, labelled illustrative."""

import re

import pandas as pd
from intake_support import EXAMPLE

from metro_poverty import paths
from metro_poverty.pipeline.harmonize import harmonize_records
from metro_poverty.pipeline.manifest import FileSpec, Measure
from metro_poverty.pipeline.reference import load_reference
from metro_poverty.pipeline.validate import RECORD_COLUMNS
from metro_poverty.regions import name_key

REF = load_reference(paths.REFERENCE_DIR)


def rows(con, sql):
    return [tuple(r) for r in con.execute(sql).fetchall()]


def test_school_based_enrolment_exceeds_100_where_residence_based_does_not(store_con):
    both = rows(store_con, """
        select period, indicator_code, value > 100 from observation_best
        where region_code = '18.72' and indicator_code in ('apk_sma_dapodik', 'aps_16_18') order by 1, 2""")
    assert both == [(year, code, code == "apk_sma_dapodik") for year in (2021, 2022, 2023, 2024) for code in ("apk_sma_dapodik", "aps_16_18")]


def test_the_enrolment_case_is_illustrative_from_dinas_pendidikan(store_con):
    assert rows(store_con, """select distinct o.status, s.kind, s.publisher from observations as o join sources as s using (source_id)
        where indicator_code = 'apk_sma_dapodik'""") == [("illustrative", "illustrative", "Dinas Pendidikan Kota Metro (data ilustrasi)")]


def test_the_two_enrolment_rates_are_a_pair_with_a_note_and_related_in_the_catalogue():
    pairs = set(zip(REF.pairs.indicator_a, REF.pairs.indicator_b))
    related = REF.catalogue.set_index("code").related
    assert ("aps_16_18", "apk_sma_dapodik") in pairs
    assert "apk_sma_dapodik" in related["aps_16_18"].split(";") and related["apk_sma_dapodik"] == "aps_16_18"


def ratio_records(num, den):
    return pd.DataFrame([["f.csv", None, 6, "n", "Kota Metro", False, 2024, "", code, role, "jumlah", value]
                         for code in ("apk_sma_dapodik", "aps_16_18") for role, value in (("numerator", num), ("denominator", den))],
                        columns=RECORD_COLUMNS)


def test_a_ratio_may_pass_100_only_where_the_catalogue_allows_it():
    spec = FileSpec("f.csv", "illus", "illustrative", "city", "Tahun", "Wilayah", (Measure("apk_sma_dapodik", "numerator", "jumlah", "n"),), year=2024)
    obs, problems = harmonize_records(ratio_records(16178.0, 8365.0), spec, REF.resolver, REF.catalogue, REF.units)
    assert obs.indicator_code.tolist() == ["apk_sma_dapodik"]
    assert [(p.code, p.fields["indicator"]) for p in problems] == [("ratio_invalid", "aps_16_18")]


def test_the_example_upload_is_labelled_illustrative_and_has_the_traps_of_a_real_file():
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "DATA ILUSTRASI" in lines[2] and "2025" in lines[0]
    assert lines[4].count(";") == 5 and all(re.search(r";\d+,\d\d$", line) for line in lines[5:])  # `;` and decimal commas
    assert lines[-1].startswith(";;Jumlah;")
    names = [line.split(";")[2] for line in lines[5:-1]]
    known = {name_key(n) for n in REF.regions[REF.regions.level == "kelurahan"].name}
    assert [n for n in names if name_key(n) not in known] == ["Kel. Tejo Agungg"]
    assert REF.resolver.suggest("Kel. Tejo Agungg", "kelurahan") == "18.72.04.1005"

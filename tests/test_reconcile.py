"""metro_poverty.reconcile with literal rows: for a figure stored more than once, each other value against
the reference (the value the pages show), the difference, whether it is beyond the indicator's tolerance
and the likely reason; and for pairs of easily confused indicators, the gap between the two."""

import pandas as pd

from metro_poverty.reconcile import COLUMNS, by_concern, disagreements, pair_rows
from tests.query_support import CITY, KEL_METRO, rows

# The columns of queries/values_reported_twice.sql that reconcile reads.
VALUES = ("indicator_code", "region_code", "region_name", "period", "series", "value", "status", "quality_flag",
          "source_id", "source_publisher", "batch_id")
# The columns of queries/paired_values.sql that reconcile reads.
PAIRED = ("indicator_a", "indicator_b", "region_code", "period", "value_a", "value_b", "kind_a", "kind_b")

COMPARED = ("reference_value", "reference_status", "other_value", "other_status", "difference")


def values(*records) -> pd.DataFrame:
    return pd.DataFrame(list(records), columns=list(VALUES))


def paired(*records) -> pd.DataFrame:
    return pd.DataFrame(list(records), columns=list(PAIRED))


# --- which value is the reference -------------------------------------------------------------------------

def test_a_published_value_is_the_reference_before_an_illustrative_one():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.25, "illustrative", None, "illus_dinkes", "Dinas Kesehatan (ilustrasi)", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
    ), {})
    assert rows(out, *COMPARED[:-1]) == [(6.75, "official", 6.25, "illustrative")]
    assert out.difference.isna().all()  # no difference between a published figure and a made-up one


def test_an_official_value_is_the_reference_before_a_provisional_one():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 8.75, "provisional", None, "pemkot", "Pemerintah Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
    ), {})
    assert rows(out, *COMPARED) == [(6.75, "official", 8.75, "provisional", 2.0)]


def test_a_conflict_flagged_value_is_not_the_reference_when_another_exists():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 8.75, "official", "conflict", "pemkot", "Pemerintah Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.75, "provisional", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
    ), {})
    assert rows(out, *COMPARED) == [(6.75, "provisional", 8.75, "official", 2.0)]


def test_among_conflict_flagged_values_the_official_one_is_the_reference():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 8.75, "provisional", "conflict", "pemkot", "Pemerintah Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.75, "official", "conflict", "dinkes", "Dinas Kesehatan Kota Metro", None),
    ), {})
    assert rows(out, *COMPARED) == [(6.75, "official", 8.75, "provisional", 2.0)]


def test_a_conflict_flagged_published_value_is_still_the_reference_before_an_illustrative_one():
    # observation_best keeps illustrative values apart: the page shows the published value, flagged or not,
    # and a made-up figure is never what a published one is measured against
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.25, "illustrative", None, "illus_dinkes", "Dinas Kesehatan (ilustrasi)", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "official", "conflict", "dinkes", "Dinas Kesehatan Kota Metro", None),
    ), {})
    assert rows(out, *COMPARED[:-1]) == [(6.75, "official", 6.25, "illustrative")]


def test_the_newest_delivery_of_a_source_is_the_reference_as_on_the_pages():
    # observation_best: within one source the newest batch wins over older batches and the seed data
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.25, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", "20250301T101500Z-b"),
    ), {})
    assert rows(out, "reference_value", "other_value", "difference", "reason") == [(6.25, 6.75, 0.5, "new_delivery")]


# --- the rows and their difference ---------------------------------------------------------------------------

def test_one_row_per_value_that_is_not_the_reference():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 8.75, "provisional", None, "pemkot", "Pemerintah Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.25, "illustrative", None, "illus_dinkes", "Dinas Kesehatan (ilustrasi)", None),
    ), {})
    assert rows(out, "reference_value", "other_value") == [(6.75, 8.75), (6.75, 6.25)]


def test_the_difference_is_the_other_value_minus_the_reference():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 7.5, "provisional", None, "bappeda", "Bappeda", None),
        ("p0", CITY, "Kota Metro", 2025, "", 6.5, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2025, "", 6.0, "provisional", None, "bappeda", "Bappeda", None),
    ), {})
    assert rows(out, "period", "reference_value", "other_value", "difference") == [(2024, 6.75, 7.5, 0.75), (2025, 6.5, 6.0, -0.5)]


def test_each_row_names_the_figure_and_the_publishers_of_both_values():
    out = disagreements(values(
        ("stunting_eppgbm", KEL_METRO, "Metro", 2024, "", 3.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", KEL_METRO, "Metro", 2024, "", 4.5, "provisional", None, "puskesmas", "Puskesmas Metro", None),
    ), {})
    assert list(out.columns) == COLUMNS
    assert rows(out, "indicator_code", "region_code", "region_name", "period", "reference_source", "other_source") == [
        ("stunting_eppgbm", KEL_METRO, "Metro", 2024, "Dinas Kesehatan Kota Metro", "Puskesmas Metro")]


def test_values_of_different_figures_are_not_compared():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2025, "", 6.5, "official", None, "bps", "BPS", None),
        ("p0", KEL_METRO, "Metro", 2024, "", 5.0, "official", None, "bps", "BPS", None),
    ), {})
    assert rows(out, *COMPARED) == []


def test_no_values_give_an_empty_table_with_every_column():
    out = disagreements(values(), {"p0": 0.5})
    assert out.empty and list(out.columns) == COLUMNS


# --- against the tolerance --------------------------------------------------------------------------------------

def test_a_difference_beyond_the_tolerance_is_flagged():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 6.0, "provisional", None, "bappeda", "Bappeda", None),
    ), {"p0": 0.5})
    assert rows(out, "difference", "tolerance", "flagged") == [(-0.75, 0.5, True)]


def test_a_difference_within_the_tolerance_is_not_flagged():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 7.0, "provisional", None, "bappeda", "Bappeda", None),
    ), {"p0": 0.5})
    assert rows(out, "difference", "tolerance", "flagged") == [(0.25, 0.5, False)]


def test_a_rounding_difference_is_within_a_rounding_tolerance_despite_float_error():
    # 6,78 − 6,77 is 0,010000000000000231 in binary floating point
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.78, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 6.77, "official", None, "news", "News", None),
    ), {"p0": 0.01})
    assert rows(out, "flagged", "check") == [(False, "within")]


def test_a_wrong_year_mix_up_is_beyond_a_rounding_tolerance():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.78, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 7.28, "official", None, "news", "News", None),  # 2023's figure
    ), {"p0": 0.01})
    assert rows(out, "flagged", "check") == [(True, "beyond")]


def test_a_published_figure_is_never_reported_in_agreement_with_an_illustrative_one():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "illustrative", None, "illus", "Dinas Kesehatan (ilustrasi)", None),
    ), {"stunting_eppgbm": 0.01})
    assert rows(out, "flagged", "check", "reason") == [(False, "not_compared", "published_vs_illustrative")]


def test_a_difference_equal_to_the_tolerance_is_not_flagged():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 7.25, "provisional", None, "bappeda", "Bappeda", None),
    ), {"p0": 0.5})
    assert rows(out, "difference", "tolerance", "flagged") == [(0.5, 0.5, False)]


def test_without_a_tolerance_for_the_indicator_nothing_is_flagged():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 16.75, "provisional", None, "bappeda", "Bappeda", None),
    ), {"stunting_eppgbm": 1.0})
    assert rows(out, "difference", "tolerance", "flagged") == [(10.0, None, False)]


# --- the likely reason --------------------------------------------------------------------------------------------

def test_the_reason_is_published_vs_illustrative_when_one_value_is_made_up():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.25, "illustrative", "conflict", "illus_dinkes", "Dinas Kesehatan (ilustrasi)", None),
    ), {})
    assert rows(out, "reason") == [("published_vs_illustrative",)]


def test_the_reason_is_conflicting_statements_when_a_value_is_flagged_as_conflict():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 8.75, "provisional", "conflict", "pemkot", "Pemerintah Kota Metro", None),
    ), {})
    assert rows(out, "reason") == [("conflicting_statements",)]


def test_a_conflicting_statement_from_another_producer_differs_without_a_tolerance():
    # a local official's stunting rate beside Dinas Kesehatan's e-PPGBM figure: nothing says it is the same figure
    stated = values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 6.67, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", None),
        ("stunting_eppgbm", CITY, "Kota Metro", 2022, "", 8.70, "provisional", "conflict", "pemkot", "Pemerintah Kota Metro", None),
    ).assign(producer="Dinas Kesehatan", source_producer=["Dinas Kesehatan", "Pemerintah Kota Metro"])
    assert rows(disagreements(stated, {"stunting_eppgbm": 0.01}), "check", "flagged") == [("unconfirmed", True)]


def test_outlets_quoting_one_producers_figure_are_held_to_its_tolerance_even_when_flagged_as_conflicting():
    quoted = values(
        ("poor_count", CITY, "Kota Metro", 2024, "", 142.70, "official", "conflict", "news_a", "lampungnewspaper", None),
        ("poor_count", CITY, "Kota Metro", 2024, "", 142.69, "official", "conflict", "news_b", "pembaruan.id", None),
    ).assign(producer="BPS", source_producer="BPS")
    assert rows(disagreements(quoted, {"poor_count": 0.01}), "check", "flagged") == [("within", False)]


def test_the_reason_is_method_break_when_the_series_differ():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2015, "", 10.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2015, "2015_method", 10.25, "official", None, "bps", "BPS", None),
    ), {})
    assert rows(out, "reason") == [("method_break",)]


def test_the_reason_is_new_delivery_when_the_same_source_delivered_again():
    out = disagreements(values(
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", "20250110T080000Z-a"),
        ("stunting_eppgbm", CITY, "Kota Metro", 2024, "", 6.25, "official", None, "dinkes", "Dinas Kesehatan Kota Metro", "20250301T101500Z-b"),
    ), {})
    assert rows(out, "reason") == [("new_delivery",)]


def test_the_reason_is_different_source_when_two_publishers_disagree():
    out = disagreements(values(
        ("p0", CITY, "Kota Metro", 2024, "", 6.75, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 7.5, "provisional", None, "bappeda", "Bappeda", None),
    ), {})
    assert rows(out, "reason") == [("different_source",)]


# --- pairs of easily confused indicators: side by side, never checked -------------------------------------------------

def test_a_pair_keeps_its_values_side_by_side_with_no_difference_and_no_flag():
    out = pair_rows(paired(
        ("stunting_ssgi", "stunting_eppgbm", CITY, 2022, 14.5, 6.75, "survey_estimate", "admin_record"),
    ))
    assert rows(out, *PAIRED) == [("stunting_ssgi", "stunting_eppgbm", CITY, 2022, 14.5, 6.75, "survey_estimate", "admin_record")]
    assert not {"difference", "tolerance", "flagged"} & set(out.columns)


def test_the_reason_is_survey_vs_record_when_the_two_are_measured_differently():
    out = pair_rows(paired(
        ("stunting_ssgi", "stunting_eppgbm", CITY, 2022, 14.5, 6.75, "survey_estimate", "admin_record"),
    ))
    assert rows(out, "reason") == [("survey_vs_record",)]


def test_the_reason_is_definition_when_the_two_are_measured_alike():
    out = pair_rows(paired(
        ("aps_16_18", "apk_sma_dapodik", CITY, 2024, 85.0, 193.5, "admin_record", "admin_record"),
    ))
    assert rows(out, "reason") == [("definition",)]


def test_a_year_with_one_side_only_says_there_is_nothing_to_set_side_by_side():
    out = pair_rows(paired(
        ("stunting_ssgi", "stunting_eppgbm", CITY, 2020, None, 9.91, None, "admin_record"),
        ("p0", "dtsen_d14_pct", CITY, 2025, 6.44, None, "survey_estimate", None),
    ))
    assert rows(out, "reason") == [("one_side",), ("one_side",)]  # not a definition row with another pair's example


def test_disagreements_come_first_then_values_not_compared_then_those_within_rounding():
    out = by_concern(disagreements(values(
        ("p0", CITY, "Kota Metro", 2023, "", 7.28, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2023, "", 7.28, "official", None, "news", "News", None),
        ("p0", CITY, "Kota Metro", 2024, "", 6.78, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2024, "", 6.78, "illustrative", None, "illus", "Illus", None),
        ("p0", CITY, "Kota Metro", 2025, "", 6.44, "official", None, "bps", "BPS", None),
        ("p0", CITY, "Kota Metro", 2025, "", 6.8, "official", None, "news", "News", None),
    ), {"p0": 0.01}))
    assert rows(out, "period", "check") == [(2025, "beyond"), (2024, "not_compared"), (2023, "within")]

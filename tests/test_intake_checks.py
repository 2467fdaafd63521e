"""Warnings before a load (metro_poverty.intake.checks), from literal rows: outside the plausible range,
an outlier against the region's history (3 robust standard deviations), a change from last year above
the indicator's limit; and data/reference/intake_checks.csv has thresholds for every indicator."""

import pandas as pd
import pytest

from metro_poverty import paths
from metro_poverty.intake import checks
from metro_poverty.pipeline.reference import load_reference

NAN = float("nan")
THRESHOLDS = pd.DataFrame([["stunting_eppgbm", 1999.0, NAN, NAN, 0.0, 40.0, 250000.0, 5.0, "points", ""],
                           ["rtlh_units", 1999.0, NAN, 100000.0, 0.0, 20000.0, NAN, 40.0, "percent", ""]],
                          columns=checks.THRESHOLD_COLUMNS).set_index("indicator")
DECIMALS = {"stunting_eppgbm": 2, "rtlh_units": 0}


def new(value, indicator="stunting_eppgbm", period=2025, region="18.72.01.1001", numerator=NAN, denominator=NAN, line=7):
    return pd.DataFrame([[indicator, region, "Metro", period, "", "illus", value, numerator, denominator, "f.csv", line]],
                        columns=["indicator_code", "region_code", "region_name", "period", "series", "source_id", "value", "numerator",
                                 "denominator", "origin_file", "origin_line"])


def past(*values, indicator="stunting_eppgbm", first=2021, source="illus"):
    return pd.DataFrame([[indicator, "18.72.01.1001", first + i, "", source, v] for i, v in enumerate(values)],
                        columns=["indicator_code", "region_code", "period", "series", "source_id", "value"])


def codes(problems):
    return [(p.code, p.row, p.severity, p.fields.get("region")) for p in problems]


def test_a_value_outside_the_plausible_range_is_a_warning():
    assert codes(checks.plausibility(new(45.0), THRESHOLDS)) == [("outside_plausible", 7, "warning", "Metro")]


def test_a_value_inside_the_plausible_range_passes():
    assert checks.plausibility(new(6.0), THRESHOLDS) == []


def test_a_value_far_from_the_regions_history_is_an_outlier():
    found = checks.against_history(new(12.0), past(5.0, 5.4, 4.8, 5.1), THRESHOLDS, DECIMALS)
    assert [p.code for p in found] == ["outlier", "yearly_change"]
    assert found[0].fields["median"].text("id") == "5,05" and found[0].fields["n"] == 4  # in the reader's language
    assert "median 5,05" in found[0].message("id") and "median 5.05" in found[0].message("en")  # '5.05' reads 505 in Indonesian


def test_a_value_within_three_robust_deviations_is_not_an_outlier():
    assert checks.against_history(new(5.7), past(5.0, 5.4, 4.8, 5.1), THRESHOLDS, DECIMALS) == []  # limit ±0.76


def test_a_flat_history_does_not_flag_an_ordinary_change():
    # MAD 0: the spread is floored at 5% of the median, so 5.5 against 5.0 passes
    assert checks.against_history(new(5.5), past(5.0, 5.0, 5.0, 5.0), THRESHOLDS, DECIMALS) == []


def test_fewer_than_three_earlier_values_give_no_outlier_check():
    assert [p.code for p in checks.against_history(new(9.0), past(5.0, 5.1, first=2023), THRESHOLDS, DECIMALS)] == []


def test_a_change_above_the_yearly_limit_in_points_is_a_warning():
    found = checks.against_history(new(11.0), past(5.0, first=2024), THRESHOLDS, DECIMALS)
    assert [(p.code, *(p.fields[k].text("id") for k in ("previous", "change", "limit"))) for p in found] == [
        ("yearly_change", "5,00", "+6,00", "5")]  # in the indicator's decimals, as its figures are written


def test_the_value_found_is_written_as_read_never_rounded_to_the_indicators_decimals():
    found = checks.against_history(new(0.904), past(10.0, first=2024), THRESHOLDS, {**DECIMALS, "stunting_eppgbm": 1})
    assert [(p.code, p.value.text("id"), p.fields["previous"].text("id")) for p in found] == [("yearly_change", "0,904", "10,0")]
    found = checks.against_history(new(11.0), past(5.0, first=2024), THRESHOLDS, DECIMALS)
    assert [p.value.text("id") for p in found] == ["11,00"]  # as many decimals as the indicator's at least


def test_a_relative_yearly_limit_is_in_percent_of_last_year():
    found = checks.against_history(new(150.0, "rtlh_units"), past(100.0, indicator="rtlh_units", first=2024), THRESHOLDS, DECIMALS)
    assert [(p.code, p.fields["limit"].text("id")) for p in found] == [("yearly_change", "40%")]


def test_history_of_another_source_is_not_compared():
    assert checks.against_history(new(12.0), past(5.0, 5.4, 4.8, 5.1, source="survey"), THRESHOLDS, DECIMALS) == []


def test_later_years_are_not_history():
    assert checks.against_history(new(12.0, period=2020), past(5.0, 5.4, 4.8, 5.1), THRESHOLDS, DECIMALS) == []


def test_every_catalogue_indicator_has_thresholds():
    table = checks.load_thresholds(paths.REFERENCE_DIR)
    assert sorted(set(load_reference(paths.REFERENCE_DIR).catalogue.code) - set(table.index)) == []


@pytest.mark.parametrize("column", checks.NUMERIC)
def test_thresholds_are_numbers(column):
    assert checks.load_thresholds(paths.REFERENCE_DIR)[column].map(lambda v: isinstance(v, float)).all()


def test_every_indicator_has_a_first_period():
    assert checks.load_thresholds(paths.REFERENCE_DIR).first_period.notna().all()


@pytest.mark.parametrize("period", [1900, 1998, 2027])
def test_a_period_before_the_indicators_first_or_after_this_year_is_an_error(period):
    found = checks.periods(new(6.0, period=period), THRESHOLDS, 2026, None)
    assert [(p.code, p.severity, p.row, p.value, p.fields["first"], p.fields["last"]) for p in found] == [
        ("period_out_of_range", "error", None, str(period), "1999", 2026)]


def test_a_period_from_a_year_column_is_reported_at_each_row():
    obs = pd.concat([new(6.0, period=1900, line=7), new(6.0, period=1900, line=8), new(6.0, period=2025, line=9)])
    assert [(p.row, p.column) for p in checks.periods(obs, THRESHOLDS, 2026, "Tahun")] == [(7, "Tahun"), (8, "Tahun")]


def test_this_year_and_the_first_period_are_inside_the_range():
    assert checks.periods(pd.concat([new(6.0, period=1999), new(6.0, period=2026)]), THRESHOLDS, 2026, None) == []


def test_a_value_outside_the_possible_range_is_an_error():
    found = checks.possible(new(150000.0, "rtlh_units"), THRESHOLDS)
    assert [(p.code, p.severity, p.row, p.fields["max"].text("id")) for p in found] == [("impossible_value", "error", 7, "100.000")]


def test_a_count_larger_than_the_city_can_have_is_an_error():
    found = checks.possible(new(0.0, numerator=3.0, denominator=1e20), THRESHOLDS)
    assert [(p.code, p.value.text("en"), p.fields["max"].text("id")) for p in found] == [
        ("count_impossible", "100,000,000,000,000,000,000", "250.000")]


def test_the_change_unit_is_points_or_percent():
    assert set(checks.load_thresholds(paths.REFERENCE_DIR).change_unit) <= {"points", "percent"}

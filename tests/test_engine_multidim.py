"""Alkire-Foster H, A, M0 and contributions, from literal rows: queries/engine_multidim_by_region.sql and
queries/engine_multidim_indicators_by_region.sql through metro_poverty.engine.multidim.

The hand cases count expenditure (nested equal weights: expenditure 1/4; schooling, school attendance,
JKN, immunisation 1/8 each; water, sanitation, electricity, housing 1/16 each; k = 1/3). The default
index leaves expenditure out, as the global MPI does: education, health and basic services 1/3 each.
"""

import pytest

from metro_poverty.engine import multidim_by_region, multidim_indicators_by_region, run_scenario
from metro_poverty.engine.indicators import DIMENSION_OF, DIMENSIONS, EXPENDITURE_INCLUDED_WEIGHTS, nested_weights
from tests.engine_support import connect, households, row, shipped, shipped_con  # noqa: F401 (fixtures)

Z = 100.0
WITH_EXPENDITURE = nested_weights(EXPENDITURE_INCLUDED_WEIGHTS)
HAND_CASE = households(
    {"exp_pc": 50, "jkn_all_members": False},  # 1/4 + 1/8 = 0.375: poor
    {"exp_pc": 50},  # 0.25: not poor
    {"max_schooling_years": 3, "n_children_school_age": 1, "n_children_out_of_school": 1, "water_safe": False},  # 0.3125
    {"max_schooling_years": 3, "n_children_school_age": 1, "n_children_out_of_school": 1, "water_safe": False,
     "sanitation_proper": False},  # 0.375: poor
    {},  # 0
)


def city_indicators(frame, **kwargs):
    kwargs.setdefault("weights", WITH_EXPENDITURE)
    result = multidim_indicators_by_region(connect(frame), poverty_line_rp=Z, **kwargs)
    return result[result.region_code == "18.72"].set_index("indicator")


def test_hand_case_h_a_m0():
    result = row(multidim_by_region(connect(HAND_CASE), WITH_EXPENDITURE, poverty_line_rp=Z), "18.72")
    assert (result.h_pct, result.a_pct, result.m0) == pytest.approx((40.0, 37.5, 0.15))


def test_hand_case_censored_and_uncensored_headcounts():
    result = city_indicators(HAND_CASE)
    assert result.loc["expenditure_below_line", "uncensored_headcount_pct"] == pytest.approx(40)
    assert result.loc["expenditure_below_line", "censored_headcount_pct"] == pytest.approx(20)
    assert result.loc["schooling", "uncensored_headcount_pct"] == pytest.approx(40)
    assert result.loc["schooling", "censored_headcount_pct"] == pytest.approx(20)
    assert result.loc["electricity", "censored_headcount_pct"] == 0


def test_hand_case_contributions():
    result = city_indicators(HAND_CASE)["contribution_pct"]
    expected = {"expenditure_below_line": 100 / 3, "jkn": 50 / 3, "schooling": 50 / 3, "school_attendance": 50 / 3,
                "water": 25 / 3, "sanitation": 25 / 3, "immunisation": 0, "electricity": 0, "housing": 0}
    assert result.to_dict() == pytest.approx(expected)


def test_by_default_expenditure_below_the_line_is_not_a_deprivation():
    frame = households({"exp_pc": 50, "jkn_all_members": False},  # health 1/6: not poor, however low its spending
                       {"jkn_all_members": False, "n_children_under2": 1, "immunisation_complete": False})  # health 1/3
    result = row(multidim_by_region(connect(frame), poverty_line_rp=Z), "18.72")
    assert result.h_pct == pytest.approx(50)
    assert city_indicators(frame, weights=nested_weights()).loc["expenditure_below_line", "weight"] == 0


def test_the_default_weighs_education_health_and_basic_services_a_third_each():
    weights = nested_weights()
    by_dimension = {d: sum(w for name, w in weights.items() if DIMENSION_OF[name] == d) for d in DIMENSIONS}
    assert by_dimension == pytest.approx({"expenditure": 0, "education": 1 / 3, "health": 1 / 3, "basic_services": 1 / 3})


def test_indicators_come_in_catalogue_order_with_their_dimension():
    result = city_indicators(HAND_CASE)
    assert list(result.index) == list(nested_weights())
    assert result.loc["jkn", "dimension"] == "health"


def test_a_score_equal_to_k_counts_as_poor():
    result = row(multidim_by_region(connect(households({"exp_pc": 50}, {})), WITH_EXPENDITURE, k=0.25, poverty_line_rp=Z), "18.72")
    assert result.h_pct == pytest.approx(50)


def test_weights_decide_who_is_poor():
    only_expenditure = {name: 1.0 if name == "expenditure_below_line" else 0.0 for name in nested_weights()}
    result = row(multidim_by_region(connect(HAND_CASE), weights=only_expenditure, k=1.0, poverty_line_rp=Z), "18.72")
    assert (result.h_pct, result.m0) == pytest.approx((40.0, 0.4))


def test_housing_is_unfit_below_7_2_square_metres_per_person():
    frame = households({"floor_area_pc": 7.1}, {"floor_area_pc": 7.2}, {"roof_unfit": True})
    assert city_indicators(frame).loc["housing", "uncensored_headcount_pct"] == pytest.approx(200 / 3)


def test_immunisation_counts_only_where_there_is_a_child_under_two():
    frame = households({"n_children_under2": 1, "immunisation_complete": False}, {"immunisation_complete": False})
    assert city_indicators(frame).loc["immunisation", "uncensored_headcount_pct"] == pytest.approx(50)


def test_contributions_of_every_region_add_up_to_100(shipped_con):
    result = multidim_indicators_by_region(shipped_con)
    assert result.groupby("region_code")["contribution_pct"].sum().tolist() == pytest.approx([100.0] * 28)


def test_multidim_query_and_scenario_query_agree_on_m0(shipped_con):
    m0 = multidim_by_region(shipped_con).set_index("region_code")["m0"]
    before = run_scenario(shipped_con).set_index("region_code")["m0_before"]
    assert before.to_dict() == pytest.approx(m0.to_dict())


def test_k_outside_0_to_1_is_refused(shipped_con):
    with pytest.raises(ValueError):
        multidim_by_region(shipped_con, k=0)


def test_a_region_where_nobody_is_deprived_lists_every_indicator_at_zero():
    result = city_indicators(households({}, {}))
    assert len(result) == 9 and (result.uncensored_headcount_pct == 0).all()

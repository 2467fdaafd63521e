"""Scenario levers and their results: queries/engine_scenario_by_region.sql through metro_poverty.engine.run_scenario,
on literal rows and on the shipped file."""

import math

import pytest

from metro_poverty.engine import Scenario, run_scenario
from metro_poverty.engine.indicators import EXPENDITURE_INCLUDED_WEIGHTS
from tests.engine_support import KEL_A, KEL_B, KEL_C, connect, households, row, shipped, shipped_con  # noqa: F401

Z = 100.0
BEFORE_AFTER = [("p0_before_pct", "p0_after_pct"), ("p1_before", "p1_after"), ("p2_before", "p2_after"),
                ("poor_persons_before", "poor_persons_after"), ("m0_before", "m0_after")]


def city(frame, scenario, z=Z):
    return row(run_scenario(connect(frame), scenario, z), "18.72")


def test_the_default_scenario_is_the_baseline(shipped_con):
    result = run_scenario(shipped_con)
    for before, after in BEFORE_AFTER:
        assert result[after].tolist() == pytest.approx(result[before].tolist())
    assert (result.budget_rp_per_year == 0).all() and (result.persons_lifted == 0).all()


def test_transfer_to_deciles_1_2_in_two_kelurahan_changes_only_those(shipped_con):
    chosen = ("18.72.02.1002", "18.72.05.1002")
    result = run_scenario(shipped_con, Scenario(transfer_rp_per_month=300_000, target_deciles=(1, 2), target_regions=chosen))
    kelurahan = result[result.level == "kelurahan"].set_index("region_code")
    others = kelurahan.drop(index=list(chosen))
    assert others.p0_after_pct.tolist() == pytest.approx(others.p0_before_pct.tolist())
    assert (others.budget_rp_per_year == 0).all()
    assert (kelurahan.loc[list(chosen), "p0_after_pct"] < kelurahan.loc[list(chosen), "p0_before_pct"]).all()
    assert row(result, "18.72.01").p0_after_pct == pytest.approx(row(result, "18.72.01").p0_before_pct)


def test_only_eligible_households_in_the_area_receive():
    frame = households({"decile": 1, "weight": 2}, {"decile": 3}, {"decile": 1, "kelurahan_code": KEL_C})
    result = city(frame, Scenario(transfer_rp_per_month=10, target_deciles=(1, 2), target_regions=("18.72.01",)))
    assert result.recipient_households == 2
    assert result.budget_rp_per_year == 12 * 10 * 2


def test_per_capita_transfer_is_paid_for_every_member():
    frame = households({"decile": 1, "hh_size": 4, "exp_pc": 90})
    per_household = city(frame, Scenario(transfer_rp_per_month=20, target_deciles=(1,)))
    per_capita = city(frame, Scenario(transfer_rp_per_month=20, transfer_per="capita", target_deciles=(1,)))
    assert (per_household.budget_rp_per_year, per_capita.budget_rp_per_year) == (12 * 20, 12 * 80)
    assert (per_household.poor_persons_after, per_capita.poor_persons_after) == (4, 0)


def test_exclusion_error_misses_eligible_households_with_a_low_draw():
    frame = households({"decile": 1, "u_target": 0.05}, {"decile": 1, "u_target": 0.5})
    result = city(frame, Scenario(transfer_rp_per_month=10, target_deciles=(1,), exclusion_error_pct=10))
    assert result.recipient_households == 1


def test_inclusion_error_adds_ineligible_households_in_the_area_only():
    frame = households({"decile": 9, "u_target": 0.05}, {"decile": 9, "u_target": 0.5},
                       {"decile": 9, "u_target": 0.05, "kelurahan_code": KEL_C})
    result = city(frame, Scenario(transfer_rp_per_month=10, target_deciles=(1,), target_regions=(KEL_A,), inclusion_error_pct=10))
    assert result.recipient_households == 1


def test_targeting_errors_lower_the_share_reaching_the_poor(shipped_con):
    exact = row(run_scenario(shipped_con, Scenario(transfer_rp_per_month=200_000, target_deciles=(1,))), "18.72")
    leaky = row(run_scenario(shipped_con, Scenario(transfer_rp_per_month=200_000, target_deciles=(1,),
                                                   exclusion_error_pct=30, inclusion_error_pct=10)), "18.72")
    assert leaky.budget_share_to_poor_pct < exact.budget_share_to_poor_pct


def test_exclusion_error_lifts_fewer_people_out_of_poverty(shipped_con):
    exact = row(run_scenario(shipped_con, Scenario(transfer_rp_per_month=200_000, target_deciles=(1,))), "18.72")
    missed = row(run_scenario(shipped_con, Scenario(transfer_rp_per_month=200_000, target_deciles=(1,),
                                                    exclusion_error_pct=30)), "18.72")
    assert missed.persons_lifted < exact.persons_lifted


def test_person_lifted_cost_and_perfect_targeting_comparison():
    frame = households({"decile": 1, "exp_pc": 90}, {"decile": 6, "exp_pc": 500})
    result = city(frame, Scenario(transfer_rp_per_month=20, target_deciles=(1,)))
    assert (result.persons_lifted, result.poor_persons_after) == (1, 0)
    assert result.cost_rp_per_person_lifted_per_year == 12 * 20
    assert result.budget_share_to_poor_pct == 100
    assert result.min_budget_rp_per_year == pytest.approx(12 * 10)
    assert result.budget_to_min_budget_ratio == pytest.approx(2.0)


def test_cost_per_person_lifted_is_empty_when_nobody_is_lifted():
    result = city(households({"decile": 1, "exp_pc": 50}), Scenario(transfer_rp_per_month=10, target_deciles=(1,)))
    assert result.persons_lifted == 0 and math.isnan(result.cost_rp_per_person_lifted_per_year)


def test_inflation_moves_the_line_and_nominal_expenditure_together():
    result = city(households({"exp_pc": 105}, {"exp_pc": 95}), Scenario(inflation_pct=10))
    assert result.poverty_line_after_rp == pytest.approx(110)
    assert (result.p0_before_pct, result.p0_after_pct) == (50, 50)


def test_zero_real_growth_with_inflation_makes_nobody_poor(shipped_con):
    result = run_scenario(shipped_con, Scenario(inflation_pct=10))
    assert result.poor_persons_after.tolist() == pytest.approx(result.poor_persons_before.tolist())
    assert result.p1_after.tolist() == pytest.approx(result.p1_before.tolist())


def test_real_growth_comes_on_top_of_inflation():
    frame = households({"decile": 2, "exp_pc": 95})
    assert city(frame, Scenario(inflation_pct=10)).p0_after_pct == 100
    assert city(frame, Scenario.with_uniform_growth(10, inflation_pct=10)).p0_after_pct == 0  # 95 x 1.1 x 1.1 > 110


def test_inflation_erodes_a_transfer_fixed_in_rupiah():
    frame = households({"decile": 1, "exp_pc": 90})
    transfer = {"transfer_rp_per_month": 10.5, "target_deciles": (1,)}
    assert city(frame, Scenario(**transfer)).p0_after_pct == 0  # 90 + 10.5 >= 100
    assert city(frame, Scenario(inflation_pct=10, **transfer)).p0_after_pct == 100  # 99 + 10.5 < 110


def test_an_absolute_line_overrides_inflation():
    result = city(households({"exp_pc": 105}), Scenario(inflation_pct=10, poverty_line_rp=100))
    assert result.poverty_line_after_rp == 100 and result.p0_after_pct == 0


def test_growth_can_differ_between_deciles_1_4_and_5_10():
    frame = households({"decile": 2, "exp_pc": 95}, {"decile": 7, "exp_pc": 95})
    result = city(frame, Scenario(growth_d1_4_pct=10, growth_d5_10_pct=0))
    assert (result.poor_persons_before, result.poor_persons_after) == (2, 1)
    assert result.persons_lifted == 0  # growth is not the transfer's doing


def test_when_expenditure_counts_a_transfer_lowers_multidimensional_poverty():
    frame = households({"decile": 1, "exp_pc": 90, "jkn_all_members": False})
    result = city(frame, Scenario(transfer_rp_per_month=20, target_deciles=(1,), dimension_weights=EXPENDITURE_INCLUDED_WEIGHTS))
    assert (result.h_before_pct, result.h_after_pct) == (100, 0)


def test_by_default_the_multidimensional_index_is_non_monetary_and_a_transfer_leaves_it():
    frame = households({"decile": 1, "exp_pc": 90, "jkn_all_members": False, "n_children_under2": 1, "immunisation_complete": False})
    result = city(frame, Scenario(transfer_rp_per_month=20, target_deciles=(1,)))
    assert (result.h_before_pct, result.h_after_pct) == (100, 100)
    assert result.p0_after_pct == 0


def test_a_kecamatan_code_targets_its_kelurahan():
    frame = households({"decile": 1}, {"decile": 1, "kelurahan_code": KEL_B}, {"decile": 1, "kelurahan_code": KEL_C})
    result = city(frame, Scenario(transfer_rp_per_month=10, target_deciles=(1,), target_regions=("18.72.01",)))
    assert result.recipient_households == 2


def test_no_decile_chosen_means_no_recipient():
    assert city(households({"decile": 1}), Scenario(transfer_rp_per_month=10, target_deciles=())).recipient_households == 0

"""Gini ratio and bottom-40% share: queries/engine_inequality_by_region.sql through metro_poverty.engine.inequality."""

import pytest

from metro_poverty.engine import inequality_by_region
from tests.engine_support import KEL_B, connect, households, row


def city(frame):
    return row(inequality_by_region(connect(frame)), "18.72")


def test_gini_of_two_persons_spending_1_and_3_is_a_quarter():
    assert city(households({"exp_pc": 1}, {"exp_pc": 3})).gini == pytest.approx(0.25)


def test_gini_of_equal_expenditure_is_zero():
    assert city(households({"exp_pc": 7}, {"exp_pc": 7, "hh_size": 3})).gini == pytest.approx(0.0)


def test_gini_counts_persons_not_households():
    # One household of three at 1 and one person at 3 is the same as persons 1, 1, 1, 3.
    expected = sum(abs(a - b) for a in (1, 1, 1, 3) for b in (1, 1, 1, 3)) / (2 * 16 * 1.5)
    assert city(households({"exp_pc": 1, "hh_size": 3}, {"exp_pc": 3})).gini == pytest.approx(expected)


def test_bottom40_share_of_five_equal_weight_persons():
    frame = households(*({"exp_pc": y} for y in (1, 2, 3, 4, 10)))
    assert city(frame).bottom40_share_pct == pytest.approx(15.0)


def test_bottom40_share_takes_part_of_the_household_on_the_cut():
    frame = households({"exp_pc": 1}, {"exp_pc": 2, "hh_size": 2}, {"exp_pc": 7, "hh_size": 2})
    assert city(frame).bottom40_share_pct == pytest.approx(100 * 3 / 19)


def test_zero_weight_households_are_left_out():
    frame = households({"exp_pc": 1}, {"exp_pc": 3}, {"exp_pc": 1000, "weight": 0}, {"kelurahan_code": KEL_B, "weight": 0})
    result = inequality_by_region(connect(frame))
    assert row(result, "18.72").gini == pytest.approx(0.25)
    assert KEL_B not in set(result.region_code)

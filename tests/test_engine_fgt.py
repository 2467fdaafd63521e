"""FGT P0, P1, P2 by region: queries/engine_fgt_by_region.sql through metro_poverty.engine.fgt, on literal rows."""

import math

import pytest

from metro_poverty.engine import fgt_by_region
from tests.engine_support import KEL_A, KEL_B, KEL_C, connect, households, row

Z = 100.0


def city(frame, z=Z):
    return row(fgt_by_region(connect(frame), z), "18.72")


def test_a_household_exactly_at_the_line_is_not_poor():
    result = city(households({"exp_pc": 90}, {"exp_pc": 100}, {"exp_pc": 110}))
    assert result.poor_persons == 1
    assert result.p0_pct == pytest.approx(100 / 3)
    assert result.p1 == pytest.approx(100 * 0.1 / 3)
    assert result.p2 == pytest.approx(100 * 0.01 / 3)


def test_persons_count_with_weight_times_household_size():
    result = city(households({"exp_pc": 50, "weight": 2, "hh_size": 3}, {"exp_pc": 150, "weight": 1, "hh_size": 4}))
    assert (result.population_persons, result.poor_persons) == (10, 6)
    assert (result.p0_pct, result.p1, result.p2) == pytest.approx((60.0, 30.0, 15.0))


def test_gap_in_rupiah_and_perfect_targeting_budget():
    result = city(households({"exp_pc": 50, "weight": 2, "hh_size": 3}, {"exp_pc": 150, "hh_size": 4}))
    assert result.poverty_gap_rp_per_poor_person_month == pytest.approx(50.0)
    assert result.min_budget_rp_per_month == pytest.approx(result.p1 / 100 * Z * result.population_persons)
    assert result.min_budget_rp_per_year == pytest.approx(12 * 300.0)


def test_a_zero_weight_household_changes_nothing():
    base = households({"exp_pc": 90}, {"exp_pc": 120})
    with_zero = households({"exp_pc": 90}, {"exp_pc": 120}, {"exp_pc": 10, "weight": 0})
    assert city(with_zero)[["p0_pct", "p1", "p2", "population_persons"]].tolist() == pytest.approx(
        city(base)[["p0_pct", "p1", "p2", "population_persons"]].tolist()
    )


def test_a_single_household_below_the_line():
    result = city(households({"exp_pc": 80, "hh_size": 4}))
    assert (result.p0_pct, result.p1, result.p2) == pytest.approx((100.0, 20.0, 4.0))


def test_a_region_whose_weights_are_all_zero_has_no_index_and_no_error():
    result = fgt_by_region(connect(households({"exp_pc": 90}, {"kelurahan_code": KEL_B, "exp_pc": 10, "weight": 0})), Z)
    empty = row(result, KEL_B)
    assert empty.population_persons == 0
    assert all(math.isnan(empty[c]) for c in ("p0_pct", "p1", "p2"))
    assert row(result, "18.72").p0_pct == 100


def test_kecamatan_and_city_pool_their_kelurahan():
    frame = households({"exp_pc": 50}, {"kelurahan_code": KEL_B, "exp_pc": 150}, {"kelurahan_code": KEL_C, "exp_pc": 75})
    result = fgt_by_region(connect(frame), Z)
    assert row(result, KEL_A).p0_pct == 100 and row(result, KEL_B).p0_pct == 0
    assert row(result, "18.72.01").p0_pct == pytest.approx(50)
    assert row(result, "18.72").p1 == pytest.approx(100 * (0.5 + 0.25) / 3)


def test_every_region_appears_once_with_its_level():
    result = fgt_by_region(connect(households({}, {"kelurahan_code": KEL_C})), Z)
    assert list(zip(result.level, result.region_code)) == [
        ("city", "18.72"), ("kecamatan", "18.72.01"), ("kecamatan", "18.72.02"), ("kelurahan", KEL_A), ("kelurahan", KEL_C)
    ]


def test_the_line_must_be_positive():
    with pytest.raises(ValueError):
        fgt_by_region(connect(households({})), 0)

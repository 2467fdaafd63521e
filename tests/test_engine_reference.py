"""The DuckDB engine agrees with the independent pandas implementation (tests/engine_reference.py) on random data."""

import numpy as np
import pandas as pd
import pytest

from metro_poverty.engine import (
    Scenario, fgt_by_region, inequality_by_region, multidim_by_region, multidim_indicators_by_region, run_scenario,
    targeting_bases_by_region,
)
from metro_poverty.engine.indicators import DEFAULT_DIMENSION_WEIGHTS, EXPENDITURE_INCLUDED_WEIGHTS, nested_weights
from tests import engine_reference as reference
from tests.engine_support import connect, random_households

SEEDS = [1, 2, 3, 4, 5]
GK = 503_161.0


def assert_same(engine: pd.DataFrame, ref: pd.DataFrame, keys=("region_code", "level")):
    keys = list(keys)
    columns = [c for c in ref.columns if c in engine.columns and c not in keys]
    merged = engine.merge(ref, on=keys, how="outer", suffixes=("_engine", "_reference"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged.loc[merged["_merge"] != "both", keys]
    for column in columns:
        np.testing.assert_allclose(merged[f"{column}_engine"].astype(float), merged[f"{column}_reference"].astype(float),
                                   rtol=1e-9, atol=1e-9, err_msg=column)


def random_scenario(seed: int) -> Scenario:
    rng = np.random.default_rng(seed + 100)
    return Scenario(
        transfer_rp_per_month=float(rng.integers(0, 400_000)),
        transfer_per=["household", "capita"][seed % 2],
        target_deciles=tuple(int(d) for d in rng.choice(np.arange(1, 11), size=int(rng.integers(0, 5)), replace=False)),
        target_regions=(("18.72.01", "18.72.02.1001"), (), ("18.72.05.1004",), ("18.72",), ())[seed % 5],
        exclusion_error_pct=float(rng.uniform(0, 40)),
        inclusion_error_pct=float(rng.uniform(0, 20)),
        growth_d1_4_pct=float(rng.uniform(-5, 10)),
        growth_d5_10_pct=float(rng.uniform(-5, 10)),
        inflation_pct=float(rng.uniform(0, 8)),
        poverty_line_rp=None if seed % 3 else 520_000.0,
        dimension_weights=tuple(float(w) for w in rng.uniform(0.1, 1, 4)),
        k=float(rng.uniform(0.1, 0.6)),
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_fgt_matches_reference(seed):
    frame = random_households(seed)
    assert_same(fgt_by_region(connect(frame), GK), reference.fgt_by_region(frame, GK))


@pytest.mark.parametrize("seed", SEEDS)
def test_multidim_matches_reference(seed):
    frame = random_households(seed)
    weights = nested_weights((0.4, 0.2, 0.3, 0.1))
    assert_same(multidim_by_region(connect(frame), weights, 0.3, GK), reference.multidim_by_region(frame, weights, 0.3, GK))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("dimension_weights", [DEFAULT_DIMENSION_WEIGHTS, EXPENDITURE_INCLUDED_WEIGHTS])
def test_multidim_indicators_match_reference(seed, dimension_weights):
    frame = random_households(seed)
    weights = nested_weights(dimension_weights)
    engine = multidim_indicators_by_region(connect(frame), weights, 1 / 3, GK)
    ref = reference.multidim_indicators_by_region(frame, weights, 1 / 3, GK)
    assert_same(engine, ref, keys=("region_code", "level", "indicator"))


@pytest.mark.parametrize("seed", SEEDS)
def test_inequality_matches_reference(seed):
    frame = random_households(seed)
    assert_same(inequality_by_region(connect(frame)), reference.inequality_by_region(frame))


@pytest.mark.parametrize("seed", SEEDS)
def test_scenario_matches_reference(seed):
    frame = random_households(seed)
    scenario = random_scenario(seed)
    assert_same(run_scenario(connect(frame), scenario, GK), reference.scenario_by_region(frame, scenario, GK))


def test_random_scenarios_exercise_transfers_and_targeting_errors():
    results = [run_scenario(connect(random_households(seed)), random_scenario(seed), GK).iloc[0] for seed in SEEDS]
    assert sum(r.budget_rp_per_year > 0 for r in results) >= 3
    assert sum(r.persons_lifted > 0 for r in results) >= 2


@pytest.mark.parametrize("seed", SEEDS)
def test_targeting_bases_match_reference(seed):
    frame = random_households(seed)
    scenario = random_scenario(seed)
    assert_same(targeting_bases_by_region(connect(frame), scenario), reference.targeting_bases_by_region(frame, scenario))

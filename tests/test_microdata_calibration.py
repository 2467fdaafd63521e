"""The shipped synthetic file reproduces BPS's 2024 figures for Kota Metro and is made deterministically."""

import json

import numpy as np
import pyarrow.parquet as pq
import pytest

from metro_poverty.engine import GK_METRO_2024_RP, fgt_by_region
from metro_poverty.microdata import SHIPPED_FILE
from tests.engine_support import row, shipped, shipped_con  # noqa: F401 (fixtures)
from tests.register_support import register_pct

BPS_2024 = {"p0_pct": 6.78, "p1": 0.77, "p2": 0.15}
POPULATION_2024 = 180_281


@pytest.mark.parametrize("index", BPS_2024)
def test_city_index_matches_bps_2024_within_0_05_points(shipped_con, index):
    city = row(fgt_by_region(shipped_con, GK_METRO_2024_RP), "18.72")
    assert abs(city[index] - BPS_2024[index]) <= 0.05


def test_population_is_about_180_thousand(shipped_con):
    city = row(fgt_by_region(shipped_con), "18.72")
    assert city.population_persons == pytest.approx(POPULATION_2024, rel=0.01)


def test_kelurahan_differ_plausibly(shipped_con):
    p0 = fgt_by_region(shipped_con).query("level == 'kelurahan'")["p0_pct"]
    assert len(p0) == 22 and p0.max() - p0.min() > 5 and p0.min() > 0


def family_share_pct(frame, deciles) -> float:
    """Households (taken as families, as the register counts them) in these deciles, % of all."""
    return 100 * frame.weight[frame.decile.isin(deciles)].sum() / frame.weight.sum()


@pytest.mark.parametrize(("indicator", "deciles"), [("dtsen_d1_pct", [1]), ("dtsen_d14_pct", [1, 2, 3, 4])])
def test_family_shares_in_national_deciles_match_the_register(shipped, indicator, deciles):
    """DTSEN deciles are national (DOMAIN.md section 6): the file puts as many of Metro's families in
    deciles 1 and 1-4 as the register indicator does in the calibration year, not 10 % and 40 %."""
    register = register_pct(indicator)
    assert abs(family_share_pct(shipped.frame, deciles) - register) <= 0.1


def test_every_decile_is_present_and_the_city_is_better_off_than_the_nation(shipped):
    shares = [family_share_pct(shipped.frame, [d]) for d in range(1, 11)]
    assert all(s > 0 for s in shares)
    assert sum(shares[:4]) < 40 < sum(shares[4:])


def test_deciles_target_imperfectly_like_a_proxy_means_test(shipped):
    frame = shipped.frame
    persons = frame.weight * frame.hh_size
    poor = frame.exp_pc < GK_METRO_2024_RP
    poor_in_d1_4 = persons[poor & (frame.decile <= 4)].sum() / persons[poor].sum()
    assert 0.6 < poor_in_d1_4 < 0.85


def test_the_file_says_it_is_synthetic_and_how_it_was_calibrated():
    metadata = pq.read_schema(SHIPPED_FILE).metadata
    assert metadata[b"dataset_status"] == b"synthetic"
    assert set(json.loads(metadata[b"calibration"])) >= {"seed", "p0", "p1", "p2", "population"}


def test_the_generator_remakes_the_shipped_file_from_its_seed(shipped):
    from scripts.make_microdata import build

    frame, _ = build()
    assert np.array_equal(frame["exp_pc"].to_numpy(), shipped.frame["exp_pc"].to_numpy())
    assert np.array_equal(frame["decile"].to_numpy(), shipped.frame["decile"].to_numpy())

"""Make the SYNTHETIC household file of Kota Metro: data/microdata/households.parquet.

Not Susenas, not DTSEN: no real household is in it. It exists so the poverty engine, its tests and
the scenario page have household rows of the right shape, and it is calibrated so that the city
reproduces BPS's published 2024 figures (GK Rp 503,161: P0 6.78, P1 0.77, P2 0.15; 180,281 persons).

How it is made (all draws from one seeded generator, so the file is the same on every run):
1. Households are spread over the 22 kelurahan of data/reference/regions.csv in unequal numbers;
   each kelurahan gets a welfare effect (some poorer, some richer) and a services effect.
2. Each household gets a size and a latent welfare x = kelurahan effect - size effect + noise.
3. log(exp_pc) = mu + sigma_low * min(x, 0) + sigma_high * max(x, 0). sigma_high is fixed (the
   spread of the better-off half); mu and sigma_low are solved by bisection so that the weighted
   P0 and P1 hit the targets. P2 follows from the shape and is checked, not forced.
4. Weights are survey-like (log-normal around 1), scaled so that weight x hh_size sums to 180,281.
5. Deciles: a proxy welfare score (log expenditure plus housing/services signals plus noise, the
   noise standing for proxy-means-test error) is ranked, and deciles cut the person-weighted
   distribution. Deciles are computed once and stored, as a register would.
6. The other attributes are drawn with probabilities that rise or fall with x.

Run: .venv/bin/python scripts/make_microdata.py
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metro_poverty import paths  # noqa: E402
from metro_poverty.engine.reference import fgt  # noqa: E402
from metro_poverty.microdata.schema import COLUMNS  # noqa: E402

SEED = 20240301
N_HOUSEHOLDS = 50_000
POPULATION = 180_281  # BPS, 2024, the population used with the 2024 poverty release
GK_RP = 503_161.0
TARGETS = {"p0": 6.78, "p1": 0.77, "p2": 0.15}
SIGMA_HIGH = 0.55  # spread of log expenditure above the median; sets inequality among the better-off
HH_SIZE_SHARES = {1: 0.08, 2: 0.18, 3: 0.23, 4: 0.25, 5: 0.14, 6: 0.07, 7: 0.03, 8: 0.02}
OUT = paths.MICRODATA_DIR / "households.parquet"


def kelurahan_table(rng: np.random.Generator, n_households: int) -> pd.DataFrame:
    regions = pd.read_csv(paths.REFERENCE_DIR / "regions.csv", dtype=str)
    kel = regions[regions["level"] == "kelurahan"][["region_code", "parent_code"]].reset_index(drop=True)
    shares = rng.dirichlet(np.full(len(kel), 8.0))
    counts = np.floor(shares * n_households).astype(int)
    counts[: n_households - counts.sum()] += 1
    welfare = rng.normal(0.0, 0.35, len(kel))
    return kel.rename(columns={"region_code": "kelurahan_code", "parent_code": "kecamatan_code"}).assign(
        households=counts, welfare_effect=welfare, services_effect=0.6 * welfare + rng.normal(0.0, 0.3, len(kel))
    )


def household_skeleton(rng: np.random.Generator, kel: pd.DataFrame) -> pd.DataFrame:
    idx = np.repeat(np.arange(len(kel)), kel["households"].to_numpy())
    n = len(idx)
    sizes = rng.choice(list(HH_SIZE_SHARES), size=n, p=np.array(list(HH_SIZE_SHARES.values())) / sum(HH_SIZE_SHARES.values()))
    x = kel["welfare_effect"].to_numpy()[idx] - 0.12 * (sizes - 3.6) + rng.normal(0.0, 1.0, n)
    weight = rng.lognormal(0.0, 0.2, n)
    weight *= POPULATION / float((weight * sizes).sum())
    return pd.DataFrame({
        "hh_id": np.arange(1, n + 1, dtype=np.int32),
        "kelurahan_code": kel["kelurahan_code"].to_numpy()[idx],
        "kecamatan_code": kel["kecamatan_code"].to_numpy()[idx],
        "weight": weight,
        "hh_size": sizes.astype(np.int8),
        "x": x,
        "services": kel["services_effect"].to_numpy()[idx] + 0.5 * x,
    })


def log_expenditure(x: np.ndarray, mu: float, sigma_low: float) -> np.ndarray:
    return mu + sigma_low * np.minimum(x, 0.0) + SIGMA_HIGH * np.maximum(x, 0.0)


def _bisect(f, low: float, high: float, iterations: int = 80) -> float:
    """The root of an increasing function f on [low, high]."""
    for _ in range(iterations):
        mid = (low + high) / 2
        low, high = (mid, high) if f(mid) < 0 else (low, mid)
    return (low + high) / 2


def calibrate(x: np.ndarray, persons: np.ndarray) -> tuple[float, float]:
    """mu and sigma_low such that the weighted P0 and P1 at GK hit their targets."""
    log_z = np.log(GK_RP)

    def mu_for(sigma_low: float) -> float:
        # P0 falls as mu rises, so bisect on target - P0.
        return _bisect(lambda mu: TARGETS["p0"] - fgt(np.exp(log_expenditure(x, mu, sigma_low)), persons, GK_RP)[0],
                       log_z - 3, log_z + 5)

    def p1_excess(sigma_low: float) -> float:
        y = np.exp(log_expenditure(x, mu_for(sigma_low), sigma_low))
        return fgt(y, persons, GK_RP)[1] - TARGETS["p1"]

    sigma_low = _bisect(p1_excess, 0.02, 2.0, iterations=40)
    return mu_for(sigma_low), sigma_low


def _chance(rng: np.random.Generator, logit: np.ndarray) -> np.ndarray:
    return rng.random(len(logit)) < 1.0 / (1.0 + np.exp(-logit))


def attributes(rng: np.random.Generator, hh: pd.DataFrame) -> pd.DataFrame:
    x, s, size = hh["x"].to_numpy(), hh["services"].to_numpy(), hh["hh_size"].to_numpy().astype(int)
    n = len(hh)
    school_age = rng.binomial(np.maximum(size - 2, 0), 0.5)
    under2 = rng.binomial(1, np.where(size >= 3, 0.10, 0.01))
    out_of_school = rng.binomial(school_age, 1.0 / (1.0 + np.exp(3.4 + 0.9 * x)))
    area = np.exp(rng.normal(4.0 + 0.25 * x, 0.35))
    return hh.assign(
        max_schooling_years=np.clip(np.round(11.5 + 2.5 * x + rng.normal(0, 2.5, n)), 0, 18).astype(np.int8),
        n_children_school_age=school_age.astype(np.int8),
        n_children_out_of_school=out_of_school.astype(np.int8),
        jkn_all_members=_chance(rng, 2.0 + 0.6 * x),
        n_children_under2=under2.astype(np.int8),
        immunisation_complete=(under2 == 0) | _chance(rng, 1.6 + 0.6 * x),
        water_safe=_chance(rng, 2.6 + 0.8 * s),
        sanitation_proper=_chance(rng, 1.9 + 0.9 * s),
        electricity=_chance(rng, 5.5 + 1.0 * s),
        floor_earth=_chance(rng, -3.8 - 1.0 * x),
        wall_unfit=_chance(rng, -3.4 - 1.0 * x),
        roof_unfit=_chance(rng, -3.7 - 1.0 * x),
        floor_area_pc=np.round(area / size, 1),
    )


def weighted_deciles(score: np.ndarray, persons: np.ndarray) -> np.ndarray:
    """Decile 1-10 of each household in the person-weighted distribution of score (1 = lowest)."""
    order = np.argsort(score, kind="stable")
    cum = np.cumsum(persons[order])
    midpoint = (cum - persons[order] / 2) / cum[-1]
    deciles = np.empty(len(score), dtype=np.int8)
    deciles[order] = np.clip(np.floor(midpoint * 10).astype(int) + 1, 1, 10)
    return deciles


def proxy_score(rng: np.random.Generator, hh: pd.DataFrame) -> np.ndarray:
    """A PMT-like score: log expenditure, housing and services signals, and error."""
    log_y = np.log(hh["exp_pc"].to_numpy(float))
    signals = -0.15 * (hh["floor_earth"].astype(int) + hh["wall_unfit"].astype(int) + ~hh["sanitation_proper"])
    return log_y + signals + rng.normal(0.0, 0.8 * log_y.std(), len(hh))


def build(seed: int = SEED, n_households: int = N_HOUSEHOLDS) -> tuple[pd.DataFrame, dict]:
    rng = np.random.default_rng(seed)
    hh = household_skeleton(rng, kelurahan_table(rng, n_households))
    persons = hh["weight"].to_numpy() * hh["hh_size"].to_numpy()
    mu, sigma_low = calibrate(hh["x"].to_numpy(), persons)
    hh["exp_pc"] = np.round(np.exp(log_expenditure(hh["x"].to_numpy(), mu, sigma_low))).astype(np.int64)
    hh = attributes(rng, hh)
    proxy = proxy_score(rng, hh)
    hh["decile"] = weighted_deciles(proxy, persons)
    hh["u_target"] = rng.random(len(hh)).astype(np.float32)
    p0, p1, p2 = fgt(hh["exp_pc"].to_numpy(float), persons, GK_RP)
    info = {
        "seed": seed, "mu": round(mu, 6), "sigma_low": round(sigma_low, 6), "sigma_high": SIGMA_HIGH,
        "p0": round(p0, 4), "p1": round(p1, 4), "p2": round(p2, 4), "population": round(float(persons.sum()), 1),
        "corr_proxy_log_exp_pc": round(float(np.corrcoef(proxy, np.log(hh["exp_pc"]))[0, 1]), 3),
    }
    return hh[[c.name for c in COLUMNS]], info


def write(frame: pd.DataFrame, info: dict, out: Path) -> None:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    metadata = {
        "dataset_status": "synthetic",
        "description": "SYNTHETIC households of Kota Metro, calibrated to BPS 2024 P0/P1/P2 at GK Rp 503,161; not Susenas",
        "generator": "scripts/make_microdata.py",
        "calibration": json.dumps(info, sort_keys=True),
    }
    table = table.replace_schema_metadata({**{k.encode(): v.encode() for k, v in metadata.items()}})
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out, compression="zstd", use_dictionary=["kelurahan_code", "kecamatan_code"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--households", type=int, default=N_HOUSEHOLDS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    frame, info = build(args.seed, args.households)
    write(frame, info, args.out)
    print(f"wrote {args.out} ({len(frame)} households, SYNTHETIC): " + json.dumps(info))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

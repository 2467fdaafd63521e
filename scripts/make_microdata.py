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
5. The other attributes are drawn with probabilities that rise or fall with x.
6. DTSEN deciles, with NATIONAL cut-offs (DOMAIN.md section 6): the register ranks every family in
   Indonesia, so decile 1 is the poorest tenth of the nation, and a city with P0 below the national
   rate has fewer than 40 % of its families in deciles 1-4. Each household (taken as one family) gets
   a proxy-means-test score: log expenditure, housing and sanitation signals, and noise standing for
   the PMT's prediction error, sized so that the score explains about half of the variance of log
   expenditure (R2 about 0.5, correlation about 0.72). The national distribution of the score is not
   in the file, so it is ASSUMED normal, with the mean and spread that put Metro's families where the
   register puts them in the calibration year: REGISTER_FAMILIES below, decile 1 = 4.0 % and deciles
   1-4 = 22.5 % of families. The nine national cut-offs are its 10th ... 90th percentiles; a
   household's decile is where its score falls among them. Deciles are stored once, as a register is.
   What follows (data/microdata/README.md has the figures): about 70 % of the poor sit in deciles
   1-4 and about 47 % of the poorest 22.5 % of families do not, the kind of exclusion a PMT-ranked
   register is known for, where city-local deciles gave 92 % and made targeting look far too good.

Run: .venv/bin/python scripts/make_microdata.py
"""

from __future__ import annotations

import argparse
import json
import sys
from statistics import NormalDist
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metro_poverty import paths  # noqa: E402
from metro_poverty.engine.poverty_line import BASELINE_YEAR  # noqa: E402
from metro_poverty.microdata.schema import COLUMNS  # noqa: E402

SEED = 20240301
N_HOUSEHOLDS = 50_000
POPULATION = 180_281  # BPS, 2024, the population used with the 2024 poverty release
GK_RP = 503_161.0
TARGETS = {"p0": 6.78, "p1": 0.77, "p2": 0.15}
SIGMA_HIGH = 0.55  # spread of log expenditure above the median; sets inequality among the better-off
PMT_NOISE = 1.0  # sd of the PMT error, in sd of log expenditure: the score explains about half the variance
# Families of Kota Metro in the register's national welfare deciles in 2024, the calibration year:
# data/raw/dinsos/REKAP_DESIL_KELUARGA_2022-2025.csv (ILLUSTRATIVE, series P3KE), the 22 kelurahan rows
# summed. tests/test_microdata_calibration.py checks the file against the store's dtsen_d1_pct and
# dtsen_d14_pct, so a changed register file asks for a new household file.
REGISTER_YEAR = BASELINE_YEAR
REGISTER_FAMILIES = {"families": 56_201, "decile_1": 2_263, "deciles_1_4": 12_661}
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


def fgt(y: np.ndarray, persons: np.ndarray, z: float) -> tuple[float, float, float]:
    """P0, P1, P2 (x100, as BPS publishes) of per-capita expenditure y, persons as weights. Plain numpy:
    the bisection evaluates it thousands of times; tests/test_microdata_calibration.py checks the
    written file with the engine's own FGT."""
    gap = np.where(y < z, (z - y) / z, 0.0)
    n = persons.sum()
    return tuple(100 * float((persons * gap**alpha * (y < z)).sum() / n) for alpha in (0, 1, 2))


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


def proxy_score(rng: np.random.Generator, hh: pd.DataFrame) -> np.ndarray:
    """A PMT-like score: log expenditure, housing and sanitation signals, and prediction error."""
    log_y = np.log(hh["exp_pc"].to_numpy(float))
    signals = -0.15 * (hh["floor_earth"].astype(int) + hh["wall_unfit"].astype(int) + ~hh["sanitation_proper"]).to_numpy(float)
    return log_y + signals + rng.normal(0.0, PMT_NOISE * log_y.std(), len(hh))


def weighted_quantile(values: np.ndarray, weights: np.ndarray, share: float) -> float:
    """The value below which `share` of the weight lies (each record counted at its weight's midpoint)."""
    order = np.argsort(values, kind="stable")
    cum = np.cumsum(weights[order])
    midpoint = (cum - weights[order] / 2) / cum[-1]
    return float(np.interp(share, midpoint, values[order]))


def national_cutoffs(score: np.ndarray, families: np.ndarray, share_d1: float, share_d1_4: float) -> np.ndarray:
    """The nine national decile cut-offs on the score's scale (step 6 of the module's docstring).

    The national score is assumed normal; its two parameters are the ones that put `share_d1` of the
    city's families below the national 10th percentile and `share_d1_4` below the 40th.
    """
    normal = NormalDist()
    c1, c4 = weighted_quantile(score, families, share_d1), weighted_quantile(score, families, share_d1_4)
    spread = (c4 - c1) / (normal.inv_cdf(0.4) - normal.inv_cdf(0.1))
    centre = c1 - spread * normal.inv_cdf(0.1)
    return np.array([centre + spread * normal.inv_cdf(d / 10) for d in range(1, 10)])


def national_deciles(score: np.ndarray, cutoffs: np.ndarray) -> np.ndarray:
    """Decile 1-10 of each score among the national cut-offs (1 = the poorest tenth of the nation)."""
    return (np.searchsorted(cutoffs, score, side="right") + 1).astype(np.int8)


def targeting_facts(hh: pd.DataFrame, persons: np.ndarray) -> dict:
    """What the deciles do in the city: family shares by decile, and where the poor sit."""
    families = hh["weight"].to_numpy()
    decile, poor = hh["decile"].to_numpy(), hh["exp_pc"].to_numpy() < GK_RP
    in_d1_4 = families[decile <= 4].sum() / families.sum()
    # Exclusion like for like: of the families with the lowest expenditure, as many as deciles 1-4 hold,
    # how many a perfect ranking would have put there, are outside them?
    poorest = hh["exp_pc"].to_numpy(float) < weighted_quantile(hh["exp_pc"].to_numpy(float), families, in_d1_4)
    return {
        "families_by_decile_pct": [round(100 * float(families[decile == d].sum() / families.sum()), 2) for d in range(1, 11)],
        "poor_persons_in_deciles_1_4_pct": round(100 * float(persons[poor & (decile <= 4)].sum() / persons[poor].sum()), 1),
        "poor_persons_in_deciles_1_2_pct": round(100 * float(persons[poor & (decile <= 2)].sum() / persons[poor].sum()), 1),
        "poorest_families_outside_deciles_1_4_pct": round(100 * float(families[poorest & (decile > 4)].sum() / families[poorest].sum()), 1),
    }


def build(seed: int = SEED, n_households: int = N_HOUSEHOLDS) -> tuple[pd.DataFrame, dict]:
    rng = np.random.default_rng(seed)
    hh = household_skeleton(rng, kelurahan_table(rng, n_households))
    persons = hh["weight"].to_numpy() * hh["hh_size"].to_numpy()
    mu, sigma_low = calibrate(hh["x"].to_numpy(), persons)
    hh["exp_pc"] = np.round(np.exp(log_expenditure(hh["x"].to_numpy(), mu, sigma_low))).astype(np.int64)
    hh = attributes(rng, hh)
    proxy = proxy_score(rng, hh)
    cutoffs = national_cutoffs(proxy, hh["weight"].to_numpy(), REGISTER_FAMILIES["decile_1"] / REGISTER_FAMILIES["families"],
                               REGISTER_FAMILIES["deciles_1_4"] / REGISTER_FAMILIES["families"])
    hh["decile"] = national_deciles(proxy, cutoffs)
    hh["u_target"] = rng.random(len(hh)).astype(np.float32)
    p0, p1, p2 = fgt(hh["exp_pc"].to_numpy(float), persons, GK_RP)
    info = {
        "seed": seed, "mu": round(mu, 6), "sigma_low": round(sigma_low, 6), "sigma_high": SIGMA_HIGH,
        "p0": round(p0, 4), "p1": round(p1, 4), "p2": round(p2, 4), "population": round(float(persons.sum()), 1),
        "corr_proxy_log_exp_pc": round(float(np.corrcoef(proxy, np.log(hh["exp_pc"]))[0, 1]), 3),
        "register_year": REGISTER_YEAR, "national_decile_cutoffs_score": [round(float(c), 4) for c in cutoffs],
        **targeting_facts(hh, persons),
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

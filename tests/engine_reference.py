"""An independent, straightforward pandas/numpy version of the engine's figures.

Written from DOMAIN.md rather than from the SQL, on purpose: the tests compare the DuckDB engine
with it on random data, and bench/bench_engine.py uses it as the pandas baseline. It lives with the
tests, not in the package: the app never runs it. Input is the
household frame as the loader returns it (with `u_target`); output columns match the engine's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from metro_poverty.engine.scenario import Scenario

HOUSING_MIN_FLOOR_AREA_PC = 7.2
LEVELS = (("kelurahan", "kelurahan_code"), ("kecamatan", "kecamatan_code"), ("city", "city_code"))
_SCORE_TOLERANCE = 1e-9


def sum_by_region(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Household sums per kelurahan, then kecamatan and city as sums of those; one row per region."""
    frame = frame.assign(city_code=frame["kecamatan_code"].astype(str).str[:5])
    keys = ["city_code", "kecamatan_code", "kelurahan_code"]
    by_kelurahan = frame.groupby(keys, observed=True, sort=False)[columns].sum()
    by_kecamatan = by_kelurahan.groupby(level=["city_code", "kecamatan_code"], observed=True).sum()
    by_city = by_kecamatan.groupby(level="city_code", observed=True).sum()
    parts = []
    for level, table, key in (
        ("city", by_city, "city_code"), ("kecamatan", by_kecamatan, "kecamatan_code"), ("kelurahan", by_kelurahan, "kelurahan_code")
    ):
        part = table.reset_index()
        part.insert(0, "level", level)
        part.insert(0, "region_code", part[key].astype(str))
        parts.append(part.drop(columns=[k for k in keys if k in part.columns]))
    return pd.concat(parts, ignore_index=True)


def _persons(frame: pd.DataFrame) -> np.ndarray:
    return frame["weight"].to_numpy(float) * frame["hh_size"].to_numpy(float)


def _ratio(numerator, denominator, scale: float = 1.0):
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, scale * numerator / np.where(denominator > 0, denominator, 1), np.nan)


def fgt_by_region(frame: pd.DataFrame, z: float) -> pd.DataFrame:
    y = frame["exp_pc"].to_numpy(float)
    persons = _persons(frame)
    gap = np.where(y < z, (z - y) / z, 0.0)
    parts = frame[["kelurahan_code", "kecamatan_code"]].assign(
        population_persons=persons, poor_persons=persons * (y < z), g1=persons * gap, g2=persons * gap * gap
    )
    s = sum_by_region(parts, ["population_persons", "poor_persons", "g1", "g2"])
    return s.assign(
        p0_pct=_ratio(s.poor_persons, s.population_persons, 100),
        p1=_ratio(s.g1, s.population_persons, 100),
        p2=_ratio(s.g2, s.population_persons, 100),
        poverty_line_rp_per_capita_month=float(z),
        poverty_gap_rp_per_poor_person_month=_ratio(s.g1 * z, s.poor_persons),
        min_budget_rp_per_month=s.g1 * z,
        min_budget_rp_per_year=12 * s.g1 * z,
    ).drop(columns=["g1", "g2"])


def deprivations_without_expenditure(frame: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per non-expenditure indicator, household level."""
    return pd.DataFrame({
        "schooling": frame["max_schooling_years"] < 6,
        "school_attendance": frame["n_children_out_of_school"] > 0,
        "jkn": ~frame["jkn_all_members"].astype(bool),
        "immunisation": (frame["n_children_under2"] > 0) & ~frame["immunisation_complete"].astype(bool),
        "water": ~frame["water_safe"].astype(bool),
        "sanitation": ~frame["sanitation_proper"].astype(bool),
        "electricity": ~frame["electricity"].astype(bool),
        "housing": frame["floor_earth"].astype(bool) | frame["wall_unfit"].astype(bool) | frame["roof_unfit"].astype(bool)
        | (frame["floor_area_pc"] < HOUSING_MIN_FLOOR_AREA_PC),
    }, index=frame.index)


def deprivations(frame: pd.DataFrame, z: float) -> pd.DataFrame:
    """One boolean column per indicator, household level."""
    others = deprivations_without_expenditure(frame)
    others.insert(0, "expenditure_below_line", frame["exp_pc"] < z)
    return others


def _normalised(weights: dict[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {name: w / total for name, w in weights.items()}


def _af_parts(frame: pd.DataFrame, weights: dict[str, float], k: float, z: float):
    d = deprivations(frame, z)
    w = _normalised(weights)
    score = sum(d[name].to_numpy(float) * w.get(name, 0.0) for name in d.columns)
    poor = score >= k - _SCORE_TOLERANCE
    return d, w, score, poor


def multidim_by_region(frame: pd.DataFrame, weights: dict[str, float], k: float, z: float) -> pd.DataFrame:
    _, _, score, poor = _af_parts(frame, weights, k, z)
    persons = _persons(frame)
    parts = frame[["kelurahan_code", "kecamatan_code"]].assign(
        population_persons=persons, md_poor=persons * poor, md_score=persons * score * poor
    )
    s = sum_by_region(parts, ["population_persons", "md_poor", "md_score"])
    return s.assign(
        h_pct=_ratio(s.md_poor, s.population_persons, 100),
        a_pct=_ratio(s.md_score, s.md_poor, 100),
        m0=_ratio(s.md_score, s.population_persons),
    ).drop(columns=["md_poor", "md_score"])


def multidim_indicators_by_region(frame: pd.DataFrame, weights: dict[str, float], k: float, z: float) -> pd.DataFrame:
    d, w, _, poor = _af_parts(frame, weights, k, z)
    persons = _persons(frame)
    cols = {"population_persons": persons}
    for name in d.columns:
        cols[f"u_{name}"] = persons * d[name].to_numpy(float)
        cols[f"c_{name}"] = persons * d[name].to_numpy(float) * poor
    s = sum_by_region(frame[["kelurahan_code", "kecamatan_code"]].assign(**cols), list(cols))
    m0 = sum(w[name] * s[f"c_{name}"] for name in d.columns)
    rows = []
    for name in d.columns:
        rows.append(s[["region_code", "level", "population_persons"]].assign(
            indicator=name,
            weight=w[name],
            uncensored_headcount_pct=_ratio(s[f"u_{name}"], s.population_persons, 100),
            censored_headcount_pct=_ratio(s[f"c_{name}"], s.population_persons, 100),
            contribution_pct=_ratio(w[name] * s[f"c_{name}"], m0, 100),
        ))
    return pd.concat(rows, ignore_index=True)


def gini_and_bottom40(y: np.ndarray, persons: np.ndarray) -> tuple[float, float]:
    """Person-weighted Gini (Lorenz curve by trapezoids) and the bottom 40%'s share of expenditure, in %."""
    order = np.argsort(y, kind="stable")
    y, p = y[order], persons[order]
    total_p, total_y = p.sum(), (p * y).sum()
    if total_p <= 0 or total_y <= 0:
        return float("nan"), float("nan")
    lorenz = np.concatenate([[0.0], np.cumsum(p * y) / total_y])
    gini = 1.0 - float(np.sum(p / total_p * (lorenz[:-1] + lorenz[1:])))
    before = np.concatenate([[0.0], np.cumsum(p)[:-1]])
    inside = np.clip((0.4 * total_p - before) / np.where(p > 0, p, 1), 0.0, 1.0) * (p > 0)
    return gini, 100 * float(np.sum(inside * p * y) / total_y)


def inequality_by_region(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.assign(city_code=frame["kecamatan_code"].astype(str).str[:5], persons=_persons(frame))
    frame = frame[frame["persons"] > 0]
    rows = []
    for level, key in LEVELS:
        for code, group in frame.groupby(key, observed=True):
            gini, bottom40 = gini_and_bottom40(group["exp_pc"].to_numpy(float), group["persons"].to_numpy(float))
            rows.append({"region_code": str(code), "level": level, "population_persons": group["persons"].sum(),
                         "gini": gini, "bottom40_share_pct": bottom40})
    return pd.DataFrame(rows)


def area_and_eligible(frame: pd.DataFrame, scenario: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """Per household: in the programme area; eligible (in the area and in a chosen decile)."""
    if scenario.target_regions:
        regions = set(scenario.target_regions)
        codes = frame["kelurahan_code"].astype(str)
        kecamatan = frame["kecamatan_code"].astype(str)
        in_area = codes.isin(regions) | kecamatan.isin(regions) | kecamatan.str[:5].isin(regions)
        in_area = in_area.to_numpy()
    else:
        in_area = np.ones(len(frame), dtype=bool)
    return in_area, in_area & frame["decile"].isin(scenario.target_deciles).to_numpy()


def recipients(frame: pd.DataFrame, scenario: Scenario) -> np.ndarray:
    """Who receives the transfer: eligible and not excluded, or ineligible in the area and included."""
    in_area, eligible = area_and_eligible(frame, scenario)
    u = frame["u_target"].to_numpy(float)
    return (eligible & (u >= scenario.exclusion_error_pct / 100)) | (in_area & ~eligible & (u < scenario.inclusion_error_pct / 100))


def targeting_bases_by_region(frame: pd.DataFrame, scenario: Scenario) -> pd.DataFrame:
    """Households eligible, and ineligible in the area: the bases of the exclusion and inclusion errors."""
    in_area, eligible = area_and_eligible(frame, scenario)
    hw = frame["weight"].to_numpy(float)
    cols = {"households": hw, "area_households": hw * in_area, "eligible_households": hw * eligible,
            "ineligible_area_households": hw * (in_area & ~eligible)}
    s = sum_by_region(frame[["kelurahan_code", "kecamatan_code"]].assign(**cols), list(cols))
    return s.assign(
        eligible_share_pct=_ratio(s.eligible_households, s.households, 100),
        expected_missed_households=scenario.exclusion_error_pct / 100 * s.eligible_households,
        expected_included_households=scenario.inclusion_error_pct / 100 * s.ineligible_area_households,
    )


def scenario_by_region(frame: pd.DataFrame, scenario: Scenario, baseline_rp: float) -> pd.DataFrame:
    z0, z1 = baseline_rp, scenario.line_rp(baseline_rp)
    persons, hw = _persons(frame), frame["weight"].to_numpy(float)
    size = frame["hh_size"].to_numpy(float)
    y0 = frame["exp_pc"].to_numpy(float)
    real_growth = np.where(frame["decile"].to_numpy() <= 4, scenario.growth_d1_4_pct, scenario.growth_d5_10_pct) / 100
    y_pre = y0 * (1 + real_growth) * (1 + scenario.inflation_pct / 100)  # nominal: prices move with the line
    gets = recipients(frame, scenario)
    amount_pc = scenario.transfer_rp_per_month / (1 if scenario.transfer_per == "capita" else size)
    y1 = y_pre + gets * amount_pc
    weights = scenario.indicator_weights()

    def gap(y, z):
        return np.where(y < z, (z - y) / z, 0.0)

    w = _normalised(weights)
    others = deprivations_without_expenditure(frame)
    score_others = sum(others[name].to_numpy(float) * w.get(name, 0.0) for name in others.columns)

    def md(y, z):
        score = score_others + (y < z) * w.get("expenditure_below_line", 0.0)
        poor = score >= scenario.k - _SCORE_TOLERANCE
        return poor, score * poor

    md0, md_score0 = md(y0, z0)
    md1, md_score1 = md(y1, z1)
    budget = hw * gets * amount_pc * size
    cols = {
        "population_persons": persons,
        "poor0": persons * (y0 < z0), "g0": persons * gap(y0, z0), "h0": persons * gap(y0, z0) ** 2,
        "poor_pre": persons * (y_pre < z1), "g_pre": persons * gap(y_pre, z1),
        "poor1": persons * (y1 < z1), "g1": persons * gap(y1, z1), "h1": persons * gap(y1, z1) ** 2,
        "md0": persons * md0, "mds0": persons * md_score0, "md1": persons * md1, "mds1": persons * md_score1,
        "lifted": persons * ((y_pre < z1) & ~(y1 < z1)),
        "rec_hh": hw * gets, "rec_p": persons * gets, "budget": budget, "budget_poor": budget * (y_pre < z1),
    }
    s = sum_by_region(frame[["kelurahan_code", "kecamatan_code"]].assign(**cols), list(cols))
    n = s.population_persons
    lifted = s.lifted
    out = s[["region_code", "level", "population_persons"]].assign(
        poverty_line_before_rp=z0,
        poverty_line_after_rp=z1,
        p0_before_pct=_ratio(s.poor0, n, 100), p0_after_pct=_ratio(s.poor1, n, 100),
        p1_before=_ratio(s.g0, n, 100), p1_after=_ratio(s.g1, n, 100),
        p2_before=_ratio(s.h0, n, 100), p2_after=_ratio(s.h1, n, 100),
        poor_persons_before=s.poor0, poor_persons_without_transfer=s.poor_pre, poor_persons_after=s.poor1,
        persons_lifted=lifted,
        h_before_pct=_ratio(s.md0, n, 100), h_after_pct=_ratio(s.md1, n, 100),
        m0_before=_ratio(s.mds0, n), m0_after=_ratio(s.mds1, n),
        recipient_households=s.rec_hh, recipient_persons=s.rec_p,
        budget_rp_per_year=12 * s.budget,
        budget_share_to_poor_pct=_ratio(s.budget_poor, s.budget, 100),
        cost_rp_per_person_lifted_per_year=_ratio(12 * s.budget, lifted),
        min_budget_rp_per_year=12 * z1 * s.g_pre,
        budget_to_min_budget_ratio=_ratio(s.budget, z1 * s.g_pre),
    )
    return out

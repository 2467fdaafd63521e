"""A straightforward polars implementation of one scenario: the alternative a data engineer would likely
write instead of the engine, for bench/bench_engine.py to time against it. Not part of the package.

Written the plain way on purpose: every household is computed under every scenario (no pruning, no
tables made for the scenario), step by step in one lazy polars query, with the same formulas as
queries/engine_scenario_by_region.sql so the benchmark can check that both give the same figures.
What no lever changes is prepared once per file, as the engine's `households` table has it: persons,
the eight non-expenditure deprivations, the city code and categorical region codes.
"""

from __future__ import annotations

import pandas as pd
import polars as pl

from metro_poverty.engine import Scenario
from metro_poverty.engine.indicators import PATTERN_BITS, weight_params

SCORE_TOLERANCE = 1e-9


def prepare(households: pl.DataFrame) -> pl.DataFrame:
    """The household file (the loader's columns) with what no scenario changes, computed once."""
    return households.select(
        pl.col("kelurahan_code").cast(pl.String).cast(pl.Categorical),
        pl.col("kecamatan_code").cast(pl.String).cast(pl.Categorical),
        pl.col("kecamatan_code").cast(pl.String).str.slice(0, 5).cast(pl.Categorical).alias("city_code"),
        pl.col("weight").cast(pl.Float64),
        pl.col("hh_size").cast(pl.Float64),
        (pl.col("weight") * pl.col("hh_size")).cast(pl.Float64).alias("persons"),
        pl.col("exp_pc").cast(pl.Float64),
        pl.col("decile").cast(pl.Int8),
        pl.col("u_target").cast(pl.Float64),
        (pl.col("max_schooling_years") < 6).alias("schooling"),
        (pl.col("n_children_out_of_school") > 0).alias("school_attendance"),
        (~pl.col("jkn_all_members")).alias("jkn"),
        ((pl.col("n_children_under2") > 0) & ~pl.col("immunisation_complete")).alias("immunisation"),
        (~pl.col("water_safe")).alias("water"),
        (~pl.col("sanitation_proper")).alias("sanitation"),
        (~pl.col("electricity")).alias("electricity"),
        (pl.col("floor_earth") | pl.col("wall_unfit") | pl.col("roof_unfit") | (pl.col("floor_area_pc") < 7.2)).alias("housing"),
    )


def _gap(y: pl.Expr, z: float) -> pl.Expr:
    return (1 - y / z).clip(lower_bound=0)


def _with_states(households: pl.LazyFrame, scenario: Scenario, z0: float, z1: float) -> pl.LazyFrame:
    """Per household, step by step: area, recipients, expenditure without and with the transfer, scores."""
    regions = list(scenario.target_regions)
    in_area = (pl.col("kelurahan_code").is_in(regions) | pl.col("kecamatan_code").is_in(regions)
               | pl.col("city_code").is_in(regions)) if regions else pl.lit(True)
    weights = weight_params(scenario.indicator_weights())
    amount = scenario.transfer_rp_per_month
    return (
        households
        .with_columns(in_area=in_area)
        .with_columns(eligible=pl.col("in_area") & pl.col("decile").is_in(list(scenario.target_deciles)))
        .with_columns(
            receives=(pl.col("eligible") & (pl.col("u_target") >= scenario.exclusion_error_pct / 100))
            | (pl.col("in_area") & ~pl.col("eligible") & (pl.col("u_target") < scenario.inclusion_error_pct / 100)),
            y_pre=pl.col("exp_pc")
            * (1 + pl.when(pl.col("decile") <= 4).then(scenario.growth_d1_4_pct / 100).otherwise(scenario.growth_d5_10_pct / 100))
            * (1 + scenario.inflation_pct / 100),
            score_others=sum(pl.col(name).cast(pl.Float64) * weights[f"w_{name}"] for name in PATTERN_BITS),
        )
        .with_columns(
            y1=pl.col("y_pre") + pl.when(pl.col("receives"))
            .then(pl.lit(amount) if scenario.transfer_per == "capita" else amount / pl.col("hh_size")).otherwise(0.0),
        )
        .with_columns(
            poor0=pl.col("exp_pc") < z0,
            poor_pre=pl.col("y_pre") < z1,
            poor1=pl.col("y1") < z1,
            g0=_gap(pl.col("exp_pc"), z0),
            g_pre=_gap(pl.col("y_pre"), z1),
            g1=_gap(pl.col("y1"), z1),
        )
        .with_columns(
            score0=pl.col("score_others") + pl.col("poor0").cast(pl.Float64) * weights["w_expenditure_below_line"],
            score1=pl.col("score_others") + pl.col("poor1").cast(pl.Float64) * weights["w_expenditure_below_line"],
        )
        .with_columns(
            md0=pl.col("score0") >= scenario.k - SCORE_TOLERANCE,
            md1=pl.col("score1") >= scenario.k - SCORE_TOLERANCE,
        )
    )


def _terms(scenario: Scenario) -> list[pl.Expr]:
    """Per household, what each region sums."""
    p = pl.col("persons")
    units = p if scenario.transfer_per == "capita" else pl.col("weight")
    return [
        p.alias("population_persons"),
        (p * pl.col("poor0")).alias("poor_before"),
        (p * pl.col("g0")).alias("gap_before"),
        (p * pl.col("g0") ** 2).alias("gap_squared_before"),
        (p * pl.col("poor_pre")).alias("poor_without_transfer"),
        (p * pl.col("g_pre")).alias("gap_without_transfer"),
        (p * pl.col("poor1")).alias("poor_after"),
        (p * pl.col("g1")).alias("gap_after"),
        (p * pl.col("g1") ** 2).alias("gap_squared_after"),
        (p * (pl.col("poor_pre") & ~pl.col("poor1"))).alias("lifted"),
        (p * pl.col("md0")).alias("md_poor_before"),
        (p * pl.col("score0") * pl.col("md0")).alias("md_score_before"),
        (p * pl.col("md1")).alias("md_poor_after"),
        (p * pl.col("score1") * pl.col("md1")).alias("md_score_after"),
        (pl.col("weight") * pl.col("receives")).alias("recipient_households"),
        (p * pl.col("receives")).alias("recipient_persons"),
        (units * (pl.col("receives") & pl.col("poor_pre"))).alias("poor_recipient_units"),
    ]


def _indices(sums: pl.LazyFrame, scenario: Scenario, z0: float, z1: float) -> pl.LazyFrame:
    n = pl.col("population_persons")
    amount = scenario.transfer_rp_per_month
    budget = amount * (pl.col("recipient_persons") if scenario.transfer_per == "capita" else pl.col("recipient_households"))
    budget_poor = amount * pl.col("poor_recipient_units")
    min_budget = z1 * pl.col("gap_without_transfer")

    def ratio(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
        return pl.when(denominator != 0).then(numerator / denominator).otherwise(None)

    return sums.select(
        "region_code", "level", "population_persons",
        pl.lit(z0).alias("poverty_line_before_rp"),
        pl.lit(z1).alias("poverty_line_after_rp"),
        ratio(100 * pl.col("poor_before"), n).alias("p0_before_pct"),
        ratio(100 * pl.col("poor_after"), n).alias("p0_after_pct"),
        ratio(100 * pl.col("gap_before"), n).alias("p1_before"),
        ratio(100 * pl.col("gap_after"), n).alias("p1_after"),
        ratio(100 * pl.col("gap_squared_before"), n).alias("p2_before"),
        ratio(100 * pl.col("gap_squared_after"), n).alias("p2_after"),
        pl.col("poor_before").alias("poor_persons_before"),
        pl.col("poor_without_transfer").alias("poor_persons_without_transfer"),
        pl.col("poor_after").alias("poor_persons_after"),
        pl.col("lifted").alias("persons_lifted"),
        ratio(100 * pl.col("md_poor_before"), n).alias("h_before_pct"),
        ratio(100 * pl.col("md_poor_after"), n).alias("h_after_pct"),
        ratio(pl.col("md_score_before"), n).alias("m0_before"),
        ratio(pl.col("md_score_after"), n).alias("m0_after"),
        "recipient_households", "recipient_persons",
        (12 * budget).alias("budget_rp_per_year"),
        ratio(100 * budget_poor, budget).alias("budget_share_to_poor_pct"),
        ratio(12 * budget, pl.col("lifted")).alias("cost_rp_per_person_lifted_per_year"),
        (12 * min_budget).alias("min_budget_rp_per_year"),
        ratio(budget, min_budget).alias("budget_to_min_budget_ratio"),
    )


def scenario_by_region(households: pl.DataFrame, scenario: Scenario, baseline_rp: float) -> pd.DataFrame:
    """One row per city, kecamatan and kelurahan, the columns of metro_poverty.engine.run_scenario."""
    z0, z1 = float(baseline_rp), scenario.line_rp(baseline_rp)
    terms = _terms(scenario)
    names = [t.meta.output_name() for t in terms]
    by_kelurahan = (
        _with_states(households.lazy(), scenario, z0, z1)
        .select("kelurahan_code", "kecamatan_code", "city_code", *terms)
        .group_by("kelurahan_code")
        .agg(pl.col("kecamatan_code", "city_code").first(), pl.col(names).sum())
    )
    levels = [
        by_kelurahan.group_by("city_code").agg(pl.col(names).sum()).select(
            pl.col("city_code").cast(pl.String).alias("region_code"), pl.lit("city").alias("level"), *names),
        by_kelurahan.group_by("kecamatan_code").agg(pl.col(names).sum()).select(
            pl.col("kecamatan_code").cast(pl.String).alias("region_code"), pl.lit("kecamatan").alias("level"), *names),
        by_kelurahan.select(pl.col("kelurahan_code").cast(pl.String).alias("region_code"), pl.lit("kelurahan").alias("level"), *names),
    ]
    order = pl.col("level").replace_strict({"city": 1, "kecamatan": 2, "kelurahan": 3}, return_dtype=pl.Int8)
    result = _indices(pl.concat(levels), scenario, z0, z1).sort(order, "region_code")
    return result.collect().to_pandas()

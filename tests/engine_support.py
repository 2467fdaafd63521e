"""Household rows for engine tests: a default household that is deprived in nothing, and a DuckDB
connection with the engine's `households` table built from literal rows."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from metro_poverty.microdata import load_households, load_into_duckdb

KEL_A, KEL_B, KEL_C = "18.72.01.1001", "18.72.01.1002", "18.72.02.1001"

DEFAULT_HOUSEHOLD = {
    "kelurahan_code": KEL_A,
    "weight": 1.0,
    "hh_size": 1,
    "exp_pc": 1_000_000.0,
    "decile": 5,
    "max_schooling_years": 12,
    "n_children_school_age": 0,
    "n_children_out_of_school": 0,
    "jkn_all_members": True,
    "n_children_under2": 0,
    "immunisation_complete": True,
    "water_safe": True,
    "sanitation_proper": True,
    "electricity": True,
    "floor_earth": False,
    "wall_unfit": False,
    "roof_unfit": False,
    "floor_area_pc": 20.0,
    "u_target": 0.5,
}


def households(*rows: dict) -> pd.DataFrame:
    """A household frame: each row is the default household with the given fields changed."""
    records = []
    for i, row in enumerate(rows, start=1):
        record = {"hh_id": i, **DEFAULT_HOUSEHOLD, **row}
        record["kecamatan_code"] = record["kelurahan_code"][:8]
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    return frame.astype({"u_target": np.float32, "exp_pc": float, "weight": float, "floor_area_pc": float})


def connect(frame: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    load_into_duckdb(con, frame)
    return con


def row(result: pd.DataFrame, region_code: str) -> pd.Series:
    """The one result row of a region."""
    match = result[result["region_code"] == region_code]
    assert len(match) == 1, f"expected one row for {region_code}, got {len(match)}"
    return match.iloc[0]


def random_households(seed: int, n: int = 400) -> pd.DataFrame:
    """Random households over five kelurahan in three kecamatan, with ties at the line and zero weights."""
    rng = np.random.default_rng(seed)
    kelurahan = np.array([KEL_A, KEL_B, "18.72.01.1003", KEL_C, "18.72.05.1004"])
    exp_pc = rng.integers(200_000, 1_500_000, n).astype(float)
    exp_pc[rng.random(n) < 0.05] = 503_161.0  # exactly at GK: not poor
    weight = rng.gamma(2.0, 0.5, n)
    weight[rng.random(n) < 0.05] = 0.0
    school_age = rng.integers(0, 4, n)
    frame = pd.DataFrame({
        "hh_id": np.arange(1, n + 1),
        "kelurahan_code": kelurahan[rng.integers(0, len(kelurahan), n)],
        "weight": weight,
        "hh_size": rng.integers(1, 9, n),
        "exp_pc": exp_pc,
        "decile": rng.integers(1, 11, n),
        "max_schooling_years": rng.integers(0, 16, n),
        "n_children_school_age": school_age,
        "n_children_out_of_school": rng.binomial(school_age, 0.2),
        "jkn_all_members": rng.random(n) < 0.8,
        "n_children_under2": rng.integers(0, 2, n),
        "immunisation_complete": rng.random(n) < 0.7,
        "water_safe": rng.random(n) < 0.85,
        "sanitation_proper": rng.random(n) < 0.8,
        "electricity": rng.random(n) < 0.95,
        "floor_earth": rng.random(n) < 0.1,
        "wall_unfit": rng.random(n) < 0.1,
        "roof_unfit": rng.random(n) < 0.1,
        "floor_area_pc": np.round(rng.uniform(3, 30, n), 1),
        "u_target": rng.random(n).astype(np.float32),
    })
    frame.insert(2, "kecamatan_code", frame["kelurahan_code"].str[:8])
    return frame


@pytest.fixture(scope="module")
def shipped():
    """The shipped synthetic household file, loaded and validated."""
    return load_households()


@pytest.fixture(scope="module")
def shipped_con(shipped):
    return connect(shipped.frame)

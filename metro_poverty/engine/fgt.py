"""Monetary poverty (FGT P0, P1, P2) by region, computed in DuckDB (queries/engine_fgt_by_region.sql)."""

from __future__ import annotations

import duckdb
import pandas as pd

from metro_poverty import db
from metro_poverty.engine.poverty_line import GK_METRO_2024_RP


def fgt_by_region(con: duckdb.DuckDBPyConnection, poverty_line_rp: float = GK_METRO_2024_RP) -> pd.DataFrame:
    """One row per city, kecamatan and kelurahan of the `households` table.

    Columns: region_code, level, population_persons, poor_persons, p0_pct, p1, p2 (x100 scale),
    poverty_line_rp_per_capita_month, poverty_gap_rp_per_poor_person_month,
    min_budget_rp_per_month and min_budget_rp_per_year (closing every gap with perfect targeting).
    """
    if not poverty_line_rp > 0:
        raise ValueError("the poverty line must be positive")
    return db.run(con, "engine_fgt_by_region", poverty_line=float(poverty_line_rp))

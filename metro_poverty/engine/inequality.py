"""Expenditure inequality by region: Gini ratio and the bottom 40%'s share (queries/engine_inequality_by_region.sql)."""

from __future__ import annotations

import duckdb
import pandas as pd

from metro_poverty import db


def inequality_by_region(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: region_code, level, population_persons, gini (0-1), bottom40_share_pct (%).

    World Bank reading of the bottom-40% share: below 12% high inequality, 12-17% moderate, above 17% low.
    """
    return db.run(con, "engine_inequality_by_region")

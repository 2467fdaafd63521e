"""A scenario's results by region: poverty before and after, and what the transfer costs and achieves."""

from __future__ import annotations

import duckdb
import pandas as pd

from metro_poverty import db
from metro_poverty.engine.poverty_line import GK_METRO_2024_RP
from metro_poverty.engine.scenario import Scenario


def run_scenario(
    con: duckdb.DuckDBPyConnection, scenario: Scenario = Scenario(), baseline_line_rp: float = GK_METRO_2024_RP
) -> pd.DataFrame:
    """One row per city, kecamatan and kelurahan (queries/engine_scenario_by_region.sql).

    Before = the data at the baseline line. After = growth, the scenario's line and the transfer.
    persons_lifted, budget_share_to_poor_pct, min_budget_rp_per_year and budget_to_min_budget_ratio
    compare the scenario with and without the transfer, so they measure the transfer alone.
    Rupiah columns are per year; cost_rp_per_person_lifted_per_year is empty when nobody is lifted.
    """
    return db.run(con, "engine_scenario_by_region", **scenario.sql_params(baseline_line_rp))

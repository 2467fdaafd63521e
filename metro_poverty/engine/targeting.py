"""Who a scenario's targeting errors apply to (queries/engine_targeting_bases_by_region.sql).

The exclusion error is a share of the eligible households (chosen deciles, in the area); the inclusion
error a share of the ineligible households in the area. A planner needs both bases in sight: 10 %
inclusion on the 96 % of a city outside decile 1 is more households than decile 1 itself.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from metro_poverty import db
from metro_poverty.engine.scenario import Scenario

TARGETING_PARAMS = ("deciles", "all_regions", "regions", "exclusion", "inclusion")


def targeting_bases_by_region(con: duckdb.DuckDBPyConnection, scenario: Scenario = Scenario()) -> pd.DataFrame:
    """One row per city, kecamatan and kelurahan: households, area_households, eligible_households,
    ineligible_area_households, eligible_share_pct (of all households of the region),
    expected_missed_households, expected_included_households."""
    params = scenario.sql_params()
    return db.run(con, "engine_targeting_bases_by_region", **{name: params[name] for name in TARGETING_PARAMS})

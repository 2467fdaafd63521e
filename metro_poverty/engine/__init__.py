"""The poverty engine: figures computed in DuckDB from a `households` table, one idea per module.
(Its independent pandas oracle, for the tests and the benchmark, is tests/engine_reference.py.)

- fgt: FGT P0, P1, P2, poor persons, gaps and the perfect-targeting budget
- multidim: Alkire-Foster H, A, M0 and indicator contributions (indicators: the AF definitions)
- inequality: Gini ratio and the bottom 40%'s expenditure share
- scenario / scenario_url / scenario_results: the levers, their URL form, and their results
- targeting: the bases of a scenario's targeting errors (eligible households, ineligible ones in the area)
"""

from metro_poverty.engine.fgt import fgt_by_region
from metro_poverty.engine.inequality import inequality_by_region
from metro_poverty.engine.multidim import multidim_by_region, multidim_indicators_by_region
from metro_poverty.engine.poverty_line import BASELINE_YEAR, GK_METRO_2024_RP
from metro_poverty.engine.scenario import Scenario
from metro_poverty.engine.scenario_results import run_scenario
from metro_poverty.engine.targeting import targeting_bases_by_region

__all__ = [
    "BASELINE_YEAR", "GK_METRO_2024_RP", "Scenario", "fgt_by_region", "inequality_by_region", "multidim_by_region",
    "multidim_indicators_by_region", "run_scenario", "targeting_bases_by_region",
]

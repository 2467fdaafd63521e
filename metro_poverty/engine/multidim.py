"""Alkire-Foster multidimensional poverty by region, computed in DuckDB.

Indicators, dimensions and default weights: metro_poverty.engine.indicators.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

from metro_poverty import db
from metro_poverty.engine.indicators import DEFAULT_K, DIMENSION_OF, INDICATOR_NAMES, af_params, nested_weights, weight_params
from metro_poverty.engine.poverty_line import GK_METRO_2024_RP


def multidim_by_region(
    con: duckdb.DuckDBPyConnection,
    weights: Mapping[str, float] | None = None,
    k: float = DEFAULT_K,
    poverty_line_rp: float = GK_METRO_2024_RP,
) -> pd.DataFrame:
    """H (% of persons), A (% average deprivation share of the poor), M0 = H x A (0-1), by region.

    `weights`: indicator -> weight (normalised to sum 1); by default the non-monetary index of
    metro_poverty.engine.indicators (expenditure left out, the other three dimensions equal).
    """
    weights = nested_weights() if weights is None else weights
    return db.run(con, "engine_multidim_by_region", poverty_line=float(poverty_line_rp), **af_params(weights, k))


def multidim_indicators_by_region(
    con: duckdb.DuckDBPyConnection,
    weights: Mapping[str, float] | None = None,
    k: float = DEFAULT_K,
    poverty_line_rp: float = GK_METRO_2024_RP,
) -> pd.DataFrame:
    """Per region and indicator: weight, uncensored and censored headcount (%), contribution to M0 (%)."""
    weights = nested_weights() if weights is None else weights
    params = {**weight_params(weights), **af_params(weights, k)}
    frame = db.run(con, "engine_multidim_indicators_by_region", poverty_line=float(poverty_line_rp), **params)
    frame.insert(3, "dimension", frame["indicator"].map(DIMENSION_OF))
    order = {name: i for i, name in enumerate(INDICATOR_NAMES)}
    levels = {"city": 0, "kecamatan": 1, "kelurahan": 2}
    keys = frame.assign(level_order=frame["level"].map(levels), indicator_order=frame["indicator"].map(order))
    return frame.loc[keys.sort_values(["level_order", "region_code", "indicator_order"]).index].reset_index(drop=True)

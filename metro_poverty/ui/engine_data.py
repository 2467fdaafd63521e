"""The household microdata in an in-memory DuckDB, loaded once per server, and scenario results cached
per scenario. The engine's functions each run on a cursor of their own (Streamlit sessions are threads)."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from metro_poverty.engine import GK_METRO_2024_RP, Scenario, multidim_indicators_by_region, run_scenario, targeting_bases_by_region
from metro_poverty.microdata import load_households, load_into_duckdb


@st.cache_resource(show_spinner=False)
def _engine():
    loaded = load_households()
    con = duckdb.connect()
    load_into_duckdb(con, loaded.frame)
    return con, loaded.meta


def meta():
    """Status ('synthetic' or 'user-supplied'), path and row count of the household file in use."""
    return _engine()[1]


@st.cache_data(show_spinner=False, max_entries=256)
def results(scenario: Scenario) -> pd.DataFrame:
    cur = _engine()[0].cursor()
    try:
        return run_scenario(cur, scenario, GK_METRO_2024_RP)
    finally:
        cur.close()


@st.cache_data(show_spinner=False, max_entries=64)
def indicator_contributions(scenario: Scenario) -> pd.DataFrame:
    """Censored headcounts and contributions to M0 of each deprivation, for the scenario's weights and k."""
    cur = _engine()[0].cursor()
    try:
        return multidim_indicators_by_region(cur, weights=scenario.indicator_weights(), k=scenario.k,
                                             poverty_line_rp=scenario.line_rp(GK_METRO_2024_RP))
    finally:
        cur.close()


@st.cache_data(show_spinner=False, max_entries=256)
def targeting_bases(scenario: Scenario) -> pd.DataFrame:
    """Eligible households and ineligible ones in the area: the bases of the scenario's targeting errors."""
    cur = _engine()[0].cursor()
    try:
        return targeting_bases_by_region(cur, scenario)
    finally:
        cur.close()

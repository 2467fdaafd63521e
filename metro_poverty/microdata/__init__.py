"""Household microdata: the file's schema, its loader, and the engine's DuckDB table."""

from metro_poverty.microdata.duckdb_table import load_into_duckdb
from metro_poverty.microdata.loader import SHIPPED_FILE, HouseholdsMeta, LoadedHouseholds, load_households
from metro_poverty.microdata.problems import HouseholdFileError

__all__ = ["SHIPPED_FILE", "HouseholdFileError", "HouseholdsMeta", "LoadedHouseholds", "load_households", "load_into_duckdb"]

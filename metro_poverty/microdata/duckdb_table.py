"""Put households into a DuckDB connection as the engine's `households` table."""

from __future__ import annotations

import duckdb
import pandas as pd

from metro_poverty import db


def load_into_duckdb(con: duckdb.DuckDBPyConnection, households: pd.DataFrame) -> None:
    """Create or replace `households` (queries/engine_households_create.sql) from a validated frame.

    `households` is what metro_poverty.microdata.load_households returns; any connection works,
    an in-memory one or the store while it is being built.
    """
    con.register("households_input", households)
    try:
        db.execute(con, "engine_households_create")
    finally:
        con.unregister("households_input")

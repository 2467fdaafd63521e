"""The only module that opens the store.

The app reads through one cached read-only connection per store file, with a cursor per query
(Streamlit sessions are threads and one DuckDB connection is not shareable across threads).
Every SQL statement is a file in queries/, run with bound parameters.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from metro_poverty import paths
from metro_poverty.store.pointer import current_file

_lock = threading.Lock()
_connections: dict[Path, duckdb.DuckDBPyConnection] = {}


@lru_cache(maxsize=None)
def query_text(name: str) -> str:
    """The SQL of queries/<name>.sql. Names are fixed identifiers in code, never user input."""
    path = paths.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {paths.QUERIES_DIR}")
    return path.read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query on a connection (or cursor) with bound parameters; return a DataFrame."""
    sql = query_text(name)
    return con.execute(sql, params or None).df()


def execute(con: duckdb.DuckDBPyConnection, name: str, **params) -> None:
    """Run a named statement that returns nothing useful (DDL, inserts)."""
    con.execute(query_text(name), params or None)


class StoreMissing(Exception):
    """No store has been built yet (or its file is gone)."""


def store_path() -> Path:
    """The file named by store/CURRENT: a new build gives a new path, hence a new connection."""
    path = current_file(paths.STORE_DIR)
    if path is None:
        raise StoreMissing(str(paths.CURRENT_POINTER))
    if not path.is_file():
        raise StoreMissing(str(path))
    return path


def read_connection(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A shared read-only connection to the store file; callers take a cursor per query."""
    real = (path or store_path()).resolve()
    with _lock:
        con = _connections.get(real)
        if con is None:
            _close_removed()
            con = duckdb.connect(str(real), read_only=True)
            _connections[real] = con
        return con


def _close_removed() -> None:
    """Let go of store files a newer build has deleted (the build keeps the last two), so their disk
    space is freed; the caller holds the lock."""
    for old in [p for p in _connections if not p.exists()]:
        _connections.pop(old).close()


def read(name: str, *, path: Path | None = None, **params) -> pd.DataFrame:
    """Run a named query against the current store (or the store file `path`), in a cursor of its own."""
    cur = read_connection(path).cursor()
    try:
        return run(cur, name, **params)
    finally:
        cur.close()


def close_all() -> None:
    """Close every cached connection (tests, and before old store files are removed)."""
    with _lock:
        for con in _connections.values():
            con.close()
        _connections.clear()

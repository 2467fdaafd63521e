"""Literal stores for the query tests: an empty in-memory store with the real schema
(queries/store_schema.sql), one-line inserts for its tables with defaults for the columns a test
does not care about, and query results as lists of plain tuples to compare with literal rows."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from metro_poverty import db

# Codes as in data/reference/regions.csv.
COUNTRY, PROVINCE, CITY = "00", "18", "18.72"
KEC_PUSAT, KEC_UTARA = "18.72.01", "18.72.02"
KEL_METRO, KEL_IMOPURO, KEL_BANJARSARI = "18.72.01.1001", "18.72.01.1003", "18.72.02.1001"

INDICATOR_DEFAULTS = {
    "position": 1, "dimension": "health",
    "name_id": "Nama", "name_en": "Name", "short_id": "Singkat", "short_en": "Short",
    "concept_id": "konsep", "concept_en": "concept", "definition_id": "definisi", "definition_en": "definition",
    "formula_id": "a / b", "formula_en": "a / b", "unit_id": "%", "unit_en": "%", "decimals": 2, "polarity": "higher_worse",
    "producer": "BPS", "source": "Susenas", "source_en": "Susenas", "frequency_id": "Tahunan", "frequency_en": "Annual",
    "lowest_level": "kab/kota", "measure_kind": "survey_estimate", "aggregation": "ratio",
    "classification_id": "klasifikasi", "classification_en": "classification", "measure_id": "ukuran", "measure_en": "measure",
    "disaggregation_id": "penyajian", "disaggregation_en": "disaggregation", "interpretation_id": "tafsir", "interpretation_en": "reading",
}


def empty_store() -> duckdb.DuckDBPyConnection:
    """An in-memory store with the schema's tables and views and no rows."""
    con = duckdb.connect()
    db.execute(con, "store_schema")
    return con


def insert(con, table: str, **columns) -> None:
    """One row into a table; columns not named are null."""
    con.append(table, pd.DataFrame([columns]), by_name=True)


def region(con, region_code: str, name: str, level: str, parent_code: str | None = None, **columns) -> None:
    insert(con, "regions", region_code=region_code, name=name, level=level, parent_code=parent_code, **columns)


def metro_regions(con) -> None:
    """Indonesia > Lampung > Kota Metro > Metro Pusat (Metro, Imopuro) and Metro Utara (Banjarsari)."""
    region(con, COUNTRY, "Indonesia", "country", None, sort_order=1)
    region(con, PROVINCE, "Lampung", "province", COUNTRY, bps_code="18", sort_order=2)
    region(con, CITY, "Kota Metro", "city", PROVINCE, bps_code="1872", sort_order=3)
    region(con, KEC_PUSAT, "Metro Pusat", "kecamatan", CITY, bps_code="1872022", sort_order=10)
    region(con, KEL_METRO, "Metro", "kelurahan", KEC_PUSAT, bps_code="1872022001", sort_order=11)
    region(con, KEL_IMOPURO, "Imopuro", "kelurahan", KEC_PUSAT, bps_code="1872022002", sort_order=13)
    region(con, KEC_UTARA, "Metro Utara", "kecamatan", CITY, bps_code="1872023", sort_order=20)
    region(con, KEL_BANJARSARI, "Banjarsari", "kelurahan", KEC_UTARA, bps_code="1872023001", sort_order=21)


def indicator(con, code: str, **columns) -> None:
    """An indicator with placeholder texts for every NOT NULL column not given."""
    insert(con, "indicators", code=code, **{**INDICATOR_DEFAULTS, **columns})


def source(con, source_id: str, kind: str = "published", **columns) -> None:
    columns.setdefault("title", f"Title of {source_id}")
    columns.setdefault("publisher", f"Publisher of {source_id}")
    columns.setdefault("locator", f"Table 1 of {source_id}")
    columns.setdefault("citation", "none" if kind == "illustrative" else "primary")
    insert(con, "sources", source_id=source_id, kind=kind, **columns)


def observe(con, indicator_code: str, region_code: str, period: int, value: float, source_id: str,
            status: str = "official", series: str = "", **columns) -> None:
    insert(con, "observations", indicator_code=indicator_code, region_code=region_code, period=period, value=value,
           source_id=source_id, status=status, series=series, **columns)


def boundary(con, region_code: str, level: str, geometry_json: str = "{}", kind: str = "schematic", **columns) -> None:
    insert(con, "boundaries", region_code=region_code, level=level, geometry_json=geometry_json, kind=kind, **columns)


def plain(value):
    """A cell as a plain Python value: null (None, NaN, pd.NA) as None, DuckDB lists as lists, numpy scalars unwrapped."""
    if isinstance(value, (np.ndarray, list)):
        return [plain(v) for v in value]
    if pd.isna(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def rows(frame, *columns: str) -> list[tuple]:
    """Selected columns of a query result as tuples of plain values, in the result's order."""
    return [tuple(plain(v) for v in record) for record in frame[list(columns)].itertuples(index=False)]


def result(con, name: str, columns: tuple[str, ...] | list[str], **params) -> list[tuple]:
    """Run queries/<name>.sql with bound parameters; the selected columns as tuples."""
    return rows(db.run(con, name, **params), *columns)

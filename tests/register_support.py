"""The register's decile shares for Kota Metro in the household file's calibration year, read from the
store (the pipeline's reading of the Dinas Sosial file), so tests compare the synthetic deciles with
the figure the app shows elsewhere rather than with numbers typed into the test."""

from __future__ import annotations

from functools import lru_cache

from metro_poverty import db
from metro_poverty.engine.poverty_line import BASELINE_YEAR as REGISTER_YEAR
from tests.app_support import ensure_store

CITY = "18.72"


@lru_cache(maxsize=None)
def register_pct(indicator: str) -> float:
    """dtsen_d1_pct or dtsen_d14_pct of the city in REGISTER_YEAR, in percent."""
    ensure_store()
    values = db.read("indicator_by_region", indicator=indicator, level="city", period=REGISTER_YEAR)
    match = values[values.region_code == CITY]
    assert len(match) == 1, f"expected one city value of {indicator} in {REGISTER_YEAR}, got {len(match)}"
    return float(match.value.iloc[0])

"""The poverty line (garis kemiskinan, GK) the engine starts from, and a scenario's line."""

from __future__ import annotations

# BPS Kota Metro, March 2024 Susenas: GK Rp 503,161 per capita per month (DOMAIN.md, section 4).
GK_METRO_2024_RP = 503_161.0
# The year the engine starts from: the household file is calibrated to BPS's figures of this year and its
# deciles to the register's shares of this year, and the page compares its baseline with both.
BASELINE_YEAR = 2024


def scenario_line_rp(baseline_rp: float, inflation_pct: float = 0.0, absolute_rp: float | None = None) -> float:
    """An absolute line wins; otherwise the baseline line moved by inflation."""
    if absolute_rp is not None:
        return float(absolute_rp)
    return float(baseline_rp) * (1.0 + inflation_pct / 100.0)

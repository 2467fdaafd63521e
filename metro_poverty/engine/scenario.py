"""The scenario levers, as one small frozen value: its defaults are the baseline.

Transfer: a monthly amount per household or per capita, to households in the chosen DTSEN deciles,
within the chosen kelurahan/kecamatan (none chosen = the whole city). Targeting errors are applied
with the stored per-household draw `u_target`: an eligible household with u < exclusion share is
missed, an ineligible one in the area with u < inclusion share is included, so a scenario always
gives the same result. Growth is real (deciles 1-4 and 5-10 apart); inflation moves prices since the
baseline, so nominal expenditure = baseline x (1 + real growth) x (1 + inflation), about real growth plus
inflation, and the transfer (nominal Rupiah) is added to it. The poverty line is the baseline moved by
inflation, or an absolute line in the scenario's prices. Zero real growth with any inflation therefore
leaves poverty unchanged; inflation with a transfer fixed in Rupiah makes the transfer worth less.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from metro_poverty.engine.indicators import DEFAULT_DIMENSION_WEIGHTS, DEFAULT_K, DIMENSIONS, af_params, nested_weights
from metro_poverty.engine.poverty_line import GK_METRO_2024_RP, scenario_line_rp

TRANSFER_PER = ("household", "capita")
MAX_TRANSFER_RP = 10_000_000.0
MAX_LINE_RP = 100_000_000.0

# What a planner can set on the page and a shared link can carry: the page's widgets are drawn with these
# bounds and the link's reader refuses (with a notice) a value outside them, so a link never sets a widget out
# of its range. The engine itself accepts the wider ranges of check_field (tests, benchmarks).
LEVER_RANGES = {
    "transfer_rp_per_month": (0.0, MAX_TRANSFER_RP),
    "exclusion_error_pct": (0.0, 90.0),
    "inclusion_error_pct": (0.0, 90.0),
    "growth_d1_4_pct": (-20.0, 30.0),
    "growth_d5_10_pct": (-20.0, 30.0),
    "inflation_pct": (-10.0, 30.0),
    "poverty_line_rp": (1.0, 10_000_000.0),
    "dimension_weights": (0.0, 1.0),  # each dimension's weight
    "k": (0.05, 1.0),
}


def in_lever_range(name: str, value) -> bool:
    """Whether `value` (already valid for the engine) is within what the page offers for lever `name`."""
    if name not in LEVER_RANGES or value is None:
        return True
    low, high = LEVER_RANGES[name]
    return all(low <= v <= high for v in (value if isinstance(value, tuple) else (value,)))


@dataclass(frozen=True)
class Scenario:
    transfer_rp_per_month: float = 0.0
    transfer_per: str = "household"
    target_deciles: tuple[int, ...] = (1, 2, 3, 4)
    target_regions: tuple[str, ...] = ()
    exclusion_error_pct: float = 0.0
    inclusion_error_pct: float = 0.0
    growth_d1_4_pct: float = 0.0
    growth_d5_10_pct: float = 0.0
    inflation_pct: float = 0.0
    poverty_line_rp: float | None = None
    dimension_weights: tuple[float, ...] = DEFAULT_DIMENSION_WEIGHTS
    k: float = DEFAULT_K

    def __post_init__(self):
        for f in fields(self):
            problem = check_field(f.name, getattr(self, f.name))
            if problem:
                raise ValueError(f"{f.name}: {problem}")
        # One spelling per scenario, so equal scenarios compare (and cache) as equal.
        object.__setattr__(self, "target_deciles", tuple(sorted(self.target_deciles)))
        object.__setattr__(self, "target_regions", tuple(sorted(set(self.target_regions))))

    @classmethod
    def with_uniform_growth(cls, growth_pct: float, **levers) -> "Scenario":
        return cls(growth_d1_4_pct=growth_pct, growth_d5_10_pct=growth_pct, **levers)

    def line_rp(self, baseline_rp: float = GK_METRO_2024_RP) -> float:
        return scenario_line_rp(baseline_rp, self.inflation_pct, self.poverty_line_rp)

    def indicator_weights(self) -> dict[str, float]:
        return nested_weights(self.dimension_weights)

    def sql_params(self, baseline_rp: float = GK_METRO_2024_RP) -> dict:
        """Bound parameters of queries/engine_scenario_by_region.sql."""
        return {
            "baseline_line": float(baseline_rp),
            "scenario_line": self.line_rp(baseline_rp),
            "transfer_rp": float(self.transfer_rp_per_month),
            "per_capita": self.transfer_per == "capita",
            "deciles": list(self.target_deciles),
            "all_regions": not self.target_regions,
            "regions": list(self.target_regions),
            "exclusion": self.exclusion_error_pct / 100.0,
            "inclusion": self.inclusion_error_pct / 100.0,
            "growth_low": self.growth_d1_4_pct / 100.0,
            "growth_high": self.growth_d5_10_pct / 100.0,
            "inflation": self.inflation_pct / 100.0,
            **af_params(self.indicator_weights(), self.k),
        }


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _in_range(low: float, high: float):
    def check(value):
        if not _finite(value) or not low <= value <= high:
            return f"a number from {low:g} to {high:g}"
        return None

    return check


def _check_per(value):
    return None if value in TRANSFER_PER else f"one of {TRANSFER_PER}"


def _check_deciles(value):
    ok = isinstance(value, tuple) and all(isinstance(d, int) and 1 <= d <= 10 for d in value)
    return None if ok and len(set(value)) == len(value) else "a tuple of distinct deciles 1-10"


def _check_regions(value):
    ok = isinstance(value, tuple) and all(isinstance(code, str) and code for code in value)
    return None if ok else "a tuple of region codes"


def _check_line(value):
    return None if value is None else _in_range(1.0, MAX_LINE_RP)(value)


def _check_weights(value):
    ok = isinstance(value, tuple) and len(value) == len(DIMENSIONS) and all(_finite(w) and w >= 0 for w in value)
    return None if ok and sum(value) > 0 else f"{len(DIMENSIONS)} non-negative weights, not all zero"


def _check_k(value):
    return None if _finite(value) and 0 < value <= 1 else "a number above 0, at most 1"


_CHECKS = {
    "transfer_rp_per_month": _in_range(0.0, MAX_TRANSFER_RP),
    "transfer_per": _check_per,
    "target_deciles": _check_deciles,
    "target_regions": _check_regions,
    "exclusion_error_pct": _in_range(0.0, 100.0),
    "inclusion_error_pct": _in_range(0.0, 100.0),
    "growth_d1_4_pct": _in_range(-90.0, 1000.0),
    "growth_d5_10_pct": _in_range(-90.0, 1000.0),
    "inflation_pct": _in_range(-90.0, 1000.0),
    "poverty_line_rp": _check_line,
    "dimension_weights": _check_weights,
    "k": _check_k,
}


def check_field(name: str, value) -> str | None:
    """None when `value` is valid for lever `name`, else what was expected (for developers)."""
    return _CHECKS[name](value)

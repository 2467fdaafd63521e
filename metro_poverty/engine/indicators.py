"""The Alkire-Foster indicators, their dimensions, and the nested weights.

The non-expenditure deprivations are defined once, in queries/engine_households_create.sql; the
expenditure one (below the poverty line) depends on the scenario and is computed in each query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

DIMENSIONS = ("expenditure", "education", "health", "basic_services")

# (indicator, dimension), in the order the tables show them.
INDICATORS: tuple[tuple[str, str], ...] = (
    ("expenditure_below_line", "expenditure"),
    ("schooling", "education"),
    ("school_attendance", "education"),
    ("jkn", "health"),
    ("immunisation", "health"),
    ("water", "basic_services"),
    ("sanitation", "basic_services"),
    ("electricity", "basic_services"),
    ("housing", "basic_services"),
)
INDICATOR_NAMES = tuple(name for name, _ in INDICATORS)
DIMENSION_OF = dict(INDICATORS)

# The default leaves expenditure out, as the global MPI does: education, health and basic services
# (living standards) weigh a third each, so the index is non-monetary and says something P0 does not.
# Counting expenditure below GK as a deprivation is an option (EXPENDITURE_INCLUDED_WEIGHTS); it then
# makes H a mix of P0 and the other deprivations, which is hard to read beside P0.
DEFAULT_DIMENSION_WEIGHTS = (0.0, 0.25, 0.25, 0.25)
EXPENDITURE_INCLUDED_WEIGHTS = (0.25, 0.25, 0.25, 0.25)
# The global MPI's cutoff: poor when deprived in a third of the weighted indicators.
DEFAULT_K = 1 / 3


def counts_expenditure(dimension_weights: Sequence[float]) -> bool:
    """Whether expenditure below the poverty line is one of the index's deprivations."""
    return dimension_weights[DIMENSIONS.index("expenditure")] > 0


def nested_weights(dimension_weights: Sequence[float] = DEFAULT_DIMENSION_WEIGHTS) -> dict[str, float]:
    """Indicator weights: each dimension's share (normalised to sum 1) split equally among its indicators."""
    if len(dimension_weights) != len(DIMENSIONS):
        raise ValueError(f"expected {len(DIMENSIONS)} dimension weights, got {len(dimension_weights)}")
    if any(w < 0 for w in dimension_weights) or sum(dimension_weights) <= 0:
        raise ValueError("dimension weights must be non-negative and not all zero")
    total = float(sum(dimension_weights))
    per_dimension = dict(zip(DIMENSIONS, (w / total for w in dimension_weights)))
    counts = {d: sum(1 for _, dim in INDICATORS if dim == d) for d in DIMENSIONS}
    return {name: per_dimension[dim] / counts[dim] for name, dim in INDICATORS}


def weight_params(weights: Mapping[str, float]) -> dict[str, float]:
    """Bound parameters $w_<indicator>, normalised to sum 1, for the multidimensional queries."""
    unknown = set(weights) - set(INDICATOR_NAMES)
    if unknown:
        raise ValueError(f"unknown indicators: {sorted(unknown)}")
    total = sum(weights.get(name, 0.0) for name in INDICATOR_NAMES)
    if total <= 0 or any(w < 0 for w in weights.values()):
        raise ValueError("indicator weights must be non-negative and not all zero")
    return {f"w_{name}": weights.get(name, 0.0) / total for name in INDICATOR_NAMES}


# Bit j of households.deprivation_pattern is set when the household is deprived in PATTERN_BITS[j]
# (queries/engine_households_create.sql builds it in this order).
PATTERN_BITS = INDICATOR_NAMES[1:]


def pattern_scores(weights: Mapping[str, float]) -> list[float]:
    """The weighted non-expenditure deprivation score of each of the 256 patterns, for $pattern_scores."""
    normalised = weight_params(weights)
    bit_weights = [normalised[f"w_{name}"] for name in PATTERN_BITS]
    return [sum(w for bit, w in enumerate(bit_weights) if pattern >> bit & 1) for pattern in range(2 ** len(PATTERN_BITS))]


def af_params(weights: Mapping[str, float], k: float) -> dict:
    """Bound parameters of the Alkire-Foster score: $k, $w_expenditure_below_line, $pattern_scores."""
    if not 0 < k <= 1:
        raise ValueError("k must be above 0 and at most 1")
    return {
        "k": float(k),
        "w_expenditure_below_line": weight_params(weights)["w_expenditure_below_line"],
        "pattern_scores": pattern_scores(weights),
    }

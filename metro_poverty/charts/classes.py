"""Class breaks for choropleth maps, computed here so the legend can state its method and show
Indonesian numbers, and so the classes are tested."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from metro_poverty import numfmt


@dataclass(frozen=True)
class Classes:
    method: str  # "quantile" | "equal_interval" | "single"
    breaks: tuple[float, ...]  # k + 1 edges, ascending
    labels: tuple[str, ...]  # k labels, ascending

    def label_of(self, value: float | None) -> str | None:
        if value is None or np.isnan(value):
            return None
        i = int(np.searchsorted(self.breaks[1:-1], value, side="right"))
        return self.labels[i]


CHANGE_BREAKS = (-1.0, -0.25, -0.01, 0.01)  # percentage points: big fall, fall, small fall, no change, rise


def classify_change(values, decimals: int, lang: str = "id") -> Classes:
    """Fixed classes for a change (after − before), the same on every run so two scenarios read alike."""
    n = lambda v: numfmt.number(v, decimals, lang)  # noqa: E731
    labels = (f"< {n(CHANGE_BREAKS[0])}", f"{n(CHANGE_BREAKS[0])} – {n(CHANGE_BREAKS[1])}", f"{n(CHANGE_BREAKS[1])} – {n(CHANGE_BREAKS[2])}",
              f"± {n(CHANGE_BREAKS[3])}", f"> {n(CHANGE_BREAKS[3])}")
    return Classes("fixed_change", (float("-inf"), *CHANGE_BREAKS, float("inf")), labels)


def classify(values, decimals: int, lang: str = "id", k: int = 5, method: str = "quantile") -> Classes:
    """Up to k classes over the values; fewer when values repeat (a class is never empty by design)."""
    v = np.asarray([x for x in values if x is not None and not np.isnan(x)], dtype=float)
    if v.size == 0:
        return Classes("single", (0.0, 0.0), ())
    lo, hi = float(v.min()), float(v.max())
    if numfmt.number(lo, decimals, lang) == numfmt.number(hi, decimals, lang):  # equal, or equal once printed
        return Classes("single", (lo, hi), (numfmt.number(lo, decimals, lang),))
    k = max(1, min(k, len(np.unique(v))))
    if method == "equal_interval":
        edges = np.linspace(lo, hi, k + 1)
    else:
        edges = np.quantile(v, np.linspace(0, 1, k + 1))
    edges = np.unique(np.round(edges, decimals))  # no two edges that print alike
    if len(edges) < 2:  # rounding half to even can still merge the two ends (0,04 and 0,05 at one decimal)
        edges = np.array([lo, hi])
    edges[0], edges[-1] = lo, hi
    labels = tuple(f"{numfmt.number(a, decimals, lang)} – {numfmt.number(b, decimals, lang)}" for a, b in zip(edges[:-1], edges[1:]))
    return Classes(method, tuple(float(e) for e in edges), labels)

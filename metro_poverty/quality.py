"""Data quality at a glance: values that stand out from the other regions of the same indicator and
year (a robust rule: more than 3 scaled median absolute deviations from the median)."""

from __future__ import annotations

import pandas as pd

MAD_SCALE = 1.4826  # makes the MAD comparable with a standard deviation for normal data
THRESHOLD = 3.0


def outliers(values: pd.DataFrame, min_regions: int = 5) -> pd.DataFrame:
    """values: rows of queries/values_by_level.sql; returns the outlying rows with median and robust z."""
    parts = []
    kind = values.status.eq("illustrative").rename("made_up")  # published and made-up values are judged apart
    for _, group in values.groupby([values.indicator_code, values.period, values.series, kind], dropna=False):
        if len(group) < min_regions:
            continue
        median = group.value.median()
        mad = (group.value - median).abs().median() * MAD_SCALE
        scale = max(mad, abs(median) * 0.05, 1e-9)  # a floor: near-identical values are not "outliers" of each other
        z = (group.value - median) / scale
        hit = group[z.abs() > THRESHOLD].assign(median=median, robust_z=z[z.abs() > THRESHOLD])
        parts.append(hit)
    return pd.concat(parts, ignore_index=True) if parts else values.iloc[0:0].assign(median=[], robust_z=[])

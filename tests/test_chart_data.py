"""The data a chart carries: plain JSON values, and every field its encodings name (the trend sends only the
columns it draws, so a column it needs and no longer sends would draw an empty chart without any error)."""

import json
import re

import numpy as np
import pandas as pd
import pytest

from app_support import store  # noqa: F401
from metro_poverty import compare, db
from metro_poverty.catalog import CATALOGUE_PARAMS, catalogue_from_frame
from metro_poverty.charts import theme
from metro_poverty.charts.dumbbell import dumbbell
from metro_poverty.charts.maps import map_classes
from metro_poverty.charts.ranking import ranking
from metro_poverty.charts.spec import inline_rows
from metro_poverty.charts.trend import trend


def test_inline_rows_are_plain_json_values_with_missing_numbers_as_null():
    frame = pd.DataFrame({"period": np.array([2023, 2024, 2025], dtype="int64"), "value": [1.5, np.nan, np.inf],
                          "count": pd.array([3, None, 5], dtype="Int64"), "name": pd.array(["Metro", None, "Iring Mulyo"], dtype="string")})
    rows = inline_rows(frame).values
    assert rows == [{"period": 2023, "value": 1.5, "count": 3, "name": "Metro"},
                    {"period": 2024, "value": None, "count": None, "name": None},
                    {"period": 2025, "value": None, "count": 5, "name": "Iring Mulyo"}]
    assert all(type(r["period"]) is int for r in rows)
    json.dumps(rows, allow_nan=False)  # what the browser receives: no NaN, no numpy scalar


def _fields(node) -> set[str]:
    """Field names a spec's encodings and filters read."""
    out = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "field" and isinstance(value, str):
                out.add(value)
            elif key == "filter" and isinstance(value, str):
                out.update(re.findall(r"datum\.(\w+)", value))
            else:
                out |= _fields(value)
    elif isinstance(node, list):
        for item in node:
            out |= _fields(item)
    return out


def _specs(catalogue):
    for ind in catalogue.values():
        for level in ind.map_levels or ("city",):
            history = db.read("indicator_history_by_level", indicator=ind.code, level=level)
            if history.empty:
                continue
            yield ind.code, "trend", theme.spec(trend(history, ind, "id", target=ind.target), "id")
            latest, first = int(history.period.max()), int(history.period.min())
            now = compare.ranked(history[history.period == latest], ind)
            if level != "city" and len(now):
                classes = map_classes(now, ind, "id", level)
                yield ind.code, "ranking", theme.spec(ranking(now, ind, "id", classes, city_value=1.0, selected=now.region_code.iloc[0]), "id")
                change = compare.change_between(history, ind, first, latest)
                if first != latest and len(change):
                    yield ind.code, "dumbbell", theme.spec(dumbbell(change, ind, "id", first, latest), "id")


def test_every_field_a_chart_reads_is_in_its_data(store):  # noqa: F811
    catalogue = catalogue_from_frame(db.read("indicator_catalogue", **CATALOGUE_PARAMS))
    kinds = set()
    for code, kind, spec in _specs(catalogue):
        rows = [row for values in spec["datasets"].values() for row in values]
        present = set().union(*(row.keys() for row in rows))
        missing = _fields(spec) - present
        assert not missing, (code, kind, missing)
        json.dumps(spec, allow_nan=False)
        kinds.add(kind)
    assert kinds == {"trend", "ranking", "dumbbell"}


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_number_that_cannot_be_drawn_is_null(value):
    assert inline_rows(pd.DataFrame({"value": [value]})).values == [{"value": None}]

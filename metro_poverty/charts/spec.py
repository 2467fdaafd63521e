"""From an Altair chart to the Vega-Lite spec Streamlit draws.

Altair validates every object against the Vega-Lite schema as it is built, which costs more than
the rest of a page rerun. Charts here are built without it; tests/test_chart_specs.py validates every spec
the pages draw against the schema, so a broken spec still fails loudly.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

alt.utils.schemapi.DEBUG_MODE = False


def vega_spec(chart: alt.TopLevelMixin, datasets: dict[str, list] | None = None, validate: bool = False) -> dict:
    """The Vega-Lite spec of a chart, with named datasets filled in (large inline data skip validation)."""
    spec = chart.to_dict(validate=validate)
    if datasets:
        spec.setdefault("datasets", {}).update(datasets)
    return spec


def inline_rows(frame: pd.DataFrame) -> alt.InlineData:
    """A chart's data as plain rows, the same values Altair would write for the frame: Python numbers and
    strings, a missing or infinite number as null. Altair's own conversion of a frame (a sanitised copy
    column by column, then a hash of it) was about 40% of building a trend."""
    rows = frame.to_dict("records")  # native Python scalars (pandas >= 2)
    for row in rows:
        for key, value in row.items():
            if value is pd.NA or value is pd.NaT or (isinstance(value, float) and not math.isfinite(value)):
                row[key] = None
    return alt.InlineData(values=rows)

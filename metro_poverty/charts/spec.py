"""From an Altair chart to the Vega-Lite spec Streamlit draws.

Altair validates every object against the Vega-Lite schema as it is built, which costs more than
the rest of a page rerun. Charts here are built without it; tests/test_chart_specs.py validates every spec
the pages draw against the schema, so a broken spec still fails loudly.
"""

from __future__ import annotations

import altair as alt

alt.utils.schemapi.DEBUG_MODE = False


def vega_spec(chart: alt.TopLevelMixin, datasets: dict[str, list] | None = None, validate: bool = False) -> dict:
    """The Vega-Lite spec of a chart, with named datasets filled in (large inline data skip validation)."""
    spec = chart.to_dict(validate=validate)
    if datasets:
        spec.setdefault("datasets", {}).update(datasets)
    return spec

"""The second baseline of bench_app.py: the smallest page with one Vega-Lite chart (the browser loads and
compiles Streamlit's chart bundle, as for any page with a chart or a map)."""

import streamlit as st

st.write("Hello, world")
st.vega_lite_chart({"data": {"values": [{"year": 2023, "p0": 7.28}, {"year": 2024, "p0": 6.78}, {"year": 2025, "p0": 6.44}]},
                    "mark": "line", "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "p0", "type": "quantitative"}}})

"""The third baseline of bench_app.py: the kinds of element the Overview draws (a top bar of controls, headline
metrics, an expander, a download button, two Vega-Lite charts), on literal data: no pandas, DuckDB or store.
What Streamlit's own frontend costs for such a page, apart from anything the app computes."""

import streamlit as st

st.set_page_config(page_title="Hello", layout="wide")
with st.container(horizontal=True):
    st.selectbox("Tahun", [2025, 2024, 2023], width=120)
    st.segmented_control("Bahasa", ["id", "en"], default="id", label_visibility="collapsed")
    st.toggle("Presentasi")
    st.button("Tambah ke agenda", icon=":material/playlist_add:")
st.title("Hello, world")
st.caption("Angka makro hasil survei")
cols = st.columns(4)
for col, (label, value) in zip(cols, [("P0", "6,44%"), ("P1", "0,55"), ("P2", "0,07"), ("GK", "Rp 503.161")]):
    col.metric(label, value, delta="-0,34", delta_color="inverse", border=True)
with st.expander("Sumber (3)", icon=":material/description:"):
    st.write("BPS Kota Metro")
st.download_button("Unduh ringkasan", b"Hello", file_name="hello.txt")
values = [{"year": y, "p0": p} for y, p in [(2023, 7.28), (2024, 6.78), (2025, 6.44)]]
st.vega_lite_chart({"data": {"values": values}, "mark": "line",
                    "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "p0", "type": "quantitative"}}})
st.selectbox("Indikator", ["P0", "Stunting"])
st.vega_lite_chart({"data": {"values": values}, "mark": "bar",
                    "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "p0", "type": "quantitative"}}})

"""A baseline of bench_app.py: the least a page of the app shows, the top bar's year and language controls and
one figure, on literal data. Every page has these controls (a shared link keeps the year and the language)."""

import streamlit as st

with st.container(horizontal=True):
    st.selectbox("Tahun", [2025, 2024, 2023], width=120)
    st.segmented_control("Bahasa", ["id", "en"], default="id", label_visibility="collapsed")
st.metric("P0", "6,44%")

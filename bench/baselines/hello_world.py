"""The baseline of bench_app.py: the smallest Streamlit page, started and drawn the way the app is."""

import streamlit as st

st.write("Hello, world")

"""Streamlit building blocks shared by the pages: the frame, URL sync, badges, cached reads."""

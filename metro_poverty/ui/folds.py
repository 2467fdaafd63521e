"""Folds whose content is drawn only when open (one rerun on a click), and that stay as the visitor left them.

Streamlit ties a fold's open state to its label: switching the language made a new fold, closed, and the card's
metadata the room was reading disappeared. The fold's last state under its key is read before drawing it and
passed as its initial state, so the fold made for the new label opens as the old one was."""

from __future__ import annotations

import streamlit as st


def lazy_fold(label: str, key: str, **options):
    """An expander that reruns the page when opened or closed; its `.open` says whether to draw what it holds."""
    return st.expander(label, key=key, expanded=bool(st.session_state.get(key, False)), on_change="rerun", **options)

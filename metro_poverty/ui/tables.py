"""Tables shown as they are downloaded: chosen columns, headers in the UI language, numbers in Indonesian style."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def show(frame: pd.DataFrame, headers: dict[str, str], height: int | None = None) -> None:
    cols = [c for c in headers if c in frame.columns]
    view = frame[cols].rename(columns=headers)
    st.dataframe(view, hide_index=True, width="stretch", height=height or "auto")

"""Text from outside (a file name, a cell, a URL, anything a person typed) shown where Streamlit renders
Markdown (markdown, caption, subheader, info, expander and widget labels, st.table cells): escaped, so it
reads as typed and never becomes a link, an image or formatting (metro_poverty.markdown_text)."""

from __future__ import annotations

from metro_poverty.markdown_text import escape


def plain(text) -> str:
    return escape(text)

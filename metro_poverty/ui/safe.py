"""Text from outside (a file name, a cell, a URL) shown where Streamlit renders Markdown: escaped, so
it reads as typed and never becomes a link, an image or formatting."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&=])")


def plain(text) -> str:
    return _MARKDOWN.sub(r"\\\1", str(text))

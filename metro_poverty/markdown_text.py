"""Text a person typed or uploaded, put where Markdown is rendered (the app, the minutes): every mark
Markdown or its extensions would act on is escaped, so the text reads as typed and never becomes a
link, an image, a heading, HTML, an emoji or colour directive, or maths. unescape() undoes it for
outputs that are not Markdown (the PDF minutes)."""

from __future__ import annotations

import re

_MARKS = r"\\`*_{}\[\]()<>#+\-.!|~:$&="
_MARKDOWN = re.compile(f"([{_MARKS}])")
_ESCAPED = re.compile(f"\\\\([{_MARKS}])")


def escape(text) -> str:
    """The text (str() of anything else) with every Markdown mark backslash-escaped. Line breaks stay:
    every mark that could start a block on the next line (#, >, -, +, 1., =, `) is escaped too."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)

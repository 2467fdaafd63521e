"""Text a person typed or uploaded, put where Markdown is rendered (the app, the minutes): every mark
Markdown or its extensions would act on is escaped, so the text reads as typed and never becomes a
link, an image, a heading, HTML, an icon or colour directive, or maths; web addresses and e-mail
addresses get an invisible word joiner so GFM does not link them. unescape() undoes it for outputs that
are not Markdown (the PDF minutes)."""

from __future__ import annotations

import re

_MARKS = r"\\`*_{}\[\]()<>#+\-.!|~:$&="
_MARKDOWN = re.compile(f"([{_MARKS}])")
_ESCAPED = re.compile(f"\\\\([{_MARKS}/])")
# Streamlit's frontend turns ":material/" into an icon marker before Markdown is parsed, escaped colons or
# not (browser test: an escaped :material/home: still drew an icon); an escaped slash breaks the pattern.
_ICON = "material/"
# GFM's autolinks are found in the text after escapes are read (browser test: an escaped http\://… still
# became a link), so an invisible WORD JOINER (U+2060) goes between "://", after "www" and before "@".
JOINER = "\u2060"
_LINKISH = re.compile(r"(?<=:)(?=//)|(?i:(?<=www))(?=\\?\.)|(?=@)")  # the dot after www escaped or not


def escape(text) -> str:
    """The text (str() of anything else) with every Markdown mark backslash-escaped. Line breaks stay:
    every mark that could start a block on the next line (#, >, -, +, 1., =, `) is escaped too."""
    escaped = _MARKDOWN.sub(r"\\\1", str(text)).replace(_ICON, "material\\/")
    return unlinked(escaped)


def unlinked(text: str) -> str:
    """The text with a word joiner where GFM would start an autolink ('www.', '://', '@'): for text that has no
    Markdown marks left to escape (metro_poverty.url_state.shown) as for escaped text."""
    return _LINKISH.sub(JOINER, text)


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text.replace(JOINER, ""))

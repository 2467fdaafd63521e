"""A chart as a slide image (PNG or SVG) with its title, status badge and source line drawn in.

The chart is the Vega-Lite spec the page draws, rendered offline (metro_poverty.exports.render) into
the space the texts leave; the title, the badge (red when any value is illustrative) and the source
line are SVG text around it, wrapped to the slide. The image is exactly width × height px (× scale
for PNG), 1600 × 900 by default. A call takes a few hundred milliseconds (the first in a process
about a second more): call it when the user asks for the download, not while the page draws.
"""

from __future__ import annotations

import textwrap
from typing import Iterable
from xml.sax.saxutils import escape

from metro_poverty.charts import theme
from metro_poverty.exports import render
from metro_poverty.exports.badge import badge_colour, badge_text

SLIDE = (1600, 900)
PADDING = 32
TITLE_SIZE, BADGE_SIZE, SOURCE_SIZE = 34, 24, 17
LINE = 1.25  # line height in em
GAP = 18  # between the texts and the chart
CHAR_WIDTH = 0.5  # average glyph width in em, for wrapping (Liberation/Arial/Source Sans run about 0.45–0.5)
SOURCE_COLOUR = "#333333"


def chart_svg(spec: dict, *, title: str, source: str, statuses: Iterable[str | None], lang: str = "id",
              width: int = SLIDE[0], height: int = SLIDE[1]) -> bytes:
    """The slide as SVG (UTF-8 bytes): title, badge, chart, source line; texts stay text."""
    return slide_svg(spec, title=title, source=source, statuses=statuses, lang=lang, width=width, height=height).encode("utf-8")


def chart_png(spec: dict, *, title: str, source: str, statuses: Iterable[str | None], lang: str = "id",
              width: int = SLIDE[0], height: int = SLIDE[1], scale: float = 1.0) -> bytes:
    """The same slide as a PNG of (width × scale) × (height × scale) px."""
    svg = slide_svg(spec, title=title, source=source, statuses=statuses, lang=lang, width=width, height=height)
    return render.to_png(svg, scale)


def bare_png(spec: dict, width: int, height: int, scale: float = 2.0) -> bytes:
    """The chart alone, fitted into width × height px (× scale), for documents that write their own texts."""
    svg = render.svg_of_size(spec, width, height)
    return render.to_png(_canvas(width, height, render.placed(svg, 0, 0, width, height)), scale)


def slide_svg(spec: dict, *, title: str, source: str, statuses: Iterable[str | None], lang: str, width: int, height: int) -> str:
    statuses = list(statuses)
    text_width = width - 2 * PADDING
    title_lines, source_lines = wrap(title, text_width, TITLE_SIZE * 1.1), wrap(source, text_width, SOURCE_SIZE)  # bold runs wider
    badge = badge_text(statuses, lang)
    parts, y = [], PADDING
    for line in title_lines:
        y += TITLE_SIZE * LINE
        parts.append(_text(line, PADDING, y - TITLE_SIZE * (LINE - 1), TITLE_SIZE, theme.INK, bold=True))
    if badge:
        y += BADGE_SIZE * LINE
        parts.append(_text(badge, PADDING, y - BADGE_SIZE * (LINE - 1), BADGE_SIZE, badge_colour(statuses), bold=True))
    chart_top = y + GAP
    footer_height = SOURCE_SIZE * LINE * len(source_lines)
    chart_height = height - PADDING - footer_height - GAP - chart_top
    chart = render.svg_of_size(spec, text_width, int(chart_height))
    _, drawn_h = render.svg_size(chart)
    parts.append(render.placed(chart, PADDING, chart_top, text_width, chart_height))
    y = chart_top + min(chart_height, drawn_h) + GAP
    for line in source_lines:
        y += SOURCE_SIZE * LINE
        parts.append(_text(line, PADDING, y - SOURCE_SIZE * (LINE - 1), SOURCE_SIZE, SOURCE_COLOUR))
    return _canvas(width, height, "".join(parts))


def wrap(text: str, width_px: float, font_size: float) -> list[str]:
    """Lines of text that fit width_px at font_size (estimated from the average glyph width)."""
    chars = max(20, int(width_px / (font_size * CHAR_WIDTH)))
    return textwrap.wrap(text or "", chars)


def _text(text: str, x: float, y: float, size: int, colour: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{escape(theme.FONT)}" font-size="{size}" fill="{colour}"{weight}>'
            f"{escape(text)}</text>")


def _canvas(width: int, height: int, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<rect width="{width}" height="{height}" fill="white"/>{body}</svg>')

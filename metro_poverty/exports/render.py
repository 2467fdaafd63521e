"""A Vega-Lite spec (as a page draws it) rendered offline by vl-convert to an SVG of a chosen size.

What the page leaves to the browser is settled here: "container" width becomes a number, the number
locale in `config.locale` is passed on (it is also honoured from the spec; passing it keeps 1.234,5
even if that ever changes), and external data URLs are refused, so nothing is fetched.

Vega-Lite sizes the plot area; axes, legends and titles come on top. To get a drawing of a given
outer size the chart is rendered twice: once to measure what comes on top, once at the corrected
size. vl-convert's first call in a process starts its JavaScript engine (about 0.5–0.8 s); later
renders take tens of milliseconds each.
"""

from __future__ import annotations

import re

COMPOUND = ("vconcat", "hconcat", "concat", "facet", "repeat")
MIN_PLOT = 80


def svg_of_size(spec: dict, width: int, height: int) -> str:
    """The chart drawn to fit width × height px as closely as its plot area allows (usually exactly)."""
    chart = with_plot_size(page_free(spec), width, height)  # too big by what axes and legends take; corrected below
    svg = to_svg(chart)
    if _resizable(chart):
        got_w, got_h = svg_size(svg)
        chart = with_plot_size(chart, chart["width"] + width - got_w, chart["height"] + height - got_h)
        svg = to_svg(chart)
    return svg


def page_free(spec: dict) -> dict:
    """The spec without what only a page needs (embed options), on a white background."""
    chart = {k: v for k, v in spec.items() if k != "usermeta"}
    return {**chart, "background": "white", "autosize": {"type": "pad"}}


def with_plot_size(chart: dict, width: int, height: int) -> dict:
    """The chart with a plot area of width × height; compound charts keep the sizes of their parts."""
    if not _resizable(chart):
        return chart
    return {**chart, "width": max(MIN_PLOT, int(width)), "height": max(MIN_PLOT, int(height))}


def _resizable(chart: dict) -> bool:
    return not any(k in chart for k in COMPOUND)


def to_svg(chart: dict) -> str:
    import vl_convert as vlc

    number_locale = chart.get("config", {}).get("locale", {}).get("number")
    return vlc.vegalite_to_svg(chart, format_locale=number_locale, allowed_base_urls=[])


def to_png(svg: str, scale: float = 1.0) -> bytes:
    import vl_convert as vlc

    return vlc.svg_to_png(svg, scale=scale)


_ROOT_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def svg_size(svg: str) -> tuple[int, int]:
    """The width and height of an SVG document's root element, in px."""
    m = _ROOT_SIZE.search(svg)
    if not m:
        raise ValueError("the SVG has no root width and height")
    return round(float(m.group(1))), round(float(m.group(2)))


def placed(svg: str, x: float, y: float, width: float, height: float) -> str:
    """The SVG document as an element of another, fitted into the box (scaled down, never up; centred across)."""
    w, h = svg_size(svg)
    k = min(1.0, width / w, height / h)
    x += (width - w * k) / 2
    body = re.sub(r"^\s*(<\?xml[^>]*\?>)?\s*", "", svg, count=1)
    tag_end = body.index(">")
    tag = body[:tag_end]
    if "viewBox=" not in tag:  # without it the drawing would be cropped, not scaled
        tag += f' viewBox="0 0 {w} {h}"'
    tag = re.sub(r'\swidth="[\d.]+"', f' width="{w * k:.2f}"', tag, count=1)
    tag = re.sub(r'\sheight="[\d.]+"', f' height="{h * k:.2f}"', tag, count=1)
    tag = tag.replace("<svg", f'<svg x="{x:.2f}" y="{y:.2f}"', 1)
    return tag + body[tag_end:]

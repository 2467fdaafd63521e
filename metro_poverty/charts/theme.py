"""Colours, type sizes and number locale for every chart, in one place.

Worse is always the same hue across the app: dark red. For an indicator where higher is worse the
ramp runs light -> dark red with the value; where higher is better it runs the other way. Neutral
indicators (the poverty line) use blues, which say nothing about good or bad.
"""

from __future__ import annotations

WORSE_RAMP = {  # ColorBrewer OrRd, light (better) to dark (worse)
    3: ["#fee8c8", "#fdbb84", "#e34a33"],
    4: ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
    5: ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"],
}
NEUTRAL_RAMP = {
    3: ["#deebf7", "#9ecae1", "#3182bd"],
    4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
    5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
}
CHANGE_RAMP = ["#1a7f37", "#74c476", "#c7e9c0", "#f0f0f0", "#e34a33"]  # falls in greens, no change grey, a rise in red
NO_DATA = "#d9d9d9"
SELECTED_STROKE = "#111111"
BETTER = "#1a7f37"  # only for "improved" marks in comparisons; worse stays red
WORSE = "#b30000"
REGION_PALETTE = ["#E4572E", "#17A398", "#8E5572", "#F3A712", "#4C956C", "#A23B72", "#6C757D", "#2E86AB"]
AREA_COLORS = {"18.72": "#0B4F8A", "18": "#E08E0B", "00": "#6B6B6B"}  # Metro, Lampung, Indonesia

STATUS_COLOURS = {"illustrative": "#b30000", "simulated": "#b30000", "provisional": "#a85d00", "official": "#1a7f37"}  # badges on screen and in exports
P0_TREND_HEIGHT = 420  # the Overview's P0 trend, and the same chart in the city brief
INK = "#111111"  # dark text: Streamlit's grey chart text is too faint on a projector
FONT = "Source Sans Pro, Arial, sans-serif"  # Streamlit bundles Source Sans; nothing is fetched
LABEL_SIZE = 15
TITLE_SIZE = 17
# on a projector (presentation mode) legends and labels are read from the back of the room
PRESENT_LABEL_SIZE = 18
PRESENT_TITLE_SIZE = 22
# a value axis's ticks (Vega's suggestion: it picks round steps near it; by default it counts one per 40 px of width)
PANEL_TICKS = 5  # on one of two panels: the same on both, whatever width their names leave
WIDE_TICKS = 10  # on one chart as wide as the page or a slide

NUMBER_LOCALES = {
    "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp ", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp ", ""]},
}


def area_colors(frame) -> dict[str, str]:
    """Metro, Lampung and Indonesia in their fixed colours, keyed by the names in the frame
    (region_code, region_name)."""
    pairs = frame[["region_code", "region_name"]].drop_duplicates()
    return {r.region_name: AREA_COLORS[r.region_code] for r in pairs.itertuples() if r.region_code in AREA_COLORS}


def ramp(polarity: str, k: int) -> list[str]:
    """k colours (1-5) ordered by ascending value, so the worst class is always the darkest red."""
    palette = NEUTRAL_RAMP if polarity == "neutral" else WORSE_RAMP
    colours = palette[max(3, min(5, k))]
    if k < 3:
        colours = [colours[1]] if k == 1 else [colours[0], colours[2]]
    return list(reversed(colours)) if polarity == "higher_better" else list(colours)


def config(lang: str, present: bool = False) -> dict:
    """The Vega-Lite config of every chart: projector-readable type and the number locale of the UI language;
    `present`: the larger type of a presentation slide."""
    label, title = (PRESENT_LABEL_SIZE, PRESENT_TITLE_SIZE) if present else (LABEL_SIZE, TITLE_SIZE)
    return {
        "locale": {"number": NUMBER_LOCALES.get(lang, NUMBER_LOCALES["id"])}, "font": FONT,
        "axis": {"labelFontSize": label, "titleFontSize": label, "gridColor": "#e6e6e6", "labelColor": INK, "titleColor": INK},
        "legend": {"labelFontSize": label, "titleFontSize": label, "symbolSize": 220, "labelLimit": 360, "titleLimit": 400,
                   "labelColor": INK, "titleColor": INK},
        "title": {"fontSize": title, "anchor": "start"},
        "view": {"strokeWidth": 0},
    }


def spec(chart, lang: str, present: bool = False, datasets: dict[str, list] | None = None) -> dict:
    """The Vega-Lite spec Streamlit draws: the chart's, with the theme (config) and, where the builder chose
    none, SVG and the width fitted to the page. `present`: the chart fills its container (the presentation
    slide) in both directions, with larger type.

    The theme is set on the spec, not on the Altair object: each of Altair's configure_* and properties
    calls copies the chart (a layered chart's layers deeply), the largest single cost in a profile of a map's
    first rerun."""
    from metro_poverty.charts.spec import vega_spec

    out = vega_spec(chart, datasets)
    # SVG: crisp on a projector, and every region is an element a test (or a screen reader) can reach
    out.setdefault("usermeta", {"embedOptions": {"renderer": "svg"}})  # unless a builder chose the canvas
    # A builder's height is the plot's: Streamlit's default ('fit') squeezes legend and axes into it,
    # which crushed the five kecamatan of a 160-pixel chart into one row. Only the width fits the page;
    # on a slide the chart fits its container both ways.
    out.setdefault("autosize", {"type": "fit" if present else "fit-x", "contains": "padding"})
    base = out.get("config", {})  # Altair's default theme (the view's continuous size)
    out["config"] = {**base, **{k: {**base[k], **v} if isinstance(base.get(k), dict) else v for k, v in config(lang, present).items()}}
    return out

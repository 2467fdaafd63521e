"""Draw charts from cached Vega-Lite specs: a rerun that changes nothing in a chart rebuilds nothing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.charts import theme
from metro_poverty.ui import cache, downloads, presentation


PANELS_SLIDE_HEIGHT = 200  # px of plot: with its title and slanted years, the panels fit a 1280×720 slide


@st.cache_data(show_spinner=False, max_entries=512)
def _trend_spec(frame: pd.DataFrame, code: str, lang: str, colors: tuple | None, target: float | None, height: int | str,
                compact: bool = False, panels: bool = False, present: bool = False) -> dict:
    from metro_poverty.charts.trend import trend, trend_panels

    ind, colors = cache.catalogue()[code], dict(colors) if colors else None
    if panels:
        chart = trend_panels(frame, ind, lang, colors=colors, target=target, height=height, compact=compact, side_legends=present)
    else:  # on a slide the legends go beside the plot: its height is what a slide lacks
        chart = trend(frame, ind, lang, colors=colors, target=target, height=height, compact=compact, side_legends=present)
    return theme.spec(chart, lang, present)  # the room's type size, panels too


def trend_spec(frame: pd.DataFrame, code: str, lang: str, *, colors: dict | None = None, target: float | None = None,
               height: int | str = 380, compact: bool = False, panels: bool = False, present: bool = False) -> dict:
    return _trend_spec(frame, code, lang, tuple(sorted(colors.items())) if colors else None, target, height, compact, panels, present)


def trend_chart(frame: pd.DataFrame, code: str, lang: str, *, title: str | None = None, key: str | None = None,
                height: int = 380, footnote_after: str = "", **options) -> None:
    """Draw a trend; with a title, also the PNG/SVG downloads of it. On a slide it fills the slide (not as panels,
    whose widths are their own), and its footnote ends with `footnote_after`."""
    slide = presentation.active() and not options.get("panels") and not options.get("compact")
    panels_on_slide = presentation.active() and bool(options.get("panels"))
    if panels_on_slide:  # panels keep their own size: one that fits under a slide's lines
        height = min(height, PANELS_SLIDE_HEIGHT)
    spec = trend_spec(frame, code, lang, height=presentation.chart_height(height) if slide else height, present=slide or panels_on_slide,
                      **options)
    st.vega_lite_chart(spec=spec, width="stretch", height="stretch" if slide else "content")
    if title:
        downloads.chart(spec, title=title, rows=frame, lang=lang, key=key or f"dl-trend-{code}-{title}", footnote_after=footnote_after)


def city_first_colors(frame: pd.DataFrame) -> dict[str, str]:
    """The city in its fixed colour, the other regions in distinct colours of their own."""
    names = list(dict.fromkeys(frame.sort_values("region_code").region_name))
    city = frame.loc[frame.region_code == "18.72", "region_name"]
    city_name = city.iloc[0] if len(city) else None
    others = [n for n in names if n != city_name]
    out = {n: theme.REGION_PALETTE[i % len(theme.REGION_PALETTE)] for i, n in enumerate(others)}
    if city_name:
        out[city_name] = theme.AREA_COLORS["18.72"]
    return out


area_colors = theme.area_colors


def p0_trend(published: pd.DataFrame, lang: str, draw: bool = True, title: str | None = None) -> pd.DataFrame:
    """The P0 of Metro, Lampung and Indonesia over all years; returns the rows drawn."""
    p0 = published[published.indicator_code == "p0"]
    present = draw and presentation.active()
    spec = trend_spec(p0, "p0", lang, colors=theme.area_colors(p0), height=presentation.chart_height(theme.P0_TREND_HEIGHT) if present
                      else theme.P0_TREND_HEIGHT, present=present)
    if draw:
        st.vega_lite_chart(spec=spec, width="stretch", height=presentation.element_height())
        downloads.chart(spec, title=title or "P0", rows=p0, lang=lang, key="dl-p0-trend")
    return p0


@st.cache_data(show_spinner=False, max_entries=64)
def _coverage_spec(coverage: pd.DataFrame, lang: str) -> dict:
    from metro_poverty.charts.coverage import coverage_heatmap

    return theme.spec(coverage_heatmap(coverage, lang), lang)


def coverage_heatmap(coverage: pd.DataFrame, lang: str) -> None:
    st.vega_lite_chart(spec=_coverage_spec(coverage, lang), width="stretch")


RANKING_FONT = 14  # names and values beside the bars; a slide's are the slide's label size
SLIDE_RANKING_ROWS = 12  # a slide ranks more regions than this in two panels side by side: 22 kelurahan at 18 px would overlap


@st.cache_data(show_spinner=False, max_entries=512)
def _ranking_spec(values: pd.DataFrame, code: str, lang: str, level: str, city_value: float | None, selected: str | None,
                  reference_label: str | None = None, present: bool = False, part: pd.DataFrame | None = None,
                  plot_px: int | None = None) -> dict:
    """The ranking of `values`; with `part`, only those rows, drawn with the classes and value axis of all; with
    `plot_px` (a ranking in a narrow column), a value axis that leaves each bar's label room in that width."""
    from metro_poverty.charts.maps import map_classes
    from metro_poverty.charts.ranking import ranking, value_domain

    ind = cache.catalogue()[code]
    classes = map_classes(values, ind, lang, level)
    font = theme.PRESENT_LABEL_SIZE if present else RANKING_FONT
    domain = value_domain(values, ind, lang, city_value) if part is not None else (
        value_domain(values, ind, lang, city_value, font=font, plot_px=plot_px) if plot_px else None)
    chart = ranking(values if part is None else part, ind, lang, classes, city_value=city_value, selected=selected,
                    reference_label=reference_label, font=font, domain=domain)
    if present:
        chart = chart.properties(height="container")
    return theme.spec(chart, lang, present)


def ranking_chart(values: pd.DataFrame, ind, lang: str, level: str, *, city_value: float | None = None, selected: str | None = None,
                  title: str = "", reference_label: str | None = None, split_above: int | None = SLIDE_RANKING_ROWS,
                  plot_px: int | None = None) -> None:
    """The ranking; on a slide, more than `split_above` regions are drawn in two panels side by side (None: never,
    for a ranking in a column of its own, where its panels would get no height). `plot_px`: the plot's width in a
    narrow column, so each bar's value fits after it."""
    from metro_poverty.charts.ranking import worst_first

    cols = [c for c in ("region_code", "region_name", "value", "rank", "label_note") if c in values.columns]
    present = presentation.active()
    shown = values[cols]
    if present and split_above is not None and len(shown) > split_above:  # two panels, the worst half on the left, one value axis
        ordered = worst_first(shown, ind)
        half = (len(ordered) + 1) // 2
        for column, part in zip(st.columns(2), (ordered.iloc[:half], ordered.iloc[half:])):
            with column:
                st.vega_lite_chart(spec=_ranking_spec(shown, ind.code, lang, level, city_value, selected, reference_label, present, part),
                                   width="stretch", height="stretch")
        spec = _ranking_spec(shown, ind.code, lang, level, city_value, selected, reference_label)  # the download: one chart
    else:
        spec = _ranking_spec(shown, ind.code, lang, level, city_value, selected, reference_label, present, plot_px=plot_px)
        st.vega_lite_chart(spec=spec, width="stretch", height=presentation.element_height())
    downloads.chart(spec, title=title or ind.short(lang), rows=values, lang=lang, key=f"dl-rank-{ind.code}-{level}")


@st.cache_data(show_spinner=False, max_entries=512)
def _dumbbell_spec(change: pd.DataFrame, code: str, lang: str, base: int, latest: int, present: bool = False,
                   part: pd.DataFrame | None = None) -> dict:
    """The comparison of `change`; `present`: as tall as the slide, drawn as a panel (the slide's coloured counts line
    is its legend and gives the unit); with `part`, only those rows, on the value axis of all."""
    from metro_poverty.charts.dumbbell import dumbbell, value_domain

    chart = dumbbell(change if part is None else part, cache.catalogue()[code], lang, base, latest, bar_px=34 if present else 30,
                     font=theme.PRESENT_LABEL_SIZE if present else RANKING_FONT, domain=value_domain(change) if present else None)
    if present:
        chart = chart.properties(height="container")
    return theme.spec(chart, lang, present)


def dumbbell_chart(change: pd.DataFrame, ind, lang: str, base: int, latest: int, *, title: str = "", rows: pd.DataFrame | None = None,
                   above_px: int = 0, legend: str | None = None) -> None:
    """The comparison; on a slide it fills a slide (`above_px`: what the page draws above it besides the bar,
    title and summary line) whose first line is `legend` (Markdown: the counts, in the chart's colours), and
    more than SLIDE_RANKING_ROWS regions are drawn in two panels on one value axis."""
    spec = _dumbbell_spec(change, ind.code, lang, base, latest)  # the download (and the desk): one chart
    present = presentation.active()
    half = (len(change) + 1) // 2
    parts = [None] if len(change) <= SLIDE_RANKING_ROWS else [change.iloc[:half], change.iloc[half:]]
    # on a slide the five kecamatan too fill it: drawn outside, Streamlit's default height crushed them into one row
    with presentation.slide(presentation.ABOVE_SLIDE_PX + above_px):
        if legend:
            st.markdown(legend)
        if not present:
            st.vega_lite_chart(spec=spec, width="stretch")
        for column, part in zip(st.columns(len(parts)) if present else (), parts):
            with column:
                st.vega_lite_chart(spec=_dumbbell_spec(change, ind.code, lang, base, latest, True, part), width="stretch", height="stretch")
        downloads.chart(spec, title=title or ind.short(lang), rows=rows if rows is not None else change, lang=lang, key=f"dl-compare-{ind.code}")

"""A map of one indicator at one level, with everything that must travel with it: the year actually
shown, the classes, the status badges, the illustrative and schematic notices, and the source."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from metro_poverty.catalog import Indicator, mappable
from metro_poverty.compare import fallback_key, period_shown
from metro_poverty.i18n import t
from metro_poverty.ui import badges, cache, downloads, geo_static, presentation


SELECTION = "region"  # the map's click selection, as Streamlit reports it
OVERVIEW_MAP_DEFAULT = "dtsen_d14_pct"  # families in deciles 1–4: the register closest to poverty


def map_indicator_choices(catalogue: dict[str, Indicator]) -> list[Indicator]:
    return sorted(mappable(catalogue), key=lambda i: (list(("income", "education", "health", "basic_services", "composite")).index(i.dimension), i.code))


def shown_period(ind: Indicator, level: str, year: int) -> int | None:
    """The chosen year if the indicator has it at this level, else the latest year before it (else the first after)."""
    return period_shown(cache.read("indicator_periods_by_level", indicator=ind.code, level=level).period, year)


def period_text(period: int, year: int | None, lang: str) -> str:
    """The year of the figures shown, for a slide's summary line: '2024', or '2024 (2025 belum ada)' when the year
    chosen has none yet."""
    return str(period) if year in (None, period) else t(fallback_key("dimension.period_instead", period, year), lang, shown=period, year=year)


@dataclass(frozen=True)
class DrawnMap:
    """A map on screen and what its notes need: drawn by indicator_map, annotated by map_notes."""
    ind: Indicator
    level: str
    period: int
    title: str
    spec: dict
    classes: object
    values: pd.DataFrame
    map_kind: str


def indicator_map(ind: Indicator, level: str, year: int, lang: str, *, title_key: str, selected: str | None = None,
                  selectable: bool = False, key: str | None = None, height: int = 560, on_select=None,
                  notes: bool = True) -> DrawnMap | None:
    """Draw the map (with its notes unless `notes` is False: a slide draws them below itself); None without data.
    On a slide the map fills its container and its title goes to the page's summary line."""
    period = shown_period(ind, level, year)
    if period is None:
        st.info(t("map.no_values", lang, indicator=ind.name(lang)))
        return None
    title = t(title_key, lang, indicator=ind.short(lang), year=period)
    present = presentation.active()
    if not present:
        st.subheader(title)
        if period != year:
            st.caption(t(fallback_key("map.fallback_year", period, year), lang, indicator=ind.short(lang), year=year, shown=period))
    spec, classes, values, map_kind = map_spec(ind.code, level, period, lang, selected, selectable, presentation.chart_height(height), present,
                                               presentation.bar_px())
    if "illustrative" in set(values.status):
        badges.illustrative_notice(lang)
    stretch = presentation.element_height()
    if selectable:
        callback = (lambda: on_select(key)) if on_select else "rerun"
        st.vega_lite_chart(spec=spec, width="stretch", height=stretch, key=key, selection_mode=SELECTION, on_select=callback)
    else:
        st.vega_lite_chart(spec=spec, width="stretch", height=stretch)
    drawn = DrawnMap(ind, level, period, title, spec, classes, values, map_kind)
    if notes:
        map_notes(drawn, lang)
    return drawn


def count_note(ind, lang: str) -> str:
    """A map of a count (RTLH units, families in deciles 1-4) colours the larger areas darker: what it compares is
    size as much as condition. Names the catalogue's related rates to compare instead, where there are any."""
    catalogue = cache.catalogue()
    rates = [catalogue[c].short(lang) for c in ind.related_codes if c in catalogue and not catalogue[c].is_count_measure]
    return t("map.count_size", lang, indicator=ind.short(lang)) + (
        " " + t("map.count_rates", lang, rates=t("common.or", lang).join(rates)) if rates else "")


def map_notes(m: DrawnMap, lang: str) -> None:
    """Below a map: its downloads, status badges, classes, the schematic and micro notices and the source line."""
    downloads.chart(m.spec, title=m.title, rows=m.values, lang=lang, key=f"dl-map-{m.ind.code}-{m.level}-{m.period}")
    badges.status_badges(m.values.status, lang)
    method = t(f"map.method.{m.classes.method}", lang)
    st.caption(t("map.classes_neutral" if m.ind.polarity == "neutral" else "map.classes", lang, method=method, k=len(m.classes.labels)))
    if m.ind.is_count_measure and m.ind.polarity != "neutral":
        st.caption(count_note(m.ind, lang))
    if m.map_kind == "schematic":
        st.warning(t("map.schematic", lang), icon=":material/grid_view:")
    st.caption(t("notice.micro", lang))
    badges.show_source_line(m.values, lang)


def _geometry_urls(store: str, level: str, shapes: pd.DataFrame, context: pd.DataFrame | None) -> dict:
    """Static files for the polygons of big maps (metro_poverty/ui/geo_static.py); none for a city map."""
    urls = {}
    if geo_static.needs_file(shapes):
        urls["geometry_url"] = geo_static.geometry_url(store, level, shapes)
    if context is not None and geo_static.needs_file(context):
        urls["context_url"] = geo_static.geometry_url(store, "kecamatan", context)
    return urls


def value_map(values: pd.DataFrame, ind: Indicator, level: str, lang: str, height: int = 520) -> None:
    """A map of values computed on the page (a simulation), not read from the store: region_code, value, status."""
    present = presentation.active()
    spec = _value_map_spec(cache.snapshot(), values, ind, level, lang, presentation.chart_height(height), present,
                           presentation.bar_px())
    st.vega_lite_chart(spec=spec, width="stretch", height=presentation.element_height())


@st.cache_data(show_spinner=False, max_entries=128)
def _value_map_spec(store: str, values: pd.DataFrame, ind: Indicator, level: str, lang: str, height: int | str, present: bool = False,
                    bar_px: int = 0) -> dict:
    from metro_poverty.charts import theme
    from metro_poverty.charts.maps import choropleth

    shapes = cache.read("boundaries_by_level", level=level)
    context = cache.read("boundaries_by_level", level="kecamatan") if level == "kelurahan" else None
    chart, _, datasets = choropleth(shapes, values, ind, lang, level, context=context, height=height, present=present,
                                    bar_px=bar_px, **_geometry_urls(store, level, shapes, context))
    return theme.spec(chart, lang, present, datasets)


def map_spec(code: str, level: str, period: int, lang: str, selected: str | None = None, selectable: bool = False, height: int | str = 560,
             present: bool = False, bar_px: int = 0):
    return _map_spec(cache.snapshot(), code, level, period, lang, selected, selectable, height, present, bar_px)


@st.cache_data(show_spinner=False, max_entries=512)
def _map_spec(store: str, code: str, level: str, period: int, lang: str, selected: str | None, selectable: bool, height: int | str,
              present: bool = False, bar_px: int = 0):
    """The map's Vega-Lite spec and what travels with it, cached per store file and view (on a slide, per the
    step bar's height: the names are placed for the map's height)."""
    from metro_poverty.charts import theme
    from metro_poverty.charts.maps import choropleth

    ind = cache.catalogue()[code]
    values = cache.read("indicator_by_region", indicator=code, level=level, period=period)
    shapes = cache.read("boundaries_by_level", level=level)
    context = cache.read("boundaries_by_level", level="kecamatan") if level == "kelurahan" else None
    urls = _geometry_urls(store, level, shapes, context)
    chart, classes, datasets = choropleth(shapes, values, ind, lang, level, context=context, selected=selected,
                                          selection=SELECTION if selectable else None, height=height, present=present,
                                          bar_px=bar_px, **urls)
    kind = shapes.kind.iloc[0] if len(shapes) else "none"
    return theme.spec(chart, lang, present, datasets), classes, values, kind

"""Download buttons under charts and tables: the chart as a slide image (PNG, SVG) with its title,
source line and status badge baked in; the table as CSV and as Excel with a metadata sheet. The files
are made only when a button is clicked (metro_poverty.exports)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.exports import download
from metro_poverty.i18n import t
from metro_poverty.provenance import marks_of
from metro_poverty.source_line import source_line
from metro_poverty.ui import geo_static


def _button(row, label: str, d: download.Download, key: str, icon: str) -> None:
    row.download_button(label, d.data, file_name=d.file_name, mime=d.mime, on_click="ignore", key=key, icon=icon, width="content")


def chart(spec: dict, *, title: str, rows: pd.DataFrame, lang: str, key: str, footnote_after: str = "") -> None:
    """PNG and SVG of a chart; rows: the store rows it draws (status and source columns). A map whose
    polygons are a static file gets them back inline when the image is made (vl-convert reads no URL). On a
    slide the room needs the figure's status and source in their place, not buttons (and `footnote_after`)."""
    from metro_poverty.ui import badges, presentation

    if presentation.active():
        badges.slide_footnote(rows, lang, after=footnote_after)
        return
    source = source_line(rows, lang)
    statuses = marks_of(rows) if "status" in rows else []
    c1 = c2 = st.container(horizontal=True)
    self_contained = lambda: geo_static.inline(spec)  # noqa: E731 - evaluated only on a click
    _button(c1, "PNG", download.chart_png(self_contained, title=title, source=source, statuses=statuses, lang=lang), f"{key}-png",
            ":material/image:")
    _button(c2, "SVG", download.chart_svg(self_contained, title=title, source=source, statuses=statuses, lang=lang), f"{key}-svg",
            ":material/polyline:")


def table(frame: pd.DataFrame, *, file_stem: str, lang: str, key: str, **metadata) -> None:
    """CSV and Excel of a table as shown; metadata: indicators, rows, title, decimals (exports.tables.table_xlsx).
    None on a slide: buttons are for the desk (the table's source line is under it)."""
    from metro_poverty.ui import presentation

    if presentation.active():
        return
    c1 = c2 = st.container(horizontal=True)
    _button(c1, "CSV", download.table_csv(frame, file_stem), f"{key}-csv", ":material/csv:")
    _button(c2, "Excel", download.table_xlsx(frame, file_stem, lang, **metadata), f"{key}-xlsx", ":material/table_view:")


def city_brief(year: int, lang: str) -> None:
    """The brief's download; the kelurahan maps (illustrative data) go in only when asked for."""
    row = st.container(horizontal=True, vertical_alignment="center")
    with_maps = row.checkbox(t("downloads.brief_maps", lang), key="brief_maps", help=t("downloads.brief_maps_help", lang))
    d = download.city_brief(year, lang, with_maps=with_maps)
    row.download_button(t("downloads.brief", lang, year=year), d.data, file_name=d.file_name, mime=d.mime, on_click="ignore",
                        key="dl-brief", icon=":material/picture_as_pdf:")

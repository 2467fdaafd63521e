"""Exports as st.download_button wants them: a callable that makes the bytes only when clicked, a file
name and a MIME type. Nothing is rendered while the page draws.

    d = download.chart_png(spec, title=..., source=..., statuses=values.status, lang=lang)
    st.download_button(label, d.data, file_name=d.file_name, mime=d.mime, on_click="ignore")

Streamlit runs the callable in a thread of its own; everything it calls is safe there (the store is
read through a cursor per query, vl-convert serialises its own work).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable

import pandas as pd

from metro_poverty.i18n import t

PNG, SVG, CSV, XLSX, PDF = "image/png", "image/svg+xml", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"


@dataclass(frozen=True)
class Download:
    data: Callable[[], bytes]
    file_name: str
    mime: str


def slug(text: str, limit: int = 80) -> str:
    """A file name stem from a title: 'Keluarga desil 1–4, 2024' -> 'keluarga-desil-1-4-2024'."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    separated = re.sub(r"[\W_]+", "-", letters)  # dashes and spaces part words
    ascii_text = separated.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].rstrip("-") or "export"


Spec = dict | Callable[[], dict]  # a spec, or what makes it when the file is asked for


def _render(kind: str, spec: Spec, **options) -> bytes:
    from metro_poverty.exports import chart_image

    return getattr(chart_image, kind)(spec() if callable(spec) else spec, **options)


def chart_png(spec: Spec, *, title: str, source: str, statuses: Iterable[str | None], lang: str = "id",
              file_stem: str | None = None, **size) -> Download:
    make = partial(_render, "chart_png", spec, title=title, source=source, statuses=list(statuses), lang=lang, **size)
    return Download(make, f"{file_stem or slug(title)}.png", PNG)


def chart_svg(spec: Spec, *, title: str, source: str, statuses: Iterable[str | None], lang: str = "id",
              file_stem: str | None = None, **size) -> Download:
    make = partial(_render, "chart_svg", spec, title=title, source=source, statuses=list(statuses), lang=lang, **size)
    return Download(make, f"{file_stem or slug(title)}.svg", SVG)


def table_csv(frame: pd.DataFrame, file_stem: str) -> Download:
    from metro_poverty.exports import tables

    return Download(partial(tables.table_csv, frame), f"{file_stem}.csv", CSV)


def table_xlsx(frame: pd.DataFrame, file_stem: str, lang: str = "id", **metadata) -> Download:
    """metadata: indicators, rows, title, decimals, as metro_poverty.exports.tables.table_xlsx takes them."""
    from metro_poverty.exports import tables

    return Download(partial(tables.table_xlsx, frame, lang, **metadata), f"{file_stem}.xlsx", XLSX)


def city_brief(year: int, lang: str = "id", with_maps: bool = False) -> Download:
    from metro_poverty.exports import brief

    return Download(partial(brief.city_brief_pdf, year, lang, with_maps=with_maps), f"{t('exports.file.brief', lang, year=year)}.pdf", PDF)

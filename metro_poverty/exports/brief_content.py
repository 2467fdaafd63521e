"""What the city brief shows for a year, read from the store: the headline figures, the P0 trend up to that
year, Metro's rank among Lampung's kab/kota, published context (extreme poverty, the city's target) and, on
request only, one map per dimension (the first mappable indicator of each; illustrative data). brief.py
only lays these out."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metro_poverty import db
from metro_poverty.catalog import CATALOGUE_PARAMS, Indicator, catalogue_from_frame, mappable
from metro_poverty.compare import period_shown
from metro_poverty.headline import CITY, COUNTRY, HEADLINE_INDICATORS, PROVINCE, Headline, headlines
from metro_poverty.kabkota import CityStanding, standing_in

MAP_DIMENSIONS = ("income", "education", "health", "basic_services")


@dataclass(frozen=True)
class Panel:
    """A chart as a PNG with the rows it draws (their statuses and sources travel with it)."""
    png: bytes
    rows: pd.DataFrame


@dataclass(frozen=True)
class MapPanel:
    png: bytes
    rows: pd.DataFrame
    indicator: Indicator
    level: str
    period: int

    @property
    def dimension(self) -> str:
        return self.indicator.dimension


@dataclass(frozen=True)
class BriefContent:
    year: int
    lang: str
    catalogue: dict[str, Indicator]
    headlines: list[Headline]
    trend: Panel | None  # None before the first published P0
    maps: list[MapPanel]
    standing: CityStanding | None = None  # Metro's P0 among Lampung's kab/kota, that year
    extreme: pd.Series | None = None  # the latest extreme-poverty figure up to the year, with its status and citation

    def indicators_shown(self) -> list[Indicator]:
        codes = [h.indicator for h in self.headlines] + [m.indicator.code for m in self.maps]
        return [self.catalogue[c] for c in dict.fromkeys(codes)]


def published() -> pd.DataFrame:
    """Every published value of the headline indicators for Metro, Lampung and Indonesia (as the Overview reads)."""
    return db.read("published_series_by_region", indicators=list(HEADLINE_INDICATORS), regions=[CITY, PROVINCE, COUNTRY])


def map_indicators(catalogue: dict[str, Indicator]) -> list[Indicator]:
    """The first mappable indicator of each dimension, in catalogue order."""
    found = {}
    for ind in mappable(catalogue):
        found.setdefault(ind.dimension, ind)
    return [found[d] for d in MAP_DIMENSIONS if d in found]


def shown_period(ind: Indicator, level: str, year: int) -> int | None:
    """The year asked if the indicator has it at this level, else the latest before it (else the first after)."""
    return period_shown(db.read("indicator_periods_by_level", indicator=ind.code, level=level).period, year)


def trend_panel(frame: pd.DataFrame, catalogue: dict[str, Indicator], lang: str, width: int, height: int, year: int) -> Panel | None:
    """The Overview's P0 trend of Metro, Lampung and Indonesia up to the year, as a PNG of width × height px (× 2)."""
    from metro_poverty.charts import theme
    from metro_poverty.charts.trend import trend
    from metro_poverty.exports.chart_image import bare_png

    p0 = frame[(frame.indicator_code == "p0") & (frame.period <= year)]
    if p0.empty:
        return None
    spec = theme.spec(trend(p0, catalogue["p0"], lang, colors=theme.area_colors(p0), height=theme.P0_TREND_HEIGHT), lang)
    return Panel(png=bare_png(spec, width, height), rows=p0)


def map_panel(ind: Indicator, year: int, lang: str, width: int, height: int) -> MapPanel | None:
    """The indicator on a map of its finest level, for the year (or the latest before it); None without data."""
    from metro_poverty.charts import theme
    from metro_poverty.charts.maps import choropleth
    from metro_poverty.exports.chart_image import bare_png

    level = ind.map_levels[0]
    period = shown_period(ind, level, year)
    if period is None:
        return None
    values = db.read("indicator_by_region", indicator=ind.code, level=level, period=period)
    shapes = db.read("boundaries_by_level", level=level)
    context = db.read("boundaries_by_level", level="kecamatan") if level == "kelurahan" else None
    chart, _, datasets = choropleth(shapes, values, ind, lang, level, context=context, height=height)
    spec = theme.spec(chart, lang, datasets=datasets)
    return MapPanel(png=bare_png(spec, width, height), rows=values, indicator=ind, level=level, period=period)


# BPS's 2025 release measures extreme poverty on USD 2.15 PPP (2017) a day; earlier figures on USD 1.9 PPP (2011)
# (p0_extreme's definition in data/reference/indicators.csv): a figure before it is not comparable with one after
EXTREME_PPP2017_SINCE = 2025


def latest_extreme(year: int) -> pd.Series | None:
    rows = db.read("published_series_by_region", indicators=["p0_extreme"], regions=[CITY])
    rows = rows[rows.period <= year]
    return None if rows.empty else rows.sort_values("period").iloc[-1]


def brief_content(year: int, lang: str, *, trend_px: tuple[int, int], map_px: tuple[int, int], with_maps: bool = False) -> BriefContent:
    catalogue = catalogue_from_frame(db.read("indicator_catalogue", **CATALOGUE_PARAMS))
    frame = published()
    maps = [map_panel(ind, year, lang, *map_px) for ind in map_indicators(catalogue)] if with_maps else []
    return BriefContent(
        year=year, lang=lang, catalogue=catalogue,
        headlines=headlines(frame, year),
        trend=trend_panel(frame, catalogue, lang, *trend_px, year=year),
        maps=[m for m in maps if m is not None],
        standing=standing_in(db.read("kabkota_values", indicators=["p0"], province=PROVINCE), "p0", year, CITY),
        extreme=latest_extreme(year),
    )

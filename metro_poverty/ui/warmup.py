"""Fill the shared caches with what the default Overview needs, before the first visitor arrives."""

from __future__ import annotations

from metro_poverty import db
from metro_poverty.ui import cache, charts, maps, metrics
from metro_poverty.ui.frame import year_param


def warm(lang: str = "id") -> None:
    try:
        db.store_path()
    except db.StoreMissing:
        return  # the first visitor builds it, with a progress indicator
    catalogue = cache.catalogue()
    cache.build_info()
    year = year_param().default
    metrics.headlines(year)
    charts.p0_trend(metrics.published(), lang, draw=False)
    ind = catalogue[maps.OVERVIEW_MAP_DEFAULT]
    level = ind.map_levels[0]
    maps.map_spec(ind.code, level, maps.shown_period(ind, level, year), lang)

"""Fill the shared caches with what the default views need, before the first visitor arrives: the
Overview, then the default map of each dimension page (with what its panel reads)."""

from __future__ import annotations

from metro_poverty import db
from metro_poverty.ui import cache, charts, maps, metrics
from metro_poverty.ui.frame import year_param

DIMENSION_MAP_HEIGHT = 560  # as dimension_views.map_view draws it (maps.indicator_map's default)


def warm(lang: str = "id") -> None:
    try:
        db.store_path()
    except db.StoreMissing:
        return  # the first visitor builds it, with a progress indicator
    catalogue = cache.catalogue()
    cache.build_info()
    cache.regions()
    year = year_param().default
    metrics.headlines(year)
    charts.p0_trend(metrics.published(), lang, draw=False)
    ind = catalogue[maps.OVERVIEW_MAP_DEFAULT]
    level = ind.map_levels[0]
    maps.map_spec(ind.code, level, maps.shown_period(ind, level, year), lang)


def warm_dimensions(lang: str = "id") -> None:
    """Second, once the first visitor has had the server to itself: each dimension page's default map."""
    from metro_poverty.ui.dimension_page import PAGE_DIMENSIONS, indicators_of

    try:
        year = year_param().default
    except db.StoreMissing:
        return

    for dimension in PAGE_DIMENSIONS:
        ind = indicators_of(dimension)[0]
        if not ind.map_levels:
            continue
        level = ind.map_levels[0]
        cache.read("indicator_periods_by_level", indicator=ind.code, level=level)
        for at in (level, "city"):
            cache.read("indicator_history_by_level", indicator=ind.code, level=at)
        maps.map_spec(ind.code, level, maps.shown_period(ind, level, year), lang, None, True, DIMENSION_MAP_HEIGHT)

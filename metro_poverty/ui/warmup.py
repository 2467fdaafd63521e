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
    first_run_once()  # first: a visitor may arrive before the caches are full
    catalogue = cache.catalogue()
    cache.build_info()
    cache.regions()
    year = year_param().default
    metrics.headlines(year)
    metrics.province_p0()  # Metro's standing in Lampung
    charts.p0_trend(metrics.published(), lang, draw=False)
    ind = catalogue[maps.OVERVIEW_MAP_DEFAULT]
    level = ind.map_levels[0]
    maps.map_spec(ind.code, level, maps.shown_period(ind, level, year), lang)


def first_run_once() -> None:
    """What the first script run of a server process does only once, done here instead of in the first visitor's run:
    - Streamlit checks, on the first element drawn, whether it runs in a REPL, to print a hint if it does. The check
      (inspect.stack()) resolves the path of every loaded module: 137 ms of a 326 ms first Overview run, profiled in
      the server. Under `streamlit run` the answer is known (no hint), so the check is marked done. The flag is
      private to Streamlit; if a later version drops it, the first run is only slower again.
    - The tab icon needs PIL (Streamlit imports it to read any page icon) and the brief's button its exports module:
      33 ms of imports in the same run."""
    from streamlit import delta_generator

    from metro_poverty.exports import brief  # noqa: F401  (imported for its cost, as the Overview's brief button does)

    delta_generator._use_warning_has_been_displayed = True
    import PIL.Image  # noqa: F401


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

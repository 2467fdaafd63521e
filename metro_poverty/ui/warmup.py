"""Fill the shared caches with what the default views need, before the first visitor arrives: the
Overview, then the default map of each dimension page (with what its panel reads). A server started by
serve.py does it at start, and again in the background for each new store it sees (a build by the intake
page, or by the command line in another process), so the next person to open those views after new data
waits no longer than on a warm server."""

from __future__ import annotations

import logging
import threading
import time

from metro_poverty import db
from metro_poverty.ui import cache, charts, maps, metrics
from metro_poverty.ui.frame import year_param

DIMENSION_MAP_HEIGHT = 560  # as dimension_views.map_view draws it (maps.indicator_map's default)
DIMENSIONS_AFTER_S = 8  # at start: the Overview first; the rest once a first visitor has had the two cores
POLL_S = 2  # how often the server looks at store/CURRENT for a new build (one small file read)

_serving = False  # set by serve(): only a real server warms in the background (never AppTest or a test's process)
_seen: set[str] = set()
_seen_lock = threading.Lock()


def serve(stop: threading.Event | None = None) -> None:
    """The server's warm-up (serve.py runs it in a thread of its own): the default views at start, then a look
    at store/CURRENT every POLL_S seconds, so a new store is warmed even before anyone opens a page on it.
    Runs as long as the server does (or until `stop` is set)."""
    stop = stop or threading.Event()
    global _serving
    _serving = True
    try:
        _seen.add(str(db.store_path()))
    except db.StoreMissing:
        pass  # the first visitor builds it; follow() then warms it
    try:
        warm()
        time.sleep(DIMENSIONS_AFTER_S)
        warm_dimensions()
    except Exception:  # a cold start is slower, never broken; new stores are still looked for below
        logging.getLogger("metro_poverty").warning("warm-up at start failed", exc_info=True)
    while not stop.wait(POLL_S):  # a build by the command line (another process) is noticed without waiting for a visitor
        try:
            follow(str(db.store_path()))
        except db.StoreMissing:
            pass


def follow(store: str) -> None:
    """Called on every rerun with the store file it reads: the first time a server sees a store, its default
    views are warmed in a background thread. The rerun that noticed does not wait for it."""
    if not _serving or store in _seen:
        return
    with _seen_lock:
        if store in _seen:
            return
        _seen.add(store)
    threading.Thread(target=_warm_new_store, name="warm-up-new-store", daemon=True).start()


def _warm_new_store() -> None:
    try:
        warm()
        warm_dimensions()
    except Exception:  # a cold view is slower, never broken; the reason goes to the server log
        logging.getLogger("metro_poverty").warning("warm-up of a new store failed", exc_info=True)


def warm(lang: str = "id") -> None:
    first_run_once()  # first: a visitor may arrive before the caches are full
    try:
        db.store_path()
    except db.StoreMissing:
        return  # the first visitor builds it, with a progress indicator
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

    delta_generator._use_warning_has_been_displayed = True  # first: the cheapest step, and the largest saving
    import PIL.Image  # noqa: F401

    from metro_poverty.exports import brief  # noqa: F401  (imported for its cost, as the Overview's brief button does)


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

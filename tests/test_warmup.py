"""The server warm-up fills the caches the default Overview reads, so its first visitor waits less."""

import pytest

from app_support import ensure_store


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


def test_after_warm_up_the_default_map_and_trend_are_not_built_again(monkeypatch):
    import metro_poverty.charts.maps as chart_maps
    import metro_poverty.charts.trend as chart_trend
    from metro_poverty.ui import cache, charts, maps, metrics, warmup
    from metro_poverty.ui.frame import year_param

    charts._trend_spec.clear()
    maps._map_spec.clear()
    warmup.warm()

    def must_not_build(*args, **kwargs):
        raise AssertionError("spec rebuilt: the warm-up did not fill this cache")

    monkeypatch.setattr(chart_maps, "choropleth", must_not_build)
    monkeypatch.setattr(chart_trend, "trend", must_not_build)
    ind = cache.catalogue()[maps.OVERVIEW_MAP_DEFAULT]
    year = year_param().default
    spec, _, values, _ = maps.map_spec(ind.code, "kelurahan", maps.shown_period(ind, "kelurahan", year), "id")
    assert len(values) == 22 and spec["layer"]
    assert len(charts.p0_trend(metrics.published(), "id", draw=False)) > 0


def test_warm_up_does_nothing_without_a_store(monkeypatch):
    from metro_poverty import db
    from metro_poverty.ui import warmup

    def missing():
        raise db.StoreMissing("none")

    monkeypatch.setattr(db, "store_path", missing)
    warmup.warm()  # returns quietly: the first visitor builds the store with a progress indicator


def test_after_warm_up_each_dimension_pages_default_map_is_not_built_again(monkeypatch):
    import metro_poverty.charts.maps as chart_maps
    from metro_poverty.ui import maps, warmup
    from metro_poverty.ui.dimension_page import PAGE_DIMENSIONS, indicators_of
    from metro_poverty.ui.frame import year_param

    maps._map_spec.clear()
    warmup.warm_dimensions()

    def must_not_build(*args, **kwargs):
        raise AssertionError("spec rebuilt: the warm-up did not fill this cache")

    monkeypatch.setattr(chart_maps, "choropleth", must_not_build)
    year = year_param().default
    for dimension in PAGE_DIMENSIONS:
        ind = indicators_of(dimension)[0]
        level = ind.map_levels[0]
        spec, *_ = maps.map_spec(ind.code, level, maps.shown_period(ind, level, year), "id", None, True, warmup.DIMENSION_MAP_HEIGHT)
        assert spec["layer"]


def test_after_warm_up_the_first_element_drawn_skips_streamlits_repl_check(monkeypatch):
    """The check walks the stack and resolves every loaded module's path (137 ms in the server's first run); a
    Streamlit upgrade that renames its flag fails here rather than silently slowing the first visitor again."""
    from streamlit import delta_generator, env_util

    from metro_poverty.ui import warmup

    def must_not_run():
        raise AssertionError("the REPL check ran in a visitor's script run")

    # as in a fresh server (an AppTest earlier in this process has drawn an element); fails if the name is gone
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    warmup.first_run_once()
    monkeypatch.setattr(env_util, "is_repl", must_not_run)
    delta_generator._maybe_print_use_warning()


def test_a_server_warms_each_new_store_once_in_the_background_and_a_test_process_never(monkeypatch):
    import threading

    from metro_poverty.ui import warmup

    warmed = []
    done = threading.Event()

    def record(name):
        def call(*args, **kwargs):
            warmed.append((name, threading.current_thread().name))
            if name == "dimensions":
                done.set()
        return call

    monkeypatch.setattr(warmup, "warm", record("overview"))
    monkeypatch.setattr(warmup, "warm_dimensions", record("dimensions"))
    monkeypatch.setattr(warmup, "_seen", {"/store/metro-1.duckdb"})

    monkeypatch.setattr(warmup, "_serving", False)
    warmup.follow("/store/metro-2.duckdb")  # AppTest, a test's process: nothing runs behind the test's back
    assert warmed == []

    monkeypatch.setattr(warmup, "_serving", True)
    warmup.follow("/store/metro-1.duckdb")  # warmed at the server's start
    warmup.follow("/store/metro-2.duckdb")  # a new build
    assert done.wait(5)
    warmup.follow("/store/metro-2.duckdb")  # the next rerun on it
    assert warmed == [("overview", "warm-up-new-store"), ("dimensions", "warm-up-new-store")]


def test_a_failed_warm_up_at_start_still_leaves_the_server_looking_for_new_stores(monkeypatch):
    import threading

    from metro_poverty.ui import warmup

    looked = threading.Event()

    def broken(*args, **kwargs):
        raise RuntimeError("a store file being replaced")

    monkeypatch.setattr(warmup, "warm", broken)
    monkeypatch.setattr(warmup, "DIMENSIONS_AFTER_S", 0)
    monkeypatch.setattr(warmup, "POLL_S", 0.01)
    monkeypatch.setattr(warmup, "follow", lambda store: looked.set())
    monkeypatch.setattr(warmup, "_seen", set())
    monkeypatch.setattr(warmup, "_serving", False)
    stop = threading.Event()
    server = threading.Thread(target=warmup.serve, args=(stop,), daemon=True)
    server.start()
    try:
        assert looked.wait(5)
    finally:
        stop.set()
        server.join(5)
    assert not server.is_alive()

"""Benchmark of page reruns at city scale and at province scale: how map and query time grow with the
number of regions.

Not a test: prints Markdown tables and writes artifacts/bench_pages.md.
Run: .venv/bin/python bench/bench_pages.py            (about 6 minutes on the 2-core machine)
     .venv/bin/python bench/bench_pages.py --quick    (fewer repetitions)

Two scales, each measured in a fresh process whose METRO_POVERTY_STORE_DIR names the store (paths.STORE_DIR
is read at import):
- city: the real store (store/CURRENT): 5 kecamatan, 22 kelurahan;
- province: a generated store (bench/province_store.py): about 230 kecamatan and 2,600 kelurahan, all
  under the city 18.72, with polygons and observations of the same shape as the real ones.

For every page view (the Overview, each dimension page's map without and with a selected region, its
rank, trend, compare and table views, and the region profile of a kelurahan and of a kecamatan), through
the real app.py frame with streamlit.testing.v1.AppTest and the view set by query parameters as a shared
URL sets it, the server-side duration of a rerun (the ScriptRunner thread, bench.common.script_thread_timer):
- first rerun, caches empty: every st.cache_data cache and the catalogue cleared,
  as on the first visit after a new store build; modules already imported, the DuckDB file already open;
- warm reruns: median, min and max of repeated reruns of the same view (a widget click, another visitor).
Outside Streamlit, the pieces that grow with the number of regions: the main queries, building the map
spec, its size, and what Streamlit does with it on every rerun (the cache hit's unpickling, the chart
element's JSON handling).

Each worker process gets a HOME of its own, so clearing Streamlit's disk cache (~/.streamlit/cache) never
touches the cache of a dashboard running on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ROOT, machine, script_thread_timer, write_report  # noqa: E402

APP = str(ROOT / "app.py")
DIMENSION_PAGES = {
    "income": ("Pendapatan (income)", "views/dimension_income.py"),
    "education": ("Pendidikan (education)", "views/dimension_education.py"),
    "health": ("Kesehatan (health)", "views/dimension_health.py"),
    "basic_services": ("Layanan dasar (basic services)", "views/dimension_basic_services.py"),
}
PROFILE_PAGE = "views/region_profile.py"
TARGETS_MS = {"city": 150, "province": 1000}
MAP_INDICATOR = "dtsen_d14_pct"  # the Overview's map and the first indicator of the income page


def cases(kelurahan: str, kecamatan: str) -> list[tuple[str, str, str | None, dict]]:
    """(page label, view label, page path for switch_page or None for the Overview, query parameters)."""
    out = [("Ringkasan (overview)", "headline, P0 trend, kelurahan map", None, {})]
    for label, page in DIMENSION_PAGES.values():
        out += [
            (label, "map, kelurahan, nothing selected", page, {}),
            (label, f"map, kelurahan, {kelurahan} selected", page, {"region": kelurahan}),
            (label, "rank", page, {"view": "rank"}),
            (label, "trend", page, {"view": "trend"}),
            (label, "compare", page, {"view": "compare"}),
            (label, "table", page, {"view": "table"}),
        ]
    out += [
        ("Profil wilayah (profile)", f"kelurahan {kelurahan}", PROFILE_PAGE, {"region": kelurahan}),
        ("Profil wilayah (profile)", f"kecamatan {kecamatan}", PROFILE_PAGE, {"region": kecamatan}),
    ]
    return out


# ------------------------------------------------------------------------------------------- worker side


def _timed(fn, runs: int) -> tuple[list[float], object]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def _stats(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "n": len(samples)}


def _open(page: str | None, params: dict):
    """A new session on the default page, then (as tests/app_support.open_app does) the page asked for with
    its URL parameters set; returns it before that page has run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    if page:
        at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _problems(at, params: dict) -> list[str]:
    out = [str(e.value)[:200] for e in at.exception]
    for key, value in params.items():
        if key in ("view", "region") and (key not in at.session_state or at.session_state[key] != value):
            out.append(f"{key} is not {value!r} after the run")
    return out


COLD_RUNS = 5  # first reruns per view, each on emptied caches: one sample on a shared machine is noise


def measure_view(page: str | None, params: dict, runs: int, cold_runs: int = COLD_RUNS) -> dict:
    import streamlit as st

    from metro_poverty.ui import cache

    cold: list[float] = []
    for _ in range(cold_runs):
        at = _open(page, params)
        st.cache_data.clear()
        cache._catalogue.clear()  # the catalogue's objects, per store file: a new build makes them again
        with script_thread_timer(cold):
            at.run()
    problems = _problems(at, params)
    at.run()  # the rerun a first widget interaction would cause; not counted
    warm: list[float] = []
    with script_thread_timer(warm):
        for _ in range(runs):
            at.run()
    problems += _problems(at, params)
    title = at.title[0].value if len(at.title) else ""
    return {"cold": statistics.median(cold), "cold_stats": _stats(cold), "warm": _stats(warm), "problems": sorted(set(problems)),
            "title": str(title)}


def _warm_imports() -> None:
    """Load what any page loads once per process (Altair, the chart builders, pandas' Styler), so the
    first-rerun figures are about empty caches, not about imports."""
    import pandas.io.formats.style  # noqa: F401  (the profile's coloured table)

    from metro_poverty.charts import dumbbell, maps, ranking, spec, trend  # noqa: F401

    at = _open(None, {})
    at.run()


def measure_parts(runs: int, kelurahan: str) -> dict:
    """The pieces that grow with the number of regions, measured directly (no Streamlit run)."""
    import pickle

    import shapely
    import shapely.geometry
    import streamlit as st

    from metro_poverty import db
    from metro_poverty.catalog import CATALOGUE_PARAMS
    from metro_poverty.charts import theme
    from metro_poverty.charts.maps import choropleth, features, map_classes
    from metro_poverty.ui import cache, maps

    con = db.read_connection()
    counts = dict(con.execute("select level, count(*) from regions group by level").fetchall())
    out: dict = {
        "kecamatan": counts.get("kecamatan", 0), "kelurahan": counts.get("kelurahan", 0),
        "observations": con.execute("select count(*) from observations").fetchone()[0],
        "store_mib": db.store_path().stat().st_size / 2**20,
        "queries": [], "maps": [],
    }
    catalogue = cache.catalogue()
    ind = catalogue[MAP_INDICATOR]
    period = {lvl: maps.shown_period(ind, lvl, 9999) for lvl in ind.map_levels}
    queries = [
        ("indicator_history_by_level", dict(indicator=ind.code, level="kelurahan")),
        ("indicator_by_region", dict(indicator=ind.code, level="kelurahan", period=period["kelurahan"])),
        ("boundaries_by_level", dict(level="kelurahan")),
        ("boundaries_by_level", dict(level="kecamatan")),
        ("region_indicator_history", dict(region=kelurahan)),
        ("regions_all", {}),
        ("indicator_catalogue", dict(CATALOGUE_PARAMS)),
    ]
    for name, params in queries:
        samples, frame = _timed(lambda: db.read(name, **params), runs)
        shown = ", ".join(f"{k}={v}" for k, v in params.items() if k != "indicator")
        out["queries"].append({"name": f"{name}({shown})", "rows": len(frame), **_stats(samples)})

    for level, selected in (("kelurahan", kelurahan), ("kecamatan", None)):
        values = db.read("indicator_by_region", indicator=ind.code, level=level, period=period[level])
        shapes = db.read("boundaries_by_level", level=level)
        context = db.read("boundaries_by_level", level="kecamatan") if level == "kelurahan" else None
        classes = map_classes(values, ind, "id", level)
        feat, _ = _timed(lambda: features(shapes, values, ind, "id", classes, selected), runs)

        def build():
            chart, cls, datasets = choropleth(shapes, values, ind, "id", level, context=context, selected=selected,
                                              selection=maps.SELECTION, height=560)
            return theme.spec(chart, "id", datasets=datasets), cls, values, "boundary"

        built, cached = _timed(build, runs)
        spec = cached[0]
        text = json.dumps(spec)
        dumps, _ = _timed(lambda: json.dumps(spec), runs)
        loads, _ = _timed(lambda: json.loads(text), runs)
        blob = pickle.dumps(cached)
        hit, _ = _timed(lambda: pickle.loads(blob), runs)
        keys = iter(range(10**6))
        draw, _ = _timed(lambda: st.vega_lite_chart(spec=spec, width="stretch", key=f"bench-{next(keys)}",
                                                    selection_mode=maps.SELECTION, on_select=lambda: None), runs)
        vertices = int(sum(shapely.get_num_coordinates(shapely.geometry.shape(f["geometry"]))
                           for d in ("features", "context") for f in spec.get("datasets", {}).get(d, [])))
        out["maps"].append({
            "level": level, "polygons": len(shapes) + (len(context) if context is not None else 0), "vertices": vertices,
            "spec_kib": len(text) / 1024, "features": _stats(feat), "build": _stats(built), "json_dumps": _stats(dumps),
            "json_loads": _stats(loads), "cache_hit_unpickle": _stats(hit), "st_vega_lite_chart": _stats(draw),
        })

    samples, _ = _timed(cache.catalogue, max(runs, 20))
    out["catalogue_call"] = _stats(samples)
    return out


def count_catalogue_calls(page: str, params: dict) -> int:
    """How many times one warm rerun of a page calls cache.catalogue() (each call rebuilds the Indicator objects)."""
    from metro_poverty.ui import cache

    at = _open(page, params)
    at.run()
    at.run()
    original, calls = cache.catalogue, [0]

    def counted():
        calls[0] += 1
        return original()

    cache.catalogue = counted
    try:
        at.run()
    finally:
        cache.catalogue = original
    return calls[0]


def worker(scale: str, runs: int, out_path: Path) -> None:
    import logging
    import warnings

    from streamlit import config

    warnings.filterwarnings("ignore")
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    config.set_option("client.showErrorDetails", "full")  # a page that fails says why in the table
    from metro_poverty import db

    regions = db.read("regions_all")
    kelurahan = regions[regions.level == "kelurahan"].region_code.iloc[0]
    kecamatan = regions[regions.level == "kecamatan"].region_code.iloc[0]
    result: dict = {"scale": scale, "store": str(db.store_path()), "load_before": os.getloadavg()}
    started = time.perf_counter()
    _warm_imports()
    result["parts"] = measure_parts(max(3, runs // 3), kelurahan)
    result["views"] = []
    for page_label, view_label, page, params in cases(kelurahan, kecamatan):
        r = measure_view(page, params, runs, COLD_RUNS if runs > 5 else 3)
        result["views"].append({"page": page_label, "view": view_label, **r})
        print(f"  {scale}: {page_label} / {view_label}: first {r['cold'] * 1000:.0f} ms, warm median {r['warm']['median'] * 1000:.0f} ms"
              + (f"  PROBLEMS: {r['problems']}" if r["problems"] else ""), flush=True)
    result["catalogue_calls_map_rerun"] = count_catalogue_calls(DIMENSION_PAGES["income"][1], {})
    result["load_after"] = os.getloadavg()
    result["seconds"] = time.perf_counter() - started
    out_path.write_text(json.dumps(result))


# ------------------------------------------------------------------------------------------- parent side


def run_scale(scale: str, store_dir: Path, runs: int, tmp: Path) -> dict:
    home = tmp / f"home-{scale}"
    home.mkdir()
    out = tmp / f"{scale}.json"
    env = {**os.environ, "METRO_POVERTY_STORE_DIR": str(store_dir), "HOME": str(home), "PYTHONWARNINGS": "ignore"}
    cmd = [sys.executable, __file__, "--worker", scale, "--runs", str(runs), "--out", str(out)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return json.loads(out.read_text())


def ms(x: float) -> str:
    return f"{x * 1000:.1f} ms" if x < 0.01 else f"{x * 1000:.0f} ms"


def spread(s: dict) -> str:
    return f"{s['median'] * 1000:.0f} ms ({s['min'] * 1000:.0f}–{s['max'] * 1000:.0f}, n={s['n']})"


def views_table(r: dict) -> list[str]:
    target = TARGETS_MS[r["scale"]] / 1000
    p = r["parts"]
    lines = [f"### {r['scale'].capitalize()} scale: {p['kecamatan']} kecamatan, {p['kelurahan']} kelurahan, "
             f"{p['observations']:,} observations ({p['store_mib']:.1f} MiB store); target ≤ {ms(target)} per rerun", "",
             "| page | view | first rerun, caches empty: median (min–max, n) | warm reruns: median (min–max, n) | within target (first / warm) |",
             "|---|---|---|---|---|"]
    for v in r["views"]:
        ok = " / ".join("yes" if x <= target else "**no**" for x in (v["cold"], v["warm"]["median"]))
        note = f" ⚠ {'; '.join(v['problems'])}" if v["problems"] else ""
        lines.append(f"| {v['page']} | {v['view']}{note} | {spread(v['cold_stats'])} | {spread(v['warm'])} | {ok} |")
    warm = [v["warm"]["median"] for v in r["views"]]
    lines += ["", f"{sum(w <= target for w in warm)} of {len(warm)} views within target when warm, "
              f"{sum(v['cold'] <= target for v in r['views'])} of {len(warm)} on the first rerun. "
              f"Load average (1 min) {r['load_before'][0]:.1f} before, {r['load_after'][0]:.1f} after; "
              f"{r['seconds']:.0f} s for this scale.", ""]
    return lines


def growth_table(results: list[dict]) -> list[str]:
    names = [r["scale"] for r in results]
    head = "| measure | " + " | ".join(names) + (" | growth |" if len(results) == 2 else " |")
    lines = ["### What grows with the number of regions (measured outside Streamlit; median of repeated runs)", "",
             head, "|---|" + "---|" * (len(results) + (1 if len(results) == 2 else 0))]

    def row(label: str, values: list[float], fmt) -> None:
        g = f" | ×{values[1] / values[0]:.0f}" if len(values) == 2 and values[0] else (" | –" if len(values) == 2 else "")
        g = g.replace("×0", "×<1") if g.startswith(" | ×0") else g
        lines.append(f"| {label} | " + " | ".join(fmt(v) for v in values) + g + " |")

    parts = [r["parts"] for r in results]
    row("regions: kecamatan + kelurahan", [p["kecamatan"] + p["kelurahan"] for p in parts], lambda v: f"{v:,}")
    row("observations in the store", [p["observations"] for p in parts], lambda v: f"{v:,}")
    for i, q in enumerate(parts[0]["queries"]):
        row(f"query `{q['name']}` (rows: {' / '.join(str(p['queries'][i]['rows']) for p in parts)})",
            [p["queries"][i]["median"] for p in parts], ms)
    for i, m in enumerate(parts[0]["maps"]):
        what = "kelurahan map with kecamatan outlines, a region selected" if m["level"] == "kelurahan" else "kecamatan map"
        maps_ = [p["maps"][i] for p in parts]
        row(f"{what}: polygons drawn", [x["polygons"] for x in maps_], lambda v: f"{v:,}")
        row(f"{what}: vertices in the spec", [x["vertices"] for x in maps_], lambda v: f"{v:,}")
        row(f"{what}: spec size (JSON)", [x["spec_kib"] for x in maps_], lambda v: f"{v:,.0f} KiB")
        row(f"{what}: build the spec (choropleth + vega_spec; cache miss)", [x["build"]["median"] for x in maps_], ms)
        row("  of which the GeoJSON features (json.loads of every geometry)", [x["features"]["median"] for x in maps_], ms)
        row("  cache hit: st.cache_data unpickles the cached spec (every rerun)", [x["cache_hit_unpickle"]["median"] for x in maps_], ms)
        row("  st.vega_lite_chart(spec, selectable) marshalling (every rerun)", [x["st_vega_lite_chart"]["median"] for x in maps_], ms)
        row("  one json.dumps / json.loads of the spec", [x["json_dumps"]["median"] + x["json_loads"]["median"] for x in maps_], ms)
    row("`cache.catalogue()`, one call (warm cache)", [p["catalogue_call"]["median"] for p in parts], ms)
    row("  calls in one warm rerun of a dimension page's map view", [r["catalogue_calls_map_rerun"] for r in results], lambda v: f"{v}")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--runs", type=int, help="warm reruns per view (default 15, 5 with --quick)")
    parser.add_argument("--scale", choices=["city", "province", "both"], default="both")
    parser.add_argument("--keep", action="store_true", help="keep the generated province store and print its directory")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    if args.worker:
        worker(args.worker, runs, Path(args.out))
        return

    from metro_poverty import paths
    from metro_poverty.store.build import Inputs, build, is_stale

    if is_stale(Inputs()):
        build(Inputs())
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    results, notes = [], []
    try:
        if args.scale in ("city", "both"):
            print("city scale (the real store) ...", flush=True)
            results.append(run_scale("city", paths.STORE_DIR, runs, tmp))
        if args.scale in ("province", "both"):
            from province_store import generate

            store = generate(tmp / "province-store")
            notes.append(f"Province store generated by bench/province_store.py in {store.seconds:.1f} s: {store.n_kecamatan} kecamatan, "
                         f"{store.n_kelurahan} kelurahan, {store.mean_vertices['kelurahan']:.0f} / {store.mean_vertices['kecamatan']:.0f} "
                         f"vertices per kelurahan / kecamatan polygon (the real simplified boundaries: about 48 / 124).")
            print(f"province scale ({store.directory}) ...", flush=True)
            results.append(run_scale("province", store.directory, runs, tmp))
            if args.keep:
                kept = Path(tempfile.mkdtemp(prefix="metro-province-"))
                shutil.copytree(store.directory, kept, dirs_exist_ok=True)
                notes.append(f"Kept: METRO_POVERTY_STORE_DIR={kept}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    lines = ["## Page reruns at city and province scale (bench/bench_pages.py)", "", f"Machine: {machine()}", "",
             "Server-side duration of one Streamlit rerun (the ScriptRunner thread), through the real app.py frame "
             "(AppTest), the view opened from its URL parameters. *First rerun*: every st.cache_data cache and the "
             "catalogue cleared (as on the first visit after a new store build; modules imported, store file open), median of "
             f"{COLD_RUNS} (3 with --quick). *Warm*: the same "
             "view rerun again (a widget click, the next visitor).", ""]
    lines += [f"{n}" for n in notes] + ([""] if notes else [])
    for r in results:
        lines += views_table(r)
    lines += growth_table(results)
    lines.append(f"Whole run: {time.perf_counter() - started:.0f} s.")
    text = "\n".join(lines) + "\n"
    print(text)
    print(f"written to {write_report('bench_pages', text)}")


if __name__ == "__main__":
    main()

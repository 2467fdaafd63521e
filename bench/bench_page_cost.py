"""Benchmark: what one visit to each page costs, on both sides of the wire (issue 13's test-suite time and a
projector laptop's wait): the server's CPU (utime+stime of the Streamlit process and its children, from /proc)
and the browser's script time (Chrome's own Performance.getMetrics, ScriptDuration) for one fresh tab
opening the page, until it is drawn. Median of --runs visits per page, after one visit that fills the caches.

Not a test: prints a Markdown table and writes artifacts/bench_page_cost.md.
Run: .venv/bin/python bench/bench_page_cost.py [--quick] [--streamlit-defaults]   (or `make bench`)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests"), str(HERE.parent)]


def page_costs(runs: int, options: tuple[str, ...] = ()) -> list[tuple[str, list[float], list[float]]]:
    from bench_crowd import server_cpu
    from browser_support import CHROMIUM, CHROMIUM_ARGS, app_process, wait_rendered
    from playwright.sync_api import sync_playwright

    from metro_poverty.ui.pages import PAGES

    out = []
    with app_process(args=options) as (base, server), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 720})  # the bundle cached, as for a second visit
        for page_def in PAGES:
            url = f"{base}/{page_def.url_path}"
            server_s, script_s = [], []
            for i in range(runs + 1):
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                before = server_cpu([server.pid])
                page.goto(url)
                wait_rendered(page)
                spent = server_cpu([server.pid]) - before
                metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                page.close()
                if i:  # the first visit fills the caches
                    server_s.append(spent)
                    script_s.append(metrics["ScriptDuration"])
            out.append((page_def.url_path or "/", server_s, script_s))
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="3 visits per page instead of 5")
    parser.add_argument("--streamlit-defaults", action="store_true",
                        help="the server with Streamlit's own options (source watcher, GC after each run), not .streamlit/config.toml's")
    args = parser.parse_args()
    from common import print_table_report

    from metro_poverty.proxy import STREAMLIT_DEFAULTS

    costs = page_costs(3 if args.quick else 5, STREAMLIT_DEFAULTS if args.streamlit_defaults else ())
    rows = [(path if path.startswith("/") else f"/{path}", f"{statistics.median(server_s):.2f} s", f"{statistics.median(script_s):.2f} s")
            for path, server_s, script_s in costs]
    name = "bench_page_cost_streamlit_defaults" if args.streamlit_defaults else "bench_page_cost"
    print_table_report(name, ("page (a fresh tab, 1280×720)", "server CPU per visit, median", "browser script time per visit, median"), rows)


if __name__ == "__main__":
    main()

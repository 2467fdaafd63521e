"""Benchmark of the downloads: how long a click waits for each file (made only on a click).

Not a test: prints a Markdown table and writes artifacts/bench_exports.md.
Run: .venv/bin/python bench/bench_exports.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import machine, summary, write_report  # noqa: E402


def timed(make, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        make()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    from metro_poverty.exports import brief, chart_image, tables
    from metro_poverty.store.build import Inputs, build, is_stale
    from metro_poverty.ui import maps

    if is_stale(Inputs()):
        build(Inputs())
    spec, _, values, _ = maps.map_spec("stunting_eppgbm", "kelurahan", 2024, "id")
    options = dict(title="Stunting (e-PPGBM), 2024", source="Sumber: Dinas Kesehatan", statuses=list(values.status), lang="id")
    first = timed(lambda: chart_image.chart_png(spec, **options), 1)  # starts vl-convert once per process
    rows = [("map as PNG 1600×900, first in the process", summary(first)),
            ("map as PNG 1600×900", summary(timed(lambda: chart_image.chart_png(spec, **options), 5))),
            ("map as SVG 1600×900", summary(timed(lambda: chart_image.chart_svg(spec, **options), 5))),
            ("22-row table as XLSX with metadata", summary(timed(lambda: tables.table_xlsx(values, "id", rows=values), 5))),
            ("city brief 2024 as PDF", summary(timed(lambda: brief.city_brief_pdf(2024, "id"), 3)))]
    text = "\n".join([f"Machine: {machine()}", "", "| download | time | ", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]) + "\n"
    print(text)
    print(f"written to {write_report('bench_exports', text)}")


if __name__ == "__main__":
    main()

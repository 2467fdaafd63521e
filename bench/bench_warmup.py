"""Benchmark of the server's warm-up (metro_poverty/ui/warmup.py): what it saves the first visitor.

Not a test: prints a Markdown table and writes artifacts/bench_warmup.md.
Run: .venv/bin/python bench/bench_warmup.py [--quick]   (also part of `make bench`)

Each sample runs in a fresh Python process, as a new server is one, with the store in a temporary folder;
the two variants of each measure alternate, so the machine's load falls on both. Timed: the server-side
duration of the Overview's script run (AppTest through app.py, the ScriptRunner thread).
- First run after the start-up warm-up: warm() as serve.py runs it, against warm() without its first step
  (first_run_once: Streamlit's one-time REPL check and the imports only a first run needs).
- First rerun on a new store: a store built while the Overview is open, then the Overview's next run, with
  the new store warmed as the server warms it (warmup.follow's thread, waited for) against not warmed.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ROOT, print_table_report, summary  # noqa: E402

CHILD = r"""
import json, logging, sys, time, warnings
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
sys.path.insert(0, {bench!r})
from common import script_thread_timer
from streamlit.testing.v1 import AppTest
from metro_poverty.store.build import Inputs, build
from metro_poverty.ui import warmup

measure, variant = sys.argv[1], sys.argv[2]
samples = []
if measure == "first_run":
    if variant == "without":
        warmup.first_run_once = lambda: None
    warmup.warm()
    at = AppTest.from_file({app!r}, default_timeout=60)
    with script_thread_timer(samples):
        at.run()
else:  # new_store
    at = AppTest.from_file({app!r}, default_timeout=60)
    at.run(); at.run()  # the Overview open, its caches warm
    build(Inputs())  # a new store file: every query keyed by the store misses
    if variant == "with":
        warmup._warm_new_store()  # what follow()'s thread does for a store the server has not seen
    with script_thread_timer(samples):
        at.run()
print(json.dumps(samples[-1]))
"""


def sample(store_dir: Path, measure: str, variant: str) -> float:
    env = {**os.environ, "METRO_POVERTY_STORE_DIR": str(store_dir), "METRO_POVERTY_INTAKE_DIR": str(store_dir / "intake")}
    code = CHILD.format(bench=str(ROOT / "bench"), app=str(ROOT / "app.py"))
    out = subprocess.run([sys.executable, "-c", code, measure, variant], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    runs = 3 if parser.parse_args().quick else 7
    from metro_poverty import paths
    from metro_poverty.store.build import Inputs, build

    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "store"
        build(Inputs(data_dir=paths.DATA_DIR, boundaries_dir=paths.BOUNDARIES_DIR, store_dir=store_dir))
        results: dict[tuple[str, str], list[float]] = {}
        for _ in range(runs):
            for measure in ("first_run", "new_store"):
                for variant in ("with", "without"):
                    results.setdefault((measure, variant), []).append(sample(store_dir, measure, variant))
        shutil.rmtree(store_dir, ignore_errors=True)

    def ratio(measure: str) -> str:
        return f"{statistics.median(results[(measure, 'with')]) / statistics.median(results[(measure, 'without')]):.2f}× without"

    rows = [
        ("Overview, first script run of a process after warm(): with its first step (first_run_once)", results[("first_run", "with")],
         ratio("first_run")),
        ("the same, warm() without first_run_once", results[("first_run", "without")], "–"),
        ("Overview, first run on a store built while it was open: the new store warmed (warmup.follow's thread)",
         results[("new_store", "with")], ratio("new_store")),
        ("the same, the new store not warmed", results[("new_store", "without")], "–"),
    ]
    print_table_report("bench_warmup", ("measure (server-side script run, AppTest, a fresh process per sample)", "result", "ratio"),
                       [(label, summary(samples), r) for label, samples, r in rows])


if __name__ == "__main__":
    main()

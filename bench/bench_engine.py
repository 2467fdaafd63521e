"""Benchmark of the poverty engine: the server-side recompute of one scenario at three scales, against a
straightforward polars implementation of the same computation (bench/polars_scenario.py).

Not a test. For each scale, each step in a fresh process:
1. build: a store-like DuckDB file with the engine's tables (queries/engine_households_create.sql) made
   from the shipped SYNTHETIC households; at province and national-register scale resampled into new
   regions by queries/engine_bench_households_input.sql. Build time is reported, not part of a target.
2. engine: open the file read-only, as the app reads the store (threads = 2), run one warm-up, then time
   run_scenario() (FGT before/after, M0 before/after, budget, persons lifted, for every kelurahan,
   kecamatan and kab/kota) several times with a different transfer each run: median wall time, CPU time
   (both threads) and the process's peak resident memory (ru_maxrss covers DuckDB's own allocations).
3. polars: the same scenarios with bench/polars_scenario.py on the same households (loaded and prepared
   once, not timed), two threads as well.
4. pandas (only with --pandas): the tests' pandas oracle, tests/engine_reference.py.
The warm-up scenario's results of each implementation are compared, every region and every column
(relative and absolute tolerance 1e-9). The machine is shared: the load average is read before and after each
step, and CPU time is reported beside wall time.

Run: .venv/bin/python bench/bench_engine.py [--quick] [--pandas] [--keep-build] [--scales city,province]
  --quick       skips the 25-million scale
  --keep-build  reuses the files of an earlier run (only when the engine's tables have not changed)
Prints a Markdown table and writes artifacts/bench_engine.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ARTIFACTS, machine, write_report  # noqa: E402

WORK_DIR = ARTIFACTS / "bench_engine"
THREADS = 2
BASELINE_LINE_RP = 503_161.0
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Scale:
    name: str
    households: int
    kelurahan: int | None  # None: the shipped city file as it is
    engine_runs: int
    polars_runs: int
    target_ms: float | None

    @property
    def path(self) -> Path:
        return WORK_DIR / f"{self.name}.duckdb"

    def result_path(self, step: str) -> Path:
        return WORK_DIR / f"{self.name}_{step}.parquet"


SCALES = {
    "city": Scale("city", 50_000, None, 21, 9, None),
    "province": Scale("province", 2_500_000, 2_600, 21, 7, 50),
    "national": Scale("national", 25_000_000, 26_000, 11, 3, 500),
}
KELURAHAN_PER_KECAMATAN = 11
KECAMATAN_PER_CITY = 16
PEAK_TARGET_MIB = 1536


def scenario_for_run(i: int, scale: Scale):
    """A scenario with every lever in use; the transfer moves a little each run, as a slider would."""
    from metro_poverty.engine import Scenario

    regions = ("18.72.02", "18.72.05.1002") if scale.kelurahan is None else ("11.02.03", "11.01.01.1001")
    return Scenario(
        transfer_rp_per_month=300_000 + 1_000 * i, target_deciles=(1, 2), target_regions=regions,
        exclusion_error_pct=10, inclusion_error_pct=5, growth_d1_4_pct=2, growth_d5_10_pct=1, inflation_pct=3,
    )


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_runs(compute, scale: Scale, runs: int) -> dict:
    """One warm-up with scenario 0 (its result is the one compared between implementations), then `runs`
    timed runs with scenarios 1..runs."""
    checked = compute(scenario_for_run(0, scale))
    load = os.getloadavg()[0]
    walls, cpus = [], []
    for i in range(1, runs + 1):
        scenario = scenario_for_run(i, scale)
        wall, cpu = time.perf_counter(), time.process_time()
        result = compute(scenario)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"walls": walls, "cpus": cpus, "peak_mib": peak_rss_mib(), "load": [load, os.getloadavg()[0]],
            "result": checked, "levels": result["level"].value_counts().to_dict()}


# Each step runs in its own process and prints one JSON line.

def step_build(scale: Scale) -> dict:
    import duckdb

    from metro_poverty import db
    from metro_poverty.microdata import load_households

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    scale.path.unlink(missing_ok=True)
    start = time.perf_counter()
    con = duckdb.connect(str(scale.path), config={"threads": THREADS, "preserve_insertion_order": False})
    city = load_households().frame
    if scale.kelurahan is None:
        con.register("households_input", city)
    else:
        con.register("households_city", city)
        db.execute(con, "engine_bench_households_input", n_households=scale.households, n_kelurahan=scale.kelurahan,
                   kelurahan_per_kecamatan=KELURAHAN_PER_KECAMATAN, kecamatan_per_city=KECAMATAN_PER_CITY)
    db.execute(con, "engine_households_create")
    con.close()
    return {"build_s": time.perf_counter() - start, "file_mib": scale.path.stat().st_size / 2**20}


def step_engine(scale: Scale) -> dict:
    import duckdb

    from metro_poverty.engine import run_scenario

    con = duckdb.connect(str(scale.path), read_only=True, config={"threads": THREADS})
    out = timed_runs(lambda scenario: run_scenario(con, scenario, BASELINE_LINE_RP), scale, scale.engine_runs)
    out.pop("result").to_parquet(scale.result_path("engine"))
    return out


def _input_frame(scale: Scale):
    """The household file the engine's tables were made from, as an Arrow table."""
    import duckdb

    from metro_poverty.microdata import load_households

    if scale.kelurahan is None:
        import pyarrow as pa

        return pa.Table.from_pandas(load_households().frame, preserve_index=False)
    con = duckdb.connect(str(scale.path), read_only=True)
    table = con.table("households_input").arrow()
    con.close()
    return table


def step_polars(scale: Scale) -> dict:
    import polars as pl

    import polars_scenario

    households = polars_scenario.prepare(pl.from_arrow(_input_frame(scale)))
    out = timed_runs(lambda scenario: polars_scenario.scenario_by_region(households, scenario, BASELINE_LINE_RP),
                     scale, scale.polars_runs)
    out.pop("result").to_parquet(scale.result_path("polars"))
    return out


def step_pandas(scale: Scale) -> dict:
    from tests import engine_reference

    frame = _input_frame(scale).to_pandas()
    frame = frame.astype({"kelurahan_code": "category", "kecamatan_code": "category"})
    out = timed_runs(lambda scenario: engine_reference.scenario_by_region(frame, scenario, BASELINE_LINE_RP), scale,
                     max(1, scale.polars_runs // 3))
    out.pop("result").to_parquet(scale.result_path("pandas"))
    return out


STEPS = {"build": step_build, "engine": step_engine, "polars": step_polars, "pandas": step_pandas}


def run_step(step: str, scale: Scale) -> dict:
    done = subprocess.run([sys.executable, __file__, "--step", step, scale.name], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{step} at {scale.name} scale failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def differences(scale: Scale, step: str) -> list[str]:
    """Columns where `step`'s result differs from the engine's (every region, every column)."""
    import numpy as np
    import pandas as pd

    engine = pd.read_parquet(scale.result_path("engine"))
    other = pd.read_parquet(scale.result_path(step))
    keys = ["region_code", "level"]
    merged = engine.merge(other, on=keys, how="outer", suffixes=("", "_other"), indicator=True)
    if len(merged) != len(engine) or (merged["_merge"] != "both").any():
        return ["regions"]
    bad = []
    for column in engine.columns.drop(keys):
        a, b = merged[column].to_numpy(float), merged[f"{column}_other"].to_numpy(float)
        if not np.allclose(a, b, rtol=TOLERANCE, atol=TOLERANCE, equal_nan=True):
            bad.append(column)
    return bad


def measure(scale: Scale, with_pandas: bool, keep_build: bool) -> dict:
    if keep_build and scale.path.exists():
        build = {"build_s": float("nan"), "file_mib": scale.path.stat().st_size / 2**20}
    else:
        print(f"{scale.name}: building {scale.households:,} households …", file=sys.stderr, flush=True)
        build = run_step("build", scale)
    row = {"scale": scale, "build": build}
    for step in ("engine", "polars", "pandas") if with_pandas else ("engine", "polars"):
        print(f"{scale.name}: {step} …", file=sys.stderr, flush=True)
        row[step] = run_step(step, scale)
        if step != "engine":
            row[f"{step}_differs"] = differences(scale, step)
    return row


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _load(step: dict) -> str:
    return f"{step['load'][0]:.1f} → {step['load'][1]:.1f}"


def report(rows: list[dict], command: str) -> str:
    lines = [
        "# Poverty engine benchmark: one scenario recomputed (all regions, all indices), engine and polars",
        "",
        f"Machine: {machine()}. DuckDB threads = {THREADS}, polars threads = {THREADS}; the engine reads a store-like "
        "DuckDB file, read-only.",
        f"Command: `{command}`, {time.strftime('%Y-%m-%d %H:%M %Z')}.",
        "",
        "| scale | households | kelurahan / kecamatan / kab-kota | engine median (min–max, n) | target | met | engine CPU per run "
        "| engine peak RSS | polars median (n) | polars CPU per run | polars ÷ engine | same results | load avg engine; polars |",
        "|---|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        s, e, p = r["scale"], r["engine"], r["polars"]
        med, pmed = statistics.median(e["walls"]), statistics.median(p["walls"])
        levels = e["levels"]
        target = f"≤ {s.target_ms:.0f} ms" if s.target_ms else "–"
        met = _mark(med * 1000 <= s.target_ms) if s.target_ms else "–"
        lines.append(
            f"| {s.name} | {s.households:,} | {levels.get('kelurahan', 0):,} / {levels.get('kecamatan', 0):,} / {levels.get('city', 0):,} "
            f"| {_ms(med)} ({_ms(min(e['walls']))}–{_ms(max(e['walls']))}, n={len(e['walls'])}) | {target} | {met} "
            f"| {_ms(statistics.median(e['cpus']))} | {e['peak_mib']:,.0f} MiB "
            f"| {_ms(pmed)} (n={len(p['walls'])}) | {_ms(statistics.median(p['cpus']))} | {pmed / med:.1f}× "
            f"| {_mark(not r['polars_differs'])} | {_load(e)}; {_load(p)} |"
        )
    lines += ["", *_verdicts(rows), "", *_details(rows), "",
              "Engine peak RSS is the whole measuring process (Python, pandas, DuckDB's buffer pool) after opening the file, "
              "one warm-up and the timed runs. CPU per run adds up both threads. A load average above 2 means other work "
              "shared the two cores, which lengthens wall times more than CPU times. Same results: every column of every "
              "region of the warm-up scenario agrees within 1e-9 (relative and absolute)."]
    return "\n".join(lines) + "\n"


def _verdicts(rows: list[dict]) -> list[str]:
    out = []
    for r in rows:
        s, e, p = r["scale"], r["engine"], r["polars"]
        med = statistics.median(e["walls"])
        ratio = statistics.median(p["walls"]) / med
        if s.target_ms:
            out.append(f"- {s.name}: a scenario in ≤ {s.target_ms:.0f} ms: {_mark(med * 1000 <= s.target_ms)} ({_ms(med)}, "
                       f"CPU {_ms(statistics.median(e['cpus']))})")
            out.append(f"- {s.name}: engine faster than polars: {_mark(ratio > 1)} ({ratio:.1f}×, CPU "
                       f"{statistics.median(p['cpus']) / statistics.median(e['cpus']):.1f}×)")
        if s.name == "national":
            out.append(f"- national: peak memory ≤ {PEAK_TARGET_MIB:,} MiB: {_mark(e['peak_mib'] <= PEAK_TARGET_MIB)} "
                       f"({e['peak_mib']:,.0f} MiB)")
        for step in ("polars", "pandas"):
            if r.get(f"{step}_differs"):
                out.append(f"- {s.name}: **{step} differs from the engine** in {', '.join(r[f'{step}_differs'])}")
    return out


def _details(rows: list[dict]) -> list[str]:
    out = ["| scale | build | file | polars peak RSS | pandas median (n) | pandas ÷ engine |", "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        s, e, p = r["scale"], r["engine"], r["polars"]
        pandas = r.get("pandas")
        pandas_cells = (f"{_ms(statistics.median(pandas['walls']))} (n={len(pandas['walls'])}) | "
                        f"{statistics.median(pandas['walls']) / statistics.median(e['walls']):.1f}×") if pandas else "– | –"
        build = "kept" if r["build"]["build_s"] != r["build"]["build_s"] else f"{r['build']['build_s']:.0f} s"
        out.append(f"| {s.name} | {build} | {r['build']['file_mib']:,.0f} MiB | {p['peak_mib']:,.0f} MiB | {pandas_cells} |")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 25-million-household scale")
    parser.add_argument("--pandas", action="store_true", help="also time the tests' pandas oracle")
    parser.add_argument("--keep-build", action="store_true", help="reuse the files of an earlier run")
    parser.add_argument("--scales", default=",".join(SCALES), help="comma-separated scales to run (default: all)")
    parser.add_argument("--step", nargs=2, metavar=("STEP", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        step, scale = args.step
        print(json.dumps(STEPS[step](SCALES[scale])))
        return 0
    names = [name for name in args.scales.split(",") if not (args.quick and name == "national")]
    rows = [measure(SCALES[name], args.pandas, args.keep_build) for name in names]
    command = " ".join([".venv/bin/python bench/bench_engine.py", *(argv if argv is not None else sys.argv[1:])])
    text = report(rows, command.strip())
    print(text)
    print(f"written to {write_report('bench_engine', text)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

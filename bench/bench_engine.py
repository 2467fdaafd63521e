"""Benchmark of the poverty engine: the server-side recompute of one scenario at three scales.

Not a test. For each scale, each step in a fresh process:
1. build: a store-like DuckDB file with the engine's `households` table (the shipped SYNTHETIC
   households; at province and national-register scale resampled into new regions by
   queries/engine_bench_households_input.sql). Build time is reported, not part of a target.
2. engine: open the file read-only, as the app reads the store (threads = 2), run one warm-up,
   then time run_scenario() (FGT before/after, M0 before/after, budget, persons lifted, for every
   kelurahan, kecamatan and kab/kota) several times with a different transfer each run; median,
   and the process's peak resident memory (ru_maxrss covers DuckDB's own allocations).
3. pandas: the same scenario with the plain pandas implementation (tests/engine_reference.py)
   on the same households; its city figures are checked against the engine's.

Run: .venv/bin/python bench/bench_engine.py [--quick]   (--quick skips the 25-million scale)
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


@dataclass(frozen=True)
class Scale:
    name: str
    households: int
    kelurahan: int | None  # None: the shipped city file as it is
    engine_runs: int
    pandas_runs: int
    target_ms: float

    @property
    def path(self) -> Path:
        return WORK_DIR / f"{self.name}.duckdb"


SCALES = {
    "city": Scale("city", 50_000, None, 21, 9, 30),
    "province": Scale("province", 2_500_000, 2_600, 11, 5, 100),
    "national": Scale("national", 25_000_000, 26_000, 7, 3, 1000),
}
KELURAHAN_PER_KECAMATAN = 11
KECAMATAN_PER_CITY = 16
PEAK_TARGET_MIB = 1536
PANDAS_RATIO_TARGET = 2.0


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
    result = run_scenario(con, scenario_for_run(0, scale))  # warm-up: reads the table into the buffer pool
    walls, cpus = [], []
    for i in range(1, scale.engine_runs + 1):
        scenario = scenario_for_run(i, scale)
        wall, cpu = time.perf_counter(), time.process_time()
        result = run_scenario(con, scenario)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {
        "walls": walls, "cpus": cpus, "peak_mib": peak_rss_mib(), "levels": result["level"].value_counts().to_dict(),
        "check": _city_check(result),
    }


def step_pandas(scale: Scale) -> dict:
    from tests import engine_reference as reference

    frame = _pandas_frame(scale)
    last = scale.engine_runs
    reference.scenario_by_region(frame, scenario_for_run(last, scale), 503_161.0)  # warm-up
    walls = []
    for i in range(scale.pandas_runs):
        start = time.perf_counter()
        result = reference.scenario_by_region(frame, scenario_for_run(last, scale), 503_161.0)
        walls.append(time.perf_counter() - start)
    return {"walls": walls, "peak_mib": peak_rss_mib(), "check": _city_check(result)}


def _pandas_frame(scale: Scale):
    """The same households as the engine's, codes as categories, in the same (kelurahan) order."""
    import duckdb

    from metro_poverty.microdata import load_households

    if scale.kelurahan is None:
        frame = load_households().frame
    else:
        con = duckdb.connect(str(scale.path), read_only=True, config={"threads": THREADS})
        frame = con.table("households_input").df()
        con.close()
    frame = frame.astype({"kelurahan_code": "category", "kecamatan_code": "category"})
    return frame.sort_values(["kelurahan_code", "hh_id"], ignore_index=True)


def _city_check(result) -> list[float]:
    """City-level figures of the last run, to check that engine and pandas agree."""
    top = result[result["level"] == "city"].sort_values("region_code").iloc[0]
    return [float(top[c]) for c in ("p0_after_pct", "p1_after", "m0_after", "budget_rp_per_year", "persons_lifted")]


def run_step(step: str, scale: Scale) -> dict:
    done = subprocess.run([sys.executable, __file__, f"--{step}", scale.name], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{step} at {scale.name} scale failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(scale: Scale) -> dict:
    print(f"{scale.name}: building {scale.households:,} households …", file=sys.stderr, flush=True)
    build = run_step("build", scale)
    load_before = os.getloadavg()[0]
    print(f"{scale.name}: engine …", file=sys.stderr, flush=True)
    engine = run_step("engine", scale)
    print(f"{scale.name}: pandas …", file=sys.stderr, flush=True)
    pandas_ = run_step("pandas", scale)
    agree = all(abs(a - b) <= 1e-6 * max(1.0, abs(b)) for a, b in zip(engine["check"], pandas_["check"]))
    return {"scale": scale, "build": build, "engine": engine, "pandas": pandas_, "agree": agree,
            "load": (load_before, os.getloadavg()[0])}


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def report(rows: list[dict]) -> str:
    lines = [
        "# Poverty engine benchmark: one scenario recomputed (all regions, all indices)",
        "",
        f"Machine: {machine()}. DuckDB threads = {THREADS}; the table is read from a store-like DuckDB file, read-only.",
        "",
        "| scale | households | kelurahan / kecamatan / kab-kota | engine median (min–max) | target | met | engine CPU per run | "
        "engine peak RSS | pandas median | pandas ÷ engine | same results | build | load avg |",
        "|---|---:|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in rows:
        s, e, p = r["scale"], r["engine"], r["pandas"]
        med, pmed = statistics.median(e["walls"]) * 1000, statistics.median(p["walls"]) * 1000
        levels = e["levels"]
        lines.append(
            f"| {s.name} | {s.households:,} | {levels.get('kelurahan', 0):,} / {levels.get('kecamatan', 0):,} / {levels.get('city', 0):,} "
            f"| {med:.0f} ms ({min(e['walls']) * 1000:.0f}–{max(e['walls']) * 1000:.0f}, n={len(e['walls'])}) | ≤ {s.target_ms:.0f} ms "
            f"| {_mark(med <= s.target_ms)} | {statistics.median(e['cpus']) * 1000:.0f} ms | {e['peak_mib']:.0f} MiB "
            f"| {pmed:.0f} ms (n={len(p['walls'])}) | {pmed / med:.1f}× | {_mark(r['agree'])} | {r['build']['build_s']:.0f} s "
            f"| {r['load'][0]:.1f} → {r['load'][1]:.1f} |"
        )
    lines += ["", *_verdicts(rows), "",
              "Engine peak RSS is the whole measuring process (Python, pandas, DuckDB's buffer pool) after opening the file, "
              "one warm-up and the timed runs. Engine CPU per run adds up both threads. A load average above 0 before a run "
              "means other work shared the two cores. Build = making the file (resampling + the households table), "
              "not part of any target."]
    return "\n".join(lines) + "\n"


def _verdicts(rows: list[dict]) -> list[str]:
    out = []
    for r in rows:
        s, e, p = r["scale"], r["engine"], r["pandas"]
        ratio = statistics.median(p["walls"]) / statistics.median(e["walls"])
        if s.name in ("province", "national"):
            out.append(f"- {s.name}: engine ≥ {PANDAS_RATIO_TARGET:.0f}× faster than pandas: {_mark(ratio >= PANDAS_RATIO_TARGET)} ({ratio:.1f}×)")
        if s.name == "national":
            out.append(f"- national: peak memory ≤ {PEAK_TARGET_MIB} MiB: {_mark(e['peak_mib'] <= PEAK_TARGET_MIB)} ({e['peak_mib']:.0f} MiB)")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 25-million-household scale")
    for step in ("build", "engine", "pandas"):
        parser.add_argument(f"--{step}", choices=list(SCALES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for step, fn in (("build", step_build), ("engine", step_engine), ("pandas", step_pandas)):
        if getattr(args, step):
            print(json.dumps(fn(SCALES[getattr(args, step)])))
            return 0
    names = ["city", "province"] if args.quick else list(SCALES)
    rows = [measure(SCALES[name]) for name in names]
    text = report(rows)
    print(text)
    print(f"written to {write_report('bench_engine', text)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Shared by the benchmark scripts: the machine description, timing helpers, Markdown output."""

from __future__ import annotations

import os
import platform
import statistics
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms"


def summary(samples: list[float]) -> str:
    s = sorted(samples)
    return f"median {statistics.median(s) * 1000:.0f} ms (min {s[0] * 1000:.0f}, max {s[-1] * 1000:.0f}, n={len(s)})"


@contextmanager
def script_thread_timer(samples: list[float]):
    """Time each Streamlit script-runner thread: the server-side duration of one rerun, without AppTest's polling."""
    original = threading.Thread.run

    def timed(self):
        start = time.perf_counter()
        try:
            original(self)
        finally:
            if self.name.startswith("ScriptRunner"):
                samples.append(time.perf_counter() - start)

    threading.Thread.run = timed
    try:
        yield samples
    finally:
        threading.Thread.run = original


def print_table_report(name: str, header: tuple[str, str, str], rows: list[tuple]) -> None:
    """The machine and load, then a Markdown table of (measure, result, target or ratio) rows: printed and
    written to artifacts/<name>.md."""
    lines = [f"Machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the end", "", f"| {' | '.join(header)} |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    print(f"written to {write_report(name, text)}")


def write_report(name: str, text: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.md"
    path.write_text(text)
    return path

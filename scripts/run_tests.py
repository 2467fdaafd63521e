"""`make test`: the whole suite as two tiers at once, the real-browser tests and the rest.

The browser tier is one process (its pages and servers take the most CPU); the other tier runs beside it at a
lower priority in two processes, so the two cores stay busy from start to end (99 % in a measured run) and the
two tiers end together. The browser tier is shown as it runs; the other tier's output is kept in
artifacts/test-logs/ and printed when it ends. Arguments are passed to both
pytest runs (e.g. `-x`, `-k name`). `pytest` alone still runs everything, one test after the other.

The tests' temporary files (stores, records, uploads, servers' files) go to a fresh folder in memory (/dev/shm)
when it has room and TMPDIR is not set: on the 2-core machine the two tiers' writes and fsyncs queued on the one
disk (450 saved scenarios took 41 s in a full run against 3 s alone). The folder is removed at the end.

Exit status: 0 when both tiers pass (or a tier had nothing to run), 1 otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "artifacts" / "test-logs"
NO_TESTS_COLLECTED = 5  # pytest's exit status when a selection is empty
# The other tier in two processes (pytest-xdist, a test file each at a time): beside the browser tier its lower
# priority leaves it little, and once the browser tier is done it has both cores to itself.
OTHER_WORKERS = ["-n", "2", "--dist", "loadfile"]
MEMORY_DISK = Path("/dev/shm")
SCRATCH_FREE = 2 * 1024**3  # a full run writes about 200 MB; a small /dev/shm (a container's 64 MB) is not used


def scratch_dir(memory: Path = MEMORY_DISK, environ=os.environ) -> Path | None:
    """A new folder in memory for the tests' temporary files, or None (TMPDIR already chosen, or no room)."""
    if "TMPDIR" in environ:
        return None
    try:
        stat = os.statvfs(memory)
    except (AttributeError, OSError):  # not on Windows, nor where there is no /dev/shm
        return None
    if stat.f_bavail * stat.f_frsize < SCRATCH_FREE or not os.access(memory, os.W_OK):
        return None
    return Path(tempfile.mkdtemp(prefix="metro-poverty-tests-", dir=memory))


def _lower_priority() -> None:
    try:
        os.nice(15)
    except (AttributeError, OSError):  # not on Windows; the tier then runs at normal priority
        pass


def main(args: list[str], logs: Path = LOGS, scratch: Path | None = None) -> int:
    scratch = scratch or scratch_dir()
    try:
        return _run(args, logs, None if scratch is None else {**os.environ, "TMPDIR": str(scratch)})
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _run(args: list[str], logs: Path, env: dict | None) -> int:
    logs.mkdir(parents=True, exist_ok=True)
    pytest = [sys.executable, "-m", "pytest"]
    log_path = logs / "not-browser.log"
    start = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        other = subprocess.Popen([*pytest, "-m", "not browser", *OTHER_WORKERS, *args], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                 preexec_fn=_lower_priority if os.name == "posix" else None)
        print(f"==> Tier 1 of 2, every test but the browser tests, runs in the background (output: {log_path})", flush=True)
        if env is not None:
            print(f"==> Temporary files in memory: {env['TMPDIR']}", flush=True)
        print("==> Tier 2 of 2, the real-browser tests:", flush=True)
        try:
            browser = subprocess.run([*pytest, "-m", "browser", *args], cwd=ROOT, env=env).returncode
            browser_s = time.monotonic() - start
            other_rc = other.wait()
        except KeyboardInterrupt:
            other.terminate()
            raise
    other_s = time.monotonic() - start
    print(f"\n==> Tier 1 of 2, every test but the browser tests (finished after {other_s:.0f} s):", flush=True)
    print(log_path.read_text(encoding="utf-8"), flush=True)
    results = {"browser tests": (browser, browser_s), "other tests": (other_rc, other_s)}
    failed = [name for name, (rc, _) in results.items() if rc not in (0, NO_TESTS_COLLECTED)]
    summary = ", ".join(f"{name} {'failed' if name in failed else 'passed'} ({s:.0f} s)" for name, (_, s) in results.items())
    print(f"==> {summary}; the whole suite took {time.monotonic() - start:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

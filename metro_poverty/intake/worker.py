"""Previews in a worker process with a time and a memory limit, so no upload can stall or exhaust the
server (PITFALLS 13): the page, the CLI and load() call bounded_preview(), never the parser directly.

Each preview runs in a child forked from a small server process that has already imported the intake
(multiprocessing's forkserver: a fork costs milliseconds, and the web server, which runs threads, is
never forked itself). The parent watches the child's resident memory and the clock:

- memory: the child's resident growth above what it had at its start, at most MAX_MEMORY_MB, looked at
  every POLL seconds (an address-space limit was tried and dropped: DuckDB reserves over a gigabyte of
  address space it never touches, and crashed under any limit tight enough to matter);
- time: at most MAX_SECONDS from the child's start to its answer (the wait for a slot, bounded apart, and
  the worker server's one start with its imports are not the file's doing and are not counted);
- at most SLOTS previews at once; an upload waits for a slot within its time limit.

A child over a limit is killed and the answer is a Preview whose one problem names the limit it hit
(worker_memory, worker_time, worker_busy); a child that dies otherwise gives worker_failed. The intake's
own limits (intake.read, intake.archive) refuse the known bombs long before these are reached; these
stop whatever those did not foresee. Both limits can be moved by environment variables.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import resource
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import set_spawning_popen

from metro_poverty.intake.choices import Choices
from metro_poverty.problems import Problem

MAX_SECONDS = float(os.environ.get("METRO_POVERTY_INTAKE_SECONDS", "8"))
MAX_MEMORY_MB = float(os.environ.get("METRO_POVERTY_INTAKE_MEMORY_MB", "400"))
SLOTS = 2
POLL = 0.02
PRELOAD = ["metro_poverty.intake.previewer", "openpyxl"]
_PAGE = os.sysconf("SC_PAGE_SIZE")
_slots = threading.BoundedSemaphore(SLOTS)
_context = None
_context_lock = threading.Lock()
_cached: dict = {}  # the store's history, read once per store file


@dataclass(frozen=True)
class Limits:
    seconds: float = MAX_SECONDS
    memory_mb: float = MAX_MEMORY_MB


@dataclass
class Usage:
    """What one bounded run took: wall time from the request, the child's peak memory growth, and the
    limit it hit (None when it answered)."""

    seconds: float = 0.0
    memory_mb: float = 0.0
    hit: str | None = None


def bounded_preview(data: bytes, file_name: str, choices: Choices | None = None, inputs=None, user=None,
                    limits: Limits = Limits()):
    """previewer.preview() in a worker within the limits; a Preview either way (see the module)."""
    from metro_poverty.intake import previewer, steps

    inputs = inputs or previewer.Inputs()  # decided here: the worker never reads this process's settings itself
    history = _history(inputs)  # read here, from this process's open store: the worker never opens a database
    result, usage = run(previewer.preview, (data, file_name, choices, inputs, user, history), limits)
    if usage.hit is None:
        result.usage = usage
        return result
    out = previewer.Preview(steps.display_name(file_name), hashlib.sha256(data).hexdigest(), len(data), choices or Choices())
    out.problems.append(refusal(usage, out.file_name, limits))
    out.usage = usage
    return out


def _history(inputs):
    from metro_poverty.intake import previewer
    from metro_poverty.store.pointer import current_file

    path = current_file(inputs.store_dir)
    key = (str(path), path.stat().st_mtime_ns if path is not None and path.is_file() else 0)
    with _context_lock:
        if _cached.get("key") != key:
            codes = _codes(inputs)
            _cached.update(key=key, history=previewer.store_history(inputs, codes))
        return _cached["history"]


def _codes(inputs) -> list[str]:
    import pandas as pd

    return pd.read_csv(inputs.reference_dir / "indicators.csv", dtype=str, keep_default_na=False).code.tolist()


def refusal(usage: Usage, name: str, limits: Limits) -> Problem:
    limit = {"worker_memory": f"{limits.memory_mb:g} MB", "worker_time": f"{limits.seconds:g} s"}.get(usage.hit, "")
    return Problem(usage.hit, name, fields={"limit": limit})


def run(fn, args: tuple, limits: Limits = Limits()) -> tuple[object, Usage]:
    """fn(*args) in a child process within the limits: (its result, usage), or (None, usage with the limit hit).
    fn must be importable by name (a module-level function)."""
    started = time.monotonic()
    if not _slots.acquire(timeout=limits.seconds):
        return None, Usage(time.monotonic() - started, 0.0, "worker_busy")
    try:
        return _watch(fn, args, limits, started)
    finally:
        _slots.release()


def _watch(fn, args: tuple, limits: Limits, started: float) -> tuple[object, Usage]:
    ctx = _forkserver()
    ours, theirs = ctx.Pipe(duplex=False)
    child = _Child(target=_child, args=(theirs, fn, args), daemon=True)
    child.start()  # returns once the server has forked it: the server's first start is behind us
    forked = time.monotonic()
    theirs.close()
    usage, base, message = Usage(), None, None
    try:
        while message is None:
            ready = ours.poll(POLL)
            if ready:
                try:
                    kind, payload = ours.recv()
                except (EOFError, OSError):
                    usage.hit = "worker_failed"
                    break
                if kind == "start":
                    base = payload
                    continue
                message = (kind, payload)
                break
            usage.seconds = time.monotonic() - started
            if base is not None:
                usage.memory_mb = max(usage.memory_mb, (_resident(child.pid) - base) / 2**20)
            if usage.memory_mb > limits.memory_mb:
                usage.hit = "worker_memory"
            elif time.monotonic() - forked > limits.seconds:
                usage.hit = "worker_time"
            elif not child.is_alive() and not ours.poll():
                usage.hit = "worker_failed"
            if usage.hit:
                break
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        ours.close()
    usage.seconds = time.monotonic() - started
    if message is None:
        return None, usage
    kind, payload = message
    if kind == "memory":
        usage.hit = "worker_memory"
        return None, usage
    result, peak = payload
    usage.memory_mb = max(usage.memory_mb, peak / 2**20)
    if kind != "ok":
        print(f"intake worker failed:\n{result}", file=sys.stderr)  # for the server's log; the user gets worker_failed
        usage.hit = "worker_failed"
        return None, usage
    return result, usage


def _child(conn, fn, args: tuple) -> None:
    base = _resident(os.getpid())
    conn.send(("start", base))
    try:
        result = fn(*args)
    except MemoryError:
        conn.send(("memory", None))
        return
    except Exception:  # noqa: BLE001 - the parent answers worker_failed; the preview itself never raises
        conn.send(("failed", (traceback.format_exc(), _peak(base))))
        return
    conn.send(("ok", (result, _peak(base))))
    conn.close()


def _peak(base: int) -> int:
    """The child's peak resident memory above its start (the kernel's count: nothing between two looks is
    missed), for the usage figures; the parent's looks are what enforce the limit."""
    return max(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - base)


def _resident(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


class _Popen(popen_forkserver.Popen):
    """The forkserver's way of starting a child, without running the parent's main script again in it:
    multiprocessing would re-import `__main__` (the streamlit command, a test runner, a script) in every
    child, costing time and running whatever it runs; the child needs only the intake, already imported."""

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_path", None)
        prep_data.pop("init_main_from_name", None)
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Child(multiprocessing.get_context("forkserver").Process):
    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj)


def warm(wait: bool = False) -> None:
    """Start the worker's server and fork one child from it, so the first upload does not wait for the
    server's imports: in the background (the upload page calls this when an officer signs in), or before
    returning (wait=True: a test, a benchmark)."""
    if wait:
        run(_ready, ())
    else:
        threading.Thread(target=run, args=(_ready, ()), daemon=True).start()


def _ready() -> bool:
    return True


def _forkserver():
    global _context
    with _context_lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
            _context = ctx
        return _context

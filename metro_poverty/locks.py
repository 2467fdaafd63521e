"""Cross-process file locks that work the same on Linux, macOS and Windows (the `filelock` library:
fcntl.flock where it exists, msvcrt.locking on Windows). Each call opens the lock file anew, so two
threads of one process contend like two processes, and a process that dies releases its lock."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout


class Busy(Exception):
    """Someone else held the lock for longer than the timeout."""


@contextmanager
def exclusive(path: Path, timeout: float):
    """Hold an exclusive lock on the file `path` (created when missing); Busy after `timeout` seconds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, timeout=timeout, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(str(path)) from None
    try:
        yield
    finally:
        lock.release()

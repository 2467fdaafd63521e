"""One writer at a time: loads, rollbacks and store builds take an exclusive lock on <intake dir>/LOCK.

fcntl.flock locks belong to an open file, so two threads of one process contend like two processes,
and a process that dies (even by SIGKILL) releases its lock with its files.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

DEFAULT_TIMEOUT = 600.0


class Busy(Exception):
    """Another load, rollback or build held the lock for longer than the timeout."""


@contextmanager
def writer_lock(intake_dir: Path, timeout: float = DEFAULT_TIMEOUT):
    intake_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(intake_dir / "LOCK", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(str(intake_dir)) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock

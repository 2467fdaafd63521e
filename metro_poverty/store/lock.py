"""One writer at a time: loads, rollbacks and store builds take an exclusive lock on <intake dir>/LOCK
(metro_poverty.locks: the same on Linux and Windows; a process that dies, even by SIGKILL, releases it)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from metro_poverty.locks import Busy, exclusive

DEFAULT_TIMEOUT = 600.0
__all__ = ["Busy", "DEFAULT_TIMEOUT", "writer_lock"]


@contextmanager
def writer_lock(intake_dir: Path, timeout: float = DEFAULT_TIMEOUT):
    with exclusive(intake_dir / "LOCK", timeout):
        yield

"""Failed sign-ins, counted per user name and per client address in the records file (so the count
holds across browser sessions, server processes and restarts).

After FREE failures within WINDOW seconds, each further attempt waits twice as long as the one before
(1 s, 2 s, 4 s, … at most MAX_DELAY); after LOCK_AFTER failures the key is locked for LOCK seconds from
its last failure. A client address gets more room than a user name, since an office behind one proxy
shares it. A successful sign-in forgets the user name's failures (not the client's).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from metro_poverty.records.database import reading, run, writing

WINDOW = 15 * 60
MAX_DELAY = 60


@dataclass(frozen=True)
class Policy:
    free: int
    lock_after: int
    lock_seconds: float


POLICIES = {"user": Policy(free=3, lock_after=10, lock_seconds=15 * 60), "client": Policy(free=10, lock_after=30, lock_seconds=15 * 60)}


@dataclass(frozen=True)
class Wait:
    seconds: float
    locked: bool

    @property
    def must_wait(self) -> bool:
        return self.seconds > 0


def _wait(con, scope: str, key: str, now: float) -> Wait:
    policy = POLICIES[scope]
    row = run(con, "records_sign_in_failures_recent", scope=scope, key=key, since=now - WINDOW)[0]
    n, last = row["n_failures"], row["last_failed_at"] or 0.0
    if n >= policy.lock_after:
        return Wait(max(0.0, last + policy.lock_seconds - now), True)
    if n >= policy.free:
        return Wait(max(0.0, last + min(2 ** (n - policy.free), MAX_DELAY) - now), False)
    return Wait(0.0, False)


def wait(user_key: str, client_key: str, now: float | None = None, path: Path | None = None) -> Wait:
    """How long the next attempt for this user name from this client must wait (the longer of the two)."""
    now = time.time() if now is None else now
    with reading(path) as con:
        waits = [_wait(con, "user", user_key, now), _wait(con, "client", client_key, now)]
    longest = max(waits, key=lambda w: w.seconds)
    return Wait(longest.seconds, any(w.locked and w.must_wait for w in waits))


def failed(user_key: str, client_key: str, now: float | None = None, path: Path | None = None) -> None:
    now = time.time() if now is None else now
    with writing(path) as con:
        for scope, key in (("user", user_key), ("client", client_key)):
            run(con, "records_sign_in_failure_insert", scope=scope, key=key, failed_at=now)


def succeeded(user_key: str, now: float | None = None, path: Path | None = None) -> None:
    """Forget the user name's failures, and every failure older than the window."""
    now = time.time() if now is None else now
    with writing(path) as con:
        run(con, "records_sign_in_failures_clear", scope="user", key=user_key, before=now - WINDOW)

"""Copies of the records file: one when an FGD session is closed (its minutes become final), and one a
day (after the first write of the day). Each copy is made with SQLite's online backup (consistent while
others read and write), written under a temporary name, checked, then renamed into
<records dir>/records-backups/. Daily copies: the newest KEEP_DAILY are kept; session copies all.

restore() puts a backup back: the damaged file is moved aside (never deleted) and the copy takes its place.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from metro_poverty import atomic

KEEP_DAILY = 30
DAY = timedelta(days=1)


def folder(records: Path) -> Path:
    return records.parent / "records-backups"


def all_backups(records: Path) -> list[Path]:
    """Every backup of the file, oldest first (the names sort by time)."""
    where = folder(records)
    return sorted(where.glob("records-*.sqlite")) if where.is_dir() else []


def newest(records: Path) -> Path | None:
    found = all_backups(records)
    return found[-1] if found else None


def _stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def make(records: Path, reason: str, now: datetime | None = None) -> Path:
    """A checked copy of the records file; `reason`: 'daily', 'session-close', 'manual', 'before-restore'."""
    now = now or datetime.now(timezone.utc)
    target = folder(records) / f"records-{_stamp(now)}-{reason}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = atomic.temporary(target)
    source = sqlite3.connect(f"{records.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        copy = sqlite3.connect(tmp)
        try:
            source.backup(copy)
            ok = [r[0] for r in copy.execute("pragma quick_check")] == ["ok"]
        finally:
            copy.close()
    finally:
        source.close()
    if not ok:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"the backup of {records} failed its check")
    atomic.put(tmp, target)
    return target


def daily(records: Path, now: datetime | None = None) -> Path | None:
    """A daily copy when the newest is a day old or there is none; the oldest daily copies beyond KEEP_DAILY go."""
    now = now or datetime.now(timezone.utc)
    dailies = [p for p in all_backups(records) if p.stem.endswith("-daily")]
    if dailies and _made_at(dailies[-1]) > now - DAY:
        return None
    made = make(records, "daily", now)
    for old in (dailies + [made])[:-KEEP_DAILY]:
        old.unlink(missing_ok=True)
    return made


def _made_at(path: Path) -> datetime:
    stamp = path.stem.split("-")[1]
    return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)


def restore(records: Path, copy: Path, now: datetime | None = None) -> Path | None:
    """Put `copy` back as the records file; the file it replaces (if any) is kept beside it, renamed.
    Returns where the replaced file went. Raises ValueError when the copy itself fails its check."""
    con = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if [r[0] for r in con.execute("pragma quick_check")] != ["ok"]:
            raise ValueError(f"{copy} fails its check")
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{copy}: {exc}") from None
    finally:
        con.close()
    aside = None
    if records.exists():
        aside = records.with_name(f"{records.name}.replaced-{_stamp(now or datetime.now(timezone.utc))}")
        atomic.move(records, aside)
        for suffix in ("-wal", "-shm"):  # the journal of the replaced file belongs to it, not to the copy
            side = records.with_name(records.name + suffix)
            if side.exists():
                atomic.move(side, aside.with_name(aside.name + suffix))
    tmp = atomic.temporary(records)
    shutil.copyfile(copy, tmp)
    atomic.put(tmp, records)  # a new file (a new inode): the records module checks it again at its next opening
    return aside

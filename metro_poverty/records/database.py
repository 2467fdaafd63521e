"""The records file: opened, checked, migrated; read and written in transactions.

Opening refuses a damaged file with RecordsDamaged (a message that names the file, the newest backup
and the command that restores it) instead of starting empty: an unreadable header, a failed
`pragma quick_check`, an empty file, a schema newer than this code, or a missing file while backups
exist. The file is never changed by a refusal. A fresh file gets the migrations in
queries/records_migrations/ (numbered, applied in order, `pragma user_version` counts them) and the
one-time import of the JSON files of earlier versions (metro_poverty.records.legacy).

Durability: WAL journal with synchronous=FULL (a commit is on disk when it returns), foreign keys on,
a connection per operation (Streamlit sessions are threads; sqlite3 connections are not shared).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from metro_poverty import paths
from metro_poverty.locks import Busy, exclusive
from metro_poverty.records.sql import RecordsBusy, RecordsDamaged, now_iso, run

MIGRATIONS_DIR = paths.QUERIES_DIR / "records_migrations"
BUSY_MS = 10_000
_checked: dict[Path, tuple[int, int]] = {}  # file -> (device, inode) checked in this process
_check_lock = threading.Lock()


def default_path() -> Path:
    return Path(os.environ.get("METRO_POVERTY_RECORDS_DB", paths.RECORDS_DB))


def migrations() -> list[Path]:
    return sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def _damage(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or type(exc) is sqlite3.DatabaseError


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=True)
    con.row_factory = sqlite3.Row
    con.execute("pragma foreign_keys = on")
    con.execute("pragma synchronous = full")
    return con


def open_checked(path: Path | None = None) -> sqlite3.Connection:
    """A connection to a file known to be sound and current (checked once per process and file)."""
    path = path or default_path()
    try:
        identity = (path.stat().st_dev, path.stat().st_ino)
    except FileNotFoundError:
        identity = None
    if identity is None or _checked.get(path) != identity:
        with _check_lock:
            _prepare(path)
            _checked[path] = (path.stat().st_dev, path.stat().st_ino)
    try:
        return _connect(path)
    except sqlite3.Error as exc:
        raise (RecordsDamaged("unreadable", path, str(exc)) if _damage(exc) else exc) from None


def _prepare(path: Path) -> None:
    """Check the file (or create it when there is none and never was), then migrate and import."""
    from metro_poverty.records import backup, legacy

    with exclusive(path.with_name(path.name + ".lock"), timeout=60):
        if not path.exists():
            if backup.newest(path):
                raise RecordsDamaged("missing", path)
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.stat().st_size == 0:
            raise RecordsDamaged("empty", path)
        else:
            _check(path)
        con = _connect(path)
        try:
            con.execute("pragma journal_mode = wal")
            _migrate(con, path)
            legacy.import_once(con, path.parent)
        except sqlite3.Error as exc:
            raise (RecordsDamaged("unreadable", path, str(exc)) if _damage(exc) else exc) from None
        finally:
            con.close()


def _check(path: Path) -> None:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_MS / 1000)
        try:
            result = [r[0] for r in con.execute("pragma quick_check")]
            version = con.execute("pragma user_version").fetchone()[0]
            objects = con.execute("select count(*) from sqlite_master").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise RecordsDamaged("unreadable", path, str(exc)) from None
    if result != ["ok"]:
        raise RecordsDamaged("failed_check", path, "; ".join(result[:3]))
    if version > len(migrations()):
        raise RecordsDamaged("too_new", path, str(version))
    if version == 0 and objects:  # (no objects: a file created by a start that stopped before migrating)
        raise RecordsDamaged("not_records", path)


def _migrate(con: sqlite3.Connection, path: Path) -> None:
    done = con.execute("pragma user_version").fetchone()[0]
    for number, migration in enumerate(migrations(), start=1):
        if number <= done:
            continue
        script = migration.read_text(encoding="utf-8")
        try:
            con.executescript("begin immediate;\n" + script + "\ncommit;")
        except sqlite3.Error:
            if con.in_transaction:
                con.execute("rollback")
            raise


@contextmanager
def reading(path: Path | None = None):
    """A connection for reads; damage found while reading is reported as RecordsDamaged."""
    path = path or default_path()
    con = open_checked(path)
    try:
        yield con
    except sqlite3.Error as exc:
        raise (RecordsDamaged("unreadable", path, str(exc)) if _damage(exc) else exc) from None
    finally:
        con.close()


@contextmanager
def writing(path: Path | None = None):
    """A write transaction (begin immediate: one writer at a time, others wait up to BUSY_MS); committed
    when the block ends, rolled back if it raises. A daily backup follows the first write of a day."""
    from metro_poverty.records import backup

    path = path or default_path()
    con = open_checked(path)
    try:
        try:
            con.execute("begin immediate")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise RecordsBusy(str(path)) from None
            raise
        try:
            yield con
            con.execute("commit")
        except BaseException:
            if con.in_transaction:
                con.execute("rollback")
            raise
    except sqlite3.Error as exc:
        raise (RecordsDamaged("unreadable", path, str(exc)) if _damage(exc) else exc) from None
    finally:
        con.close()
    backup.daily(path)


def forget_checks() -> None:
    """Check every file again at its next opening (tests; after a restore)."""
    with _check_lock:
        _checked.clear()


__all__ = ["Busy", "RecordsBusy", "RecordsDamaged", "default_path", "forget_checks", "now_iso", "open_checked", "reading", "run", "writing"]

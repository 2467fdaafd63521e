"""An operation in flight (a load or a rollback), so that a crash at any step leaves a consistent state.

A load: keep the file; write PENDING.json (the new record); build the store from the batch set that
includes it; swap CURRENT (the commit point); write the record and its aliases; remove PENDING.json.
A rollback: PENDING.json holds the record marked rolled back; the same steps follow.

recover() runs under the writers' lock before anything else and finishes or forgets what a killed
process left: a pending operation that the current store already shows (its `batches` table gives the
batch the pending status) is completed; otherwise it is dropped, with a file no record refers to.
Temporary files and store files newer than the one CURRENT names (a build killed before its swap) are
removed: under the lock nobody else writes them, and no reader was ever pointed at them.
"""

from __future__ import annotations

import json
from pathlib import Path

from metro_poverty import atomic
from metro_poverty import db
from metro_poverty.store.pointer import current_file
from metro_poverty.store.batches import BatchRecord, append_aliases, read_records, write_record

PENDING = "PENDING.json"
LOAD, ROLLBACK = "load", "rollback"


def begin(intake_dir: Path, op: str, record: BatchRecord) -> None:
    atomic.write_bytes(intake_dir / PENDING, json.dumps({"op": op, "record": json.loads(record.to_json())}).encode("utf-8"))


def pending(intake_dir: Path) -> tuple[str, BatchRecord] | None:
    try:
        entry = json.loads((intake_dir / PENDING).read_text(encoding="utf-8"))
        return entry["op"], BatchRecord(**entry["record"])
    except FileNotFoundError:
        return None
    except (ValueError, TypeError, KeyError):
        (intake_dir / PENDING).unlink(missing_ok=True)  # a torn journal: the operation never reached its build
        return None


def commit(intake_dir: Path, op: str, record: BatchRecord) -> None:
    write_record(intake_dir, record)
    if op == LOAD:
        append_aliases(intake_dir, record)
    (intake_dir / PENDING).unlink(missing_ok=True)


def discard(intake_dir: Path, op: str, record: BatchRecord) -> None:
    if op == LOAD and not any(r.sha256 == record.sha256 for r in read_records(intake_dir)):
        (intake_dir / record.stored_as).unlink(missing_ok=True)
    (intake_dir / PENDING).unlink(missing_ok=True)


def recover(store_dir: Path, intake_dir: Path) -> str | None:
    """'completed' or 'discarded' when a pending operation was found, else None. Call under the lock."""
    _remove_stale(store_dir, intake_dir)
    found = pending(intake_dir)
    if found is None:
        return None
    op, record = found
    if _store_status(store_dir, record.batch_id) == record.status:
        commit(intake_dir, op, record)
        return "completed"
    discard(intake_dir, op, record)
    return "discarded"


def _store_status(store_dir: Path, batch_id: str) -> str | None:
    path = current_file(store_dir)
    if path is None or not path.is_file():
        return None
    cur = db.read_connection(path).cursor()
    try:
        found = db.run(cur, "intake_batch_status", batch_id=batch_id)
    except Exception:  # noqa: BLE001 - a store from before batches existed has no such table
        return None
    finally:
        cur.close()
    return None if found.empty else str(found.status.iloc[0])


def _remove_stale(store_dir: Path, intake_dir: Path) -> None:
    for path in list(intake_dir.rglob("*.tmp")) + list(store_dir.glob("*.tmp")) + list(store_dir.glob("metro-*.duckdb.tmp*")):
        path.unlink(missing_ok=True)
    current = current_file(store_dir)
    if current is None:
        return
    for path in store_dir.glob("metro-*.duckdb"):
        if path.name > current.name:
            path.unlink(missing_ok=True)

"""Load a file as a new batch, or roll a batch back; both rebuild the store with the atomic build.

A load: check the size, take the writers' lock, finish what a killed writer left (intake.journal), stop
at a file already loaded (same checksum as an active batch: "duplicate"), preview it in a worker within
its time and memory limits (intake.worker; errors block;
warnings block until accepted), keep the file under its checksum, write the pending record, build the
store from the seed data plus every active batch plus this one, and only once CURRENT points at the
new store write the batch record and the confirmed aliases (and remember what the file's columns meant,
for the OPD's next file of the same shape: intake.mapping). If the build fails, the pending record
and the new file are removed: the store and the intake directory are exactly as before.

A rollback marks the batch rolled back the same way; the store rebuilt without it equals the store
before it was loaded (later batches stay). Nothing is ever deleted from the history.

Neither function raises: the answer is an Outcome whose status and problems say what happened.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from metro_poverty.i18n import t
from metro_poverty.intake import auth, mapping, read, report, steps
from metro_poverty.store import batches, journal
from metro_poverty.store.batches import BATCH_ID, BatchRecord
from metro_poverty.intake.choices import Choices
from metro_poverty.store.lock import DEFAULT_TIMEOUT, Busy, writer_lock
from metro_poverty.intake.previewer import Preview, confirmed_aliases
from metro_poverty.intake.worker import bounded_preview
from metro_poverty.store.build import Inputs, build
from metro_poverty.problems import BuildFailed, Problem
from metro_poverty.pipeline.raw import RawReadError
from metro_poverty.pipeline.reference import load_reference

LOADED, DUPLICATE, BLOCKED, NEEDS_CONFIRMATION = "loaded", "duplicate", "blocked", "needs_confirmation"
ROLLED_BACK, UNKNOWN_BATCH, ALREADY_ROLLED_BACK = "rolled_back", "unknown_batch", "already_rolled_back"
DENIED, BUSY, BUILD_FAILED, FAILED = "denied", "busy", "build_failed", "failed"
PAUSE_ENV = "METRO_POVERTY_INTAKE_PAUSE"  # "<step>:<seconds>": tests stop a writer at a step to kill it there


@dataclass
class Outcome:
    status: str
    batch_id: str | None = None
    preview: Preview | None = None
    problems: list[Problem] = field(default_factory=list)
    store_file: Path | None = None

    @property
    def ok(self) -> bool:
        return self.status in (LOADED, DUPLICATE, ROLLED_BACK)

    def message(self, lang: str = "id") -> str:
        return t(f"intake.status.{self.status}", lang, batch=self.batch_id or "–", n=len(self.problems))


def load(data: bytes, file_name: str, user: auth.User | None, choices: Choices | None = None, accepted: Collection[str] = (),
         inputs: Inputs | None = None, timeout: float = DEFAULT_TIMEOUT) -> Outcome:
    """Load an upload as a new batch. `accepted`: keys of the warnings the uploader accepted (Preview.report)."""
    inputs = inputs or Inputs()
    name = steps.display_name(file_name)
    if user is None:
        return Outcome(DENIED)
    try:
        read.check_size(len(data), name)
    except RawReadError as exc:
        return Outcome(BLOCKED, problems=[exc.problem])
    try:
        with writer_lock(inputs.intake, timeout):
            journal.recover(inputs.store_dir, inputs.intake)
            return _load(data, file_name, user, choices or Choices(), set(accepted), inputs)
    except Busy:
        return Outcome(BUSY)
    except Exception as exc:  # noqa: BLE001 - the caller gets a report, never a traceback
        return Outcome(FAILED, problems=[Problem("internal_error", name, value=type(exc).__name__)])


def _load(data: bytes, file_name: str, user: auth.User, choices: Choices, accepted: set[str], inputs: Inputs) -> Outcome:
    sha = hashlib.sha256(data).hexdigest()
    records = batches.read_records(inputs.intake)
    same = next((r for r in records if r.active and r.sha256 == sha), None)
    if same is not None and auth.can_rollback(user, same):  # only who may act on that batch learns it exists
        return Outcome(DUPLICATE, same.batch_id)
    pv = bounded_preview(data, file_name, choices, inputs, user)
    if pv.errors:  # another OPD's file says "not allowed" here, whether or not it was loaded before
        return Outcome(BLOCKED, preview=pv, problems=pv.errors)
    if same is not None:
        return Outcome(DENIED)
    if pv.unaccepted(accepted):
        return Outcome(NEEDS_CONFIRMATION, preview=pv, problems=pv.unaccepted(accepted))
    if pv.rows.empty:
        return Outcome(BLOCKED, preview=pv, problems=[Problem("nothing_to_load", pv.file_name)])
    record = _record(data, file_name, sha, user, pv, accepted, inputs)
    batches.store_file(inputs.intake, record, data)
    journal.begin(inputs.intake, journal.LOAD, record)
    _pause("after_record")
    outcome = _finish(inputs, journal.LOAD, record, records + [record], LOADED, pv)
    if outcome.status == LOADED:
        mapping.remember(inputs.intake, user, pv.columns, pv.choices, record.batch_id)
    return outcome


def _record(data: bytes, file_name: str, sha: str, user: auth.User, pv: Preview, accepted: set[str], inputs: Inputs) -> BatchRecord:
    producers = load_reference(inputs.reference_dir).catalogue.set_index("code").producer
    keys = {report.problem_key(w) for w in pv.warnings}
    return BatchRecord(batch_id=batches.new_batch_id(sha), file_name=str(file_name)[:255], sha256=sha, kind=pv.kind or "csv",
                       size_bytes=len(data), uploader=user.username,
                       opd="; ".join(sorted({producers.get(c, "") for c in pv.choices.indicator_codes})), loaded_at=batches.now_iso(),
                       choices=pv.choices.to_dict(), aliases=confirmed_aliases(pv.choices), counts=pv.counts,
                       report=report.as_record(pv.problems, keys & accepted))


def rollback(batch_id: str, user: auth.User | None, inputs: Inputs | None = None, timeout: float = DEFAULT_TIMEOUT) -> Outcome:
    """Mark a batch rolled back and rebuild the store without it."""
    inputs = inputs or Inputs()
    if user is None:
        return Outcome(DENIED, str(batch_id))
    if not BATCH_ID.match(str(batch_id)):
        return Outcome(UNKNOWN_BATCH, None)
    try:
        with writer_lock(inputs.intake, timeout):
            journal.recover(inputs.store_dir, inputs.intake)
            records = batches.read_records(inputs.intake)
            found = next((r for r in records if r.batch_id == batch_id), None)
            if found is None:
                return Outcome(UNKNOWN_BATCH, batch_id)
            if not found.active:
                return Outcome(ALREADY_ROLLED_BACK, batch_id)
            if not auth.can_rollback(user, found):
                return Outcome(DENIED, batch_id)
            record = found.rolled_back(user.username)
            journal.begin(inputs.intake, journal.ROLLBACK, record)
            _pause("after_record")
            return _finish(inputs, journal.ROLLBACK, record, [record if r.batch_id == batch_id else r for r in records], ROLLED_BACK)
    except Busy:
        return Outcome(BUSY, batch_id)
    except Exception as exc:  # noqa: BLE001
        return Outcome(FAILED, batch_id, problems=[Problem("internal_error", batch_id, value=type(exc).__name__)])


def _finish(inputs: Inputs, op: str, record: BatchRecord, wanted: list[BatchRecord], done: str, pv: Preview | None = None) -> Outcome:
    """Build with the batch set wanted; commit the pending record once CURRENT has moved, else drop it."""
    try:
        result = build(inputs, batches=wanted, before_swap=lambda: _pause("before_swap"))
    except Exception as exc:  # noqa: BLE001 - whatever failed, the journal decides from what CURRENT shows
        settled = journal.recover(inputs.store_dir, inputs.intake)
        if settled == "completed":
            return Outcome(done, record.batch_id, pv)
        problems = exc.problems if isinstance(exc, BuildFailed) else [Problem("internal_error", record.batch_id, value=type(exc).__name__)]
        return Outcome(BUILD_FAILED, record.batch_id, pv, problems)
    journal.commit(inputs.intake, op, record)
    return Outcome(done, record.batch_id, pv, store_file=result.path)


def history(inputs: Inputs | None = None) -> list[BatchRecord]:
    """Every batch, newest first (also in the store's `batches` table: queries/intake_batches_all.sql)."""
    return list(reversed(batches.read_records((inputs or Inputs()).intake)))


def _pause(step: str) -> None:
    wanted, _, seconds = os.environ.get(PAUSE_ENV, "").partition(":")
    if wanted == step:
        print(f"intake-paused:{step}", file=sys.stderr, flush=True)
        time.sleep(float(seconds or 60))

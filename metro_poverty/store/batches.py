"""Batches on disk, in the intake directory (metro_poverty.paths.INTAKE_DIR):

    batches/<batch_id>.json   one record per load: who, when, which file, how it was read, the report,
                              active or rolled back
    files/<sha256>.<csv|xlsx> the original bytes, stored under their checksum (the uploaded name is data
                              in the record, never a path)
    region_aliases.csv        region spellings confirmed by uploaders, remembered for every later load
    PENDING.json, LOCK        an operation in flight (intake.journal) and the writers' lock (intake.lock)

Every write is a temporary file renamed over the target (os.replace), so a reader sees the old or the
new file, never half of one. Batch ids sort by load time, which is the order the build replays them.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from metro_poverty import atomic, timefmt
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.steps import display_name, replay
from metro_poverty.problems import Problem
from metro_poverty.pipeline.reference import Reference
from metro_poverty.regions import RegionResolver

ACTIVE, ROLLED_BACK = "active", "rolled_back"
BATCH_ID = re.compile(r"^\d{8}T\d{12}Z-[0-9a-f]{8}$")
ALIAS_COLUMNS = ["alias", "level", "region_code", "kind", "note"]
STORE_COLUMNS = ["batch_id", "file_name", "sha256", "uploader", "opd", "loaded_at", "status", "rolled_back_by", "rolled_back_at",
                 "source_id", "data_status", "indicators", "periods", "n_rows", "n_observations", "n_warnings_accepted"]


@dataclass(frozen=True)
class BatchRecord:
    batch_id: str
    file_name: str  # as uploaded: data to show, never a path
    sha256: str
    kind: str  # csv | xlsx
    size_bytes: int
    uploader: str
    opd: str  # the catalogue producer(s) of its indicators
    loaded_at: str  # ISO 8601, UTC
    choices: dict
    aliases: list = field(default_factory=list)  # [{alias, level, region_code}] confirmed with this load
    counts: dict = field(default_factory=dict)  # rows, observations, total_rows
    report: dict = field(default_factory=dict)  # problems (as rows) and accepted_warnings (keys)
    status: str = ACTIVE
    rolled_back_by: str | None = None
    rolled_back_at: str | None = None

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    @property
    def stored_as(self) -> str:
        return f"files/{self.sha256}.{self.kind}"

    @property
    def read_choices(self) -> Choices:
        return Choices.from_dict(self.choices)

    def rolled_back(self, by: str) -> "BatchRecord":
        return replace(self, status=ROLLED_BACK, rolled_back_by=by, rolled_back_at=now_iso())

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "BatchRecord":
        return cls(**json.loads(text))


class BadBatchRecord(Exception):
    def __init__(self, name: str, detail: str):
        self.problem = Problem("bad_batch_record", name, value=detail[:120])
        super().__init__(name)


now_iso = timefmt.utc_now_iso  # when a batch was loaded or rolled back


def new_batch_id(sha256: str) -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ") + "-" + sha256[:8]




def record_path(intake_dir: Path, batch_id: str) -> Path:
    if not BATCH_ID.match(batch_id):
        raise ValueError(f"not a batch id: {batch_id!r}")
    return intake_dir / "batches" / f"{batch_id}.json"


def read_records(intake_dir: Path) -> list[BatchRecord]:
    """Every batch record (active and rolled back), in load order. Raises BadBatchRecord for a damaged one."""
    out = []
    for path in sorted((intake_dir / "batches").glob("*.json")):
        try:
            out.append(BatchRecord.from_json(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise BadBatchRecord(path.name, str(exc)) from None
    return sorted(out, key=lambda r: r.batch_id)


def write_record(intake_dir: Path, record: BatchRecord) -> None:
    atomic.write_bytes(record_path(intake_dir, record.batch_id), record.to_json().encode("utf-8"))


def remove_record(intake_dir: Path, batch_id: str) -> None:
    record_path(intake_dir, batch_id).unlink(missing_ok=True)


def store_file(intake_dir: Path, record: BatchRecord, data: bytes) -> bool:
    """Keep the original bytes under their checksum; False when they were already kept."""
    path = intake_dir / record.stored_as
    if path.is_file():
        return False
    atomic.write_bytes(path, data)
    return True


def file_bytes(intake_dir: Path, record: BatchRecord) -> bytes:
    return (intake_dir / record.stored_as).read_bytes()


# ------------------------------------------------------------------------------------------ aliases

def alias_file(intake_dir: Path) -> Path:
    return intake_dir / "region_aliases.csv"


def read_alias_file(intake_dir: Path) -> pd.DataFrame:
    path = alias_file(intake_dir)
    if not path.is_file():
        return pd.DataFrame(columns=ALIAS_COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False)[ALIAS_COLUMNS]


def aliases(intake_dir: Path, records: list[BatchRecord]) -> pd.DataFrame:
    """Confirmed spellings: the alias file plus those of the records given (a load in flight included)."""
    rows = [dict(a, kind="intake_confirmed", note=f"batch {r.batch_id} ({r.uploader})") for r in records for a in r.aliases]
    frame = pd.concat([read_alias_file(intake_dir), pd.DataFrame(rows, columns=ALIAS_COLUMNS)], ignore_index=True)
    return frame.drop_duplicates(["alias", "level", "region_code"]).reset_index(drop=True)


def append_aliases(intake_dir: Path, record: BatchRecord) -> None:
    if not record.aliases:
        return
    frame = aliases(intake_dir, [record])
    atomic.write_bytes(alias_file(intake_dir), frame.to_csv(index=False).encode("utf-8"))


# ------------------------------------------------------------------------------------------ the build

def replay_all(records: list[BatchRecord], intake_dir: Path, ref: Reference, resolver: RegionResolver) -> tuple[pd.DataFrame, list[Problem]]:
    """Observations of every active batch, in load order, tagged with their batch_id."""
    frames, problems = [], []
    for record in records:
        if not record.active:
            continue
        try:
            data = file_bytes(intake_dir, record)
        except OSError:
            problems.append(Problem("missing_batch_file", display_name(record.file_name), value=record.batch_id))
            continue
        obs, found = replay(data, display_name(record.file_name), record.read_choices, ref, resolver)
        problems += found
        if not obs.empty:
            frames.append(obs.assign(batch_id=record.batch_id))
    return (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()), problems


def store_rows(records: list[BatchRecord], observations: pd.DataFrame) -> pd.DataFrame:
    """The store's `batches` table: every batch, active or rolled back, with what it gave the store."""
    counts = observations.groupby("batch_id").size() if "batch_id" in observations and len(observations) else pd.Series(dtype=int)
    rows = []
    for r in records:
        ch = r.choices
        mine = observations[observations.batch_id == r.batch_id] if len(counts) else observations.iloc[0:0]
        periods = sorted({int(p) for p in mine.period}) if len(mine) else ([ch["period"]] if ch.get("period") else [])
        rows.append([r.batch_id, r.file_name, r.sha256, r.uploader, r.opd, r.loaded_at, r.status, r.rolled_back_by, r.rolled_back_at,
                     ch.get("source_id"), ch.get("status"), ", ".join(Choices.from_dict(ch).indicator_codes),
                     ", ".join(str(p) for p in periods), int(r.counts.get("rows", 0)), int(counts.get(r.batch_id, 0)),
                     len(r.report.get("accepted_warnings", []))])
    return pd.DataFrame(rows, columns=STORE_COLUMNS)

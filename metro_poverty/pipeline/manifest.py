"""The raw-file manifest (data/raw/manifest.toml) as typed specs."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("numerator", "denominator", "value", "stated")
STATUSES = ("official", "provisional", "illustrative")


@dataclass(frozen=True)
class Measure:
    indicator: str
    role: str
    unit: str
    column: str | None = None  # long files: the column holding the number
    measure: str | None = None  # wide files: the (?P<measure>) group of wide_pattern
    when: str | None = None  # only rows whose split_column equals this


@dataclass(frozen=True)
class FileSpec:
    path: str
    source_id: str
    status: str
    level: str
    header: str
    region_column: str
    measures: tuple[Measure, ...]
    sep: str | None = None
    decimal: str = "."
    encoding: str = "utf-8"
    header_rows: int = 1
    label_column: str | None = None
    year_column: str | None = None
    year: int | None = None
    series_column: str | None = None
    series_map: dict = field(default_factory=dict)
    series: str = ""
    split_column: str | None = None
    wide_pattern: str | None = None
    sheet: str | None = None

    @property
    def wide_regex(self) -> re.Pattern | None:
        return re.compile(self.wide_pattern) if self.wide_pattern else None


def load_manifest(path: Path) -> list[FileSpec]:
    with path.open("rb") as fh:
        doc = tomllib.load(fh)
    return [file_spec(entry) for entry in doc.get("file", [])]


def file_spec(entry: dict) -> FileSpec:
    entry = dict(entry)
    measures = tuple(Measure(**m) for m in entry.pop("measure", []))
    spec = FileSpec(measures=measures, **entry)
    if spec.status not in STATUSES:
        raise ValueError(f"{spec.path}: status must be one of {STATUSES}, not {spec.status!r}")
    for m in measures:
        if m.role not in ROLES:
            raise ValueError(f"{spec.path}: role must be one of {ROLES}, not {m.role!r}")
        if (m.column is None) == (m.measure is None):
            raise ValueError(f"{spec.path}: a measure names either a column or a wide measure")
    if (spec.year is None) == (spec.year_column is None) and not spec.wide_pattern:
        raise ValueError(f"{spec.path}: give either year or year_column")
    return spec

"""The same layers as every seed file (pipeline.validate, pipeline.harmonize), for a table read from an
upload with completed choices: a batch is, in effect, a manifest entry plus a file.

Used by preview (before a load) and by the store build (replaying every active batch), so what the
uploader saw is what the store gets.
"""

from __future__ import annotations

import re

import pandas as pd

from metro_poverty.intake import columns, read
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.percent import apply_rule
from metro_poverty.pipeline.harmonize import harmonize_records
from metro_poverty.pipeline.manifest import FileSpec, file_spec
from metro_poverty.intake.detect import blank
from metro_poverty.problems import WARNING, Problem
from metro_poverty.pipeline.raw import RawReadError, RawTable, label_key
from metro_poverty.pipeline.reference import Reference, percent_max
from metro_poverty.pipeline.validate import RECORD_COLUMNS, validate_table
from metro_poverty.regions import RegionResolver, is_total_label

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def display_name(file_name: str) -> str:
    """The uploaded name as text to show in messages: no control characters, at most 120 characters.
    It is data only; files are stored under their checksum, never under this name."""
    text = _CONTROL.sub(" ", str(file_name or "")).strip() or "(tanpa nama)"
    return text if len(text) <= 120 else text[:119] + "…"


def spec_of(choices: Choices, name: str) -> FileSpec:
    """The manifest entry the choices amount to; raises ValueError when they do not make one."""
    entry = {"path": name, "source_id": choices.source_id or "", "status": choices.status or "", "level": choices.region_level or "",
             "header": "", "region_column": choices.region_column or "", "decimal": choices.decimal or ".",
             "measure": [dict(column=m.column, measure=m.measure, indicator=m.indicator, role=m.role, unit=m.unit, when=m.when)
                         for m in choices.measures or ()],
             "label_column": choices.label_column, "year_column": choices.year_column,
             "year": None if choices.year_column else choices.period, "series": choices.series or "",
             "series_column": choices.series_column, "series_map": dict(choices.series_map or {}),
             "split_column": choices.split_column, "wide_pattern": choices.wide_pattern, "sheet": choices.sheet}
    return file_spec(entry)


def harmonized(table: RawTable, choices: Choices, ref: Reference, resolver: RegionResolver) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """(validated records, observations, problems) of one uploaded table."""
    try:
        spec = spec_of(choices, table.file)
    except (ValueError, TypeError, KeyError) as exc:
        return pd.DataFrame(columns=RECORD_COLUMNS), pd.DataFrame(), [Problem("bad_choice", table.file, value=str(exc)[:120])]
    numbers, problems = columns.typed(table, choices, ref)
    records, found = validate_table(numbers, spec, refused=frozenset(p.row for p in problems if p.row is not None),
                                    percent_max=percent_max(ref.catalogue))
    problems += found
    problems += _rows_without_numbers(table, choices, records, problems, resolver)  # a row already reported is not again
    records, found = apply_rule(records, table, spec.measures, choices.percent_rule)  # the cells as written show a % sign
    problems += found
    obs, found = harmonize_records(records, spec, resolver, ref.catalogue, ref.units)
    return records, obs, problems + found


def _rows_without_numbers(table: RawTable, choices: Choices, records: pd.DataFrame, found: list[Problem],
                          resolver: RegionResolver) -> list[Problem]:
    """A known region's row whose mapped cells are all empty or '-' gives no record and no problem: without this
    warning a kelurahan would drop out of the load unsaid (a note under the table is no region: not warned)."""
    columns = [label_key(c) for c in table.columns]
    if label_key(choices.region_column) not in columns:
        return []
    region = columns.index(label_key(choices.region_column))
    said = set(records.line) | {p.row for p in found if p.row is not None}
    return [Problem("row_without_numbers", table.file, row=line, column=table.columns[region], value=str(row[region]).strip(),
                    sheet=table.sheet, severity=WARNING)
            for line, row in zip(table.lines, table.rows)
            if line not in said and not blank(row[region]) and not is_total_label(row[region])
            and resolver.resolve(row[region], choices.region_level) is not None]


def replay(data: bytes, name: str, choices: Choices, ref: Reference, resolver: RegionResolver) -> tuple[pd.DataFrame, list[Problem]]:
    """Observations of a stored batch file read exactly as its record says (no detection)."""
    try:
        sheet = read.read_sheet(data, name, choices)
        table, _, _ = read.table(sheet, name, choices)
    except RawReadError as exc:
        return pd.DataFrame(), [exc.problem]
    # a batch loaded before the percentage rule had to be chosen read its values as written: so does its replay
    _, obs, problems = harmonized(table, choices.but(percent_rule=choices.percent_rule or "percent"), ref, resolver)
    return obs, sheet.problems + problems

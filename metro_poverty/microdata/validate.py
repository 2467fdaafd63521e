"""Check a household table against the schema and give it the engine's types.

Each column is parsed on its own, so one bad cell never hides the others; every problem names
the row, the column, the value found and what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from metro_poverty.microdata.problems import household_problem
from metro_poverty.problems import Problem
from metro_poverty.numbers import parse_numbers
from metro_poverty.microdata.schema import COLUMNS, REQUIRED, Column

TRUE_WORDS = {"true", "t", "1", "ya", "y", "yes", "benar"}
FALSE_WORDS = {"false", "f", "0", "tidak", "n", "no", "salah"}
DTYPES = {"integer": "int64", "number": "float64", "boolean": "bool", "code": "str"}
_CODE_EXAMPLE = {"kelurahan_code": "18.72.01.1001", "kecamatan_code": "18.72.01"}


@dataclass(frozen=True)
class Source:
    """How rows of the file are numbered and written."""

    file: str
    first_row: int  # the number a person sees for the first household
    decimal_comma: bool = False


@dataclass(frozen=True)
class Parsed:
    values: pd.Series
    missing: pd.Series
    bad: pd.Series


def _text(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("").str.strip()


def _parse_number(values: pd.Series, integer: bool, decimal_comma: bool) -> Parsed:
    parsed, bad = parse_numbers(values, "," if decimal_comma else ".")  # the project's one number parser
    missing = parsed.isna() & ~bad
    if integer:
        bad |= ~missing & ~bad & (parsed % 1 != 0)
    return Parsed(parsed, missing, bad)


def _parse_boolean(values: pd.Series) -> Parsed:
    if pd.api.types.is_bool_dtype(values):
        return Parsed(values.astype(bool), values.isna(), pd.Series(False, index=values.index))
    text = _text(values).str.lower().str.replace(r"\.0$", "", regex=True)
    missing = text == ""
    parsed = pd.Series(np.where(text.isin(TRUE_WORDS), True, False), index=values.index)
    bad = ~missing & ~text.isin(TRUE_WORDS | FALSE_WORDS)
    return Parsed(parsed, missing, bad)


def _parse_code(values: pd.Series, column: Column) -> Parsed:
    text = _text(values)
    missing = text == ""
    bad = ~missing & ~text.str.match(column.pattern)
    return Parsed(text, missing, bad)


def parse_column(values: pd.Series, column: Column, decimal_comma: bool = False) -> Parsed:
    if column.kind in ("integer", "number"):
        return _parse_number(values, column.kind == "integer", decimal_comma)
    if column.kind == "boolean":
        return _parse_boolean(values)
    return _parse_code(values, column)


def _problems_at(mask: pd.Series, raw: pd.Series, code: str, column: str, source: Source, **fields) -> list[Problem]:
    positions = np.flatnonzero(mask.to_numpy())
    return [
        household_problem(code, source.file, row=int(i) + source.first_row, column=column, value=str(raw.iloc[i]), fields=fields)
        for i in positions
    ]


def _column_problems(raw: pd.Series, column: Column, parsed: Parsed, source: Source) -> list[Problem]:
    problems = _problems_at(parsed.missing, raw, "missing_value", column.name, source)
    problems += _problems_at(parsed.bad, raw, f"not_{column.kind}" if column.kind != "code" else "bad_code", column.name,
                             source, example=_CODE_EXAMPLE.get(column.name, ""))
    ok = ~parsed.missing & ~parsed.bad
    if column.minimum is not None:
        problems += _problems_at(ok & (parsed.values < column.minimum), raw, "below_minimum", column.name, source,
                                 minimum=f"{column.minimum:g}")
    if column.maximum is not None:
        problems += _problems_at(ok & (parsed.values > column.maximum), raw, "above_maximum", column.name, source,
                                 maximum=f"{column.maximum:g}")
    return problems


def _at(typed: pd.DataFrame, mask: pd.Series, code: str, column: str, source: Source, fields) -> list[Problem]:
    """One problem per flagged row; `fields(i)` gives the message fields of row position i."""
    return [
        household_problem(code, source.file, int(i) + source.first_row, column, str(typed[column].iloc[i]), fields(i))
        for i in np.flatnonzero(mask.to_numpy())
    ]


def _duplicate_ids(typed: pd.DataFrame, source: Source) -> list[Problem]:
    ids = typed["hh_id"]
    duplicated = ids.duplicated(keep="first")
    first = {hh_id: i for i, hh_id in reversed(list(enumerate(ids)))} if duplicated.any() else {}
    return _at(typed, duplicated, "duplicate_id", "hh_id", source, lambda i: {"first": first[ids.iloc[i]] + source.first_row})


def _out_of_school(typed: pd.DataFrame, source: Source) -> list[Problem]:
    too_many = typed["n_children_out_of_school"] > typed["n_children_school_age"]
    return _at(typed, too_many, "out_of_school_exceeds", "n_children_out_of_school", source,
               lambda i: {"school_age": int(typed["n_children_school_age"].iloc[i])})


def _kecamatan_of_kelurahan(typed: pd.DataFrame, source: Source) -> list[Problem]:
    expected = typed["kelurahan_code"].str[:8]
    return _at(typed, typed["kecamatan_code"] != expected, "kecamatan_mismatch", "kecamatan_code", source,
               lambda i: {"kelurahan": typed["kelurahan_code"].iloc[i], "expected": expected.iloc[i]})


def _cross_problems(typed: pd.DataFrame, source: Source, known_kelurahan: set[str] | None) -> list[Problem]:
    problems = _duplicate_ids(typed, source) + _out_of_school(typed, source) + _kecamatan_of_kelurahan(typed, source)
    if known_kelurahan:
        unknown = ~typed["kelurahan_code"].isin(known_kelurahan)
        problems += _at(typed, unknown, "unknown_kelurahan", "kelurahan_code", source, lambda i: {})
    return problems


def target_draws(hh_id: pd.Series) -> np.ndarray:
    """A uniform [0, 1) draw per household from its hh_id alone (splitmix64), for files without u_target.

    It does not depend on row order, so a re-sorted file targets the same households.
    """
    x = hh_id.to_numpy().astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x = x ^ (x >> np.uint64(31))
    draws = (x >> np.uint64(40)).astype(np.float64) / float(1 << 24)  # 24 bits: exact in float32
    return draws.astype(np.float32)


def validate(raw: pd.DataFrame, source: Source, known_kelurahan: set[str] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """(typed frame, problems). The frame is only meaningful when there are no problems."""
    missing = [name for name in REQUIRED if name not in raw.columns]
    if missing:
        found = ", ".join(map(str, raw.columns)) or "-"
        return raw, [household_problem("missing_column", source.file, column=name, fields={"column": name, "found": found})
                     for name in missing]
    if raw.empty:
        return raw, [household_problem("empty", source.file)]
    typed, problems = {}, []
    for column in COLUMNS:
        if column.name not in raw.columns:
            continue
        parsed = parse_column(raw[column.name].reset_index(drop=True), column, source.decimal_comma)
        problems += _column_problems(raw[column.name].reset_index(drop=True), column, parsed, source)
        typed[column.name] = parsed.values
    frame = pd.DataFrame(typed)
    if problems:
        return frame, problems
    frame = frame.astype({c.name: DTYPES[c.kind] for c in COLUMNS if c.name in frame.columns})
    problems = _cross_problems(frame, source, known_kelurahan)
    if "u_target" in frame.columns:
        frame["u_target"] = frame["u_target"].astype(np.float32)
    else:
        frame["u_target"] = target_draws(frame["hh_id"])
    return frame, problems

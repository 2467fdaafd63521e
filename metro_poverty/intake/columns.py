"""Number columns read by a stated rule, per column (the parsing is pipeline.numbers'):

- a column's kind comes from the unit its measure is delivered in (the `number_kind` of
  data/reference/units.csv): whole (counts), percent (at most the indicator's catalogue maximum),
  fraction, or decimal;
- its decimal mark is, in order: the uploader's choice for that column; the uploader's choice for the
  file; the only mark that reads more of its values as numbers of its kind ('1.204' children is 1204,
  since a count is whole); when both marks read it equally well with different values, the mark the
  rest of the file shows (a number such as 5,05 elsewhere); otherwise the uploader is asked;
- every cell is then read with its column's mark: text, inf, NaN, a negative number, a fraction in a
  count, a percentage sign outside a percentage column, a percentage above the maximum are errors
  naming the cell; nothing is guessed.

decide() runs once, in a preview, and writes the marks into the choices (column_decimals); typed() reads
with them, in the preview and in every later replay of the batch, so both read the same numbers.
"""

from __future__ import annotations

import pandas as pd

from metro_poverty.intake.choices import Choices
from metro_poverty.intake.layout import Note
from metro_poverty.pipeline.manifest import Measure
from metro_poverty.numbers import DECIMAL, FRACTION, PERCENT, NumberError, column_mark, read_number
from metro_poverty.problems import Problem, as_found
from metro_poverty.pipeline.raw import RawTable, label_key
from metro_poverty.pipeline.reference import Reference

Rule = tuple[str, float | None]  # (kind, upper bound) of a column


def rules(measures: tuple[Measure, ...] | None, ref: Reference) -> dict[str, Rule]:
    """Column label (as in the header) -> its kind and upper bound, from the first measure naming it."""
    kinds = dict(zip(ref.units.unit_as_delivered, ref.units.number_kind))
    highest = pd.to_numeric(ref.catalogue.set_index("code").max_value, errors="coerce")
    out: dict[str, Rule] = {}
    for m in measures or ():
        if not m.column or m.column in out:
            continue
        kind = kinds.get(m.unit, DECIMAL)
        top = highest.get(m.indicator)
        top = 100.0 if top is None or pd.isna(top) else float(top)
        out[m.column] = (kind, top if kind == PERCENT else top / 100 if kind == FRACTION else None)
    return out


def decide(ch: Choices, table: RawTable, ref: Reference, evidence: str | None) -> tuple[Choices, list[Problem], list[Note]]:
    """The choices with a decimal mark for every number column (see the module rule).
    `evidence`: the mark the file's numbers show (intake.detect.decimal_mark), None when nothing decides."""
    marks = dict(ch.column_decimals or {})
    problems: list[Problem] = []
    notes: list[Note] = []
    index = {label_key(c): i for i, c in enumerate(table.columns)}
    for column, (kind, upper) in rules(ch.measures, ref).items():
        if column in marks or label_key(column) not in index:
            continue
        if ch.decimal:
            marks[column] = ch.decimal
            continue
        cells = [row[index[label_key(column)]] for row in table.rows]
        mark, reason = column_mark(cells, kind, upper)
        if mark is not None:
            notes += _note(column, mark, cells, kind, upper)
        elif reason == "ambiguous" and evidence is None:
            example = next(c for c in cells if isinstance(c, str) and ("," in c or "." in c))
            problems.append(Problem("ambiguous_number", table.file, sheet=table.sheet, column=column, value=str(example)[:40],
                                    fields={"comma": _reading(example, ","), "point": _reading(example, ".")}))
            continue
        marks[column] = mark or evidence or "."
    return ch.but(column_decimals=marks), problems, notes


def _note(column: str, mark: str, cells: list, kind: str, upper: float | None) -> list[Note]:
    """Said where the kind decided: a value both marks read, differently ('1.204'), read the one way that fits."""
    for c in cells:
        if isinstance(c, str) and "–" not in (_reading(c, ","), _reading(c, ".")) and _reading(c, ",") != _reading(c, ".") \
                and _fits(c, mark, kind, upper):
            return [("intake.note.column_mark", {"column": column, "mark": mark, "thousands": "." if mark == "," else ",",
                                                 "example": c.strip(), "value": _reading(c, mark)})]
    return []


def _fits(cell, mark: str, kind: str, upper: float | None) -> bool:
    try:
        return read_number(cell, mark, kind, upper) is not None
    except NumberError:
        return False


def _reading(cell, mark: str) -> str:
    """How a cell reads with a mark, written plainly (1204; 1.204 is written 1.204), or '–'."""
    try:
        value = read_number(cell, mark)
    except NumberError:
        return "–"
    return "–" if value is None else f"{value:g}" if abs(value) < 1e15 else f"{value:.6g}"


def typed(table: RawTable, ch: Choices, ref: Reference) -> tuple[RawTable, list[Problem]]:
    """The table with every number column's cells read as floats (None where empty or refused), and a
    Problem for each refused cell."""
    problems: list[Problem] = []
    rows = [list(r) for r in table.rows]
    index = {label_key(c): i for i, c in enumerate(table.columns)}
    for column, (kind, upper) in rules(ch.measures, ref).items():
        i = index.get(label_key(column))
        if i is None:
            continue  # pipeline.validate reports the missing column
        mark = (ch.column_decimals or {}).get(column) or ch.decimal or "."
        for row, line in zip(rows, table.lines):
            try:
                row[i] = read_number(row[i], mark, kind, upper)
            except NumberError as exc:
                problems.append(Problem(exc.code, table.file, row=line, sheet=table.sheet, column=table.columns[i],
                                        value=as_found(row[i]), fields=exc.fields))
                row[i] = None
    return RawTable(table.file, table.sheet, table.columns, rows, table.lines), problems

"""Percentages as OPD files write them: '85,3%', 85.3, or 0.853.

Rule, per percentage column (a measure whose unit is % or persen):
- a cell written with a % sign (or an Excel cell formatted as a percentage) shows the column is in
  percent: 85,3% is 85.3;
- when every value of the column is at most 1, the column may hold fractions (0.853 = 85.3%) or tiny
  percentages: it is read as fractions (×100) only when the uploader chooses the rule "fraction";
  "percent" reads it as written; with no rule chosen an "ambiguous percentage" error asks for the
  choice (a warning ticked had loaded fractions as percentages 100 times too small);
- otherwise the values are percentages as written (above 100 is an error of pipeline.validate); a column
  mixing values at most 1 with values of 2 or more (0.0488 beside 5.7) is a warning naming the rows of the
  small ones, which may be fractions.
"""

from __future__ import annotations

import pandas as pd

from metro_poverty.intake.detect import blank
from metro_poverty.pipeline.manifest import Measure
from metro_poverty.numbers import has_percent_sign
from metro_poverty.problems import WARNING, Num, Problem
from metro_poverty.pipeline.raw import RawTable, label_key

PERCENT_UNITS = ("%", "persen")


def apply_rule(records: pd.DataFrame, table: RawTable, measures: tuple[Measure, ...], rule: str | None) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    columns = {label_key(m.column) for m in measures if m.column and m.unit in PERCENT_UNITS}
    if records.empty or not columns:
        return records, problems
    records = records.copy()
    for i, col in enumerate(table.columns):
        if label_key(col) not in columns:
            continue
        cells = [row[i] for row in table.rows if not blank(row[i])]
        in_column = records.column.map(label_key) == label_key(col)
        values = records.loc[in_column & ~records.is_total, "value"]
        problems += _mixed(records[in_column & ~records.is_total], table, col)
        if values.empty or _signed(cells) or values.max() > 1 or values.max() <= 0:
            continue
        if rule == "fraction":
            records.loc[in_column, "value"] = records.loc[in_column, "value"] * 100
        elif rule != "percent":
            problems.append(Problem("ambiguous_percent", table.file, sheet=table.sheet, column=col,
                                    value=f"{values.min():g} … {values.max():g}"))
    return records, problems


MIXED_LARGE = 2  # a value this large beside values at most 1 says the column is in percent, so those may be fractions
MIXED_LISTED = 10  # rows named in the warning


def _mixed(records: pd.DataFrame, table: RawTable, col: str) -> list[Problem]:
    """A warning when a percentage column holds values at most 1 beside values of 2 or more: 0.0488 beside 5.7 and
    5.1% loaded as 0.0488% without a word (the rule for values all at most 1 looks at the whole column)."""
    small = records[(records.value > 0) & (records.value <= 1)]
    if small.empty or records.value.max() < MIXED_LARGE:
        return []
    lines = sorted(set(small.line))
    rows = ", ".join(map(str, lines[:MIXED_LISTED])) + (", …" if len(lines) > MIXED_LISTED else "")
    return [Problem("mixed_percent", table.file, sheet=table.sheet, row=lines[0], column=col, severity=WARNING,
                    value=Num.needed(small.value.iloc[0]), fields={"rows": rows, "max": Num.needed(records.value.max())})]


def _signed(cells: list) -> bool:
    return any(has_percent_sign(c) for c in cells)

"""Percentages as OPD files write them: '85,3%', 85.3, or 0.853.

Rule, per percentage column (a measure whose unit is % or persen):
- a cell written with a % sign (or an Excel cell formatted as a percentage) shows the column is in
  percent: 85,3% is 85.3;
- when every value of the column is at most 1, the column may hold fractions (0.853 = 85.3%) or tiny
  percentages: it is read as fractions (×100) only when the uploader confirms the rule "fraction";
  "percent" reads it as written; with no rule it is read as written and an "ambiguous percentage"
  warning asks for the confirmation;
- otherwise the values are percentages as written (above 100 is an error of pipeline.validate).
"""

from __future__ import annotations

import pandas as pd

from metro_poverty.intake.detect import blank
from metro_poverty.pipeline.manifest import Measure
from metro_poverty.numbers import has_percent_sign
from metro_poverty.problems import WARNING, Problem
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
        if values.empty or _signed(cells) or values.max() > 1 or values.max() <= 0:
            continue
        if rule == "fraction":
            records.loc[in_column, "value"] = records.loc[in_column, "value"] * 100
        elif rule != "percent":
            problems.append(Problem("ambiguous_percent", table.file, sheet=table.sheet, column=col, severity=WARNING,
                                    value=f"{values.min():g} … {values.max():g}"))
    return records, problems


def _signed(cells: list) -> bool:
    return any(has_percent_sign(c) for c in cells)

"""A file of persons or families, not of regions: stopped before anything else is read, with what to send instead.

The intake loads figures per region (a row per kelurahan and year). An OPD export of its register (DTSEN, P3KE,
a list of recipients) is the other kind of table: a row per family or person, often with NIK or the family card
number. Read as a table of regions it gave a mapping form listing «No KK» as a column to give a meaning, then
tens of thousands of duplicate-row errors or the reader's time limit, whose message said to "send only the data
table". Personal numbers are never to be kept by the dashboard, so a column of them stops the file at once
(the message names the column, never a value); a table with hundreds of rows per region stops once its region
column is known.
"""

from __future__ import annotations

import re

from metro_poverty.intake.detect import blank
from metro_poverty.problems import Num, Problem
from metro_poverty.pipeline.raw import RawTable, label_key

SAMPLED_ROWS = 1_000  # a column is judged on its first rows, as layout.number_columns does
PERSONAL_SHARE = 0.5  # a column is one of personal numbers when at least half its filled sampled cells are
MIN_RECORD_ROWS = 2_000  # fewer rows fit any table per region (22 kelurahan × years × splits)
ROWS_PER_REGION = 200  # a per-family file of Metro: about 2 000 rows per kelurahan
_SIXTEEN_DIGITS = re.compile(r"^'?\s*(?:\d[\s.]?){15}\d\s*$")  # NIK and the family card number (KK): 16 digits


def _personal_number(cell) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int):
        return 10**15 <= cell < 10**16
    if isinstance(cell, float):  # Excel keeps 15 significant digits: a 16-digit number typed in is a float
        return cell.is_integer() and 10**15 <= cell < 10**16
    return isinstance(cell, str) and _SIXTEEN_DIGITS.match(cell) is not None


def personal_numbers(table: RawTable) -> list[Problem]:
    """An error for the first column whose cells are mostly 16-digit numbers (NIK, KK); its values are not quoted."""
    rows = table.rows[:SAMPLED_ROWS]
    for index, column in enumerate(table.columns):
        filled = [row[index] for row in rows if index < len(row) and not blank(row[index])]
        found = sum(_personal_number(cell) for cell in filled)
        if filled and found >= PERSONAL_SHARE * len(filled):
            return [Problem("personal_numbers", table.file, sheet=table.sheet, column=column or None,
                            fields={"rows": Num(len(table.rows), 0)})]
    return []


def rows_per_region(table: RawTable, region_column: str | None) -> list[Problem]:
    """An error when the table has many rows and, on average, hundreds of them per region named: a row per family or
    person, which the load would report as that many duplicate rows."""
    if region_column is None or len(table.rows) < MIN_RECORD_ROWS:
        return []
    columns = [label_key(c) for c in table.columns]
    if label_key(region_column) not in columns:
        return []
    index = columns.index(label_key(region_column))
    regions = {label_key(row[index]) for row in table.rows if index < len(row) and not blank(row[index])}
    if not regions or len(table.rows) / len(regions) < ROWS_PER_REGION:
        return []
    return [Problem("rows_per_record", table.file, sheet=table.sheet, column=region_column,
                    fields={"rows": Num(len(table.rows), 0), "regions": Num(len(regions), 0),
                            "per_region": Num(len(table.rows) / len(regions), 0)})]

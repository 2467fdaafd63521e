"""Validated layer: a raw table, read with its manifest spec, as long records with types checked.

One record per (row, measure): region as written, year, series, indicator, role, value, and where it
came from. Every cell that cannot be read becomes a Problem naming its file, row and column.
"""

from __future__ import annotations

import datetime
import re

import pandas as pd

from metro_poverty.pipeline.manifest import FileSpec, Measure
from metro_poverty.numbers import NumberError, parse_number, parse_year
from metro_poverty.problems import WARNING, Num, Problem, as_found
from metro_poverty.pipeline.raw import RawTable, label_key
from metro_poverty.regions import is_total_label

SUB_CITY = ("kecamatan", "kelurahan")  # only in these files can "Kota Metro" or "Jumlah" mark a total row
ANY_SERIES = "*"  # a total row that leaves the series cell empty adds up its rows of every series
RECORD_COLUMNS = ["file", "sheet", "line", "column", "region_raw", "is_total", "year", "series", "indicator", "role", "unit", "value"]


def validate_table(table: RawTable, spec: FileSpec, refused: frozenset[int] = frozenset(),
                   percent_max: dict[str, float] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Records of the table's numbers, and every problem found. `refused`: the lines whose number cells were
    refused before (an upload's cells are read first, and a refused one is empty here): their other cells are
    still checked, so a bad year on the row of a bad value is said in the same pass. `percent_max`: the indicators
    whose percentage may exceed 100 (reference.percent_max); any other percentage above 100 is an error."""
    problems: list[Problem] = []
    index = {label_key(c): i for i, c in enumerate(table.columns)}
    slots = _measure_slots(table, spec, index, problems)
    fixed = _column(index, spec.region_column, table, problems, required=True)
    label = _column(index, spec.label_column, table, problems) if spec.label_column else None
    year_col = _column(index, spec.year_column, table, problems, required=True) if spec.year_column else None
    series_col = _column(index, spec.series_column, table, problems, required=True) if spec.series_column else None
    split_col = _column(index, spec.split_column, table, problems, required=True) if spec.split_column else None
    if any(p.code == "missing_column" for p in problems):
        return pd.DataFrame(columns=RECORD_COLUMNS), problems

    records = []
    file_year = _only_year(table, spec, year_col)
    for row, line in zip(table.rows, table.lines):
        where = dict(file=table.file, sheet=table.sheet, row=line)
        region = row[fixed]
        total = spec.level in SUB_CITY and (is_total_label(region) or (label is not None and is_total_label(row[label])))
        total_label = (str(row[label] or "") if label is not None and is_total_label(row[label]) else str(region or "")).strip()
        numbers = any(not _blank(row[col]) and str(row[col]).strip() != "-" for _, col, _ in slots)  # 0 is a number, not a blank
        if (region is None or str(region).strip() == "") and not total:
            if numbers:  # numbers of no region
                problems.append(Problem("empty_region", column=spec.region_column, **where))
            continue  # no region and no number: a section heading or a note, which gives nothing to read
        if not numbers and line not in refused:  # 'Sumber: laporan puskesmas' under the table, 'KECAMATAN METRO PUSAT': nothing
            continue  # to read, so its empty year is no error (a known region's empty row is warned of by the intake)
        if total and year_col is not None and _blank(row[year_col]) and file_year is not None:
            year = file_year  # 'Jumlah,,13362,758': a total row of a one-year file leaves its year empty
        else:
            year = _row_year(row, spec, year_col, where, problems)
        series = ANY_SERIES if total and series_col is not None and not str(row[series_col] or "").strip() else _row_series(row, spec, series_col,
                                                                                                                            where, problems)
        split = label_key(row[split_col]) if split_col is not None else None
        for measure, col, slot_year in slots:
            if measure.when is not None and label_key(measure.when) != split:
                continue
            value = _cell_number(row[col], spec, table.columns[col], where, problems, measure, (percent_max or {}).get(measure.indicator, 100.0))
            y = slot_year if slot_year is not None else year
            if value is None or y is None or series is None:
                continue
            records.append([table.file, table.sheet, line, table.columns[col], total_label if total else str(region).strip(), total, y, series,
                            measure.indicator, measure.role, measure.unit, value])
    return pd.DataFrame(records, columns=RECORD_COLUMNS), _marked_years_once(problems)


ONCE_PER_FILE = ("year_marked", "year_from_date")  # said at the first row, with the count of rows


def _marked_years_once(problems: list[Problem]) -> list[Problem]:
    """One warning for the years read without their mark (or from a date), at the first such row with the count
    of rows: one per row would bury the file's other messages under 22 of the same."""
    for code in ONCE_PER_FILE:
        marked = [p for p in problems if p.code == code]
        if not marked:
            continue
        first = marked[0]
        once = Problem(first.code, first.file, row=first.row, column=first.column, value=first.value, severity=first.severity,
                       fields={"rows": len(marked)}, sheet=first.sheet)
        problems = [once if p is first else p for p in problems if p.code != code or p is first]
    return problems


def _measure_slots(table: RawTable, spec: FileSpec, index: dict, problems: list[Problem]) -> list[tuple[Measure, int, int | None]]:
    """(measure, column index, year from a wide header or None) for every number to read."""
    slots = []
    if spec.wide_regex is not None:
        for i, col in enumerate(table.columns):
            m = spec.wide_regex.match(col)
            if not m:
                continue
            for measure in spec.measures:
                if measure.measure == m.group("measure"):
                    slots.append((measure, i, int(m.group("year"))))
        if not slots:
            problems.append(Problem("missing_column", table.file, sheet=table.sheet, fields={"column": spec.wide_pattern}))
        return slots
    for measure in spec.measures:
        i = _column(index, measure.column, table, problems, required=True)
        if i is not None:
            slots.append((measure, i, None))
    return slots


def _column(index: dict, name: str | None, table: RawTable, problems: list[Problem], required: bool = False) -> int | None:
    if name is None:
        return None
    i = index.get(label_key(name))
    if i is None and required and not any(p.code == "missing_column" and p.fields.get("column") == name for p in problems):
        problems.append(Problem("missing_column", table.file, sheet=table.sheet, fields={"column": name, "found": ", ".join(table.columns)}))
    return i


def _blank(cell) -> bool:
    return cell is None or str(cell).strip() == ""


def _only_year(table: RawTable, spec: FileSpec, col: int | None) -> int | None:
    """The one year every dated row of the table gives, if there is one."""
    if spec.year is not None or col is None:
        return None
    years = set()
    for row in table.rows:
        try:
            years.add(_marked_year(row[col])[0])
        except ValueError:
            continue
    years.discard(None)
    return years.pop() if len(years) == 1 else None


def _row_year(row, spec: FileSpec, col, where, problems) -> int | None:
    if spec.year is not None:
        return spec.year
    if col is None:
        return None
    try:
        year, marked = _marked_year(row[col])
    except ValueError:
        problems.append(Problem("bad_year", column=spec.year_column, value=None if _blank(row[col]) else str(row[col]), **where))
        return None
    if marked == "date":
        problems.append(Problem("year_from_date", column=spec.year_column, value=_date_text(row[col]), severity=WARNING, **where))
    elif marked:
        problems.append(Problem("year_marked", column=spec.year_column, value=str(row[col]).strip(), severity=WARNING, **where))
    return year


# '2024*': a year with a footnote mark after it, as statistical tables mark provisional (*) or very provisional (**)
# figures. Every row of such a file was refused as 'not a four-digit year', and its total row as well.
_FOOTNOTE_MARKED = re.compile(r"\s*(\d{4})\s*\*{1,3}\s*")


# a date where a year was wanted: Excel's date cell, or a date written as text (31/08/2024, 2024-08-31)
_DATE_TEXT = re.compile(r"\s*(?:\d{1,2}[/.-]\d{1,2}[/.-](?P<y1>\d{4})|(?P<y2>\d{4})-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*")


def _marked_year(cell) -> tuple[int, bool | str]:
    """The year of a cell and how it was read: False as written, True when a footnote mark was left off it, "date"
    when it is the year of a date (an Excel date cell in a Periode column gave 22 errors 'not a four-digit year',
    one per row). Raises ValueError as parse_year does."""
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return parse_year(cell.year), "date"
    text = str(cell) if isinstance(cell, str) else None
    dated = _DATE_TEXT.fullmatch(text) if text is not None else None
    if dated:
        return parse_year(dated.group("y1") or dated.group("y2")), "date"
    marked = _FOOTNOTE_MARKED.fullmatch(text) if text is not None else None
    return (parse_year(marked.group(1)), True) if marked else (parse_year(cell), False)


def _date_text(cell) -> str:
    """A date as the officer wrote or Excel shows it in Indonesia: 31/08/2024."""
    return cell.strftime("%d/%m/%Y") if isinstance(cell, (datetime.date, datetime.datetime)) else str(cell).strip()


def _row_series(row, spec: FileSpec, col, where, problems) -> str | None:
    if col is None:
        return spec.series
    raw = str(row[col] or "").strip()
    if raw in spec.series_map:
        return spec.series_map[raw]
    problems.append(Problem("unknown_series", column=spec.series_column, value=raw, fields={"expected": ", ".join(spec.series_map)}, **where))
    return None


def _cell_number(cell, spec: FileSpec, column: str, where, problems, measure: Measure, highest: float) -> float | None:
    try:
        value = parse_number(cell, spec.decimal)
    except NumberError as exc:  # 'not_a_number', or '4.88' in a comma file: 'tulis «4,88»'
        problems.append(Problem(exc.code if exc.code == "other_decimal_mark" else "not_a_number", column=column, value=as_found(cell),
                                fields=exc.fields, **where))
        return None
    if value is None:
        return None
    if value < 0:
        problems.append(Problem("negative", column=column, value=as_found(cell), **where))
        return None
    if measure.unit == "%" and value > highest:
        problems.append(Problem("percent_over_100", column=column, value=as_found(cell), fields={"max": Num.needed(highest)}, **where))
        return None
    return value

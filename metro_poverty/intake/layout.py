"""What the columns of an uploaded table mean, when the uploader has not said it.

Rules, in order (a choice the uploader makes always wins):
1. a template written by intake.templates says everything in its hidden sheet;
2. what the uploader's OPD said last about a file of the same shape (its header labels), remembered at
   its load (intake.mapping: the page's column mapping or the CLI's --map), with a warning naming that file
   and the indicator the columns load into;
3. a known layout: a manifest entry of data/raw/manifest.toml, or an earlier batch, whose region column
   and number columns are all in the header (a stated-percentage column may be missing; the layout with
   most columns present wins, the latest on a tie) gives the measures, region column and level, label
   and year columns, series, source and status;
4. the region column is the column whose values resolve best as region names or codes (at least half
   of them), at the finest level that does; a second column holding "Jumlah"/"Total" is the label column;
5. the period is a column labelled Tahun/Year/Periode, else the one year written in the title rows,
   else the one year in the file name; otherwise the uploader is asked. A file name's year that the title
   does not name (one year or several: a month's data and the day it was drawn) is asked about too.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from metro_poverty.intake import region_check
from metro_poverty.intake.choices import LEVELS, Choices
from metro_poverty.intake.detect import blank, is_number
from metro_poverty.pipeline.manifest import Measure
from metro_poverty.problems import WARNING, Problem
from metro_poverty.pipeline.raw import RawTable, label_key
from metro_poverty.regions import RegionResolver, is_total_label

YEAR_LABELS = {"tahun", "year", "periode", "period", "thn"}
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
Note = tuple[str, dict]  # a text id under intake.note.* and its fields


def manifest_layouts(raw_dir: Path) -> list[Choices]:
    path = raw_dir / "manifest.toml"
    if not path.is_file():
        return []
    with path.open("rb") as fh:
        entries = tomllib.load(fh).get("file", [])
    return [layout_of_entry(e) for e in entries]


def layout_of_entry(entry: dict) -> Choices:
    return Choices(measures=tuple(Measure(**m) for m in entry.get("measure", [])), region_column=entry.get("region_column"),
                   region_level=entry.get("level"), label_column=entry.get("label_column"), year_column=entry.get("year_column"),
                   series=entry.get("series", ""), series_column=entry.get("series_column"), series_map=entry.get("series_map", {}),
                   split_column=entry.get("split_column"), wide_pattern=entry.get("wide_pattern"),
                   source_id=entry.get("source_id"), status=entry.get("status"))


def complete(choices: Choices, table: RawTable, title_rows: list[list], file_name: str, resolver: RegionResolver,
             layouts: list[Choices], template: dict | None, remembered: tuple[Choices, str] | None = None
             ) -> tuple[Choices, list[Problem], list[Note]]:
    """The choices with every gap filled by the rules above; problems for what cannot be decided.
    `remembered`: what the uploader's OPD said about a file of this shape (rule 2), and that file's name."""
    problems: list[Problem] = []
    notes: list[Note] = []
    where = dict(file=table.file, sheet=table.sheet)
    if template:
        base = _template_choices(template)
    elif remembered is not None and choices.measures is None:
        base, earlier = remembered
        problems += _remembered_warnings(base, earlier, where)
    else:
        base = _best_layout(choices, table, layouts, notes)
    merged = _merge(choices, base)
    unmapped = merged.measures is None
    merged = _region(merged, table, resolver, problems, notes)
    merged = _period(merged, table, title_rows, file_name, problems, notes)
    if unmapped:
        # the columns still to be given a meaning: not those read as the region, its name or the year (the
        # message listed 'Kelurahan, Tahun' beside the notes that had just recognised them)
        known = {merged.region_column, merged.label_column, merged.year_column, merged.series_column, merged.split_column}
        numbers = [c for c in number_columns(table) if c not in known]
        problems.insert(0, Problem("columns_unmapped", fields={"columns": ", ".join(numbers) or "–",
                                                               "indicators": ", ".join(choices.indicators) or "–"}, **where))
    return merged, problems, notes


def _remembered_warnings(base: Choices, earlier: str, where: dict) -> list[Problem]:
    """A warning per indicator that meanings remembered from an earlier file load into: the same header is not the
    same content (a sanitation table under the water table's labels was read as 'Air minum layak', 'no problems')."""
    columns: dict[str, list[str]] = {}
    for m in base.measures or ():
        columns.setdefault(m.indicator, []).append(m.column)
    return [Problem("remembered_mapping", severity=WARNING,
                    fields={"file": earlier, "indicator": code, "columns": ", ".join(dict.fromkeys(cols))}, **where)
            for code, cols in columns.items()]


ROW_NUMBER_LABELS = {"no", "no.", "nomor", "no urut", "urut", "#"}


SAMPLED_ROWS = 1000  # a column of figures shows one in its first rows; a 100.000-row file is not read cell by cell again


def number_columns(table: RawTable) -> list[str]:
    """The columns that may hold a figure, in the table's order (_holds_measures)."""
    return [c for i, c in enumerate(table.columns) if c and _holds_measures(table, i, c)]


def _holds_measures(table: RawTable, index: int, column: str) -> bool:
    """A column that may hold a figure: some cell of its first rows is a number, and it is not the rows' numbering
    ('No') — the message listed the kelurahan names and the row numbers among the columns to give a meaning."""
    if label_key(column) in ROW_NUMBER_LABELS:
        return False
    return any(index < len(row) and not blank(row[index]) and is_number(row[index]) for row in table.rows[:SAMPLED_ROWS])


def _merge(given: Choices, base: Choices | None) -> Choices:
    """The uploader's choices over a layout's: only what the uploader left empty is taken."""
    if base is None:
        return given
    out = given
    for name in ("measures", "region_column", "region_level", "label_column", "year_column", "series_column", "split_column",
                 "wide_pattern", "source_id", "status", "sheet", "header_row", "header_rows", "percent_rule"):
        if getattr(out, name) is None and getattr(base, name) is not None:
            out = out.but(**{name: getattr(base, name)})
    if not given.series and given.series_column is None:
        out = out.but(series=base.series, series_map=dict(base.series_map) if base.series_column else given.series_map)
    if given.measures is None and given.indicators and out.measures:
        out = out.but(measures=tuple(m for m in out.measures if m.indicator in given.indicators))
    return out


def _best_layout(choices: Choices, table: RawTable, layouts: list[Choices], notes: list[Note]) -> Choices | None:
    if choices.measures is not None:
        return None
    header = {label_key(c) for c in table.columns}
    best, best_score = None, 0
    for layout in layouts:
        measures = [m for m in layout.measures or () if not choices.indicators or m.indicator in choices.indicators]
        if not measures or layout.wide_pattern or label_key(layout.region_column) not in header:
            continue
        # a stated percentage is only checked, so a file without that column still fits the layout
        if not all(label_key(m.column) in header for m in measures if m.role != "stated"):
            continue
        present = [m for m in measures if label_key(m.column) in header]
        if len(present) >= best_score:
            best, best_score = layout.but(measures=tuple(present)), len(present)
    if best is not None:
        notes.append(("intake.note.layout", {"columns": ", ".join(dict.fromkeys(m.column for m in best.measures))}))
        if best.year_column and label_key(best.year_column) not in header:
            best = best.but(year_column=None)
        if best.label_column and label_key(best.label_column) not in header:
            best = best.but(label_column=None)
    return best


def _template_choices(meta: dict) -> Choices:
    measures = tuple(Measure(**m) for m in meta.get("measures", []))
    return Choices(measures=measures, region_column=meta.get("region_column"), region_level=meta.get("level"),
                   year_column=meta.get("year_column"), sheet=meta.get("sheet"), header_row=meta.get("header_row"),
                   header_rows=1, percent_rule=meta.get("percent_rule"), source_id=meta.get("source_id"), status=meta.get("status"))


def _region(ch: Choices, table: RawTable, resolver: RegionResolver, problems: list[Problem], notes: list[Note]) -> Choices:
    if ch.region_column is None or ch.region_level is None:
        found = region_column(table, resolver, ch.region_column)
        if found is None:
            undotted = region_check.undotted_kemendagri_column(table, resolver) if ch.region_column is None else None
            said = region_check.check(table, resolver, undotted, "kelurahan") if undotted else []
            # Kemendagri codes without their dots: say that, not 'no region column', which the officer cannot act on
            problems.extend(said or [Problem("no_region_column", table.file, sheet=table.sheet,
                                             fields={"columns": ", ".join(c for c in table.columns if c)})])
            return ch
        column, level, share = found
        notes.append(("intake.note.region_column", {"column": column, "level": level, "share": f"{share:.0%}"}))
        ch = ch.but(region_column=ch.region_column or column, region_level=ch.region_level or level)
    if ch.region_level not in LEVELS:
        problems.append(Problem("bad_level", table.file, value=str(ch.region_level), fields={"expected": ", ".join(LEVELS)}))
    else:  # codes without dots read in the wrong system, a second region column that says otherwise
        problems += region_check.check(table, resolver, ch.region_column, ch.region_level)
    if ch.label_column is None:
        ch = ch.but(label_column=_label_column(table, ch.region_column))
    return ch


def region_column(table: RawTable, resolver: RegionResolver, only: str | None = None) -> tuple[str, str, float] | None:
    """(column, level, share resolved) of the column whose values resolve best, or None."""
    best = None
    for i, col in enumerate(table.columns):
        if only is not None and label_key(col) != label_key(only):
            continue
        cells = {c for c in (row[i] for row in table.rows) if not blank(c)}
        for rank, level in enumerate(LEVELS):  # finest first: a tie goes to the finer level
            # "Kota Metro" totals a kelurahan file, but is the region itself in a city file
            values = cells if level == "city" else {c for c in cells if not is_total_label(c)}
            if not values:
                continue
            share = sum(resolver.resolve(v, level) is not None for v in values) / len(values)
            key = (share, -rank)
            if share >= 0.5 and (best is None or key > best[0]):
                best = (key, col, level, share)
    return None if best is None else (best[1], best[2], best[3])


def _label_column(table: RawTable, region: str | None) -> str | None:
    for i, col in enumerate(table.columns):
        if label_key(col) != label_key(region) and any(is_total_label(row[i]) for row in table.rows if not blank(row[i])):
            return col
    return None


def _period(ch: Choices, table: RawTable, title_rows: list[list], file_name: str, problems: list[Problem], notes: list[Note]) -> Choices:
    if ch.period is not None or ch.wide_pattern:
        return ch.but(year_column=None) if ch.period is not None else ch
    named = _named_years(title_rows, file_name)
    if ch.year_column is not None:
        problems += _column_against_named(table, ch.year_column, named)
        return ch
    labelled = next((c for c in table.columns if label_key(c) in YEAR_LABELS), None)
    if labelled is not None:
        notes.append(("intake.note.year_column", {"column": labelled}))
        problems += _column_against_named(table, labelled, named)
        return ch.but(year_column=labelled)
    title, in_name = named.get("title", ()), named.get("file_name", ())
    if len(in_name) == 1 and title and in_name[0] not in title:
        # 'REKAP STUNTING TAHUN 2023' in 'rekap_2024.csv': the title's year was taken and the report said nothing, so a
        # 2024 file would have replaced 2023's values. A title naming several years ('BULAN AGUSTUS 2025', 'ditarik
        # tanggal 10 Januari 2026') was ignored, so a reused 'rekap_2024.xlsx' loaded August 2025 as 2024. The officer
        # says which.
        problems.append(Problem("period_conflict", table.file, sheet=table.sheet,
                                fields={"title": ", ".join(map(str, title)), "file_name": str(in_name[0])}))
        return ch
    # the title's year when it names one, else the file name's (which a title naming several years may include)
    rule, period = next(((r, years[0]) for r, years in (("title", title), ("file_name", in_name)) if len(years) == 1), (None, None))
    if rule is not None:
        notes.append((f"intake.note.period_from_{rule}", {"period": period}))
        return ch.but(period=period)
    problems.append(Problem("no_period", table.file, sheet=table.sheet))
    return ch


def _named_years(title_rows: list[list], file_name: str) -> dict[str, tuple[int, ...]]:
    """The years the title names, and those the file name names, in order (either left out when it names none)."""
    named = {}
    for rule, texts in (("title", [str(c) for row in title_rows for c in row if not blank(c)]), ("file_name", [file_name])):
        years = tuple(sorted({int(y) for text in texts for y in _YEAR.findall(text)}))
        if years:
            named[rule] = years
    return named


def _column_against_named(table: RawTable, column: str, named: dict[str, tuple[int, ...]]) -> list[Problem]:
    """A warning when the year column holds none of the years the title or the file name names: 'REKAP STUNTING
    TAHUN 2023' in 'stunting_2022.csv' with 2024 in its Tahun column was loaded as 2024 with 'no problems'."""
    index = next((i for i, c in enumerate(table.columns) if label_key(c) == label_key(column)), None)
    if index is None or not named:
        return []
    held = sorted({int(y) for row in table.rows if index < len(row) and not blank(row[index]) for y in _YEAR.findall(str(row[index]))})
    if not held:
        return []
    return [Problem(f"period_column_differs_{rule}", table.file, sheet=table.sheet, column=column, severity=WARNING,
                    value=", ".join(map(str, held[:5])), fields={"year": ", ".join(map(str, years))})
            for rule, years in named.items() if not set(years) & set(held)]

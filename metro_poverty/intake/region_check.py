"""Two checks of an uploaded table's region column that catch a file read into the wrong kelurahan.

1. Kemendagri codes written without dots (1872011001 for 18.72.01.1001, as DTSEN and Dukcapil exports write
   them) have the shape of BPS codes, and some are BPS codes of other kelurahan: 1872011001 is Metro by
   Kemendagri and another kelurahan by BPS. When most codes of the column also resolve read the Kemendagri way
   and the two readings name different kelurahan, the file is stopped: a column of names settles which system
   it is (nothing to ask when it agrees with the BPS reading), otherwise the officer is asked to write the
   codes with dots or to add the names.
2. A second column naming the regions (names beside codes, or codes beside names) is compared row by row
   with the region column: a row where the two name different regions (one column sorted on its own in
   Excel) is an error naming both.
"""

from __future__ import annotations

import re

from metro_poverty.intake.detect import blank
from metro_poverty.pipeline.raw import RawTable, label_key
from metro_poverty.problems import Problem
from metro_poverty.regions import RegionResolver, code_key, is_total_label

_UNDOTTED_KELURAHAN = re.compile(r"^\d{10}$")
MOST = 0.5  # the share of a column's values that must resolve for it to count as naming regions


def check(table: RawTable, resolver: RegionResolver, column: str, level: str) -> list[Problem]:
    index = next((i for i, c in enumerate(table.columns) if label_key(c) == label_key(column)), None)
    if index is None:
        return []
    others = [i for i, c in enumerate(table.columns) if i != index and _names_regions(table, resolver, i, level)]
    problems = _code_system(table, resolver, index, level, others)
    if problems:
        return problems
    return [p for other in others for p in _disagreements(table, resolver, index, other, level)]


def undotted_kemendagri_column(table: RawTable, resolver: RegionResolver) -> str | None:
    """The column most of whose values are 10-digit codes that name kelurahan only when read as Kemendagri codes
    with their dots left out (1872011001): region detection, reading them as BPS codes, finds no region column."""
    for i, column in enumerate(table.columns):
        codes = [code_key(v) for _, v in _values(table, i)]
        if codes and sum(bool(c) and bool(_UNDOTTED_KELURAHAN.match(c)) and resolver.resolve(_dotted(c), "kelurahan") is not None
                         for c in codes) / len(codes) >= MOST:
            return column
    return None


def _values(table: RawTable, i: int) -> list[tuple[int, object]]:
    """(line, cell) of the column's cells that may name a region (no blanks, no totals)."""
    return [(line, row[i]) for line, row in zip(table.lines, table.rows) if not blank(row[i]) and not is_total_label(row[i])]


def _names_regions(table: RawTable, resolver: RegionResolver, i: int, level: str) -> bool:
    values = _values(table, i)
    return bool(values) and sum(resolver.resolve(v, level) is not None for _, v in values) / len(values) >= MOST


def _dotted(code: str) -> str:
    return f"{code[:2]}.{code[2:4]}.{code[4:6]}.{code[6:]}"


def _code_system(table: RawTable, resolver: RegionResolver, index: int, level: str, others: list[int]) -> list[Problem]:
    if level != "kelurahan":  # kecamatan codes differ in length between the systems (6 and 7 digits)
        return []
    codes = [(line, code_key(v)) for line, v in _values(table, index)]
    codes = [(line, c) for line, c in codes if c and _UNDOTTED_KELURAHAN.match(c)]
    if not codes:
        return []
    bps = {c: resolver.resolve(c, level) for _, c in codes}
    kemendagri = {c: resolver.resolve(_dotted(c), level) for _, c in codes}
    if sum(v is not None for v in kemendagri.values()) / len(kemendagri) < MOST:
        return []  # BPS codes: they do not read as Kemendagri codes
    differ = [c for c in bps if bps[c] != kemendagri[c]]
    if not differ:
        return []
    names = _name_column(table, resolver, index, others, level)
    example = differ[0]
    fields = {"example": example, "bps_name": _name(resolver, bps[example]), "kmd_name": _name(resolver, kemendagri[example])}
    column = table.columns[index]
    if names is None:
        return [Problem("ambiguous_code_system", table.file, column=column, sheet=table.sheet, fields=fields)]
    by_line = {line: resolver.resolve(v, level) for line, v in _values(table, names)}
    agree_bps = sum(by_line.get(line) == bps[c] for line, c in codes)
    agree_kmd = sum(by_line.get(line) == kemendagri[c] for line, c in codes)
    if agree_bps >= agree_kmd:
        return []  # the names say BPS: the codes are read as written
    return [Problem("kemendagri_without_dots", table.file, column=column, sheet=table.sheet,
                    fields={**fields, "names": table.columns[names]})]


def _name_column(table: RawTable, resolver: RegionResolver, index: int, others: list[int], level: str) -> int | None:
    """A column of region names (not codes) among the others, if any."""
    for i in others:
        values = _values(table, i)
        if sum(code_key(v) is None for _, v in values) / len(values) >= MOST:
            return i
    return None


def _disagreements(table: RawTable, resolver: RegionResolver, index: int, other: int, level: str) -> list[Problem]:
    out = []
    for line, row in zip(table.lines, table.rows):
        a, b = row[index], row[other]
        if blank(a) or blank(b) or is_total_label(a) or is_total_label(b):
            continue
        here, there = resolver.resolve(a, level), resolver.resolve(b, level)
        if here is not None and there is not None and here != there:
            fields = {"region": _name(resolver, here), "other": table.columns[other], "other_value": str(b), "other_region": _name(resolver, there)}
            # a code among dotted ones written without its dots (1872011001) reads as the BPS code of another kelurahan:
            # with its dots it names this row's region, so the row is right and the dots are what is missing
            dotted = _dotted_reading(resolver, b, level) if level == "kelurahan" else None
            code = "region_code_without_dots" if dotted is not None and resolver.resolve(dotted, level) == here else "region_columns_disagree"
            out.append(Problem(code, table.file, row=line, column=table.columns[index], value=str(a), sheet=table.sheet,
                               fields=fields | ({"dotted": dotted} if code == "region_code_without_dots" else {})))
    return out


def _dotted_reading(resolver: RegionResolver, cell, level: str) -> str | None:
    """The Kemendagri code a 10-digit cell is when read with its dots, if that names a region."""
    key = code_key(cell)
    if not key or not _UNDOTTED_KELURAHAN.match(key):
        return None
    return _dotted(key) if resolver.resolve(_dotted(key), level) is not None else None


def _name(resolver: RegionResolver, code: str | None) -> str:
    return "–" if code is None else f"{resolver.name(code)} ({code})"

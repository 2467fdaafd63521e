"""The fuzz corpus of the intake: more than 200 generated files, each with what must become of it.

    refused   an error report (no internal error), and a load blocked with the store unchanged;
              `codes` must be among the problems, each a cell problem located at its row
    confirm   warnings only, which a load waits for: needs confirmation, the store unchanged
    loads     no error, and exactly the values generated (numerator and denominator per kelurahan)
    either    a damaged copy of a good file: refused like the above, or read as the original

Seeded: the same files every run. Kinds: workbook bombs (intake_bombs), damaged workbooks (bits flipped,
cut short), random bytes, files that must load in every number format OPDs write (dotted thousands in
quotes, decimal commas, percent signs, UTF-16 tab text, Windows-1252, typed and text Excel cells, two-row
headers), values that must never load silently (inf, NaN, 130 000 digits, half a child, 12 % children,
the year 1900 or next year, more children than the city has, a rate that contradicts its counts, …),
and broken shapes (empty, no header, too many rows, columns or cells, too large, several sheets).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime

from intake_bombs import BOMBS, far_cell, lying_dimension, many_cells, many_rows, many_styles, merged
from intake_support import EPPGBM_HEADER, csv_bytes, eppgbm_rows, xlsx_bytes

from metro_poverty.intake import read
from metro_poverty.intake.choices import Choices
from metro_poverty.pipeline.manifest import Measure

YEAR = 2025
KELURAHAN = [r[2] for r in eppgbm_rows(YEAR)[4:]]


@dataclass
class Case:
    name: str  # "<kind>: what it is"; kind: bomb | damaged | random | format | silent | shape
    data: bytes
    file_name: str
    expect: str  # refused | confirm | loads | either
    codes: tuple[str, ...] = ()
    values: dict = field(default_factory=dict)  # kelurahan as written -> (denominator, numerator)
    choices: Choices = field(default_factory=Choices)
    located: bool = False  # the expected problems name their row (cell problems)


def counts(seed: int) -> dict[str, tuple[int, int]]:
    """Children measured and stunted per kelurahan: whole numbers, some above a thousand."""
    rng = random.Random(seed)
    out = {}
    for name in KELURAHAN:
        measured = rng.randrange(300, 3000)
        out[name] = (measured, rng.randrange(int(0.02 * measured), int(0.09 * measured)))
    return out


def table(values: dict, number=str, percent=lambda v: f"{v:.2f}".replace(".", ",")) -> list[list]:
    """An e-PPGBM table (title rows, header, one row per kelurahan) with its cells written by the given functions."""
    rows = [[f"LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS {YEAR}"], ["DINAS KESEHATAN KOTA METRO"], [], EPPGBM_HEADER]
    for i, (name, (measured, stunted)) in enumerate(values.items(), start=1):
        rows.append([str(i), "Puskesmas", name, number(measured), number(stunted), percent(100 * stunted / measured)])
    return rows


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def text_file(rows: list[list], sep: str, encoding: str, quoting=csv.QUOTE_MINIMAL, bom: bytes = b"") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, quoting=quoting, lineterminator="\r\n").writerows(rows)
    return bom + buf.getvalue().encode(encoding)


def typed(rows: list[list]) -> list[list]:
    """Rows as Excel keeps them: numbers typed."""
    out = rows[:4]
    for r in rows[4:]:
        out.append([int(r[0]), r[1], r[2], int(r[3]), int(r[4]), float(r[5].replace(",", "."))])
    return out


FORMATS = {  # name -> (file name, bytes) of the values
    "semicolons and decimal commas": lambda v: ("eppgbm.csv", csv_bytes(table(v))),
    "dotted thousands in quotes, commas, BOM": lambda v: ("eppgbm.csv", text_file(
        table(v, dotted, lambda p: f"{p:.2f}"), ",", "utf-8", csv.QUOTE_ALL, b"\xef\xbb\xbf")),
    "comma thousands in quotes, decimal points": lambda v: ("eppgbm.csv", text_file(
        table(v, lambda n: f"{n:,}", lambda p: f"{p:.2f}"), ",", "utf-8", csv.QUOTE_ALL)),
    "dotted thousands, semicolons, decimal commas": lambda v: ("eppgbm.csv", csv_bytes(table(v, dotted))),
    "percent signs": lambda v: ("eppgbm.csv", csv_bytes(table(v, str, lambda p: f"{p:.2f}%".replace(".", ",")))),
    "Excel Unicode Text (UTF-16, tabs)": lambda v: ("eppgbm.txt", text_file(table(v), "\t", "utf-16")),
    "UTF-16 without a byte order mark": lambda v: ("eppgbm.txt", text_file(table(v), "\t", "utf-16-le")),
    "Windows-1252": lambda v: ("eppgbm.csv", text_file([["Rekap – Agustus"]] + table(v), ";", "cp1252")),
    "typed Excel cells": lambda v: ("eppgbm.xlsx", xlsx_bytes({"Data": typed(table(v))})),
    "Excel cells as text with dotted thousands": lambda v: ("eppgbm.xlsx", xlsx_bytes({"Data": table(v, dotted)})),
    "a lying sheet dimension": lambda v: ("eppgbm.xlsx", lying_dimension()),
}


def format_cases() -> list[Case]:
    out = []
    for seed in range(6):
        values = counts(seed)
        for name, make in FORMATS.items():
            if name == "a lying sheet dimension":
                continue
            file_name, data = make(values)
            out.append(Case(f"format: {name} #{seed}", data, file_name.replace("eppgbm", f"eppgbm_{seed}"), "loads", values=values))
    base = {"Kel. Metro": (759, 28), "Kel. Imopuro": (718, 36)}
    out.append(Case("format: a lying sheet dimension", lying_dimension(), "dimensi.xlsx", "loads", values=base))
    two_rows = [["e-PPGBM AGUSTUS 2025"], [], ["Kelurahan", "Jumlah Balita", None], [None, "Diukur", "Stunting"]]
    values = counts(99)
    two_rows += [[name, m, s] for name, (m, s) in values.items()]
    out.append(Case("format: a header over two merged rows", xlsx_bytes({"Data": two_rows}, merges={"Data": ["A1:C1", "A3:A4", "B3:C3"]}),
                    "gabung.xlsx", "loads", values=values))
    return out


def with_cell(values: dict, line: int, column: int, cell, rows=None) -> list[list]:
    """The table of the values with one cell replaced (line: as the file shows it, 5 = first kelurahan)."""
    rows = rows or table(values)
    rows[line - 1] = list(rows[line - 1])
    rows[line - 1][column] = cell
    return rows


SILENT = {  # name -> (cell written, column, codes expected)
    "130 000 digits in a denominator": ("1" * 130_000, 3, ("cell_too_long",)),
    "400 digits in a denominator": ("9" * 400, 3, ("not_finite",)),
    "inf in a denominator": ("inf", 3, ("not_a_number",)),
    "Infinity in a count": ("Infinity", 4, ("not_a_number",)),
    "NaN in a count": ("NaN", 4, ("not_a_number",)),
    "half a child": ("12,5", 4, ("fractional_count",)),
    "12 % children": ("12%", 4, ("percent_in_count",)),
    "a negative count": ("-801", 3, ("negative",)),
    "a count in words": ("tiga puluh", 4, ("not_a_number",)),
    "more children than the city has": ("100000000000000000000", 3, ("count_impossible",)),
    "a prevalence above 100": ("587,00", 5, ("above_max",)),
    "an unknown kelurahan": ("Kelurahan Atlantis", 2, ("unknown_region",)),
    "a formula in a csv cell": ("=1+1", 3, ("not_a_number",)),
}


def silent_cases() -> list[Case]:
    out = []
    for name, (cell, column, codes) in SILENT.items():
        for n, line in enumerate((5, 14, 26)):
            values = counts(100 + n)
            out.append(Case(f"silent: {name} (row {line})", csv_bytes(with_cell(values, line, column, cell)), f"eppgbm_{n}.csv", "refused", codes,
                            located=True))
    for n, line in enumerate((6, 17, 23)):
        values = counts(200 + n)
        rows = with_cell(values, line, 5, "9,22" if values[KELURAHAN[line - 5]][1] / values[KELURAHAN[line - 5]][0] < 0.08 else "1,22")
        out.append(Case(f"silent: a prevalence that contradicts its counts (row {line})", csv_bytes(rows), f"eppgbm_{n}.csv", "confirm",
                        ("stated_differs",), located=True))
    this_year = date.today().year
    for year in (1998, this_year + 1):
        rows = table(counts(300 + year % 7))
        rows[0] = [f"LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS {year}"]
        out.append(Case(f"silent: the year {year} in the title", csv_bytes(rows), f"eppgbm_{year}.csv", "refused", ("period_out_of_range",)))
    for year in (1900, 1950, this_year + 2):
        rows = [["Kelurahan", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"]] + [
            [name, str(year), str(m), str(n)] for name, (m, n) in counts(310 + year % 7).items()]
        out.append(Case(f"silent: the year {year} in a Tahun column", csv_bytes(rows), "eppgbm.csv", "refused", ("period_out_of_range",),
                        located=True))
    for n, line in enumerate((5, 12, 20)):
        rows = with_cell(counts(400 + n), line, 4, 12.0, typed(table(counts(400 + n))))
        data = xlsx_bytes({"Data": rows}, formats={"Data": {f"E{line}": "0%"}})
        out.append(Case(f"silent: an Excel percentage in a count column (row {line})", data, f"eppgbm_{n}.xlsx", "refused", ("percent_in_count",),
                        located=True))
        rows = with_cell(counts(500 + n), line, 3, "=D6*2", typed(table(counts(500 + n))))
        out.append(Case(f"silent: a formula without a saved value (row {line})", xlsx_bytes({"Data": rows}), f"eppgbm_{n}.xlsx", "refused",
                        ("formula_without_value",), located=True))
        rows = table(counts(600 + n))
        out.append(Case(f"silent: a kelurahan twice (row {line})", csv_bytes(rows + [rows[line - 1]]), f"eppgbm_{n}.csv", "refused", ("duplicate_row",)))
    poor = Choices(measures=(Measure("poor_count", "value", "ribu jiwa", column="Penduduk miskin"),), region_level="city", region_column="Wilayah",
                   period=2024, source_id="illus_dinsos_register", status="illustrative")
    for n, cell in enumerate(("12,070", "11.500", "13,125")):
        sep = ";" if "," in cell else ","
        out.append(Case(f"silent: thousands or decimals cannot be told ({cell})", csv_bytes([["Wilayah", "Penduduk miskin"], ["Kota Metro", cell]], sep),
                        f"miskin_{n}.csv", "refused", ("ambiguous_number",), choices=poor))
    return out


def flipped(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randrange(1, 9)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def damaged_cases() -> list[Case]:
    values = counts(7)
    good = xlsx_bytes({"Data": typed(table(values))})
    out = [Case(f"damaged: bits flipped #{s}", flipped(good, s), "rusak.xlsx", "either", values=values) for s in range(40)]
    for n, fraction in enumerate((0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99)):
        out.append(Case(f"damaged: cut at {fraction:.0%}", good[: int(len(good) * fraction)], "terpotong.xlsx", "refused", ("damaged_excel",)))
    out.append(Case("damaged: a zip that holds no workbook", _zip({"hello.txt": b"halo"}), "bukan.xlsx", "refused", ("damaged_excel",)))
    out.append(Case("damaged: the workbook part missing", _without(good, "xl/workbook.xml"), "rusak.xlsx", "refused", ("damaged_excel",)))
    out.append(Case("damaged: a worksheet that is not XML", _replaced(good, "xl/worksheets/sheet1.xml", b"<<<not xml"), "rusak.xlsx", "refused",
                    ("damaged_excel",)))
    return out


def _zip(parts: dict[str, bytes]) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, body in parts.items():
            zf.writestr(path, body)
    return buf.getvalue()


def _without(data: bytes, part: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return _zip({i.filename: zf.read(i.filename) for i in zf.infolist() if i.filename != part})


def _replaced(data: bytes, part: str, body: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return _zip({i.filename: (body if i.filename == part else zf.read(i.filename)) for i in zf.infolist()})


def bomb_cases() -> list[Case]:
    codes = {"one merged range of 50 million cells": "workbook_merged", "3,8 million cells": "workbook_cells",
             "1,5 million cell styles": "workbook_styles", "a cell at the last row and column": "workbook_rows",
             "a cell at row 1 048 576": "workbook_rows", "200 000 empty rows": "workbook_rows", "2 million shared strings": "workbook_strings",
             "300 000 defined names": "workbook_elements", "1 200 parts": "workbook_parts", "a five-million-character cell": "cell_too_long",
             "billion laughs": "damaged_excel", "a part that unpacks to 101 MB": "too_large"}
    out = [Case(f"bomb: {name}", make(), "bom.xlsx", "refused", (codes[name],)) for name, make in BOMBS.items()]
    out += [Case(f"bomb: merged up to {last}", merged(last), "bom.xlsx", "refused", ("workbook_merged",)) for last in ("ZZ10000", "SF5000", "XFD1048576")]
    out += [Case(f"bomb: {n:,} cells".replace(",", " "), many_cells(n // 50, 50), "bom.xlsx", "refused", ("workbook_cells",))
            for n in (600_000, 1_000_000, 2_000_000)]
    out += [Case(f"bomb: {n:,} styles".replace(",", " "), many_styles(n), "bom.xlsx", "refused", ("workbook_styles",)) for n in (70_000, 400_000)]
    out += [Case(f"bomb: a cell at {ref}", far_cell(ref), "bom.xlsx", "refused", (code,))
            for ref, code in (("SG1", "workbook_columns"), ("A100001", "workbook_rows"), ("ZZZ99", "workbook_columns"))]
    out += [Case("bomb: 100 001 empty rows", many_rows(100_001), "bom.xlsx", "refused", ("workbook_rows",))]
    return out


def random_cases() -> list[Case]:
    out = []
    for s in range(15):
        rng = random.Random(s)
        out.append(Case(f"random: bytes #{s}", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 5000))), "acak.csv", "refused"))
    for s in range(5):
        rng = random.Random(100 + s)
        out.append(Case(f"random: bytes behind a zip header #{s}", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(3000)), "acak.xlsx",
                        "refused", ("damaged_excel",)))
    for s in range(10):
        rng = random.Random(200 + s)
        text = bytes(rng.choice(b"abc;,.0123456789 \n\"%-") for _ in range(rng.randrange(50, 4000)))
        out.append(Case(f"random: printable text #{s}", text, "teks.csv", "refused"))
    return out


def shape_cases() -> list[Case]:
    header_only = csv_bytes([EPPGBM_HEADER])
    wide = csv_bytes([[f"K{i}" for i in range(read.MAX_COLUMNS + 1)], ["Metro"] + ["1"] * read.MAX_COLUMNS])
    long = b"Kelurahan;Tahun;Jumlah Balita Diukur;Jumlah Balita Stunting\r\n" + b"Kel. Metro;2025;759;28\r\n" * (read.MAX_ROWS + 1)
    many = b"\r\n".join([b";".join([b"1"] * 400)] * 1_300)
    rows = eppgbm_rows(YEAR)
    return [
        Case("shape: empty", b"", "kosong.csv", "refused", ("empty_file",)),
        Case("shape: only blanks", b" \r\n\t\r\n", "spasi.csv", "refused", ("empty_file",)),
        Case("shape: blanks in UTF-16", " \r\n".encode("utf-16"), "spasi.txt", "refused", ("empty_file",)),
        Case("shape: a header and nothing else", header_only, "judul.csv", "refused"),
        Case("shape: a title row only", csv_bytes([["LAPORAN"]]), "judul.csv", "refused", ("header_not_detected",)),
        Case("shape: numbers only", csv_bytes([["1", "2", "3"], ["4", "5", "6"]]), "angka.csv", "refused", ("header_not_detected",)),
        Case("shape: an old .xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "lama.xls", "refused", ("old_excel",)),
        Case("shape: a binary file", b"MZ\x90\x00" + bytes(200), "program.csv", "refused", ("binary_file",)),
        Case("shape: an unclosed quote and a giant cell", b'Kelurahan;Nilai\r\nMetro;"' + b"x" * 200_000, "kutip.csv", "refused", ("unreadable_csv",)),
        Case("shape: 501 columns", wide, "lebar.csv", "refused", ("too_many_cells",)),
        Case("shape: 100 001 rows", long, "panjang.csv", "refused", ("too_many_cells",)),
        Case("shape: 520 000 cells", many, "sel.csv", "refused", ("workbook_cells",)),
        Case("shape: over 10 MB", b"Kelurahan;Nilai\r\n" + b"Metro;1\r\n" * (read.MAX_BYTES // 9 + 2), "besar.csv", "refused", ("too_large",)),
        Case("shape: two sheets with a table", xlsx_bytes({"2024": rows, "2025": rows}), "dua.xlsx", "refused", ("choose_sheet",)),
        Case("shape: markup and a path in the name", csv_bytes(with_cell(counts(1), 6, 3, "<b>801</b>")), "<img src=x>/../../etc/passwd\n.csv",
             "refused", ("not_a_number",)),
        Case("shape: a script in a name cell", csv_bytes(with_cell(counts(2), 6, 2, "<script>alert('x')</script>")), "html.csv", "refused",
             ("unknown_region",)),
        Case("shape: neither UTF-8 nor Windows-1252", b"Kelurahan;Nilai\r\nMetro\x81\x8d;1\r\n", "rusak.csv", "refused", ("encoding",)),
        Case("shape: a formula as a link in a name cell", csv_bytes(with_cell(counts(3), 5, 2, '=HYPERLINK("http://contoh.invalid","Metro")')),
             "rumus.csv", "refused", ("unknown_region",)),
        Case("shape: merged cells over the data", xlsx_bytes({"Data": [["e-PPGBM AGUSTUS 2025"], [], EPPGBM_HEADER[2:5], ["Kel. Metro", 759, 28],
                                                                       ["Kel. Imopuro", 718, 36]]}, merges={"Data": ["A4:C5"]}), "gabung.xlsx",
             "refused"),
        Case("shape: more stunted than measured", csv_bytes(with_cell(counts(4), 6, 4, "900000")), "rasio.csv", "refused", ("ratio_invalid",)),
        Case("shape: a date in a count column", xlsx_bytes({"Data": [["e-PPGBM AGUSTUS 2025"], [], EPPGBM_HEADER[2:5],
                                                                     ["Kel. Metro", datetime(2025, 8, 1), 28]]}), "tanggal.xlsx", "refused",
             ("not_a_number",)),
        Case("shape: a date serial as the year", xlsx_bytes({"Data": [["Kelurahan", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"],
                                                                      ["Kel. Metro", 45870, 759, 28]]}), "serial.xlsx", "refused", ("bad_year",)),
    ]


def corpus() -> dict[str, Case]:
    cases = bomb_cases() + damaged_cases() + random_cases() + format_cases() + silent_cases() + shape_cases()
    return {c.name: c for c in cases}

"""Fuzz: malformed uploads of every kind end in a clear report, never an exception, and the store stays
as it was (CURRENT, the observations, the intake directory). Cells and file names are data: formulas
are not computed, markup and paths in them are only shown back as text."""

import io
import random
import zipfile
from datetime import datetime

import pytest
from intake_support import DINKES, EPPGBM_HEADER, csv_bytes, eppgbm_rows, inputs_with_store, snapshot, xlsx_bytes

from metro_poverty import i18n
from metro_poverty.intake import loader, read
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview

TITLE = [["LAPORAN e-PPGBM AGUSTUS 2025"], []]


def rows_with(line: int, cells: dict[int, object]) -> list[list]:
    """The complete 2025 e-PPGBM rows with cells of one data row replaced (line 5 is the first data row)."""
    rows = eppgbm_rows(2025)
    row = list(rows[line - 1])
    for col, value in cells.items():
        row[col] = value
    rows[line - 1] = row
    return rows


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (read.MAX_UNPACKED_BYTES + 1))
    return buf.getvalue()


def random_bytes(seed: int, prefix: bytes = b"") -> bytes:
    rng = random.Random(seed)
    return prefix + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))


CASES = {
    **{f"random bytes {s}": (random_bytes(s), "acak.csv") for s in range(8)},
    **{f"random bytes behind a zip header {s}": (random_bytes(s, b"PK\x03\x04"), "acak.xlsx") for s in range(2)},
    "random printable text": (bytes(random.Random(9).choice(b"abc;,.0123456789 \n\"") for _ in range(3000)), "teks.csv"),
    "empty": (b"", "kosong.csv"),
    "only whitespace": (b" \r\n\t\r\n", "spasi.csv"),
    "over the size limit": (b"Kelurahan;Nilai\r\n" + b"Metro;1\r\n" * (read.MAX_BYTES // 9 + 2), "besar.csv"),
    "an xlsx that unpacks to too much": (zip_bomb(), "bom.xlsx"),
    "utf-16 text": ("Kelurahan;Nilai\r\nMetro;1\r\n".encode("utf-16"), "utf16.csv"),
    "neither utf-8 nor windows-1252": (b"Kelurahan;Nilai\r\nMetro\x81\x8d;1\r\n", "rusak.csv"),
    "an old .xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "lama.xls"),
    "a header and no data": (csv_bytes([EPPGBM_HEADER]), "kosong.csv"),
    "an unclosed quote with a giant cell": (b'Kelurahan;Nilai\r\nMetro;"' + b"x" * 200_000, "kutip.csv"),
    "formulas in csv cells": (csv_bytes(rows_with(5, {2: '=HYPERLINK("http://contoh.invalid","Metro")', 3: "=1+1"})), "rumus.csv"),
    "formulas in xlsx cells": (xlsx_bytes({"Data": TITLE + [EPPGBM_HEADER[2:5], ["Kel. Metro", "=1+1", "=A4*2"], ["Kel. Imopuro", 718, 36]]}),
                               "rumus.xlsx"),
    "merged cells over the data": (xlsx_bytes({"Data": TITLE + [EPPGBM_HEADER[2:5], ["Kel. Metro", 759, 28], ["Kel. Imopuro", 718, 36]]},
                                              merges={"Data": ["A4:C5"]}), "gabung.xlsx"),
    "duplicate rows": (csv_bytes(eppgbm_rows(2025) + [eppgbm_rows(2025)[5]]), "ganda.csv"),
    "negative counts": (csv_bytes(rows_with(6, {3: "-801"})), "negatif.csv"),
    "a percentage above 100": (csv_bytes(rows_with(6, {5: "587,0"})), "persen.csv"),
    "numerator above denominator": (csv_bytes(rows_with(6, {4: "900"})), "rasio.csv"),
    "an unknown region": (csv_bytes(rows_with(6, {2: "Kelurahan Atlantis"})), "atlantis.csv"),
    "a date in a count column": (xlsx_bytes({"Data": TITLE + [EPPGBM_HEADER[2:5], ["Kel. Metro", datetime(2025, 8, 1), 28]]}), "tanggal.xlsx"),
    "a date serial as the year": (xlsx_bytes({"Data": [["Kelurahan", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"],
                                                       ["Kel. Metro", 45870, 759, 28]]}), "serial.xlsx"),
    "html and script in cells": (csv_bytes(rows_with(6, {2: "<script>alert('x')</script>", 3: "<b>801</b>"})), "html.csv"),
    "html and a path in the file name": (csv_bytes(rows_with(6, {3: "delapan"})), "<img src=x onerror=alert(1)>/../../etc/passwd\n.csv"),
    "a title row and nothing else": (csv_bytes([["LAPORAN"]]), "judul.csv"),
    "numbers only, no header": (csv_bytes([["1", "2", "3"], ["4", "5", "6"]]), "angka.csv"),
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("fuzz"), inputs_factory, schematic_store)


@pytest.fixture(scope="module")
def before(inputs):
    return snapshot(inputs)


@pytest.mark.parametrize("case", list(CASES))
def test_a_malformed_upload_ends_in_a_clear_report_and_loads_nothing(case, inputs, before):
    data, name = CASES[case]
    pv = preview(data, name, Choices(), inputs, user=DINKES)
    codes = [p.code for p in pv.problems]
    assert pv.errors, f"{case}: no error reported ({codes})"
    assert "internal_error" not in codes, case
    for p in pv.problems:
        assert f"pipeline.problem.{p.code}" in i18n.catalogue(), p.code
        assert p.message("id") and p.message("en")
    outcome = loader.load(data, name, DINKES, Choices(), accepted=[r["key"] for r in pv.report()], inputs=inputs)
    assert outcome.status == "blocked" and outcome.problems, (case, outcome.status)
    assert (inputs.store_dir / "CURRENT").read_text() == before["current"]


def test_after_every_malformed_upload_the_store_and_intake_are_untouched(inputs, before):
    for data, name in CASES.values():
        loader.load(data, name, DINKES, Choices(), inputs=inputs)
    assert snapshot(inputs) == before


def test_a_file_name_is_shown_as_text_without_control_characters(inputs):
    pv = preview(b"", "<b>laporan</b>\n\x00.csv", Choices(), inputs)
    assert pv.file_name == "<b>laporan</b> .csv" and pv.problems[0].file == "<b>laporan</b> .csv"


def test_a_formula_is_never_computed(inputs):
    pv = preview(CASES["formulas in csv cells"][0], "rumus.csv", Choices(), inputs)
    assert ("not_a_number", "=1+1") in [(p.code, p.value) for p in pv.problems]
    pv = preview(CASES["formulas in xlsx cells"][0], "rumus.xlsx", Choices(), inputs)
    assert [(p.code, p.row, p.column, p.value) for p in pv.problems if p.code == "formula_without_value"] == [
        ("formula_without_value", 4, "B", "=1+1"), ("formula_without_value", 4, "C", "=A4*2")]

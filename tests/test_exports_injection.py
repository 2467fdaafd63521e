"""Formula injection (OWASP CSV injection): text from outside (an uploaded file's name, a typed title)
that begins with =, +, -, @, a tab or a carriage return reaches no spreadsheet as a formula, in the CSV
or in the workbook, while numbers, negative ones included, stay numbers."""

import csv
import io
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from metro_poverty.exports import cells, tables

PAYLOADS = ["=cmd|' -C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://127.0.0.1/x\",\"klik\")"]
FRAME = pd.DataFrame({"Berkas": PAYLOADS, "Nilai": [-0.5, 1.25, -3.0, 4.0, 5.5, -6.75, 7.0], "Tahun": [2024] * 7})


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", PAYLOADS)
def test_a_text_that_starts_a_formula_gets_the_apostrophe_and_keeps_its_text(text):
    assert cells.neutral(text) == "'" + text


@pytest.mark.parametrize("value", ["Metro", "Ganjar Agung", "−0,50 (← 6,78)", "", "a=b", 1, -0.5, None])
def test_anything_else_is_left_as_it_is(value):
    assert cells.neutral(value) == value


def test_the_csv_holds_no_cell_that_starts_a_formula_and_its_numbers_stay_numbers():
    rows = csv_rows(tables.table_csv(FRAME))
    texts = [r[0] for r in rows[1:]]
    assert texts == ["'" + p for p in PAYLOADS]
    assert not any(c.startswith(cells.TRIGGERS) for r in rows for c in (r[0], r[2]))
    assert [float(r[1]) for r in rows[1:]] == list(FRAME["Nilai"]) and rows[1][2] == "2024"


def test_a_header_that_starts_a_formula_is_neutralised_too():
    rows = csv_rows(tables.table_csv(pd.DataFrame({"=1+1": ["a"]})))
    assert rows[0] == ["'=1+1"]


def test_the_workbook_stores_such_text_as_text_not_as_a_formula_and_numbers_as_numbers():
    data = tables.table_xlsx(FRAME, "id", title="=cmd|' -C calc'!A0")
    book = load_workbook(io.BytesIO(data))
    sheet = book[book.sheetnames[0]]
    column = [sheet.cell(r, 1) for r in range(2, len(PAYLOADS) + 2)]
    # (a carriage return is kept as _x000D_ when lxml writes the sheet, or read back as a line feed
    # when the XML parser normalises it: either way the cell is the text typed, as text)
    assert all(c.value in (p, p.replace("\r", "\n")) for c, p in zip(column, PAYLOADS, strict=True))
    assert {c.data_type for c in column} == {"s"}
    assert all(c.quotePrefix for c in column)
    assert [sheet.cell(r, 2).value for r in range(2, len(PAYLOADS) + 2)] == list(FRAME["Nilai"])
    assert {sheet.cell(r, 2).data_type for r in range(2, len(PAYLOADS) + 2)} == {"n"}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)  # no formula anywhere


def test_the_store_csv_of_the_sources_page_is_written_through_the_neutralising_exporter():
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "metro_poverty" / "ui" / "data_sources_page.py").read_text(encoding="utf-8")
    assert "table_csv(" in page and ".to_csv(" not in page


def test_no_page_module_writes_csv_or_a_workbook_itself():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    own = [p for p in [*(root / "views").glob("*.py"), *(root / "metro_poverty" / "ui").glob("*.py")]
           if ".to_csv(" in p.read_text(encoding="utf-8") or "Workbook(" in p.read_text(encoding="utf-8")]
    assert own == []


def test_streamlits_own_table_download_is_switched_off_for_every_table():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True

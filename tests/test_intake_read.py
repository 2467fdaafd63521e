"""Uploaded bytes to rows and the table under the header (metro_poverty.intake.read), from literal
workbooks and CSV: sheets to choose from, merged header cells, Excel percentages, formulas, limits."""

import pytest
from intake_support import csv_bytes, xlsx_bytes

from metro_poverty.intake import read
from metro_poverty.intake.choices import Choices
from metro_poverty.pipeline.raw import RawReadError

TABLE = [["Kelurahan", "Diukur", "Stunting"], ["Metro", 759, 28], ["Imopuro", 718, 36]]
NOTES = [["Catatan"], ["Data dari puskesmas"]]


def problem(data, choices=Choices()):
    with pytest.raises(RawReadError) as exc:
        read.read_sheet(data, "f.xlsx", choices)
    return exc.value.problem


def test_the_only_sheet_with_a_table_is_read_and_every_sheet_is_listed():
    sheet = read.read_sheet(xlsx_bytes({"Catatan": NOTES, "Data": TABLE}), "f.xlsx", Choices())
    assert (sheet.sheet, sheet.sheets, sheet.tables) == ("Data", ["Catatan", "Data"], ["Data"])


def test_several_sheets_with_a_table_ask_for_a_choice_naming_them():
    p = problem(xlsx_bytes({"2023": TABLE, "2024": TABLE}))
    assert (p.code, p.fields) == ("choose_sheet", {"sheets": "2023, 2024"})


def test_the_chosen_sheet_is_read():
    sheet = read.read_sheet(xlsx_bytes({"2023": TABLE, "2024": TABLE[:2]}), "f.xlsx", Choices(sheet="2024"))
    assert (sheet.sheet, sheet.rows) == ("2024", [["Kelurahan", "Diukur", "Stunting"], ["Metro", 759, 28]])


def test_a_sheet_that_does_not_exist_is_reported_with_the_sheets_present():
    p = problem(xlsx_bytes({"Data": TABLE}), Choices(sheet="Data 2025"))
    assert (p.code, p.value, p.fields) == ("unknown_sheet", "Data 2025", {"sheets": "Data"})


def test_merged_header_cells_give_each_column_its_full_label():
    rows = [["REKAP e-PPGBM"], [], ["No", "Kelurahan", "Balita", None], [None, None, "Diukur", "Stunting"], [1, "Metro", 759, 28]]
    data = xlsx_bytes({"Data": rows}, merges={"Data": ["A1:D1", "A3:A4", "B3:B4", "C3:D3"]})
    sheet = read.read_sheet(data, "f.xlsx", Choices())
    table, start, n = read.table(sheet, "f.xlsx", Choices())
    assert (start, n, table.columns, table.rows, table.lines) == (2, 2, ["No", "Kelurahan", "Balita Diukur", "Balita Stunting"], [[1, "Metro", 759, 28]], [5])


def test_rows_and_columns_excel_hides_are_known_to_the_reader_and_their_cells_still_read():
    rows = [["Rekap 2025"], TABLE[0], *TABLE[1:], ["Hadimulyo Barat", 700, 30]]
    sheet = read.read_sheet(xlsx_bytes({"Data": rows}, hidden={"Data": [1, 4, "C"]}), "f.xlsx", Choices())
    assert (sheet.hidden_rows, sheet.hidden_columns, sheet.rows[3]) == ({1, 4}, [(3, 3)], ["Imopuro", 718, 36])


def test_hidden_rows_of_the_table_are_one_warning_at_the_first_naming_them_and_a_hidden_title_is_not():
    rows = [["Rekap 2025"], TABLE[0], *TABLE[1:], ["Hadimulyo Barat", 700, 30], ["Hadimulyo Timur", 650, 20]]
    sheet = read.read_sheet(xlsx_bytes({"Data": rows}, hidden={"Data": [1, 4, 6]}), "f.xlsx", Choices())
    table, _, _ = read.table(sheet, "f.xlsx", Choices())
    (p,) = read.hidden_rows(sheet, table)
    assert (p.code, p.severity, p.row, p.sheet, p.fields["rows"]) == ("hidden_rows", "warning", 4, "Data", "4, 6")
    assert p.message("id").startswith("PERINGATAN: berkas f.xlsx, lembar Data, baris 4: 2 baris tabel tersembunyi di Excel "
                                      "(disembunyikan atau tersaring), mulai baris ini (baris 4, 6)")
    assert read.hidden_rows(read.read_sheet(csv_bytes(rows), "f.csv", Choices()), table) == []  # a CSV hides nothing


def test_a_hidden_column_is_warned_only_when_the_load_reads_it():
    sheet = read.read_sheet(xlsx_bytes({"Data": TABLE}, hidden={"Data": ["B", "C"]}), "f.xlsx", Choices())
    table, _, _ = read.table(sheet, "f.xlsx", Choices())
    found = read.hidden_columns(sheet, table, {"kelurahan", "Stunting"})
    assert [(p.code, p.column, p.value) for p in found] == [("hidden_column", "C", "Stunting")]


def test_an_excel_percentage_cell_is_the_percentage_it_shows():
    data = xlsx_bytes({"Data": [["Kelurahan", "Cakupan"], ["Metro", 0.853]]}, formats={"Data": {"B2": "0.0%"}})
    cell = read.read_sheet(data, "f.xlsx", Choices()).rows[1][1]
    assert (type(cell), round(cell, 6)) == (read.Percent, 85.3)


def test_a_formula_without_a_saved_result_is_reported_at_its_cell_and_never_computed():
    data = xlsx_bytes({"Data": [["Kelurahan", "Diukur"], ["Metro", "=1+1"], ["Imopuro", 718]]})
    sheet = read.read_sheet(data, "f.xlsx", Choices())
    assert sheet.rows[1] == ["Metro", None]
    assert [(p.code, p.sheet, p.row, p.column, p.value) for p in sheet.problems] == [("formula_without_value", "Data", 2, "B", "=1+1")]


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed():
    with pytest.raises(RawReadError) as exc:
        read.check_size(read.MAX_BYTES + 1, "besar.csv")
    assert (exc.value.problem.code, exc.value.problem.fields) == ("too_large", {"limit": "10 MB"})


def test_an_old_xls_file_is_refused_with_a_way_out():
    assert problem(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100).code == "old_excel"


def test_a_zip_that_is_not_a_workbook_is_a_damaged_workbook():
    assert problem(b"PK\x03\x04" + b"garbage" * 10).code == "damaged_excel"


def test_csv_is_read_with_the_detected_encoding_and_separator():
    sheet = read.read_sheet(csv_bytes([["Kelurahan", "Nilai"], ["Iring–Mulyo", "5,1"]], ";", "cp1252"), "f.csv", Choices())
    assert (sheet.kind, sheet.encoding, sheet.sep, sheet.rows) == ("csv", "cp1252", ";", [["Kelurahan", "Nilai"], ["Iring–Mulyo", "5,1"]])


def test_a_chosen_header_row_is_used_as_given():
    sheet = read.read_sheet(csv_bytes([["Judul"], ["a", "b"], ["Kelurahan", "Nilai"], ["Metro", "5"]]), "f.csv", Choices())
    table, start, n = read.table(sheet, "f.csv", Choices(header_row=3))
    assert (start, n, table.columns, table.lines) == (2, 1, ["Kelurahan", "Nilai"], [4])


def test_a_header_row_outside_the_file_is_reported():
    sheet = read.read_sheet(csv_bytes([["Kelurahan", "Nilai"], ["Metro", "5"]]), "f.csv", Choices())
    with pytest.raises(RawReadError) as exc:
        read.table(sheet, "f.csv", Choices(header_row=9))
    assert (exc.value.problem.code, exc.value.problem.value) == ("bad_header_row", "9")


@pytest.mark.parametrize("data, code", [(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "pdf_file"),
                                        (b"<!DOCTYPE html><html><body><table><tr><td>Metro</td></tr></table></body></html>", "html_file"),
                                        (b"\xef\xbb\xbf<html><table><tr><td>1</td></tr></table></html>", "html_file")])
def test_a_pdf_or_a_web_page_renamed_xlsx_is_said_to_be_one(data, code):
    """Both were read as text and refused with 'header row not found', which sent the officer looking for a header."""
    assert problem(data).code == code

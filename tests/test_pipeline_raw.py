"""Raw files as delivered: metro_poverty.pipeline.raw (title rows, header marker, separators,
encodings, merged two-row headers, blank rows, line numbers as a person sees them)."""

import pytest
from openpyxl import Workbook

from metro_poverty.pipeline.raw import RawReadError, locate_table, read_rows, sniff_separator


def read_table(path, marker, header_rows=1, encoding="utf-8", sep=None):
    rows, sheet = read_rows(path, path.name, encoding, sep)
    return locate_table(rows, path.name, marker, header_rows, sheet)


def test_title_rows_above_the_header_are_skipped(tmp_path):
    path = tmp_path / "eppgbm.csv"
    path.write_text(
        "LAPORAN HASIL PENGUKURAN e-PPGBM\n"
        "DINAS KESEHATAN KOTA METRO\n"
        "\n"
        "No,Kelurahan,Jumlah Balita Diukur\n"
        "1,Kel. Metro,759\n"
    )
    table = read_table(path, "Kelurahan")
    assert table.columns == ["No", "Kelurahan", "Jumlah Balita Diukur"]
    assert table.rows == [["1", "Kel. Metro", "759"]]


def test_the_header_marker_is_matched_ignoring_case_and_spaces(tmp_path):
    path = tmp_path / "perkim.csv"
    path.write_text("DATA AKSES AIR MINUM\nKECAMATAN,  KELURAHAN ,TAHUN\nKEC. METRO PUSAT,METRO,2021\n")
    assert read_table(path, "Kelurahan").columns == ["KECAMATAN", "KELURAHAN", "TAHUN"]


def test_a_missing_header_marker_is_a_header_not_found_problem(tmp_path):
    path = tmp_path / "eppgbm.csv"
    path.write_text("LAPORAN\nNo,Desa,Jumlah\n1,Metro,759\n")
    with pytest.raises(RawReadError) as caught:
        read_table(path, "Kelurahan")
    problem = caught.value.problem
    assert (problem.code, problem.file, problem.fields) == ("header_not_found", "eppgbm.csv", {"marker": "Kelurahan"})


def test_semicolons_are_sniffed_when_decimals_use_commas(tmp_path):
    path = tmp_path / "eppgbm.csv"
    path.write_text(
        "LAPORAN e-PPGBM, AGUSTUS 2022\n"
        "\n"
        "Kelurahan;Jumlah Balita Diukur;Prevalensi (%)\n"
        "Kel. Metro;1.691;4,92\n"
        "Kel. Imopuro;673;5,35\n"
    )
    table = read_table(path, "Kelurahan")
    assert table.columns == ["Kelurahan", "Jumlah Balita Diukur", "Prevalensi (%)"]
    assert table.rows == [["Kel. Metro", "1.691", "4,92"], ["Kel. Imopuro", "673", "5,35"]]


def test_commas_are_sniffed_when_decimals_use_points():
    assert sniff_separator("Judul\nNo,Kelurahan,Nilai\n1,Metro,4.92\n") == ","


def test_a_two_column_semicolon_file_is_sniffed_as_semicolon():
    assert sniff_separator("Kelurahan;Cakupan\nMetro;85,3\nImopuro;90,1\n") == ";"


def test_a_byte_order_mark_does_not_hide_the_header(tmp_path):
    path = tmp_path / "aps.csv"
    path.write_bytes("\ufeffTahun,Kelurahan\n2021,Metro\n".encode("utf-8"))
    assert read_table(path, "Tahun").columns == ["Tahun", "Kelurahan"]


def test_a_cp1252_file_read_as_utf8_is_an_encoding_problem(tmp_path):
    path = tmp_path / "jkn.csv"
    path.write_bytes("Kepesertaan JKN \u2013 posisi 31 Desember\nKelurahan;Peserta;Cakupan\nMetro;10703;96,3%\n".encode("cp1252"))
    with pytest.raises(RawReadError) as caught:
        read_table(path, "Kelurahan", encoding="utf-8")
    problem = caught.value.problem
    assert (problem.code, problem.file, problem.fields) == ("encoding", "jkn.csv", {"encoding": "utf-8"})


def test_a_cp1252_file_declared_cp1252_is_decoded(tmp_path):
    path = tmp_path / "jkn.csv"
    path.write_bytes("Kepesertaan JKN \u2013 posisi 31 Desember\nKelurahan;Peserta;Cakupan\nMetro;10703;96,3%\n".encode("cp1252"))
    rows, _ = read_rows(path, path.name, "cp1252")
    assert rows[0] == ["Kepesertaan JKN \u2013 posisi 31 Desember"]


def test_blank_rows_are_skipped_and_lines_are_numbered_as_in_an_editor(tmp_path):
    path = tmp_path / "eppgbm.csv"
    path.write_text(
        "LAPORAN HASIL PENGUKURAN e-PPGBM\n"    # line 1
        "DINAS KESEHATAN KOTA METRO\n"          # line 2
        "\n"                                    # line 3
        "Kelurahan;Diukur;Stunting\n"           # line 4: header
        "Kel. Metro;759;28\n"                   # line 5
        ";;\n"                                  # line 6: blank cells
        "\n"                                    # line 7: blank line
        "Kel. Imopuro;718;36\n"                 # line 8
    )
    table = read_table(path, "Kelurahan")
    assert table.rows == [["Kel. Metro", "759", "28"], ["Kel. Imopuro", "718", "36"]]
    assert table.lines == [5, 8]


def test_short_rows_are_padded_to_the_header_width(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("Kelurahan,Diukur,Stunting\nKel. Metro,759\n")
    assert read_table(path, "Kelurahan").rows == [["Kel. Metro", "759", None]]


def test_a_two_row_csv_header_carries_a_year_across_its_empty_cells(tmp_path):
    path = tmp_path / "idl.csv"
    path.write_text(
        "Kode Kelurahan;Kelurahan;2021;;2022;\n"
        ";;Sasaran;IDL;Sasaran;IDL\n"
        "18.72.01.1001;Metro;174;167;162;150\n"
    )
    table = read_table(path, "Kode Kelurahan", header_rows=2)
    assert table.columns == ["Kode Kelurahan", "Kelurahan", "2021 Sasaran", "2021 IDL", "2022 Sasaran", "2022 IDL"]
    assert table.lines == [3]


@pytest.fixture
def idl_workbook(tmp_path):
    """An OPD-style workbook: a title, a blank row, a two-row header with merged cells, a blank row in the body."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IDL"
    ws["A1"] = "CAKUPAN IMUNISASI DASAR LENGKAP (IDL) MENURUT KELURAHAN"
    ws.append([])  # row 2
    ws.append(["Kode Kelurahan", "Kelurahan", "2021", None, "2022", None])  # row 3
    ws.append([None, None, "Sasaran", "IDL", "Sasaran", "IDL"])  # row 4
    for cells in ("A3:A4", "B3:B4", "C3:D3", "E3:F3"):
        ws.merge_cells(cells)
    ws.append(["18.72.01.1001", "Metro", 174, 167, 162, 150])  # row 5
    ws.append([])  # row 6
    ws.append(["18.72.01.1002", "Hadimulyo Timur", 180, 166, 192, 180])  # row 7
    path = tmp_path / "Cakupan_IDL.xlsx"
    wb.save(path)
    return path


def test_an_excel_merged_two_row_header_is_joined(idl_workbook):
    table = read_table(idl_workbook, "Kode Kelurahan", header_rows=2)
    assert table.columns == ["Kode Kelurahan", "Kelurahan", "2021 Sasaran", "2021 IDL", "2022 Sasaran", "2022 IDL"]


def test_an_excel_table_keeps_typed_cells_and_excel_row_numbers(idl_workbook):
    table = read_table(idl_workbook, "Kode Kelurahan", header_rows=2)
    assert table.rows == [["18.72.01.1001", "Metro", 174, 167, 162, 150],
                          ["18.72.01.1002", "Hadimulyo Timur", 180, 166, 192, 180]]
    assert table.lines == [5, 7]


def test_an_excel_table_names_its_sheet(idl_workbook):
    assert read_table(idl_workbook, "Kode Kelurahan", header_rows=2).sheet == "IDL"


def test_a_damaged_excel_file_is_an_unreadable_excel_problem(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(RawReadError) as caught:
        read_rows(path, path.name)
    assert caught.value.problem.code == "unreadable_excel"

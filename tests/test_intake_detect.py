"""The stated reading rules of metro_poverty.intake.detect, from literal rows and bytes: file kind, encoding,
separator, decimal mark, header row (title rows above, a header spread over two rows)."""

import pytest

from metro_poverty.intake import detect
from metro_poverty.pipeline.raw import RawReadError


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"), (b"  \r\n ", "empty"), (b"PK\x03\x04rest", "xlsx"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "xls"),
    (b"a;b\x00c", "binary"), (b"Kelurahan;Nilai\r\nMetro;5,1\r\n", "text"),
])
def test_the_kind_of_file_is_read_from_its_content(data, kind):
    assert detect.file_kind(data) == kind


def test_valid_utf8_is_read_as_utf8():
    assert detect.decode("Kelurahan;Nilai\nIring Mulyo;5,1\n".encode("utf-8"), "f.csv") == ("Kelurahan;Nilai\nIring Mulyo;5,1\n", "utf-8")


def test_a_byte_order_mark_is_dropped():
    assert detect.decode(b"\xef\xbb\xbfKelurahan", "f.csv") == ("Kelurahan", "utf-8")


def test_invalid_utf8_falls_back_to_windows_1252_and_says_so():
    assert detect.decode("Kepesertaan – posisi 31 Desember".encode("cp1252"), "f.csv") == ("Kepesertaan – posisi 31 Desember", "cp1252")


def test_bytes_neither_utf8_nor_windows_1252_are_reported_with_the_bytes():
    with pytest.raises(RawReadError) as exc:
        detect.decode(b"Kelurahan \x81\x8d\x90", "f.csv")
    assert (exc.value.problem.code, exc.value.problem.file) == ("encoding", "f.csv")
    assert "\\x81" in exc.value.problem.value


@pytest.mark.parametrize("text, sep", [
    ("a;b;c\n1;2,5;3\n", ";"),
    ("a,b,c\n1,2.5,3\n", ","),
    ("a\tb\tc\n1\t2,5\t3\n", "\t"),
    ("Judul, dengan koma\na;b\n1;2\n", ";"),  # ties go to `;`
])
def test_the_separator_rule(text, sep):
    assert detect.separator(text) == sep


@pytest.mark.parametrize("cells, sep, expected", [
    ([["5,05", "12"]], ";", (",", "comma")),
    ([["0,853"]], ",", (",", "comma")),
    ([["1.234,5"]], ";", (",", "comma")),
    ([["1.234.567"]], ";", (",", "comma")),
    ([["5.05"]], ";", (".", "point")),
    ([["0.853"]], ";", (".", "point")),
    ([["1,234.5"]], ",", (".", "point")),
    ([["85,3%"], ["12"]], ",", (",", "comma")),
    ([["5,05"], ["5.05"]], ";", (None, "mixed")),
    ([["12"], ["1,234"]], ";", (",", "default")),
    ([["12"], ["1,234"]], ",", (".", "default")),
    ([[12.5, 1000]], ",", (".", "default")),  # typed Excel numbers decide nothing
])
def test_the_decimal_mark_rule(cells, sep, expected):
    assert detect.decimal_mark(cells, sep) == expected


def test_title_rows_above_the_header_are_skipped():
    rows = [["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"], ["DINAS KESEHATAN KOTA METRO"], [],
            ["No", "Kelurahan", "Diukur", "Stunting"], ["1", "Metro", "759", "28"]]
    assert detect.header_index(rows) == 3


def test_a_title_merged_across_the_columns_is_not_the_header():
    title = ["CAKUPAN IMUNISASI"] * 4  # openpyxl's merged block filled into every cell
    rows = [title, ["Kelurahan", "Kode", "Sasaran", "IDL"], ["Metro", "18.72.01.1001", 120, 115]]
    assert detect.header_index(rows) == 1


def test_a_row_of_text_followed_by_text_is_not_the_header():
    rows = [["Dinas", "Kesehatan"], ["Kelurahan", "Nilai"], ["Metro", "5,1"]]
    assert detect.header_index(rows) == 1


def test_without_any_number_below_there_is_no_header():
    assert detect.header_index([["Kelurahan", "Nilai"], ["Metro", "lima"]]) is None


def test_a_header_with_repeated_labels_takes_the_row_above():
    rows = [["Kelurahan", "2023", "2023", "2024", "2024"], ["Kelurahan", "Sasaran", "IDL", "Sasaran", "IDL"], ["Metro", 1, 2, 3, 4]]
    assert detect.header_span(rows, 1) == (0, 2)


def test_a_header_with_blank_labels_takes_the_row_above():
    rows = [["No", "Kelurahan", "Balita", None], [None, None, "Diukur", "Stunting"], ["1", "Metro", "759", "28"]]
    assert detect.header_span(rows, 1) == (0, 2)


def test_a_complete_header_stays_one_row():
    rows = [["Data 2024", None], ["Kelurahan", "Nilai"], ["Metro", "5"]]
    assert detect.header_span(rows, 1) == (1, 1)


def test_a_title_above_a_header_with_blanks_is_not_joined():
    rows = [["LAPORAN"] * 3, ["Kelurahan", None, "Nilai"], ["Metro", None, "5"]]
    assert detect.header_span(rows, 1) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_excel_unicode_text_in_utf16_is_text_with_or_without_a_byte_order_mark(encoding):
    data = "Kelurahan\tNilai\r\nIring–Mulyo\t5,1\r\n".encode(encoding)
    assert detect.file_kind(data) == "text"
    assert detect.decode(data, "f.txt") == ("Kelurahan\tNilai\r\nIring–Mulyo\t5,1\r\n", "utf-16")


def test_utf16_holding_only_blanks_is_empty():
    assert detect.file_kind(" \r\n".encode("utf-16")) == "empty"


def test_a_kecamatan_heading_under_the_header_is_passed_over():
    header = ["No", "Kelurahan", "Diukur", "Stunting"]
    rows = [["REKAP 2025"], header, ["", "KECAMATAN METRO PUSAT", "", ""], ["1", "Metro", "759", "28"]]
    assert detect.header_index(rows) == 1
    rows = [header, ["Metro Pusat"], ["(data Agustus)"], ["1", "Metro", "759", "28"]]  # two rows of one cell
    assert detect.header_index(rows) == 0
    rows = [header, ["a"], ["b"], ["c"], ["1", "Metro", "759", "28"]]  # three are more than a heading
    assert detect.header_index(rows) is None

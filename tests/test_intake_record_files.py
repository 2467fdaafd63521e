"""A list of families or persons (a register export) uploaded as if it were a table per region: stopped at once,
its personal numbers never repeated, with what to send instead (metro_poverty.intake.record_files)."""

import pytest
from intake_support import csv_bytes, inputs_with_store, xlsx_bytes

from metro_poverty.intake import record_files
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.pipeline.raw import RawTable

KELURAHAN = ["Metro", "Imopuro", "Hadimulyo Barat", "Hadimulyo Timur", "Yosomulyo", "Iringmulyo", "Yosodadi", "Yosorejo",
             "Rejomulyo", "Margorejo", "Sumbersari Bantul", "Margodadi", "Tejo Agung", "Tejosari", "Mulyojati", "Mulyosari",
             "Ganjar Agung", "Ganjar Asri", "Purwosari", "Purwoasri", "Karangrejo", "Banjarsari"]
HEADER = ["No", "No KK", "Nama Kepala Keluarga", "Kelurahan", "Desil", "Jumlah ART"]


def families(n: int) -> list[list]:
    """A DTSEN-style export: one row per family, with its (made-up) family card number."""
    return [HEADER] + [[i + 1, f"18720{i:011d}", f"Keluarga {i}", KELURAHAN[i % 22], 1 + i % 10, 1 + i % 7] for i in range(n)]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("records"), inputs_factory, schematic_store)


def test_a_column_of_family_card_numbers_stops_the_file_naming_the_column_and_no_number(inputs):
    rows = families(300)
    pv = preview(csv_bytes(rows), "dtsen_keluarga_2025.csv", Choices(), inputs)
    (p,) = pv.problems
    assert (p.code, p.severity, p.column, p.value, p.row) == ("personal_numbers", "error", "No KK", None, None)
    message = p.message("id")
    assert "nomor 16 angka seperti NIK atau nomor KK" in message and "(300 baris)" in message and "rekap dulu per kelurahan" in message
    assert not any(str(row[1]) in message for row in rows[1:])  # no personal number is repeated on screen or in a log
    assert (pv.columns, pv.number_columns, len(pv.rows)) == ([], [], 0)  # nothing to map, nothing read as figures


def test_nik_typed_into_excel_as_numbers_or_as_text_with_spaces_are_personal_numbers(inputs):
    as_numbers = [["Kelurahan", "NIK", "Umur"]] + [[KELURAHAN[i % 22], 1872010101800000 + i, 40] for i in range(30)]
    pv = preview(xlsx_bytes({"Data": as_numbers}), "penerima.xlsx", Choices(), inputs)
    assert [(p.code, p.column) for p in pv.problems] == [("personal_numbers", "NIK")]
    spaced = [["Kelurahan", "NIK", "Umur"]] + [[KELURAHAN[i % 22], f"'1872 0101 0180 {i:04d}", 40] for i in range(30)]
    assert [p.code for p in preview(csv_bytes(spaced), "penerima.csv", Choices(), inputs).problems] == ["personal_numbers"]


def test_region_codes_and_figures_are_not_personal_numbers(inputs):
    table = RawTable("f.csv", None, ["Kode BPS", "Kode Kemendagri", "Penduduk", "Pengeluaran (Rp)"],
                     [["1872011001", "18.72.01.1001", 15234, 1250000.5], ["1872011002", "18.72.01.1002", 9870, 980000]], [2, 3])
    assert record_files.personal_numbers(table) == []


def test_thousands_of_rows_per_kelurahan_stop_the_file_once_its_region_column_is_known(inputs):
    rows = [[r[0], r[3], r[4], r[5]] for r in families(4_400)]  # the card numbers removed: still a row per family
    pv = preview(csv_bytes(rows), "dtsen_keluarga_2025.csv", Choices(), inputs)
    (p,) = [p for p in pv.problems if p.severity == "error"]
    assert (p.code, p.column) == ("rows_per_record", "Kelurahan")
    assert "berkas memuat 4.400 baris untuk 22 wilayah (rata-rata 200 baris per wilayah)" in p.message("id")
    assert (pv.columns, len(pv.rows)) == ([], 0)  # no mapping form for «Desil» and «Jumlah ART», no 4 378 duplicate rows


def test_a_long_table_per_region_is_not_a_list_of_records():
    rows = [[KELURAHAN[i % 22], 2000 + i // 22 % 10, i] for i in range(2_200)]  # 100 rows per kelurahan: years and splits
    table = RawTable("f.csv", None, ["Kelurahan", "Tahun", "Nilai"], rows, list(range(2, 2_202)))
    assert record_files.rows_per_region(table, "Kelurahan") == []
    assert record_files.rows_per_region(RawTable("f.csv", None, ["Kelurahan"], rows[:500] * 5, list(range(2, 2_502))), None) == []

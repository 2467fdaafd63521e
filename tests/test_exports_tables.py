"""A table as shown, as CSV and as an Excel workbook with a Metadata sheet (metro_poverty.exports.tables),
from literal rows and a literal catalogue entry."""

import csv
import io
from datetime import datetime, timezone

import pandas as pd
import pytest
from openpyxl import load_workbook

from metro_poverty.catalog import Indicator
from metro_poverty.exports import tables
from metro_poverty.source_line import source_line

VALUE = "Keluarga desil 1–4 (%)"
D14 = Indicator("dtsen_d14_pct", {
    "name_id": "Persentase Keluarga Desil 1–4", "name_en": "Families in welfare deciles 1–4",
    "short_id": "Keluarga desil 1–4", "short_en": "Families in deciles 1–4",
    "definition_id": "Persentase keluarga pada desil kesejahteraan 1–4.", "definition_en": "Share of families in welfare deciles 1–4.",
    "unit_id": "%", "unit_en": "%", "decimals": 1, "producer": "Dinas Sosial", "source": "DTSEN (Kemensos)", "source_en": "DTSEN (Kemensos)",
})
# The store rows behind the table (queries/indicator_by_region.sql, the columns that matter here).
ROWS = pd.DataFrame({
    "region_code": ["18.72.01.1001", "18.72.01.1004"], "value": [17.06175, 28.13], "status": ["illustrative", "illustrative"],
    "source_publisher": ["Dinas Sosial Kota Metro (data ilustrasi)"] * 2,
    "source_title": ["ILUSTRASI: Rekap keluarga desil kesejahteraan per kelurahan"] * 2,
    "source_reference": ["data/raw/dinsos/"] * 2,
})
# The table as the page shows it: UI-language headers, values rounded to the catalogue's decimals.
SHOWN = pd.DataFrame({
    "Kelurahan": ["Metro", "Hadimulyo Barat"],
    "Kode Kemendagri": ["18.72.01.1001", "18.72.01.1004"],
    VALUE: [17.1, 28.1],
    "Pembilang": [583.0, float("nan")],
    "Tahun": [2024, 2024],
    "Status": ["ILUSTRASI (bukan data resmi)"] * 2,
})
NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_starts_with_the_utf8_byte_order_mark_excel_needs():
    assert tables.table_csv(SHOWN).startswith(b"\xef\xbb\xbf")


def test_csv_keeps_the_headers_shown_and_indonesian_text_round_trips():
    rows = read_csv(tables.table_csv(SHOWN))
    assert rows[0] == list(SHOWN.columns)
    assert rows[2][0] == "Hadimulyo Barat" and rows[1][5] == "ILUSTRASI (bukan data resmi)"
    assert pd.read_csv(io.BytesIO(tables.table_csv(SHOWN)), encoding="utf-8-sig").columns[2] == VALUE


def test_csv_writes_whole_numbers_without_decimals_and_missing_values_as_blank():
    rows = read_csv(tables.table_csv(SHOWN))
    assert [r[3] for r in rows[1:]] == ["583", ""]
    assert rows[1][2] == "17.1"


def test_csv_can_be_written_for_an_indonesian_excel():
    text = tables.table_csv(SHOWN, sep=";", decimal=",").decode("utf-8-sig")
    assert "Metro;18.72.01.1001;17,1;583;2024;" in text


@pytest.fixture(scope="module")
def workbook():
    data = tables.table_xlsx(SHOWN, "id", indicators={VALUE: D14}, rows=ROWS, title="Keluarga desil 1–4, 2024",
                             decimals={"Pembilang": 0}, now=NOW)
    return load_workbook(io.BytesIO(data))


def test_workbook_has_a_data_sheet_and_a_metadata_sheet(workbook):
    assert workbook.sheetnames == ["Data", "Metadata"]


def test_data_sheet_keeps_numbers_as_numbers_and_text_as_text(workbook):
    sheet = workbook["Data"]
    assert [c.value for c in sheet[1]] == list(SHOWN.columns)
    assert [c.value for c in sheet[2]] == ["Metro", "18.72.01.1001", 17.1, 583, 2024, "ILUSTRASI (bukan data resmi)"]
    assert sheet["D3"].value is None


def test_data_sheet_number_formats_follow_the_catalogue_decimals(workbook):
    sheet = workbook["Data"]
    assert (sheet["C2"].number_format, sheet["D2"].number_format, sheet["E2"].number_format) == ("#,##0.0", "#,##0", "General")


def test_data_sheet_header_is_bold_and_frozen_and_columns_are_fitted(workbook):
    sheet = workbook["Data"]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width >= len(VALUE)
    assert sheet.column_dimensions["F"].width >= len("ILUSTRASI (bukan data resmi)")


def test_metadata_sheet_names_the_app_the_table_and_the_time_of_the_export(workbook):
    about = {r[0]: r[1] for r in workbook["Metadata"].iter_rows(max_row=4, values_only=True)}
    assert about["Aplikasi"] == "Kemiskinan Kota Metro"
    assert about["Tabel"] == "Keluarga desil 1–4, 2024"
    assert about["Dibuat"] == "Senin, 23 November 2026, 22.30 WIB"
    assert about["Sumber nilai yang ditampilkan"] == source_line(ROWS, "id")


def test_metadata_sheet_warns_in_red_when_the_values_are_illustrative(workbook):
    notice = [r for r in workbook["Metadata"].iter_rows() if r[1].value and str(r[1].value).startswith("DATA ILUSTRASI")]
    assert notice and notice[0][1].font.color.rgb.endswith("B30000")


def test_metadata_sheet_describes_each_indicator_of_the_table(workbook):
    rows = list(workbook["Metadata"].iter_rows(values_only=True))
    header = rows.index(("Kode", "Indikator", "Definisi", "Satuan", "Produsen data", "Sumber data (katalog)", "Status nilai", "Sumber nilai"))
    assert rows[header + 1] == ("dtsen_d14_pct", "Persentase Keluarga Desil 1–4", "Persentase keluarga pada desil kesejahteraan 1–4.", "%",
                                "Dinas Sosial", "DTSEN (Kemensos)", "ILUSTRASI (bukan data resmi)", source_line(ROWS, "id"))
    assert len(rows) == header + 2


def test_metadata_sheet_speaks_english_in_an_english_export():
    data = tables.table_xlsx(SHOWN, "en", indicators={VALUE: D14}, rows=ROWS, title="Families in deciles 1–4, 2024", now=NOW)
    rows = list(load_workbook(io.BytesIO(data))["Metadata"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Application", "Poverty in Kota Metro")
    assert ("dtsen_d14_pct", "Families in welfare deciles 1–4", "Share of families in welfare deciles 1–4.", "%", "Dinas Sosial",
            "DTSEN (Kemensos)", "ILLUSTRATIVE (not official)", source_line(ROWS, "en")) in rows


def test_metadata_takes_the_statuses_and_sources_of_each_indicator_from_its_own_rows():
    p0 = Indicator("p0", {**D14.meta, "name_id": "P0", "decimals": 2})
    rows = pd.concat([ROWS.assign(indicator_code="dtsen_d14_pct"),
                      pd.DataFrame({"indicator_code": ["p0"], "status": ["official"], "source_publisher": ["BPS Kota Metro"],
                                    "source_title": ["Profil kemiskinan"], "source_reference": ["metrokota.bps.go.id"]})])
    frame = SHOWN.assign(P0=[6.78, 7.28])
    data = tables.table_xlsx(frame, "id", indicators={VALUE: D14, "P0": p0}, rows=rows, now=NOW)
    records = {r[0]: r for r in load_workbook(io.BytesIO(data))["Metadata"].iter_rows(values_only=True)}
    assert records["p0"][6:] == ("Resmi", "Sumber: BPS Kota Metro: Profil kemiskinan (metrokota.bps.go.id)")
    assert records["dtsen_d14_pct"][6] == "ILUSTRASI (bukan data resmi)"

"""Validated layer: a raw table read with its manifest entry becomes long records, and every cell that
cannot be read becomes a Problem naming its file, row and column (metro_poverty.pipeline.validate)."""

import tomllib

from metro_poverty.pipeline.manifest import file_spec
from metro_poverty.pipeline.raw import RawTable
from metro_poverty.pipeline.validate import ANY_SERIES, validate_table

EPPGBM = file_spec(tomllib.loads('''
[[file]]
path = "dinkes/e-PPGBM.csv"
source_id = "illus_dinkes_eppgbm"
status = "illustrative"
level = "kelurahan"
sep = ";"
decimal = ","
header = "Kelurahan"
region_column = "Kelurahan"
year = 2024
measure = [
  { column = "Jumlah Balita Diukur", indicator = "stunting_eppgbm", role = "denominator", unit = "jumlah" },
  { column = "Jumlah Balita Stunting", indicator = "stunting_eppgbm", role = "numerator", unit = "jumlah" },
  { column = "Prevalensi (%)", indicator = "stunting_eppgbm", role = "stated", unit = "%" },
]
''')["file"][0])
EPPGBM_COLUMNS = ["No", "Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"]


def eppgbm(*rows, first_line=6):
    return RawTable("dinkes/e-PPGBM.csv", None, EPPGBM_COLUMNS, [list(r) for r in rows], list(range(first_line, first_line + len(rows))))


def records_of(table, spec=EPPGBM):
    records, problems = validate_table(table, spec)
    return records[["line", "region_raw", "is_total", "year", "indicator", "role", "value"]].values.tolist(), problems


def where(problems):
    return [(p.code, p.file, p.row, p.column, p.value) for p in problems]


def test_a_row_becomes_one_record_per_measure():
    records, problems = records_of(eppgbm(["1", "Kel. Metro", "1.759", "28", "3,69"]))
    assert records == [
        [6, "Kel. Metro", False, 2024, "stunting_eppgbm", "denominator", 1759.0],
        [6, "Kel. Metro", False, 2024, "stunting_eppgbm", "numerator", 28.0],
        [6, "Kel. Metro", False, 2024, "stunting_eppgbm", "stated", 3.69],
    ]
    assert problems == []


def test_text_in_a_number_column_names_the_row_and_column():
    _, problems = records_of(eppgbm(["1", "Kel. Metro", "759", "28", "3,69"], ["2", "Kel. Imopuro", "8O1", "47", "5,87"]))
    assert where(problems) == [("not_a_number", "dinkes/e-PPGBM.csv", 7, "Jumlah Balita Diukur", "8O1")]


def test_a_cell_that_cannot_be_read_yields_no_record():
    records, _ = records_of(eppgbm(["2", "Kel. Imopuro", "8O1", "47", "5,87"]))
    assert [r[5] for r in records] == ["numerator", "stated"]


def test_a_negative_count_is_a_problem():
    _, problems = records_of(eppgbm(["1", "Kel. Metro", "759", "-28", "3,69"]))
    assert where(problems) == [("negative", "dinkes/e-PPGBM.csv", 6, "Jumlah Balita Stunting", "-28")]


def test_a_percentage_over_100_is_a_problem():
    _, problems = records_of(eppgbm(["1", "Kel. Metro", "759", "28", "369"]))
    assert where(problems) == [("percent_over_100", "dinkes/e-PPGBM.csv", 6, "Prevalensi (%)", "369")]


def test_an_empty_cell_is_no_record_and_no_problem():
    records, problems = records_of(eppgbm(["1", "Kel. Metro", "759", "28", ""]))
    assert [r[5] for r in records] == ["denominator", "numerator"]
    assert problems == []


def test_a_missing_column_is_a_problem_naming_it_and_the_columns_found():
    table = RawTable("dinkes/e-PPGBM.csv", None, ["No", "Kelurahan", "Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"],
                     [["1", "Kel. Metro", "759", "28", "3,69"]], [6])
    records, problems = validate_table(table, EPPGBM)
    assert records.empty
    assert [(p.code, p.file, p.fields["column"]) for p in problems] == [("missing_column", "dinkes/e-PPGBM.csv", "Jumlah Balita Diukur")]
    assert "Diukur" in problems[0].fields["found"]


def test_column_labels_match_ignoring_case_and_line_breaks():
    table = RawTable("dinkes/e-PPGBM.csv", None, ["No", "KELURAHAN", "Jumlah Balita\nDiukur", "jumlah balita stunting", "Prevalensi (%)"],
                     [["1", "Kel. Metro", "759", "28", "3,69"]], [6])
    _, problems = validate_table(table, EPPGBM)
    assert problems == []


def test_an_empty_region_cell_is_a_problem():
    _, problems = records_of(eppgbm(["1", "", "759", "28", "3,69"]))
    assert where(problems) == [("empty_region", "dinkes/e-PPGBM.csv", 6, "Kelurahan", None)]


def test_a_row_of_no_region_and_no_number_is_a_heading_or_note_and_gives_nothing():
    records, problems = records_of(eppgbm(["", "", "", "-", ""]))
    assert problems == [] and records == []


def test_a_total_row_is_recognised_by_its_label():
    # the label is kept, so a grand total ("Total") can be told from a subtotal ("Jumlah Kec. …")
    records, problems = records_of(eppgbm(["", "Total", "12.214", "669", "5,48"]))
    assert records == [
        [6, "Total", True, 2024, "stunting_eppgbm", "denominator", 12214.0],
        [6, "Total", True, 2024, "stunting_eppgbm", "numerator", 669.0],
        [6, "Total", True, 2024, "stunting_eppgbm", "stated", 5.48],
    ]
    assert problems == []


DTSEN = file_spec(tomllib.loads('''
[[file]]
path = "dinsos/REKAP_DESIL.csv"
source_id = "illus_dinsos_register"
status = "illustrative"
level = "kelurahan"
header = "KODE WILAYAH"
region_column = "KODE WILAYAH"
label_column = "NAMA KELURAHAN"
year_column = "TAHUN"
series_column = "SUMBER DATA"
series_map = { P3KE = "register_p3ke", DTSEN = "register_dtsen" }
decimal = ","
measure = [
  { column = "JUMLAH KK", indicator = "dtsen_d14_pct", role = "denominator", unit = "keluarga" },
]
''')["file"][0])
DTSEN_COLUMNS = ["KODE WILAYAH", "NAMA KELURAHAN", "TAHUN", "SUMBER DATA", "JUMLAH KK"]


def dtsen(*rows):
    return RawTable("dinsos/REKAP_DESIL.csv", None, DTSEN_COLUMNS, [list(r) for r in rows], list(range(6, 6 + len(rows))))


def test_a_total_row_is_recognised_by_its_label_column_when_the_code_is_empty():
    records, problems = validate_table(dtsen(["", "JUMLAH", "2025", "DTSEN", "56.751"]), DTSEN)
    assert records[["region_raw", "is_total", "series", "value"]].values.tolist() == [["JUMLAH", True, "register_dtsen", 56751.0]]
    assert problems == []


def test_a_total_row_without_a_series_adds_up_every_series():
    records, _ = validate_table(dtsen(["", "JUMLAH", "2025", "", "56.751"]), DTSEN)
    assert records.series.tolist() == [ANY_SERIES]


def test_series_are_read_through_the_manifest_map():
    records, _ = validate_table(dtsen(["1872022001", "METRO", "2022", "P3KE", "3.367"]), DTSEN)
    assert records[["region_raw", "year", "series", "value"]].values.tolist() == [["1872022001", 2022, "register_p3ke", 3367.0]]


def test_an_unknown_series_is_a_problem():
    _, problems = validate_table(dtsen(["1872022001", "METRO", "2022", "REGSOSEK", "3.367"]), DTSEN)
    assert where(problems) == [("unknown_series", "dinsos/REKAP_DESIL.csv", 6, "SUMBER DATA", "REGSOSEK")]


def test_a_bad_year_is_a_problem():
    _, problems = validate_table(dtsen(["1872022001", "METRO", "22", "P3KE", "3.367"]), DTSEN)
    assert where(problems) == [("bad_year", "dinsos/REKAP_DESIL.csv", 6, "TAHUN", "22")]


def test_a_year_with_a_footnote_mark_is_read_with_a_warning_and_its_total_row_takes_it():
    """'2024*' (provisional figures, in a table's footnote) was refused on every row as not a four-digit year, and the
    total row with an empty year once more, wrongly."""
    records, problems = validate_table(dtsen(["1872022001", "METRO", "2024*", "P3KE", "3.367"], ["1872022002", "IMOPURO", " 2024 ** ", "P3KE", "1.200"],
                                             ["", "JUMLAH", "", "P3KE", "4.567"]), DTSEN)
    assert records.year.tolist() == [2024, 2024, 2024]
    assert [(p.code, p.severity, p.row, p.value) for p in problems] == [("year_marked", "warning", 6, "2024*")]  # once, with the count
    assert problems[0].message("id").startswith("PERINGATAN: berkas dinsos/REKAP_DESIL.csv, baris 6, kolom «TAHUN»: tahun pada 2 baris, mulai "
                                                "baris ini, dibaca tanpa tanda di belakangnya")
    _, problems = validate_table(dtsen(["1872022001", "METRO", "2024*)", "P3KE", "3.367"]), DTSEN)
    assert where(problems) == [("bad_year", "dinsos/REKAP_DESIL.csv", 6, "TAHUN", "2024*)")]  # only marks after the year


def test_a_date_in_the_year_column_gives_its_year_with_one_warning():
    """An Excel date (31/08/2024) in a Periode column was refused on every row: 22 errors 'not a four-digit year'."""
    import datetime

    records, problems = validate_table(dtsen(["1872022001", "METRO", datetime.datetime(2024, 8, 31), "P3KE", "3.367"],
                                             ["1872022002", "IMOPURO", "31/08/2024", "P3KE", "1.200"]), DTSEN)
    assert records.year.tolist() == [2024, 2024]
    assert [(p.code, p.severity, p.row, p.value, p.fields["rows"]) for p in problems] == [("year_from_date", "warning", 6, "31/08/2024", 2)]
    assert "dibaca dari tanggal di kolom tahun" in problems[0].message("id")


def test_a_bad_year_is_said_on_a_row_whose_number_was_refused_before():
    """An upload's cells are read first and a refused one reaches here empty: its row's year is still checked, so
    the officer learns of both in one pass (the year was said only once the value had been corrected)."""
    table = dtsen(["1872022001", "METRO", "Th. 2022", "P3KE", None])
    assert where(validate_table(table, DTSEN)[1]) == []  # no number, no refusal: a row that gives nothing
    assert where(validate_table(table, DTSEN, refused=frozenset({6}))[1]) == [("bad_year", "dinsos/REKAP_DESIL.csv", 6, "TAHUN", "Th. 2022")]


CITY = file_spec(tomllib.loads('''
[[file]]
path = "dinsos/rekap_kota.csv"
source_id = "illus_dinsos_register"
status = "illustrative"
level = "city"
header = "Wilayah"
region_column = "Wilayah"
year_column = "Tahun"
measure = [ { column = "KK Desil 1-4", indicator = "dtsen_d14_families", role = "value", unit = "keluarga" } ]
''')["file"][0])


def test_in_a_city_level_file_kota_metro_is_the_region_not_a_total_row():
    table = RawTable("dinsos/rekap_kota.csv", None, ["Wilayah", "Tahun", "KK Desil 1-4"], [["Kota Metro", "2023", "11520"]], [2])
    records, _ = validate_table(table, CITY)
    assert records[["region_raw", "is_total", "year", "value"]].values.tolist() == [["Kota Metro", False, 2023, 11520.0]]


WIDE = file_spec(tomllib.loads('''
[[file]]
path = "dinkes/Cakupan_IDL.xlsx"
source_id = "illus_dinkes_imunisasi"
status = "illustrative"
level = "kelurahan"
header = "Kode Kelurahan"
header_rows = 2
region_column = "Kode Kelurahan"
label_column = "Kelurahan"
wide_pattern = '^(?P<year>\\d{4}) (?P<measure>Sasaran|IDL)$'
measure = [
  { measure = "Sasaran", indicator = "imm_complete", role = "denominator", unit = "jumlah" },
  { measure = "IDL", indicator = "imm_complete", role = "numerator", unit = "jumlah" },
]
''')["file"][0])


def test_a_wide_file_takes_the_year_from_each_column_header():
    table = RawTable("dinkes/Cakupan_IDL.xlsx", "IDL", ["Kode Kelurahan", "Kelurahan", "2021 Sasaran", "2021 IDL", "2022 Sasaran", "2022 IDL"],
                     [["18.72.01.1001", "Metro", 174, 167, 162, 150]], [6])
    records, problems = validate_table(table, WIDE)
    assert records[["region_raw", "year", "role", "value", "column"]].values.tolist() == [
        ["18.72.01.1001", 2021, "denominator", 174.0, "2021 Sasaran"],
        ["18.72.01.1001", 2021, "numerator", 167.0, "2021 IDL"],
        ["18.72.01.1001", 2022, "denominator", 162.0, "2022 Sasaran"],
        ["18.72.01.1001", 2022, "numerator", 150.0, "2022 IDL"],
    ]
    assert problems == []


def test_problems_in_an_excel_file_name_the_sheet():
    table = RawTable("dinkes/Cakupan_IDL.xlsx", "IDL", ["Kode Kelurahan", "Kelurahan", "2021 Sasaran", "2021 IDL"],
                     [["18.72.01.1001", "Metro", "seratus", 167]], [6])
    _, problems = validate_table(table, WIDE)
    assert [(p.code, p.sheet, p.row, p.column) for p in problems] == [("not_a_number", "IDL", 6, "2021 Sasaran")]

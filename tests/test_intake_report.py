"""One complete report per file (metro_poverty.intake.report, previewer): every problem of every cell
in one pass, each located; a formula without a value no longer hides the rows after it; equal messages
at different cells stay apart; beyond the cap the rest is counted."""

import pytest
from intake_support import csv_bytes, eppgbm_rows, inputs_with_store, xlsx_bytes

from metro_poverty.intake import report
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.problems import WARNING, Problem


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("report"), inputs_factory, schematic_store)


def typed(rows: list[list]) -> list[list]:
    """The e-PPGBM rows as Excel keeps them: counts as numbers."""
    out = rows[:4]
    for r in rows[4:]:
        out.append(r[:3] + [int(r[3]), int(r[4]), float(r[5].replace(",", "."))])
    return out


def five_bad_rows() -> bytes:
    rows = typed(eppgbm_rows(2025))
    rows[4][3] = "=D6*2"  # a formula Excel never computed (row 5)
    rows[6][4] = "tiga puluh"  # text in a count (row 7)
    rows[8][3] = -801  # a negative count (row 9)
    rows[10][4] = 12.5  # half a child (row 11)
    rows[12][2] = "Kel. Atlantis"  # no such kelurahan (row 13)
    return xlsx_bytes({"Data": rows})


def test_a_workbook_with_five_bad_rows_reports_all_five_at_once(inputs):
    pv = preview(five_bad_rows(), "eppgbm_2025.xlsx", Choices(), inputs)
    located = [(p.code, p.row, p.column) for p in pv.errors if p.code != "ratio_incomplete"]
    assert located == [("formula_without_value", 5, "D"), ("not_a_number", 7, "Jumlah Balita Stunting"),
                       ("negative", 9, "Jumlah Balita Diukur"), ("fractional_count", 11, "Jumlah Balita Stunting"),
                       ("unknown_region", 13, "Kelurahan")]
    assert {r["row"] for r in pv.report("en") if r["severity"] == "ERROR"} >= {5, 7, 9, 11, 13}
    assert all(r["sheet"] == "Data" for r in pv.report("en") if r["code"] != "unknown_region")


def test_a_column_of_formulas_without_results_is_said_once_and_its_rows_not_again(inputs):
    """A sheet saved by a program that does not compute formulas gave one error per cell and, on every row, a second
    'numerator and denominator must both be there': 69 errors for a 22-row file."""
    rows = typed(eppgbm_rows(2025))
    for i in range(4, 26):
        if len(rows[i]) > 4 and isinstance(rows[i][4], (int, float)):
            rows[i][4] = f"=D{i + 1}/20"
    pv = preview(xlsx_bytes({"Data": rows}), "eppgbm_2025.xlsx", Choices(), inputs)
    formulas = [p for p in pv.errors if p.code == "formula_without_value"]
    assert [(p.row, p.column, p.fields["cells"]) for p in formulas] == [(5, "E", 22)]
    assert formulas[0].message("id").endswith("22 sel di kolom ini, mulai baris ini, berisi rumus tanpa hasil tersimpan (berkas disimpan "
                                              "oleh program yang tidak menghitung rumus); buka dan simpan di Excel, atau tempel sebagai nilai "
                                              "(ditemukan: «=D5/20»)")
    assert not [p for p in pv.errors if p.code == "ratio_incomplete"]


def test_equal_messages_at_different_cells_are_each_reported(inputs):
    rows = eppgbm_rows(2025)
    for i in (5, 6, 7):
        rows[i][3] = "n/a"
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    assert [(p.code, p.row) for p in pv.errors if p.code == "not_a_number"] == [("not_a_number", 6), ("not_a_number", 7), ("not_a_number", 8)]


def test_beyond_the_cap_the_rest_of_the_problems_is_counted():
    problems = [Problem("not_a_number", "f.csv", row=i, column="B", value="x") for i in range(2, 12)]
    problems += [Problem("outlier", "f.csv", row=i, severity=WARNING) for i in range(2, 5)]
    kept = report.capped(problems, "f.csv", cap=8)  # errors first, in file order
    assert [p.row for p in kept[:8]] == list(range(2, 10))
    assert (kept[8].code, kept[8].severity, kept[8].fields) == ("more_problems", "error", {"n": 5, "errors": 2, "cap": 8})
    assert report.capped(problems, "f.csv", cap=13) == problems


def test_a_file_with_more_bad_cells_than_the_cap_lists_the_cap_and_counts_the_rest(inputs):
    rows = [["Kelurahan", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"]] + [["Kel. Metro", "2025", "x", "y"]] * 300
    pv = preview(csv_bytes(rows), "eppgbm.csv", Choices(), inputs)
    assert len(pv.problems) == report.CAP + 1 and pv.problems[-1].code == "more_problems"
    assert pv.problems[-1].fields == {"n": 2 * 300 - report.CAP, "errors": 2 * 300 - report.CAP, "cap": report.CAP}  # two text cells a row


def test_a_number_the_checks_computed_is_written_in_the_readers_language():
    """'median 4.92' reads 492 to an Indonesian officer; the 'found' column showed the raw float ('2.87908')."""
    from metro_poverty.intake.report import row
    from metro_poverty.problems import WARNING, Num, Problem

    p = Problem("outlier", "f.csv", row=5, value=Num(2.87908, 2), severity=WARNING,
                fields={"indicator": "stunting_eppgbm", "region": "Metro", "median": Num(4.92, 2), "limit": Num(0.74, 2), "n": 3})
    shown = row(p, "id")
    assert shown["found"] == "2,88" and "median 4,92, batas ±0,74" in shown["expected"]
    assert row(p, "en")["found"] == "2.88" and "median 4.92, limit ±0.74" in row(p, "en")["expected"]
    assert row(p, "id")["key"] == row(p, "en")["key"]  # an accepted warning is the same whatever the language


def test_a_kecamatan_row_in_a_kelurahan_file_is_said_to_be_one(inputs):
    """'KECAMATAN METRO PUSAT' among the kelurahan (a subtotal typed without 'Jumlah') was an unknown kelurahan
    whose advice was to add a spelling to the alias table, which an OPD officer cannot and should not do."""
    rows = eppgbm_rows(2025)
    rows.insert(6, [rows[5][0], rows[5][1], "KECAMATAN METRO PUSAT", "3271", "132", "4,04"])
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    found = [(p.code, p.row) for p in pv.errors if p.code in ("kecamatan_row", "unknown_region")]
    assert found == [("kecamatan_row", 7)]
    message = next(p for p in pv.errors if p.code == "kecamatan_row").message("id")
    assert "kecamatan Metro Pusat, bukan kelurahan" in message and "alias" not in message
    assert not [s for s in pv.suggestions if s.row == 7]  # no kelurahan name is offered for it


def test_a_kelurahan_row_without_numbers_is_said_to_be_skipped(inputs):
    """'Imopuro;;' and a row of '-' gave no record and no line in the report: a kelurahan dropped out unsaid."""
    rows = eppgbm_rows(2025)
    rows[6][3:6] = ["", "", ""]
    rows[7][3:6] = ["-", "-", "-"]
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    skipped = [(p.row, p.severity) for p in pv.problems if p.code == "row_without_numbers"]
    assert skipped == [(7, WARNING), (8, WARNING)]
    assert "tulis 0 bila nihil" in next(p for p in pv.problems if p.code == "row_without_numbers").message("id")


def test_a_message_names_the_indicator_and_keeps_its_key_in_either_language():
    """An officer read 'stunting_eppgbm: penyebut nol …'; the key load() is given back must not change with the words."""
    from metro_poverty.intake import report
    from metro_poverty.problems import Problem

    p = Problem("ratio_invalid", "f.csv", row=2, fields={"indicator": "stunting_eppgbm", "num": 681, "den": 631})
    names = {"stunting_eppgbm": {"id": "Stunting (e-PPGBM)", "en": "Stunting (e-PPGBM)"}}
    shown = report.row(p, "id", names)
    assert "Stunting (e-PPGBM): penyebut nol" in shown["message"] and "stunting_eppgbm" not in shown["message"]
    assert shown["key"] == report.row(p, "en")["key"] == report.problem_key(p)

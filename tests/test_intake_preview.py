"""preview(): what a file would load and the report, without writing anything. The example OPD file
(data/intake_examples/) is read with no choice made; a typo is offered as a suggestion; confirming it
gives every kelurahan; the report says sheet, row, column, value found and what was expected."""

import pytest
from intake_bombs import many_cells
from intake_support import DINKES, DINSOS, EPPGBM_HEADER, EXAMPLE, TEJO_AGUNG, csv_bytes, eppgbm_rows, inputs_with_store, snapshot, xlsx_bytes

from metro_poverty.intake import archive
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import Suggestion, preview
from metro_poverty.pipeline.manifest import Measure


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("preview"), inputs_factory, schematic_store)


@pytest.fixture(scope="module")
def example(inputs):
    return preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(), inputs)


def test_the_example_is_read_with_every_choice_detected(example):
    ch = example.choices
    assert (ch.encoding, ch.sep, ch.header_row, ch.header_rows, ch.region_column, ch.region_level, ch.period) == (
        "utf-8", ";", 5, 1, "Kelurahan", "kelurahan", 2025)
    # every number column gets the decimal mark its values show; the file-wide choice stays the uploader's
    assert (ch.decimal, set(ch.column_decimals.values())) == (None, {","})
    assert (ch.source_id, ch.status, ch.indicator_codes) == ("illus_dinkes_eppgbm", "illustrative", ["stunting_eppgbm"])


def test_the_example_says_how_it_was_read(example):
    assert example.note_texts("en") == [
        "Read as UTF-8.", "Column separator: «;».", "Column headers on row 5.",
        "Column layout recognised from earlier files: Jumlah Balita Diukur, Jumlah Balita Stunting, Prevalensi (%).",
        "Year 2025 from the file's title.", "Decimal mark: comma (the file holds «4,88»).",  # a cell of the file, not a made-up example
        "Source: ILLUSTRATIVE: e-PPGBM summary per kelurahan, status: Illustrative (as earlier data of this indicator)."]  # words, not codes


def test_a_figure_with_no_history_from_its_source_says_it_was_not_compared(inputs, example):
    """An OPD's first real file beside the demo's made-up values said 'no problems' where the same file as example
    data had changes to look at: the officer is told that nothing was compared."""
    real = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(status="provisional", source_id="opd_upload"), inputs)  # as the page sends it
    said = "Stunting (e-PPGBM): no earlier figures from this source, so its values are not compared with a history"
    assert any(n.startswith(said) for n in real.note_texts("en"))
    assert not any(n.startswith(said) for n in example.note_texts("en"))  # the example data's own history was its yardstick


def test_the_misspelt_kelurahan_is_an_error_with_a_suggestion(example):
    assert [(p.code, p.row, p.column, p.value) for p in example.errors] == [("unknown_region_hint", 23, "Kelurahan", "Kel. Tejo Agungg")]
    assert example.suggestions == [Suggestion("Kel. Tejo Agungg", "kelurahan", 23, TEJO_AGUNG, "Tejo Agung")]


def test_the_total_row_is_checked_against_the_sum_of_the_rows_read(example):
    # the misspelt row is not in the sum until it is confirmed, and the warning says so (an officer went looking for
    # a wrong total that was not there)
    assert [(p.code, p.row, p.column) for p in example.warnings] == [
        ("total_differs_without", 28, "Jumlah Balita Diukur"), ("total_differs_without", 28, "Jumlah Balita Stunting")]
    assert example.warnings[0].body("id") == ("baris jumlah tidak sama dengan jumlah baris yang terbaca (11.710); baris yang galat (23) "
                                              "mungkin belum ikut dijumlahkan: perbaiki dulu galatnya, lalu jumlahnya diperiksa lagi")


def test_the_report_row_names_sheet_row_column_found_and_expected(example):
    row = example.report("en")[0]
    assert {k: row[k] for k in ("severity", "sheet", "row", "column", "found", "expected")} == {
        "severity": "ERROR", "sheet": "", "row": 23, "column": "Kelurahan", "found": "Kel. Tejo Agungg",
        "expected": "unknown kelurahan; did you mean «Tejo Agung»?"}
    assert example.report("id")[0]["expected"] == "wilayah tingkat kelurahan tidak dikenal; mungkin maksudnya «Tejo Agung»?"


def test_confirming_the_suggestion_gives_every_kelurahan_and_no_problem(inputs):
    pv = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG}), inputs)
    assert (pv.problems, len(pv.rows), pv.ready()) == ([], 22, True)
    assert pv.rows.loc[pv.rows.line == 23, ["region_code", "region_name"]].values.tolist() == [[TEJO_AGUNG, "Tejo Agung"]]


def test_a_spelling_confirmed_for_an_earlier_file_is_listed_only_for_a_file_that_writes_it(inputs):
    """A confirmed spelling is carried to the corrected file; 'Ganjar Asrii' stayed ticked on the page for later files
    that never wrote it."""
    from metro_poverty.ui.upload_page import confirmed_in_file

    carried = {"Kel. Tejo Agungg": TEJO_AGUNG, "Ganjar Asrii": "18.72.04.1001"}
    pv = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(aliases=carried), inputs)
    assert "Kel. Tejo Agungg" in pv.region_texts
    assert confirmed_in_file(pv) == [("Kel. Tejo Agungg", TEJO_AGUNG)]


def test_a_preview_writes_nothing(inputs):
    before = snapshot(inputs)
    preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG}), inputs)
    assert snapshot(inputs) == before


def test_a_code_cannot_be_confirmed_as_a_spelling(inputs):
    pv = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(aliases={"1872021999": TEJO_AGUNG}), inputs)
    assert "bad_alias" in [p.code for p in pv.errors]


def test_an_officer_of_another_opd_sees_that_the_indicator_is_not_theirs(inputs):
    pv = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(), inputs, user=DINSOS)
    assert [(p.code, p.value, p.fields["producer"]) for p in pv.errors if p.code == "not_allowed"] == [
        ("not_allowed", "stunting_eppgbm", "Dinas Kesehatan")]
    assert "not_allowed" not in [p.code for p in preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(), inputs, user=DINKES).problems]


def test_without_a_year_anywhere_the_uploader_is_asked(inputs):
    rows = [r for r in eppgbm_rows() if r != ["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"]]
    assert "no_period" in [p.code for p in preview(csv_bytes(rows), "rekap.csv", Choices(), inputs).errors]


def test_a_year_in_the_file_name_is_used_when_the_title_has_none(inputs):
    rows = [r for r in eppgbm_rows() if r != ["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"]]
    assert preview(csv_bytes(rows), "eppgbm_2026.csv", Choices(), inputs).choices.period == 2026


def test_a_title_and_a_file_name_naming_different_years_ask_which_one(inputs):
    """'REKAP ... TAHUN 2023' in rekap_2024.csv: the title's year was taken and the report said 'no problems'."""
    rows = [["REKAP STUNTING TAHUN 2023"] if r == ["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"] else r for r in eppgbm_rows()]
    pv = preview(csv_bytes(rows), "rekap_2024.csv", Choices(), inputs)
    conflict = [p for p in pv.errors if p.code == "period_conflict"]
    assert pv.choices.period is None and len(conflict) == 1
    assert conflict[0].message("id").endswith("judul berkas menyebut tahun 2023, nama berkas tahun 2024; pilih tahunnya")
    assert preview(csv_bytes(rows), "rekap_2024.csv", Choices(period=2023), inputs).choices.period == 2023  # once chosen
    assert preview(csv_bytes(rows), "rekap_2023.csv", Choices(), inputs).choices.period == 2023  # the same year: no question


def test_a_year_column_holding_another_year_than_the_title_and_the_file_name_is_a_warning_for_each(inputs):
    """'REKAP STUNTING TAHUN 2023' in stunting_2022.csv with 2024 in its Tahun column loaded as 2024, 'no problems'."""
    def with_column(title: str, year: str) -> list[list]:
        rows = [[title] if r == ["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"] else r for r in eppgbm_rows()]
        return [r + ["Tahun"] if r == EPPGBM_HEADER else r + [year] if len(r) == len(EPPGBM_HEADER) else r for r in rows]

    pv = preview(csv_bytes(with_column("REKAP STUNTING TAHUN 2023", "2024")), "stunting_2022.csv", Choices(), inputs)
    warned = [(p.code, p.column, p.found()) for p in pv.warnings if p.code.startswith("period_column_differs")]
    assert warned == [("period_column_differs_title", "Tahun", "2024"), ("period_column_differs_file_name", "Tahun", "2024")]
    assert "judul berkas menyebut tahun 2023, tetapi kolom tahun memuat tahun lain" in pv.warnings[0].message("id")
    agreed = preview(csv_bytes(with_column("REKAP STUNTING TAHUN 2024", "2024")), "stunting_2024.csv", Choices(), inputs)
    assert not [p for p in agreed.warnings if p.code.startswith("period_column_differs")]


def test_last_years_rows_kept_hidden_under_this_years_are_a_warning_naming_them(inputs):
    """An e-PPGBM workbook that showed 22 kelurahan held 2024's rows too, hidden: both years were read without a word."""
    this_year, last_year = eppgbm_rows(2025), [r for r in eppgbm_rows(2024)[4:] if r[2] != "Jumlah"][:3]
    rows = this_year + last_year
    hidden = list(range(len(this_year) + 1, len(rows) + 1))
    pv = preview(xlsx_bytes({"Data": rows}, hidden={"Data": hidden}), "eppgbm_2025.xlsx", Choices(), inputs)
    (warned,) = [p for p in pv.warnings if p.code == "hidden_rows"]
    assert (warned.row, warned.fields["rows"]) == (hidden[0], ", ".join(map(str, hidden)))
    assert pv.unaccepted() and warned in pv.unaccepted()  # it blocks a load until the officer accepts it
    shown = preview(xlsx_bytes({"Data": this_year}, hidden={"Data": ["A"]}), "eppgbm_2025.xlsx", Choices(), inputs)
    assert not [p for p in shown.problems if p.code.startswith("hidden")]  # the hidden "No" column is not read
    counts = preview(xlsx_bytes({"Data": this_year}, hidden={"Data": ["E"]}), "eppgbm_2025.xlsx", Choices(), inputs)
    assert [(p.code, p.column, p.value) for p in counts.warnings if p.code.startswith("hidden")] == [
        ("hidden_column", "E", "Jumlah Balita Stunting")]


def test_columns_nobody_has_seen_ask_for_a_mapping_naming_them(inputs):
    pv = preview(csv_bytes([["Kelurahan", "Tahun", "Angka X"], ["Metro", "2025", "5"]]), "x.csv", Choices(), inputs)
    assert [(p.code, p.fields["columns"]) for p in pv.errors] == [("columns_unmapped", "Angka X")]  # not the region and year columns it read


def test_columns_to_give_a_meaning_are_those_that_may_hold_a_figure(inputs):
    """Codes in the region column, the names beside them and the rows' numbering are no figures: the message and
    the mapping form listed 'NO' and 'Kelurahan' among the columns to map."""
    rows = [["NO", "Kode", "Kelurahan", "Puskesmas", "Tahun", "Cakupan X (%)"],
            [1, "18.72.01.1001", "Metro", "Puskesmas Metro", 2025, 90.5], [2, "18.72.01.1002", "Hadimulyo Timur", "Puskesmas Metro", 2025, 88.1]]
    pv = preview(xlsx_bytes({"Data": rows}), "x.xlsx", Choices(), inputs)
    assert [(p.code, p.fields["columns"]) for p in pv.errors] == [("columns_unmapped", "Cakupan X (%)")]
    assert pv.number_columns == ["Tahun", "Cakupan X (%)"]  # the form also leaves out the year column it read


def test_the_region_column_and_level_are_found_by_their_values(inputs):
    rows = [["Nama", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"], ["METRO", "2025", "759", "28"], ["IMOPURO", "2025", "718", "36"]]
    pv = preview(csv_bytes(rows, ","), "x.csv", Choices(indicators=("stunting_eppgbm",)), inputs)
    # no known layout has "Nama": the measures come from the seed layout only when its region column is present
    assert (pv.choices.region_column, pv.choices.region_level, pv.choices.year_column) == ("Nama", "kelurahan", "Tahun")


def test_a_workbook_with_several_tables_asks_which_sheet(inputs):
    rows = eppgbm_rows()
    pv = preview(xlsx_bytes({"2024": rows, "2025": rows}), "eppgbm.xlsx", Choices(), inputs)
    assert [(p.code, p.fields) for p in pv.errors] == [("choose_sheet", {"sheets": "2024, 2025"})]
    assert pv.sheets == ["2024", "2025"]  # for the page to offer
    chosen = preview(xlsx_bytes({"2024": rows, "2025": rows}), "eppgbm.xlsx", Choices(sheet="2025"), inputs)
    assert (chosen.choices.sheet, len(chosen.rows), chosen.errors) == ("2025", 22, [])


def test_a_workbook_refused_by_its_archive_check_is_checked_once_and_offers_no_sheets(inputs, monkeypatch):
    # the check is what a bomb costs (about half a second for 3,8 million cells): a second pass for the
    # sheet names would double it, and a refused archive has no sheet worth choosing
    calls = []
    check = archive.check
    monkeypatch.setattr(archive, "check", lambda *a: calls.append(a[1]) or check(*a))
    pv = preview(many_cells(), "bom.xlsx", Choices(), inputs)
    assert ([p.code for p in pv.errors], pv.sheets, len(calls)) == (["workbook_cells"], [], 1)


def test_a_workbook_with_merged_header_cells_is_read_by_its_joined_labels(inputs):
    rows = [["e-PPGBM AGUSTUS 2025"], [], ["Kelurahan", "Jumlah Balita", None], [None, "Diukur", "Stunting"]] + [
        [r[2], int(r[3]), int(r[4])] for r in eppgbm_rows()[4:]]
    data = xlsx_bytes({"Data": rows}, merges={"Data": ["A1:C1", "A3:A4", "B3:C3"]})
    pv = preview(data, "eppgbm.xlsx", Choices(), inputs)
    assert (pv.columns, len(pv.rows), pv.errors) == (["Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting"], 22, [])


def test_every_row_of_the_report_is_located(inputs):
    rows = eppgbm_rows()
    rows[5] = rows[5][:3] + ["-801", "47", "5,87"]  # a negative count
    rows[6] = rows[6][:3] + ["718", "tiga puluh", "5,01"]  # text in a number column
    rows.append(rows[7])  # the same kelurahan twice
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    located = sorted((p.code, p.row, p.column, p.value) for p in pv.errors if p.code != "ratio_incomplete")
    assert located == [("duplicate_row", 27, None, "Kel. Hadimulyo Barat"), ("negative", 6, "Jumlah Balita Diukur", "-801"),
                       ("not_a_number", 7, "Jumlah Balita Stunting", "tiga puluh")]
    # the row with a bad count has no ratio, but its cell's error says all there is to fix: no second message
    # ('pembilang dan penyebut harus ada keduanya') on the same cell
    assert sorted(p.row for p in pv.errors if p.code == "ratio_incomplete") == []
    assert EPPGBM_HEADER[3] in pv.columns


def test_a_name_two_kelurahan_could_be_offers_both_and_the_message_names_both(inputs):
    rows = eppgbm_rows(2025, names={"Kel. Hadimulyo Barat": "Kel. Hadimulyo"})
    pv = preview(csv_bytes(rows), "hadimulyo.csv", Choices(), inputs)
    offered = [(s.text, s.region_name) for s in pv.suggestions]
    assert sorted(offered) == [("Kel. Hadimulyo", "Hadimulyo Barat"), ("Kel. Hadimulyo", "Hadimulyo Timur")]
    (problem,) = [p for p in pv.errors if p.code == "unknown_region_hint"]
    assert "Hadimulyo Timur / Hadimulyo Barat" in problem.message("id")


@pytest.mark.parametrize("heading", [["", "KECAMATAN METRO PUSAT", "", "", "", ""], ["", "", "Kecamatan Metro Pusat", "", "", ""]])
def test_a_kecamatan_heading_under_the_header_reads_the_file_and_blocks_nothing(inputs, heading):
    rows = eppgbm_rows(2025)
    rows.insert(rows.index(EPPGBM_HEADER) + 1, heading)  # it used to be 'header row not found'
    pv = preview(csv_bytes(rows), "dengan_judul_kecamatan.csv", Choices(), inputs)
    assert pv.errors == [] and len(pv.rows) == 22


def test_decimal_commas_in_a_comma_separated_file_are_refused_naming_the_row(inputs):
    """'Metro,2025,6,87' under a three-column header loaded as 6,0000 with 'Tidak ada masalah': 87 was dropped."""
    text = "Kelurahan,Tahun,Prevalensi (%)\r\nMetro,2025,6,87\r\nHadimulyo Timur,2025,13,14\r\nImopuro,2025,4,67\r\n"
    pv = preview(text.encode(), "stunting.csv", Choices(indicators=("stunting_eppgbm",)), inputs)
    split = next(p for p in pv.problems if p.code == "row_wider_decimal_comma")
    assert (split.severity, split.row, split.found()) == ("error", 2, "Metro,2025,6,87") and not pv.ready()
    assert "berisi 4 sel, padahal judul kolom hanya 3 (3 baris seperti ini)" in split.message("id") and '("6,87")' in split.message("id")
    quoted = 'Kelurahan,Tahun,Prevalensi (%)\r\nMetro,2025,"6,87"\r\n'
    assert not [p for p in preview(quoted.encode(), "stunting.csv", Choices(indicators=("stunting_eppgbm",)), inputs).problems
                if p.code.startswith("row_wider")]


def test_a_note_beside_the_table_is_not_read_and_a_warning_says_so(inputs):
    rows = eppgbm_rows()
    rows[4] = rows[4] + ["catatan: data sementara"]  # the first data row, under the header
    pv = preview(csv_bytes(rows), "eppgbm.csv", Choices(), inputs)
    beside = [p for p in pv.problems if p.code.startswith("row_wider")]
    assert [(p.code, p.severity) for p in beside] == [("row_wider_than_header", "warning")]


def test_a_note_under_the_table_and_a_total_row_without_a_year_are_read_as_such(inputs):
    """'Sumber: laporan puskesmas,,,' and 'Jumlah,,13362,758' under a one-year table each refused the whole file
    with 'tahun harus berupa bilangan empat digit' (found «None» in a workbook)."""
    rows = [r for r in eppgbm_rows()[3:] if r[2] != "Jumlah"]  # the header, then the 22 kelurahan
    plain = [[r[2], "2025", r[3], r[4]] for r in rows[1:] if r[2] and not r[2].startswith("Kota")]
    header = ["Kelurahan", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"]
    measured = sum(int(r[2].replace(".", "")) for r in plain)
    stunted = sum(int(r[3].replace(".", "")) for r in plain)
    data = csv_bytes([header, *plain, ["Jumlah", "", measured, stunted], ["Sumber: laporan puskesmas", "", "", ""]], sep=",")
    pv = preview(data, "eppgbm.csv", Choices(), inputs)
    assert [p for p in pv.problems if p.severity == "error"] == []
    assert (pv.counts["total_rows"], len(pv.rows)) == (1, len(plain))
    wrong = csv_bytes([header, *plain, ["Jumlah", "", measured + 100, stunted]], sep=",")
    assert any(p.code.startswith("total") for p in preview(wrong, "eppgbm.csv", Choices(), inputs).problems)  # it is checked


def test_kemendagri_codes_without_dots_and_no_names_are_said_to_be_that(inputs):
    """A DTSEN or Dukcapil export's 1872011001: 'kolom wilayah tidak ditemukan' gave the officer nothing to act on."""
    header = ["Kode Wilayah", "Tahun", "Jumlah Balita Diukur", "Jumlah Balita Stunting"]
    rows = [header, ["1872011001", "2025", "631", "24"], ["1872011002", "2025", "704", "56"], ["1872011003", "2025", "349", "19"]]
    codes = {p.code for p in preview(csv_bytes(rows, sep=","), "kode.csv", Choices(), inputs).problems}
    assert "ambiguous_code_system" in codes and "no_region_column" not in codes


def test_a_name_read_through_another_spelling_and_a_kelurahan_without_a_value_are_said(inputs):
    """'Ganjarsari' is a spelling seen for Ganjar Asri: an officer who wrote it for Ganjar Agung, with no Ganjar
    Asri row, saw 'no problems' and 21 rows, and the value went to the wrong kelurahan unsaid."""
    rows = [r for r in eppgbm_rows(2025, {"Kel. Ganjar Agung": "Ganjarsari"}) if len(r) < 3 or r[2] != "Kel. Ganjar Asri"]
    rows = [r for r in rows if len(r) < 3 or r[2] != "Total"]  # no total row: it would not add up
    p = preview(csv_bytes(rows), "stunting 2025.csv", Choices(status="provisional", source_id="opd_upload"), inputs, DINKES)
    notes = p.note_texts("id")
    assert any(n.startswith("Nama wilayah yang ditulis lain dan dibaca sebagai (baris): «Ganjarsari» = Ganjar Asri (") for n in notes)
    assert "Tanpa nilai dari berkas ini: Ganjar Agung (21 dari 22 kelurahan punya nilai)." in notes
    whole = preview(csv_bytes(eppgbm_rows(2025)), "stunting 2025.csv", Choices(status="provisional", source_id="opd_upload"), inputs, DINKES)
    assert not any(n.startswith(("Nama wilayah yang ditulis lain", "Tanpa nilai dari berkas")) for n in whole.note_texts("id"))


def test_a_refused_excel_number_is_quoted_as_the_sheet_shows_it(inputs):
    """Excel shows -0,05 and 1,12 formatted as percentages as -5% and 112%: the report said «-5.0» and «112.00000000000001».
    (Coverage of a projected target may pass 100%, so the refused one is above the catalogue's 200.)"""
    from metro_poverty.intake.mapping import parse_map

    rows = [["Kelurahan", "Tahun", "Cakupan IDL (%)"], ["Metro", 2025, -0.05], ["Imopuro", 2025, 2.12], ["Yosomulyo", 2025, 0.9]]
    data = xlsx_bytes({"IDL": rows}, formats={"IDL": {"C2": "0.0%", "C3": "0.0%", "C4": "0.0%"}})
    pv = preview(data, "idl.xlsx", Choices(measures=(parse_map("Cakupan IDL (%)=imm_complete:value:%"),)), inputs)
    assert [(p.code, p.row, p.found("id"), p.found("en")) for p in pv.errors] == [
        ("negative", 2, "−5%", "−5%"), ("above_max", 3, "212%", "212%")]


def test_the_summary_of_errors_fixed_on_the_page_does_not_send_the_officer_back_to_excel(example, inputs, monkeypatch):
    """The example's one error is a misspelt kelurahan with a suggestion to tick: 'perbaiki semuanya lalu unggah lagi'
    sent the officer back to the file for what one click on the page fixes."""
    import streamlit as st

    from metro_poverty.ui import upload_page

    said = []
    monkeypatch.setattr(st, "error", lambda text, **_: said.append(text))
    upload_page._summary(example, "id")
    assert said == ["1 galat pada sel, di baris 23: nama wilayah yang salah eja; centang sarannya di bawah laporan, tanpa mengunggah lagi."]
    said.clear()
    bad = preview(csv_bytes(eppgbm_rows(2024)[:5] + [eppgbm_rows(2024)[5][:3] + ["n/a", "40", "5,27"]]), "e-PPGBM_2024.csv", Choices(), inputs)
    upload_page._summary(bad, "id")
    assert said and said[-1].endswith("perbaiki semuanya lalu unggah lagi.")


def test_a_decimal_point_in_a_comma_file_says_how_the_file_writes_it(inputs):
    rows = eppgbm_rows(2024)
    rows[4] = rows[4][:5] + ["4.88"]
    pv = preview(csv_bytes(rows), "e-PPGBM_2024.csv", Choices(), inputs)
    bad = [r for r in pv.report("id") if r["found"] == "4.88"]
    assert [r["expected"] for r in bad] == ["tanda desimal berkas ini «,», yang lain dibaca sebagai pemisah ribuan: tulis «4,88»"]


def test_the_load_button_says_what_it_waits_for_first(example, inputs):
    """A refused file read 'Pratinjau: 17 baris yang akan dimuat' beside a greyed button and no word of why."""
    from metro_poverty.ui.upload_page import waiting_for

    assert waiting_for(example, True, set()) == "errors"  # the misspelt kelurahan
    fixed = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG}), inputs)
    assert (waiting_for(fixed, False, set()), waiting_for(fixed, True, set())) == ("status", None)


def test_a_ratio_check_names_the_files_own_columns(inputs):
    """'penyebut nol atau pembilang lebih besar dari penyebut' stood beside an empty column; a blank count is named."""
    rows = eppgbm_rows()
    rows[5] = rows[5][:3] + ["397", "407", ""]  # more stunted than measured
    rows[6] = rows[6][:3] + ["", "47", ""]  # the measured count left blank
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", Choices(), inputs)
    assert sorted((p.code, p.row, p.column) for p in pv.errors if p.code.startswith("ratio")) == [
        ("ratio_incomplete", 7, "Jumlah Balita Diukur"), ("ratio_invalid", 6, "Jumlah Balita Stunting / Jumlah Balita Diukur")]


def test_a_kelurahan_whose_count_is_0_loads_0_and_is_not_skipped_as_empty(inputs):
    """Iring Mulyo with 0 unfit houses, typed as the number 0, was skipped with 'write 0 for none' (the cell held 0), and
    the city and its kecamatan were left without a 2025 value; '-' and an empty cell still read as empty."""
    names = [r[2] for r in eppgbm_rows(2025)[4:]]
    counts = [0 if name == "Kel. Iring Mulyo" else 10 + i for i, name in enumerate(names)]
    rows = [["Kelurahan", "Jumlah RTLH"]] + [[n, c] for n, c in zip(names, counts)]
    rtlh = Choices(measures=(Measure(indicator="rtlh_units", role="value", unit="unit rumah", column="Jumlah RTLH"),),
                   source_id="opd_upload", status="provisional")
    pv = preview(xlsx_bytes({"RTLH": rows + [["Jumlah", sum(counts)]]}), "rtlh_2025.xlsx", rtlh, inputs)
    assert pv.rows.loc[pv.rows.region_name == "Iring Mulyo", "value"].tolist() == [0.0]
    assert "row_without_numbers" not in [p.code for p in pv.problems] and len(pv.rows) == 22
    dash = preview(xlsx_bytes({"RTLH": rows[:1] + [[n, "-" if c == 0 else c] for n, c in zip(names, counts)]}), "rtlh_2025.xlsx", rtlh, inputs)
    assert [(p.code, p.value) for p in dash.warnings if p.code == "row_without_numbers"] == [("row_without_numbers", "Kel. Iring Mulyo")]


def test_a_reused_file_name_whose_year_the_title_does_not_name_asks_which_year(inputs):
    """A reused 'rekap_stunting_2024.xlsx' titled 'BULAN AGUSTUS 2025' over the day the data were drawn (January 2026):
    the title named two years, so it was ignored and August 2025 loaded as 2024 with 'no problems'."""
    rows = [r for r in eppgbm_rows(2025) if r != ["DINAS KESEHATAN KOTA METRO"]]
    rows.insert(1, ["Data ditarik dari aplikasi e-PPGBM tanggal 10 Januari 2026"])
    pv = preview(xlsx_bytes({"Rekap": rows}), "rekap_stunting_2024.xlsx", Choices(), inputs)
    conflict = [p for p in pv.errors if p.code == "period_conflict"]
    assert pv.choices.period is None and len(pv.rows) == 0 and len(conflict) == 1
    assert conflict[0].body("en") == "the year of the data is not certain: the file's title names 2025, 2026 and its file name 2024; choose the year"
    assert preview(xlsx_bytes({"Rekap": rows}), "rekap_stunting_2025.xlsx", Choices(), inputs).choices.period == 2025  # among the title's
    assert preview(xlsx_bytes({"Rekap": rows}), "rekap_stunting_2024.xlsx", Choices(period=2025), inputs).choices.period == 2025  # chosen


@pytest.mark.parametrize("numbering", [["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)x100"], [1, 2, 3, 4, 5]])
def test_a_row_numbering_the_columns_under_the_header_is_skipped_and_the_labels_are_the_header(inputs, numbering):
    """'(1) (2) (3) (4) (5)=(4)/(3)x100' under the labels was taken as the header ('Kolom wilayah: «(2)»', the real labels
    never seen); '1 2 3 4 5' was read as a row whose kelurahan «2» is unknown."""
    header = ["No", "Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"]
    body = [[int(r[0]), r[2].removeprefix("Kel. "), int(r[3]), int(r[4]), float(r[5].replace(",", "."))] for r in eppgbm_rows(2025)[4:]]
    data = xlsx_bytes({"Rekap": [["REKAP STUNTING E-PPGBM AGUSTUS 2025"], header, numbering] + body})
    pv = preview(data, "rekap_2025.xlsx", Choices(), inputs)
    assert (pv.columns, pv.choices.header_row, pv.choices.region_column) == (header, 2, "Kelurahan")
    assert (pv.errors, len(pv.rows), sorted(pv.rows.line)[0]) == ([], 22, 4)


def test_immunisation_coverage_above_100_loads_and_only_far_above_it_is_a_warning(inputs):
    """The catalogue's denominator for complete immunisation is a projected target, so coverage can pass 100%; 116 of 111
    (104,5%) was refused twice: 'numerator larger than denominator' and 'a percentage cannot exceed 100'."""
    names = [r[2] for r in eppgbm_rows(2025)[4:]]
    target = {"Kel. Yosomulyo": (116, 111), "Kel. Iring Mulyo": (130, 100)}
    rows = [["Kelurahan", "Sasaran Bayi", "Bayi IDL", "Cakupan (%)"]]
    for i, name in enumerate(names):
        num, den = target.get(name, (95 + i, 100 + i))
        rows.append([name, den, num, round(100 * num / den, 1)])
    idl = Choices(measures=(Measure("imm_complete", "denominator", "jumlah", column="Sasaran Bayi"),
                            Measure("imm_complete", "numerator", "jumlah", column="Bayi IDL"),
                            Measure("imm_complete", "stated", "%", column="Cakupan (%)")), source_id="opd_upload", status="provisional")
    pv = preview(xlsx_bytes({"IDL": rows}), "idl_2025.xlsx", idl, inputs)
    assert pv.errors == [] and len(pv.rows) == 22
    assert round(pv.rows.loc[pv.rows.region_name == "Yosomulyo", "value"].item(), 1) == 104.5
    iring = 2 + names.index("Kel. Iring Mulyo")
    assert [(p.code, p.row) for p in pv.warnings if p.code == "outside_plausible"] == [("outside_plausible", iring)]  # 130%: looked at


def test_jml_marks_a_subtotal_and_a_grand_total_as_jumlah_does(inputs):
    """'Jml Kec. Metro Pusat' and 'JML KOTA METRO' were 6 unknown kelurahan, with nothing saying they are totals."""
    body = eppgbm_rows(2025)[4:]
    rows = [["REKAP STUNTING TAHUN 2025"], ["No", "Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting"]]
    rows += [[r[0], r[2], r[3], r[4]] for r in body[:5]] + [["", "Jml Kec. Metro Pusat", "3472", "183"]] + [[r[0], r[2], r[3], r[4]] for r in body[5:]]
    measured = sum(int(r[3]) for r in body)
    pv = preview(csv_bytes(rows + [["", "JML KOTA METRO", str(measured + 1000), str(sum(int(r[4]) for r in body))]]), "rekap.csv", Choices(), inputs)
    assert (pv.errors, len(pv.rows)) == ([], 22)
    assert [(p.code, p.column) for p in pv.warnings if p.code.startswith("total")] == [("total_differs", "Jumlah Balita Diukur")]  # checked

"""Rates as delivered (pipeline.harmonize through the intake): a ratio indicator that arrives as a rate
only loads as the delivered value with a note and is never summed up; a total row of rates is checked
against the range of its rows, never summed; a rate delivered beside its counts is checked against
them; equal messages about different columns or indicators are all reported."""

import pytest
from intake_support import ADMIN, csv_bytes, eppgbm_rows, inputs_with_store, observations

from metro_poverty.intake import loader
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.pipeline.harmonize import AS_DELIVERED
from metro_poverty.pipeline.manifest import Measure

HEADER = ["Kecamatan", "APS 7-12 (%)", "APS 13-15 (%)", "APS 16-18 (%)"]
RATES = [["Metro Pusat", "99,51", "97,12", "88,40"], ["Metro Utara", "99,20", "96,80", "86,10"], ["Metro Barat", "98,90", "95,50", "84,00"],
         ["Metro Timur", "99,70", "97,90", "90,20"], ["Metro Selatan", "98,10", "94,00", "81,30"]]
MAPPING = Choices(measures=tuple(Measure(code, "value", "%", column=col) for code, col in
                                 zip(("aps_7_12", "aps_13_15", "aps_16_18"), HEADER[1:])), period=2025)


def rates_file(total: list[str] | None = None, rows: list[list[str]] = RATES) -> bytes:
    title = [["ANGKA PARTISIPASI SEKOLAH PER KECAMATAN TAHUN 2025"], ["Dinas Pendidikan Kota Metro"], []]
    return csv_bytes(title + [HEADER] + rows + ([["Kota Metro"] + total] if total else []))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("rates"), inputs_factory, schematic_store)


def test_a_rates_only_kecamatan_file_loads_the_delivered_rates_with_a_note(inputs):
    pv = preview(rates_file(), "aps_kecamatan_2025.csv", MAPPING, inputs)
    assert (pv.errors, pv.choices.region_level) == ([], "kecamatan")
    got = {(r.region_name, r.indicator_code): r.value for r in pv.rows.itertuples()}
    assert len(got) == 15 and got[("Metro Pusat", "aps_7_12")] == 99.51 and got[("Metro Selatan", "aps_16_18")] == 81.3
    assert pv.rows.numerator.isna().all() and pv.rows.denominator.isna().all()
    assert "APS 16–18 arrives as a rate only (no numerator and denominator): loaded as delivered and not summed to kecamatan or city." \
           in pv.note_texts("en")


def test_a_total_row_of_rates_inside_the_range_of_its_rows_is_not_summed_nor_flagged(inputs):
    pv = preview(rates_file(total=["99,07", "96,40", "86,00"]), "aps_kecamatan_2025.csv", MAPPING, inputs)
    assert [p.code for p in pv.problems if p.code.startswith("total")] == []


def test_a_total_row_of_rates_outside_the_range_of_its_rows_is_a_warning_naming_the_range(inputs):
    pv = preview(rates_file(total=["99,07", "99,40", "86,00"]), "aps_kecamatan_2025.csv", MAPPING, inputs)
    assert [(p.code, p.row, p.column, p.found("id"), {k: v.text("id") for k, v in p.fields.items()}) for p in pv.warnings
            if p.code.startswith("total")] == [("total_outside_range", 10, "APS 13-15 (%)", "99,4", {"min": "94", "max": "97,9"})]


def test_text_in_three_rate_columns_of_one_row_gives_three_problems(inputs):
    rows = [RATES[0], ["Metro Utara", "n/a", "n/a", "n/a"]] + RATES[2:]
    pv = preview(rates_file(rows=rows), "aps_kecamatan_2025.csv", MAPPING, inputs)
    assert [(p.code, p.row, p.column) for p in pv.errors] == [("not_a_number", 6, c) for c in HEADER[1:]]


def test_a_rate_beside_its_counts_is_checked_against_them(inputs):
    rows = eppgbm_rows(2025)
    rows[5] = rows[5][:5] + ["9,22"]  # 47 of 801 is 5,87 %
    mapping = Choices(measures=(Measure("stunting_eppgbm", "denominator", "jumlah", column="Jumlah Balita Diukur"),
                                Measure("stunting_eppgbm", "numerator", "jumlah", column="Jumlah Balita Stunting"),
                                Measure("stunting_eppgbm", "value", "%", column="Prevalensi (%)")))
    pv = preview(csv_bytes(rows), "eppgbm_2025.csv", mapping, inputs)
    assert [(p.code, p.row, p.found("id"), p.fields["computed"].text("id")) for p in pv.warnings if p.code == "stated_differs"] == [
        ("stated_differs", 6, "9,22", "5,87")]
    assert pv.rows.loc[pv.rows.line == 6, "value"].round(2).tolist() == [5.87]  # the value loaded is computed from the counts


def test_a_loaded_rates_only_file_gives_no_city_value_summed_from_its_rates(tmp_path, inputs_factory, schematic_store):
    inputs = inputs_with_store(tmp_path, inputs_factory, schematic_store)
    pv = preview(rates_file(), "aps_kecamatan_2025.csv", MAPPING, inputs)
    outcome = loader.load(rates_file(), "aps_kecamatan_2025.csv", ADMIN, MAPPING, accepted=[r["key"] for r in pv.report()], inputs=inputs)
    assert outcome.status == "loaded", [p.message("en") for p in outcome.problems]
    rows = [o for o in observations(inputs) if o[0] == "aps_7_12" and o[2] == 2025]
    assert sorted((o[1], o[4]) for o in rows) == [("18.72.01", 99.51), ("18.72.02", 99.2), ("18.72.03", 98.9), ("18.72.04", 99.7),
                                                   ("18.72.05", 98.1)]
    assert {o[10] for o in rows} == {AS_DELIVERED}

"""Templates (metro_poverty.intake.templates): for any indicator of the catalogue, an .xlsx with the region
list in both code systems, the unit, instructions in Indonesian then English, and the columns the
intake expects; filled in, it previews and loads with no choice to make."""

import io

import pytest
from intake_support import ADMIN, DINKES, inputs_with_store
from openpyxl import load_workbook

from metro_poverty import paths
from metro_poverty.intake import loader, templates
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.pipeline.reference import load_reference

CATALOGUE = load_reference(paths.REFERENCE_DIR).catalogue


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("templates"), inputs_factory, schematic_store)


def filled(code, values, period=2025, level=None):
    """The template of `code` with each data row's input cells set from values(row index, region code)."""
    wb = load_workbook(io.BytesIO(templates.template_bytes(code, level, period)))
    ws = wb[templates.DATA_SHEET]
    header = [c.value for c in ws[templates.HEADER_ROW]]
    first_input = header.index("Tahun") + 1
    for i, row in enumerate(ws.iter_rows(min_row=templates.HEADER_ROW + 1)):
        for j, value in enumerate(values(i, row[0].value)):
            row[first_input + j].value = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("code", list(CATALOGUE.code))
def test_every_indicator_has_a_template_with_regions_units_and_instructions(code):
    wb = load_workbook(io.BytesIO(templates.template_bytes(code)))
    assert wb.sheetnames == ["Data", "Wilayah", "Petunjuk", templates.META_SHEET] and wb[templates.META_SHEET].sheet_state == "hidden"
    unit = CATALOGUE.set_index("code").unit_id[code]
    assert f"Satuan: {unit}" in wb["Data"]["A2"].value
    regions = [tuple(r) for r in wb["Wilayah"].iter_rows(min_row=2, values_only=True)]
    assert ("18.72.05.1003", "1872011001", "Sumbersari Bantul", "kelurahan", "18.72.05") in regions
    instructions = [r[0] for r in wb["Petunjuk"].iter_rows(values_only=True) if r[0]]
    assert instructions[0] == "PETUNJUK PENGISIAN" and "HOW TO FILL IN (English)" in instructions


def test_a_kelurahan_template_has_one_row_per_kelurahan_with_both_codes():
    ws = load_workbook(io.BytesIO(templates.template_bytes("stunting_eppgbm")))["Data"]
    rows = list(ws.iter_rows(min_row=templates.HEADER_ROW, values_only=True))
    assert rows[0] == ("Kode Kemendagri", "Kode BPS", "Kecamatan", "Nama Wilayah", "Tahun", "Pembilang (jumlah)", "Penyebut (jumlah)")
    assert len(rows) - 1 == 22 and rows[1][:4] == ("18.72.01.1001", "1872022001", "Metro Pusat", "Metro")


def test_a_filled_kelurahan_template_loads_with_no_choice_to_make(inputs):
    data = filled("stunting_eppgbm", lambda i, code: [30 + i, 600 + 10 * i])
    pv = preview(data, "templat.xlsx", Choices(), inputs)
    assert (pv.errors, len(pv.rows), pv.choices.period, pv.choices.region_level) == ([], 22, None, "kelurahan")
    assert pv.rows.sort_values("line").numerator.tolist()[:2] == [30.0, 31.0]
    outcome = loader.load(data, "templat.xlsx", DINKES, accepted=[r["key"] for r in pv.report()], inputs=inputs)
    assert outcome.status == "loaded"


def test_a_filled_city_template_of_a_published_indicator_loads_for_an_admin(inputs):
    data = filled("p0", lambda i, code: [6.44])
    pv = preview(data, "p0.xlsx", Choices(), inputs)
    assert (pv.errors, pv.rows[["region_code", "period", "value"]].values.tolist()) == ([], [["18.72", 2025, 6.44]])
    assert loader.load(data, "p0.xlsx", ADMIN, accepted=[r["key"] for r in pv.report()], inputs=inputs).status == "loaded"


def test_a_template_without_its_hidden_sheet_still_reads_with_the_indicator_named(inputs):
    wb = load_workbook(io.BytesIO(filled("stunting_eppgbm", lambda i, code: [30, 600])))
    del wb[templates.META_SHEET]
    del wb["Wilayah"]
    buf = io.BytesIO()
    wb.save(buf)
    pv = preview(buf.getvalue(), "templat.xlsx", Choices(indicators=("stunting_eppgbm",)), inputs)
    assert (pv.errors, len(pv.rows)) == ([], 22)


def test_an_unknown_indicator_has_no_template(tmp_path):
    with pytest.raises(KeyError):
        templates.write_template("tidak_ada", tmp_path / "x.xlsx")

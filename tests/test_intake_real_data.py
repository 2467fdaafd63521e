"""An OPD's real file loaded on Unggah Data: it is the OPD's own provisional data, never the demo's
illustrative source, never official; its values replace the demo's made-up values of the same figures on
every view, yet a released figure of the city still comes before the sum of a file handed in; and the
source line names the OPD, the file that was read and the day it was loaded."""

import duckdb
import pytest
from intake_support import DINKES, csv_bytes, eppgbm_rows, inputs_with_store

from app_support import open_app
from metro_poverty import paths
from metro_poverty.intake import loader
from metro_poverty.intake.choices import UPLOAD_SOURCES, Choices
from metro_poverty.intake.previewer import preview
from metro_poverty.intake.report import problem_key
from metro_poverty.store.pointer import current_file

REAL = Choices(source_id=UPLOAD_SOURCES["provisional"], status="provisional")
METRO, CITY = "18.72.01.1001", "18.72"
NAME = "e-PPGBM_2024_[asli](x).csv"  # Markdown marks in a file name must read as typed


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, inputs_factory, schematic_store):
    """The 2024 e-PPGBM file, which the demo also has as made-up data, loaded as Dinas Kesehatan's real data
    (Kel. Metro's count of stunted children differs from the demo's)."""
    inputs = inputs_with_store(tmp_path_factory.mktemp("real"), inputs_factory, schematic_store)
    rows = eppgbm_rows(2024)
    rows[4] = rows[4][:3] + ["759", "40", "5,27"]
    data = csv_bytes(rows)
    warnings = preview(data, NAME, REAL, inputs).warnings
    outcome = loader.load(data, NAME, DINKES, REAL, accepted=[problem_key(w) for w in warnings], inputs=inputs)
    assert outcome.status == "loaded", [p.code for p in outcome.problems]
    return inputs


def shown(inputs, sql: str) -> list[tuple]:
    with duckdb.connect(str(current_file(inputs.store_dir)), read_only=True) as con:
        return con.sql(sql).fetchall()


def test_the_real_values_replace_the_demos_made_up_values_of_the_same_figures(loaded):
    rows = shown(loaded, """select status, source_id, count(*) from observation_best
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code like '18.72.__.____' group by all""")
    assert rows == [("provisional", "opd_upload", 22)]
    metro = shown(loaded, f"""select numerator, status from observation_best
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{METRO}'""")
    assert metro == [(40.0, "provisional")]
    kept = shown(loaded, f"""select status from observations
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{METRO}' order by 1""")
    assert kept == [("illustrative",), ("provisional",)]  # the made-up value is kept, only no longer shown


def test_other_years_keep_the_demos_values_marked_illustrative(loaded):
    rows = shown(loaded, """select distinct status from observation_best
        where indicator_code = 'stunting_eppgbm' and period = 2023 and region_code like '18.72.__.____'""")
    assert rows == [("illustrative",)]


def test_a_figure_the_city_released_comes_before_the_sum_of_a_file_handed_in(loaded):
    best = shown(loaded, f"""select source_id, value from observation_best
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{CITY}'""")
    assert best == [("local_statement_stunting", 7.1)]
    both = shown(loaded, f"""select source_id from observations
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{CITY}' and status <> 'illustrative' order by 1""")
    assert both == [("local_statement_stunting",), ("opd_upload",)]  # the sum stays for the reconciliation view


def test_the_source_names_the_opd_the_file_read_and_the_day_it_was_loaded(loaded):
    (publisher, reference, kind), = shown(loaded, f"""select source_publisher, source_reference, source_kind from observation_labeled
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{METRO}'""")
    (batch, day), = shown(loaded, "select batch_id, left(loaded_at, 10) from batches")
    assert publisher == "Dinas Kesehatan" and kind == "submitted"
    assert reference == f"halaman Unggah Data; «{NAME}», {day}, batch {batch}"


@pytest.mark.parametrize("status, code", [("official", "status_unreleased"), ("illustrative", "status_mismatch")])
def test_a_file_handed_in_is_provisional_never_official_nor_illustrative(loaded, status, code):
    pv = preview(csv_bytes(eppgbm_rows(2025)), "berkas.csv", REAL.but(status=status), loaded)
    assert code in {p.code for p in pv.errors}


def test_example_data_loaded_on_the_page_is_illustrative_with_its_own_source(loaded):
    pv = preview(csv_bytes(eppgbm_rows(2025)), "contoh.csv", Choices(source_id=UPLOAD_SOURCES["illustrative"], status="illustrative"), loaded)
    assert not {"status_mismatch", "status_unreleased"} & {p.code for p in pv.errors}
    assert (pv.choices.source_id, pv.choices.status) == ("opd_upload_illustrative", "illustrative")


@pytest.mark.parametrize("level, n", [("kelurahan", 22), ("kecamatan", 5)])
def test_the_health_page_shows_the_real_values_in_every_view(loaded, monkeypatch, level, n):
    monkeypatch.setattr(paths, "STORE_DIR", loaded.store_dir)
    region = METRO if level == "kelurahan" else "18.72.01"
    for view in ("map", "rank", "trend", "compare", "table"):
        at = open_app({"ind": "stunting_eppgbm", "year": "2024", "level": level, "view": view, "region": region},
                      page="views/dimension_health.py")
        assert not at.exception, (view, [e.value for e in at.exception])
    table = at.table[0].value
    assert len(table) == n and set(table["Status"]) == {"Sementara"}
    line = next(c.value for c in at.caption if c.value.startswith("Sumber:"))
    assert "Dinas Kesehatan: Data sektoral OPD" in line and "e\\-PPGBM\\_2024\\_\\[asli\\]\\(x\\)\\.csv" in line
    assert not any("ILUSTRASI" in c.value for c in at.caption if c.value.startswith("Sumber:"))

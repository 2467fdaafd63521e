"""An OPD's real file loaded on Unggah Data: it is the OPD's own provisional data, never the demo's
illustrative source, never official; its values replace the demo's made-up values of the same figures on
every view, the city's value included; and the source line names the OPD, the file that was read and the day it was loaded."""

from datetime import datetime, timedelta

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


def test_the_citys_value_is_the_sum_of_the_opds_own_file_before_a_quote_in_the_media(loaded):
    # the city's 2024 figure was known only from a local official quoted in the media (7,10 %, unverified);
    # the OPD's own records, all 22 kelurahan, are a primary source of the same figure
    best = shown(loaded, f"""select source_id, round(value, 2) from observation_best
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{CITY}' and status <> 'illustrative'""")
    assert best == [("opd_upload", 5.58)]
    both = shown(loaded, f"""select source_id from observations
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{CITY}' and status <> 'illustrative' order by 1""")
    assert both == [("local_statement_stunting",), ("opd_upload",)]  # the quote stays for the reconciliation view


def test_the_source_names_the_opd_the_file_read_and_the_day_it_was_loaded(loaded):
    (publisher, reference, kind), = shown(loaded, f"""select source_publisher, source_reference, source_kind from observation_labeled
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{METRO}'""")
    (batch, loaded_at), = shown(loaded, "select batch_id, loaded_at from batches")
    day = (datetime.fromisoformat(loaded_at) + timedelta(hours=7)).date().isoformat()  # the day in Metro (WIB)
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


def test_example_data_names_the_opd_that_loaded_it_and_says_it_is_illustrative(tmp_path, inputs_factory, schematic_store):
    inputs = inputs_with_store(tmp_path / "root", inputs_factory, schematic_store)
    example = Choices(source_id=UPLOAD_SOURCES["illustrative"], status="illustrative")
    data = csv_bytes(eppgbm_rows(2025))
    warnings = preview(data, "contoh.csv", example, inputs).warnings
    assert loader.load(data, "contoh.csv", DINKES, example, accepted=[problem_key(w) for w in warnings], inputs=inputs).ok
    rows = shown(inputs, f"""select distinct status, source_publisher, source_title from observation_labeled
        where indicator_code = 'stunting_eppgbm' and period = 2025 and region_code = '{METRO}'""")
    assert rows == [("illustrative", "Dinas Kesehatan (data ilustrasi)", "ILUSTRASI: data contoh yang diunggah untuk uji coba")]


@pytest.mark.parametrize("level, n", [("kelurahan", 22), ("kecamatan", 5)])
def test_the_health_page_shows_the_real_values_in_every_view(loaded, monkeypatch, level, n):
    monkeypatch.setattr(paths, "STORE_DIR", loaded.store_dir)
    region = METRO if level == "kelurahan" else "18.72.01"
    for view in ("map", "rank", "trend", "compare", "table"):
        at = open_app({"ind": "stunting_eppgbm", "year": "2024", "level": level, "view": view, "region": region},
                      page="views/dimension_health.py")
        assert not at.exception, (view, [e.value for e in at.exception])
    table = at.table[0].value
    # every row shares its status: said once above the table
    assert len(table) == n and "Status" not in table and any("Status: Sementara" in c.value for c in at.caption)
    line = next(c.value for c in at.caption if c.value.startswith("Sumber:"))
    assert "Dinas Kesehatan: Data sektoral yang diserahkan OPD (bukan publikasi)" in line and "e\\-PPGBM\\_2024\\_\\[asli\\]\\(x\\)\\.csv" in line
    assert not any("ILUSTRASI" in c.value for c in at.caption if c.value.startswith("Sumber:"))


def test_the_year_comparison_never_counts_a_made_up_year_against_the_real_one(loaded, monkeypatch):
    # 2021-2023 are the demo's made-up values; 2024 is the OPD's file: no region 'improved' between them
    monkeypatch.setattr(paths, "STORE_DIR", loaded.store_dir)
    at = open_app({"ind": "stunting_eppgbm", "year": "2024", "view": "compare"}, page="views/dimension_health.py")
    assert not at.exception
    assert any(m.value.startswith("0 wilayah membaik, 0 memburuk, 0 tetap, 22 tidak dapat dibandingkan") for m in at.markdown)


def test_the_profile_of_a_kelurahan_of_the_file_reads_as_words(loaded, monkeypatch):
    monkeypatch.setattr(paths, "STORE_DIR", loaded.store_dir)
    at = open_app({"region": "18.72.04.1003", "year": "2024"}, page="views/region_profile.py")
    shown = " ".join(str(v) for table in at.dataframe for v in table.value.to_numpy().ravel())
    assert not at.exception and "profile.vs" not in shown and "Sementara" in shown


def test_the_reconciliation_no_longer_sets_the_demos_values_against_the_real_ones(loaded):
    from metro_poverty import db

    with duckdb.connect(str(current_file(loaded.store_dir)), read_only=True) as con:
        twice = db.run(con.cursor(), "values_reported_twice")
    stunting_2024 = twice[(twice.indicator_code == "stunting_eppgbm") & (twice.period == 2024)]
    assert "illustrative" not in set(stunting_2024.status)  # it was 28 rows of 'published against illustrative'
    city = stunting_2024[stunting_2024.region_code == CITY]
    assert set(city.source_publisher) == {"Dinas Kesehatan", "Media daerah mengutip Pemerintah Kota Metro"}


@pytest.mark.parametrize("status, warned", [("provisional", True), ("illustrative", False)])
def test_a_file_whose_title_calls_it_made_up_is_questioned_when_said_to_be_real(loaded, status, warned):
    rows = eppgbm_rows(2025)
    rows[0] = ["DATA ILUSTRASI - BUKAN DATA RESMI: LAPORAN e-PPGBM AGUSTUS 2025"]
    chosen = Choices(source_id=UPLOAD_SOURCES[status], status=status)
    found = [p for p in preview(csv_bytes(rows), "judul.csv", chosen, loaded).warnings if p.code == "title_says_made_up"]
    assert bool(found) == warned
    if warned:
        assert "DATA ILUSTRASI" in found[0].message("id") and "Apa isi berkas ini?" in found[0].message("id")


def test_the_download_of_every_value_names_the_opd_and_the_file_read(loaded):
    from metro_poverty import db

    with duckdb.connect(str(current_file(loaded.store_dir)), read_only=True) as con:
        export = db.run(con.cursor(), "observations_export")
    mine = export[export.source_id == "opd_upload"]
    assert len(mine) and set(mine.source_publisher) == {"Dinas Kesehatan"}
    assert mine.source_reference.str.contains(f"«{NAME}»", regex=False).all()


@pytest.fixture(scope="module")
def two_files(tmp_path_factory, inputs_factory, schematic_store):
    """The 2024 e-PPGBM counts handed in as two files, one per half of the puskesmas, as real data."""
    inputs = inputs_with_store(tmp_path_factory.mktemp("two"), inputs_factory, schematic_store)
    rows = eppgbm_rows(2024)
    head, body = rows[:4], rows[4:]
    names = []
    for i, part in enumerate((body[:11], body[11:])):
        name = f"e-PPGBM_2024_bagian_{i + 1}.csv"
        data = csv_bytes(head + part)
        warnings = preview(data, name, REAL, inputs, user=DINKES).warnings  # as the page previews it: the OPD's memory applies
        outcome = loader.load(data, name, DINKES, REAL, accepted=[problem_key(w) for w in warnings], inputs=inputs)
        assert outcome.status == "loaded", [p.code for p in outcome.problems]
        names.append(name)
    return inputs, names


def test_a_city_sum_of_two_files_names_both_files_it_adds_up(two_files):
    inputs, names = two_files
    (reference, flag), = shown(inputs, f"""select source_reference, quality_flag from observation_labeled
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{CITY}'""")
    batches = [b for b, in shown(inputs, "select batch_id from batches order by batch_id")]
    assert flag == "aggregated" and len(batches) == 2
    assert reference.startswith("halaman Unggah Data; ")
    assert [reference.index(f"«{n}»") for n in names] == sorted(reference.index(f"«{n}»") for n in names)  # both, oldest first
    assert all(f"batch {b}" in reference for b in batches)
    (one_file,), = shown(inputs, f"""select source_reference from observation_labeled
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{METRO}'""")
    assert names[0] in one_file and names[1] not in one_file  # a kelurahan's value: the one file it was read from
    from metro_poverty.db import query_text

    exported = shown(inputs, f"""select source_reference from ({query_text('observations_export')})
        where indicator_code = 'stunting_eppgbm' and period = 2024 and region_code = '{CITY}' and source_id = 'opd_upload'""")
    assert exported == [(reference,)]  # the download says the same

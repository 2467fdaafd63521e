"""load() and rollback(): a batch goes into the store through the atomic build and comes out again with
the store exactly as before; a file already loaded is a duplicate; warnings wait for acceptance; a
newer batch of the same source is preferred; a failing build leaves CURRENT and the intake untouched."""

import duckdb
import pytest
from intake_support import (ADMIN, DINKES, DINSOS, EXAMPLE, TEJO_AGUNG, csv_bytes, eppgbm_rows, inputs_with_store, observations,
                            snapshot)

from metro_poverty.intake import loader
from metro_poverty.store.batches import read_records
from metro_poverty.intake.choices import Choices
from metro_poverty.store.pointer import current_file
from metro_poverty.intake.previewer import preview
from metro_poverty.intake.report import problem_key
from metro_poverty.store.build import build as real_build
from metro_poverty.problems import BuildFailed, Problem

CONFIRMED = Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG})


def store_rows(inputs, sql, **params):
    with duckdb.connect(str(current_file(inputs.store_dir)), read_only=True) as con:
        return [tuple(r) for r in con.execute(sql, params or None).fetchall()]


@pytest.fixture
def inputs(tmp_path, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path / "root", inputs_factory, schematic_store)


@pytest.fixture(scope="module")
def story(tmp_path_factory, inputs_factory, schematic_store):
    """The example loaded by Dinas Kesehatan, then rolled back, with the store's state at each step."""
    inputs = inputs_with_store(tmp_path_factory.mktemp("story"), inputs_factory, schematic_store)
    s = {"inputs": inputs, "before": observations(inputs, with_batch=True)}
    s["loaded"] = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, CONFIRMED, inputs=inputs)
    batch = s["loaded"].batch_id
    s["during"] = store_rows(inputs, "select region_code, period, batch_id from observations where batch_id = $b order by all", b=batch)
    s["batches_during"] = store_rows(inputs, "select batch_id, uploader, opd, status, indicators, periods, n_observations from batches")
    s["remembered"] = preview(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(), inputs)
    s["rolled_back"] = loader.rollback(batch, DINKES, inputs)
    s["after"] = observations(inputs, with_batch=True)
    s["batches_after"] = store_rows(inputs, "select batch_id, status, rolled_back_by from batches")
    s["records"] = read_records(inputs.intake)
    return s


def test_the_example_loads_as_a_batch(story):
    assert (story["loaded"].status, story["loaded"].ok) == ("loaded", True)


def test_the_batchs_rows_carry_its_id_kelurahan_kecamatan_and_city(story):
    codes = [code for code, period, _ in story["during"]]
    assert (len(codes), {p for _, p, _ in story["during"]}) == (22 + 5 + 1, {2025})
    assert "18.72" in codes and TEJO_AGUNG in codes


def test_the_store_says_who_loaded_which_batch(story):
    assert story["batches_during"] == [(story["loaded"].batch_id, "dinkes1", "Dinas Kesehatan", "active", "stunting_eppgbm", "2025", 28)]


def test_a_confirmed_spelling_is_remembered_for_every_later_load(story):
    assert (story["remembered"].errors, len(story["remembered"].rows)) == ([], 22)


def test_rollback_gives_back_exactly_the_observations_before_the_load(story):
    assert story["rolled_back"].status == "rolled_back"
    assert story["after"] == story["before"]


def test_the_history_keeps_the_rolled_back_batch_and_who_rolled_it_back(story):
    assert story["batches_after"] == [(story["loaded"].batch_id, "rolled_back", "dinkes1")]
    record = story["records"][0]
    assert (record.status, record.rolled_back_by, record.uploader, record.file_name, record.sha256[:8]) == (
        "rolled_back", "dinkes1", "dinkes1", EXAMPLE.name, story["loaded"].batch_id[-8:])


def test_the_record_keeps_how_the_file_was_read(story):
    ch = story["records"][0].read_choices
    assert (ch.header_row, ch.sep, ch.period, ch.region_column, ch.aliases) == (5, ";", 2025, "Kelurahan", {"Kel. Tejo Agungg": TEJO_AGUNG})
    assert ch.column_decimals == {"Jumlah Balita Diukur": ",", "Jumlah Balita Stunting": ",", "Prevalensi (%)": ","}


def test_a_rolled_back_batch_cannot_be_rolled_back_again(story):
    assert loader.rollback(story["loaded"].batch_id, ADMIN, story["inputs"]).status == "already_rolled_back"


def test_the_same_file_loaded_twice_is_a_duplicate_and_changes_nothing(inputs):
    first = loader.load(EXAMPLE.read_bytes(), "pertama.csv", DINKES, CONFIRMED, inputs=inputs)
    before = snapshot(inputs)
    again = loader.load(EXAMPLE.read_bytes(), "nama lain.csv", DINKES, CONFIRMED, inputs=inputs)
    assert (again.status, again.batch_id) == ("duplicate", first.batch_id)
    assert snapshot(inputs) == before


def test_an_officer_of_another_opd_learns_nothing_about_a_file_already_loaded(inputs):
    first = loader.load(EXAMPLE.read_bytes(), "pertama.csv", DINKES, CONFIRMED, inputs=inputs)
    before = snapshot(inputs)
    again = loader.load(EXAMPLE.read_bytes(), "pertama.csv", DINSOS, CONFIRMED, inputs=inputs)
    never = loader.load(EXAMPLE.read_bytes().replace(b"2025", b"2026"), "baru.csv", DINSOS, CONFIRMED, inputs=inputs)
    assert again.status == never.status == "blocked" and again.batch_id is None and first.batch_id not in again.message("en")
    assert {p.code for p in again.problems} == {p.code for p in never.problems} == {"not_allowed"}
    assert snapshot(inputs) == before


def test_warnings_wait_for_acceptance_and_the_record_keeps_those_accepted(inputs):
    data = csv_bytes(eppgbm_rows(2025))  # the 2024 counts again: some kelurahan are far from their history
    before = snapshot(inputs)
    waiting = loader.load(data, "eppgbm_2025.csv", DINKES, inputs=inputs)
    assert waiting.status == "needs_confirmation" and {p.code for p in waiting.problems} == {"outlier"}
    assert snapshot(inputs) == before
    keys = [problem_key(w) for w in waiting.preview.warnings]
    done = loader.load(data, "eppgbm_2025.csv", DINKES, accepted=keys, inputs=inputs)
    assert done.status == "loaded"
    assert read_records(inputs.intake)[0].report["accepted_warnings"] == sorted(keys)


def test_errors_block_the_load_and_nothing_is_written(inputs):
    before = snapshot(inputs)
    blocked = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, inputs=inputs)  # the typo is not confirmed
    assert (blocked.status, [p.code for p in blocked.problems]) == ("blocked", ["unknown_region_hint"])
    assert snapshot(inputs) == before


def test_an_officer_cannot_load_another_opds_indicator(inputs):
    before = snapshot(inputs)
    outcome = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINSOS, CONFIRMED, inputs=inputs)
    assert (outcome.status, [p.code for p in outcome.problems]) == ("blocked", ["not_allowed"])
    assert snapshot(inputs) == before


def test_nobody_signed_in_loads_nothing(inputs):
    assert loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, None, CONFIRMED, inputs=inputs).status == "denied"


def test_an_officer_cannot_roll_back_another_opds_batch_but_an_admin_can(inputs):
    batch = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, CONFIRMED, inputs=inputs).batch_id
    assert loader.rollback(batch, DINSOS, inputs).status == "denied"
    assert loader.rollback(batch, ADMIN, inputs).status == "rolled_back"


def test_an_unknown_or_malformed_batch_id_is_unknown(inputs):
    assert loader.rollback("20250101T000000000000Z-deadbeef", ADMIN, inputs).status == "unknown_batch"
    assert loader.rollback("../../etc/passwd", ADMIN, inputs).status == "unknown_batch"


def test_a_newer_batch_of_the_same_source_is_preferred_and_both_rows_are_kept(inputs):
    rows = eppgbm_rows(2024)
    rows[4] = rows[4][:3] + ["759", "40", "5,27"]  # Kel. Metro 2024 corrected: 40 stunted instead of 28
    warnings = preview(csv_bytes(rows), "koreksi_2024.csv", Choices(), inputs).warnings
    outcome = loader.load(csv_bytes(rows), "koreksi_2024.csv", DINKES, accepted=[problem_key(w) for w in warnings], inputs=inputs)
    assert outcome.status == "loaded"
    kept = store_rows(inputs, """select numerator, batch_id is null from observations
        where indicator_code = 'stunting_eppgbm' and region_code = '18.72.01.1001' and period = 2024 order by 2""")
    assert kept == [(40.0, False), (28.0, True)]
    shown = store_rows(inputs, """select region_code, numerator, batch_id = $b from observation_best
        where indicator_code = 'stunting_eppgbm' and region_code in ('18.72.01.1001', '18.72') and period = 2024
          and status = 'illustrative' order by 1""", b=outcome.batch_id)
    assert shown == [("18.72", 669.0 + 12, True), ("18.72.01.1001", 40.0, True)]  # the city sum counts the correction once


def failing_build(*args, **kwargs):
    raise BuildFailed([Problem("store_check_failed", "x.duckdb", fields={"check": "duplicate_best", "count": 1})])


def test_a_failing_build_leaves_current_and_the_intake_as_they_were(inputs, monkeypatch):
    before = snapshot(inputs)
    monkeypatch.setattr(loader, "build", failing_build)
    outcome = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, CONFIRMED, inputs=inputs)
    assert (outcome.status, [p.code for p in outcome.problems]) == ("build_failed", ["store_check_failed"])
    assert snapshot(inputs) == before


def test_a_build_dying_just_before_the_swap_leaves_no_new_store_file(inputs, monkeypatch):
    before = snapshot(inputs)
    files = sorted(p.name for p in inputs.store_dir.iterdir())

    def dies_before_swap(*args, **kwargs):
        def boom():
            raise OSError("disk full")
        return real_build(*args, **{**kwargs, "before_swap": boom})

    monkeypatch.setattr(loader, "build", dies_before_swap)
    assert loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, CONFIRMED, inputs=inputs).status == "build_failed"
    assert (snapshot(inputs), sorted(p.name for p in inputs.store_dir.iterdir())) == (before, files)


def test_a_failed_rollback_keeps_the_batch_active(inputs, monkeypatch):
    batch = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, CONFIRMED, inputs=inputs).batch_id
    before = snapshot(inputs)
    monkeypatch.setattr(loader, "build", failing_build)
    assert loader.rollback(batch, DINKES, inputs).status == "build_failed"
    assert snapshot(inputs) == before and read_records(inputs.intake)[0].active


def test_a_plain_build_replays_the_active_batches(inputs):
    batch = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, CONFIRMED, inputs=inputs).batch_id
    loaded = observations(inputs, with_batch=True)
    real_build(inputs)
    assert observations(inputs, with_batch=True) == loaded
    assert store_rows(inputs, "select count(*) from observations where batch_id = $b", b=batch) == [(28,)]


def test_a_file_replacing_an_earlier_uploads_values_says_which_upload_it_replaces(inputs):
    """A revised file for the same figures took the first one's place with 'no problems' and both stayed active."""
    data = csv_bytes(eppgbm_rows(2025))
    before = preview(data, "stunting 2025.csv", CONFIRMED, inputs).warnings
    assert not [w for w in before if w.code == "replaces_upload"]  # nothing loaded yet: nothing replaced
    first = loader.load(data, "stunting 2025.csv", DINKES, CONFIRMED, accepted=[problem_key(w) for w in before], inputs=inputs)
    assert first.status == "loaded"
    rows = eppgbm_rows(2025)
    rows[4] = rows[4][:3] + ["759", "40", "5,27"]
    said = [w for w in preview(csv_bytes(rows), "stunting 2025 revisi.csv", CONFIRMED, inputs).warnings if w.code == "replaces_upload"]
    assert [(w.found(), w.fields["batch"]) for w in said] == [("stunting 2025.csv", first.batch_id)]
    assert f"berkas ini mengganti {said[0].fields['n']} nilai dari unggahan sebelumnya" in said[0].message("id")

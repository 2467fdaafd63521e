"""The intake's queries and the store's batch preference, with literal rows: observation_best prefers the
newest batch of the same source (after the conflict and status ordering); intake_batches_all,
intake_versions_by_figure, intake_batch_status and intake_history_by_indicator."""

import pytest
from query_support import CITY, KEL_METRO, empty_store, indicator, insert, metro_regions, observe, result, source

OLD, NEW = "20250101T000000000000Z-aaaaaaaa", "20250601T000000000000Z-bbbbbbbb"


def batch(con, batch_id, uploader="dinkes1", status="active", **columns):
    insert(con, "batches", batch_id=batch_id, file_name=f"{batch_id[:8]}.csv", sha256="0" * 64, uploader=uploader, opd="Dinas Kesehatan",
           loaded_at=f"{batch_id[:4]}-{batch_id[4:6]}-{batch_id[6:8]}T00:00:00+00:00", status=status, **columns)


@pytest.fixture
def con():
    con = empty_store()
    metro_regions(con)
    indicator(con, "stunting_eppgbm", measure_kind="admin_record", lowest_level="kelurahan")
    source(con, "dinkes", "published")
    source(con, "survey", "published")
    yield con
    con.close()


def best(con):
    return [tuple(r) for r in con.execute("select region_code, value, source_id, batch_id from observation_best order by all").fetchall()]


def test_the_newest_batch_of_a_source_wins_over_older_batches_and_the_seed(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.7, "dinkes")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.3, "dinkes", batch_id=OLD)
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.1, "dinkes", batch_id=NEW)
    assert best(con) == [(KEL_METRO, 5.1, "dinkes", NEW)]


def test_a_batch_does_not_overrule_the_status_ordering(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 7.1, "dinkes", status="official")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.9, "dinkes", status="provisional", batch_id=NEW)
    assert best(con) == [(CITY, 7.1, "dinkes", None)]


def test_a_batch_does_not_overrule_another_source(con):
    observe(con, "stunting_eppgbm", CITY, 2024, 7.1, "dinkes")
    observe(con, "stunting_eppgbm", CITY, 2024, 19.8, "survey", batch_id=NEW)
    assert best(con) == [(CITY, 7.1, "dinkes", None)]


def test_batches_all_lists_every_batch_newest_first(con):
    batch(con, OLD, status="rolled_back", rolled_back_by="admin1", rolled_back_at="2025-02-01T00:00:00+00:00")
    batch(con, NEW, uploader="dinkes2", indicators="stunting_eppgbm", periods="2024", n_observations=28)
    assert result(con, "intake_batches_all", ["batch_id", "uploader", "status", "rolled_back_by", "n_observations"]) == [
        (NEW, "dinkes2", "active", None, 28), (OLD, "dinkes1", "rolled_back", "admin1", None)]


def test_versions_by_figure_shows_who_changed_it_and_which_value_is_shown(con):
    batch(con, OLD)
    batch(con, NEW, uploader="dinkes2")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.7, "dinkes")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.3, "dinkes", batch_id=OLD)
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.1, "dinkes", batch_id=NEW)
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 4.0, "dinkes")
    observe(con, "stunting_eppgbm", CITY, 2024, 7.1, "dinkes")
    assert result(con, "intake_versions_by_figure", ["period", "value", "batch_id", "uploader", "is_shown"],
                  indicator="stunting_eppgbm", region=KEL_METRO) == [
        (2023, 4.0, None, None, True), (2024, 3.7, None, None, False), (2024, 5.3, OLD, "dinkes1", False), (2024, 5.1, NEW, "dinkes2", True)]


def test_versions_by_figure_say_how_each_value_is_known(con):
    source(con, "news", "published", citation="secondary")
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 4.0, "dinkes")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.1, "news")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.0, "news", citation="quoted")  # the value's own, over its source's
    assert sorted(result(con, "intake_versions_by_figure", ["period", "value", "citation"], indicator="stunting_eppgbm", region=KEL_METRO)) == [
        (2023, 4.0, "primary"), (2024, 5.0, "quoted"), (2024, 5.1, "secondary")]


def test_versions_by_figure_of_a_figure_without_values_is_empty(con):
    assert result(con, "intake_versions_by_figure", ["period"], indicator="stunting_eppgbm", region=CITY) == []


def test_batch_status_gives_the_status_the_store_knows(con):
    batch(con, OLD, status="rolled_back")
    assert (result(con, "intake_batch_status", ["status"], batch_id=OLD), result(con, "intake_batch_status", ["status"], batch_id=NEW)) == (
        [("rolled_back",)], [])


def test_history_by_indicator_gives_every_value_of_the_indicators_asked(con):
    indicator(con, "p0", position=2)
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 4.0, "dinkes")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.1, "dinkes", batch_id=NEW)
    observe(con, "p0", CITY, 2024, 6.78, "survey")
    assert result(con, "intake_history_by_indicator", ["indicator_code", "region_code", "period", "value"], indicators=["stunting_eppgbm"]) == [
        ("stunting_eppgbm", KEL_METRO, 2023, 4.0), ("stunting_eppgbm", KEL_METRO, 2024, 5.1)]

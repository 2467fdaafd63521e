"""The records database's statements (queries/records_*.sql) on literal rows, in a fresh file with the
real migrations: what each insert writes, what each select returns, what each update changes."""

import json

import pytest

from metro_poverty.records import database
from metro_poverty.records.database import run


@pytest.fixture
def con(tmp_path):
    database.forget_checks()
    c = database.open_checked(tmp_path / "records.sqlite")
    yield c
    c.close()


def rows(result) -> list[tuple]:
    return [tuple(r) for r in result]


def session(con, sid="s1", created_at="2026-11-24T01:00:00Z", **fields):
    values = {"id": sid, "title": "FGD", "held_on": "2026-11-24", "place": "Aula", "created_by": "ani", "created_at": created_at, "origin": "app"}
    run(con, "records_session_insert", **{**values, **fields})


def version(con, aid="a1", v=1, definition="d", at="2026-11-24T02:00:00Z", by="ani"):
    run(con, "records_agreement_version_insert", agreement_id=aid, version=v, definition=definition, method="m", reference_source="r",
        producer="p", open_issues="", recorded_by=by, recorded_at=at)


def test_records_sessions_all_lists_newest_first(con):
    session(con, "old", "2026-11-01T00:00:00Z")
    session(con, "new", "2026-11-24T00:00:00Z", title="Baru", origin="imported")
    assert rows(run(con, "records_sessions_all")) == [
        ("new", "Baru", "2026-11-24", "Aula", "open", "ani", "2026-11-24T00:00:00Z", None, None, "imported"),
        ("old", "FGD", "2026-11-24", "Aula", "open", "ani", "2026-11-01T00:00:00Z", None, None, "app"),
    ]


def test_records_attendees_all_in_the_order_written(con):
    session(con)
    for i, name in [(1, "Budi"), (0, "Ani")]:
        run(con, "records_attendee_insert", session_id="s1", position=i, name=name)
    assert rows(run(con, "records_attendees_all")) == [("s1", 0, "Ani"), ("s1", 1, "Budi")]


def test_records_agreement_versions_all_and_records_follow_ups_all(con):
    session(con)
    run(con, "records_agreement_insert", id="a1", session_id="s1", indicator="p0")
    version(con, "a1", 1, "lama")
    version(con, "a1", 2, "baru", by="budi")
    run(con, "records_follow_up_insert", agreement_id="a1", version=2, position=0, action="Kirim", owner="BPS", due="2026-12-01")
    assert rows(run(con, "records_agreement_versions_all")) == [
        ("s1", "p0", "a1", 1, "lama", "m", "r", "p", "", "ani", "2026-11-24T02:00:00Z"),
        ("s1", "p0", "a1", 2, "baru", "m", "r", "p", "", "budi", "2026-11-24T02:00:00Z"),
    ]
    assert rows(run(con, "records_follow_ups_all")) == [("a1", 2, 0, "Kirim", "BPS", "2026-12-01")]


def test_records_agreement_state_gives_the_latest_version_and_the_session_status(con):
    session(con)
    run(con, "records_agreement_insert", id="a1", session_id="s1", indicator="p0")
    version(con, "a1", 1)
    version(con, "a1", 2)
    assert rows(run(con, "records_agreement_state", agreement_id="a1")) == [("a1", "s1", "p0", "open", 2)]
    assert rows(run(con, "records_agreement_state", agreement_id="zz")) == []


def test_records_session_close_locks_once_and_records_session_status_says_so(con):
    session(con)
    assert rows(run(con, "records_session_status", id="s1")) == [("open",)]
    run(con, "records_session_close", id="s1", closed_by="ani", closed_at="2026-11-24T05:00:00Z")
    assert rows(run(con, "records_session_status", id="s1")) == [("closed",)]
    assert rows(con.execute("select closed_by, closed_at from fgd_sessions")) == [("ani", "2026-11-24T05:00:00Z")]
    run(con, "records_session_close", id="s1", closed_by="budi", closed_at="2026-11-25T00:00:00Z")  # no row matches: nothing changes
    assert rows(con.execute("select closed_by from fgd_sessions")) == [("ani",)]


def saved_item(con, item_id, name, owner="ani", kind="scenario", versions=("{}",), at="2026-11-24T0{}:00:00Z"):
    run(con, "records_saved_item_insert", id=item_id, kind=kind, name=name, name_key=name.casefold(), owner=owner, created_at=at.format(0))
    for v, body in enumerate(versions, start=1):
        run(con, "records_saved_version_insert", item_id=item_id, version=v, body=body, saved_by=owner, saved_at=at.format(v))


def test_records_saved_items_gives_each_items_latest_version_and_hides_the_archived(con):
    saved_item(con, "i1", "A", versions=('{"transfer": "1"}', '{"transfer": "2"}'))
    saved_item(con, "i2", "B", at="2026-11-23T0{}:00:00Z")
    saved_item(con, "i3", "C", kind="agenda")
    run(con, "records_saved_item_archive", id="i2", archived_by="admin", archived_at="2026-11-24T09:00:00Z")
    active = rows(run(con, "records_saved_items", kind="scenario", with_archived=0))
    assert [(r[0], r[2], r[7], r[8], json.loads(r[9])) for r in active] == [("i1", "A", 2, 2, {"transfer": "2"})]
    every = rows(run(con, "records_saved_items", kind="scenario", with_archived=1))
    assert [(r[0], r[5]) for r in every] == [("i1", None), ("i2", "2026-11-24T09:00:00Z")]


def test_records_saved_item_by_name_finds_only_the_active_one_and_records_saved_item_by_id_any(con):
    saved_item(con, "i1", "Skenario", versions=("{}", "{}", "{}"))
    assert rows(run(con, "records_saved_item_by_name", kind="scenario", name_key="skenario")) == [("i1", "Skenario", "ani", 3)]
    run(con, "records_saved_item_archive", id="i1", archived_by="ani", archived_at="2026-11-24T09:00:00Z")
    assert rows(run(con, "records_saved_item_by_name", kind="scenario", name_key="skenario")) == []
    assert rows(run(con, "records_saved_item_by_id", kind="scenario", id="i1")) == [("i1", "Skenario", "ani", "2026-11-24T09:00:00Z", 3)]
    assert rows(run(con, "records_saved_item_by_id", kind="agenda", id="i1")) == []


def test_records_sign_in_failures_recent_counts_inside_the_window_and_clear_forgets(con):
    for scope, key, at in [("user", "ani", 100.0), ("user", "ani", 200.0), ("user", "ani", 300.0), ("client", "1.2.3.4", 250.0), ("user", "budi", 50.0)]:
        run(con, "records_sign_in_failure_insert", scope=scope, key=key, failed_at=at)
    assert rows(run(con, "records_sign_in_failures_recent", scope="user", key="ani", since=150.0)) == [(2, 300.0)]
    assert rows(run(con, "records_sign_in_failures_recent", scope="client", key="1.2.3.4", since=0.0)) == [(1, 250.0)]
    run(con, "records_sign_in_failures_clear", scope="user", key="ani", before=60.0)
    assert rows(con.execute("select scope, key, failed_at from sign_in_failures order by failed_at")) == [("client", "1.2.3.4", 250.0)]


def test_records_legacy_imports_lists_what_records_legacy_import_insert_noted(con):
    run(con, "records_legacy_import_insert", source="scenarios.json", sha256="ab" * 32, n_records=5, imported_at="2026-11-24T00:00:00Z")
    assert rows(run(con, "records_legacy_imports")) == [("scenarios.json", "ab" * 32, 5, "2026-11-24T00:00:00Z")]


def test_a_name_is_active_once_per_kind(con):
    import sqlite3

    saved_item(con, "i1", "Sama")
    saved_item(con, "i2", "Sama", kind="agenda")
    with pytest.raises(sqlite3.IntegrityError):
        saved_item(con, "i3", "Sama")


def test_records_agreement_latest_gives_the_newest_version_of_an_indicators_agreement_in_a_session(con):
    session(con)
    session(con, "s2")
    run(con, "records_agreement_insert", id="a1", session_id="s1", indicator="p0")
    version(con, "a1", 1, at="2026-11-24T02:00:00Z")
    version(con, "a1", 2, at="2026-11-24T03:00:00Z", by="budi")
    run(con, "records_agreement_insert", id="a2", session_id="s2", indicator="p0")
    version(con, "a2", 1, at="2026-11-24T04:00:00Z")
    assert rows(run(con, "records_agreement_latest", session_id="s1", indicator="p0")) == [("a1", 2, "budi", "2026-11-24T03:00:00Z")]
    assert rows(run(con, "records_agreement_latest", session_id="s1", indicator="p1")) == []

"""The records file refuses to start when damaged and never starts empty over lost records; backups
are written on session close and daily; a backup restores everything; the JSON files of earlier
versions are imported once, and an unreadable one stops the start instead of reading as empty."""

import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from records_support import PLANNER, SECRETARY, records  # noqa: F401 - fixture

from metro_poverty import scenario_store
from metro_poverty.fgd import agendas, sessions
from metro_poverty.records import backup, cli, database
from metro_poverty.records.database import RecordsDamaged


def filled(n: int = 40) -> str:
    """A session with n agreements, closed (so a backup exists); its id."""
    s = sessions.create("FGD Kemiskinan", "2026-11-24", "Aula", ["Ani"], SECRETARY)
    for i in range(n):
        sessions.record(s["id"], {"indicator": f"ind_{i}", "definition": f"definisi {i} " + "x" * 200}, [], SECRETARY)
    sessions.close(s["id"], SECRETARY)
    return s["id"]


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def garbage_header(path):
    data = bytearray(path.read_bytes())
    data[:16] = b"not a database!!"
    path.write_bytes(bytes(data))


def scribble_pages(path):
    """Overwrite the middle pages with bytes that are no b-tree page."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data) - page, page):
        data[start:start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def emptied(path):
    path.write_bytes(b"")


def removed(path):
    path.unlink()


@pytest.mark.parametrize("damage", [truncate, garbage_header, scribble_pages, emptied, removed])
def test_a_damaged_file_refuses_to_start_is_left_as_it_is_and_a_backup_brings_everything_back(records, damage):
    sid = filled()
    before = sessions.get(sid)
    database.forget_checks()  # as a new server process would
    damage(records)
    left = records.read_bytes() if records.exists() else None
    for attempt in (sessions.list_sessions, lambda: scenario_store.save("x", {}, PLANNER), lambda: sessions.create("y", "", "", [], SECRETARY)):
        with pytest.raises(RecordsDamaged) as exc:
            attempt()
        assert str(records) in exc.value.message("id") and "restore" in exc.value.message("en")
    assert (records.read_bytes() if records.exists() else None) == left  # nothing written over the damaged file
    assert cli.main(["restore", str(backup.newest(records))]) == 0
    assert sessions.get(sid) == before


def test_the_check_command_says_what_is_wrong(records, capsys):
    filled(3)
    assert cli.main(["check"]) == 0
    database.forget_checks()
    garbage_header(records)
    assert cli.main(["check"]) == 1 and str(records) in capsys.readouterr().err


def test_a_daily_backup_follows_the_first_write_of_a_day_and_old_ones_go(records):
    filled(1)
    first = [p for p in backup.all_backups(records) if p.stem.endswith("-daily")]
    assert len(first) == 1
    agendas.save("A", [{"path": "", "params": {}, "title": "t"}], PLANNER)
    assert [p for p in backup.all_backups(records) if p.stem.endswith("-daily")] == first  # not twice a day
    start = datetime.now(timezone.utc)
    for day in range(1, backup.KEEP_DAILY + 5):
        backup.daily(records, now=start + timedelta(days=day))
    dailies = [p for p in backup.all_backups(records) if p.stem.endswith("-daily")]
    assert len(dailies) == backup.KEEP_DAILY and first[0] not in dailies
    assert any(p.stem.endswith("-session-close") for p in backup.all_backups(records))  # session copies stay


def legacy_files(folder):
    (folder / "fgd").mkdir(parents=True)
    (folder / "fgd" / "sessions.json").write_text(json.dumps([{
        "id": "ab12cd34", "title": "FGD lama", "date": "2026-10-01", "place": "Aula", "attendees": ["Ani"], "status": "closed",
        "created_by": "Ani", "created_at": "2026-10-01T02:00:00Z", "closed_by": "Ani", "closed_at": "2026-10-01T05:00:00Z",
        "agreements": [{"id": "ee11ff22", "indicator": "p0", "definition": "baru", "method": "", "reference_source": "", "producer": "BPS",
                        "open_issues": "", "follow_ups": [{"action": "Kirim", "owner": "BPS", "due": ""}], "recorded_by": "Ani",
                        "recorded_at": "2026-10-01T04:00:00Z",
                        "history": [{"indicator": "p0", "definition": "lama", "method": "", "reference_source": "", "producer": "BPS",
                                     "open_issues": "", "follow_ups": [], "recorded_by": "Budi", "recorded_at": "2026-10-01T03:00:00Z"}]}],
    }]), encoding="utf-8")
    (folder / "fgd" / "agendas.json").write_text(json.dumps([
        {"id": "0a0b0c0d", "title": "Agenda", "steps": [{"path": "", "params": {}, "title": "Angka kota", "note": ""}], "author": "",
         "created_at": "2026-10-02T00:00:00Z"},
        {"id": "1a1b1c1d", "title": "Agenda", "steps": [{"path": "kesehatan", "params": {}, "title": "Stunting", "note": ""}], "author": "",
         "created_at": "2026-10-03T00:00:00Z"},
    ]), encoding="utf-8")
    (folder / "scenarios.json").write_text(json.dumps([{"name": f"S{i}", "params": {"transfer": str(i)}, "saved_at": f"2026-10-0{1 + i % 9}T00:00:00Z"}
                                                       for i in range(5)]), encoding="utf-8")


def test_the_json_files_of_earlier_versions_are_imported_once(records):
    legacy_files(records.parent)
    (old,) = sessions.list_sessions()
    assert (old["id"], old["status"], old["origin"], old["attendees"]) == ("ab12cd34", "closed", "imported", ["Ani"])
    (agreement,) = old["agreements"]
    assert (agreement["definition"], [h["definition"] for h in agreement["history"]], agreement["follow_ups"][0]["action"]) == ("baru", ["lama"], "Kirim")
    assert {a["id"]: a["title"] for a in agendas.list_agendas()} == {"0a0b0c0d": "Agenda", "1a1b1c1d": "Agenda (2)"}
    assert sorted(s.name for s in scenario_store.list_saved()) == [f"S{i}" for i in range(5)]
    database.forget_checks()
    assert len(sessions.list_sessions()) == 1 and len(scenario_store.list_saved()) == 5  # not a second time
    with pytest.raises(sessions.SessionClosed):
        sessions.record("ab12cd34", {"indicator": "p1"}, [], SECRETARY)


def test_an_unreadable_json_file_stops_the_start_instead_of_reading_as_empty(records):
    legacy_files(records.parent)
    sessions_json = records.parent / "fgd" / "sessions.json"
    sessions_json.write_bytes(sessions_json.read_bytes()[:100])
    with pytest.raises(RecordsDamaged) as exc:
        sessions.list_sessions()
    assert exc.value.code == "legacy_unreadable" and str(sessions_json) in exc.value.message("en")
    assert not records.exists() or not sqlite3.connect(records).execute("select count(*) from legacy_imports").fetchone()[0]


def test_a_file_from_a_newer_version_is_refused(records):
    filled(1)
    con = sqlite3.connect(records)
    con.execute("pragma user_version = 99")
    con.close()
    database.forget_checks()
    with pytest.raises(RecordsDamaged) as exc:
        sessions.list_sessions()
    assert exc.value.code == "too_new"


def test_the_file_is_durable_wal_with_full_sync(records):
    filled(1)
    con = database.open_checked()
    try:
        assert con.execute("pragma journal_mode").fetchone()[0] == "wal" and con.execute("pragma synchronous").fetchone()[0] == 2
    finally:
        con.close()
    assert os.path.getsize(records) > 0

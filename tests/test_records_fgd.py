"""FGD sessions in the records database: only an FGD secretary or an admin records and closes; the
recorder is the signed-in user; a change is a new version; a closed session is final, even for SQL
that goes around the module; closing writes a backup."""

import sqlite3

import pytest
from records_support import ADMIN, OFFICER, PLANNER, SECRETARY, records  # noqa: F401 - fixture

from metro_poverty.fgd import sessions
from metro_poverty.records import backup


@pytest.mark.parametrize("user", [None, PLANNER, OFFICER])
def test_nobody_but_a_secretary_or_an_admin_creates_a_session(records, user):
    with pytest.raises(sessions.NotAllowed):
        sessions.create("FGD", "2026-11-24", "", [], user)
    assert sessions.list_sessions() == []


def test_the_recorder_is_the_signed_in_user_and_a_change_keeps_the_earlier_version(records):
    s = sessions.create("FGD Stunting", "2026-11-24", "Aula Bappeda", ["Ani — BPS", "", "Budi — Dinkes"], SECRETARY)
    first = sessions.record(s["id"], {"indicator": "stunting_eppgbm", "method": "bulan timbang Agustus"},
                            [{"action": "Kirim data", "owner": "Dinkes", "due": "2026-12-01"}, {"action": ""}], SECRETARY)
    second = sessions.record(s["id"], {"indicator": "stunting_eppgbm", "method": "bulan timbang Februari"}, [], ADMIN, agreement_id=first["id"])
    saved = sessions.get(s["id"])
    assert saved["attendees"] == ["Ani — BPS", "Budi — Dinkes"] and saved["created_by"] == "sekretaris.fgd"
    (agreement,) = saved["agreements"]
    assert (agreement["id"], agreement["method"], agreement["recorded_by"], agreement["version"]) == (first["id"], "bulan timbang Februari", "admin.bps", 2)
    assert [h["method"] for h in agreement["history"]] == ["bulan timbang Agustus"]
    assert agreement["history"][0]["follow_ups"] == [{"action": "Kirim data", "owner": "Dinkes", "due": "2026-12-01"}]
    assert second["recorded_at"].endswith("Z")


def test_a_closed_session_refuses_changes_and_closing_writes_a_backup(records):
    s = sessions.create("FGD", "", "", [], SECRETARY)
    sessions.record(s["id"], {"indicator": "p0", "definition": "Susenas Maret"}, [], SECRETARY)
    made = sessions.close(s["id"], SECRETARY)
    assert made.is_file() and made in backup.all_backups(records) and "session-close" in made.name
    with pytest.raises(sessions.SessionClosed):
        sessions.record(s["id"], {"indicator": "p0"}, [], ADMIN)
    with pytest.raises(sessions.SessionClosed):
        sessions.close(s["id"], ADMIN)
    closed = sessions.get(s["id"])
    assert (closed["status"], closed["closed_by"]) == ("closed", "sekretaris.fgd")
    with sqlite3.connect(made) as copy:  # the backup holds the closed session and its agreement
        assert copy.execute("select status from fgd_sessions").fetchall() == [("closed",)]
        assert copy.execute("select definition from fgd_agreement_versions").fetchall() == [("Susenas Maret",)]


def test_the_database_itself_refuses_writes_into_a_closed_session(records):
    s = sessions.create("FGD", "", "", ["Ani — BPS"], SECRETARY)
    a = sessions.record(s["id"], {"indicator": "p0"}, [{"action": "Kirim data", "owner": "Dinkes"}], SECRETARY)
    sessions.close(s["id"], SECRETARY)
    con = sqlite3.connect(records)
    try:
        for sql, values in [("insert into fgd_agreements (id, session_id, indicator) values (?, ?, ?)", ("x", s["id"], "p1")),
                            ("insert into fgd_agreement_versions (agreement_id, version, recorded_by, recorded_at) values (?, 2, 'x', 'x')", (a["id"],)),
                            ("update fgd_sessions set status = 'open' where id = ?", (s["id"],)),
                            ("delete from fgd_agreement_versions where agreement_id = ?", (a["id"],)),
                            ("delete from fgd_sessions where id = ?", (s["id"],)),
                            # the closed session's attendees, follow-ups and agreements too (migration 0002)
                            ("update fgd_attendees set name = 'Orang lain' where session_id = ?", (s["id"],)),
                            ("delete from fgd_attendees where session_id = ?", (s["id"],)),
                            ("update fgd_follow_ups set owner = 'X' where agreement_id = ?", (a["id"],)),
                            ("delete from fgd_follow_ups where agreement_id = ?", (a["id"],)),
                            ("update fgd_agreements set indicator = 'p1' where id = ?", (a["id"],)),
                            ("delete from fgd_agreements where id = ?", (a["id"],))]:
            with pytest.raises(sqlite3.IntegrityError):
                con.execute(sql, values)
    finally:
        con.close()


def test_the_latest_agreement_of_each_indicator_comes_with_how_many_there_are(records):
    first = sessions.create("FGD 1", "2026-11-01", "", [], SECRETARY)
    sessions.record(first["id"], {"indicator": "p0", "definition": "lama"}, [], SECRETARY)
    second = sessions.create("FGD 2", "2026-11-24", "", [], SECRETARY)
    sessions.record(second["id"], {"indicator": "p0", "definition": "baru"}, [], SECRETARY)
    session, agreement, n = sessions.latest_by_indicator()["p0"]
    assert (session["title"], agreement["definition"], n) == ("FGD 2", "baru", 2)
    assert [a["definition"] for _, a in sessions.history("p0")] == ["baru", "lama"]


def test_a_save_from_a_form_opened_before_anothers_save_is_refused_and_writes_nothing(records):
    """Two secretaries on one session: B's form started from version 1; A saved version 2 meanwhile. B's save
    would replace A's text unseen, so it is refused, naming A; B may save again from version 2."""
    s = sessions.create("FGD", "", "", [], SECRETARY)
    first = sessions.record(s["id"], {"indicator": "p0", "method": "awal"}, [], SECRETARY, expected_version=0)
    sessions.record(s["id"], {"indicator": "p0", "method": "dari A"}, [], SECRETARY, agreement_id=first["id"], expected_version=1)
    with pytest.raises(sessions.Conflict) as refused:
        sessions.record(s["id"], {"indicator": "p0", "method": "dari B"}, [], ADMIN, agreement_id=first["id"], expected_version=1)
    assert (refused.value.version, refused.value.recorded_by) == (2, "sekretaris.fgd")
    (agreement,) = sessions.get(s["id"])["agreements"]
    assert (agreement["version"], agreement["method"]) == (2, "dari A")
    sessions.record(s["id"], {"indicator": "p0", "method": "dari B"}, [], ADMIN, agreement_id=first["id"], expected_version=2)
    assert sessions.get(s["id"])["agreements"][0]["method"] == "dari B"
    with pytest.raises(sessions.Conflict):  # a new agreement on an indicator someone has just recorded
        sessions.record(s["id"], {"indicator": "p0", "method": "baru"}, [], ADMIN, expected_version=0)


def test_the_minutes_and_the_page_say_what_each_earlier_version_said_and_who_recorded_it(records):
    from metro_poverty.fgd.minutes import minutes_markdown

    s = sessions.create("FGD", "", "", [], SECRETARY)
    first = sessions.record(s["id"], {"indicator": "p0", "method": "Agustus", "producer": "BPS"}, [], SECRETARY)
    sessions.record(s["id"], {"indicator": "p0", "method": "Februari", "producer": "BPS"}, [{"action": "Kirim", "owner": "BPS"}], ADMIN,
                    agreement_id=first["id"])
    (agreement,) = sessions.get(s["id"])["agreements"]
    (v1,) = sessions.earlier_versions(agreement)
    assert (v1["version"], v1["recorded_by"]) == (1, "sekretaris.fgd")
    assert v1["changed"] == [("method", "Agustus"), ("follow_ups", [])]  # the producer did not change
    text = minutes_markdown(sessions.get(s["id"]), {}, "id")
    assert "Versi sebelumnya (tetap tercatat)" in text and "Versi 1, dicatat oleh sekretaris\\.fgd" in text and "«Agustus»" in text
    sessions.record(s["id"], {"indicator": "p0", "method": "Februari", "producer": "BPS"}, [{"action": "Kirim", "owner": "BPS", "due": "2026-12-01"}],
                    ADMIN, agreement_id=first["id"])
    sessions.record(s["id"], {"indicator": "p0", "method": "Februari", "producer": "BPS"}, [{"action": "Kirim", "owner": "BPS", "due": "2026-12-15"}],
                    ADMIN, agreement_id=first["id"])
    line = next(x for x in minutes_markdown(sessions.get(s["id"]), {}, "id").splitlines() if x.startswith("- Versi 3"))
    assert line.endswith("Tindak lanjut: «Kirim \\(BPS, Selasa, 1 Desember 2026\\)»")  # a due date as the minutes write dates


def test_invisible_direction_controls_are_not_kept_in_the_record(records):
    """A right-to-left override typed into a name would reverse the text around it on screen and in the minutes."""
    s = sessions.create("FGD\u202e", "", "", ["Ani\u202e ;LTR", "Budi\u2066"], SECRETARY)
    assert sessions.get(s["id"])["attendees"] == ["Ani ;LTR", "Budi"] and sessions.get(s["id"])["title"] == "FGD"


def test_attendees_who_come_late_are_added_to_an_open_session_only(records):
    s = sessions.create("FGD", "", "", ["Ani — BPS"], SECRETARY)
    assert sessions.add_attendees(s["id"], ["", "Citra — Bappeda", "Dedi — Dinsos"], SECRETARY) == ["Ani — BPS", "Citra — Bappeda", "Dedi — Dinsos"]
    with pytest.raises(sessions.NotAllowed):
        sessions.add_attendees(s["id"], ["Eko"], PLANNER)
    sessions.close(s["id"], SECRETARY)
    with pytest.raises(sessions.SessionClosed):
        sessions.add_attendees(s["id"], ["Eko"], SECRETARY)
    assert sessions.get(s["id"])["attendees"] == ["Ani — BPS", "Citra — Bappeda", "Dedi — Dinsos"]

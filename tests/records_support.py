"""Users of every role and a records file of its own for each test."""

from __future__ import annotations

import pytest

from metro_poverty.intake.auth import User

SECRETARY = User("sekretaris.fgd", "fgd_secretary")
ADMIN = User("admin.bps", "admin")
PLANNER = User("perencana.bappeda", "planner")
OTHER_PLANNER = User("perencana.dua", "planner")
OFFICER = User("petugas.dinkes", "opd", "Dinas Kesehatan")


@pytest.fixture
def records(tmp_path, monkeypatch):
    """The records file every module uses by default, in tmp (and the per-process check forgotten)."""
    from metro_poverty.records import database

    path = tmp_path / "store" / "records.sqlite"
    monkeypatch.setenv("METRO_POVERTY_RECORDS_DB", str(path))
    database.forget_checks()
    yield path
    database.forget_checks()

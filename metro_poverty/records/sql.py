"""What every module of the records uses, below the file's opening and checking (records.database):
the two refusals, the time stamp, a named statement run with bound parameters, and the key names are
compared by. A leaf of the package, so the one-time import of old files (records.legacy) and the
saved items (records.saved) need not import the module that calls them."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from metro_poverty import db
from metro_poverty.i18n import t

__all__ = ["RecordsBusy", "RecordsDamaged", "name_key", "now_iso", "run"]


class RecordsDamaged(Exception):
    """The records file cannot be trusted; nothing is read from it or written to it."""

    def __init__(self, code: str, path: Path, detail: str = ""):
        self.code, self.path, self.detail = code, path, detail
        super().__init__(f"{code}: {path} {detail}".strip())

    def message(self, lang: str = "id") -> str:
        from metro_poverty.records import backup

        newest = backup.newest(self.path)
        restore = t("records.damaged.restore", lang, backup=str(newest), path=str(self.path)) if newest else t("records.damaged.no_backup", lang)
        return t(f"records.damaged.{self.code}", lang, path=str(self.path), detail=self.detail) + " " + restore


class RecordsBusy(Exception):
    """Another writer held the file for longer than the timeout."""


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run(con: sqlite3.Connection, query: str, /, **params) -> list[sqlite3.Row]:
    """A named statement (queries/<query>.sql) with bound $parameters; its rows."""
    return con.execute(db.query_text(query), params).fetchall()


def name_key(name: str) -> str:
    """Names of saved items compare without case and extra spaces ('Skenario  A' is 'skenario a')."""
    return " ".join(name.split()).casefold()

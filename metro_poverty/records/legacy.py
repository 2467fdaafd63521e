"""The one-time import of the JSON files that earlier versions kept beside the store:
<store>/fgd/sessions.json, <store>/fgd/agendas.json and <store>/scenarios.json.

Each file is imported once, in one transaction with the note that it was (table legacy_imports), so a
crash halfway imports nothing and the next start tries again. A file that exists but cannot be read
stops the start with a clear message (RecordsDamaged 'legacy_unreadable'): an earlier version read
such a file as empty and its next save overwrote it, which is how records were lost. The JSON files
are left where they are; they are no longer written.

Earlier versions recorded a free-text name as author and had no owners: sessions keep that name as
recorder (origin 'imported'), agendas and scenarios are imported without an owner, so only an admin
may archive them. Two agendas with the same title get ' (2)', ' (3)' after the later ones' titles.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from pathlib import Path

from metro_poverty.records.sql import RecordsDamaged, name_key, now_iso, run

FIELDS = ("definition", "method", "reference_source", "producer", "open_issues")


def sources(folder: Path) -> dict[str, Path]:
    return {"fgd/sessions.json": folder / "fgd" / "sessions.json", "fgd/agendas.json": folder / "fgd" / "agendas.json",
            "scenarios.json": folder / "scenarios.json"}


def import_once(con: sqlite3.Connection, folder: Path) -> dict[str, int]:
    """Import every legacy file not imported yet; {source: records imported}."""
    done = {r["source"] for r in run(con, "records_legacy_imports")}
    counts = {}
    for source, path in sources(folder).items():
        if source in done or not path.is_file():
            continue
        raw = path.read_bytes()
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, list):
                raise ValueError("not a list")
        except (ValueError, UnicodeDecodeError) as exc:
            raise RecordsDamaged("legacy_unreadable", path, str(exc)[:200]) from None
        con.execute("begin immediate")
        try:
            n = IMPORTERS[source](con, [d for d in data if isinstance(d, dict)])
            run(con, "records_legacy_import_insert", source=source, sha256=hashlib.sha256(raw).hexdigest(), n_records=n, imported_at=now_iso())
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        counts[source] = n
    return counts


def _text(value, limit: int = 2000) -> str:
    return str(value or "").strip()[:limit]


def _sessions(con: sqlite3.Connection, sessions: list[dict]) -> int:
    n = 0
    for s in sessions:
        sid = _text(s.get("id"), 40) or secrets.token_hex(4)
        run(con, "records_session_insert", id=sid, title=_text(s.get("title"), 200) or "–", held_on=_text(s.get("date"), 10),
            place=_text(s.get("place"), 200), created_by=_text(s.get("created_by"), 120) or "–", created_at=_text(s.get("created_at"), 30) or now_iso(),
            origin="imported")
        for i, name in enumerate(a for a in (_text(x, 200) for x in s.get("attendees") or []) if a):
            run(con, "records_attendee_insert", session_id=sid, position=i, name=name)
        for a in s.get("agreements") or []:
            if not isinstance(a, dict) or not _text(a.get("indicator")):
                continue
            aid = _text(a.get("id"), 40) or secrets.token_hex(4)
            run(con, "records_agreement_insert", id=aid, session_id=sid, indicator=_text(a.get("indicator"), 80))
            versions = [h for h in a.get("history") or [] if isinstance(h, dict)] + [a]
            for v, version in enumerate(versions, start=1):
                run(con, "records_agreement_version_insert", agreement_id=aid, version=v, **{f: _text(version.get(f)) for f in FIELDS},
                    recorded_by=_text(version.get("recorded_by"), 120) or "–", recorded_at=_text(version.get("recorded_at"), 30) or now_iso())
                for p, f in enumerate(x for x in version.get("follow_ups") or [] if isinstance(x, dict) and _text(x.get("action"))):
                    run(con, "records_follow_up_insert", agreement_id=aid, version=v, position=p, action=_text(f.get("action"), 500),
                        owner=_text(f.get("owner"), 120), due=_text(f.get("due"), 10))
        if s.get("status") == "closed":
            run(con, "records_session_close", id=sid, closed_by=_text(s.get("closed_by"), 120) or "–", closed_at=_text(s.get("closed_at"), 30) or now_iso())
        n += 1
    return n


def _saved(con: sqlite3.Connection, kind: str, items: list[tuple[str, str, dict, str, str]]) -> int:
    """items: (id, name, body, saved_at, created_at); oldest first, so a later duplicate name gets the suffix."""
    taken: dict[str, int] = {}
    for item_id, name, body, saved_at, created_at in items:
        key = name_key(name)
        taken[key] = taken.get(key, 0) + 1
        if taken[key] > 1:
            name = f"{name} ({taken[key]})"
        run(con, "records_saved_item_insert", id=item_id, kind=kind, name=name, name_key=name_key(name), owner="", created_at=created_at)
        run(con, "records_saved_version_insert", item_id=item_id, version=1, body=json.dumps(body, ensure_ascii=False), saved_by="–", saved_at=saved_at)
    return len(items)


def _agendas(con: sqlite3.Connection, agendas: list[dict]) -> int:
    rows = [(_text(a.get("id"), 40) or secrets.token_hex(4), _text(a.get("title"), 300) or "–", {"steps": list(a.get("steps") or [])},
             _text(a.get("created_at"), 30) or now_iso(), _text(a.get("created_at"), 30) or now_iso())
            for a in agendas if isinstance(a.get("steps"), list)]
    return _saved(con, "agenda", sorted(rows, key=lambda r: r[3]))


def _scenarios(con: sqlite3.Connection, scenarios: list[dict]) -> int:
    rows = [(secrets.token_hex(4), _text(s.get("name"), 60) or "–", {str(k): str(v) for k, v in s["params"].items()},
             _text(s.get("saved_at"), 30) or now_iso(), _text(s.get("saved_at"), 30) or now_iso())
            for s in scenarios if isinstance(s.get("params"), dict)]
    return _saved(con, "scenario", sorted(rows, key=lambda r: r[3]))


IMPORTERS = {"fgd/sessions.json": _sessions, "fgd/agendas.json": _agendas, "scenarios.json": _scenarios}

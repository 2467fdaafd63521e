"""FGD sessions and the agreements recorded in them: for each indicator discussed, the definition and
method agreed, the reference source, the producer responsible, open issues and follow-ups with owners
and dates, who recorded it and when. A session is editable until it is closed; then it is locked."""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from pathlib import Path

from metro_poverty import json_store, paths

AGREEMENT_FIELDS = ("indicator", "definition", "method", "reference_source", "producer", "open_issues")
MAX_TEXT = 2000


class SessionClosed(Exception):
    """A closed session's record is final: nothing is added or changed."""


def sessions_file() -> Path:
    return paths.STORE_DIR / "fgd" / "sessions.json"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value, limit: int = MAX_TEXT) -> str:
    return str(value or "").strip()[:limit]


def _follow_ups(rows) -> list[dict]:
    out = []
    for r in rows or []:
        action = _text(r.get("action"), 500)
        if action:
            out.append({"action": action, "owner": _text(r.get("owner"), 120), "due": _text(r.get("due"), 10)})
    return out


def list_sessions(path: Path | None = None) -> list[dict]:
    data = json_store.read(path or sessions_file(), [])
    return [s for s in data if isinstance(s, dict) and s.get("id")] if isinstance(data, list) else []


def get(session_id: str | None, path: Path | None = None) -> dict | None:
    return next((s for s in list_sessions(path) if s["id"] == session_id), None)


def create(title: str, date: str, place: str, attendees: list[str], author: str, path: Path | None = None) -> dict:
    if not _text(title) or not _text(author):
        raise ValueError("a session needs a title and the name of who records it")
    session = {"id": secrets.token_hex(4), "title": _text(title, 200), "date": _text(date, 10), "place": _text(place, 200),
               "attendees": [a for a in (_text(x, 200) for x in attendees) if a], "status": "open", "created_by": _text(author, 120),
               "created_at": _now(), "closed_by": None, "closed_at": None, "agreements": []}
    json_store.update(path or sessions_file(), [], lambda data: [session] + (data if isinstance(data, list) else []))
    return session


def _change(session_id: str, edit, path: Path | None):
    """Apply `edit(session)` to an open session under the lock; returns what edit returns."""
    result = {}

    def change(data):
        for s in data:
            if s.get("id") == session_id:
                if s.get("status") == "closed":
                    raise SessionClosed(session_id)
                result["value"] = edit(s)
                return data
        raise KeyError(session_id)

    json_store.update(path or sessions_file(), [], change)
    return result.get("value")


def record(session_id: str, fields: dict, follow_ups: list[dict], author: str, agreement_id: str | None = None,
           path: Path | None = None) -> dict:
    """Add an agreement, or change one (its previous version is kept in its history)."""
    if not _text(fields.get("indicator")) or not _text(author):
        raise ValueError("an agreement needs an indicator and the name of who records it")
    values = {f: _text(fields.get(f)) for f in AGREEMENT_FIELDS}

    def edit(session):
        now = _now()
        for a in session["agreements"]:
            if a["id"] == agreement_id:
                a["history"].append({k: a[k] for k in (*AGREEMENT_FIELDS, "follow_ups", "recorded_by", "recorded_at")})
                a.update(values, follow_ups=_follow_ups(follow_ups), recorded_by=_text(author, 120), recorded_at=now)
                return a
        new = {"id": secrets.token_hex(4), **values, "follow_ups": _follow_ups(follow_ups), "recorded_by": _text(author, 120),
               "recorded_at": now, "history": []}
        session["agreements"].append(new)
        return new

    return _change(session_id, edit, path)


def set_attendees(session_id: str, attendees: list[str], path: Path | None = None) -> None:
    _change(session_id, lambda s: s.update(attendees=[a for a in (_text(x, 200) for x in attendees) if a]), path)


def close(session_id: str, author: str, path: Path | None = None) -> None:
    """Lock the session: its minutes are final."""
    if not _text(author):
        raise ValueError("closing needs the name of who closes it")
    _change(session_id, lambda s: s.update(status="closed", closed_by=_text(author, 120), closed_at=_now()), path)


def latest_by_indicator(path: Path | None = None) -> dict[str, tuple[dict, dict, int]]:
    """indicator -> (session, agreement, number of agreements on it) for its most recently recorded
    agreement: the sessions file is read once for the whole catalogue."""
    latest: dict[str, tuple[dict, dict, int]] = {}
    for s in list_sessions(path):
        for a in s["agreements"]:
            code = a["indicator"]
            seen = latest[code][2] if code in latest else 0
            if code not in latest or a["recorded_at"] > latest[code][1]["recorded_at"]:
                latest[code] = (s, a, seen + 1)
            else:
                latest[code] = (*latest[code][:2], seen + 1)
    return latest


def history(indicator: str, path: Path | None = None) -> list[tuple[dict, dict]]:
    """Every agreement on an indicator, newest first, with its session."""
    rows = [(s, a) for s in list_sessions(path) for a in s["agreements"] if a["indicator"] == indicator]
    return sorted(rows, key=lambda sa: sa[1]["recorded_at"], reverse=True)

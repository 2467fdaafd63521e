"""FGD sessions and the agreements recorded in them: for each indicator discussed, the definition and
method agreed, the reference source, the producer responsible, open issues and follow-ups with owners
and dates, who recorded it and when. Kept in the records database (metro_poverty.records).

Only a signed-in FGD secretary or an admin creates, records and closes (auth.can_record_fgd); the
recorder is that user, never a typed name. A change to an agreement is a new version; the earlier ones
stay. A closed session is final: the database itself refuses anything more (triggers), and closing
writes a backup of the records file.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from metro_poverty import typed
from metro_poverty.intake.auth import User, can_record_fgd
from metro_poverty.records import backup
from metro_poverty.records.database import default_path, now_iso, reading, run, writing
from metro_poverty.records.saved import NotAllowed

AGREEMENT_FIELDS = ("indicator", "definition", "method", "reference_source", "producer", "open_issues")
CONTENT = AGREEMENT_FIELDS[1:]
MAX_TEXT = 2000
__all__ = ["Conflict", "NotAllowed", "SessionClosed", "add_attendees", "close", "create", "earlier_versions", "get", "history",
           "latest_by_indicator", "list_sessions", "record"]


class SessionClosed(Exception):
    """A closed session's record is final: nothing is added or changed."""


class Conflict(Exception):
    """Someone recorded the agreement since the form was opened: saving would replace their text unseen."""

    def __init__(self, version: int, recorded_by: str, recorded_at: str):
        super().__init__(f"version {version} recorded by {recorded_by} at {recorded_at}")
        self.version, self.recorded_by, self.recorded_at = version, recorded_by, recorded_at


def _text(value, limit: int = MAX_TEXT) -> str:
    return typed.kept(value, limit)


def _follow_ups(rows) -> list[dict]:
    out = []
    for r in rows or []:
        action = _text(r.get("action"), 500)
        if action:
            out.append({"action": action, "owner": _text(r.get("owner"), 120), "due": _text(r.get("due"), 10)})
    return out


def _allowed(user: User | None) -> User:
    if not can_record_fgd(user):
        raise NotAllowed("recording an FGD needs a signed-in FGD secretary or admin")
    return user


def list_sessions(path: Path | None = None) -> list[dict]:
    """Every session, newest first, as a dict with its attendees and agreements (each agreement its
    latest version, with the earlier ones in 'history', oldest first)."""
    with reading(path) as con:
        sessions = [dict(r) for r in run(con, "records_sessions_all")]
        attendees = run(con, "records_attendees_all")
        versions = run(con, "records_agreement_versions_all")
        follow_ups = run(con, "records_follow_ups_all")
    actions: dict[tuple[str, int], list[dict]] = {}
    for f in follow_ups:
        actions.setdefault((f["agreement_id"], f["version"]), []).append({"action": f["action"], "owner": f["owner"], "due": f["due"]})
    agreements: dict[str, dict[str, dict]] = {}
    for v in versions:
        entry = {"id": v["agreement_id"], "indicator": v["indicator"], **{f: v[f] for f in CONTENT},
                 "follow_ups": actions.get((v["agreement_id"], v["version"]), []), "recorded_by": v["recorded_by"],
                 "recorded_at": v["recorded_at"], "version": v["version"]}
        mine = agreements.setdefault(v["session_id"], {})
        earlier = mine.get(v["agreement_id"])
        entry["history"] = (earlier["history"] + [{k: earlier[k] for k in earlier if k not in ("history", "id")}]) if earlier else []
        mine[v["agreement_id"]] = entry
    for s in sessions:
        s["date"] = s.pop("held_on")
        s["attendees"] = [a["name"] for a in attendees if a["session_id"] == s["id"]]
        s["agreements"] = list(agreements.get(s["id"], {}).values())
    return sessions


def get(session_id: str | None, path: Path | None = None) -> dict | None:
    return next((s for s in list_sessions(path) if s["id"] == session_id), None) if session_id else None


def create(title: str, date: str, place: str, attendees: list[str], user: User | None, path: Path | None = None) -> dict:
    user = _allowed(user)
    if not _text(title):
        raise ValueError("a session needs a title")
    sid = secrets.token_hex(4)
    with writing(path) as con:
        run(con, "records_session_insert", id=sid, title=_text(title, 200), held_on=_text(date, 10), place=_text(place, 200),
            created_by=user.username, created_at=now_iso(), origin="app")
        for i, name in enumerate(a for a in (_text(x, 200) for x in attendees) if a):
            run(con, "records_attendee_insert", session_id=sid, position=i, name=name)
    return get(sid, path)


def add_attendees(session_id: str, names: list[str], user: User | None, path: Path | None = None) -> list[str]:
    """Attendees who came late, after the ones already listed (an open session only); returns the whole list."""
    user = _allowed(user)
    with writing(path) as con:
        _open(con, session_id)
        taken = [a["position"] for a in run(con, "records_attendees_all") if a["session_id"] == session_id]
        start = max(taken, default=-1) + 1
        for i, name in enumerate(a for a in (_text(x, 200) for x in names) if a):
            run(con, "records_attendee_insert", session_id=session_id, position=start + i, name=name)
    return get(session_id, path)["attendees"]


def _open(con, session_id: str) -> None:
    found = run(con, "records_session_status", id=session_id)
    if not found:
        raise KeyError(session_id)
    if found[0]["status"] == "closed":
        raise SessionClosed(session_id)


def record(session_id: str, fields: dict, follow_ups: list[dict], user: User | None, agreement_id: str | None = None,
           path: Path | None = None, expected_version: int | None = None) -> dict:
    """Add an agreement, or a new version of one (its earlier versions stay in its history). `expected_version`:
    the version of the indicator's agreement in the session that the user's form started from (0: none yet);
    if another has been recorded since, Conflict is raised and nothing is written."""
    user = _allowed(user)
    if not _text(fields.get("indicator")):
        raise ValueError("an agreement needs an indicator")
    with writing(path) as con:
        _open(con, session_id)
        if expected_version is not None:  # checked in the write transaction: no save can come between
            latest = run(con, "records_agreement_latest", session_id=session_id, indicator=_text(fields.get("indicator"), 80))
            now = latest[0] if latest else {"version": 0, "recorded_by": "", "recorded_at": ""}
            if now["version"] != expected_version:
                raise Conflict(now["version"], now["recorded_by"], now["recorded_at"])
        state = run(con, "records_agreement_state", agreement_id=agreement_id) if agreement_id else []
        if state and state[0]["session_id"] == session_id:
            aid, version = agreement_id, state[0]["last_version"] + 1
        else:
            aid, version = secrets.token_hex(4), 1
            run(con, "records_agreement_insert", id=aid, session_id=session_id, indicator=_text(fields.get("indicator"), 80))
        run(con, "records_agreement_version_insert", agreement_id=aid, version=version, **{f: _text(fields.get(f)) for f in CONTENT},
            recorded_by=user.username, recorded_at=now_iso())
        for p, f in enumerate(_follow_ups(follow_ups)):
            run(con, "records_follow_up_insert", agreement_id=aid, version=version, position=p, **f)
    return next(a for a in get(session_id, path)["agreements"] if a["id"] == aid)


def earlier_versions(agreement: dict) -> list[dict]:
    """The agreement's earlier versions, oldest first, each with who recorded it and when and the fields the next
    version changed, with their value then: {"version", "recorded_by", "recorded_at", "changed": [(field, value)]}
    (a text, or for 'follow_ups' the list of follow-ups)."""
    chain = [*agreement.get("history", []), agreement]
    out = []
    for before, after in zip(chain, chain[1:]):
        changed = [(f, before.get(f) or "") for f in CONTENT if (before.get(f) or "") != (after.get(f) or "")]
        if before.get("follow_ups") != after.get("follow_ups"):
            changed.append(("follow_ups", list(before.get("follow_ups") or [])))
        out.append({"version": before["version"], "recorded_by": before["recorded_by"], "recorded_at": before["recorded_at"], "changed": changed})
    return out


def close(session_id: str, user: User | None, path: Path | None = None) -> Path:
    """Lock the session (its minutes are final) and write a backup of the records; returns the backup."""
    user = _allowed(user)
    with writing(path) as con:
        _open(con, session_id)
        run(con, "records_session_close", id=session_id, closed_by=user.username, closed_at=now_iso())
    return backup.make(path or default_path(), "session-close")


def latest_by_indicator(path: Path | None = None) -> dict[str, tuple[dict, dict, int]]:
    """indicator -> (session, agreement, number of agreements on it) for its most recently recorded
    agreement: the records are read once for the whole catalogue."""
    latest: dict[str, tuple[dict, dict, int]] = {}
    for s in list_sessions(path):
        for a in s["agreements"]:
            code = a["indicator"]
            seen = latest[code][2] if code in latest else 0
            if code not in latest or _recency(s, a) > _recency(*latest[code][:2]):
                latest[code] = (s, a, seen + 1)
            else:
                latest[code] = (*latest[code][:2], seen + 1)
    return latest


def history(indicator: str, path: Path | None = None) -> list[tuple[dict, dict]]:
    """Every agreement on an indicator, newest first, with its session."""
    rows = [(s, a) for s in list_sessions(path) for a in s["agreements"] if a["indicator"] == indicator]
    return sorted(rows, key=lambda sa: _recency(*sa), reverse=True)


def _recency(session: dict, agreement: dict) -> tuple[str, str]:
    """Newer first: by the time recorded; recorded_at has whole seconds, so two agreements recorded in
    one second go by their FGD's date."""
    return agreement["recorded_at"], session["date"]

"""Agendas: an ordered list of views (a page and its URL parameters) with a title and a note each,
saved so a facilitator prepares them before the FGD and anyone can open them by URL, signed in or not.
Saving needs a signed-in user, who then owns the agenda (metro_poverty.records.saved: asked before
replacing, every version kept, archived not deleted; an archived agenda's link still opens)."""

from __future__ import annotations

import re
from pathlib import Path

from metro_poverty import typed
from metro_poverty.intake.auth import User
from metro_poverty.records import saved
from metro_poverty.records.saved import NameTaken, NeedsConfirmation, NotAllowed

KIND = "agenda"
MAX_STEPS = 30
MAX_TEXT = 300
_PATH = re.compile(r"^[a-z0-9-]{0,40}$")
_KEY = re.compile(r"^[a-z0-9_]{1,20}$")
# the agenda's own URL keys are never part of a step: a step carrying 'draft' (a hand-made link) took the
# presented agenda's 'present=1&agenda=draft' out of the URL, and a copied link opened the desk page
FRAME_KEYS = ("present", "agenda", "step", "draft")
__all__ = ["NameTaken", "NeedsConfirmation", "NotAllowed", "archive", "clean_step", "get", "list_agendas", "save"]


def clean_step(step: dict) -> dict:
    """A step as stored: a page path, its parameters as short strings, a title and a note; else ValueError."""
    path = str(step.get("path", ""))
    if not _PATH.match(path):
        raise ValueError(f"page path {path!r}")
    params = {str(k): str(v)[:MAX_TEXT] for k, v in dict(step.get("params") or {}).items() if k not in FRAME_KEYS}
    if not all(_KEY.match(k) for k in params):
        raise ValueError("parameter names")
    title = typed.kept(step.get("title"), MAX_TEXT)
    if not title:
        raise ValueError("a step needs a title")
    return {"path": path, "params": params, "title": title, "note": typed.kept(step.get("note"), MAX_TEXT * 3)}


def _agenda(item: saved.Saved) -> dict | None:
    try:
        steps = [clean_step(s) for s in item.body.get("steps") or []]
    except (ValueError, TypeError, AttributeError):
        return None  # a step an earlier version let through: the agenda is not offered rather than half shown
    if not steps:
        return None
    return {"id": item.id, "title": item.name, "steps": steps, "owner": item.owner, "saved_at": item.saved_at,
            "versions": item.n_versions, "archived": item.archived_at is not None, "item": item}


def list_agendas(path: Path | None = None, with_archived: bool = False) -> list[dict]:
    """Saved agendas, newest first (archived ones only when asked: a shared link to one still opens)."""
    return [a for a in (_agenda(i) for i in saved.list_items(KIND, with_archived, path)) if a]


def get(agenda_id: str | None, path: Path | None = None) -> dict | None:
    item = saved.get(KIND, agenda_id, path)
    return _agenda(item) if item else None


def save(title: str, steps: list[dict], user: User | None, replace: bool = False, path: Path | None = None) -> dict:
    """Save an agenda under `title` (steps checked with clean_step); see metro_poverty.records.saved.save."""
    title = typed.kept(title, MAX_TEXT)
    if not title:
        raise ValueError("an agenda needs a title")
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValueError(f"1 to {MAX_STEPS} steps")
    return _agenda(saved.save(KIND, title, {"steps": [clean_step(s) for s in steps]}, user, replace, path))


def archive(agenda_id: str, user: User | None, path: Path | None = None) -> None:
    saved.archive(KIND, agenda_id, user, path)

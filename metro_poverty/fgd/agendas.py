"""Agendas: an ordered list of views (a page and its URL parameters) with a title and a note each,
saved beside the store so a facilitator prepares them before the FGD and anyone can open them by URL."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from pathlib import Path

from metro_poverty import json_store, paths

MAX_STEPS = 30
MAX_TEXT = 300
_PATH = re.compile(r"^[a-z0-9-]{0,40}$")
_KEY = re.compile(r"^[a-z0-9_]{1,20}$")
FRAME_KEYS = ("present", "agenda", "step")  # the agenda's own URL keys are never part of a step


def agendas_file() -> Path:
    return paths.STORE_DIR / "fgd" / "agendas.json"


def clean_step(step: dict) -> dict:
    """A step as stored: a page path, its parameters as short strings, a title and a note; else ValueError."""
    path = str(step.get("path", ""))
    if not _PATH.match(path):
        raise ValueError(f"page path {path!r}")
    params = {str(k): str(v)[:MAX_TEXT] for k, v in dict(step.get("params") or {}).items() if k not in FRAME_KEYS}
    if not all(_KEY.match(k) for k in params):
        raise ValueError("parameter names")
    title = str(step.get("title") or "").strip()[:MAX_TEXT]
    if not title:
        raise ValueError("a step needs a title")
    return {"path": path, "params": params, "title": title, "note": str(step.get("note") or "").strip()[:MAX_TEXT * 3]}


def list_agendas(path: Path | None = None) -> list[dict]:
    data = json_store.read(path or agendas_file(), [])
    return [a for a in data if isinstance(a, dict) and a.get("id") and isinstance(a.get("steps"), list)] if isinstance(data, list) else []


def get(agenda_id: str | None, path: Path | None = None) -> dict | None:
    return next((a for a in list_agendas(path) if a["id"] == agenda_id), None)


def save(title: str, steps: list[dict], author: str = "", path: Path | None = None) -> dict:
    """A new agenda (an id that can go in a URL); steps are checked with clean_step."""
    title = str(title or "").strip()[:MAX_TEXT]
    if not title:
        raise ValueError("an agenda needs a title")
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValueError(f"1 to {MAX_STEPS} steps")
    agenda = {"id": secrets.token_hex(4), "title": title, "steps": [clean_step(s) for s in steps], "author": str(author)[:80],
              "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    json_store.update(path or agendas_file(), [], lambda data: [agenda] + (data if isinstance(data, list) else []))
    return agenda

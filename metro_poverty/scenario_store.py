"""Named scenarios saved on the server, so a planner can come back to them and colleagues can compare
them. A scenario is kept as its URL parameters (metro_poverty.engine.Scenario.to_query_params), which
is also how it is shared; the file is replaced atomically under a lock."""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from metro_poverty import paths

MAX_NAME = 60
MAX_SAVED = 200


def scenarios_file() -> Path:
    return paths.STORE_DIR / "scenarios.json"


def valid_name(name: str) -> bool:
    return isinstance(name, str) and 0 < len(name.strip()) <= MAX_NAME and name.isprintable()


def list_saved(path: Path | None = None) -> list[dict]:
    """Saved scenarios, newest first: {name, params, saved_at}. A damaged file reads as empty."""
    try:
        data = json.loads((path or scenarios_file()).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return []
    return [s for s in data if isinstance(s, dict) and valid_name(s.get("name", "")) and isinstance(s.get("params"), dict)]


def save(name: str, params: dict[str, str], path: Path | None = None) -> list[dict]:
    """Save (or replace) a scenario under `name`; returns the list after saving."""
    if not valid_name(name):
        raise ValueError(f"a name of 1 to {MAX_NAME} printable characters, not {name!r}")
    path = path or scenarios_file()
    with _locked(path):
        saved = [s for s in list_saved(path) if s["name"] != name.strip()]
        entry = {"name": name.strip(), "params": {str(k): str(v) for k, v in params.items()},
                 "saved_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        saved = ([entry] + saved)[:MAX_SAVED]
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    return saved


@contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)

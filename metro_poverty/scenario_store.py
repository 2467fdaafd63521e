"""Named scenarios saved on the server, so a planner can come back to them and colleagues can compare
them. A scenario is kept as its URL parameters (metro_poverty.engine.scenario_url.to_query_params), which
is also how it is shared (metro_poverty.json_store keeps the file)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from metro_poverty import json_store, paths

MAX_NAME = 60
MAX_SAVED = 200


def scenarios_file() -> Path:
    return paths.STORE_DIR / "scenarios.json"


def valid_name(name: str) -> bool:
    return isinstance(name, str) and 0 < len(name.strip()) <= MAX_NAME and name.isprintable()


def list_saved(path: Path | None = None) -> list[dict]:
    """Saved scenarios, newest first: {name, params, saved_at}. A damaged file reads as empty."""
    data = json_store.read(path or scenarios_file(), [])
    if not isinstance(data, list):
        return []
    return [s for s in data if isinstance(s, dict) and valid_name(s.get("name", "")) and isinstance(s.get("params"), dict)]


def save(name: str, params: dict[str, str], path: Path | None = None) -> list[dict]:
    """Save (or replace) a scenario under `name`; returns the list after saving."""
    if not valid_name(name):
        raise ValueError(f"a name of 1 to {MAX_NAME} printable characters, not {name!r}")
    entry = {"name": name.strip(), "params": {str(k): str(v) for k, v in params.items()},
             "saved_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}

    def change(saved):
        kept = [s for s in (saved if isinstance(saved, list) else []) if isinstance(s, dict) and s.get("name") != entry["name"]]
        return ([entry] + kept)[:MAX_SAVED]

    return json_store.update(path or scenarios_file(), [], change)

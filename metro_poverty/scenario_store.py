"""Named scenarios saved on the server, so a planner can come back to them and colleagues can compare
them. A scenario is kept as its URL parameters (metro_poverty.engine.scenario_url.to_query_params), which
is also how it is shared: opening its link needs no sign-in. Saving does, and the scenario is then its
saver's (metro_poverty.records.saved: asked before replacing, every version kept, archived not deleted).
"""

from __future__ import annotations

from pathlib import Path

from metro_poverty.intake.auth import User
from metro_poverty.records import saved
from metro_poverty.records.saved import NameTaken, NeedsConfirmation, NotAllowed, Saved

KIND = "scenario"
MAX_NAME = 60
__all__ = ["MAX_NAME", "NameTaken", "NeedsConfirmation", "NotAllowed", "Saved", "archive", "list_saved", "save", "valid_name"]


def valid_name(name: str) -> bool:
    return isinstance(name, str) and 0 < len(name.strip()) <= MAX_NAME and name.isprintable()


def list_saved(path: Path | None = None) -> list[Saved]:
    """Saved scenarios that are not archived, newest save first; .body holds the URL parameters."""
    return saved.list_items(KIND, path=path)


def save(name: str, params: dict[str, str], user: User | None, replace: bool = False, path: Path | None = None) -> Saved:
    """Save under `name` (NeedsConfirmation when the user already has one by that name: replace=True
    then adds a version; NameTaken when someone else has)."""
    if not valid_name(name):
        raise ValueError(f"a name of 1 to {MAX_NAME} printable characters, not {name!r}")
    return saved.save(KIND, name, {str(k): str(v) for k, v in params.items()}, user, replace, path)


def archive(item_id: str, user: User | None, path: Path | None = None) -> None:
    saved.archive(KIND, item_id, user, path)

"""Named documents saved in the app (scenarios, agendas): each belongs to the signed-in user who saved
it first, and each save is a new version (nothing is evicted, nothing is overwritten in place).

save() under a name already in use: the owner is asked first (NeedsConfirmation; saving again with
replace=True adds a version); anyone else gets NameTaken and picks another name. archive() hides an
item from the lists and frees its name; only its owner or an admin may. Archived items stay in the
file and keep answering by id, so a shared link still opens.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from metro_poverty.intake.auth import User
from metro_poverty.records.database import reading, writing
from metro_poverty.records.sql import name_key, now_iso, run

KINDS = ("scenario", "agenda")


class NotAllowed(Exception):
    """The user (or nobody signed in) may not do this."""


class NameTaken(Exception):
    """Another user's item already has this name."""

    def __init__(self, owner: str):
        self.owner = owner
        super().__init__(owner)


class NeedsConfirmation(Exception):
    """The user's own item has this name: replace it only when asked to (a new version; the old one stays)."""

    def __init__(self, item_id: str, versions: int):
        self.item_id, self.versions = item_id, versions
        super().__init__(item_id)


@dataclass(frozen=True)
class Saved:
    id: str
    kind: str
    name: str
    owner: str
    body: dict
    version: int
    n_versions: int
    saved_by: str
    saved_at: str
    created_at: str
    archived_at: str | None = None

    def may_archive(self, user: User | None) -> bool:
        return may_change(user, self.owner)


def may_change(user: User | None, owner: str) -> bool:
    """An owner changes and archives what they saved; an admin archives anything."""
    return user is not None and (user.is_admin or (bool(owner) and user.username == owner))


def _saved(row) -> Saved:
    return Saved(row["id"], row["kind"], row["name"], row["owner"], json.loads(row["body"]), row["version"], row["n_versions"],
                 row["saved_by"], row["saved_at"], row["created_at"], row["archived_at"])


def list_items(kind: str, with_archived: bool = False, path: Path | None = None) -> list[Saved]:
    """Items of a kind with their latest version, newest save first."""
    with reading(path) as con:
        return [_saved(r) for r in run(con, "records_saved_items", kind=kind, with_archived=1 if with_archived else 0)]


def get(kind: str, item_id: str | None, path: Path | None = None) -> Saved | None:
    """An item by id, archived ones too (a shared link keeps working)."""
    if not item_id:
        return None
    return next((s for s in list_items(kind, with_archived=True, path=path) if s.id == item_id), None)


def save(kind: str, name: str, body: dict, user: User | None, replace: bool = False, path: Path | None = None) -> Saved:
    """A new item, or (replace=True, by its owner) a new version of the one with this name."""
    if user is None:
        raise NotAllowed("sign in to save")
    name = " ".join(str(name).split())
    with writing(path) as con:
        found = run(con, "records_saved_item_by_name", kind=kind, name_key=name_key(name))
        now, text = now_iso(), json.dumps(body, ensure_ascii=False, sort_keys=True)
        if found:
            item = found[0]
            if item["owner"] != user.username:  # replacing is for the owner only; an admin archives instead
                raise NameTaken(item["owner"] or "–")
            if not replace:
                raise NeedsConfirmation(item["id"], item["last_version"])
            item_id, version = item["id"], item["last_version"] + 1
        else:
            item_id, version = secrets.token_hex(4), 1
            run(con, "records_saved_item_insert", id=item_id, kind=kind, name=name, name_key=name_key(name), owner=user.username, created_at=now)
        run(con, "records_saved_version_insert", item_id=item_id, version=version, body=text, saved_by=user.username, saved_at=now)
    return get(kind, item_id, path)


def archive(kind: str, item_id: str, user: User | None, path: Path | None = None) -> None:
    with writing(path) as con:
        found = run(con, "records_saved_item_by_id", kind=kind, id=item_id)
        if not found:
            raise KeyError(item_id)
        if not may_change(user, found[0]["owner"]):
            raise NotAllowed("only the owner or an admin archives")
        run(con, "records_saved_item_archive", id=item_id, archived_by=user.username, archived_at=now_iso())

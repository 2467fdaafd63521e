"""Small JSON documents kept beside the store (saved scenarios, FGD agendas, FGD sessions): read as a
whole, changed under an exclusive lock, replaced atomically, so two sessions saving at once never lose
each other's work and a crash never leaves half a file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

from metro_poverty.locks import exclusive


def read(path: Path, default: Any) -> Any:
    """The document, or `default` when it does not exist yet or cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return default


def update(path: Path, default: Any, change: Callable[[Any], Any]) -> Any:
    """Apply `change` to the current document under the lock and write the result; returns it."""
    with _locked(path):
        new = change(read(path, default))
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(new, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
        return new


def _locked(path: Path):
    return exclusive(path.with_name(path.name + ".lock"), timeout=60.0)

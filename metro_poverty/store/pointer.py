"""store/CURRENT: the one file that says which store file is current (its name and the fingerprint of
the inputs it was built from). Read here and written here only; a build replaces it atomically, so a
reader sees the previous store or the new one."""

from __future__ import annotations

import json
from pathlib import Path

from metro_poverty import atomic

NAME = "CURRENT"


def read(store_dir: Path) -> dict | None:
    """{'file': ..., 'fingerprint': ...}, or None when there is no pointer or it cannot be read."""
    try:
        found = json.loads((store_dir / NAME).read_text())
    except (FileNotFoundError, ValueError):
        return None
    return found if isinstance(found, dict) and "file" in found else None


def current_file(store_dir: Path) -> Path | None:
    """The store file the pointer names (it may be gone: the caller checks), or None."""
    found = read(store_dir)
    return store_dir / found["file"] if found else None


def point_to(store_dir: Path, filename: str, fingerprint: str) -> None:
    atomic.write_text(store_dir / NAME, json.dumps({"file": filename, "fingerprint": fingerprint}))

"""Files replaced whole or not at all: the one way this project writes a file that another process reads
(the store pointer, a store build, the intake's batch records and journal, the users file, backups of the
FGD records, the map files the browser fetches, the proxy's compressed frontend).

The new content goes to a temporary file beside the target, is flushed to the disk (fsync), and renamed
over the target; then the folder is synced so the rename itself survives a power cut. A reader sees the
old file or the new one, never half of one; after a crash, at worst a `*.tmp` file is left beside it
(the intake's journal sweeps those). Temporary names end in `.tmp` and carry the process id and a random
token, so two writers never share one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

__all__ = ["move", "put", "temporary", "write_bytes", "write_text", "writing"]


def temporary(target: Path) -> Path:
    """A fresh temporary path beside `target` (same folder, so the rename stays on one file system)."""
    return target.with_name(f"{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def write_bytes(target: Path, data: bytes, private: bool = False) -> None:
    """Replace `target` by `data`. `private`: readable by the owner only (0600), as the users file."""
    with writing(target, private) as fh:
        fh.write(data)


def write_text(target: Path, text: str, encoding: str = "utf-8", private: bool = False) -> None:
    write_bytes(target, text.encode(encoding), private)


@contextlib.contextmanager
def writing(target: Path, private: bool = False) -> Iterator:
    """A binary file handle whose content replaces `target` when the block ends without an error;
    on an error the target is left as it was and the temporary file removed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def put(tmp: Path, target: Path) -> None:
    """Replace `target` by a file another library wrote (a DuckDB store, an SQLite backup): synced to
    the disk first, then renamed over the target."""
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    _sync_folder(Path(target).parent)


def move(source: Path, target: Path) -> None:
    """Rename `source` to `target` (same folder or file system) and make the rename durable."""
    os.replace(source, target)
    _sync_folder(Path(target).parent)


def _sync_folder(folder: Path) -> None:
    """fsync a folder so a rename in it is on the disk; Windows has no such call (its renames are
    journaled by NTFS), so there it is skipped."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

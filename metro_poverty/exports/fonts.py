"""Which TrueType font the PDF brief is set in: found on the machine, never fetched.

DejaVu Sans comes with Debian's fonts-dejavu-core (on the base image of every machine here);
Liberation Sans and Arial are the fallbacks elsewhere (a Windows or macOS laptop). Without any of
them the brief falls back to the PDF's built-in Helvetica, which knows only Latin-1: see latin1().
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CANDIDATES = (  # (regular, bold)
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf", "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
)
ENV_OVERRIDE = "METRO_POVERTY_PDF_FONT"  # "regular.ttf;bold.ttf", for a deployment with its own font


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path


def find_font() -> FontFiles | None:
    """The first regular + bold pair present on this machine, or None (use the built-in Helvetica)."""
    override = os.environ.get(ENV_OVERRIDE)
    candidates = [tuple(override.split(";", 1))] if override and ";" in override else []
    for regular, bold in [*candidates, *CANDIDATES]:
        if Path(regular).is_file() and Path(bold).is_file():
            return FontFiles(Path(regular), Path(bold))
    return None


_LATIN1 = str.maketrans({"−": "-", "–": "-", "—": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"', "≤": "<=", "≥": ">="})


def latin1(text: str) -> str:
    """Text the built-in Helvetica can set: typographic marks replaced, anything else outside Latin-1 as '?'."""
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

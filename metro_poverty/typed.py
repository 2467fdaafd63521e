"""Text people type (FGD records, agenda titles and notes), as it is kept: trimmed, bounded, and without the
invisible bidirectional controls (U+202A–U+202E, U+2066–U+2069) that reorder the text around them on screen
and in the minutes, so what is read is what was written."""

from __future__ import annotations

import re

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def kept(value, limit: int) -> str:
    return _BIDI_CONTROLS.sub("", str(value or "")).strip()[:limit]

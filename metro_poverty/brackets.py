"""A text that a sentence puts in brackets: its own brackets become a dash, so no reader meets '))'."""

from __future__ import annotations

import re

_INNER = re.compile(r"\s*\(([^()]*)\)")


def unnested(text: str) -> str:
    """The text to go inside '( … )': 'RPJPD Kota Metro 2025–2045 — Gini Kota Metro; bukan Gini Lampung', not
    'RPJPD Kota Metro 2025–2045 (Gini Kota Metro; bukan Gini Lampung)', which closed as '…Lampung))'."""
    return _INNER.sub(lambda m: f" — {m.group(1)}", text)

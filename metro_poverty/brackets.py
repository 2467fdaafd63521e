"""A text that a sentence puts in brackets: its own brackets become a dash, so no reader meets '))'."""

from __future__ import annotations

import re

_INNER = re.compile(r"\s*\(([^()]*)\)")
_QUOTED = re.compile(r"(«[^»]*»)")  # a name as written (an uploaded file's): never changed


def unnested(text: str) -> str:
    """The text to go inside '( … )': 'RPJPD Kota Metro 2025–2045 — Gini Kota Metro; bukan Gini Lampung', not
    'RPJPD Kota Metro 2025–2045 (Gini Kota Metro; bukan Gini Lampung)', which closed as '…Lampung))'. A name in
    «…» stays as written ('«e-PPGBM_2024_(x).csv»')."""
    parts = _QUOTED.split(text)
    return "".join(part if i % 2 else _INNER.sub(lambda m: f" — {m.group(1)}", part) for i, part in enumerate(parts))

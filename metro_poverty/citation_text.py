"""A source title in the UI language: the compiler's note at its end, never the document's own words.

The published kab/kota figures (data/raw/kabkota) name each document by its title as printed, followed by the
compiler's note in English: '… hingga 6,44 Persen (Suara Lampung, 3 Oct 2025; Kepala BPS Kota Metro quoted)'.
In the Indonesian UI that note reads '(Suara Lampung, 3 Okt 2025; mengutip Kepala BPS Kota Metro)'. Only the
last parenthesis is rewritten, part by part, and only by the patterns below: a part none of them knows stays as
it was written, and the title before it is never touched. No Streamlit.
"""

from __future__ import annotations

import re

_MONTHS_ID = {"Jan": "Jan", "Feb": "Feb", "Mar": "Mar", "Apr": "Apr", "May": "Mei", "Jun": "Jun", "Jul": "Jul",
              "Aug": "Agu", "Sep": "Sep", "Oct": "Okt", "Nov": "Nov", "Dec": "Des"}
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS_ID) + r") (\d{4})\b")
_NOTE = re.compile(r"\(([^()]*)\)\s*$")  # the compiler's note: the title's last parenthesis
# (pattern, Indonesian) for one part of the note, the first that matches the whole part
_PARTS_ID = [
    (re.compile(r"(.+) quoted"), r"mengutip \1"),  # 'Kepala BPS Kota Metro quoted': the outlet quotes the official
    (re.compile(r"citing (.+)"), r"mengutip \1"),
    (re.compile(r"(.+?)(,?) citing (.+)"), r"\1\2 mengutip \3"),  # 'Databoks, citing BPS'; 'Sekda Way Kanan citing BPS Way Kanan'
    (re.compile(r"(BPS .+) data"), r"data \1"),
    (re.compile(r"(BPS .+) news(, .+)?"), r"berita \1\2"),
    (re.compile(r"(.+), p\.(\d+)"), r"\1, hlm. \2"),
]


def localized(title: str, lang: str) -> str:
    """`title` with its compiler's note in `lang` (the notes are written in English: 'en' returns it as is)."""
    if lang != "id" or not isinstance(title, str):
        return title
    note = _NOTE.search(title)
    if not note:
        return title
    parts = [_part_id(p.strip()) for p in note.group(1).split(";")]
    return f"{title[:note.start()]}({'; '.join(parts)})"


def _part_id(part: str) -> str:
    part = _DATE.sub(lambda m: f"{m[1]} {_MONTHS_ID[m[2]]} {m[3]}", part)
    for pattern, text in _PARTS_ID:
        if pattern.fullmatch(part):
            return pattern.sub(text, part)
    return part

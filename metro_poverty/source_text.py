"""A source's title, publisher or locator, or a note on a value, in the UI language; a document's own words never.

Two kinds of text come with the data in one language only:
- the project's own words (data/reference/sources.csv in Indonesian, the compiler's notes on published values in
  English): metro_poverty/texts/data/data_texts.toml lists them in both languages (i18n.data_text);
- the published kab/kota figures (data/raw/kabkota) name each document by its title as printed, followed by the
  compiler's note in English: '… hingga 6,44 Persen (Suara Lampung, 3 Oct 2025; Kepala BPS Kota Metro quoted)'.
  In Indonesian that note reads '(Suara Lampung, 3 Okt 2025; mengutip Kepala BPS Kota Metro)': only the last
  parenthesis is rewritten, part by part, by the patterns below; a part none of them knows stays as written.

No Streamlit.
"""

from __future__ import annotations

import re

from metro_poverty.i18n import data_text

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
ILLUSTRATIVE = {"id": " (data ilustrasi)", "en": " (illustrative data)"}  # after an OPD's name (store_schema's source_publisher)
_LOADED = "; «"  # a locator followed by the file a batch loaded (store_schema's source_reference)
_BATCH = re.compile(r"(», \d{4}-\d{2}-\d{2}), batch ")  # store_schema's batch_file: «file», day, batch id
_BATCH_WORD = {"id": r"\1, unggahan ", "en": r"\1, batch "}


def localized(text, lang: str):
    """`text` in `lang` where it is the project's or the compiler's words; a document's title as printed stays."""
    if not isinstance(text, str) or not text:
        return text
    shown = data_text(text, lang)
    if shown != text:
        return shown
    for own, other in ((ILLUSTRATIVE["id"], ILLUSTRATIVE[lang]), (ILLUSTRATIVE["en"], ILLUSTRATIVE[lang])):
        if text.endswith(own) and own != other:
            return localized(text[:-len(own)], lang) + other
    head, sep, tail = text.partition(_LOADED)
    if sep:
        return localized(head, lang) + sep + _BATCH.sub(_BATCH_WORD[lang], tail)
    return _compiler_note_id(text) if lang == "id" else text


def _compiler_note_id(title: str) -> str:
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

"""Every text the user sees, in Bahasa Indonesia (default) and English, from one place: metro_poverty/texts/*.toml.

Each TOML file holds tables keyed by text id, each with `id` and `en` strings:

    [overview.title]
    id = "Ringkasan"
    en = "Overview"

Texts may contain str.format fields ({year}); numbers are formatted by metro_poverty.numfmt before they get here.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
TEXTS_DIR = Path(__file__).resolve().parent / "texts"
DATA_TEXTS = TEXTS_DIR / "data" / "data_texts.toml"  # texts that came with the data, in both languages (data_text)


def _flatten(table: dict, prefix: str = "") -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) & set(LANGUAGES) and all(isinstance(v, str) for v in value.values()):
            out[name] = value
        elif isinstance(value, dict):
            out.update(_flatten(value, name + "."))
    return out


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """All texts, keyed by dotted id. A key defined in two files is an error."""
    texts: dict[str, dict[str, str]] = {}
    for path in sorted(TEXTS_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            for key, value in _flatten(tomllib.load(fh)).items():
                if key in texts:
                    raise ValueError(f"text {key!r} is defined twice (second time in {path.name})")
                texts[key] = value
    return texts


def t(text_id: str, lang: str = DEFAULT_LANGUAGE, /, **fields) -> str:
    """The text `text_id` in `lang`, with fields filled in. Unknown ids show as the id, so a gap is visible, not fatal."""
    entry = catalogue().get(text_id)
    if entry is None:
        return text_id
    text = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or text_id
    return text.format(**fields) if fields else text


def pick(lang: str, id_text: str | None, en_text: str | None) -> str:
    """Choose between two columns of bilingual data (e.g. the catalogue's name_id / name_en)."""
    if lang == "en" and en_text:
        return en_text
    return id_text or en_text or ""


@lru_cache(maxsize=1)
def _data_texts() -> dict[str, dict[str, str]]:
    """Each text of texts/data/data_texts.toml, in either language, to both."""
    with DATA_TEXTS.open("rb") as fh:
        pairs = tomllib.load(fh).get("data", [])
    out: dict[str, dict[str, str]] = {}
    for pair in pairs:
        for text in (pair["id"], pair["en"]):
            if text in out and out[text] != pair:
                raise ValueError(f"data text {text!r} is listed twice in {DATA_TEXTS.name}")
            out[text] = pair
    return out


def data_text(text, lang: str = DEFAULT_LANGUAGE):
    """A text that came with the data (a source's title, publisher or locator; a note on a value) in `lang`, when
    texts/data/data_texts.toml lists it in both languages; else as written. Anything that is not a string is returned as is."""
    if not isinstance(text, str):
        return text
    pair = _data_texts().get(text)
    return pair.get(lang) or text if pair else text

"""Every text the exports write exists in both languages (metro_poverty/texts/exports.toml and the
shared texts they reuse), and every text of exports.toml is used."""

import re

from metro_poverty import i18n
from metro_poverty.exports.metadata import FIELDS

EXPORTS_DIR = i18n.TEXTS_DIR.parent / "exports"
SOURCES = "\n".join(path.read_text(encoding="utf-8") for path in sorted(EXPORTS_DIR.glob("*.py")))
NAMED = set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", SOURCES))
FIELD_LABELS = {f"exports.meta.{f}" for f in FIELDS}  # named as t(f"exports.meta.{f}") for each metadata field


def test_every_text_key_the_exports_name_exists():
    assert "exports.brief.title" in NAMED
    assert sorted(k for k in NAMED | FIELD_LABELS if k not in i18n.catalogue()) == []


def test_every_exports_text_is_used():
    own = [k for k in i18n.catalogue() if k.startswith("exports.")]
    assert sorted(k for k in own if k not in NAMED | FIELD_LABELS) == []

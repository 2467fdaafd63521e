"""Every text the user sees, in both languages, from metro_poverty/texts/*.toml (metro_poverty.i18n)."""

import ast
import re
import string
import tomllib

import pytest

from metro_poverty import i18n
from metro_poverty.i18n import TEXTS_DIR, pick, t

TEXT_FILES = sorted(TEXTS_DIR.glob("*.toml"))
PIPELINE_DIR = TEXTS_DIR.parent / "pipeline"


def leaves(table, prefix=""):
    """(dotted key, entry) for every table whose values are not tables: each is one text."""
    for key, value in table.items():
        if isinstance(value, dict) and any(isinstance(v, dict) for v in value.values()):
            yield from leaves(value, f"{prefix}{key}.")
        elif isinstance(value, dict):
            yield f"{prefix}{key}", value
        else:
            yield f"{prefix}{key}", {"<not a table>": value}


TEXTS = [(path.name, key, entry) for path in TEXT_FILES for key, entry in leaves(tomllib.loads(path.read_text(encoding="utf-8")))]


def fields(text):
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_there_are_texts():
    assert TEXT_FILES and TEXTS


@pytest.mark.parametrize("file, key, entry", TEXTS, ids=[f"{f}:{k}" for f, k, _ in TEXTS])
def test_every_text_has_id_and_en_and_nothing_else(file, key, entry):
    assert sorted(entry) == ["en", "id"]
    assert all(isinstance(v, str) and v.strip() for v in entry.values())


@pytest.mark.parametrize("file, key, entry", TEXTS, ids=[f"{f}:{k}" for f, k, _ in TEXTS])
def test_both_languages_use_the_same_fields(file, key, entry):
    assert fields(entry.get("id", "")) == fields(entry.get("en", ""))


def test_every_text_file_is_loaded_without_a_key_defined_twice():
    assert len(i18n.catalogue()) == len(TEXTS)


def test_t_gives_the_text_in_the_language_asked():
    assert (t("pipeline.severity.error", "id"), t("pipeline.severity.error", "en")) == ("GALAT", "ERROR")


def test_indonesian_is_the_default_language():
    assert t("pipeline.severity.warning") == "PERINGATAN"


def test_t_fills_in_fields():
    assert t("pipeline.where.row", "en", row=7) == "row 7"


def test_an_unknown_key_shows_as_the_key():
    assert t("pipeline.no.such.text", "en") == "pipeline.no.such.text"


def test_pick_chooses_the_column_of_the_language():
    assert (pick("en", "Garis Kemiskinan", "Poverty line"), pick("id", "Garis Kemiskinan", "Poverty line")) == ("Poverty line", "Garis Kemiskinan")


def test_pick_falls_back_to_indonesian_when_english_is_empty():
    assert pick("en", "Garis Kemiskinan", "") == "Garis Kemiskinan"


def problem_codes_in_pipeline():
    """Problem codes written as literals in the pipeline: Problem("code", ...), Problem("a" if .. else "b", ...),
    and the (failed, "code", "column", ...) check tuples of published.py."""
    codes = set()
    for path in PIPELINE_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem" and node.args:
                first = node.args[0]
                options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                codes |= {o.value for o in options if isinstance(o, ast.Constant)}
            if isinstance(node, ast.Tuple) and len(node.elts) > 2 and isinstance(node.elts[0], ast.Compare) \
                    and isinstance(node.elts[1], ast.Constant) and isinstance(node.elts[1].value, str):
                codes.add(node.elts[1].value)
    return sorted(codes)


def test_every_problem_the_pipeline_raises_has_a_message():
    codes = problem_codes_in_pipeline()
    assert "unknown_source" in codes and "unknown_region_hint" in codes  # the scan finds both literal forms
    assert [c for c in codes if f"pipeline.problem.{c}" not in i18n.catalogue()] == []


def test_every_text_key_the_pipeline_names_exists():
    keys = {k for path in PIPELINE_DIR.glob("*.py") for k in re.findall(r'\bt\(\s*"([\w.]+)"', path.read_text(encoding="utf-8"))}
    assert sorted(k for k in keys if k not in i18n.catalogue()) == []


def test_every_text_that_came_with_the_data_is_listed_once_in_both_languages():
    pairs = tomllib.loads(i18n.DATA_TEXTS.read_text(encoding="utf-8"))["data"]
    assert pairs and all(sorted(p) == ["en", "id"] and all(isinstance(v, str) and v.strip() for v in p.values()) for p in pairs)
    texts = [text for p in pairs for text in p.values()]
    assert len(texts) == len(set(texts))


def test_a_data_text_is_shown_in_the_language_asked_and_an_unlisted_one_as_written():
    title = "Pernyataan pejabat daerah tentang angka stunting Kota Metro"
    assert i18n.data_text(title, "en") == "Local officials' statements on Kota Metro's stunting figure"
    assert i18n.data_text(i18n.data_text(title, "en"), "id") == title
    assert i18n.data_text("Metro Terkini Edisi April 2025", "en") == "Metro Terkini Edisi April 2025"  # a document's title
    assert i18n.data_text(None, "en") is None

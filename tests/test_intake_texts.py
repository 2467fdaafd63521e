"""Every text the intake shows exists in both languages (metro_poverty/texts/intake.toml): each problem
code it raises, each text key it names, each outcome status, and each note of the reading rules."""

import ast
import re

import pytest

from metro_poverty import i18n
from metro_poverty.intake import loader
from metro_poverty.intake.report import reading_rules

INTAKE_DIR = i18n.TEXTS_DIR.parent / "intake"
SOURCES = {path.name: path.read_text(encoding="utf-8") for path in sorted(INTAKE_DIR.glob("*.py"))}


def calls(name: str) -> set[str]:
    """First literal argument of every call to `name` in the intake package."""
    found = set()
    for text in SOURCES.values():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == name and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def missing(keys) -> list[str]:
    return sorted(k for k in keys if k not in i18n.catalogue())


def test_every_problem_the_intake_raises_has_a_message():
    codes = calls("Problem") | calls("_warning")  # checks.py builds its warnings through _warning
    assert {"too_large", "not_allowed", "ambiguous_percent", "outlier"} <= codes
    assert missing(f"pipeline.problem.{c}" for c in codes) == []


def test_every_text_key_the_intake_names_exists():
    keys = {k for text in SOURCES.values() for k in re.findall(r'"((?:intake|pipeline)\.[\w.]+)"', text)}
    assert keys and missing(keys) == []


def test_every_outcome_status_has_a_message():
    statuses = [v for k, v in vars(loader).items() if k.isupper() and isinstance(v, str) and k not in ("PAUSE_ENV",)]
    assert "loaded" in statuses and missing(f"intake.status.{s}" for s in statuses) == []


@pytest.mark.parametrize("key", ["intake.note.encoding_utf8", "intake.note.encoding_cp1252", "intake.note.decimal_comma",
                                 "intake.note.decimal_point", "intake.note.period_from_title",
                                 "intake.note.period_from_file_name"])
def test_every_note_built_from_a_rule_outcome_exists(key):
    assert key in i18n.catalogue()


def test_every_sign_in_and_user_message_exists():
    codes = calls("SignInUnavailable") | calls("BadUser")
    assert "no_users_file" in codes and missing(f"intake.auth.{c}" for c in codes) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_reading_rule_is_stated_for_the_uploader(lang):
    rules = reading_rules(lang)
    assert len(rules) == 6 and not [r for r in rules if r.startswith("intake.rule.")]

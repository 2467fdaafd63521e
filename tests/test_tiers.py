"""The slow tier names real tests: a renamed file or test would otherwise drop silently into the daily tier."""

import re
from pathlib import Path

from conftest import SLOW_MODULES, SLOW_TESTS

TESTS = Path(__file__).resolve().parent


def test_every_slow_module_exists():
    assert [name for name in SLOW_MODULES if not (TESTS / name).is_file()] == []


def test_every_slow_test_is_defined_in_a_test_file():
    defined = {m for path in TESTS.glob("test_*.py") for m in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M)}
    assert sorted(set(SLOW_TESTS) - defined) == []

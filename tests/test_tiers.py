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


class _Config:
    def __init__(self, markexpr):
        self.markexpr = markexpr

    def getoption(self, name, default=None):
        return self.markexpr if name == "markexpr" else default


def test_the_browser_tier_imports_only_the_modules_that_mark_browser_tests():
    from conftest import pytest_ignore_collect

    browser = _Config("browser")
    assert pytest_ignore_collect(TESTS / "test_browser_room.py", browser) is False
    assert pytest_ignore_collect(TESTS / "test_proxy.py", browser) is False  # one browser test among others
    assert pytest_ignore_collect(TESTS / "test_tiers.py", browser) is True
    assert pytest_ignore_collect(TESTS / "browser_support.py", browser) is None  # not a test module: pytest decides
    for other in ("not browser", "browser and not slow", ""):  # any other run collects everything
        assert pytest_ignore_collect(TESTS / "test_tiers.py", _Config(other)) is None


def test_the_browser_mark_is_given_only_in_the_test_modules_themselves():
    """A mark given from a support module or by a hook would not be seen by the browser tier's collection."""
    from conftest import BROWSER_MARK

    givers = [p.name for p in TESTS.glob("*.py") if not p.name.startswith("test_") and p.name != "conftest.py"
              and BROWSER_MARK in p.read_text(encoding="utf-8")]
    assert givers == []
    conftest = (TESTS / "conftest.py").read_text(encoding="utf-8")
    assert [line for line in conftest.splitlines() if "add_marker" in line and "browser" in line] == []

"""Documentation test: every statement in queries/ is named in at least one test module, so a query added
without a test fails the suite. A test names a query by its file name without .sql (as db.run takes it)."""

import re
from pathlib import Path

import pytest

from metro_poverty import paths

QUERIES = sorted(path.stem for path in paths.QUERIES_DIR.glob("*.sql"))


def module_texts() -> list[str]:
    """Every tests/test_*.py except this one (which names no query but would match them all through QUERIES)."""
    here = Path(__file__)
    return [path.read_text(encoding="utf-8") for path in sorted(here.parent.glob("test_*.py")) if path != here]


def test_there_are_queries_to_check():
    assert QUERIES, f"no .sql files in {paths.QUERIES_DIR}"


@pytest.mark.parametrize("query", QUERIES)
def test_the_query_is_named_in_a_test(query):
    name = re.compile(rf"\b{re.escape(query)}\b")  # whole name: `regions` is not named by `regions_all`
    testers = [text for text in module_texts() if name.search(text)]
    assert testers, f"queries/{query}.sql is named in no tests/test_*.py: add a test that runs it on literal rows"

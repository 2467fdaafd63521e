"""Documentation test: every statement in queries/ is run by at least one test, so a query added without a
test fails the suite. A test runs a query by passing its file name without .sql to a call (as db.run takes
it), or by calling the package function that does (engine.fgt runs engine_fgt_by_region). A name in a
comment or a docstring does not count."""

import ast
import functools
from pathlib import Path

import pytest

from metro_poverty import paths

QUERIES = sorted(path.stem for path in paths.QUERIES_DIR.glob("*.sql"))


def call_arguments(code: str | ast.AST) -> set[str]:
    """Every string literal passed to a call (positionally or by keyword) in a module or a node."""
    out = set()
    for node in ast.walk(ast.parse(code) if isinstance(code, str) else code):
        if isinstance(node, ast.Call):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    out.add(arg.value)
    return out


def called_names(tree: ast.AST) -> set[str]:
    """The names of the functions a piece of code calls (f(...) and x.f(...))."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                out.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                out.add(node.func.attr)
    return out


def owners() -> dict[str, set[str]]:
    """query -> the package functions that run it: those passing its name to a call, and those calling them
    (build() runs store_load through _write)."""
    functions = [node for path in sorted((paths.ROOT / "metro_poverty").rglob("*.py"))
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    calls = {f: called_names(f) for f in functions}
    args = {f: call_arguments(f) for f in functions}
    out = {q: {f.name for f in functions if q in args[f]} for q in QUERIES}
    for q, names in out.items():
        while True:
            more = {f.name for f in functions if calls[f] & names} - names
            if not more:
                break
            names |= more
    return out


def modules_of_tests() -> list[tuple[set[str], set[str]]]:
    """(call arguments, called names) of every tests/*.py except this one, support modules included."""
    here = Path(__file__)
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(here.parent.glob("*.py")) if path != here]
    return [(call_arguments(tree), called_names(tree)) for tree in trees]


def test_a_name_in_a_comment_or_docstring_is_not_a_call():
    source = '"""runs regions_all"""\n# indicator_catalogue\nresult(con, "values_by_level", level="kelurahan")\n'
    assert call_arguments(source) == {"values_by_level", "kelurahan"}


def test_there_are_queries_to_check():
    assert QUERIES, f"no .sql files in {paths.QUERIES_DIR}"


@functools.cache
def _owners_and_tests():
    """Parsed when the first of these tests runs, not when the module is collected: every process that collects
    the suite imports this module, and the parse of the package and the tests costs about 2 s of CPU."""
    return owners(), modules_of_tests()


@pytest.mark.parametrize("query", QUERIES)
def test_the_query_is_run_by_a_test(query):
    owners_of, tests = _owners_and_tests()
    testers = [args for args, calls in tests if query in args or calls & owners_of.get(query, set())]
    assert testers, f"queries/{query}.sql is run by no test: add a test that runs it on literal rows"

"""The engine's modules import one another in one direction only: no import circle, and no import hidden
inside a function body to dodge one. The engine never imports the tests (its pandas oracle lives there)."""

import ast
from pathlib import Path

from metro_poverty import paths

ENGINE = Path(paths.__file__).resolve().parent / "engine"
PACKAGE = "metro_poverty.engine"


def imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def engine_graph() -> dict[str, set[str]]:
    modules = {f"{PACKAGE}.{path.stem}": path for path in ENGINE.glob("*.py") if path.stem != "__init__"}
    return {name: {m for m in imports(path, top_level_only=False) if m in modules} for name, path in modules.items()}


def test_no_engine_module_imports_inside_a_function():
    for path in ENGINE.glob("*.py"):
        assert imports(path, top_level_only=False) == imports(path, top_level_only=True), f"{path.name} imports in a body"


def test_the_engine_modules_form_no_import_circle():
    graph = engine_graph()
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        assert module not in trail, f"import circle: {' -> '.join(trail[trail.index(module):] + (module,))}"
        if module in done:
            return
        for imported in graph[module]:
            visit(imported, trail + (module,))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_the_engine_does_not_import_the_tests():
    for path in ENGINE.glob("*.py"):
        assert not any(m == "tests" or m.startswith("tests.") for m in imports(path, top_level_only=False)), path.name

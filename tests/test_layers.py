"""Layers that only look down, checked on the import graph of the package (every import, at module level
or inside a function, since an import moved into a function to dodge a circle is still a dependency).

pipeline (reading and harmonizing files) <- intake's reading <- store (pointer, lock, journal, batches,
build) <- intake's operations (previewer, worker, loader, cli) <- ui. Below them all, the small shared
modules (numbers, problems, atomic, paths, db, i18n, ...)."""

import ast
import re

import pytest

from metro_poverty import paths

PACKAGE = paths.ROOT / "metro_poverty"
INTAKE_OPERATIONS = {"metro_poverty.intake.previewer", "metro_poverty.intake.worker", "metro_poverty.intake.loader",
                     "metro_poverty.intake.cli", "metro_poverty.intake"}


def module_name(path) -> str:
    parts = path.relative_to(paths.ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found |= {(node.module, f"{node.module}.{a.name}") for a in node.names}
        graph[module_name(path)] = found
    modules = set(graph)
    # 'from package import module' depends on that module; 'from module import name' on the module
    resolved = {m: {(sub if sub in modules else mod) for mod, sub in (f if isinstance(f, tuple) else (f, f) for f in deps)}
                for m, deps in graph.items()}
    return {m: {d for d in deps if d in modules and d != m} for m, deps in resolved.items()}


GRAPH = imports()


# the foundations every layer may use; db reads the pointer, a leaf of the store package (only atomic below it)
SHARED = {f"metro_poverty.{m}" for m in ("atomic", "numbers", "problems", "paths", "db", "i18n", "timefmt", "numfmt", "regions", "locks",
                                         "markdown_text", "store.pointer")}


def layer(module: str) -> str:
    if module in SHARED:
        return "shared"
    if module.endswith(".cli"):
        return "entry"  # a command line (python -m ...): above everything it drives
    if module in INTAKE_OPERATIONS:
        return "intake operations"
    for name in ("pipeline", "intake", "store", "ui"):
        if re.match(rf"metro_poverty\.{name}(\.|$)", module):
            return {"intake": "intake reading"}.get(name, name)
    return "domain"  # engine, microdata, records, fgd, exports, charts and the modules that say what they do


FORBIDDEN = {  # a layer never imports these
    "shared": {"domain", "pipeline", "intake reading", "store", "intake operations", "entry", "ui"},
    "pipeline": {"intake reading", "store", "intake operations", "ui"},
    "intake reading": {"store", "intake operations", "ui"},
    "store": {"intake operations", "ui"},
    "intake operations": {"ui", "entry"},
    "domain": {"ui", "entry"},
}


@pytest.mark.parametrize("low", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(low):
    upward = sorted(f"{m} -> {d}" for m, deps in GRAPH.items() if layer(m) == low for d in deps if layer(d) in FORBIDDEN[low])
    assert upward == []


def test_no_module_imports_itself_through_others():
    cycles, state = [], {}

    def visit(m, trail):
        state[m] = "open"
        for d in sorted(GRAPH[m]):
            if state.get(d) == "open":
                cycles.append(" -> ".join(trail[trail.index(d):] + [d]) if d in trail else f"{m} -> {d}")
            elif d not in state:
                visit(d, trail + [d])
        state[m] = "done"

    for m in sorted(GRAPH):
        if m not in state:
            visit(m, [m])
    assert cycles == []

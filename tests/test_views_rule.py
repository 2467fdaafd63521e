"""One rule for pages: each file in views/ is the address of one page (what st.navigation runs, what
AppTest and st.page_link name) and holds nothing but a call of its layout in metro_poverty/ui/*_page.py."""

import ast

import pytest

from metro_poverty import paths
from metro_poverty.ui.pages import PAGES

VIEWS = sorted((paths.ROOT / "views").glob("*.py"))


@pytest.mark.parametrize("view", VIEWS, ids=lambda p: p.name)
def test_a_view_file_only_calls_its_pages_layout(view):
    body = ast.parse(view.read_text(encoding="utf-8")).body
    docstring, imported, call = body if len(body) == 3 else (None, None, None)
    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant), f"{view.name}: a docstring first"
    assert isinstance(imported, ast.ImportFrom) and imported.module.startswith("metro_poverty.ui.") and imported.module.endswith("_page")
    assert [a.name for a in imported.names] == ["render"]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call) and call.value.func.id == "render"


def test_every_page_of_the_navigation_has_its_view_file_and_every_view_file_is_a_page():
    assert sorted(p.script for p in PAGES) == sorted(f"views/{v.name}" for v in VIEWS)

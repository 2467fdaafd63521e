"""The benchmark scripts are not tests, but they must still load: each one's imports (the package's names
they use) are checked here, so a renamed function fails the suite instead of the next `make bench`."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py")))
def test_each_benchmark_script_loads(script, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{script[:-3]}", BENCH / script)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)  # top level only: scripts work under `if __name__ == "__main__"`, helpers define functions


@pytest.mark.parametrize("page", sorted(p.name for p in (BENCH / "baselines").glob("*.py")))
def test_each_baseline_page_runs_without_an_exception(page):
    """The pages bench_app.py times against the app: one that raised would be drawn as an error box and timed."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(BENCH / "baselines" / page), default_timeout=30).run()
    assert not at.exception

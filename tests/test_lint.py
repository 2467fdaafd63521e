"""The lint of pyproject.toml ([tool.ruff]) passes on the whole project: no unused import, no name
defined twice, no line over 160 characters. `make lint` runs the same check."""

import subprocess

import pytest

from metro_poverty import paths


def test_ruff_finds_nothing_in_the_project():
    ruff = pytest.importorskip("ruff.__main__", reason="ruff comes with requirements-dev.txt").find_ruff_bin()
    done = subprocess.run([ruff, "check", "--no-cache", "--output-format", "concise", "."], cwd=paths.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

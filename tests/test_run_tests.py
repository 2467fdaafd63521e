"""`make test` runs two tiers at once (scripts/run_tests.py): it fails when either tier fails, and passes
only when both do."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _runner():
    spec = importlib.util.spec_from_file_location("run_tests", ROOT / "scripts" / "run_tests.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _suite(folder: Path, browser_passes: bool, other_passes: bool) -> Path:
    folder.mkdir()
    (folder / "test_sample.py").write_text(
        "import pytest\n\n\n"
        f"@pytest.mark.browser\ndef test_in_a_browser():\n    assert {browser_passes}\n\n\n"
        f"def test_without_a_browser():\n    assert {other_passes}\n", encoding="utf-8")
    return folder


def test_both_tiers_passing_is_a_pass(tmp_path, capsys):
    assert _runner().main([str(_suite(tmp_path / "ok", True, True)), "-p", "no:cacheprovider"], logs=tmp_path / "logs") == 0
    assert "browser tests passed" in capsys.readouterr().out


def test_a_failing_browser_test_fails_the_run(tmp_path):
    assert _runner().main([str(_suite(tmp_path / "b", False, True)), "-p", "no:cacheprovider"], logs=tmp_path / "logs") == 1


def test_a_failing_test_in_the_background_tier_fails_the_run(tmp_path, capsys):
    assert _runner().main([str(_suite(tmp_path / "o", True, False)), "-p", "no:cacheprovider"], logs=tmp_path / "logs") == 1
    out = capsys.readouterr().out
    assert "other tests failed" in out and "test_without_a_browser" in out  # its log is printed


def test_the_tests_temporary_files_go_to_a_fresh_folder_in_memory_that_is_removed_at_the_end(tmp_path):
    runner = _runner()
    folder = runner.scratch_dir(memory=tmp_path, environ={})
    assert folder is not None and folder.parent == tmp_path and folder.name.startswith("metro-poverty-tests-")
    suite = tmp_path / "t"
    suite.mkdir()
    (suite / "test_sample.py").write_text(  # both tiers see the folder as their temporary folder
        "import os, tempfile\n\n\n"
        f"def test_temporary_files_are_in_the_folder():\n    assert tempfile.gettempdir() == {str(folder)!r}\n", encoding="utf-8")
    assert runner.main([str(suite), "-p", "no:cacheprovider"], logs=tmp_path / "logs", scratch=folder) == 0
    assert not folder.exists()


def test_a_chosen_tmpdir_or_a_missing_memory_disk_leaves_temporary_files_where_they_were(tmp_path):
    runner = _runner()
    assert runner.scratch_dir(memory=tmp_path, environ={"TMPDIR": "/var/tmp"}) is None
    assert runner.scratch_dir(memory=tmp_path / "absent", environ={}) is None
    assert list(tmp_path.iterdir()) == []

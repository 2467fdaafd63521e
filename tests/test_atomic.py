"""One way to replace a file (metro_poverty.atomic): whole or not at all, synced to the disk, and the
only place in the package that renames a file over another."""

import ast
import os
import stat

import pytest

from metro_poverty import atomic, paths


def test_a_file_is_replaced_whole_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "sub" / "CURRENT"
    atomic.write_text(target, "lama")
    atomic.write_text(target, "baru")
    assert target.read_text() == "baru" and sorted(p.name for p in target.parent.iterdir()) == ["CURRENT"]


def test_a_write_that_fails_midway_leaves_the_old_file_as_it_was(tmp_path):
    target = tmp_path / "batch.json"
    atomic.write_text(target, '{"status": "loaded"}')
    with pytest.raises(RuntimeError), atomic.writing(target) as fh:
        fh.write(b'{"status": "rol')
        raise RuntimeError("disk full")
    assert target.read_text() == '{"status": "loaded"}' and [p.name for p in tmp_path.iterdir()] == ["batch.json"]


def test_the_content_and_the_rename_are_synced_to_the_disk(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def fsync(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic.write_bytes(tmp_path / "a.bin", b"x")
    assert synced == ([False, True] if os.name == "posix" else [False])  # the file, then its folder


def test_a_file_written_by_another_library_is_synced_before_it_replaces_the_target(tmp_path, monkeypatch):
    tmp, target = atomic.temporary(tmp_path / "store.duckdb"), tmp_path / "store.duckdb"
    tmp.write_bytes(b"new")
    target.write_bytes(b"old")
    synced = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    atomic.put(tmp, target)
    assert target.read_bytes() == b"new" and not tmp.exists() and synced


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_private_file_is_readable_by_its_owner_only(tmp_path):
    atomic.write_text(tmp_path / "users.toml", "[users]", private=True)
    assert stat.S_IMODE((tmp_path / "users.toml").stat().st_mode) == 0o600


def test_two_temporary_names_for_one_target_differ_and_end_in_tmp(tmp_path):
    a, b = atomic.temporary(tmp_path / "x"), atomic.temporary(tmp_path / "x")
    assert a != b and a.suffix == b.suffix == ".tmp" and a.parent == tmp_path


def test_no_other_module_renames_a_file_over_another():
    """os.replace, os.rename and shutil.move are called in metro_poverty/atomic.py only."""
    found = []
    for path in sorted((paths.ROOT / "metro_poverty").rglob("*.py")):
        if path.name == "atomic.py" and path.parent.name == "metro_poverty":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                if (node.func.value.id, node.func.attr) in {("os", "replace"), ("os", "rename"), ("shutil", "move")}:
                    found.append(f"{path.relative_to(paths.ROOT)}:{node.lineno}")
    assert found == []

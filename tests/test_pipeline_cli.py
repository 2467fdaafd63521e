"""`python -m metro_poverty.pipeline.cli build [--if-stale] [--lang en]` and is_stale: a store is
rebuilt only when an input changed."""

import json
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from metro_poverty import paths
from metro_poverty.pipeline import cli
from metro_poverty.store.build import build, is_stale


def run_cli(tmp_path, *args):
    """The real command, building the repo's data/ into a store under tmp_path (schematic map)."""
    (tmp_path / "no_boundaries").mkdir(exist_ok=True)
    env = {**os.environ, "METRO_POVERTY_STORE_DIR": str(tmp_path / "store"), "METRO_POVERTY_BOUNDARIES_DIR": str(tmp_path / "no_boundaries")}
    return subprocess.run([sys.executable, "-m", "metro_poverty.pipeline.cli", "build", *args], cwd=paths.ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("cli")
    return tmp_path, run_cli(tmp_path, "--lang", "en")


def test_the_cli_builds_the_repos_data_and_exits_0(cli_store):
    tmp_path, done = cli_store
    assert (done.returncode, done.stderr) == (0, "")
    assert "Store ready:" in done.stdout and "maps: schematic" in done.stdout


def test_the_cli_build_points_current_at_a_store_that_opens(cli_store):
    tmp_path, _ = cli_store
    store_file = tmp_path / "store" / json.loads((tmp_path / "store" / "CURRENT").read_text())["file"]
    with duckdb.connect(str(store_file), read_only=True) as con:
        assert con.execute("select count(*) > 0 from observations").fetchone() == (True,)


def test_the_cli_with_if_stale_does_nothing_when_nothing_changed(cli_store):
    tmp_path, _ = cli_store
    pointer = (tmp_path / "store" / "CURRENT").read_text()
    done = run_cli(tmp_path, "--if-stale", "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.startswith("Store is up to date:")
    assert (tmp_path / "store" / "CURRENT").read_text() == pointer


@pytest.fixture
def built(inputs, schematic_store):
    """Inputs whose store is current: a copy of a store built from the same inputs."""
    shutil.copytree(schematic_store.parent, inputs.store_dir)
    return inputs


def run_main(inputs, monkeypatch, *args):
    monkeypatch.setattr(cli, "Inputs", lambda: inputs)
    return cli.main(["build", *args])


def test_a_store_just_built_is_not_stale(built):
    assert not is_stale(built)


def test_no_store_yet_is_stale(inputs):
    assert is_stale(inputs)


def test_a_pointer_to_a_missing_store_file_is_stale(built):
    (built.store_dir / json.loads((built.store_dir / "CURRENT").read_text())["file"]).unlink()
    assert is_stale(built)


def test_a_changed_raw_file_makes_the_store_stale(built):
    path = built.raw_dir / "perkim" / "DATA_AIR_SANITASI_RTLH_2021-2024.csv"
    path.write_text(path.read_text().replace("KEC. METRO PUSAT;METRO;2021;3086;2898;2827;64", "KEC. METRO PUSAT;METRO;2021;3086;2898;2827;65"))
    assert is_stale(built)


def test_boundary_files_appearing_make_the_store_stale(built):
    if not (paths.BOUNDARIES_DIR / "kelurahan.geojson").is_file():
        pytest.skip("no boundary files to add")
    shutil.copy(paths.BOUNDARIES_DIR / "kelurahan.geojson", built.boundaries_dir)
    assert is_stale(built)


def test_if_stale_does_not_rebuild_when_nothing_changed(built, monkeypatch, capsys):
    pointer = (built.store_dir / "CURRENT").read_text()
    assert run_main(built, monkeypatch, "--if-stale", "--lang", "en") == 0
    assert capsys.readouterr().out.startswith("Store is up to date:")
    assert (built.store_dir / "CURRENT").read_text() == pointer


def test_if_stale_rebuilds_after_an_input_file_changes(built, monkeypatch):
    pointer = (built.store_dir / "CURRENT").read_text()
    path = built.raw_dir / "perkim" / "DATA_AIR_SANITASI_RTLH_2021-2024.csv"
    path.write_text(path.read_text().replace("KEC. METRO PUSAT;METRO;2021;3086;2898;2827;64", "KEC. METRO PUSAT;METRO;2021;3086;2898;2827;65"))
    assert run_main(built, monkeypatch, "--if-stale") == 0
    assert (built.store_dir / "CURRENT").read_text() != pointer
    store_file = built.store_dir / json.loads((built.store_dir / "CURRENT").read_text())["file"]
    with duckdb.connect(str(store_file), read_only=True) as con:
        assert con.execute("""select value from observations where indicator_code = 'rtlh_units' and region_code = '18.72.01.1001'
                              and period = 2021""").fetchall() == [(65.0,)]


def test_a_successful_build_keeps_the_previous_store_file_for_running_apps(built):
    previous = json.loads((built.store_dir / "CURRENT").read_text())["file"]
    result = build(built)
    assert sorted(p.name for p in built.store_dir.glob("metro-*.duckdb")) == sorted([previous, result.path.name])

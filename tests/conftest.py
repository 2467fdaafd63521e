"""Shared fixtures: a copy of the repo's input data in a temporary directory, and stores built from it.

Builds never touch the repo's own store/: every store here lives under pytest's tmp directories.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from metro_poverty import paths
from metro_poverty.pipeline.boundaries import has_boundary_files
from metro_poverty.store.build import Inputs, build

INPUT_FOLDERS = ("reference", "published", "raw")  # what a store is built from; boundaries come separately


def copy_inputs(destination: Path) -> Path:
    """data/reference, data/published and data/raw copied to destination/data; returns that data dir."""
    data = destination / "data"
    for folder in INPUT_FOLDERS:
        shutil.copytree(paths.DATA_DIR / folder, data / folder)
    return data


def make_inputs(root: Path, with_boundaries: bool = False) -> Inputs:
    """Inputs under root: a data copy, a store dir, and either an empty boundaries dir (schematic map)
    or a copy of the reference boundary files."""
    root.mkdir(parents=True, exist_ok=True)
    boundaries = root / "boundaries"
    if with_boundaries:
        if not has_boundary_files(paths.BOUNDARIES_DIR):
            pytest.skip(f"no boundary files in {paths.BOUNDARIES_DIR} (run `make boundaries`)")
        shutil.copytree(paths.BOUNDARIES_DIR, boundaries)
    else:
        boundaries.mkdir()
    return Inputs(data_dir=copy_inputs(root), boundaries_dir=boundaries, store_dir=root / "store")


@pytest.fixture(scope="session")
def inputs_factory():
    """make_inputs, for tests that need several independent copies or the boundary files."""
    return make_inputs


@pytest.fixture
def inputs(tmp_path) -> Inputs:
    """A fresh copy of the repo's inputs (schematic map), not yet built."""
    return make_inputs(tmp_path)


@pytest.fixture(scope="session")
def schematic_store(tmp_path_factory) -> Path:
    """A store built once from the repo's inputs with no boundary files (schematic tile map)."""
    inputs = make_inputs(tmp_path_factory.mktemp("schematic"))
    return build(inputs).path


@pytest.fixture(scope="session")
def boundary_store(tmp_path_factory) -> Path:
    """A store built once from the repo's inputs with the reference boundary files."""
    inputs = make_inputs(tmp_path_factory.mktemp("boundary"), with_boundaries=True)
    return build(inputs).path


@pytest.fixture
def store_con(schematic_store):
    """A read-only connection to the schematic store."""
    con = duckdb.connect(str(schematic_store), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def app_url():
    """One app server (as `make run` starts it) for the browser tests of a session; its base URL."""
    from app_support import ensure_store
    from browser_support import app_server

    ensure_store()
    with app_server() as base:
        yield base


@pytest.fixture(scope="session")
def _chromium_session():
    """Debian's chromium driven by Playwright, one for the whole session, with one shared browser context (with a
    profile on disk, so compiled scripts are kept) and fresh contexts on demand."""
    from browser_support import SharedContextBrowser, browser, profile_context

    with browser() as b, profile_context(b) as tabs:
        yield SharedContextBrowser(b, tabs)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Each phase's report on the test item, so a fixture can tell at teardown whether its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def chromium(_chromium_session, request):
    """The session's chromium for one test; the pages and contexts the test opens are closed when it ends,
    after a screenshot (what the window shows: Streamlit scrolls inside its main area) and the text of each if the test failed."""
    yield _chromium_session
    try:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)[:120]
            for path, text, log in _chromium_session.keep_evidence(name):  # shown under the failure, in CI's log too
                print(f"the page when the test failed: {path}\n{text[:2000]}\n\nits app server's last lines:\n{log[-3000:]}\n")
    finally:
        _chromium_session.close_opened()


OFFICER_PASSWORD = "rahasia-dinkes-2026"
SECRETARY_PASSWORD = "notulen-fgd-metro-24"  # sekretaris.fgd, role fgd_secretary
PLANNER_PASSWORD = "rencana-bappeda-metro"  # perencana.bappeda, role planner


@pytest.fixture(scope="module")
def isolated_app(tmp_path_factory):
    """An app server with a store, intake, FGD records and users of its own (a copy built from data/):
    for browser tests that load, roll back or record, so the repo's store is never touched. Yields the
    base URL; the records file is <store>/records.sqlite (tests may write to it as the app would)."""
    from app_support import ensure_store  # noqa: F401 - the real boundaries must exist to copy
    from browser_support import app_server
    from metro_poverty.intake.auth import add_user

    root = tmp_path_factory.mktemp("isolated_app")
    store, boundaries = root / "store", root / "boundaries"
    shutil.copytree(paths.BOUNDARIES_DIR, boundaries)
    build(Inputs(data_dir=paths.DATA_DIR, boundaries_dir=boundaries, store_dir=store))
    users = root / "users.toml"
    add_user("petugas.dinkes", OFFICER_PASSWORD, "opd", "Dinas Kesehatan", path=users)
    add_user("petugas.disdik", OFFICER_PASSWORD, "opd", "Dinas Pendidikan", path=users)
    add_user("sekretaris.fgd", SECRETARY_PASSWORD, "fgd_secretary", path=users)
    add_user("perencana.bappeda", PLANNER_PASSWORD, "planner", path=users)
    # the deployment's signatories, where a deployment puts them (beside the store)
    (root / "signatories.toml").write_text('[[signatory]]\nrole_id = "Kepala BPS Kota Metro"\nrole_en = "Head of BPS Kota Metro"\n'
                                           'name = "Nama Kepala BPS"\n\n[[signatory]]\nrole_id = "Kepala Bappeda Kota Metro"\n'
                                           'role_en = "Head of Bappeda Kota Metro"\n', encoding="utf-8")
    env = {"METRO_POVERTY_STORE_DIR": str(store), "METRO_POVERTY_INTAKE_DIR": str(store / "intake"),
           "METRO_POVERTY_USERS_FILE": str(users), "METRO_POVERTY_BOUNDARIES_DIR": str(boundaries)}
    with app_server(env=env) as base:
        _ISOLATED[base] = store / "records.sqlite"
        yield base


_ISOLATED: dict[str, Path] = {}


def isolated_records(base_url: str) -> Path:
    """The records file of the isolated app at base_url (tests write to it as the app would)."""
    return _ISOLATED[base_url]


# The slow tier: what `make test` runs and `make test-fast` (the daily tier) leaves out. Each entry says why it
# is slow; everything it covers is also run by CI. Modules by file name, single tests by name.
SLOW_MODULES = {
    "test_intake_corpus.py": "the fuzz corpus: hundreds of malformed and bomb files read end to end",
    "test_intake_concurrency.py": "loads in parallel processes, a process killed mid-load",
    "test_app_snapshot.py": "reruns while other processes swap the store file",
    "test_intake_cli.py": "the command line in subprocesses",
    "test_pipeline_cli.py": "the command line in subprocesses",
    "test_pipeline_atomic.py": "a full build per broken input",
    "test_run_tests.py": "runs pytest itself, twice per case",
    "test_portable.py": "every module imported in a fresh interpreter",
    "test_intake_worker.py": "bombs stopped by the worker's limits",
    "test_exports_brief.py": "a PDF per case, with maps",
    "test_intake_load.py": "a batch loaded and the store rebuilt per case",
    "test_intake_templates.py": "a filled template loaded and the store rebuilt per case",
}
SLOW_TESTS = {
    "test_every_indicator_of_every_dimension_opens_in_every_view_at_every_level": "every indicator, level and view of four pages",
    "test_nothing_is_evicted_however_many_are_saved": "thousands of saved records",
    "test_random_scenarios_exercise_transfers_and_targeting_errors": "the engine against the reference on random data",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in SLOW_MODULES or item.originalname in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


BROWSER_MARK = "mark.browser"  # how a module marks its browser tests: `pytestmark = pytest.mark.browser` or a decorator


def pytest_ignore_collect(collection_path, config):
    """In a run of the browser tests alone (`-m browser`, the browser tier of `make test`), a test module whose
    source never names the browser mark is not imported: it holds no browser test, and importing and collecting
    every module cost that tier 12 s of CPU (tests/test_tiers.py checks that the mark is given no other way)."""
    if config.getoption("markexpr", "") != "browser" or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return BROWSER_MARK not in collection_path.read_text(encoding="utf-8")

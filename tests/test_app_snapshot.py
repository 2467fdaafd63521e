"""One snapshot per page: while loads replace the store (a new file, CURRENT swapped), reader processes
keep rerunning every page through the real app.py, and every named query of one rerun reads the same
store file. The readers do see the loads (more than one file is read over the test), so the check is
not vacuous. The builds wait for state (the readers' reruns), never for a fixed time."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from metro_poverty.store.build import build

ROOT = Path(__file__).resolve().parent.parent
READERS, BUILDS = 2, 3

READER = r"""
import json, sys
from pathlib import Path
import streamlit as st
from streamlit.testing.v1 import AppTest
from metro_poverty.ui import cache, pages

out, stop = Path(sys.argv[1]), Path(sys.argv[2])
original = cache._read

def noting(store, name, params):  # every named query notes the store file it read, in its session
    st.session_state.setdefault("_reads", []).append(store)
    return original(store, name, params)

cache._read = noting
at = AppTest.from_file(sys.argv[3], default_timeout=120)
at.run()
while not stop.exists():
    for page in pages.PAGES:
        at.switch_page(page.script)
        at.session_state["_reads"] = []
        at.run()
        line = {"page": page.script, "files": sorted(set(at.session_state["_reads"])), "errors": [str(e.value) for e in at.exception]}
        with out.open("a") as fh:
            fh.write(json.dumps(line) + "\n")
"""


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_every_query_of_a_rerun_reads_one_store_file_while_loads_swap_it(inputs, tmp_path):
    build(inputs)
    env = {**os.environ, "METRO_POVERTY_STORE_DIR": str(inputs.store_dir), "METRO_POVERTY_INTAKE_DIR": str(inputs.intake),
           "METRO_POVERTY_RECORDS_DB": str(tmp_path / "records.sqlite"), "METRO_POVERTY_USERS_FILE": str(tmp_path / "users.toml")}
    stop, logs = tmp_path / "stop", [tmp_path / f"reader-{i}.jsonl" for i in range(READERS)]
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(log), str(stop), str(ROOT / "app.py")], cwd=ROOT, env=env,
                                stderr=subprocess.PIPE, text=True) for log in logs]
    try:
        for _ in range(BUILDS + 1):  # the first round only waits for the readers to start
            before = [len(lines(log)) for log in logs]
            deadline = time.monotonic() + 300
            while any(len(lines(log)) < b + 3 for log, b in zip(logs, before)) and time.monotonic() < deadline:
                assert all(r.poll() is None for r in readers), [r.stderr.read()[-2000:] for r in readers if r.poll() is not None]
                time.sleep(0.1)  # poll: every reader has rerun pages since the last build
            if _ < BUILDS:
                build(inputs)
    finally:
        stop.touch()
        for r in readers:
            r.wait(300)
    reruns = [x for log in logs for x in lines(log)]
    assert [x for x in reruns if x["errors"]] == []
    assert [x for x in reruns if len(x["files"]) > 1] == []
    assert len({f for x in reruns for f in x["files"]}) > 1, "the readers never saw a load: the test checked nothing"
    assert len(reruns) >= READERS * BUILDS * 3

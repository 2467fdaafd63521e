"""Loads while the app reads, and loads that die.

CONCURRENCY: one process loads a large batch (22 kelurahan × 21 years) while reader processes, two
threads each, query the store continuously through metro_poverty.db as the app does (CURRENT resolved
at every query, one read-only connection per store file, a cursor per query). No reader errors, and
every read sees the batch's indicator either without the batch or with all of it, never in between.

WRITERS: two loads started at the same moment take turns (the writers' lock); both arrive.

CRASH: a load is killed (SIGKILL) at a step (after its pending record is written; inside the build
just before CURRENT is swapped). CURRENT and the observations are as before, no batch record exists,
and the next load cleans up what was left (the pending record, an orphan store file) and works.
"""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest
from intake_support import DINKES, EPPGBM_HEADER, EXAMPLE, TEJO_AGUNG, csv_bytes, inputs_with_store, observations, snapshot

from metro_poverty import paths
from metro_poverty.intake import loader
from metro_poverty.store import journal
from metro_poverty.store.batches import read_records
from metro_poverty.intake.choices import Choices
from metro_poverty.store.pointer import current_file

YEARS = range(2000, 2021)  # before the seed's 2021–2024, so no history warning asks for confirmation
READERS, THREADS = 2, 2

READER = r"""
import json, sys, threading, time
from pathlib import Path
from metro_poverty import db

stop, seen, errors, reads = Path(sys.argv[1]), set(), [], [0]

def count():
    return len(db.read("indicator_history_by_level", indicator="stunting_eppgbm", level="kelurahan"))

def work():
    last = False
    while not last:
        last = stop.exists()  # the load has ended before the stop file appears: this read sees its store
        try:
            seen.add(count())
            reads[0] += 1
        except Exception as exc:
            errors.append(repr(exc))
        time.sleep(0.025)  # a busy dashboard, not a benchmark: two cores must also run the load

count()
print("ready", flush=True)
threads = [threading.Thread(target=work) for _ in range(int(sys.argv[2]))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({"seen": sorted(seen), "errors": errors[:5], "reads": reads[0]}), flush=True)
"""

LOADER = r"""
import json, sys
from pathlib import Path
from metro_poverty.intake import loader
from metro_poverty.intake.auth import User
from metro_poverty.intake.choices import Choices
from metro_poverty.store.build import Inputs

root, upload = Path(sys.argv[1]), Path(sys.argv[2])
inputs = Inputs(data_dir=root / "data", boundaries_dir=root / "boundaries", store_dir=root / "store")
out = loader.load(upload.read_bytes(), upload.name, User("dinkes1", "opd", "Dinas Kesehatan"), Choices(aliases=json.loads(sys.argv[3])),
                  inputs=inputs)
print(json.dumps({"status": out.status, "batch": out.batch_id, "problems": [p.message("en") for p in out.problems]}), flush=True)
"""


def python(script, *args, env=None, **kwargs):
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=paths.ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def large_batch() -> bytes:
    """Every kelurahan for 21 years, one row each, with a year column: 462 rows of e-PPGBM counts."""
    seed = (paths.RAW_DIR / "dinkes" / "e-PPGBM_Agustus_2024.csv").read_text(encoding="utf-8").splitlines()[5:]
    kelurahan = [line.split(",")[2] for line in seed if line and line[0].isdigit()]
    rows = [["REKAP e-PPGBM 2000-2020 (uji beban)"], [], ["Tahun"] + EPPGBM_HEADER[2:5]]
    for year in YEARS:
        for i, name in enumerate(kelurahan):
            rows.append([str(year), name, str(500 + i), str(40 + (year + i) % 11)])
    return csv_bytes(rows)


def kelurahan_rows(store_file) -> int:
    with duckdb.connect(str(store_file), read_only=True) as con:
        return con.execute("""select count(*) from observation_labeled
            where indicator_code = 'stunting_eppgbm' and region_level = 'kelurahan'""").fetchone()[0]


@pytest.fixture
def inputs(tmp_path, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path / "root", inputs_factory, schematic_store)


def test_readers_never_see_part_of_a_batch_while_it_loads(inputs, tmp_path):
    upload = tmp_path / "eppgbm_2000_2020.csv"
    upload.write_bytes(large_batch())
    before = kelurahan_rows(current_file(inputs.store_dir))
    stop = tmp_path / "stop"
    env = {"METRO_POVERTY_STORE_DIR": str(inputs.store_dir)}
    readers = [python(READER, stop, THREADS, env=env) for _ in range(READERS)]
    try:
        for r in readers:
            assert r.stdout.readline().strip() == "ready", r.stderr.read()
        load = python(LOADER, inputs.data_dir.parent, upload, "{}")
        out, err = load.communicate(timeout=120)
    finally:
        stop.touch()
    results = [json.loads(r.communicate(timeout=60)[0].strip().splitlines()[-1]) for r in readers]
    done = json.loads(out.strip().splitlines()[-1])
    assert done["status"] == "loaded", (done, err)
    after = kelurahan_rows(current_file(inputs.store_dir))
    assert after == before + len(YEARS) * 22
    assert [r["errors"] for r in results] == [[]] * READERS
    assert all(set(r["seen"]) == {before, after} for r in results), results  # both states seen, nothing in between
    assert min(r["reads"] for r in results) > 10


@pytest.mark.parametrize("step", ["after_record", "before_swap"])
def test_a_load_killed_midway_leaves_the_store_as_before_and_the_next_load_works(inputs, tmp_path, step):
    before = snapshot(inputs)
    aliases = json.dumps({"Kel. Tejo Agungg": TEJO_AGUNG})
    load = python(LOADER, inputs.data_dir.parent, EXAMPLE, aliases, env={loader.PAUSE_ENV: f"{step}:60"})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = load.stderr.readline()
            if line.strip() == f"intake-paused:{step}" or not line:
                break
        assert line.strip() == f"intake-paused:{step}", load.stdout.read()
        assert (inputs.intake / journal.PENDING).is_file()
    finally:
        load.send_signal(signal.SIGKILL)
        load.wait(timeout=30)
    assert load.returncode == -signal.SIGKILL
    after = snapshot(inputs)
    assert (after["current"], after["observations"], read_records(inputs.intake)) == (before["current"], before["observations"], [])
    outcome = loader.load(EXAMPLE.read_bytes(), EXAMPLE.name, DINKES, Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG}), inputs=inputs)
    assert outcome.status == "loaded"
    assert not (inputs.intake / journal.PENDING).exists()
    assert [r.batch_id for r in read_records(inputs.intake)] == [outcome.batch_id]
    stores = sorted(p.name for p in inputs.store_dir.glob("metro-*.duckdb"))
    assert current_file(inputs.store_dir).name == stores[-1] and not list(inputs.store_dir.glob("*.tmp*"))


def test_a_load_killed_after_the_swap_is_completed_by_the_next_writer(inputs):
    """The commit point is CURRENT: a pending load the store already shows is finished, not dropped."""
    from metro_poverty.intake.previewer import confirmed_aliases, preview
    from metro_poverty.store.batches import BatchRecord, new_batch_id, now_iso, store_file
    from metro_poverty.store.build import build

    choices = Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG})
    data = EXAMPLE.read_bytes()
    pv = preview(data, EXAMPLE.name, choices, inputs)
    record = BatchRecord(new_batch_id(pv.sha256), EXAMPLE.name, pv.sha256, "csv", len(data), "dinkes1", "Dinas Kesehatan", now_iso(),
                         pv.choices.to_dict(), confirmed_aliases(pv.choices), pv.counts, {})
    store_file(inputs.intake, record, data)
    journal.begin(inputs.intake, journal.LOAD, record)
    build(inputs, batches=[record])  # swapped; the process "dies" before commit
    loaded = observations(inputs, with_batch=True)
    assert journal.recover(inputs.store_dir, inputs.intake) == "completed"
    assert [r.batch_id for r in read_records(inputs.intake)] == [record.batch_id]
    build(inputs)  # a plain rebuild keeps the batch
    assert observations(inputs, with_batch=True) == loaded


def test_two_loads_at_once_take_turns_and_both_arrive(inputs):
    """Two sessions of the app load at the same moment: the lock makes them take turns, neither is lost."""
    from concurrent.futures import ThreadPoolExecutor

    uploads = [(EXAMPLE.read_bytes(), EXAMPLE.name, Choices(aliases={"Kel. Tejo Agungg": TEJO_AGUNG})), (large_batch(), "beban.csv", Choices())]
    def load(upload):
        outcome = loader.load(*upload[:2], DINKES, upload[2], inputs=inputs)
        if outcome.status == "needs_confirmation":
            # the other load came first, so the example is compared with a longer history and its values are outliers (the example's
            # kelurahan now have 2000-2020): the officer sees the warning, accepts it, loads again
            keys = [r["key"] for r in outcome.preview.report()]
            outcome = loader.load(*upload[:2], DINKES, upload[2], accepted=keys, inputs=inputs)
        return outcome

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(load, uploads))
    assert [o.status for o in outcomes] == ["loaded", "loaded"]
    assert sorted(r.batch_id for r in read_records(inputs.intake)) == sorted(o.batch_id for o in outcomes)
    with duckdb.connect(str(current_file(inputs.store_dir)), read_only=True) as con:
        counts = dict(con.execute("select batch_id, count(*) from observations where batch_id is not null group by 1").fetchall())
    assert counts == {outcomes[0].batch_id: 28, outcomes[1].batch_id: len(YEARS) * (22 + 5 + 1)}

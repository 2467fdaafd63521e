"""The worker process of the intake (metro_poverty.intake.worker): work over its memory or time limit is
stopped and named, a crash is reported, the answer comes back otherwise; and a bomb that the checks
before parsing would refuse is stopped by the worker when read the old way."""

import threading
import time

import pytest
from intake_bombs import merged
from intake_support import EXAMPLE
from worker_support import fail, hog, nap, open_fully

from metro_poverty.intake import worker

SMALL = worker.Limits(seconds=10, memory_mb=150)


@pytest.fixture(scope="module", autouse=True)
def server_started():
    worker.warm(wait=True)  # as the upload page does when an officer signs in


def test_an_answer_within_the_limits_comes_back_with_what_it_took():
    result, usage = worker.run(hog, (20,), SMALL)
    assert (result, usage.hit) == (20, None) and 15 <= usage.memory_mb < 150 and usage.seconds < 10


def test_work_over_the_memory_limit_is_stopped_and_named():
    started = time.monotonic()
    result, usage = worker.run(hog, (2_000,), SMALL)
    assert (result, usage.hit) == (None, "worker_memory") and time.monotonic() - started < 10


def test_work_over_the_time_limit_is_stopped_and_named():
    result, usage = worker.run(nap, (30,), worker.Limits(seconds=1, memory_mb=150))
    assert (result, usage.hit) == (None, "worker_time") and 1 <= usage.seconds < 3


def test_a_worker_that_fails_is_reported_as_such():
    assert worker.run(fail, (), SMALL)[1].hit == "worker_failed"


def test_a_merged_range_bomb_read_the_old_way_is_stopped_by_the_worker_within_its_bounds():
    # openpyxl's full mode grows by tens of MB a second on this bomb: the memory limit stops it first,
    # unless a machine this busy makes it slower than that (then the time limit does)
    started = time.monotonic()
    result, usage = worker.run(open_fully, (merged(),), SMALL)
    assert result is None and usage.hit in ("worker_memory", "worker_time") and time.monotonic() - started < 11


def test_a_refused_preview_names_the_limit_it_hit():
    pv = worker.bounded_preview(EXAMPLE.read_bytes(), EXAMPLE.name, limits=worker.Limits(seconds=0.01, memory_mb=400))
    assert [(p.code, p.fields) for p in pv.problems] == [("worker_time", {"limit": "0.01 s"})]
    assert pv.errors and not pv.ready() and pv.rows.empty
    assert "takes longer than 0.01 s, the limit for one upload" in pv.problems[0].message("en")


def test_the_calling_thread_only_waits_while_the_worker_parses():
    busy = threading.Thread(target=worker.run, args=(nap, (2,), SMALL))
    busy.start()
    started, counted = time.monotonic(), 0
    while busy.is_alive():
        counted += sum(range(1000))  # the server's other sessions
    assert counted > 0 and time.monotonic() - started >= 1.5

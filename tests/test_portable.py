"""Windows has no fcntl: every module of the package imports without it, and the writers' lock still
works (filelock falls back to its portable lock), so the README's steps for a Windows laptop get past
import. The check runs in a fresh interpreter where `import fcntl` fails, as it does on Windows."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WITHOUT_FCNTL = r"""
import importlib, pkgutil, sys, tempfile, pathlib
sys.modules["fcntl"] = None  # `import fcntl` now raises ImportError, as on Windows
import metro_poverty
failed = []
names = [m.name for m in pkgutil.walk_packages(metro_poverty.__path__, "metro_poverty.")]
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {exc!r}")
from metro_poverty.store.lock import writer_lock
with writer_lock(pathlib.Path(tempfile.mkdtemp())):
    pass
print(len(names), "modules")
print("\n".join(failed))
"""


def test_every_module_imports_and_the_lock_works_without_fcntl():
    done = subprocess.run([sys.executable, "-c", WITHOUT_FCNTL], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    count, _, failures = done.stdout.partition("\n")
    assert int(count.split()[0]) > 50 and not failures.strip(), failures


def test_no_module_of_the_package_imports_fcntl():
    users = [str(p.relative_to(ROOT)) for p in (ROOT / "metro_poverty").rglob("*.py") if "import fcntl" in p.read_text(encoding="utf-8")]
    assert users == []


def test_threads_of_one_process_take_turns_under_the_writers_lock(tmp_path):
    """filelock keeps what fcntl.flock gave: two threads of one process contend like two processes."""
    import threading
    import time

    from metro_poverty.store.lock import writer_lock

    inside, overlaps, done = [0], [], []

    def work():
        for _ in range(20):
            with writer_lock(tmp_path, timeout=60):
                inside[0] += 1
                time.sleep(0)  # hand the interpreter to another thread while inside: a broken lock shows here
                if inside[0] > 1:
                    overlaps.append(inside[0])
                inside[0] -= 1
        done.append(1)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert overlaps == [] and len(done) == 8

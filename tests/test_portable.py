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
from metro_poverty.intake.lock import writer_lock
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

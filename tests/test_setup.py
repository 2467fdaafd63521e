"""Set-up a newcomer trusts: a clear message when the Python is too old (scripts/check_python.py)."""

import subprocess
import sys

from metro_poverty.paths import ROOT

CHECK = ROOT / "scripts" / "check_python.py"


def run_as(version: tuple) -> subprocess.CompletedProcess:
    code = f"import sys; sys.version_info = {version!r}; exec(compile(open({str(CHECK)!r}).read(), 'check_python.py', 'exec'))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_a_python_too_old_stops_set_up_with_what_to_install():
    done = run_as((3, 9, 18))
    assert done.returncode == 1
    assert "Python 3.11 or newer is needed; this is Python 3.9.18" in done.stderr and "PYTHON=python3.11" in done.stderr


def test_a_recent_python_passes_silently():
    done = run_as((3, 12, 1))
    assert (done.returncode, done.stderr) == (0, "")

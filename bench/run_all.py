"""`make bench`: every benchmark script, one after the other, each in its own process.

Each writes its table to artifacts/<name>.md; README.md quotes them with the machine they ran on.
Pass --quick for fewer repetitions (and the engine benchmark without the 25-million scale).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["bench_app.py", "bench_warmup.py", "bench_pages.py", "bench_page_cost.py", "bench_engine.py", "bench_exports.py", "bench_crowd.py"]


def main() -> int:
    extra = [a for a in sys.argv[1:] if a == "--quick"]
    failed = []
    for name in SCRIPTS:
        script = HERE / name
        if not script.exists():
            continue
        print(f"\n=== {name} ===", flush=True)
        if subprocess.run([sys.executable, str(script), *extra], cwd=HERE.parent).returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

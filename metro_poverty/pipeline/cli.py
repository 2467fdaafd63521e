"""`python -m metro_poverty.pipeline.cli build [--if-stale] [--lang id|en]`: build the store from data/.

Exits non-zero with the list of problems (file, row, column) when a check fails; the previous store
stays in use.
"""

from __future__ import annotations

import argparse
import sys

from metro_poverty.i18n import t
from metro_poverty.store import pointer
from metro_poverty.store.build import Inputs, build, is_stale
from metro_poverty.problems import BuildFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="metro_poverty.pipeline.cli")
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--if-stale", action="store_true", help="build only when inputs changed")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    args = parser.parse_args(argv)
    inputs = Inputs()
    if args.if_stale and not is_stale(inputs):
        print(t("pipeline.cli.up_to_date", args.lang, path=inputs.store_dir / pointer.read(inputs.store_dir)["file"]))
        return 0
    try:
        result = build(inputs, args.lang)
    except BuildFailed as exc:
        print(t("pipeline.cli.failed", args.lang), file=sys.stderr)
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    if result.warnings:
        print(t("pipeline.cli.warnings", args.lang))
        for w in result.warnings:
            print("  " + w.message(args.lang))
    print(t("pipeline.cli.built", args.lang, path=result.path, n_obs=result.n_observations, maps=result.map_kind,
            seconds=f"{result.seconds:.1f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

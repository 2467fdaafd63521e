"""The records file from the command line:

    python -m metro_poverty.records.cli check              # exit 0 when sound, 1 with the reason when not
    python -m metro_poverty.records.cli backup             # a copy now, in records-backups/
    python -m metro_poverty.records.cli backups            # the copies there are, oldest first
    python -m metro_poverty.records.cli restore BACKUP     # put a copy back (the replaced file is kept, renamed)

$METRO_POVERTY_RECORDS_DB names the file (default <store>/records.sqlite); --lang en for English.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from metro_poverty.i18n import t
from metro_poverty.records import backup, database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metro_poverty.records.cli", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    sub.add_parser("backup")
    sub.add_parser("backups")
    restore = sub.add_parser("restore")
    restore.add_argument("backup", type=Path)
    args = parser.parse_args(argv)
    path = database.default_path()
    if args.command == "restore":
        try:
            aside = backup.restore(path, args.backup)
        except (ValueError, OSError) as exc:
            print(t("records.cli.restore_failed", args.lang, backup=str(args.backup), detail=str(exc)), file=sys.stderr)
            return 1
        print(t("records.cli.restored", args.lang, backup=str(args.backup), path=str(path), aside=str(aside or "–")))
        return 0
    if args.command == "backups":
        print("\n".join(str(p) for p in backup.all_backups(path)))
        return 0
    try:
        database.forget_checks()
        database.open_checked(path).close()
    except database.RecordsDamaged as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    if args.command == "backup":
        print(backup.make(path, "manual"))
    else:
        print(t("records.cli.sound", args.lang, path=str(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m metro_poverty.intake.cli [--lang id|en] COMMAND`: OPD data intake from the command line,
through the same functions the upload page calls.

    preview FILE [reading options]               what the file would load, and the report
    load FILE --user U --status S [reading options] [--accept-warnings]
    rollback BATCH_ID --user U
    batches                                      the history of loads and rollbacks
    template INDICATOR OUT.xlsx [--level L] [--period Y]
    adduser USERNAME --role admin|opd|fgd_secretary|planner [--opd "Dinas Kesehatan"] [--email ADDRESS]

Reading options: --sheet, --header-row N, --header-rows N, --indicator CODE (repeatable), --period YEAR,
--region-column C, --level kelurahan|kecamatan|city, --decimal , or . (every number column),
--column-decimal "COLUMN=," (one column, repeatable), --sep, --encoding utf-8|utf-16|cp1252,
--percent fraction|percent, --alias "TEXT=CODE" (repeatable), --map "COLUMN=indicator:role:unit"
(repeatable; the page's column mapping says the same, and a load remembers it for the OPD's next file
of the same shape), --source SOURCE_ID, --status official|provisional|illustrative.

`load` needs --status, as the page asks what a file holds: provisional (an OPD's own data; without --source,
the source opd_upload), illustrative (made-up data; without --source, the source opd_upload_illustrative, as
on the page: never the source of earlier files, which may be the demo's) or official (a released figure, with
--source naming its publication).

The password is asked without echo, or read from $METRO_POVERTY_INTAKE_PASSWORD (scripts and tests),
under the page's delay and lockout (metro_poverty.records.attempts).
Exit codes: 0 done (or duplicate), 1 errors, 2 warnings to confirm, 3 not allowed, 4 busy.
"""

from __future__ import annotations

import argparse
import getpass
import math
import os
import sys
from pathlib import Path

from metro_poverty.i18n import t
from metro_poverty.intake import auth, loader as loading, mapping, read, report, steps, templates
from metro_poverty.intake.choices import UPLOAD_SOURCES, Choices
from metro_poverty.intake.previewer import Preview
from metro_poverty.intake.worker import bounded_preview

PASSWORD_ENV = "METRO_POVERTY_INTAKE_PASSWORD"
EXIT = {loading.LOADED: 0, loading.DUPLICATE: 0, loading.ROLLED_BACK: 0, loading.NEEDS_CONFIRMATION: 2, loading.DENIED: 3, loading.BUSY: 4}
MAX_ROWS_SHOWN = 40


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    # --lang before or after the command; the command's copy must not overwrite the first with a default
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="metro_poverty.intake.cli")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("preview", parents=[common])
    _reading_options(p)
    p.set_defaults(run=_preview)
    p = sub.add_parser("load", parents=[common])
    _reading_options(p)
    p.add_argument("--user", required=True)
    p.add_argument("--accept-warnings", action="store_true")
    p.set_defaults(run=_load)
    p = sub.add_parser("rollback", parents=[common])
    p.add_argument("batch_id")
    p.add_argument("--user", required=True)
    p.set_defaults(run=_rollback)
    p = sub.add_parser("batches", parents=[common])
    p.set_defaults(run=_batches)
    p = sub.add_parser("template", parents=[common])
    p.add_argument("indicator")
    p.add_argument("out", type=Path)
    p.add_argument("--level", choices=["kelurahan", "kecamatan", "city"])
    p.add_argument("--period", type=int)
    p.set_defaults(run=_template)
    p = sub.add_parser("adduser", parents=[common])
    p.add_argument("username")
    p.add_argument("--role", choices=list(auth.ROLES), required=True)
    p.add_argument("--opd", default="")
    p.add_argument("--email", default="", help="the address an identity provider signs this user in with (st.login)")
    p.set_defaults(run=_adduser)
    return parser


def _reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--sheet")
    p.add_argument("--header-row", type=int)
    p.add_argument("--header-rows", type=int)
    p.add_argument("--indicator", action="append", default=[])
    p.add_argument("--period", type=int)
    p.add_argument("--region-column")
    p.add_argument("--level", choices=["kelurahan", "kecamatan", "city"])
    p.add_argument("--decimal", choices=[",", "."])
    p.add_argument("--column-decimal", action="append", default=[], metavar="COLUMN=MARK")
    p.add_argument("--sep")
    p.add_argument("--encoding", choices=["utf-8", "utf-16", "cp1252"])
    p.add_argument("--percent", choices=["percent", "fraction"])
    p.add_argument("--alias", action="append", default=[], metavar="TEXT=CODE")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=indicator:role:unit")
    p.add_argument("--source")
    p.add_argument("--status", choices=["official", "provisional", "illustrative"])


def choices_from(args) -> Choices:
    """The reading options as choices; raises mapping.BadMapping for a --map that says no meaning.
    A status said without --source gets the page's source for it (an OPD's upload, provisional or illustrative)."""
    measures = tuple(mapping.parse_map(spec) for spec in args.map) if args.map else None
    aliases = dict(a.split("=", 1) for a in args.alias if "=" in a)
    column_decimals = dict(c.rsplit("=", 1) for c in args.column_decimal if "=" in c)
    return Choices(sheet=args.sheet, header_row=args.header_row, header_rows=args.header_rows, indicators=tuple(args.indicator),
                   measures=measures, period=args.period, region_column=args.region_column, region_level=args.level,
                   decimal=args.decimal, column_decimals=column_decimals, sep=args.sep, encoding=args.encoding,
                   percent_rule=args.percent, aliases=aliases,
                   source_id=args.source or UPLOAD_SOURCES.get(args.status), status=args.status)


def _choices(args) -> Choices | None:
    try:
        return choices_from(args)
    except mapping.BadMapping as exc:
        print(t(f"intake.mapping.{exc.code}", args.lang, text=exc.text, roles=", ".join(mapping.ROLES)), file=sys.stderr)
        return None


def _read_file(path: Path, lang: str) -> bytes | None:
    try:
        read.check_size(path.stat().st_size, path.name)  # before reading a byte of it
        return path.read_bytes()
    except read.RawReadError as exc:
        print(exc.problem.message(lang), file=sys.stderr)
    except OSError:
        print(t("intake.cli.unreadable_file", lang, path=path), file=sys.stderr)
    return None


def _preview(args) -> int:
    data, choices = _read_file(args.file, args.lang), _choices(args)
    if data is None or choices is None:
        return 1
    pv = bounded_preview(data, args.file.name, choices)
    show(pv, args.lang)
    return 1 if pv.errors else (2 if pv.warnings else 0)


def show(pv: Preview, lang: str) -> None:
    print(t("intake.cli.file", lang, name=pv.file_name, size=pv.size_bytes, kind=pv.kind or "?"))
    if pv.notes:
        print(t("intake.cli.notes", lang))
        for text in pv.note_texts(lang):
            print("  " + text)
    if len(pv.rows):
        print(t("intake.cli.rows", lang, n=len(pv.rows)))
        shown = pv.rows.head(MAX_ROWS_SHOWN)[["line", "region_name", "indicator_code", "period", "value", "numerator", "denominator"]]
        print(shown.to_string(index=False))
    print(t("intake.cli.problems", lang))
    rows = pv.report(lang)
    for r in rows:
        print(f"  [{r['key']}] {r['message']}")
    if not rows:
        print("  " + t("intake.cli.no_problems", lang))
    if pv.suggestions:
        print(t("intake.cli.suggestions", lang))
        for s in pv.suggestions:
            key = "intake.cli.suggestion" if s.region_code else "intake.cli.no_suggestion"
            print(t(key, lang, row=s.row, text=s.text, name=s.region_name, code=s.region_code))


def _password(prompt_key: str, lang: str) -> str:
    return os.environ.get(PASSWORD_ENV) or getpass.getpass(t(prompt_key, lang))


def _client() -> str:
    """The CLI's client for the lockout: the operating-system account (the page uses the browser's address)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _sign_in(username: str, lang: str) -> auth.User | None:
    """The page's sign-in rules for the CLI too: the same delay and lockout per user name and per client, so
    a script cannot guess passwords faster than a browser can."""
    from metro_poverty.records.sql import RecordsDamaged

    try:
        if not auth.sign_in_available():  # say so before asking for a password nobody could check
            raise auth.SignInUnavailable("no_users_file", auth.users_file())
        outcome = auth.sign_in(username, _password("intake.auth.password_prompt", lang), _client())
    except (auth.SignInUnavailable, RecordsDamaged) as exc:
        print(exc.message(lang), file=sys.stderr)
        return None
    except (EOFError, KeyboardInterrupt):
        return None
    if outcome.locked:
        print(t("signin.locked", lang, minutes=max(1, math.ceil(outcome.wait_seconds / 60))), file=sys.stderr)
    elif outcome.user is None:
        wait = f" {t('signin.wait', lang, seconds=math.ceil(outcome.wait_seconds))}" if outcome.wait_seconds > 0 else ""
        print(t("intake.auth.wrong_credentials", lang) + wait, file=sys.stderr)
    return outcome.user


def _load(args) -> int:
    if args.status is None:  # what the file holds is said, never taken from an earlier file (maybe the demo's)
        print(t("intake.cli.status_required", args.lang), file=sys.stderr)
        return 1
    data, choices = _read_file(args.file, args.lang), _choices(args)
    if data is None or choices is None:
        return 1
    user = _sign_in(args.user, args.lang)
    if user is None:
        return 3
    accepted = [report.problem_key(w) for w in bounded_preview(data, args.file.name, choices, user=user).warnings] if args.accept_warnings else []
    outcome = loading.load(data, args.file.name, user, choices, accepted)
    if outcome.preview is not None and not outcome.ok:
        show(outcome.preview, args.lang)
    elif outcome.problems:
        for p in outcome.problems:
            print("  " + p.message(args.lang), file=sys.stderr)
    print(outcome.message(args.lang))
    if outcome.status == loading.NEEDS_CONFIRMATION:
        print(t("intake.cli.accept_hint", args.lang))
    return EXIT.get(outcome.status, 1)


def _rollback(args) -> int:
    user = _sign_in(args.user, args.lang)
    if user is None:
        return 3
    outcome = loading.rollback(args.batch_id, user)
    for p in outcome.problems:
        print("  " + p.message(args.lang), file=sys.stderr)
    print(outcome.message(args.lang))
    return EXIT.get(outcome.status, 1)


def _batches(args) -> int:
    records = loading.history()
    print(t("intake.cli.batches", args.lang) if records else t("intake.cli.no_batches", args.lang))
    for r in records:
        rolled = f" ← {r.rolled_back_by} {r.rolled_back_at}" if not r.active else ""
        print(f"  {r.batch_id}  {r.status:<11} {r.loaded_at}  {r.uploader} ({r.opd})  «{steps.display_name(r.file_name)}»  "
              f"{', '.join(Choices.from_dict(r.choices).indicator_codes)}  n={r.counts.get('observations', 0)}{rolled}")
    return 0


def _template(args) -> int:
    try:
        templates.write_template(args.indicator, args.out, args.level, args.period)
    except KeyError:
        print(t("intake.cli.unknown_indicator", args.lang, code=args.indicator), file=sys.stderr)
        return 1
    print(t("intake.cli.template_written", args.lang, path=args.out))
    return 0


def _adduser(args) -> int:
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        try:
            password = getpass.getpass(t("intake.auth.password_prompt", args.lang))
            again = getpass.getpass(t("intake.auth.password_again", args.lang))
        except (EOFError, KeyboardInterrupt):
            return 1
        if again != password:
            print(t("intake.auth.passwords_differ", args.lang), file=sys.stderr)
            return 1
    try:
        user = auth.add_user(args.username, password, args.role, args.opd, email=args.email)
    except auth.BadUser as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    print(t("intake.auth.user_added", args.lang, username=user.username, role=user.role, opd=user.opd))
    return 0


if __name__ == "__main__":
    sys.exit(main())

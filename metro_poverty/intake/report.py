"""The validation report of an upload: every problem where it is (sheet, row, column), what was found and
what was expected, in either language, and which warnings the uploader has accepted.

Errors block a load. Warnings block it too until the uploader accepts them: each warning has a key
(stable for the same file read the same way) that the caller passes back to load().
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable
from dataclasses import replace

from metro_poverty.i18n import t
from metro_poverty.problems import ERROR, WARNING, Num, Problem


RULES = ("encoding", "separator", "decimal", "header", "percent", "period")
CAP = 500  # problems listed one by one; the rest are counted


def reading_rules(lang: str = "id") -> list[str]:
    """The rules that fill in what the uploader did not say (intake.detect, .percent, .layout), to show beside a preview."""
    return [t(f"intake.rule.{rule}", lang) for rule in RULES]


def problem_key(p: Problem) -> str:
    parts = [p.code, p.sheet, p.row, p.column, p.found("en"), sorted((k, str(v.text("en") if isinstance(v, Num) else v)) for k, v in p.fields.items())]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:12]


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def unaccepted(problems: Iterable[Problem], accepted: Collection[str]) -> list[Problem]:
    """Warnings whose key is not among those accepted."""
    accepted = set(accepted)
    return [p for p in warnings(problems) if problem_key(p) not in accepted]


def row(p: Problem, lang: str = "id", names: dict[str, dict[str, str]] | None = None) -> dict:
    """One problem as a table row for the page (to show as text, never as markup). `names`: indicator codes to
    their short names by language, so a message says 'Stunting (e-PPGBM)', not 'stunting_eppgbm'. The key is the
    problem's own, whatever the language or the names: it is what load() is given back."""
    code = p.fields.get("indicator")
    shown = replace(p, fields={**p.fields, "indicator": names[code].get(lang) or code}) if names and code in names else p
    return {"severity": t(f"pipeline.severity.{p.severity}", lang), "level": p.severity, "code": p.code, "sheet": p.sheet or "", "row": p.row,
            "column": p.column or "", "found": shown.found(lang),
            "expected": shown.body(lang), "message": shown.message(lang), "key": problem_key(p)}


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Errors first, then warnings, each in file order (within a row, in the order they were found:
    the columns left to right, then what the row as a whole lacks)."""
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.sheet or "", p.row or 0))


def capped(problems: list[Problem], file: str, cap: int = CAP) -> list[Problem]:
    """Every problem, up to `cap` of them; the rest counted in one more (an error when any of them is)."""
    if len(problems) <= cap:
        return problems
    problems = ordered(problems)
    kept, rest = problems[:cap], problems[cap:]
    severity = ERROR if errors(rest) else WARNING
    return kept + [Problem("more_problems", file, value=str(len(rest)), severity=severity,
                           fields={"n": len(rest), "errors": len(errors(rest)), "cap": cap})]


def rows(problems: Iterable[Problem], lang: str = "id", names: dict[str, dict[str, str]] | None = None) -> list[dict]:
    """Errors first, then warnings, each in file order."""
    return [row(p, lang, names) for p in ordered(problems)]


def as_record(problems: Iterable[Problem], accepted: Collection[str]) -> dict:
    """What a batch record keeps of its report: every problem (both languages) and the accepted keys."""
    return {"problems": [row(p, "id") | {"message_en": p.message("en")} for p in problems], "accepted_warnings": sorted(accepted)}

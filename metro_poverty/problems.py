"""A problem found in an input: where (file, sheet, row, column), what was found, what was expected.
The one problem type of the project: OPD files (pipeline, intake) and household files (microdata)
report through it; `texts` names the section of the texts that words its code.

Rows are numbered as a person sees them in a spreadsheet or text editor (1-based, title rows counted),
so a data officer can go straight to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from metro_poverty import numfmt
from metro_poverty.i18n import t

ERROR = "error"
WARNING = "warning"
SHOWN_PER_KIND = 5  # rows listed for one problem in one column by limit_per_kind; the rest are counted


@dataclass(frozen=True)
class Num:
    """A number in a problem's text, written in the reader's language when the message is made (4,92 in
    Indonesian, 4.92 in English): a value the check computed, never a cell the officer wrote."""
    value: float
    decimals: int = 2
    signed: bool = False
    unit: str = ""  # written after the number ("%")

    def text(self, lang: str) -> str:
        return (numfmt.signed if self.signed else numfmt.number)(self.value, self.decimals, lang) + self.unit

    @classmethod
    def needed(cls, value, signed: bool = False, unit: str = "") -> "Num":
        """`value` with as many decimals as it needs (at most 4): 14.669 and 3,28, not 14669 and 3.28 in Indonesian."""
        decimals = next(d for d in range(5) if round(float(value), d) == round(float(value), 4))
        return cls(float(value), decimals, signed, unit)


def as_found(cell) -> "str | Num":
    """A refused cell as the officer sees it in the sheet: a typed number in the reader's language (Excel's -5%
    and 112%, not «-5.0» and «112.00000000000001»), text as written."""
    from metro_poverty.numbers import Percent

    if isinstance(cell, bool) or not isinstance(cell, (int, float)) or cell != cell:
        return str(cell)[:60]
    return Num.needed(cell, unit="%" if isinstance(cell, Percent) else "")


def _shown(value, lang: str):
    return value.text(lang) if isinstance(value, Num) else value


@dataclass(frozen=True)
class Problem:
    code: str  # a key under `texts` (pipeline.problem.* unless said)
    file: str
    row: int | None = None
    column: str | None = None
    value: str | Num | None = None  # what was found: the cell as written, or a computed Num
    severity: str = ERROR
    fields: dict = field(default_factory=dict, hash=False, compare=False)
    sheet: str | None = None
    texts: str = "pipeline.problem"

    def found(self, lang: str = "id") -> str:
        """What was found, as shown to a reader ('' when nothing): the cell as written, or a computed number."""
        return "" if self.value is None else str(_shown(self.value, lang))

    def body(self, lang: str = "id") -> str:
        """What is wrong and what was expected, without where: the text of the problem's code."""
        return t(f"{self.texts}.{self.code}", lang, **{k: _shown(v, lang) for k, v in self.fields.items()})

    def message(self, lang: str = "id") -> str:
        where = [t("pipeline.where.file", lang, file=self.file)]
        if self.sheet:
            where.append(t("pipeline.where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            where.append(t("pipeline.where.row", lang, row=self.row))
        if self.column:
            where.append(t("pipeline.where.column", lang, column=self.column))
        found = "" if self.value is None else t("pipeline.where.found", lang, value=_short(_shown(self.value, lang)))
        body = self.body(lang)
        kind = t(f"pipeline.severity.{self.severity}", lang)
        return f"{kind}: {', '.join(where)}: {body}{found}"


def _short(value: str, limit: int = 60) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class BuildFailed(Exception):
    """Raised with every error found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")

    def report(self, lang: str = "id") -> str:
        return "\n".join(p.message(lang) for p in self.problems)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def limit_per_kind(problems: list[Problem], shown: int = SHOWN_PER_KIND) -> list[Problem]:
    """The first `shown` problems of each (code, column), then one 'more_rows' problem counting the others."""
    kept: list[Problem] = []
    hidden: dict[tuple[str, str | None], int] = {}
    seen: dict[tuple[str, str | None], int] = {}
    for problem in problems:
        key = (problem.code, problem.column)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= shown:
            kept.append(problem)
        else:
            hidden[key] = hidden.get(key, 0) + 1
    for (code, column), count in hidden.items():
        first = next(p for p in problems if p.code == code and p.column == column)
        kept.append(Problem("more_rows", first.file, column=column, fields={"count": count}, texts=first.texts))
    return kept

"""A problem found in a household file, told as a data officer needs it: where, what, what was expected.

Rows are numbered as a person sees them: in a CSV the header is line 1, so the first household is
row 2; in a Parquet file the first household is row 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from metro_poverty.i18n import t

SHOWN_PER_KIND = 5  # rows listed for one problem in one column; the rest are counted


@dataclass(frozen=True)
class LoaderProblem:
    code: str  # a key under engine.loader.problem.* in metro_poverty/texts/engine.toml
    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    fields: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "id") -> str:
        where = [t("engine.loader.where.file", lang, file=self.file)]
        if self.row is not None:
            where.append(t("engine.loader.where.row", lang, row=self.row))
        if self.column:
            where.append(t("engine.loader.where.column", lang, column=self.column))
        found = "" if self.value is None else t("engine.loader.where.found", lang, value=_short(self.value))
        return f"{', '.join(where)}: {t(f'engine.loader.problem.{self.code}', lang, **self.fields)}{found}"


def _short(value, limit: int = 60) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HouseholdFileError(Exception):
    """The household file cannot be used; carries every problem found, so one run reports them all."""

    def __init__(self, problems: list[LoaderProblem]):
        self.problems = problems
        super().__init__(self.report("en"))

    def report(self, lang: str = "id") -> str:
        heading = t("engine.loader.heading", lang, count=len(self.problems))
        return "\n".join([heading, *("- " + p.message(lang) for p in self.problems)])


def limit_per_kind(problems: list[LoaderProblem], shown: int = SHOWN_PER_KIND) -> list[LoaderProblem]:
    """The first `shown` problems of each (code, column), then one line counting the others."""
    kept: list[LoaderProblem] = []
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
        file = next(p.file for p in problems if p.code == code and p.column == column)
        kept.append(LoaderProblem("more_rows", file, column=column, fields={"count": count}))
    return kept

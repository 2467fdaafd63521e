"""Problems of a household file, in the project's one problem type (metro_poverty.problems), worded by
the texts under engine.loader.problem.

Rows are numbered as a person sees them: in a CSV the header is line 1, so the first household is
row 2; in a Parquet file the first household is row 1.
"""

from __future__ import annotations

from metro_poverty.i18n import t
from metro_poverty.problems import Problem, limit_per_kind

__all__ = ["HouseholdFileError", "household_problem", "limit_per_kind"]

TEXTS = "engine.loader.problem"


def household_problem(code: str, file: str, row: int | None = None, column: str | None = None, value: str | None = None,
                      fields: dict | None = None) -> Problem:
    return Problem(code, file, row=row, column=column, value=value, fields=fields or {}, texts=TEXTS)


class HouseholdFileError(Exception):
    """The household file cannot be used; carries every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report("en"))

    def report(self, lang: str = "id") -> str:
        heading = t("engine.loader.heading", lang, count=len(self.problems))
        return "\n".join([heading, *("- " + p.message(lang) for p in self.problems)])

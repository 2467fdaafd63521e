"""OPD data intake: uploaded files become batches that every store build replays after the seed data.

The upload page and the CLI (python -m metro_poverty.intake.cli) call the same functions:

    preview(data, file_name, choices=None, inputs=None, user=None) -> Preview     (writes nothing; in this process)
    bounded_preview(...same...) -> Preview        (the same in a worker process with time and memory limits:
                                                   what the page, the CLI and load() use)
    load(data, file_name, user, choices=None, accepted=(), inputs=None) -> Outcome
    rollback(batch_id, user, inputs=None) -> Outcome
    history(inputs=None) -> list[BatchRecord]
    authenticate(username, password) -> User | None    (raises SignInUnavailable without a users file)
    can_load(user, indicator) -> bool, can_rollback(user, batch) -> bool
    write_template(indicator, out, level=None, period=None), template_bytes(indicator) -> bytes
    reading_rules(lang) -> list[str]                   (the stated detection rules, to show beside a preview)

One module per idea: detect (the stated reading rules), archive (what a workbook declares, checked before
it is opened), read (bytes -> rows, limits), layout (what the columns mean), columns (numbers read by a
rule per column), percent (percentage rule), steps (validate + harmonize, shared with the build), checks
(warnings against plausible ranges and history), report (problem rows, accepted warnings), templates,
auth; then, above the store (metro_poverty.store: batches, journal, lock, build), previewer, worker (a
preview in a process with limits), loader (load and rollback) and cli.

Names are imported lazily: the store imports the reading modules, and loader imports the store.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Choices": "choices", "Preview": "previewer", "Suggestion": "previewer", "preview": "previewer", "bounded_preview": "worker",
    "Outcome": "loader", "load": "loader", "rollback": "loader", "history": "loader",
    "User": "auth", "SignInUnavailable": "auth", "authenticate": "auth",
    "can_load": "auth", "can_rollback": "auth", "sign_in_available": "auth", "add_user": "auth",
    "write_template": "templates", "template_bytes": "templates", "problem_key": "report", "reading_rules": "report",
}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"metro_poverty.intake.{_EXPORTS[name]}"), name)


__all__ = sorted(_EXPORTS)

"""What a file would load, without writing anything: the rows harmonized with region names, the choices
used to read it (detected where not given), the report, and the near-miss region names to confirm.

preview() never raises: whatever the bytes are, the answer is a Preview whose problems say what is
wrong. The store is only read (its history of the same figures, for the warnings of intake.checks).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from collections.abc import Collection
from dataclasses import dataclass, field, replace

import pandas as pd

from metro_poverty import db
from metro_poverty.source_text import localized
from metro_poverty.i18n import t
from metro_poverty.intake import (archive, auth, checks, columns, detect, layout, mapping, read, record_files, region_notes, report, steps,
                                  templates)
from metro_poverty.store import batches
from metro_poverty.intake.choices import Choices
from metro_poverty.store.pointer import current_file
from metro_poverty.intake.layout import Note
from metro_poverty.store.build import Inputs
from metro_poverty.pipeline.harmonize import AS_DELIVERED
from metro_poverty.pipeline.manifest import STATUSES
from metro_poverty.problems import WARNING, Problem
from metro_poverty.pipeline.raw import RawReadError
from metro_poverty.pipeline.reference import Reference, load_reference
from metro_poverty.regions import RegionResolver, code_key

# Errors that leave the meaning of the columns open: until they are settled no cell is read. Every other
# problem is found cell by cell, all in one pass.
UNSETTLED = {"columns_unmapped", "no_region_column", "bad_level", "no_period", "period_conflict", "ambiguous_number", "unknown_indicator",
             "no_source", "unknown_source", "bad_status"}
ROW_COLUMNS = ["line", "region_code", "region_name", "indicator_code", "period", "series", "value", "numerator", "denominator", "unit"]


@dataclass(frozen=True)
class Suggestion:
    """A region name the file writes that is not known at its level, and one of the closest known ones (if any)."""

    text: str
    level: str
    row: int | None
    region_code: str | None
    region_name: str | None


@dataclass
class Preview:
    file_name: str
    sha256: str
    size_bytes: int
    choices: Choices
    problems: list[Problem] = field(default_factory=list)
    rows: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ROW_COLUMNS))
    suggestions: list[Suggestion] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    kind: str | None = None  # csv | xlsx
    sheets: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    number_columns: list[str] = field(default_factory=list)  # the columns that may hold a figure (not names, not 'No')
    counts: dict = field(default_factory=dict)
    usage: object = None  # intake.worker.Usage of a bounded preview: time, memory, the limit hit
    indicator_names: dict = field(default_factory=dict)  # code -> {"id": short name, "en": …} for the report's messages
    region_texts: frozenset = frozenset()  # the region names as the file writes them (which confirmed spellings it uses)

    @property
    def errors(self) -> list[Problem]:
        return report.errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return report.warnings(self.problems)

    def unaccepted(self, accepted: Collection[str] = ()) -> list[Problem]:
        return report.unaccepted(self.problems, accepted)

    def ready(self, accepted: Collection[str] = ()) -> bool:
        """No error, and every warning accepted: load() would go ahead."""
        return not self.errors and not self.unaccepted(accepted)

    def report(self, lang: str = "id") -> list[dict]:
        return report.rows(self.problems, lang, self.indicator_names)

    def note_texts(self, lang: str = "id") -> list[str]:
        return [t(text_id, lang, **_in_language(fields, lang, self.indicator_names)) for text_id, fields in self.notes]


def _in_language(fields: dict, lang: str, names: dict | None = None) -> dict:
    """A note's status, source and indicator in the reader's words: 'Ilustrasi', not 'illustrative'; 'Stunting
    (e-PPGBM)', not 'stunting_eppgbm'."""
    out = dict(fields)
    if names and out.get("indicator") in names:
        out["indicator"] = names[out["indicator"]].get(lang) or out["indicator"]
    if out.get("status") in STATUSES:
        out["status"] = t(f"status_short.{out['status']}", lang)
    if isinstance(out.get("source"), str):
        out["source"] = localized(out["source"], lang)
    return out


def preview(data: bytes, file_name: str, choices: Choices | None = None, inputs: Inputs | None = None,
            user: auth.User | None = None, history: pd.DataFrame | None = None) -> Preview:
    """Read, validate and harmonize an upload as a load would; write nothing. `history`: the store's
    values (store_history), when the caller has read them already; else they are read here."""
    choices = choices or Choices()
    name = steps.display_name(file_name)
    out = Preview(name, hashlib.sha256(data).hexdigest(), len(data), choices)
    try:
        _fill(out, data, file_name, choices, inputs or Inputs(), user, history)
    except Exception as exc:  # noqa: BLE001 - the page and the CLI get a report, never a traceback
        out.problems.append(Problem("internal_error", name, value=type(exc).__name__))
    # a duplicate row is found once per number it holds; equal texts at different cells or of different fields stay
    out.problems = report.capped(report.ordered({report.problem_key(p): p for p in out.problems}.values()), name)
    return out


def _read_columns(ch: Choices) -> set[str]:
    """The columns a load takes values from: each mapped figure, the region, the year and what splits the rows."""
    named = {m.column for m in ch.measures or () if m.column}
    return named | {c for c in (ch.region_column, ch.year_column, ch.split_column, ch.series_column) if c}


def _fill(out: Preview, data: bytes, file_name: str, choices: Choices, inputs: Inputs, user: auth.User | None,
          history: pd.DataFrame | None) -> None:
    name = out.file_name
    ref = load_reference(inputs.reference_dir)
    out.indicator_names = {r.code: {"id": r.short_id, "en": r.short_en} for r in ref.catalogue.itertuples()}
    records = batches.read_records(inputs.intake)
    ref.aliases = pd.concat([ref.aliases, batches.aliases(inputs.intake, records)], ignore_index=True)
    try:
        sheet = read.read_sheet(data, name, choices)
    except RawReadError as exc:
        out.problems.append(exc.problem)
        if not isinstance(exc, archive.Refused):  # a refused archive is not read twice (its check is the costly part)
            out.sheets = read.sheet_names(data)  # choose_sheet, unknown_sheet: the page offers these
        return
    out.problems += sheet.problems
    try:
        if sheet.template and choices.header_row is None:
            choices = choices.but(header_row=sheet.template.get("header_row"), header_rows=1)
        table, start, n = read.table(sheet, name, choices)
    except RawReadError as exc:
        out.problems.append(exc.problem)
        return
    personal = record_files.personal_numbers(table)
    if personal:  # a list of persons or families: nothing more of it is read, and no value of it is repeated
        out.problems += personal
        return
    out.kind, out.sheets, out.columns = sheet.kind, sheet.sheets, table.columns
    out.number_columns = layout.number_columns(table)
    out.problems += read.wider_rows(sheet, table) + read.hidden_rows(sheet, table)
    out.notes += _reading_notes(sheet, start, n)
    layouts = layout.manifest_layouts(inputs.raw_dir) + [Choices.from_dict(r.choices) for r in records if r.active]
    if len(choices.indicators) == 1:  # a template whose hidden sheet was lost still has the template's columns
        layouts += [lay for lay in [templates.template_layout(choices.indicators[0], inputs.reference_dir)] if lay is not None]
    given = choices.but(sheet=sheet.sheet, encoding=sheet.encoding, sep=sheet.sep, header_row=start + 1, header_rows=n)
    ch, found, notes = layout.complete(given, table, sheet.rows[:start], file_name, ref.resolver, layouts, sheet.template,
                                       _remembered(inputs, user, table.columns, records))
    per_record = record_files.rows_per_region(table, ch.region_column)
    if per_record:  # a row per family or person: not a table to map or read as figures (thousands of duplicate rows)
        out.problems += per_record
        out.columns, out.number_columns = [], []
        return
    out.problems += found
    out.notes += notes
    evidence = _evidence(ch, table, sheet, out)
    ch = _source(ch, ref, layouts, out)
    out.problems += _title_says_made_up(sheet.rows[:start], ch, out.file_name)
    if choices.source_id is None and ch.source_id is not None:
        titles = dict(zip(ref.sources.source_id, ref.sources.title))
        out.notes.append(("intake.note.source", {"source": titles.get(ch.source_id, ch.source_id), "status": ch.status}))
    _check_measures(ch, ref, out, user, inputs)
    if not _blocked(out.problems):
        ch, found, notes = columns.decide(ch, table, ref, evidence)
        out.problems += found
        out.notes += notes
    resolver = _with_confirmed(ch, ref, out)
    out.choices = ch
    out.problems += read.hidden_columns(sheet, table, _read_columns(ch))
    if _blocked(out.problems):
        return  # what the columns mean is not settled: no cell can be read yet
    recs, obs, found = steps.harmonized(table, ch, ref, resolver)
    out.region_texts = frozenset(str(w).strip() for w in recs.get("region_raw", pd.Series(dtype=object)).dropna())
    # a row whose count is a formula without a saved result was also told 'numerator and denominator must both be
    # there' (23 more errors in a 22-row sheet saved by a program that does not compute): the formula's error says it
    uncomputed = {line for p in out.problems if p.code == "formula_without_value" for line in p.fields.get("lines", ())}
    # nor is a count refused at its cell told again that it is missing ('pembilang dan penyebut harus ada keduanya'
    # after 'harus berupa angka' on the same cell)
    refused = {p.row for p in report.errors([*out.problems, *found]) if p.row is not None and p.column and p.code != "ratio_incomplete"}
    found = [p for p in found if not (p.code == "ratio_incomplete" and (p.row in uncomputed or p.row in refused))]
    out.problems += _coarser_rows(found, ch.region_level, ref.resolver)
    for code in sorted(set(obs.loc[obs.note == AS_DELIVERED, "indicator_code"])):
        out.notes.append(("intake.note.rate_as_delivered", {"indicator": code}))
    out.suggestions = _suggestions(out.problems, ch.region_level, ref.resolver)
    obs = obs.merge(ref.regions[["region_code", "name"]].rename(columns={"name": "region_name"}), on="region_code", how="left")
    out.notes += region_notes.spellings(recs, obs)
    if not report.errors(out.problems):  # a row refused is not 'without a value': its error says what to fix first
        out.notes += region_notes.missing(obs, ref.regions, ch.region_level)
    thresholds = checks.load_thresholds(inputs.reference_dir)
    out.problems += checks.periods(obs, thresholds, date.today().year, ch.year_column)
    out.problems += checks.possible(obs, thresholds)
    out.problems += checks.plausibility(obs, thresholds)
    history = store_history(inputs, ch.indicator_codes) if history is None else history[history.indicator_code.isin(ch.indicator_codes)]
    out.problems += checks.against_history(obs, history, thresholds,
                                           ref.catalogue.set_index("code").decimals.astype(int).to_dict())
    out.problems += checks.replaced(obs, history, [r for r in records if r.active], name)
    # a figure compared with no history says so: an OPD's first real file beside the demo's made-up values had
    # 'no problems' where the same file as example data had a dozen changes to look at
    compared = set(zip(history.indicator_code, history.source_id)) if len(history) else set()
    for code in sorted({c for c, src in zip(obs.indicator_code, obs.source_id) if (c, src) not in compared}):
        out.notes.append(("intake.note.no_history", {"indicator": code}))
    out.problems = _totals_beside_refused_rows(out.problems)
    # the layers below locate a row by file and line: the sheet is the one read
    out.problems = [replace(p, sheet=table.sheet) if p.row is not None and p.sheet is None else p for p in out.problems]
    unit = ref.catalogue.set_index("code").unit_id
    out.rows = obs.assign(line=obs.origin_line, unit=obs.indicator_code.map(unit)).reindex(columns=ROW_COLUMNS)
    out.counts = {"rows": len(table.rows), "total_rows": int(recs[recs.is_total].line.nunique()) if len(recs) else 0,
                  "observations": len(obs)}


def _remembered(inputs: Inputs, user: auth.User | None, columns: list[str], records: list) -> tuple[Choices, str] | None:
    """The column meanings the OPD gave a file of this shape, and the name of that file (its batch's)."""
    memory = mapping.remembered(inputs.intake, user, columns)
    if memory is None:
        return None
    choices, batch_id = memory
    return choices, next((r.file_name for r in records if r.batch_id == batch_id), batch_id)


def _totals_beside_refused_rows(problems: list[Problem]) -> list[Problem]:
    """A total row checked while other rows have errors says so, and to check it again once they are fixed: a row
    refused is not in the sum (an officer went looking for a wrong total when the only fault was the misspelt
    kelurahan on row 23). Not every error takes a row out of the sum, so the message claims only that they exist."""
    totals = {p.row for p in problems if p.code == "total_differs"}
    refused = sorted({p.row for p in report.errors(problems) if p.row is not None} - totals)
    if not refused:
        return problems
    rows = ", ".join(map(str, refused[:10])) + (" …" if len(refused) > 10 else "")
    return [replace(p, code="total_differs_without", fields={**p.fields, "rows": rows}) if p.code == "total_differs" else p
            for p in problems]


def _reading_notes(sheet: read.Sheet, start: int, n: int) -> list[Note]:
    notes: list[Note] = []
    if sheet.kind == "csv":
        notes.append((f"intake.note.encoding_{sheet.encoding.replace('-', '')}", {}))
        notes.append(("intake.note.separator", {"sep": {"\t": "tab", ";": ";", ",": ","}.get(sheet.sep, sheet.sep)}))
    elif len(sheet.sheets) > 1:
        notes.append(("intake.note.sheet", {"sheet": sheet.sheet, "sheets": ", ".join(sheet.sheets)}))
    notes.append(("intake.note.header", {"row": start + 1} if n == 1 else {"row": f"{start + 1}–{start + n}"}))
    return notes


def _evidence(ch: Choices, table, sheet: read.Sheet, out: Preview) -> str | None:
    """The decimal mark the file's numbers show (intake.detect), for columns their own values leave open."""
    if ch.decimal is not None:
        return ch.decimal
    mark, reason = detect.decimal_mark(table.rows, sheet.sep)
    if reason not in ("comma", "point"):
        return None
    out.notes.append((f"intake.note.decimal_{reason}", {"mark": mark, "example": detect.decimal_example(table.rows, mark)}))
    return mark


MADE_UP = re.compile(r"ilustrasi|illustrative|data contoh|bukan data resmi|dummy", re.IGNORECASE)


def _title_says_made_up(title_rows: list[list], ch: Choices, file_name: str) -> list[Problem]:
    """A warning when a file said to hold real data calls itself made up above its table ('DATA ILUSTRASI')."""
    if ch.status in (None, "illustrative"):
        return []
    said = next((str(c).strip() for row in title_rows for c in row if c is not None and MADE_UP.search(str(c))), None)
    return [] if said is None else [Problem("title_says_made_up", file_name, value=said[:80], fields={"status": ch.status},
                                            severity=WARNING)]


def _blocked(problems: list[Problem]) -> bool:
    return any(p.code in UNSETTLED for p in report.errors(problems))


def _source(ch: Choices, ref: Reference, layouts: list[Choices], out: Preview) -> Choices:
    """The source (and status) of the values: chosen, else the known layout's, else the manifest's for the indicator."""
    kinds = ref.sources.set_index("source_id").kind
    if ch.source_id is None:
        known = [lay for lay in layouts if lay.source_id and set(lay.indicator_codes) & set(ch.indicator_codes)]
        if not known:
            if ch.measures:
                out.problems.append(Problem("no_source", out.file_name, fields={"sources": ", ".join(kinds.index)}))
            return ch
        ch = ch.but(source_id=known[0].source_id, status=ch.status or known[0].status)
    if ch.source_id not in kinds.index:
        out.problems.append(Problem("unknown_source", out.file_name, column="source_id", value=ch.source_id))
        return ch
    if ch.status is None:
        ch = ch.but(status="illustrative" if kinds[ch.source_id] == "illustrative" else "provisional")
    if ch.status not in STATUSES:
        out.problems.append(Problem("bad_status", out.file_name, column="status", value=ch.status, fields={"expected": ", ".join(STATUSES)}))
    elif (ch.status == "illustrative") != (kinds[ch.source_id] == "illustrative"):
        out.problems.append(Problem("status_mismatch", out.file_name, value=ch.status, fields={"source": ch.source_id, "kind": kinds[ch.source_id]}))
    elif kinds[ch.source_id] == "submitted" and ch.status != "provisional":  # handing a file in is not releasing it (DOMAIN §6)
        out.problems.append(Problem("status_unreleased", out.file_name, value=ch.status, fields={"source": ch.source_id}))
    return ch


def _check_measures(ch: Choices, ref: Reference, out: Preview, user: auth.User | None, inputs: Inputs) -> None:
    known = set(ref.catalogue.code)
    for m in ch.measures or ():
        if m.indicator not in known:
            out.problems.append(Problem("unknown_indicator", out.file_name, column=m.column or m.measure, value=m.indicator))
    for code in ch.indicator_codes:
        if user is not None and code in known and not auth.can_load(user, code, inputs.reference_dir):
            producer = ref.catalogue.set_index("code").producer[code]
            out.problems.append(Problem("not_allowed", out.file_name, value=code, fields={"opd": user.opd or user.role, "producer": producer}))


def _with_confirmed(ch: Choices, ref: Reference, out: Preview) -> RegionResolver:
    """The resolver with the region spellings the uploader confirmed (names only; a code must be right)."""
    level_codes = set(ref.regions.loc[ref.regions.level == ch.region_level, "region_code"])
    rows = []
    for text, code in (ch.aliases or {}).items():
        if code_key(text) is not None or code not in level_codes or not str(text).strip():
            out.problems.append(Problem("bad_alias", out.file_name, column=ch.region_column, value=f"{text} → {code}",
                                        fields={"level": ch.region_level or "?"}))
            continue
        rows.append({"alias": str(text).strip(), "level": ch.region_level, "region_code": code, "kind": "intake_confirmed", "note": ""})
    aliases = pd.concat([ref.aliases, pd.DataFrame(rows, columns=batches.ALIAS_COLUMNS)], ignore_index=True)
    return RegionResolver(ref.regions, aliases)


def _coarser_rows(problems: list[Problem], level: str | None, resolver: RegionResolver) -> list[Problem]:
    """An unknown kelurahan that is a kecamatan (a subtotal row, 'KECAMATAN METRO PUSAT') is said to be one: not a
    spelling to fix, and no name to suggest."""
    if level != "kelurahan":
        return problems
    out = []
    for p in problems:
        code = resolver.resolve(p.value, "kecamatan") if p.code in ("unknown_region", "unknown_region_hint") else None
        out.append(p if code is None else replace(p, code="kecamatan_row", fields={"name": resolver.name(code)}))
    return out


def _suggestions(problems: list[Problem], level: str | None, resolver: RegionResolver) -> list[Suggestion]:
    out = []
    for p in problems:
        if p.code in ("unknown_region", "unknown_region_hint") and level:
            codes = resolver.suggestions(p.value, level)  # two as close as each other: both offered, the officer picks
            out += [Suggestion(p.value, level, p.row, code, resolver.name(code)) for code in codes] or [Suggestion(p.value, level, p.row, None, None)]
    return out


def store_history(inputs: Inputs, indicators: list[str]) -> pd.DataFrame:
    """The store's values of these indicators (all regions, periods, sources), to check new ones against."""
    path = current_file(inputs.store_dir)
    if path is None or not path.is_file() or not indicators:
        return pd.DataFrame(columns=["indicator_code", "region_code", "period", "series", "source_id", "value"])
    cur = db.read_connection(path).cursor()
    try:
        return db.run(cur, "intake_history_by_indicator", indicators=list(indicators))
    finally:
        cur.close()


def confirmed_aliases(ch: Choices) -> list[dict]:
    """The confirmed spellings as they go into a batch record and the alias file."""
    return [{"alias": str(text).strip(), "level": ch.region_level, "region_code": code} for text, code in (ch.aliases or {}).items()]


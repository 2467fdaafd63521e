"""The fuzz corpus (tests/intake_corpus.py, over 200 generated files) through the bounded path the page
uses: each file ends in a clear report or a correct load, within 10 s and 500 MB, and a refused file
leaves the store and the intake directory exactly as they were. The figures of the run (files,
refused, loaded, worst time, worst memory) are written to artifacts/intake_corpus.md for the README.
Cells and file names are data: formulas are not computed, markup and paths are only shown back as text."""

import time
from pathlib import Path

import pytest
from intake_corpus import corpus
from intake_support import ADMIN, DINKES, inputs_with_store, observation_frame, snapshot

from metro_poverty import i18n
from metro_poverty.intake import loader, worker
from metro_poverty.intake.choices import Choices
from metro_poverty.intake.previewer import preview

CORPUS = corpus()
MAX_SECONDS, MAX_MB = 10.0, 500.0
FIGURES = Path(__file__).resolve().parent.parent / "artifacts" / "intake_corpus.md"
RUN: dict[str, dict] = {}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("corpus"), inputs_factory, schematic_store)


@pytest.fixture(scope="module")
def before(inputs):
    worker.warm(wait=True)  # as the upload page does when an officer signs in: the bounds are the file's
    return snapshot(inputs)


def pairs(rows) -> list[tuple[float, float]]:
    kel = rows[rows.region_code.str.count(r"\.") == 3]
    return sorted(zip(kel.denominator, kel.numerator))


def matches(found: str, expected: str) -> bool:
    return found == expected or found.startswith(expected + "_")  # unknown_region_hint is an unknown_region


def test_the_corpus_holds_over_200_files_of_every_kind():
    kinds = {name.split(":")[0] for name in CORPUS}
    assert len(CORPUS) >= 200 and kinds == {"bomb", "damaged", "random", "format", "silent", "shape"}


@pytest.mark.parametrize("name", list(CORPUS))
def test_a_corpus_file_ends_in_a_clear_report_or_a_correct_load_within_the_bounds(name, inputs, before):
    case = CORPUS[name]
    user = ADMIN if case.choices.measures else DINKES
    started = time.monotonic()
    if case.expect in ("loads", "either"):
        pv, outcome = worker.bounded_preview(case.data, case.file_name, case.choices, inputs, user), None
    else:
        outcome = loader.load(case.data, case.file_name, user, case.choices, inputs=inputs)
        pv = outcome.preview
    seconds = time.monotonic() - started
    usage = pv.usage if pv is not None else worker.Usage(seconds)
    problems = pv.problems if pv is not None else outcome.problems
    codes = [p.code for p in problems]
    RUN[name] = {"kind": name.split(":")[0], "seconds": seconds, "memory_mb": usage.memory_mb,
                 "refused": bool(pv is None or pv.errors or (outcome and not outcome.ok))}
    assert seconds < MAX_SECONDS and usage.memory_mb < MAX_MB, (seconds, usage)
    assert not {"internal_error", "worker_failed", "worker_time", "worker_memory"} & set(codes), codes
    for p in problems:
        assert f"pipeline.problem.{p.code}" in i18n.catalogue() and p.message("id") and p.message("en"), p.code
    for expected in case.codes:
        found = [p for p in problems if matches(p.code, expected)]
        assert found, f"{name}: {expected} not in {codes}"
        assert not case.located or all(p.row is not None for p in found), f"{name}: {expected} without its row"
    if case.expect == "refused":
        assert outcome.status == "blocked" and outcome.problems, (outcome.status, codes)
    elif case.expect == "confirm":
        assert outcome.status == "needs_confirmation" and not pv.errors, (outcome.status, codes)
    elif case.expect == "loads" or not pv.errors:
        assert pv.errors == [] and pairs(pv.rows) == sorted(case.values.values()), (name, codes)
        RUN[name]["refused"] = False
    assert (inputs.store_dir / "CURRENT").read_text() == before["current"]


@pytest.mark.parametrize("name", ["format: dotted thousands in quotes, commas, BOM #0", "format: Excel Unicode Text (UTF-16, tabs) #1"])
def test_a_corpus_file_that_reads_right_loads_the_same_values_into_the_store(name, tmp_path, inputs_factory, schematic_store):
    case, store = CORPUS[name], inputs_with_store(tmp_path, inputs_factory, schematic_store)
    pv = worker.bounded_preview(case.data, case.file_name, case.choices, store, DINKES)
    outcome = loader.load(case.data, case.file_name, DINKES, case.choices, accepted=[r["key"] for r in pv.report()], inputs=store)
    assert outcome.status == "loaded", [p.message("en") for p in outcome.problems]
    stored = observation_frame(store).query("origin_file == @case.file_name and region_code.str.count('[.]') == 3")
    assert sorted(zip(stored.denominator, stored.numerator)) == sorted(case.values.values())


def test_nothing_refused_left_a_trace_in_the_store_or_the_intake(inputs, before):
    assert snapshot(inputs) == before


def test_a_file_name_is_shown_as_text_without_control_characters(inputs):
    pv = preview(b"", "<b>laporan</b>\n\x00.csv", Choices(), inputs)
    assert pv.file_name == "<b>laporan</b> .csv" and pv.problems[0].file == "<b>laporan</b> .csv"


def test_a_formula_is_never_computed(inputs):
    pv = preview(CORPUS["silent: a formula in a csv cell (row 5)"].data, "rumus.csv", Choices(), inputs)
    assert ("not_a_number", 5, "=1+1") in [(p.code, p.row, p.value) for p in pv.problems]
    pv = preview(CORPUS["silent: a formula without a saved value (row 20)"].data, "rumus.xlsx", Choices(), inputs)
    assert [(p.code, p.row, p.column, p.value) for p in pv.problems if p.code == "formula_without_value"] == [
        ("formula_without_value", 20, "D", "=D6*2")]


def test_the_figures_of_the_run_are_written_for_the_readme():
    if len(RUN) < len(CORPUS):
        pytest.skip("only part of the corpus ran")
    refused = sum(r["refused"] for r in RUN.values())
    slowest = max(RUN, key=lambda n: RUN[n]["seconds"])
    heaviest = max(RUN, key=lambda n: RUN[n]["memory_mb"])
    lines = ["| files | refused | loaded | worst time | worst memory (worker, above its start) |", "|---:|---:|---:|---|---|",
             f"| {len(RUN)} | {refused} | {len(RUN) - refused} | {RUN[slowest]['seconds']:.2f} s ({slowest}) | "
             f"{RUN[heaviest]['memory_mb']:.0f} MB ({heaviest}) |", "", "| kind | files | refused | worst time | worst memory |", "|---|---:|---:|---:|---:|"]
    for kind in ("bomb", "damaged", "random", "format", "silent", "shape"):
        rows = [r for r in RUN.values() if r["kind"] == kind]
        lines.append(f"| {kind} | {len(rows)} | {sum(r['refused'] for r in rows)} | {max(r['seconds'] for r in rows):.2f} s | "
                     f"{max(r['memory_mb'] for r in rows):.0f} MB |")
    FIGURES.parent.mkdir(exist_ok=True)
    FIGURES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert RUN[slowest]["seconds"] < MAX_SECONDS and RUN[heaviest]["memory_mb"] < MAX_MB

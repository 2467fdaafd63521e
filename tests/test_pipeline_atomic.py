"""A failed build is atomic: a broken raw file stops the build (BuildFailed; the CLI exits 1) with a
message naming the file, the row and the column, and store/CURRENT keeps pointing at the previous
store, which still opens with the same data."""

import contextlib
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from metro_poverty.pipeline import cli
from metro_poverty.store.build import build
from metro_poverty.problems import BuildFailed

EPPGBM_2024 = "dinkes/e-PPGBM_Agustus_2024.csv"


@dataclass
class Break:
    name: str
    line: int  # 1-based, as in a text editor
    old: str
    new: str
    expected: tuple[str, ...]  # fragments of the English message


BREAKS = [
    # line 5 is the header row: "No,Puskesmas,Kelurahan,Jumlah Balita Diukur,..."
    Break("header marker missing", 5, "Kelurahan", "Desa", (f"file {EPPGBM_2024}", "«Kelurahan»")),
    # line 7: "2,Puskesmas Metro,Kel. Hadimulyo Timur,801,47,5.87"
    Break("text in a number column", 7, ",801,", ",8O1,", (f"file {EPPGBM_2024}", "row 7", "column «Jumlah Balita Diukur»", "«8O1»")),
    # line 8: "3,Puskesmas Metro,Kel. Imopuro,718,36,5.01"
    Break("unknown kelurahan", 8, "Kel. Imopuro", "Kel. Imopura", (f"file {EPPGBM_2024}", "row 8", "column «Kelurahan»", "«Kel. Imopura»")),
]


def break_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], f"the repo's {path.name} changed: line {line} is {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def snapshot(store_file: Path) -> list[tuple]:
    with duckdb.connect(str(store_file), read_only=True) as con:
        return con.execute("select * from observations order by all").fetchall()


@dataclass
class Attempt:
    """What a good build left, and what building again after breaking one raw file did."""
    brk: Break
    store_dir: Path
    previous_pointer: str
    previous_store: Path
    previous_files: list[str]
    previous_observations: list = field(repr=False)
    failure: Exception | None = None
    cli_exit: int | None = None
    cli_stderr: str = ""


@pytest.fixture(scope="module", params=BREAKS, ids=lambda b: b.name)
def attempt(request, tmp_path_factory, inputs_factory, schematic_store) -> Attempt:
    inputs = inputs_factory(tmp_path_factory.mktemp("atomic"))
    shutil.copytree(schematic_store.parent, inputs.store_dir)  # a good store built from the same inputs
    previous = inputs.store_dir / schematic_store.name
    out = Attempt(request.param, inputs.store_dir, (inputs.store_dir / "CURRENT").read_text(), previous,
                  sorted(p.name for p in inputs.store_dir.iterdir()), snapshot(previous))
    brk = request.param
    break_line(inputs.raw_dir / EPPGBM_2024, brk.line, brk.old, brk.new)
    try:
        build(inputs, lang="en")
    except Exception as exc:  # noqa: BLE001 - the tests say which type it must be
        out.failure = exc
    stderr = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        mp.setattr(cli, "Inputs", lambda: inputs)  # the CLI builds from data/; point it at the broken copy
        out.cli_exit = cli.main(["build", "--lang", "en"])
    out.cli_stderr = stderr.getvalue()
    return out


def missing_fragments(attempt: Attempt, text: str) -> list[str]:
    return [fragment for fragment in attempt.brk.expected if fragment not in text]


def test_a_broken_raw_file_raises_build_failed(attempt):
    assert isinstance(attempt.failure, BuildFailed)


def test_build_failed_names_the_file_row_and_column(attempt):
    report = attempt.failure.report("en")
    assert missing_fragments(attempt, report) == [], report


def test_the_cli_exits_1(attempt):
    assert attempt.cli_exit == 1
    assert attempt.cli_stderr.startswith("Store build FAILED; the previous store stays in use.")


def test_the_cli_message_names_the_file_row_and_column(attempt):
    assert missing_fragments(attempt, attempt.cli_stderr) == [], attempt.cli_stderr


def test_current_still_points_at_the_previous_store(attempt):
    assert (attempt.store_dir / "CURRENT").read_text() == attempt.previous_pointer


def test_no_new_store_file_is_left_behind(attempt):
    assert sorted(p.name for p in attempt.store_dir.iterdir()) == attempt.previous_files


def test_the_previous_store_still_opens_with_the_same_data(attempt):
    assert snapshot(attempt.previous_store) == attempt.previous_observations

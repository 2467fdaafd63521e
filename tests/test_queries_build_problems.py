"""queries/build_problems.sql with literal rows: the warnings of the last build, by file and row."""

import pytest

from metro_poverty import db
from tests.query_support import empty_store, insert, result


def problem(con, file, row_number, code, **columns):
    insert(con, "build_problems", severity="warning", code=code, file=file, row_number=row_number, **columns)


@pytest.fixture
def con():
    with empty_store() as con:
        yield con


def test_every_column_of_a_problem(con):
    problem(con, "raw/dinkes/stunting_2024.csv", 7, "unknown_region", sheet=None, column_name="kelurahan", value="Metro Pst",
            message_id="Kelurahan tidak dikenal: Metro Pst", message_en="Unknown kelurahan: Metro Pst")
    assert result(con, "build_problems", list(db.run(con, "build_problems").columns)) == [
        ("warning", "unknown_region", "raw/dinkes/stunting_2024.csv", None, 7, "kelurahan", "Metro Pst",
         "Kelurahan tidak dikenal: Metro Pst", "Unknown kelurahan: Metro Pst")]


def test_problems_are_ordered_by_file_then_row(con):
    problem(con, "raw/b.csv", 3, "blank_value")
    problem(con, "raw/a.xlsx", 12, "not_a_number")
    problem(con, "raw/b.csv", 2, "unknown_region")
    problem(con, "raw/a.xlsx", 4, "blank_value")
    assert result(con, "build_problems", ["file", "row_number", "code"]) == [
        ("raw/a.xlsx", 4, "blank_value"), ("raw/a.xlsx", 12, "not_a_number"),
        ("raw/b.csv", 2, "unknown_region"), ("raw/b.csv", 3, "blank_value")]


def test_a_problem_of_a_whole_file_comes_after_that_files_rows(con):
    problem(con, "raw/a.csv", None, "missing_column")
    problem(con, "raw/a.csv", 5, "blank_value")
    assert result(con, "build_problems", ["file", "row_number", "code"]) == [
        ("raw/a.csv", 5, "blank_value"), ("raw/a.csv", None, "missing_column")]


def test_a_clean_build_has_no_problems(con):
    assert db.run(con, "build_problems").empty

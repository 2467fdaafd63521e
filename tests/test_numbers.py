"""Numbers as OPD files write them: metro_poverty.pipeline.numbers."""

import pytest

from metro_poverty.pipeline.numbers import parse_number, parse_year


def test_decimal_comma_with_thousands_point():
    assert parse_number("1.234,5", decimal=",") == 1234.5


def test_decimal_point_with_thousands_comma():
    assert parse_number("1,234.5", decimal=".") == 1234.5


def test_thousands_point_alone_in_a_decimal_comma_file():
    assert parse_number("12.074", decimal=",") == 12074.0


def test_point_in_a_decimal_point_file_is_a_decimal():
    assert parse_number("6.78", decimal=".") == 6.78


def test_percent_text_with_decimal_comma():
    assert parse_number("85,3%", decimal=",") == 85.3


def test_surrounding_and_non_breaking_spaces_are_ignored():
    assert parse_number(" 1\u00a0234,5 ", decimal=",") == 1234.5


@pytest.mark.parametrize("cell", [None, "", "   ", "-", "–", float("nan")])
def test_empty_cells_are_none(cell):
    assert parse_number(cell, decimal=",") is None


def test_typed_excel_cells_pass_through():
    assert parse_number(12074) == 12074.0
    assert parse_number(0.853) == 0.853


@pytest.mark.parametrize("cell", ["abc", "8O1", "n/a", "12 %s", "1.2.3,4,5"])
def test_text_that_is_not_a_number_raises(cell):
    with pytest.raises(ValueError):
        parse_number(cell, decimal=",")


def test_a_boolean_cell_is_not_a_number():
    with pytest.raises(ValueError):
        parse_number(True)


def test_a_decimal_comma_in_a_decimal_point_file_is_not_read_as_thousands():
    # '12,5' has no group of three digits after the comma, so it cannot be a thousands separator;
    # reading it as 125 would silently multiply the value by ten.
    with pytest.raises(ValueError):
        parse_number("12,5", decimal=".")


def test_a_decimal_point_in_a_decimal_comma_file_is_not_read_as_thousands():
    with pytest.raises(ValueError):
        parse_number("6.78", decimal=",")


@pytest.mark.parametrize("cell", ["2023", 2023, 2023.0, " 2023 "])
def test_a_year_from_text_int_or_float(cell):
    assert parse_year(cell) == 2023


@pytest.mark.parametrize("cell", ["23", "2023.5", "tahun 2023", "", None, "1850", "3000"])
def test_a_year_that_is_not_a_four_digit_year_raises(cell):
    with pytest.raises(ValueError):
        parse_year(cell)

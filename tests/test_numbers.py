"""Numbers as OPD files write them: metro_poverty.numbers."""

import pytest

from metro_poverty.numbers import DECIMAL, FRACTION, PERCENT, WHOLE, NumberError, Percent, column_mark, parse_number, parse_year, read_number


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


@pytest.mark.parametrize("cell", [None, "", "   ", "-", "–"])
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


@pytest.mark.parametrize("cell", [float("nan"), float("inf"), "1" * 130_000, "9" * 400 + ",5"])
def test_nan_infinity_and_numbers_too_long_for_a_float_are_errors_not_values(cell):
    with pytest.raises(NumberError) as exc:
        parse_number(cell, decimal=",")
    assert exc.value.code == "not_finite"


@pytest.mark.parametrize("cell", ["inf", "NaN", "-Infinity", "1e5"])
def test_float_words_and_exponents_are_text(cell):
    with pytest.raises(NumberError) as exc:
        parse_number(cell)
    assert exc.value.code == "not_a_number"


def test_a_count_is_a_whole_number():
    assert read_number("1.204", ",", WHOLE) == 1204
    with pytest.raises(NumberError) as exc:
        read_number("12,5", ",", WHOLE)
    assert exc.value.code == "fractional_count"


@pytest.mark.parametrize("cell", ["12%", Percent(12.0)])
def test_a_percentage_in_a_count_column_is_an_error(cell):
    with pytest.raises(NumberError) as exc:
        read_number(cell, ",", WHOLE)
    assert exc.value.code == "percent_in_count"


def test_a_percent_sign_belongs_in_a_percent_column_only():
    assert read_number("85,3%", ",", PERCENT, 100) == 85.3
    with pytest.raises(NumberError) as exc:
        read_number("85,3%", ",", FRACTION, 1)
    assert exc.value.code == "percent_sign"


def test_a_percentage_above_the_indicators_maximum_is_an_error():
    assert read_number("120,5", ",", PERCENT, 300) == 120.5
    with pytest.raises(NumberError) as exc:
        read_number("120,5", ",", PERCENT, 100)
    assert (exc.value.code, exc.value.fields) == ("above_max", {"max": "100"})


def test_a_negative_number_is_an_error_of_every_kind():
    with pytest.raises(NumberError) as exc:
        read_number("-801", ",", DECIMAL)
    assert exc.value.code == "negative"


def test_dotted_thousands_in_a_count_column_decide_its_mark_whatever_the_file_does():
    assert column_mark(["1.204", "759", "2.310"], WHOLE) == (",", "fits")
    assert column_mark(["1,204", "759"], WHOLE) == (".", "fits")


def test_a_percentage_column_is_decided_by_its_maximum():
    assert column_mark(["1.234", "5"], PERCENT, 100) == (".", "fits")  # 1234 % is impossible
    assert column_mark(["5,05", "12,1"], PERCENT, 100) == (",", "fits")


def test_a_column_most_of_whose_values_fit_one_mark_takes_it():
    # '12,5' children cannot be read either way; the column is still read with comma decimals
    assert column_mark(["1.204", "759", "12,5"], WHOLE) == (",", "fits")


def test_a_column_without_separators_has_nothing_to_decide():
    assert column_mark(["759", 801, None, ""], WHOLE) == (None, "plain")


def test_three_digits_after_one_separator_in_a_column_of_decimals_is_ambiguous():
    # 12,070 thousand persons or 12.07 thousand: only the file or the uploader can say
    assert column_mark(["12,070", "11,500"], DECIMAL) == (None, "ambiguous")


# One parser: the whole-column form the household files use reads every cell as parse_number does.
COLUMN_CELLS = ["1.234,5", "1,234.5", "1.204", "12,070", "5,05", "0,853", "1.5", "1.23.4", "12,5", "85,3%", "", " ", "-", "–",
                "abc", "inf", "NaN", "1e5", "+7", "-2,5", "1 234", "1\u00a0234,5", "9" * 400, "12.345.678", "0", None]


@pytest.mark.parametrize("decimal", [",", "."])
def test_a_column_is_read_cell_by_cell_as_parse_number_reads_each_cell(decimal):
    import pandas as pd

    from metro_poverty.numbers import NumberError, parse_number, parse_numbers

    values, bad = parse_numbers(pd.Series(COLUMN_CELLS, dtype="object"), decimal)
    for cell, value, refused in zip(COLUMN_CELLS, values, bad, strict=True):
        try:
            expected = parse_number(cell, decimal)
            expected = None if isinstance(cell, str) and cell.strip().endswith("%") else expected
        except NumberError:
            expected = None
        if isinstance(cell, str) and cell.strip().endswith("%"):
            assert refused, cell  # no share in a household file
        elif expected is None:
            assert pd.isna(value) and refused == (cell not in (None, "", " ", "-", "–")), (cell, value, refused)
        else:
            assert value == expected and not refused, (cell, value, expected)


def test_a_decimal_comma_household_column_refuses_what_the_old_reader_turned_into_other_numbers():
    import pandas as pd

    from metro_poverty.numbers import parse_numbers

    values, bad = parse_numbers(pd.Series(["1.5", "1.23.4", "1.234,5", "12,5"]), ",")
    assert list(bad) == [True, True, False, False] and list(values[2:]) == [1234.5, 12.5]


@pytest.mark.parametrize("cell, decimal, value", [("1 563", ",", 1563.0), ("1\u00a0234\u00a0567", ".", 1234567.0), ("1 563,5", ",", 1563.5),
                                                  ("85,3 %", ",", 85.3), (" 45 ", ",", 45.0), ("12\u202f070", ".", 12070.0)])
def test_spaces_that_group_thousands_or_pad_a_cell_are_read(cell, decimal, value):
    assert parse_number(cell, decimal) == value


@pytest.mark.parametrize("cell", ["3 8", "4 5", "1 5 6 3", "12 34", "1 2345"])
def test_a_space_that_parts_two_numbers_is_an_error_not_a_new_number(cell):
    with pytest.raises(NumberError) as err:
        parse_number(cell, ",")  # '3 8' was read as 38 without a word
    assert err.value.code == "spaces_in_number"


@pytest.mark.parametrize("cell, decimal, written", [("4.88", ",", "4,88"), ("12,5", ".", "12.5")])
def test_a_decimal_written_with_the_other_mark_is_named_with_the_files_own(cell, decimal, written):
    """'4.88' in a comma file was 'harus berupa angka': to the officer it is a number; the message says how to write it."""
    with pytest.raises(NumberError) as err:
        parse_number(cell, decimal)
    assert (err.value.code, err.value.fields) == ("other_decimal_mark", {"written": written, "mark": decimal})


def test_a_cell_with_two_marks_that_fit_neither_way_is_still_not_a_number():
    with pytest.raises(NumberError) as err:
        parse_number("1.23.4", ",")
    assert err.value.code == "not_a_number"

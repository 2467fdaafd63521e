"""Indonesian number formatting in one place: metro_poverty.numfmt."""

import pandas as pd
import pytest

from metro_poverty import numfmt


def test_thousands_point_and_decimal_comma():
    assert numfmt.number(1234.5, 1) == "1.234,5"


def test_english_keeps_thousands_comma_and_decimal_point():
    assert numfmt.number(1234.5, 1, lang="en") == "1,234.5"


def test_millions_are_grouped_by_three():
    assert numfmt.number(25220000) == "25.220.000"


def test_rupiah():
    assert numfmt.rupiah(503161) == "Rp 503.161"


def test_percent_with_two_decimals():
    assert numfmt.percent(6.78) == "6,78%"


def test_a_negative_number_has_a_true_minus_sign():
    assert numfmt.number(-1234.5, 1) == "\u22121.234,5"


def test_a_negative_value_that_rounds_to_zero_has_no_minus_sign():
    assert numfmt.number(-0.001, 2) == "0,00"


def test_signed_change_up():
    assert numfmt.signed(0.4) == "+0,40"


def test_signed_change_down_uses_a_true_minus_sign():
    assert numfmt.signed(-0.34) == "\u22120,34"


def test_signed_change_that_rounds_to_zero():
    assert numfmt.signed(0.001) == "±0,00"


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA])
def test_missing_values_show_the_missing_mark(value):
    assert numfmt.number(value) == "–"


def test_with_unit_percent():
    assert numfmt.with_unit(6.78, "%", 2) == "6,78%"


def test_with_unit_index_has_no_unit_word():
    assert numfmt.with_unit(0.77, "indeks", 2) == "0,77"


def test_with_unit_counts_name_their_unit():
    assert numfmt.with_unit(12.07, "ribu jiwa", 2) == "12,07 ribu jiwa"

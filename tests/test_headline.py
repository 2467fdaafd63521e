"""Headline cards computed from published rows: each indicator from its own rows, the previous year from the
city's own series, Lampung and Indonesia from the same year."""

import pandas as pd

from metro_poverty.headline import CITY, COUNTRY, PROVINCE, headlines


def row(indicator, region, period, value, **extra):
    return {"indicator_code": indicator, "region_code": region, "period": period, "value": value, "status": "official",
            "series": None, "decimals": 2, **extra}


FRAME = pd.DataFrame([
    row("p0", CITY, 2024, 6.78), row("p0", CITY, 2025, 6.44), row("p0", PROVINCE, 2025, 10.0), row("p0", COUNTRY, 2025, 8.47),
    row("gk", CITY, 2023, 600_000.0, decimals=0), row("gk", CITY, 2025, 700_000.0, decimals=0, series="2025"),
])


def test_each_indicator_is_computed_from_its_own_rows_whatever_the_row_order():
    for frame in (FRAME, FRAME.iloc[::-1]):
        p0, gk, ipm = headlines(frame, 2025, ("p0", "gk", "ipm"))
        assert (p0.value, p0.previous_value, p0.previous_period, p0.province_value, p0.country_value) == (6.44, 6.78, 2024, 10.0, 8.47)
        assert p0.comparable_previous
        assert (gk.value, gk.previous_period, gk.decimals, gk.province_value) == (700_000.0, 2023, 0, None)
        assert not gk.comparable_previous  # a new series is not compared with the old one
        assert ipm.value is None and ipm.latest_period is None


def test_a_year_without_the_citys_figure_says_which_year_is_the_latest():
    (p0,) = headlines(FRAME, 2026, ("p0",))
    assert p0.value is None and p0.latest_period == 2025


def test_a_card_showing_the_citys_previous_figure_compares_it_with_lampung_and_indonesia_of_that_year():
    """'sebelumnya Rp 503.161 (2024) · Lampung Rp 612.451' set Lampung's 2025 beside Metro's 2024."""
    from metro_poverty.headline import compare_line

    frame = pd.DataFrame([row("gk", CITY, 2024, 503_161.0), row("gk", PROVINCE, 2024, 586_551.0), row("gk", PROVINCE, 2025, 612_451.0),
                          row("gk", COUNTRY, 2024, 582_932.0), row("gk", COUNTRY, 2025, 609_160.0)])
    (gk,) = headlines(frame, 2025, ("gk",))
    assert (gk.value, gk.previous_value, gk.compare_period, gk.province_value, gk.country_value) == (None, 503_161.0, 2024, 586_551.0, 582_932.0)
    fmt = lambda v, lang, decimals=None: f"{v:.0f}"  # noqa: E731
    assert compare_line(gk, fmt, "id") == "2024: Lampung 586551 · Indonesia 582932"  # the year said: not the card's
    (p0,) = headlines(FRAME, 2025, ("p0",))
    assert compare_line(p0, fmt, "id") == "Lampung 10 · Indonesia 8"  # the card's own year: not repeated


def test_a_side_without_a_figure_is_left_out_of_the_comparison():
    """'2024: Lampung – · Indonesia 75,02' read as a glitch: Lampung's IPM is not in the store."""
    from metro_poverty.headline import compare_line

    (ipm,) = headlines(pd.DataFrame([row("ipm", CITY, 2024, 80.41), row("ipm", COUNTRY, 2024, 75.02)]), 2025, ("ipm",))
    assert compare_line(ipm, lambda v, lang, decimals=None: f"{v:.2f}", "id") == "2024: Indonesia 75.02"

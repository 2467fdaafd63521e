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

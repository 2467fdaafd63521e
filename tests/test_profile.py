"""metro_poverty.profile on literal rows: a region's latest value per indicator, against the city's value from
the same source, with the trend of that value's own line."""

import pandas as pd

from app_support import store  # noqa: F401
from metro_poverty.profile import profile_rows

CITY = "18.72"


def _rows(*rows):
    cols = ["indicator_code", "region_code", "region_level", "period", "series", "value", "status", "source_id", "source_publisher"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows])


def _catalogue():
    from metro_poverty.ui import cache

    return cache.catalogue()


def test_a_published_value_comes_before_an_illustrative_one_of_the_same_year(store):  # noqa: F811
    rows = _rows(
        ("stunting_eppgbm", CITY, "city", 2020, None, 9.91, "official", "reported", "Dinkes"),
        ("stunting_eppgbm", CITY, "city", 2021, None, 7.26, "illustrative", "illus", "Dinkes (ilustrasi)"),
        ("stunting_eppgbm", CITY, "city", 2022, None, 6.67, "official", "reported", "Dinkes"),
        ("stunting_eppgbm", CITY, "city", 2022, None, 6.43, "illustrative", "illus", "Dinkes (ilustrasi)"),
    )
    for ordered in (rows, rows.iloc[::-1]):  # whatever order the store returns them in
        row = profile_rows(ordered, _catalogue(), CITY, 2022).iloc[0]
        assert (row.value, row.status) == (6.67, "official")
        assert row.trend == [9.91, 6.67]  # its own line: the illustrative points are another line


def test_the_city_reference_is_from_the_same_source_and_year(store):  # noqa: F811
    kel = "18.72.03.1002"
    rows = _rows(
        ("stunting_eppgbm", kel, "kelurahan", 2022, None, 8.0, "illustrative", "illus", "Dinkes (ilustrasi)"),
        ("stunting_eppgbm", CITY, "city", 2022, None, 6.67, "official", "reported", "Dinkes"),
        ("stunting_eppgbm", CITY, "city", 2022, None, 6.43, "illustrative", "illus", "Dinkes (ilustrasi)"),
    )
    row = profile_rows(rows, _catalogue(), kel, 2022).iloc[0]
    assert row.city_value == 6.43 and round(row.gap, 2) == 1.57 and row.direction == "worse"


def test_a_gap_to_the_city_of_less_than_one_case_is_no_gap(store):  # noqa: F811
    """APS 7–12 of 99,8% (443 of 444 children) beside the city's 99,9% was '▼ lebih buruk' in red: 0,4 of a child."""
    kel = "18.72.02.1002"
    rows = _rows(
        ("aps_7_12", kel, "kelurahan", 2024, None, 99.8, "illustrative", "illus", "Disdik (ilustrasi)"),
        ("aps_7_12", CITY, "city", 2024, None, 99.9, "illustrative", "illus", "Disdik (ilustrasi)"),
        ("stunting_eppgbm", kel, "kelurahan", 2024, None, 6.9, "illustrative", "illus", "Dinkes (ilustrasi)"),
        ("stunting_eppgbm", CITY, "city", 2024, None, 5.48, "illustrative", "illus", "Dinkes (ilustrasi)"),
    ).assign(numerator=[443.0, 9000.0, 50.0, 700.0])
    by_code = profile_rows(rows, _catalogue(), kel, 2024).set_index("indicator_code")
    assert by_code.loc["aps_7_12", "direction"] == "same"
    assert by_code.loc["stunting_eppgbm", "direction"] == "worse"  # 1,42 points of 50 stunted children: 10 children
    assert profile_rows(rows.drop(columns="numerator"), _catalogue(), kel, 2024).set_index("indicator_code").loc["aps_7_12", "direction"] == "worse"

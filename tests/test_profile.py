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

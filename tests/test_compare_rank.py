"""A region's rank among its peers, as the ranking, the map's panel and the table show it."""

import pandas as pd

from metro_poverty import compare
from metro_poverty.catalog import Indicator


def aps(decimals: int = 1, polarity: str = "higher_better") -> Indicator:
    return Indicator("aps_7_12", {"short_id": "APS 7–12", "short_en": "SER 7–12", "unit_id": "%", "unit_en": "%",
                                  "decimals": decimals, "polarity": polarity})


def test_values_that_print_alike_share_a_rank():
    # five kecamatan at 99,9% had been ranked 1 to 5 on hundredths no one is shown
    values = pd.DataFrame({"region_code": list("abcdef"), "value": [99.91, 99.88, 99.94, 99.87, 99.90, 98.2]})
    assert list(compare.ranked(values, aps())["rank"]) == [1, 1, 1, 1, 1, 6]
    assert list(compare.ranked(values, aps(decimals=2))["rank"]) == [2, 4, 1, 5, 3, 6]


def test_lower_is_better_ranks_the_lowest_first_and_neutral_ranks_none():
    values = pd.DataFrame({"region_code": list("abc"), "value": [5.48, 2.65, 8.2]})
    assert list(compare.ranked(values, aps(2, "higher_worse"))["rank"]) == [2, 1, 3]
    assert compare.ranked(values, aps(2, "neutral"))["rank"].isna().all()


def test_the_gap_to_the_city_is_that_of_the_values_as_shown():
    # 96,36 beside the city's 96,74 shows as 96,4% and 96,7%: the gap read -0,4 poin, which no reader gets from them
    values = pd.DataFrame({"region_code": ["a", "b"], "period": [2024, 2024], "value": [96.36, 97.1], "source_id": ["s", "s"],
                           "series": ["", ""]})
    city = pd.DataFrame({"region_code": ["18.72"], "period": [2024], "value": [96.74], "source_id": ["s"], "series": [""]})
    gap = compare.standing(values, city, aps(), "a", 2024).gap_to_city
    assert round(gap, 6) == -0.3


def test_a_change_of_less_than_one_case_is_no_change():
    """Tejo Agung counted among '2 memburuk': 42 stunted children in 2021 and in 2024, 5,58% → 5,63% as fewer were weighed."""
    change_between = compare.change_between
    ind = Indicator("stunting_eppgbm", {"short_id": "Stunting", "short_en": "Stunting", "unit_id": "%", "unit_en": "%",
                                        "decimals": 2, "polarity": "higher_worse"})
    values = pd.DataFrame({"region_code": ["a", "a", "b", "b"], "region_name": ["Tejo Agung", "Tejo Agung", "B", "B"],
                           "period": [2021, 2024, 2021, 2024], "value": [5.58, 5.63, 5.0, 6.0], "series": [None] * 4,
                           "status": ["illustrative"] * 4, "numerator": [42.0, 42.0, 40.0, 48.0]})
    change = change_between(values, ind, 2021, 2024).set_index("region_name")
    assert change.loc["Tejo Agung", "direction"] == "same" and change.loc["B", "direction"] == "worse"
    assert change_between(values.drop(columns="numerator"), ind, 2021, 2024).set_index("region_name").loc["Tejo Agung", "direction"] == "worse"

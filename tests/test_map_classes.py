"""Map classes label every value they are given: the map's colours, the ranking's bars and the legend all
read their class from Classes.label_of."""

import pytest

from app_support import store  # noqa: F401
from metro_poverty import db
from metro_poverty.catalog import CATALOGUE_PARAMS, catalogue_from_frame
from metro_poverty.charts.classes import classify
from metro_poverty.charts.maps import map_classes


def test_values_that_differ_but_print_alike_make_one_class():
    # the five kecamatan of Metro for APS 7-12 in 2024: 99,88-99,92 %, all "99,9" at one decimal
    values = [99.91039426523298, 99.8981151299032, 99.87789987789988, 99.92181391712275, 99.8780487804878]
    classes = classify(values, 1, "id", k=3)
    assert classes.labels == ("99,9",)
    assert {classes.label_of(v) for v in values} == {"99,9"}


def test_two_ends_merged_by_rounding_still_make_a_class_from_the_lowest_to_the_highest():
    # 0,04 prints as "0,0" and 0,05 as "0,1", but rounding half to even puts every quantile at 0,0
    classes = classify([0.04, 0.045, 0.05], 1, "id", k=3)
    assert len(classes.labels) >= 1
    assert all(classes.label_of(v) in classes.labels for v in (0.04, 0.045, 0.05))


@pytest.mark.parametrize("values, decimals", [([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 0), ([5.0] * 4, 1), ([0.1, 0.10001, 7.5], 2),
                                              ([12.34, 12.36, 12.35, 40.0], 1)])
def test_every_value_gets_one_of_the_labels(values, decimals):
    classes = classify(values, decimals, "id", k=5)
    assert len(classes.breaks) == len(classes.labels) + 1
    assert all(classes.label_of(v) in classes.labels for v in values)


def test_every_value_in_the_store_gets_a_class_at_every_level_and_year(store):  # noqa: F811
    catalogue = catalogue_from_frame(db.read("indicator_catalogue", **CATALOGUE_PARAMS))
    checked = 0
    for ind in catalogue.values():
        for level in ind.map_levels:
            history = db.read("indicator_history_by_level", indicator=ind.code, level=level)
            for period, values in history.groupby("period"):
                classes = map_classes(values, ind, "id", level)
                unlabelled = [v for v in values.value if v == v and classes.label_of(v) not in classes.labels]
                assert not unlabelled, (ind.code, level, period, classes)
                checked += 1
    assert checked > 50  # every mappable indicator, level and year of the store, not an empty loop

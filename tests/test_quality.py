"""metro_poverty.quality.outliers with literal rows: a value stands out when it is more than 3 scaled
median absolute deviations from the median of the other regions' values of the same indicator, year and
series; small groups are not judged, and near-identical values are never outliers of each other."""

import pandas as pd
import pytest

from metro_poverty.quality import outliers
from tests.query_support import rows

# The columns of queries/values_by_level.sql.
SHOWN = ("indicator_code", "region_code", "region_name", "period", "series", "value", "status", "source_publisher")


def shown(*records) -> pd.DataFrame:
    return pd.DataFrame(list(records), columns=list(SHOWN))


def test_a_value_far_above_the_others_is_an_outlier_with_the_median_it_stands_out_from():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2024, "", 5.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 20.0, "illustrative", "Dinkes"),
    ))
    assert rows(odd, "region_name", "period", "value", "median") == [("Purwosari", 2024, 20.0, 5.0)]


def test_the_robust_z_is_the_distance_from_the_median_in_scaled_mads():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2024, "", 5.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 20.0, "illustrative", "Dinkes"),
    ))
    # median 5.0; absolute deviations 1, 0.5, 0, 0.5, 15 have median 0.5, scaled by 1.4826
    assert odd.robust_z.tolist() == [pytest.approx((20.0 - 5.0) / (0.5 * 1.4826))]


def test_a_value_far_below_the_others_is_an_outlier_with_a_negative_robust_z():
    odd = outliers(shown(
        ("imunisasi_dasar", "18.72.01.1001", "Metro", 2024, "", 91.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 92.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.01.1003", "Imopuro", 2024, "", 93.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.02.1001", "Banjarsari", 2024, "", 94.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.02.1002", "Purwosari", 2024, "", 40.0, "official", "Dinkes"),
    ))
    assert rows(odd, "region_name", "value", "median") == [("Purwosari", 40.0, 92.0)]
    assert odd.robust_z.iloc[0] < -3


def test_values_within_three_scaled_mads_are_not_outliers():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2024, "", 5.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 7.0, "illustrative", "Dinkes"),  # z = 2 / 0.74 = 2.7
    ))
    assert rows(odd, "region_name") == []


def test_a_group_with_fewer_regions_than_min_regions_is_not_judged():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 20.0, "illustrative", "Dinkes"),
    ))
    assert rows(odd, "region_name") == []


def test_min_regions_sets_how_small_a_group_may_be_and_still_be_judged():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 20.0, "illustrative", "Dinkes"),
    ), min_regions=4)
    assert rows(odd, "region_name", "value") == [("Purwosari", 20.0)]


def test_near_identical_values_are_never_outliers_of_each_other():
    # the MAD is 0 here; the scale has a floor of 5% of the median, so 10.2 is 0.4 of a unit away
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 10.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 10.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 10.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2024, "", 10.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 10.2, "illustrative", "Dinkes"),
    ))
    assert rows(odd, "region_name") == []


def test_identical_values_are_never_outliers():
    odd = outliers(shown(*[
        ("imunisasi_dasar", code, name, 2024, "", 100.0, "official", "Dinkes")
        for code, name in [("18.72.01.1001", "Metro"), ("18.72.01.1002", "Hadimulyo Barat"), ("18.72.01.1003", "Imopuro"),
                           ("18.72.02.1001", "Banjarsari"), ("18.72.02.1002", "Purwosari")]
    ]))
    assert rows(odd, "region_name") == []


def test_each_year_is_judged_on_its_own():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2023, "", 20.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2023, "", 20.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2023, "", 21.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2023, "", 21.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2023, "", 22.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2024, "", 5.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 6.0, "illustrative", "Dinkes"),
    ))
    assert rows(odd, "region_name") == []


def test_each_indicator_is_judged_on_its_own():
    odd = outliers(shown(
        ("stunting_eppgbm", "18.72.01.1001", "Metro", 2024, "", 4.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 4.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.01.1003", "Imopuro", 2024, "", 5.0, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1001", "Banjarsari", 2024, "", 5.5, "illustrative", "Dinkes"),
        ("stunting_eppgbm", "18.72.02.1002", "Purwosari", 2024, "", 6.0, "illustrative", "Dinkes"),
        ("imunisasi_dasar", "18.72.01.1001", "Metro", 2024, "", 91.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.01.1002", "Hadimulyo Barat", 2024, "", 92.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.01.1003", "Imopuro", 2024, "", 93.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.02.1001", "Banjarsari", 2024, "", 94.0, "official", "Dinkes"),
        ("imunisasi_dasar", "18.72.02.1002", "Purwosari", 2024, "", 95.0, "official", "Dinkes"),
    ))
    assert rows(odd, "region_name") == []


def test_each_series_is_judged_on_its_own():
    odd = outliers(shown(
        ("p0", "18.72.01.1001", "Metro", 2015, "", 10.0, "official", "BPS"),
        ("p0", "18.72.01.1002", "Hadimulyo Barat", 2015, "", 10.5, "official", "BPS"),
        ("p0", "18.72.01.1003", "Imopuro", 2015, "", 11.0, "official", "BPS"),
        ("p0", "18.72.02.1001", "Banjarsari", 2015, "", 11.5, "official", "BPS"),
        ("p0", "18.72.02.1002", "Purwosari", 2015, "", 12.0, "official", "BPS"),
        ("p0", "18.72.01.1001", "Metro", 2015, "2015_method", 30.0, "official", "BPS"),
        ("p0", "18.72.01.1002", "Hadimulyo Barat", 2015, "2015_method", 30.5, "official", "BPS"),
        ("p0", "18.72.01.1003", "Imopuro", 2015, "2015_method", 31.0, "official", "BPS"),
        ("p0", "18.72.02.1001", "Banjarsari", 2015, "2015_method", 31.5, "official", "BPS"),
        ("p0", "18.72.02.1002", "Purwosari", 2015, "2015_method", 32.0, "official", "BPS"),
    ))
    assert rows(odd, "region_name") == []


def test_no_values_give_an_empty_table_with_the_median_and_robust_z_columns():
    odd = outliers(shown())
    assert odd.empty and list(odd.columns) == [*SHOWN, "median", "robust_z"]

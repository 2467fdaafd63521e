"""roll_up_to_regions, the table macro of queries/engine_households_create.sql that every engine query ends
with: per-kelurahan sums become one row per city, kecamatan and kelurahan, on literal rows."""

import pandas as pd
import pytest

from tests.engine_support import KEL_A, KEL_B, KEL_C, connect, households


def roll_up(con, kelurahan_sums: pd.DataFrame) -> pd.DataFrame:
    """The macro applied to literal per-kelurahan sums (by code here, by key for the macro), registered under
    a name as a query's CTE would be."""
    keys = con.table("household_regions").df().set_index("kelurahan_code")["kelurahan_index"]
    kelurahan_sums = kelurahan_sums.assign(kelurahan_code=kelurahan_sums["kelurahan_code"].map(keys))
    con.register("kelurahan_sums", kelurahan_sums.rename(columns={"kelurahan_code": "kelurahan_index"}))
    return con.execute("select * from roll_up_to_regions('kelurahan_sums')").df().set_index("region_code")


@pytest.fixture
def con():
    return connect(households({"weight": 2, "hh_size": 3}, {"kelurahan_code": KEL_B}, {"kelurahan_code": KEL_C, "hh_size": 4}))


def test_every_region_gets_one_row_with_its_level_and_population(con):
    result = roll_up(con, pd.DataFrame({"kelurahan_code": [KEL_A], "x": [1.5]}))
    assert result.level.to_dict() == {"18.72": "city", "18.72.01": "kecamatan", "18.72.02": "kecamatan",
                                      KEL_A: "kelurahan", KEL_B: "kelurahan", KEL_C: "kelurahan"}
    assert result.population_persons.to_dict() == {"18.72": 11, "18.72.01": 7, "18.72.02": 4, KEL_A: 6, KEL_B: 1, KEL_C: 4}


def test_a_kelurahan_without_a_row_sums_to_zero_and_parents_add_their_kelurahan(con):
    result = roll_up(con, pd.DataFrame({"kelurahan_code": [KEL_A, KEL_C], "x": [1.5, 0.25], "n": [2, 5]}))
    assert result.x.to_dict() == {"18.72": 1.75, "18.72.01": 1.5, "18.72.02": 0.25, KEL_A: 1.5, KEL_B: 0, KEL_C: 0.25}
    assert result.n.to_dict() == {"18.72": 7, "18.72.01": 2, "18.72.02": 5, KEL_A: 2, KEL_B: 0, KEL_C: 5}


def test_no_sums_at_all_still_gives_every_region(con):
    result = roll_up(con, pd.DataFrame({"kelurahan_code": pd.Series([], dtype=str), "x": pd.Series([], dtype=float)}))
    assert len(result) == 6 and (result.x == 0).all()

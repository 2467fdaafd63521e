"""queries/engine_bench_households_input.sql on literal rows: the benchmark's resampling into new regions."""

import duckdb

from metro_poverty import db
from tests.engine_support import KEL_A, KEL_C, households


def resample(n_households=20, n_kelurahan=6):
    con = duckdb.connect()
    con.register("households_city", households(*({"exp_pc": 100 + i} for i in range(3)),
                                               *({"kelurahan_code": KEL_C, "exp_pc": 900 + i} for i in range(2))))
    db.execute(con, "engine_bench_households_input", n_households=n_households, n_kelurahan=n_kelurahan,
               kelurahan_per_kecamatan=2, kecamatan_per_city=2)
    return con.table("households_input").df()


def test_the_requested_numbers_of_households_and_regions_are_made():
    frame = resample()
    assert len(frame) == 20 and frame.hh_id.is_unique
    assert (frame.kelurahan_code.nunique(), frame.kecamatan_code.nunique(), frame.kecamatan_code.str[:5].nunique()) == (6, 3, 2)


def test_codes_are_dotted_and_nested():
    frame = resample()
    assert frame.kelurahan_code.str.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}").all()
    assert (frame.kelurahan_code.str[:8] == frame.kecamatan_code).all()


def test_a_new_kelurahan_copies_households_of_one_city_kelurahan():
    frame = resample()
    sources = frame.groupby("kelurahan_code").exp_pc.agg(lambda s: set(s // 100))
    assert all(len(s) == 1 for s in sources) and {next(iter(s)) for s in sources} == {1, 9}
    assert KEL_A not in set(frame.kelurahan_code)


def test_resampling_is_deterministic():
    assert resample().equals(resample())

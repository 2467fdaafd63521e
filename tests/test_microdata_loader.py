"""Loading household files (metro_poverty.microdata): the shipped file, real files, every error told precisely, and
the engine's tables made by queries/engine_households_create.sql."""

import duckdb
import pytest

from metro_poverty.microdata import HouseholdFileError, load_households, load_into_duckdb
from metro_poverty.microdata.schema import COLUMNS
from metro_poverty.paths import MICRODATA_DIR
from tests.engine_support import households


def write_csv(tmp_path, frame, name="households.csv", sep=","):
    path = tmp_path / name
    frame.to_csv(path, index=False, sep=sep)
    return path


def error_of(path, **kwargs) -> HouseholdFileError:
    with pytest.raises(HouseholdFileError) as caught:
        load_households(path, **kwargs)
    return caught.value


def test_the_shipped_file_loads_labelled_synthetic():
    loaded = load_households()
    assert loaded.meta.status == "synthetic" and loaded.meta.file_format == "parquet"
    assert loaded.meta.row_count == len(loaded.frame) == 50_000
    assert "SINTETIS" in loaded.meta.status_label("id") and "SYNTHETIC" in loaded.meta.status_label("en")


def test_a_csv_file_loads_as_user_supplied(tmp_path):
    loaded = load_households(write_csv(tmp_path, households({}, {"exp_pc": 450000.5})))
    assert (loaded.meta.status, loaded.meta.row_count) == ("user-supplied", 2)
    assert loaded.frame["exp_pc"].tolist() == [1_000_000.0, 450_000.5]


def test_a_missing_column_is_named(tmp_path):
    error = error_of(write_csv(tmp_path, households({}).drop(columns=["hh_size"])))
    assert "«hh_size»" in error.report("id") and "tidak ada" in error.report("id")
    assert "missing" in error.report("en")


def test_text_in_a_number_column_names_the_row_and_column(tmp_path):
    frame = households({}, {}).astype({"weight": object})
    frame.loc[1, "weight"] = "satu"
    report = error_of(write_csv(tmp_path, frame)).report("en")
    assert "row 3" in report and "column «weight»" in report and "«satu»" in report and "must be a number" in report


def test_a_negative_weight_is_refused_with_its_row(tmp_path):
    report = error_of(write_csv(tmp_path, households({}, {}, {"weight": -1.5}))).report("id")
    assert "baris 4" in report and "kolom «weight»" in report and "tidak boleh kurang dari 0" in report


def test_rows_of_a_parquet_file_count_from_one(tmp_path):
    path = tmp_path / "households.parquet"
    households({"weight": -1}).to_parquet(path)
    assert "row 1," in error_of(path).report("en")


def test_every_problem_is_reported_in_one_go(tmp_path):
    frame = households({"decile": 11}, {"hh_size": 0}).astype({"water_safe": object})
    frame.loc[0, "water_safe"] = "mungkin"
    codes = {p.code for p in error_of(write_csv(tmp_path, frame)).problems}
    assert codes == {"above_maximum", "below_minimum", "not_boolean"}


def test_many_bad_rows_are_summarised(tmp_path):
    frame = households(*({"decile": 0} for _ in range(12)))
    error = error_of(write_csv(tmp_path, frame))
    assert len(error.problems) == 6 and "7 more rows" in error.report("en")


def test_a_semicolon_file_reads_decimal_commas(tmp_path):
    frame = households({"exp_pc": 450000.5, "floor_area_pc": 7.5})
    text = frame.to_csv(index=False, sep=";", decimal=",").replace("450000,5", "450.000,5")
    path = tmp_path / "households.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_households(path)
    assert loaded.frame.loc[0, ["exp_pc", "floor_area_pc"]].tolist() == [450_000.5, 7.5]


def test_booleans_may_be_written_in_indonesian(tmp_path):
    frame = households({}).astype({"water_safe": object, "electricity": object})
    frame.loc[0, ["water_safe", "electricity"]] = ["tidak", "ya"]
    loaded = load_households(write_csv(tmp_path, frame))
    assert loaded.frame.loc[0, ["water_safe", "electricity"]].tolist() == [False, True]


def test_an_unknown_kelurahan_code_is_reported(tmp_path):
    report = error_of(write_csv(tmp_path, households({"kelurahan_code": "18.72.09.1001"}))).report("en")
    assert "18.72.09.1001" in report and "regions.csv" in report


def test_a_kecamatan_code_must_match_its_kelurahan(tmp_path):
    frame = households({})
    frame.loc[0, "kecamatan_code"] = "18.72.02"
    assert "expected «18.72.01»" in error_of(write_csv(tmp_path, frame)).report("en")


def test_a_duplicate_household_id_points_to_the_first_row(tmp_path):
    frame = households({}, {}, {})
    frame.loc[2, "hh_id"] = 1
    assert "row 4" in error_of(write_csv(tmp_path, frame)).report("en") and "already used in row 2" in error_of(
        write_csv(tmp_path, frame)).report("en")


def test_more_children_out_of_school_than_of_school_age_is_refused(tmp_path):
    frame = households({"n_children_school_age": 1, "n_children_out_of_school": 2})
    assert {p.code for p in error_of(write_csv(tmp_path, frame)).problems} == {"out_of_school_exceeds"}


def test_a_damaged_file_gives_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "households.parquet"
    path.write_bytes(b"not a parquet file at all")
    error = error_of(path)
    assert [p.code for p in error.problems] == ["unreadable"] and "households.parquet" in error.report("id")


def test_an_unknown_file_type_is_refused(tmp_path):
    path = tmp_path / "households.xlsx"
    path.write_bytes(b"")
    assert [p.code for p in error_of(path).problems] == ["unknown_format"]


def test_a_missing_file_is_reported(tmp_path):
    assert [p.code for p in error_of(tmp_path / "nothing.csv").problems] == ["not_found"]


def test_without_u_target_the_draw_comes_from_hh_id_whatever_the_order(tmp_path):
    frame = households({}, {}, {}).drop(columns=["u_target"])
    first = load_households(write_csv(tmp_path, frame, "a.csv")).frame.set_index("hh_id")["u_target"]
    shuffled = load_households(write_csv(tmp_path, frame.iloc[::-1], "b.csv")).frame.set_index("hh_id")["u_target"]
    assert first.to_dict() == shuffled.to_dict()
    assert ((first >= 0) & (first < 1)).all() and first.nunique() == 3


def test_any_well_formed_code_is_accepted_when_asked(tmp_path):
    frame = households({"kelurahan_code": "18.01.01.2001"})
    assert load_households(write_csv(tmp_path, frame), known_kelurahan=set()).meta.row_count == 1


def test_households_go_into_duckdb_with_their_regions():
    con = duckdb.connect()
    load_into_duckdb(con, households({}, {"kelurahan_code": "18.72.02.1001"}))
    assert con.execute("select count(*) from households").fetchone() == (2,)
    assert con.execute("select kelurahan_code::varchar, kecamatan_code::varchar, city_code::varchar from household_regions "
                       "order by 1").fetchall() == [("18.72.01.1001", "18.72.01", "18.72"), ("18.72.02.1001", "18.72.02", "18.72")]


def test_the_readme_documents_every_column():
    readme = (MICRODATA_DIR / "README.md").read_text(encoding="utf-8")
    assert [c.name for c in COLUMNS if f"| `{c.name}` |" not in readme] == []
    assert "SYNTHETIC" in readme and "make_microdata.py" in readme

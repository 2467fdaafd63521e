"""The scenario's results table as the page shows and downloads it (metro_poverty.engine.scenario_table):
every row a model result with status `simulated` and a source naming the model, the data and the levers."""

import io

import pandas as pd

from metro_poverty.engine import Scenario, run_scenario
from metro_poverty.engine.scenario_table import results_table
from metro_poverty.exports.tables import table_csv
from tests.engine_support import KEL_A, KEL_C, connect, households

NAMES = pd.Series({"18.72": "Kota Metro", "18.72.01": "Metro Pusat", "18.72.02": "Metro Utara", KEL_A: "Metro", KEL_C: "Banjarsari"})
SCENARIO = Scenario(transfer_rp_per_month=300_000, target_deciles=(1, 2))
DATASET = "data rumah tangga SINTETIS (households.parquet)"


def table(lang="id"):
    result = run_scenario(connect(households({"decile": 1}, {"kelurahan_code": KEL_C})), SCENARIO, 100.0)
    return results_table(result, NAMES, SCENARIO, DATASET, lang)


def test_every_row_is_a_simulated_model_result():
    out = table()
    assert len(out) == 5 and (out["Status"] == "simulated").all()
    assert list(out["Wilayah"]) == ["Kota Metro", "Metro Pusat", "Metro Utara", "Metro", "Banjarsari"]


def test_the_source_names_the_model_the_synthetic_data_and_the_levers():
    source = table()["Sumber"].iloc[0]
    assert source.startswith("Sumber:") and "Simulasi Kebijakan" in source
    assert "SINTETIS" in source and "bukan estimasi" in source
    assert "transfer=300000&deciles=1,2" in source


def test_the_csv_download_keeps_status_and_source_on_every_row():
    back = pd.read_csv(io.BytesIO(table_csv(table())), encoding="utf-8-sig")
    assert (back["Status"] == "simulated").all() and back["Sumber"].str.contains("transfer=300000").all()


def test_headers_follow_the_language():
    out = table("en")
    assert {"Area", "Level", "Status", "Source"} <= set(out.columns)
    assert "not BPS estimates" in out["Source"].iloc[0]


def test_the_baseline_says_so_in_its_source():
    result = run_scenario(connect(households({})), Scenario(), 100.0)
    assert "skenario: kondisi awal" in results_table(result, NAMES, Scenario(), DATASET, "id")["Sumber"].iloc[0]


def test_the_source_says_which_multidimensional_index_m0_is():
    result = run_scenario(connect(households({})), Scenario(), 100.0)
    assert "M0 dari indikator non-moneter" in results_table(result, NAMES, Scenario(), DATASET, "id")["Sumber"].iloc[0]
    with_expenditure = Scenario(dimension_weights=(0.25, 0.25, 0.25, 0.25))
    assert "M0 termasuk pengeluaran" in results_table(result, NAMES, with_expenditure, DATASET, "id")["Sumber"].iloc[0]

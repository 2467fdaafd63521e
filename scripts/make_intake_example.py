"""Write the ILLUSTRATIVE example upload of one OPD: data/intake_examples/e-PPGBM_Agustus_2025_Dinkes.csv.

A file as Dinas Kesehatan might send it for a NEW year (2025), to try the OPD data input page and the
CLI (`python -m metro_poverty.intake.cli preview data/intake_examples/e-PPGBM_Agustus_2025_Dinkes.csv`):
title rows above the header (saying it is illustrative), `;` separators and decimal commas, a total
row, and ONE misspelt kelurahan ("Kel. Tejo Agungg") that the intake offers to correct to Tejo Agung.
The numbers continue the illustrative 2021–2024 files: per kelurahan, slightly more children measured
than in 2024 and a stunting rate near its 2021–2024 median, so the intake's history checks stay quiet.
Made up; never official. Seeded: the same file every run.
Run: .venv/bin/python scripts/make_intake_example.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw" / "dinkes"
YEARS = (2021, 2022, 2023, 2024)
OUT = ROOT / "data" / "intake_examples" / "e-PPGBM_Agustus_2025_Dinkes.csv"
SEED = 20250831
MISSPELT = {"Kel. Tejo Agung": "Kel. Tejo Agungg"}


def id_dec(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def rows_of(year: int) -> list[list[str]]:
    """(No, Puskesmas, Kelurahan, measured, stunted, ...) rows of an illustrative e-PPGBM file, total row left out."""
    lines = (RAW / f"e-PPGBM_Agustus_{year}.csv").read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, ln in enumerate(lines) if ln.startswith("No"))
    sep = ";" if ";" in lines[header_at] else ","
    return [r for r in csv.reader(lines[header_at + 1 :], delimiter=sep) if r and r[0].strip()]


def main() -> None:
    rng = np.random.default_rng(SEED)
    history = [rows_of(y) for y in YEARS]
    out_rows, measured_sum, stunted_sum = [], 0, 0
    for i, r in enumerate(history[-1]):
        measured = int(round(int(r[3]) * rng.uniform(1.0, 1.04)))
        median = float(np.median([int(h[i][4]) / int(h[i][3]) for h in history]))
        rate = max(0.01, median + rng.normal(0, 0.002))
        stunted = int(round(measured * rate))
        measured_sum, stunted_sum = measured_sum + measured, stunted_sum + stunted
        out_rows.append([r[0], r[1], MISSPELT.get(r[2], r[2]), measured, stunted, id_dec(100 * stunted / measured)])
    out_rows.append(["", "", "Jumlah", measured_sum, stunted_sum, id_dec(100 * stunted_sum / measured_sum)])
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerows([["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"], ["DINAS KESEHATAN KOTA METRO"],
                 ["DATA ILUSTRASI - BUKAN DATA RESMI (contoh berkas unggahan OPD)"], []])
    w.writerow(["No", "Puskesmas", "Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"])
    w.writerows(out_rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buf.getvalue().encode("utf-8"))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

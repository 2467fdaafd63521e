"""Write the ILLUSTRATIVE sectoral raw files in data/raw/, in the shapes OPDs really send.

No published source gives poverty-related figures for Metro's kecamatan and kelurahan, so the app
ships made-up ones to demonstrate itself. They are labelled illustrative in the manifest, in the
store and on every screen that shows them; they never pass for official figures.

The files carry on purpose the traps seen in real OPD spreadsheets (DOMAIN.md §3): title rows above
the header, `;` separators and decimal commas, BPS 10-digit codes next to Kemendagri codes, BPS
upper-case and joined spellings, "Kec."/"Kel." prefixes, a known typo, a total row, percentages as
"95,3%" text, a Windows-1252 file, and an Excel sheet with merged header cells.

One file sets up a definition case for the FGD (DOMAIN.md §4): Dinas Pendidikan's Dapodik count of
SMA/SMK pupils at schools in the city, divided by the city's residents aged 16–18, exceeds 100%
because about 60% of SMA and 80% of SMK pupils come from outside Metro; the residence-based APS 16–18
of the same residents stays below 100%.

The levels are plausible for a city whose P0 is about 6–7%. Seeded: the same files every run.
Run: .venv/bin/python scripts/make_illustrative_data.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
SEED = 20241231
YEARS = [2021, 2022, 2023, 2024]
REGISTER_YEARS = [2022, 2023, 2024, 2025]

# BPS upper-case spellings as in BPS's master file (DOMAIN.md §3)
BPS_NAMES = {
    "18.72.01.1001": "METRO", "18.72.01.1002": "HADIMULYO TIMUR", "18.72.01.1003": "IMOPURO",
    "18.72.01.1004": "HADIMULYO BARAT", "18.72.01.1005": "YOSOMULYO", "18.72.02.1001": "BANJARSARI",
    "18.72.02.1002": "PURWOSARI", "18.72.02.1003": "KARANGREJO", "18.72.02.1004": "PURWOASRI",
    "18.72.03.1001": "MULYOJATI", "18.72.03.1002": "GANJARAGUNG", "18.72.03.1003": "MULYOSARI",
    "18.72.03.1004": "GANJARASRI", "18.72.04.1001": "YOSODADI", "18.72.04.1002": "TEJOSARI",
    "18.72.04.1003": "IRINGMULYO", "18.72.04.1004": "YOSOREJO", "18.72.04.1005": "TEJOAGUNG",
    "18.72.05.1001": "REJOMULYO", "18.72.05.1002": "MARGOREJO", "18.72.05.1003": "SUMBERSARI",
    "18.72.05.1004": "MARGODADI",
}
PUSKESMAS = {"18.72.01": "Metro", "18.72.02": "Banjarsari", "18.72.03": "Mulyojati", "18.72.04": "Yosomulyo", "18.72.05": "Sumbersari Bantul"}


def regions() -> pd.DataFrame:
    ref = pd.read_csv(ROOT / "data" / "reference" / "regions.csv", dtype=str)
    kel = ref[ref.level == "kelurahan"].copy()
    kec_names = ref.set_index("region_code")["name"]
    kel["kecamatan"] = kel.parent_code.map(kec_names)
    return kel.reset_index(drop=True)


def latent(kel: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """A deprivation score per kelurahan (kecamatan effect + own noise) and a population size."""
    kec_effect = {"18.72.01": -0.6, "18.72.02": 0.3, "18.72.03": 0.2, "18.72.04": -0.2, "18.72.05": 0.7}
    out = kel[["region_code", "bps_code", "name", "parent_code", "kecamatan"]].copy()
    out["score"] = out.parent_code.map(kec_effect) + rng.normal(0, 0.5, len(out))
    out["population"] = rng.integers(4_500, 12_500, len(out))
    return out


def rate(base: float, slope: float, score: np.ndarray, trend: float, t: int, rng, lo=0.0, hi=1.0) -> np.ndarray:
    """A share in [lo, hi] moving with the deprivation score and a yearly trend, with noise."""
    return np.clip(base + slope * score + trend * t + rng.normal(0, abs(slope) * 0.25, len(score)), lo, hi)


def binom(n: np.ndarray, p: np.ndarray, rng) -> np.ndarray:
    return rng.binomial(n.astype(int), p)


def id_dec(x: float, d: int = 1) -> str:
    return f"{x:.{d}f}".replace(".", ",")


def write_csv(path: Path, title_rows: list[list[str]], header: list[str], rows: list[list], sep: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    for r in title_rows:
        w.writerow(r)
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def register_file(lat: pd.DataFrame, rng) -> None:
    rows, n = [], 0
    for t, year in enumerate(REGISTER_YEARS):
        fam = (lat.population / 3.3).round().astype(int) + t * 25
        d14 = binom(fam, rate(0.24, 0.07, lat.score.values, -0.012, t, rng, 0.08, 0.5), rng)
        d1 = binom(fam, rate(0.045, 0.02, lat.score.values, -0.003, t, rng, 0.01, 0.2), rng)
        d1 = np.minimum(d1, d14)
        for i, r in lat.iterrows():
            n += 1
            rows.append([n, r.bps_code, BPS_NAMES[r.region_code], r.kecamatan.upper(), year, "DTSEN" if year >= 2025 else "P3KE",
                         int(fam[i]), int(d1[i]), int(d14[i]), id_dec(100 * d14[i] / fam[i], 2)])
        rows.append(["", "", "JUMLAH", "", year, "", int(fam.sum()), int(d1.sum()), int(d14.sum()), id_dec(100 * d14.sum() / fam.sum(), 2)])
    write_csv(RAW / "dinsos" / "REKAP_DESIL_KELUARGA_2022-2025.csv",
              [["REKAPITULASI KELUARGA MENURUT DESIL KESEJAHTERAAN"], ["DINAS SOSIAL KOTA METRO"], ["DATA ILUSTRASI - BUKAN DATA RESMI"], []],
              ["NO", "KODE WILAYAH", "NAMA KELURAHAN", "KECAMATAN", "TAHUN", "SUMBER DATA", "JUMLAH KK", "KK DESIL 1", "KK DESIL 1-4", "% DESIL 1-4"],
              rows, sep=";")


def eppgbm_files(lat: pd.DataFrame, rng) -> None:
    for t, year in enumerate(YEARS):
        measured = (lat.population * rng.uniform(0.062, 0.072, len(lat))).round().astype(int)
        stunted = binom(measured, rate(0.072, 0.018, lat.score.values, -0.006, t, rng, 0.02, 0.2), rng)
        sep = ";" if year in (2022, 2023) else ","
        fmt = (lambda x: id_dec(x, 2)) if sep == ";" else (lambda x: f"{x:.2f}")
        rows = []
        for i, r in lat.iterrows():
            rows.append([i + 1, f"Puskesmas {PUSKESMAS[r.parent_code]}", f"Kel. {r['name']}", int(measured[i]), int(stunted[i]),
                         fmt(100 * stunted[i] / measured[i])])
        rows.append(["", "", "Total", int(measured.sum()), int(stunted.sum()), fmt(100 * stunted.sum() / measured.sum())])
        write_csv(RAW / "dinkes" / f"e-PPGBM_Agustus_{year}.csv",
                  [[f"LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS {year}"], ["DINAS KESEHATAN KOTA METRO"], ["Data ilustrasi, bukan data resmi"], []],
                  ["No", "Puskesmas", "Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"], rows, sep=sep)


def immunisation_workbook(lat: pd.DataFrame, rng) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "IDL"
    ws.append(["CAKUPAN IMUNISASI DASAR LENGKAP (IDL) MENURUT KELURAHAN"])
    ws.append(["Dinas Kesehatan Kota Metro - data ilustrasi, bukan data resmi"])
    ws.append([])
    header1 = ["Kode Kelurahan", "Kelurahan"]
    header2 = ["", ""]
    for y in YEARS:
        header1 += [str(y), None]
        header2 += ["Sasaran", "IDL"]
    ws.append(header1)
    ws.append(header2)
    for k, y in enumerate(YEARS):
        col = 3 + 2 * k
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + 1)
    ws.merge_cells(start_row=4, start_column=1, end_row=5, end_column=1)
    ws.merge_cells(start_row=4, start_column=2, end_row=5, end_column=2)
    target = {y: (lat.population * rng.uniform(0.014, 0.018, len(lat))).round().astype(int) for y in YEARS}
    done = {y: binom(target[y], rate(0.93, -0.025, lat.score.values, 0.006, t, rng, 0.7, 0.995), rng) for t, y in enumerate(YEARS)}
    for i, r in lat.iterrows():
        row = [r.region_code, r["name"]]
        for y in YEARS:
            row += [int(target[y][i]), int(done[y][i])]
        ws.append(row)
    total = ["", "JUMLAH"]
    for y in YEARS:
        total += [int(target[y].sum()), int(done[y].sum())]
    ws.append(total)
    path = RAW / "dinkes" / "Cakupan_IDL_2021-2024.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def school_file(lat: pd.DataFrame, rng) -> None:
    groups = [("7-12 th", 0.088, 0.992, -0.003), ("13-15 th", 0.047, 0.975, -0.01), ("16-18 th", 0.046, 0.84, -0.045)]
    spelled = {"18.72.03.1002": "Ganjaragung", "18.72.04.1003": "Iringmulyo", "18.72.03.1004": "Ganjarsari", "18.72.05.1003": "Sumbersari"}
    rows = []
    for t, year in enumerate(YEARS):
        for label, share, base, slope in groups:
            pop = (lat.population * share).round().astype(int)
            school = binom(pop, rate(base, slope, lat.score.values, 0.003, t, rng, 0.5, 0.999), rng)
            for i, r in lat.iterrows():
                rows.append([year, f"Kec. {r.kecamatan}", spelled.get(r.region_code, r["name"]), label, int(pop[i]), int(school[i])])
    write_csv(RAW / "disdik" / "APS_per_kelurahan_2021_2024.csv", [["Angka Partisipasi Sekolah menurut domisili (data ilustrasi)"]],
              ["Tahun", "Kecamatan", "Kelurahan", "Kelompok Umur", "Penduduk Usia Sekolah", "Bersekolah"], rows, sep=",", encoding="utf-8-sig")


def jkn_file(lat: pd.DataFrame, rng) -> None:
    header = ["Kecamatan", "Kelurahan"]
    for y in YEARS:
        header += [f"Penduduk {y}", f"Peserta {y}", f"Cakupan {y}"]
    rows = []
    data = {}
    for t, y in enumerate(YEARS):
        pop = lat.population.values + t * 60
        data[y] = (pop, binom(pop, rate(0.955, -0.012, lat.score.values, 0.004, t, rng, 0.85, 0.999), rng))
    for i, r in lat.iterrows():
        row = [r.kecamatan, r["name"].upper()]
        for y in YEARS:
            pop, mem = data[y]
            row += [int(pop[i]), int(mem[i]), f"{id_dec(100 * mem[i] / pop[i])}%"]
        rows.append(row)
    write_csv(RAW / "bpjs" / "kepesertaan_jkn_kelurahan.csv",
              [["Kepesertaan JKN per kelurahan – posisi 31 Desember"], ["BPJS Kesehatan Cabang Metro – data ilustrasi"], []],
              header, rows, sep=";", encoding="cp1252")


def perkim_file(lat: pd.DataFrame, rng) -> None:
    rows = []
    for t, year in enumerate(YEARS):
        hh = (lat.population / 3.6).round().astype(int) + t * 20
        water = binom(hh, rate(0.94, -0.03, lat.score.values, 0.008, t, rng, 0.7, 0.999), rng)
        sanit = binom(hh, rate(0.88, -0.05, lat.score.values, 0.012, t, rng, 0.6, 0.995), rng)
        rtlh = binom(hh, rate(0.032, 0.014, lat.score.values, -0.003, t, rng, 0.003, 0.12), rng)
        for i, r in lat.iterrows():
            rows.append([f"KEC. {r.kecamatan.upper()}", BPS_NAMES[r.region_code], year, int(hh[i]), int(water[i]), int(sanit[i]), int(rtlh[i])])
    write_csv(RAW / "perkim" / "DATA_AIR_SANITASI_RTLH_2021-2024.csv",
              [["DATA AKSES AIR MINUM, SANITASI DAN RUMAH TIDAK LAYAK HUNI"], ["DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN KOTA METRO"], ["(DATA ILUSTRASI)"], []],
              ["KECAMATAN", "KELURAHAN", "TAHUN", "JML RUMAH TANGGA", "RT AIR MINUM LAYAK", "RT SANITASI LAYAK", "JML RTLH"], rows, sep=";")


def dapodik_file(rng) -> None:
    """City totals by school location. Residents aged 16–18 and those in school are the 16–18 rows of the
    APS file; of residents in school, about 40% attend an SMA and 25% an SMK in the city, and they are
    40% of SMA and 20% of SMK pupils there (60% and 80% come from outside the city)."""
    aps = pd.read_csv(RAW / "disdik" / "APS_per_kelurahan_2021_2024.csv", skiprows=1, encoding="utf-8-sig")
    aps = aps[aps["Kelompok Umur"] == "16-18 th"].groupby("Tahun")[["Penduduk Usia Sekolah", "Bersekolah"]].sum()
    rows = []
    for year in YEARS:
        residents, in_school = int(aps.loc[year, "Penduduk Usia Sekolah"]), int(aps.loc[year, "Bersekolah"])
        sma = int(round(0.40 * in_school / 0.40 * rng.uniform(0.97, 1.03)))
        smk = int(round(0.25 * in_school / 0.20 * rng.uniform(0.97, 1.03)))
        rows.append([year, "Kota Metro", sma, smk, sma + smk, residents, id_dec(100 * (sma + smk) / residents)])
    write_csv(RAW / "disdik" / "Dapodik_APK_SMA_SMK_2021-2024.csv",
              [["REKAP PESERTA DIDIK SMA/SMK (DAPODIK) DAN PENDUDUK USIA 16-18 TAHUN"], ["DINAS PENDIDIKAN KOTA METRO - DATA ILUSTRASI, BUKAN DATA RESMI"],
               ["Peserta didik menurut lokasi sekolah (termasuk siswa dari luar kota); penduduk menurut domisili"], []],
              ["Tahun", "Wilayah", "Peserta Didik SMA", "Peserta Didik SMK", "Jumlah Peserta Didik SMA/SMK", "Penduduk Usia 16-18 Tahun",
               "APK SMA/SMK (%)"], rows, sep=";")


def main() -> None:
    rng = np.random.default_rng(SEED)
    lat = latent(regions(), rng)
    register_file(lat, rng)
    eppgbm_files(lat, rng)
    immunisation_workbook(lat, rng)
    school_file(lat, rng)
    jkn_file(lat, rng)
    perkim_file(lat, rng)
    dapodik_file(np.random.default_rng(SEED + 1))  # its own stream: the files above stay as they were
    print(f"wrote illustrative raw files under {RAW}")


if __name__ == "__main__":
    main()

"""Shared pieces of the intake tests: a copy of the repo's inputs with a built store, users, and uploads
written from literal rows (CSV bytes in a chosen separator and encoding, .xlsx workbooks)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import duckdb
from openpyxl import Workbook

from metro_poverty.intake import auth
from metro_poverty.store.pointer import current_file
from metro_poverty.store.build import Inputs

PASSWORD = "kata-sandi-uji"
DINKES = auth.User("dinkes1", "opd", "Dinas Kesehatan")
DINSOS = auth.User("dinsos1", "opd", "Dinas Sosial")
ADMIN = auth.User("admin1", "admin", "")
EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "intake_examples" / "e-PPGBM_Agustus_2025_Dinkes.csv"
TEJO_AGUNG = "18.72.04.1005"
EPPGBM_HEADER = ["No", "Puskesmas", "Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting", "Prevalensi (%)"]


def inputs_with_store(root: Path, inputs_factory, schematic_store: Path) -> Inputs:
    """A fresh copy of the repo's inputs under root, with the session's schematic store copied in as current."""
    inputs = inputs_factory(root)
    shutil.copytree(schematic_store.parent, inputs.store_dir)
    return inputs


def csv_bytes(rows: list[list], sep: str = ";", encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None, formats: dict[str, dict[str, str]] | None = None,
               hidden: dict[str, list] | None = None) -> bytes:
    """A workbook with one sheet per entry (rows from A1); merges: sheet -> ranges; formats: sheet -> {cell: number format};
    hidden: sheet -> rows (numbers) and columns (letters) Excel hides."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
        for cell, fmt in (formats or {}).get(title, {}).items():
            ws[cell].number_format = fmt
        for place in (hidden or {}).get(title, []):
            dimension = ws.row_dimensions[place] if isinstance(place, int) else ws.column_dimensions[place]
            dimension.hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def eppgbm_rows(year: int = 2025, names: dict[str, str] | None = None) -> list[list]:
    """A complete e-PPGBM file (22 kelurahan, title rows, a total row) for a year, from the 2024 seed file's
    counts; names: kelurahan as written -> as to write instead (a typo)."""
    seed = (Path(__file__).resolve().parent.parent / "data" / "raw" / "dinkes" / "e-PPGBM_Agustus_2024.csv").read_text(encoding="utf-8")
    body = [r for r in csv.reader(seed.splitlines()[5:]) if r and r[0].strip()]
    rows = [[f"LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS {year}"], ["DINAS KESEHATAN KOTA METRO"], [], EPPGBM_HEADER]
    for r in body:
        rows.append([r[0], r[1], (names or {}).get(r[2], r[2]), r[3], r[4], r[5].replace(".", ",")])
    return rows


def users_file(path: Path) -> Path:
    for user in (DINKES, DINSOS, ADMIN):
        auth.add_user(user.username, PASSWORD, user.role, user.opd, path=path)
    return path


def observation_frame(inputs: Inputs):
    """The current store's observations table."""
    with duckdb.connect(str(current_file(inputs.store_dir)), read_only=True) as con:
        return con.table("observations").df()


def observations(inputs: Inputs, with_batch: bool = False) -> list[tuple]:
    """Every observation of the current store, sorted (with or without the batch ids)."""
    frame = observation_frame(inputs)
    if not with_batch:
        frame = frame.drop(columns="batch_id")
    frame = frame.astype(object).where(frame.notna(), None)  # NULL as None, so equal rows compare equal
    return sorted(frame.itertuples(index=False, name=None), key=lambda row: tuple((v is None, str(v)) for v in row))


def snapshot(inputs: Inputs) -> dict:
    """What must not change when nothing is loaded: CURRENT, the store's observations, the intake files."""
    intake = inputs.intake
    files = sorted((str(p.relative_to(intake)), p.read_bytes()) for p in intake.rglob("*") if p.is_file() and p.name != "LOCK") if intake.exists() else []
    return {"current": (inputs.store_dir / "CURRENT").read_text(), "observations": observations(inputs), "intake": files}

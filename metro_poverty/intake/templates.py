"""Excel templates for OPD data, one per indicator of the catalogue.

A template has a sheet "Data" (a few title rows, then one row per region with both codes and the name
filled in, a year column and the columns to fill), a sheet "Wilayah" with the region list in both code
systems, a sheet "Petunjuk" with instructions in Indonesian (English below), and a hidden sheet that
tells the intake how to read it. A filled-in template therefore loads with no choice to make.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from metro_poverty import paths
from metro_poverty.i18n import t
from metro_poverty.intake.choices import Choices
from metro_poverty.pipeline.manifest import Measure
from metro_poverty.pipeline.reference import load_reference

META_SHEET = "_intake"
FORMAT = "metro_poverty.intake.template/1"
DATA_SHEET = "Data"
TITLE_ROWS = 3
HEADER_ROW = TITLE_ROWS + 2  # a blank row between the title and the header
LEVEL_OF = {"kelurahan": "kelurahan", "kecamatan": "kecamatan"}  # anything coarser is filled in for the city
MEASURE_KEYS = ("column", "indicator", "role", "unit")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")


def measures(indicator: pd.Series) -> list[Measure]:
    """The columns to fill: numerator and denominator for a ratio, else the value in the catalogue unit."""
    code = indicator["code"]
    if indicator["aggregation"] == "ratio":
        return [Measure(indicator=code, role="numerator", unit="jumlah", column="Pembilang (jumlah)"),
                Measure(indicator=code, role="denominator", unit="jumlah", column="Penyebut (jumlah)")]
    return [Measure(indicator=code, role="value", unit=indicator["unit_id"], column=f"Nilai ({indicator['unit_id']})")]


def template_layout(code: str, reference_dir: Path | None = None) -> Choices | None:
    """The template's columns as a known layout, for a template whose hidden sheet was lost."""
    cat = load_reference(reference_dir or paths.REFERENCE_DIR).catalogue.set_index("code", drop=False)
    if code not in cat.index:
        return None
    return Choices(measures=tuple(measures(cat.loc[code])), region_column="Kode Kemendagri", year_column="Tahun")


def write_template(code: str, out: Path | io.BufferedIOBase, level: str | None = None, period: int | None = None,
                   reference_dir: Path | None = None, raw_dir: Path | None = None) -> None:
    """Write the .xlsx template of indicator `code` to a path or a binary file object. Raises KeyError for an unknown code."""
    ref = load_reference(reference_dir or paths.REFERENCE_DIR)
    cat = ref.catalogue.set_index("code", drop=False)
    if code not in cat.index:
        raise KeyError(code)
    ind = cat.loc[code]
    level = level or LEVEL_OF.get(ind["lowest_level"], "city")
    cols = measures(ind)
    wb = Workbook()
    _data_sheet(wb.active, ind, level, period, cols, ref.regions)
    _regions_sheet(wb.create_sheet("Wilayah"), ref.regions)
    _instructions_sheet(wb.create_sheet("Petunjuk"), ind, level, cols)
    source_id, status = default_source(code, raw_dir or paths.RAW_DIR, ref)
    meta = {"format": FORMAT, "indicator": code, "level": level, "sheet": DATA_SHEET, "header_row": HEADER_ROW,
            "region_column": "Kode Kemendagri", "year_column": "Tahun", "percent_rule": "percent",
            "source_id": source_id or "", "status": status or "",
            "measures": json.dumps([{k: getattr(m, k) for k in MEASURE_KEYS} for m in cols], ensure_ascii=False)}
    ws = wb.create_sheet(META_SHEET)
    for key, value in meta.items():
        ws.append([key, value])
    ws.sheet_state = "hidden"
    wb.save(out)


def template_bytes(code: str, level: str | None = None, period: int | None = None) -> bytes:
    """The template as bytes, for a download button."""
    buf = io.BytesIO()
    write_template(code, buf, level, period)
    return buf.getvalue()


def _data_sheet(ws, ind: pd.Series, level: str, period: int | None, cols: list[Measure], regions: pd.DataFrame) -> None:
    ws.title = DATA_SHEET
    ws.append([t("intake.template.title", "id", name=ind["name_id"], code=ind["code"])])
    ws.append([t("intake.template.subtitle", "id", unit=ind["unit_id"], level=level, producer=ind["producer"])])
    ws.append([t("intake.template.hint", "id")])
    ws.append([])
    header = ["Kode Kemendagri", "Kode BPS", "Kecamatan", "Nama Wilayah", "Tahun"] + [m.column for m in cols]
    ws.append(header)
    for cell in ws[HEADER_ROW]:
        cell.font = Font(bold=True)
    ws["A1"].font = Font(bold=True, size=13)
    names = regions.set_index("region_code")["name"]
    for r in regions[regions.level == level].sort_values("sort_order", key=lambda s: pd.to_numeric(s, errors="coerce")).itertuples():
        kecamatan = names.get(r.parent_code, "") if level == "kelurahan" else ""
        ws.append([r.region_code, r.bps_code, kecamatan, r.name, period] + [None] * len(cols))
        for c in range(len(header) - len(cols), len(header) + 1):
            ws.cell(ws.max_row, c).fill = INPUT_FILL
    for letter, width in zip("ABCDEFGH", (18, 14, 16, 22, 8, 22, 22, 22)):
        ws.column_dimensions[letter].width = width


def _regions_sheet(ws, regions: pd.DataFrame) -> None:
    ws.append(["Kode Kemendagri", "Kode BPS", "Nama", "Tingkat", "Induk (Kemendagri)"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in regions[regions.level.isin(["city", "kecamatan", "kelurahan"])].itertuples():
        ws.append([r.region_code, r.bps_code, r.name, r.level, r.parent_code])
    for letter, width in zip("ABCDE", (18, 14, 22, 12, 18)):
        ws.column_dimensions[letter].width = width


def _instructions_sheet(ws, ind: pd.Series, level: str, cols: list[Measure]) -> None:
    columns = ", ".join(m.column for m in cols)
    for lang in ("id", "en"):
        name = ind["name_id"] if lang == "id" else ind["name_en"]
        unit = ind["unit_id"] if lang == "id" else ind["unit_en"]
        definition = ind["definition_id"] if lang == "id" else ind["definition_en"]
        ws.append([t("intake.template.instructions_heading", lang)])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for step in ("step_rows", "step_year", "step_values", "step_numbers", "step_keep", "step_upload"):
            ws.append([t(f"intake.template.{step}", lang, name=name, code=ind["code"], unit=unit, level=level, columns=columns,
                         formula=ind[f"formula_{lang}"])])
        ws.append([t("intake.template.definition", lang, definition=definition)])
        ws.append([])
    ws.column_dimensions["A"].width = 120


def default_source(code: str, raw_dir: Path, ref) -> tuple[str | None, str | None]:
    """The source and status the seed data use for the indicator: its manifest entry, else its newest published figure."""
    from metro_poverty.intake.layout import manifest_layouts

    for layout in manifest_layouts(raw_dir):
        if code in layout.indicator_codes:
            return layout.source_id, layout.status
    published = raw_dir.parent / "published" / "bps_published_figures.csv"
    if published.is_file():
        rows = pd.read_csv(published, dtype=str, keep_default_na=False)
        rows = rows[rows.indicator == code]
        if len(rows):
            last = rows.sort_values("year").iloc[-1]
            return last.source_id, last.status
    return None, None


def read_meta(ws) -> dict | None:
    """The hidden sheet of a template as choices' raw material; None when it is not one of ours or is damaged."""
    meta = {}
    for row in ws.iter_rows(min_row=1, max_row=40, max_col=2, values_only=True):
        if row and isinstance(row[0], str):
            meta[row[0]] = row[1] if len(row) > 1 else None
    if meta.get("format") != FORMAT:
        return None
    try:
        cols = json.loads(meta.get("measures") or "[]")
        meta["measures"] = [{k: str(m[k]) for k in MEASURE_KEYS} for m in cols if isinstance(m, dict)]
        meta["header_row"] = int(meta["header_row"])
    except (ValueError, TypeError, KeyError):
        return None
    for key in ("source_id", "status"):
        meta[key] = meta.get(key) or None
    return meta

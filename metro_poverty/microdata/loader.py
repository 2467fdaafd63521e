"""Load a household file (the shipped synthetic one or an office's real one), CSV or Parquet.

Whatever goes wrong comes back as one HouseholdFileError listing every problem in both languages,
never as a traceback. The returned metadata says whether the data are synthetic: the shipped file
carries `dataset_status = synthetic` in its Parquet key-value metadata; anything else is
'user-supplied'.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from metro_poverty import paths
from metro_poverty.i18n import t
from metro_poverty.microdata.problems import HouseholdFileError, household_problem, limit_per_kind
from metro_poverty.microdata.validate import Source, validate

SHIPPED_FILE = paths.MICRODATA_DIR / "households.parquet"
SYNTHETIC = "synthetic"
USER_SUPPLIED = "user-supplied"
CSV_SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class HouseholdsMeta:
    status: str  # 'synthetic' or 'user-supplied'
    path: str
    row_count: int
    file_format: str  # 'csv' or 'parquet'

    def status_label(self, lang: str = "id") -> str:
        return t(f"engine.dataset_status.{self.status.replace('-', '_')}", lang)


@dataclass(frozen=True)
class LoadedHouseholds:
    frame: pd.DataFrame
    meta: HouseholdsMeta


def _separator(path: Path) -> str:
    with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
        header = fh.readline()
    return max(CSV_SEPARATORS, key=header.count)


def _read_csv(path: Path) -> tuple[pd.DataFrame, Source, str]:
    sep = _separator(path)
    raw = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    raw.columns = [str(c).strip() for c in raw.columns]
    # Files saved with ';' come from spreadsheets set to Indonesian, which write decimal commas.
    return raw, Source(path.name, first_row=2, decimal_comma=sep == ";"), USER_SUPPLIED


def _read_parquet(path: Path) -> tuple[pd.DataFrame, Source, str]:
    table = pq.read_table(path)
    metadata = table.schema.metadata or {}
    status = SYNTHETIC if metadata.get(b"dataset_status") == SYNTHETIC.encode() else USER_SUPPLIED
    return table.to_pandas(), Source(path.name, first_row=1), status


READERS = {".csv": _read_csv, ".txt": _read_csv, ".parquet": _read_parquet, ".pq": _read_parquet}


def _read(path: Path) -> tuple[pd.DataFrame, Source, str]:
    if not path.is_file():
        raise HouseholdFileError([household_problem("not_found", path.name)])
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise HouseholdFileError([household_problem("unknown_format", path.name, fields={"suffix": path.suffix or "-"})])
    try:
        return reader(path)
    except (OSError, ValueError, UnicodeError, pd.errors.ParserError) as exc:
        # pyarrow's and pandas' read errors derive from these; the reason is shown as it comes.
        raise HouseholdFileError([household_problem("unreadable", path.name, fields={"reason": str(exc).splitlines()[0][:200]})])


def known_kelurahan_codes() -> set[str]:
    regions = pd.read_csv(paths.REFERENCE_DIR / "regions.csv", dtype=str)
    return set(regions.loc[regions["level"] == "kelurahan", "region_code"])


def load_households(path: Path | str = SHIPPED_FILE, known_kelurahan: set[str] | None = None) -> LoadedHouseholds:
    """Read, validate and type a household file; raise HouseholdFileError listing every problem.

    `known_kelurahan`: the codes a file may use; by default Kota Metro's 22 from
    data/reference/regions.csv. Pass an empty set to accept any well-formed code.
    """
    path = Path(path)
    raw, source, status = _read(path)
    codes = known_kelurahan_codes() if known_kelurahan is None else known_kelurahan
    frame, problems = validate(raw, source, codes)
    if problems:
        raise HouseholdFileError(limit_per_kind(problems))
    file_format = "parquet" if READERS[path.suffix.lower()] is _read_parquet else "csv"
    return LoadedHouseholds(frame, HouseholdsMeta(status, str(path), len(frame), file_format))

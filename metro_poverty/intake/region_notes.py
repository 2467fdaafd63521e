"""What the officer should see of how the region column was read, before loading: the names read through
another spelling, and the regions of the file's level that have no row.

'Ganjarsari' is a spelling seen in OPD files for Ganjar Asri; an officer who wrote it for Ganjar Agung saw
'Tidak ada masalah' and 21 rows, and the value went to the wrong kelurahan with nothing said. Both notes are
for the reader's eye, not errors: a file may well cover part of the city, and a recognised spelling is right
far more often than not.
"""

from __future__ import annotations

import pandas as pd

from metro_poverty.intake.layout import Note
from metro_poverty.regions import code_key, name_key

MAX_LISTED = 8  # spellings named in the note; the rest are counted


def spellings(records: pd.DataFrame, obs: pd.DataFrame) -> list[Note]:
    """The rows whose region, as written, is not the region's own name (nor a code): 'Ganjarsari' = Ganjar Asri
    (row 13). `records`: the validated records (line, region_raw); `obs`: the observations with region_name."""
    if records.empty or obs.empty or "region_name" not in obs:
        return []
    written = records.loc[~records.is_total, ["line", "region_raw"]].drop_duplicates("line")
    read = obs[["origin_line", "region_name"]].drop_duplicates("origin_line").rename(columns={"origin_line": "line"})
    pairs = written.merge(read, on="line").dropna(subset=["region_name"])
    other = pairs[[code_key(w) is None and name_key(w) != name_key(n) for w, n in zip(pairs.region_raw, pairs.region_name)]]
    if other.empty:
        return []
    items = [f"«{str(w).strip()}» = {n} ({line})" for line, w, n in other.sort_values("line")[["line", "region_raw", "region_name"]].itertuples(index=False)]
    listed = "; ".join(items[:MAX_LISTED]) + (f"; +{len(items) - MAX_LISTED}" if len(items) > MAX_LISTED else "")
    return [("intake.note.spellings", {"items": listed})]


def missing(obs: pd.DataFrame, regions: pd.DataFrame, level: str | None) -> list[Note]:
    """The kelurahan (or kecamatan) of the city with no value in the file, when it has some of them."""
    if obs.empty or level not in ("kelurahan", "kecamatan"):
        return []
    of_level = regions[regions.level == level]
    present = set(obs.region_code) & set(of_level.region_code)
    absent = of_level[~of_level.region_code.isin(present)].sort_values("name")
    if not present or absent.empty:
        return []
    return [("intake.note.regions_missing", {"names": ", ".join(absent.name), "n": len(present), "total": len(of_level),
                                             "level": level})]

"""What each column of a file means (indicator, role, unit), as the uploader says it, and remembered.

One way to say it, whoever says it: the CLI's --map "COLUMN=indicator:role:unit" is parsed by
parse_map() into measure(), the same function the upload page calls with its choices. After a load, the
meaning of the file's columns is remembered per OPD and file shape (the header labels, in order,
loosely compared) in <intake>/column_maps.json; that OPD's next file of the same shape is read with it,
with a warning naming the earlier file and the indicators it loads into (intake.layout, rule 2). Another
OPD's files are not affected.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from metro_poverty import atomic, timefmt
from metro_poverty.intake.choices import Choices
from metro_poverty.pipeline.manifest import ROLES, Measure
from metro_poverty.pipeline.raw import label_key

FILE = "column_maps.json"
KEPT = ("measures", "region_column", "region_level", "label_column", "year_column", "source_id", "status", "percent_rule")


class BadMapping(ValueError):
    """A column meaning that is not one: `code` names what is wrong (a key under intake.mapping.*)."""

    def __init__(self, code: str, text: str):
        self.code, self.text = code, text
        super().__init__(f"{code}: {text}")


def measure(column: str, indicator: str, role: str, unit: str) -> Measure:
    """One column's meaning; raises BadMapping when a part is missing or the role is not one of ROLES.
    (Whether the indicator and unit exist is checked by the preview, with the rest of the file.)"""
    column, indicator, role, unit = (str(x or "").strip() for x in (column, indicator, role, unit))
    if not column or not indicator or not unit:
        raise BadMapping("incomplete", f"{column}={indicator}:{role}:{unit}")
    if role not in ROLES:
        raise BadMapping("role", role)
    return Measure(indicator=indicator, role=role, unit=unit, column=column)


def parse_map(spec: str) -> Measure:
    """'COLUMN=indicator:role:unit' (the column may itself hold '=' or ':'; the last '=' splits)."""
    column, _, meaning = str(spec).rpartition("=")
    indicator, role, unit = (meaning.split(":", 2) + ["", ""])[:3]
    return measure(column, indicator, role, unit)


def shape(columns: list[str]) -> str:
    """A file's shape: its header labels in order, compared loosely (case, spacing)."""
    return hashlib.sha256(json.dumps([label_key(c) for c in columns]).encode()).hexdigest()[:16]


def owner(user) -> str:
    """Whose memory: an officer's OPD (shared by its officers), or an admin's own name."""
    return user.opd or f"@{user.username}"


def remembered(intake_dir: Path, user, columns: list[str]) -> tuple[Choices, str] | None:
    """The meaning this OPD gave last to a file of this shape, and the batch it was given for; or None."""
    if user is None:
        return None
    entry = _read(intake_dir).get(f"{owner(user)}|{shape(columns)}")
    return None if entry is None else (Choices.from_dict(entry["choices"]), str(entry.get("batch_id", "")))


def remember(intake_dir: Path, user, columns: list[str], choices: Choices, batch_id: str) -> None:
    """Keep the meaning of these columns for this OPD's next file of the same shape (after a load)."""
    maps = _read(intake_dir)
    kept = {k: v for k, v in choices.to_dict().items() if k in KEPT}
    maps[f"{owner(user)}|{shape(columns)}"] = {"owner": owner(user), "columns": list(columns), "choices": kept,
                                                "batch_id": batch_id, "by": user.username, "saved_at": timefmt.utc_now_iso()}
    atomic.write_bytes(intake_dir / FILE, json.dumps(maps, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def delivered_units(reference_dir: Path | None = None) -> list[str]:
    """The units a column may be delivered in (data/reference/units.csv), for the uploader to choose from."""
    import pandas as pd

    from metro_poverty import paths

    return pd.read_csv((reference_dir or paths.REFERENCE_DIR) / "units.csv", dtype=str, keep_default_na=False).unit_as_delivered.tolist()


def _read(intake_dir: Path) -> dict:
    path = intake_dir / FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged memory is forgotten, never fatal: the uploader maps the columns again
    return data if isinstance(data, dict) else {}

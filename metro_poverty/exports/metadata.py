"""What travels with exported values: for each indicator its definition, unit, producer, catalogue
source, the statuses of the values shown and their source line; and the line naming the app and
the time of the export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable

import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.exports.badge import badge_text
from metro_poverty.provenance import marks_of
from metro_poverty.timefmt import wib
from metro_poverty.source_line import source_line
from metro_poverty.i18n import t

FIELDS = ("code", "name", "definition", "unit", "producer", "source", "status", "source_line")


@dataclass(frozen=True)
class IndicatorMetadata:
    code: str
    name: str
    definition: str
    unit: str
    producer: str
    source: str
    status: str
    source_line: str

    def as_row(self) -> list[str]:
        return [getattr(self, f) for f in FIELDS]


def field_labels(lang: str) -> list[str]:
    return [t(f"exports.meta.{f}", lang) for f in FIELDS]


def rows_of(indicator: Indicator, rows: pd.DataFrame | None) -> pd.DataFrame:
    """The value rows behind one indicator: its own when the rows name indicators, else all of them."""
    if rows is None:
        return pd.DataFrame()
    if "indicator_code" in rows.columns:
        return rows[rows.indicator_code == indicator.code]
    return rows


def indicator_metadata(indicators: Iterable[Indicator], rows: pd.DataFrame | None, lang: str = "id") -> list[IndicatorMetadata]:
    """One record per indicator (each once, in the order given)."""
    out, seen = [], set()
    for ind in indicators:
        if ind.code in seen:
            continue
        seen.add(ind.code)
        mine = rows_of(ind, rows)
        statuses = marks_of(mine) if "status" in mine.columns else []
        out.append(IndicatorMetadata(
            code=ind.code, name=ind.name(lang), definition=ind.definition(lang), unit=ind.unit(lang),
            producer=str(ind.meta.get("producer") or ""), source=str(ind.meta.get("source") or ""),
            status=badge_text(statuses, lang), source_line=source_line(mine, lang),
        ))
    return out


def generated_at(now: datetime | None = None, lang: str = "id") -> str:
    """'Senin, 23 November 2026, 05.40 WIB': the time an export was made, in the room's time zone."""
    return wib(now or datetime.now(timezone.utc), lang)

"""How to read an uploaded file: the choices a person makes (or confirms) on the upload page.

Anything left as None is detected (metro_poverty.intake.detect, .layout); preview returns the choices
completed, so the page can show them and the batch record stores exactly what was used. A batch is
then replayed by every build with no detection at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

from metro_poverty.pipeline.manifest import Measure

PERCENT_RULES = ("percent", "fraction")
# what an officer says a file on the upload page holds: the status of its values, and the source that goes with
# it (data/reference/sources.csv). Handing a file in is not releasing it, so it is never official (DOMAIN §6).
UPLOAD_SOURCES = {"provisional": "opd_upload", "illustrative": "opd_upload_illustrative"}
LEVELS = ("kelurahan", "kecamatan", "city")


@dataclass(frozen=True)
class Choices:
    sheet: str | None = None  # Excel: the sheet to read
    header_row: int | None = None  # first header row, 1-based as the spreadsheet shows it
    header_rows: int | None = None  # how many rows the header spans
    encoding: str | None = None  # CSV: utf-8 | cp1252
    sep: str | None = None  # CSV: ; , or tab
    decimal: str | None = None  # , or . for every number column (the uploader's choice; else decided per column)
    column_decimals: dict = field(default_factory=dict)  # number column -> , or . (intake.columns)
    indicators: tuple[str, ...] = ()  # restrict automatic column mapping to these indicators
    measures: tuple[Measure, ...] | None = None  # column -> indicator, role, unit (None: from a known layout)
    region_column: str | None = None
    region_level: str | None = None  # kelurahan | kecamatan | city
    label_column: str | None = None  # a second column that may say "Jumlah" on a total row
    year_column: str | None = None
    period: int | None = None  # the year of every row, when no year column
    series: str = ""
    series_column: str | None = None
    series_map: dict = field(default_factory=dict)
    split_column: str | None = None
    wide_pattern: str | None = None
    percent_rule: str | None = None  # percent | fraction, for percentage columns whose values are all <= 1
    source_id: str | None = None
    status: str | None = None  # official | provisional | illustrative
    aliases: dict = field(default_factory=dict)  # region as written -> region code, confirmed by the uploader

    def but(self, **changes) -> "Choices":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["indicators"] = list(self.indicators)
        out["measures"] = None if self.measures is None else [asdict(m) for m in self.measures]
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Choices":
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in dict(data).items() if k in known}
        if data.get("measures") is not None:
            data["measures"] = tuple(Measure(**m) for m in data["measures"])
        data["indicators"] = tuple(data.get("indicators") or ())
        return cls(**data)

    @property
    def indicator_codes(self) -> list[str]:
        """Every indicator the file loads (from the measures, else the restriction)."""
        if self.measures:
            return sorted({m.indicator for m in self.measures})
        return sorted(self.indicators)

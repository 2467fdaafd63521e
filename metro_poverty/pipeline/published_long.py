"""Published figures delivered one row per region, year, indicator and source, each row naming the
document it was read from (URL and title) and how far that citation can be trusted (its mark).

The first such file is `data/raw/kabkota/lampung_kabkota_poverty.csv`: the poverty figures of
Lampung's 15 kab/kota as news, aggregators and BPS pages printed them. What the file is and how to
read it is its `[[published_file]]` entry in the manifest; this module only applies it:
- every row's region is read in both code systems, which must name the same region (the two systems
  number the kabupaten differently, so a join on the suffix would swap them);
- every distinct URL becomes a source (its document), cited `primary` when the producer's own site
  published it and `secondary` otherwise; a row marked as a named official of the producer quoted
  is cited `quoted`; a row marked `conflict` keeps that flag and its note;
- indicators and units are mapped to the catalogue's, as for any other file.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from metro_poverty.pipeline.harmonize import OBS_COLUMNS
from metro_poverty.problems import Problem
from metro_poverty.pipeline.published import range_problems, without_duplicates, year_and_value
from metro_poverty.regions import RegionResolver

REQUIRED = ["kemendagri_code", "bps_code", "year", "indicator", "value", "unit", "source_url", "source_title", "mark", "note"]
MARKS = ("official", "secondary", "conflict")
LONG_COLUMNS = OBS_COLUMNS + ["citation"]
SOURCE_COLUMNS = ["source_id", "title", "publisher", "url", "locator", "published_date", "kind", "citation", "producer", "note"]


@dataclass(frozen=True)
class LongFileSpec:
    path: str
    levels: tuple[str, ...]              # the levels a row's region may be at, tried in order
    indicator_map: dict                  # the file's indicator names -> catalogue codes
    producer: str                        # whose figures the file relays
    status: str = "official"
    status_by_indicator: dict = field(default_factory=dict)   # file indicator -> status, where it differs
    producer_by_indicator: dict = field(default_factory=dict)  # file indicator -> whose figures they are, where it differs
    primary_hosts: tuple[str, ...] = ()  # a URL on one of these hosts is the producer's own publication
    source_prefix: str = "pub"

    def status_of(self, indicator: str, mark: str | None = None) -> str:
        """The file's status for an indicator, or the status the manifest gives that indicator where its figures are
        another body's (extreme poverty from Bappeda's evaluation, relayed by news); a row marked `official` is the
        producer's figure (a named official of it quoted, or its own page) and keeps the file's status: Metro's
        0,83% quoted from the head of BPS Kota Metro stood as 'Sementara' beside Bappeda's."""
        return self.status if mark == "official" else self.status_by_indicator.get(indicator, self.status)

    def producer_of(self, indicator: str, mark: str | None = None) -> str:
        """Whose figure a row is, by the same rule as status_of: Sumber Data named BPS as the producer of a news
        article relaying Bappeda Provinsi Lampung's evaluation of extreme poverty."""
        return self.producer if mark == "official" else self.producer_by_indicator.get(indicator, self.producer)


def load_long_specs(manifest: Path) -> list[LongFileSpec]:
    with manifest.open("rb") as fh:
        doc = tomllib.load(fh)
    out = []
    for entry in doc.get("published_file", []):
        entry = dict(entry)
        entry["levels"] = tuple(entry["levels"])
        entry["primary_hosts"] = tuple(entry.get("primary_hosts", ()))
        out.append(LongFileSpec(**entry))
    return out


def _host(url: str) -> str:
    return urlparse(url).netloc.lower().removeprefix("www.")


def _is_primary(url: str, spec: LongFileSpec) -> bool:
    host = _host(url)
    return any(host == h or host.endswith("." + h) for h in spec.primary_hosts)


def source_id(url: str, spec: LongFileSpec) -> str:
    return f"{spec.source_prefix}_{hashlib.sha1(url.encode()).hexdigest()[:10]}"


def citation_of(mark: str, url: str, spec: LongFileSpec) -> str:
    if _is_primary(url, spec):
        return "primary"
    return "quoted" if mark == "official" else "secondary"


def read_long_file(path: Path, spec: LongFileSpec, resolver: RegionResolver, catalogue: pd.DataFrame,
                   units: pd.DataFrame, known: dict[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Observations (with their citation), the new sources the rows name, and every problem found.

    `known` maps the URL of a source already in the reference list to its id: a row citing that URL points at
    it, so one document is listed once on the sources page (Metro Terkini April 2025 was listed twice)."""
    known = known or {}
    name = spec.path
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        return (pd.DataFrame(columns=LONG_COLUMNS), pd.DataFrame(columns=SOURCE_COLUMNS),
                [Problem("missing_column", name, fields={"column": ", ".join(missing), "found": ", ".join(table.columns)})])
    meta = catalogue.set_index("code")
    factors = {(r.unit_as_delivered, r.unit): float(r.factor) for r in units.itertuples(index=False)}
    problems, out, sources = [], [], {}
    for line, r in enumerate(table.itertuples(index=False), start=2):  # row 1 is the header
        where = dict(file=name, row=line)
        bad = []
        codes = {system: _resolve(resolver, getattr(r, system), spec.levels) for system in ("kemendagri_code", "bps_code")}
        for system, code in codes.items():
            if code is None:
                bad.append(Problem("unknown_region", column=system, value=getattr(r, system), fields={"level": "/".join(spec.levels)}, **where))
        if None not in codes.values() and codes["kemendagri_code"] != codes["bps_code"]:
            bad.append(Problem("codes_disagree", column="kemendagri_code/bps_code", value=f"{r.kemendagri_code} / {r.bps_code}",
                               fields={"kemendagri": codes["kemendagri_code"], "bps": codes["bps_code"]}, **where))
        code = spec.indicator_map.get(r.indicator)
        if code is None or code not in meta.index:
            bad.append(Problem("unknown_indicator", column="indicator", value=r.indicator, **where))
        elif (r.unit, meta.at[code, "unit_id"]) not in factors:
            bad.append(Problem("unknown_unit", column="unit", value=r.unit, fields={"expected": meta.at[code, "unit_id"]}, **where))
        if r.mark not in MARKS:
            bad.append(Problem("bad_flag", column="mark", value=r.mark, fields={"expected": ", ".join(MARKS)}, **where))
        if not r.source_url.strip() or not r.source_title.strip():
            bad.append(Problem("source_not_named", column="source_url/source_title", value=r.source_url, **where))
        year, value, found = year_and_value(r.year, r.value, where)
        bad += found
        if not bad:
            value *= factors[(r.unit, meta.at[code, "unit_id"])]
            bad += range_problems(code, value, r.value, meta, where)
        problems += bad
        if bad:
            continue
        sid = known.get(r.source_url) or source_id(r.source_url, spec)
        if r.source_url not in known:
            sources.setdefault(sid, [sid, r.source_title, _host(r.source_url), r.source_url, None, None, "published",
                                     "primary" if _is_primary(r.source_url, spec) else "secondary",
                                     spec.producer_of(r.indicator, r.mark), None])
        status = spec.status_of(r.indicator, r.mark)
        flag = "conflict" if r.mark == "conflict" else ("unverified" if status == "provisional" else None)
        out.append([code, codes["bps_code"], year, "", value, None, None, sid, status, flag, r.note or None, name, line,
                    citation_of(r.mark, r.source_url, spec)])
    obs, found = without_duplicates(pd.DataFrame(out, columns=LONG_COLUMNS), name)
    return obs, pd.DataFrame(list(sources.values()), columns=SOURCE_COLUMNS), problems + found


def _resolve(resolver: RegionResolver, text: str, levels: tuple[str, ...]) -> str | None:
    return next((c for c in (resolver.resolve(text, lvl) for lvl in levels) if c), None)

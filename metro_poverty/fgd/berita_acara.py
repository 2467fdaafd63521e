"""The berita acara (minutes) of an FGD session as a document worth signing, in the session's language:
title, day and date, place, attendees with their institutions, each agreed indicator with its catalogue
card and the decisions, open issues, a follow-up table with owners and dates, and a signature block for
the officials the deployment configures. A plain model (no markup: every typed text stays as typed);
exports.berita_acara renders it as PDF and as DOCX.

The signatories are a deployment's choice: a TOML file (`$METRO_POVERTY_SIGNATORIES_FILE`, else
`signatories.toml` beside the store) with [[signatory]] entries `role_id`, `role_en` and an optional
`name`; without it, the FGD's chair and its secretary sign.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from metro_poverty import paths, timefmt
from metro_poverty.catalog import Indicator
from metro_poverty.i18n import t

SIGNATORIES_FILE = Path(os.environ.get("METRO_POVERTY_SIGNATORIES_FILE", paths.STORE_DIR.parent / "signatories.toml"))
_SEPARATOR = re.compile(r"\s+[—–-]\s+|\s*,\s*|\s*\(\s*")  # 'Ani — BPS Kota Metro', 'Ani, BPS', 'Ani (BPS)'


@dataclass(frozen=True)
class Item:
    number: int
    name: str
    code: str
    card: list[tuple[str, str]]  # (label, text) from the catalogue
    decisions: list[tuple[str, str]]  # (label, text) as recorded
    open_issues: str
    recorded: str


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    session_title: str
    status: str
    opening: str
    attendees: list[tuple[str, str]]  # (name, institution)
    items: list[Item]
    follow_ups: list[tuple[str, str, str, str]]  # (action, owner, due, indicator)
    signatories: list[tuple[str, str]]  # (role, name or '')
    place_date: str
    labels: dict = field(default_factory=dict)


def attendee(line: str) -> tuple[str, str]:
    """'Ani — BPS Kota Metro' -> ('Ani', 'BPS Kota Metro'); a line without an institution keeps '–'."""
    parts = _SEPARATOR.split(line.strip(), maxsplit=1)
    name = parts[0].strip()
    institution = parts[1].strip().rstrip(")").strip() if len(parts) > 1 else ""
    return name, institution or "–"


CITY = "Metro"  # where the minutes are signed, above the signatures ("Metro, 30 November 2026"), whatever the venue


def signatories(lang: str, path: Path | None = None) -> list[tuple[str, str]]:
    """The officials who sign: the deployment's file when it exists and reads, else the chair and the secretary."""
    path = path or SIGNATORIES_FILE
    try:
        with path.open("rb") as fh:
            entries = tomllib.load(fh).get("signatory") or []
        out = [(str(e.get(f"role_{lang}") or e.get("role_id") or "").strip(), str(e.get("name") or "").strip()) for e in entries]
        out = [(role, name) for role, name in out if role]
        if out:
            return out
    except (OSError, tomllib.TOMLDecodeError, AttributeError):
        pass
    return [(t("berita.sign.chair", lang), ""), (t("berita.sign.secretary", lang), "")]


def document(session: dict, catalogue: dict[str, Indicator], lang: str = "id", signers: list[tuple[str, str]] | None = None) -> Document:
    final = session.get("status") == "closed"
    day = timefmt.date(session.get("date"), lang)
    place = str(session.get("place") or "").strip()
    items, follow = [], []
    for n, a in enumerate(session.get("agreements") or [], start=1):
        ind = catalogue.get(a["indicator"])
        name = ind.name(lang) if ind else str(a["indicator"])
        card = [(t("dimension.meta.definition", lang), ind.definition(lang)), (t("dimension.meta.unit", lang), ind.unit(lang)),
                (t("dimension.meta.producer", lang), ind.producer), (t("dimension.meta.source", lang), ind.source_name(lang))] if ind else []
        decisions = [(t(f"fgd.field.{f}", lang), str(a.get(f) or "").strip() or "–")
                     for f in ("definition", "method", "reference_source", "producer")]
        items.append(Item(n, name, str(a["indicator"]), card, decisions, str(a.get("open_issues") or "").strip() or "–",
                          t("fgd.minutes.recorded", lang, by=a.get("recorded_by") or "–", at=timefmt.wib(a.get("recorded_at"), lang))))
        follow += [(f["action"], f.get("owner") or "–", timefmt.date(f.get("due"), lang) if f.get("due") else "–", name)
                   for f in a.get("follow_ups") or []]
    status = (t("fgd.minutes.final", lang, by=session.get("closed_by") or "–", at=timefmt.wib(session.get("closed_at"), lang)) if final
              else t("fgd.minutes.draft", lang))
    return Document(
        lang=lang, title=t("berita.title", lang), session_title=str(session.get("title") or ""), status=status,
        opening=t("berita.opening" if place else "berita.opening_no_place", lang, day=day, place=place, title=session.get("title") or ""),
        attendees=[attendee(a) for a in session.get("attendees") or [] if str(a).strip()],
        items=items, follow_ups=follow, signatories=signers if signers is not None else signatories(lang),
        place_date=t("berita.place_date", lang, place=CITY, day=_signed_on(session.get("date"), lang)),
    )


def labels(lang: str) -> dict[str, str]:
    """The document's headings and column names in its language."""
    keys = ("attendees", "no", "name", "institution", "agreements", "card", "decisions", "open_issues", "follow_ups", "action",
            "owner", "due", "indicator", "signatures", "page", "none")
    return {k: t(f"berita.label.{k}", lang) for k in keys}


def _signed_on(held_on, lang: str) -> str:
    """The date above the signatures, without the weekday, as an official letter writes it."""
    parsed = timefmt.parse(held_on)
    return timefmt.day_month_year(parsed.date(), lang) if parsed else "–"

"""Times shown to people: in Western Indonesia Time (WIB, Asia/Jakarta, UTC+7 all year: no daylight
saving since 1964, so a fixed offset needs no time-zone database on a Windows laptop), written the
Indonesian way ('24 November 2026 pukul 14.05 WIB') or in English ('24 November 2026, 14:05 WIB').
Records keep UTC ('2026-11-24T07:05:00Z')."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}


def parse(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def when(iso: str | None, lang: str = "id") -> str:
    """A UTC ISO time as a WIB date and time; '–' when there is none, the text as given when unreadable."""
    if not iso:
        return "–"
    moment = parse(iso)
    if moment is None:
        return str(iso)
    local = moment.astimezone(WIB)
    day = f"{local.day} {MONTHS[lang][local.month - 1]} {local.year}"
    return f"{day} pukul {local:%H.%M} WIB" if lang == "id" else f"{day}, {local:%H:%M} WIB"


def date(iso_date: str | None, lang: str = "id") -> str:
    """A calendar date ('2026-11-24') written out ('24 November 2026'); '–' when there is none."""
    try:
        d = datetime.strptime(str(iso_date), "%Y-%m-%d")
    except ValueError:
        return str(iso_date) if iso_date else "–"
    return f"{d.day} {MONTHS[lang][d.month - 1]} {d.year}"

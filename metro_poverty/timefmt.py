"""Dates and times as the room reads them: in Western Indonesia Time (WIB), the Indonesian way.

'Senin, 30 November 2026, 13.24 WIB' in the Indonesian UI, 'Monday, 30 November 2026, 13:24 WIB' in
English. Stored times stay ISO 8601 in UTC (unambiguous); they are converted here, when shown. WIB is
UTC+7 all year (no daylight saving since 1964), so a fixed offset needs no time-zone database on a
Windows laptop. The one module for times shown to people: the pages, the minutes, the brief, exports.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
DAYS = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
MONTHS = {"id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
                 "Desember"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                 "December")}


def parse(value) -> datetime | None:
    """A datetime from what the app stores: ISO 8601 ('2026-11-30T06:24:38Z'), a build stamp
    ('20261130T062438123456Z') or a datetime; naive times are taken as UTC. None when unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value or "").strip()
    if not text:
        return None
    for fmt in ("%Y%m%dT%H%M%S%fZ", "%Y%m%dT%H%M%SZ"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def long_date(day: Date | datetime, lang: str = "id") -> str:
    """'Senin, 30 November 2026'."""
    if isinstance(day, datetime):
        day = day.astimezone(WIB).date()
    elif isinstance(day, str):
        day = datetime.strptime(day, "%Y-%m-%d").date()
    lang = lang if lang in DAYS else "id"
    return f"{DAYS[lang][day.weekday()]}, {day_month_year(day, lang)}"


def day_month_year(day: Date, lang: str = "id") -> str:
    """'30 November 2026'."""
    return f"{day.day} {MONTHS[lang if lang in MONTHS else 'id'][day.month - 1]} {day.year}"


def utc_now_iso() -> str:
    """The time stored with a record: UTC, whole seconds, ISO 8601 ('2026-11-30T06:24:38+00:00')."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def today() -> Date:
    """Today's date in Metro (WIB), whatever the server's time zone."""
    return datetime.now(WIB).date()


def wib(moment, lang: str = "id", missing: str = "–") -> str:
    """'Senin, 30 November 2026, 13.24 WIB' for a stored UTC time; `missing` when there is none."""
    when = parse(moment)
    if when is None:
        return missing
    local = when.astimezone(WIB)
    clock = f"{local.hour:02d}.{local.minute:02d}" if lang == "id" else f"{local.hour:02d}:{local.minute:02d}"
    return f"{long_date(local, lang)}, {clock} WIB"


def now_wib(lang: str = "id") -> str:
    return wib(datetime.now(timezone.utc), lang)


def date(iso_date, lang: str = "id", missing: str = "–") -> str:
    """A calendar date ('2026-11-24') written out ('Selasa, 24 November 2026'); as given when unreadable."""
    if not iso_date:
        return missing
    try:
        return long_date(iso_date if isinstance(iso_date, (Date, datetime)) else str(iso_date)[:10], lang)
    except ValueError:
        return str(iso_date)

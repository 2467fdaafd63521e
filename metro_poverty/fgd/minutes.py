"""The minutes (berita acara) of an FGD session, written from its recorded agreements: date, place,
attendees, each agreed indicator with its catalogue card, and the follow-up table. Markdown here, in
which everything a person typed is escaped (it reads as typed in any Markdown viewer and never becomes
a link or an image). The signed document (PDF, DOCX) is metro_poverty.fgd.berita_acara.
Times are in WIB."""

from __future__ import annotations

from typing import Callable

from metro_poverty import timefmt
from metro_poverty.catalog import Indicator
from metro_poverty.fgd.sessions import earlier_versions
from metro_poverty.i18n import t
from metro_poverty.markdown_text import escape


def _cell(text: str) -> str:
    """Typed text inside a Markdown table cell: no pipes or line breaks to break the table, every mark escaped."""
    return escape(" ".join(str(text or "").replace("|", "/").splitlines()))


def earlier_version_lines(agreement: dict, lang: str, escape_text: Callable[[str], str]) -> list[str]:
    """One line per earlier version of an agreement: who recorded it, when, and what the next version changed, as it
    said then ('Versi 1, dicatat oleh … pada …: Metode: «Agustus»'); typed text through `escape_text`. For the
    minutes and the agreements page alike."""
    def said(field: str, value) -> str:
        if field == "follow_ups":
            value = "; ".join(f"{f['action']} ({f['owner'] or '–'}, {timefmt.date(f['due'], lang) if f['due'] else '–'})" for f in value)
        return f"{t(f'fgd.field.{field}', lang)}: «{escape_text(value) or '–'}»"

    return [t("fgd.minutes.earlier_version", lang, version=v["version"], by=escape_text(v["recorded_by"]), at=timefmt.wib(v["recorded_at"], lang))
            + ": " + ("; ".join(said(f, value) for f, value in v["changed"]) or t("fgd.minutes.unchanged", lang))
            for v in earlier_versions(agreement)]


def minutes_markdown(session: dict, catalogue: dict[str, Indicator], lang: str = "id") -> str:
    final = session.get("status") == "closed"
    status = (t("fgd.minutes.final", lang, by=escape(session.get("closed_by")), at=timefmt.wib(session.get("closed_at"), lang))
              if final else t("fgd.minutes.draft", lang))
    lines = [f"# {t('fgd.minutes.title', lang)}: {escape(session['title'])}", "",
             f"- {t('fgd.field.date', lang)}: {timefmt.date(session.get('date'), lang)}",
             f"- {t('fgd.field.place', lang)}: {escape(session.get('place')) or '–'}",
             f"- {t('fgd.field.status', lang)}: {status}",
             "", f"## {t('fgd.field.attendees', lang)}", ""]
    lines += [f"{i}. {escape(a)}" for i, a in enumerate(session.get("attendees") or [], start=1)] or ["–"]
    lines += ["", f"## {t('fgd.minutes.agreements', lang)}", ""]
    follow = []
    for n, a in enumerate(session.get("agreements") or [], start=1):
        ind = catalogue.get(a["indicator"])
        name = ind.name(lang) if ind else escape(a["indicator"])
        lines += [f"### {n}. {name} ({escape(a['indicator'])})", ""]
        if ind:
            lines += [f"**{t('fgd.minutes.card', lang)}:** {ind.definition(lang)} — {t('dimension.meta.unit', lang)}: {ind.unit(lang)}; "
                      f"{t('dimension.meta.producer', lang)}: {ind.meta.get('producer')}; {t('dimension.meta.source', lang)}: {ind.source_name(lang)}.", ""]
        for field in ("definition", "method", "reference_source", "producer", "open_issues"):
            lines.append(f"- **{t(f'fgd.field.{field}', lang)}:** {escape(a.get(field)) or '–'}")
        lines += ["", f"_{t('fgd.minutes.recorded', lang, by=escape(a['recorded_by']), at=timefmt.wib(a['recorded_at'], lang))}_", ""]
        earlier = earlier_version_lines(a, lang, escape)
        if earlier:  # every version stays on record, and the minutes say what each said before the next changed it
            lines += [f"**{t('fgd.minutes.earlier', lang)}:**", "", *(f"- {line}" for line in earlier), ""]
        follow += [(name, f) for f in a.get("follow_ups") or []]
    if not session.get("agreements"):
        lines += [t("fgd.minutes.none", lang), ""]
    lines += [f"## {t('fgd.minutes.follow_ups', lang)}", ""]
    if follow:
        lines += [f"| No | {t('fgd.field.action', lang)} | {t('fgd.field.owner', lang)} | {t('fgd.field.due', lang)} | {t('fgd.field.indicator', lang)} |",
                  "|---|---|---|---|---|"]
        lines += [f"| {i} | {_cell(f['action'])} | {_cell(f['owner'])} | {_cell(timefmt.date(f['due'], lang))} | {_cell(name)} |"
                  for i, (name, f) in enumerate(follow, start=1)]
    else:
        lines.append("–")
    return "\n".join(lines) + "\n"

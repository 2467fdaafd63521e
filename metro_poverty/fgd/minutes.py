"""The minutes (berita acara) of an FGD session, written from its recorded agreements: date, place,
attendees, each agreed indicator with its catalogue card, and the follow-up table. Markdown here;
metro_poverty.exports makes the PDF from the same lines."""

from __future__ import annotations

from metro_poverty.catalog import Indicator
from metro_poverty.i18n import t


def _cell(text: str) -> str:
    """Text inside a Markdown table cell: no pipes or line breaks to break the table."""
    return str(text or "").replace("|", "/").replace("\n", " ")


def minutes_markdown(session: dict, catalogue: dict[str, Indicator], lang: str = "id") -> str:
    final = session.get("status") == "closed"
    lines = [f"# {t('fgd.minutes.title', lang)}: {session['title']}", "",
             f"- {t('fgd.field.date', lang)}: {session.get('date') or '–'}",
             f"- {t('fgd.field.place', lang)}: {session.get('place') or '–'}",
             f"- {t('fgd.field.status', lang)}: " + (t("fgd.minutes.final", lang, by=session.get("closed_by"), at=session.get("closed_at"))
                                                    if final else t("fgd.minutes.draft", lang)),
             "", f"## {t('fgd.field.attendees', lang)}", ""]
    lines += [f"{i}. {a}" for i, a in enumerate(session.get("attendees") or [], start=1)] or ["–"]
    lines += ["", f"## {t('fgd.minutes.agreements', lang)}", ""]
    follow = []
    for n, a in enumerate(session.get("agreements") or [], start=1):
        ind = catalogue.get(a["indicator"])
        name = ind.name(lang) if ind else a["indicator"]
        lines += [f"### {n}. {name} ({a['indicator']})", ""]
        if ind:
            lines += [f"**{t('fgd.minutes.card', lang)}:** {ind.definition(lang)} — {t('dimension.meta.unit', lang)}: {ind.unit(lang)}; "
                      f"{t('dimension.meta.producer', lang)}: {ind.meta.get('producer')}; {t('dimension.meta.source', lang)}: {ind.meta.get('source')}.", ""]
        for field in ("definition", "method", "reference_source", "producer", "open_issues"):
            lines.append(f"- **{t(f'fgd.field.{field}', lang)}:** {a.get(field) or '–'}")
        lines += ["", f"_{t('fgd.minutes.recorded', lang, by=a['recorded_by'], at=a['recorded_at'])}_", ""]
        follow += [(name, f) for f in a.get("follow_ups") or []]
    if not session.get("agreements"):
        lines += [t("fgd.minutes.none", lang), ""]
    lines += [f"## {t('fgd.minutes.follow_ups', lang)}", ""]
    if follow:
        lines += [f"| No | {t('fgd.field.action', lang)} | {t('fgd.field.owner', lang)} | {t('fgd.field.due', lang)} | {t('fgd.field.indicator', lang)} |",
                  "|---|---|---|---|---|"]
        lines += [f"| {i} | {_cell(f['action'])} | {_cell(f['owner'])} | {_cell(f['due'])} | {_cell(name)} |" for i, (name, f) in enumerate(follow, start=1)]
    else:
        lines.append("–")
    return "\n".join(lines) + "\n"

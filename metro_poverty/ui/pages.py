"""The app's pages in one list: app.py builds the navigation from it, and an FGD agenda uses it to
go from a saved view (its URL path) back to the page that draws it."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from metro_poverty.i18n import t


@dataclass(frozen=True)
class PageDef:
    script: str
    url_path: str
    title_key: str
    icon: str
    section_key: str
    default: bool = False


PAGES = [
    PageDef("views/overview.py", "ringkasan", "nav.overview", ":material/dashboard:", "nav.section_main", default=True),
    PageDef("views/kabkota.py", "lampung", "nav.kabkota", ":material/leaderboard:", "nav.section_main"),
    PageDef("views/dimension_income.py", "pendapatan", "nav.dim.income", ":material/payments:", "nav.dim.section"),
    PageDef("views/dimension_education.py", "pendidikan", "nav.dim.education", ":material/school:", "nav.dim.section"),
    PageDef("views/dimension_health.py", "kesehatan", "nav.dim.health", ":material/health_and_safety:", "nav.dim.section"),
    PageDef("views/dimension_basic_services.py", "layanan-dasar", "nav.dim.basic_services", ":material/water_drop:", "nav.dim.section"),
    PageDef("views/region_profile.py", "profil-wilayah", "nav.dim.profile", ":material/location_city:", "nav.dim.section"),
    PageDef("views/scenario.py", "simulasi", "nav.scenario.title", ":material/tune:", "nav.dim.section"),
    PageDef("views/catalogue.py", "konsep-definisi", "nav.fgd.catalogue", ":material/menu_book:", "nav.fgd.section"),
    PageDef("views/agenda.py", "agenda", "nav.fgd.agenda", ":material/slideshow:", "nav.fgd.section"),
    PageDef("views/agreements.py", "kesepakatan", "nav.fgd.agreements", ":material/handshake:", "nav.fgd.section"),
    PageDef("views/reconciliation.py", "sinkronisasi-data", "nav.data.reconcile", ":material/sync_alt:", "nav.data.section"),
    PageDef("views/upload.py", "unggah-data", "nav.data.upload", ":material/upload_file:", "nav.data.section"),
    PageDef("views/data_sources.py", "sumber-data", "nav.more.sources", ":material/source:", "nav.more.section"),
]
BY_URL = {p.url_path: p for p in PAGES}
DEFAULT = next(p for p in PAGES if p.default)


def navigation(lang: str):
    """st.navigation over PAGES, sections and titles in the UI language. A path that is no page opens the
    default page with a notice in the UI language (instead of Streamlit's English "Page not found" dialog)."""
    asked = _unknown_path()
    if asked is not None:
        from metro_poverty.ui import url
        from metro_poverty.url_state import shown

        url.add_notice(t("url.unknown_page", lang, path=shown(asked) or t("url.unshown", lang), page=t(DEFAULT.title_key, lang)))
    sections: dict[str, list] = {}
    for p in PAGES:
        page = st.Page(p.script, title=t(p.title_key, lang), icon=p.icon, url_path=p.url_path, default=p.default)
        sections.setdefault(t(p.section_key, lang), []).append(page)
    return st.navigation(sections, expanded=True)


def _unknown_path() -> str | None:
    """The URL path asked for when it is none of PAGES; the request is then turned to the default page, so
    st.navigation resolves it without its dialog. A switch between pages asks by page, never by path, and is
    left alone. Reads Streamlit's pages manager (private): if a later version changes it, an unknown path gets
    Streamlit's own dialog again, and the page still opens."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    try:
        manager = get_script_run_ctx().pages_manager
        if manager.intended_page_script_hash:
            return None
        asked = manager.intended_page_name
        if not asked:
            return None
        if asked.strip("/") == DEFAULT.url_path:  # the default page is served at '/': its own name is a link to it too
            manager.set_script_intent("", "")
            return None
        if asked.strip("/") in BY_URL:
            return None
        manager.set_script_intent("", "")
    except AttributeError:
        return None
    return asked


def script_of(url_path: str) -> str | None:
    """The script that draws a URL path ('' and the default page's path are the Overview)."""
    if url_path in ("", None):
        return DEFAULT.script
    page = BY_URL.get(url_path)
    return page.script if page else None

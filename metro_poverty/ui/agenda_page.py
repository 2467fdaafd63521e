"""Agenda & Presentasi: build an ordered list of views (each a saved URL state with a title and a note),
save it (signed in: it is then yours), share it, and present it step by step in presentation mode.
Presenting and sharing need no sign-in. Typed titles and notes are shown as text (ui.safe.plain)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.fgd import agendas
from metro_poverty.i18n import t
from metro_poverty.records.database import RecordsBusy, RecordsDamaged
from metro_poverty.ui import frame, pages, presentation, saving, signin, url
from metro_poverty.ui.safe import plain

REPLACE = "_agenda_replace"


def render() -> None:
    lang = frame.lang()
    st.title(t("agenda.title", lang))
    url.show_notices()
    st.caption(t("agenda.intro", lang))
    _draft(lang)
    st.divider()
    _saved(lang)


def _draft(lang: str) -> None:
    st.subheader(t("agenda.draft", lang))
    draft = st.session_state.get("agenda_draft", [])
    if not draft:
        st.info(t("agenda.empty", lang), icon=":material/playlist_add:")
        return
    table = pd.DataFrame([{"title": s["title"], "note": s["note"], "view": _describe(s, lang)} for s in draft])
    edited = st.data_editor(table, key="agenda_editor", num_rows="dynamic", hide_index=False, width="stretch",
                            column_config={"title": st.column_config.TextColumn(t("agenda.col.title", lang), required=True, max_chars=300),
                                           "note": st.column_config.TextColumn(t("agenda.col.note", lang), max_chars=900),
                                           "view": st.column_config.TextColumn(t("agenda.col.view", lang), disabled=True)})
    kept = [dict(draft[i], title=str(row["title"] or ""), note=str(row["note"] or "")) for i, row in edited.iterrows() if i < len(draft)]
    st.session_state["agenda_draft"] = kept
    user = signin.panel(lang, "signin.to_save_agenda", "agenda")
    if user is None:
        return
    with st.form("save-agenda", border=False):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        name = c1.text_input(t("agenda.name", lang), max_chars=agendas.MAX_TEXT)
        if c2.form_submit_button(t("agenda.save", lang), icon=":material/save:"):
            saving.attempt(REPLACE, lambda replace: agendas.save(name, kept, user, replace), name, lang, lambda a: _done(a, lang))
    saving.question(REPLACE, lang, lambda a: _done(a, lang))


def _done(agenda: dict | None, lang: str) -> None:
    st.session_state["agenda_draft"] = []
    st.success(t("agenda.saved", lang, title=plain(agenda["title"] if agenda else "")))


def _describe(step: dict, lang: str) -> str:
    page = pages.BY_URL.get(step["path"]) or next(p for p in pages.PAGES if p.default)
    extra = ", ".join(f"{k}={v}" for k, v in step["params"].items())
    return t(page.title_key, lang) + (f" ({extra})" if extra else "")


def _saved(lang: str) -> None:
    st.subheader(t("agenda.saved_list", lang))
    try:
        saved = agendas.list_agendas()
    except RecordsDamaged as exc:
        st.error(exc.message(lang), icon=":material/report:")
        return
    if not saved:
        st.caption(t("agenda.none_saved", lang))
        return
    user = signin.current()
    for agenda in saved:
        with st.container(border=True):
            c1, c2 = st.columns([4, 1], vertical_alignment="center")
            owner = t("saving.owner", lang, owner=plain(agenda["owner"])) if agenda["owner"] else t("saving.no_owner", lang)
            c1.markdown(f"**{plain(agenda['title'])}** · {t('agenda.n_steps', lang, n=len(agenda['steps']))} · {owner}")
            c1.caption(" → ".join(plain(s["title"]) for s in agenda["steps"]))
            c2.button(t("agenda.start", lang), key=f"start-{agenda['id']}", icon=":material/slideshow:", type="primary",
                      on_click=presentation.go, args=(agenda, 0), width="stretch")
            _, params = presentation.step_link(agenda, 0)
            c1.caption(t("agenda.share", lang) + " " + plain(pages.BY_URL.get(agenda["steps"][0]["path"], pages.PAGES[0]).url_path
                                                              + "?" + "&".join(f"{k}={v}" for k, v in params.items())))
            if agenda["item"].may_archive(user):
                c2.button(t("saving.archive", lang), key=f"archive-{agenda['id']}", icon=":material/archive:", width="stretch",
                          on_click=_archive, args=(agenda, user, lang))


def _archive(agenda: dict, user, lang: str) -> None:
    try:
        agendas.archive(agenda["id"], user)
    except (agendas.NotAllowed, KeyError):
        st.toast(t("saving.sign_in", lang))
    except (RecordsBusy, RecordsDamaged):
        st.toast(t("records.busy", lang))
    else:
        st.toast(t("saving.archived", lang, name=plain(agenda["title"])))

"""Agenda & Presentasi: build an ordered list of views (each a saved URL state with a title and a note),
save it, share it, and present it step by step in presentation mode."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.fgd import agendas
from metro_poverty.i18n import t
from metro_poverty.ui import frame, pages, presentation, url


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
    with st.form("save-agenda", border=False):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        name = c1.text_input(t("agenda.name", lang), max_chars=agendas.MAX_TEXT)
        if c2.form_submit_button(t("agenda.save", lang), icon=":material/save:"):
            try:
                saved = agendas.save(name, kept)
            except ValueError:
                st.warning(t("agenda.invalid", lang))
            else:
                st.session_state["agenda_draft"] = []
                st.success(t("agenda.saved", lang, title=saved["title"]))


def _describe(step: dict, lang: str) -> str:
    page = pages.BY_URL.get(step["path"]) or next(p for p in pages.PAGES if p.default)
    extra = ", ".join(f"{k}={v}" for k, v in step["params"].items())
    return t(page.title_key, lang) + (f" ({extra})" if extra else "")


def _saved(lang: str) -> None:
    st.subheader(t("agenda.saved_list", lang))
    saved = agendas.list_agendas()
    if not saved:
        st.caption(t("agenda.none_saved", lang))
        return
    for agenda in saved:
        with st.container(border=True):
            c1, c2 = st.columns([4, 1], vertical_alignment="center")
            c1.markdown(f"**{agenda['title']}** · {t('agenda.n_steps', lang, n=len(agenda['steps']))}")
            c1.caption(" → ".join(s["title"] for s in agenda["steps"]))
            c2.button(t("agenda.start", lang), key=f"start-{agenda['id']}", icon=":material/slideshow:", type="primary",
                      on_click=presentation.go, args=(agenda, 0), width="stretch")
            script, params = presentation.step_link(agenda, 0)
            c1.caption(t("agenda.share", lang) + " " + pages.BY_URL.get(agenda["steps"][0]["path"], pages.PAGES[0]).url_path
                       + "?" + "&".join(f"{k}={v}" for k, v in params.items()))


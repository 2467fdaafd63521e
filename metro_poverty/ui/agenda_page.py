"""Agenda & Presentasi: build an ordered list of views (each a saved URL state with a title and a note),
save it (signed in: it is then yours), share it, and present it step by step in presentation mode.
Presenting and sharing need no sign-in. Typed titles and notes are shown as text (ui.safe.plain)."""

from __future__ import annotations

import zlib
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from metro_poverty.fgd import agendas, draft
from metro_poverty.i18n import t
from metro_poverty.records.database import RecordsBusy, RecordsDamaged
from metro_poverty.ui import cache, frame, pages, presentation, saving, signin, url
from metro_poverty.ui.safe import plain

REPLACE = "_agenda_replace"
DRAFT = frame.DRAFT.key


def render() -> None:
    lang = frame.lang()
    st.title(t("agenda.title", lang))
    url.show_notices()
    st.caption(t("agenda.intro", lang))
    _draft(lang)
    st.divider()
    _saved(lang)


def _draft(lang: str) -> None:
    """The draft's steps numbered from 1, each with its title and note to edit, moved up or down, removed.
    The draft lives in the URL (frame.DRAFT): a reload keeps it."""
    st.subheader(t("agenda.draft", lang))
    kept = st.session_state.get(DRAFT, [])
    if not kept:
        st.info(t("agenda.empty", lang), icon=":material/playlist_add:")
        return
    for i, step in enumerate(kept):
        token = f"{i}-{zlib.crc32(repr(sorted(step.items())).encode())}"  # new widgets when the step moves or changes
        with st.container(border=True):
            # the step's number in its title's label, the title widest, the three buttons on one line: at 1280 px a
            # number column wrapped '1.' onto two lines and the buttons stacked, 250 px a step
            c1, c2, c3 = st.columns([4.3, 2.3, 2.4], vertical_alignment="bottom")
            c1.text_input(f"{i + 1}. {t('agenda.col.title', lang)}", value=step["title"], max_chars=agendas.MAX_TEXT, key=f"dt-title-{token}",
                          on_change=_edit, args=(i, "title", f"dt-title-{token}"))
            c2.text_input(t("agenda.col.note", lang), value=step["note"], max_chars=agendas.MAX_TEXT * 3, key=f"dt-note-{token}",
                          on_change=_edit, args=(i, "note", f"dt-note-{token}"))
            with c3.container(horizontal=True, gap="small"):
                st.button("", icon=":material/arrow_upward:", key=f"dt-up-{token}", help=t("agenda.up", lang), disabled=i == 0,
                          on_click=_move, args=(i, -1))
                st.button("", icon=":material/arrow_downward:", key=f"dt-down-{token}", help=t("agenda.down", lang),
                          disabled=i == len(kept) - 1, on_click=_move, args=(i, 1))
                st.button("", icon=":material/delete:", key=f"dt-remove-{token}", help=t("agenda.remove", lang), on_click=_remove, args=(i,))
            st.caption(_describe(step, lang))
    st.button(t("frame.bar.present_draft", lang, n=len(kept)), icon=":material/slideshow:", type="primary", key="present-draft",
              on_click=presentation.go, args=(presentation.current_draft(lang), 0), help=t("frame.bar.present_draft_help", lang))
    user = signin.panel(lang, "signin.to_save_agenda", "agenda")
    if user is None:
        return
    with st.form("save-agenda", border=False):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        name = c1.text_input(t("agenda.name", lang), max_chars=agendas.MAX_TEXT)
        if c2.form_submit_button(t("agenda.save", lang), icon=":material/save:"):
            saving.attempt(REPLACE, lambda replace: agendas.save(name, kept, user, replace), name, lang, lambda a: _done(a, lang))
    saving.question(REPLACE, lang, lambda a: _done(a, lang))


def _edit(i: int, field: str, key: str) -> None:
    steps = list(st.session_state.get(DRAFT, []))
    text = str(st.session_state.get(key) or "").strip()
    if i < len(steps) and (text or field == "note"):  # a step keeps a title
        steps[i] = dict(steps[i], **{field: text})
        st.session_state[DRAFT] = steps


def _move(i: int, by: int) -> None:
    steps = list(st.session_state.get(DRAFT, []))
    j = i + by
    if 0 <= i < len(steps) and 0 <= j < len(steps):
        steps[i], steps[j] = steps[j], steps[i]
        st.session_state[DRAFT] = steps


def _remove(i: int) -> None:
    steps = list(st.session_state.get(DRAFT, []))
    if 0 <= i < len(steps):
        del steps[i]
        st.session_state[DRAFT] = steps


def _done(agenda: dict | None, lang: str) -> None:
    st.session_state[DRAFT] = []
    st.success(t("agenda.saved", lang, title=plain(agenda["title"] if agenda else "")))


def _describe(step: dict, lang: str) -> str:
    """Where a draft step leads, in words ('Layanan Dasar · Kecamatan · Peringkat'), whatever its title was
    edited to; never its URL parameters ('view=rank, level=kecamatan')."""
    page = pages.BY_URL.get(step["path"]) or next(p for p in pages.PAGES if p.default)
    return draft.step_title(t(page.title_key, lang), step["params"], cache.code_names(lang), lang, overview=page.default,
                            scenario=page.url_path == draft.SCENARIO_PATH)


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
            c1, c2 = st.columns([3, 1.2], vertical_alignment="center")  # 'Mulai presentasi' whole at 1280 px
            owner = t("saving.owner", lang, owner=plain(agenda["owner"])) if agenda["owner"] else t("saving.no_owner", lang)
            c1.markdown(f"**{plain(agenda['title'])}** · {t('agenda.n_steps', lang, n=len(agenda['steps']))} · {owner}")
            c1.caption(" → ".join(plain(s["title"]) for s in agenda["steps"]))
            c2.button(t("agenda.start", lang), key=f"start-{agenda['id']}", icon=":material/slideshow:", type="primary",
                      on_click=presentation.go, args=(agenda, 0), width="stretch")
            c1.caption(t("agenda.share", lang))
            c1.code(share_link(agenda), language=None, wrap_lines=True)  # the code block has a copy button
            if agenda["item"].may_archive(user):
                c2.button(t("saving.archive", lang), key=f"archive-{agenda['id']}", icon=":material/archive:", width="stretch",
                          on_click=_archive, args=(agenda, user, lang))


def share_link(agenda: dict) -> str:
    """The agenda's first step presented, as a full URL on this server: what a facilitator sends the room."""
    _, params = presentation.step_link(agenda, 0)
    here = urlsplit(st.context.url or "")
    page = pages.BY_URL.get(agenda["steps"][0]["path"], pages.DEFAULT)
    path = "" if page.default else page.url_path  # Streamlit serves the default page at '/' only
    return urlunsplit((here.scheme or "http", here.netloc or "localhost", f"/{path}", urlencode(params), ""))


def _archive(agenda: dict, user, lang: str) -> None:
    try:
        agendas.archive(agenda["id"], user)
    except (agendas.NotAllowed, KeyError):
        st.toast(t("saving.sign_in", lang))
    except (RecordsBusy, RecordsDamaged):
        st.toast(t("records.busy", lang))
    else:
        st.toast(t("saving.archived", lang, name=plain(agenda["title"])))

"""Kesepakatan FGD: every session, its agreements and its minutes, for everyone to read and download.
A signed-in FGD secretary (or admin) opens a session, records for each indicator discussed what was
agreed (definition, method, reference source, producer, open issues, follow-ups with owners and dates)
and closes it to lock it. The recorder is the signed-in user; times are shown in WIB. Everything
typed is shown as text (ui.safe.plain), never as Markdown."""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st

from metro_poverty import timefmt
from metro_poverty.exports.berita_acara import berita_acara_docx, berita_acara_pdf
from metro_poverty.fgd import berita_acara, sessions
from metro_poverty.fgd.minutes import earlier_version_lines, minutes_markdown
from metro_poverty.i18n import t
from metro_poverty.intake.auth import can_record_fgd
from metro_poverty.records.database import RecordsBusy, RecordsDamaged
from metro_poverty.ui import cache, frame, presentation, signin, url
from metro_poverty.ui.safe import plain
from metro_poverty.url_state import Param, optional_text

CONTENT = ("definition", "method", "reference_source", "producer", "open_issues")


def render() -> None:
    lang = frame.lang()
    try:
        all_sessions = sessions.list_sessions()
    except RecordsDamaged as exc:
        st.title(t("agreements.title", lang))
        st.error(exc.message(lang), icon=":material/report:")
        return
    url.restore([Param("session", [None] + [s["id"] for s in all_sessions], None, to_text=optional_text)])
    if "_open_session" in st.session_state:  # a session created on the previous run opens now
        st.session_state["session"] = st.session_state.pop("_open_session")
    elif presentation.RECORD_WANTED in st.session_state and not st.session_state.get("session"):
        # from a slide: the room's session is the newest still open (one is created only when none is)
        st.session_state["session"] = next((s["id"] for s in all_sessions if s["status"] == "open"), None)
    st.title(t("agreements.title", lang))
    url.show_notices()
    if presentation.RECORD_RETURN in st.session_state:  # one click back to the slide the room was on
        agenda, step = st.session_state[presentation.RECORD_RETURN]
        st.button(t("agreements.back_to_slide", lang, n=step + 1, total=len(agenda["steps"])), icon=":material/slideshow:",
                  type="primary", on_click=presentation.back_to_slide)
    st.caption(t("agreements.intro", lang))
    # opened from a slide to record: the sign-in form is open
    user = signin.panel(lang, "signin.to_record", "agreements", expanded=presentation.RECORD_WANTED in st.session_state)
    writer = user if can_record_fgd(user) else None
    if user is not None and writer is None:
        st.caption(t("agreements.read_only_role", lang))
    # title and date only: the status is the badge under the title (a closed session's label would otherwise go stale in the open picker)
    labels = {s["id"]: f"{s['title']} · {timefmt.date(s['date'], lang)}" for s in all_sessions}
    st.selectbox(t("agreements.session", lang), [None] + list(labels), key="session",
                 format_func=lambda sid: t("agreements.pick" if writer else "agreements.pick_read", lang) if sid is None else labels[sid],
                 placeholder=t("common.choose", lang))
    session = next((s for s in all_sessions if s["id"] == st.session_state.get("session")), None)
    if session is None:
        if writer:
            _new_session(writer, lang)
        elif not all_sessions:
            st.info(t("agreements.none_yet", lang), icon=":material/handshake:")
        return
    _header(session, lang)
    if session["status"] == "open" and writer:
        _late_attendees(session, writer, lang)
    if session["status"] == "closed" and writer:
        _unsaved_after_closing(session, lang)
    _agreement_list(session, lang)
    if session["status"] == "open" and writer:
        _record_form(session, writer, lang)
        _close(session, writer, lang)
    _downloads(session, lang)


def _write(action, lang: str) -> bool:
    """Run a write; a refusal becomes a message on the page, never a traceback."""
    try:
        action()
    except sessions.Conflict as exc:
        st.warning(t("agreements.conflict", lang, by=plain(exc.recorded_by), at=timefmt.wib(exc.recorded_at, lang), version=exc.version),
                   icon=":material/sync_problem:")
    except sessions.SessionClosed:
        st.warning(t("agreements.already_closed", lang))
    except sessions.NotAllowed:
        st.warning(t("agreements.not_allowed", lang))
    except RecordsBusy:
        st.warning(t("records.busy", lang))
    except RecordsDamaged as exc:
        st.error(exc.message(lang))
    else:
        return True
    return False


def _new_session(user, lang: str) -> None:
    with st.form("new-session"):
        st.subheader(t("agreements.new", lang))
        wanted = (st.session_state.get(presentation.RECORD_WANTED) or {}).get("title")
        title = st.text_input(t("fgd.field.title", lang), max_chars=200,
                              value=wanted or t("agreements.default_title", lang))  # the date is beside it everywhere
        c1, c2 = st.columns(2)
        date = c1.date_input(t("fgd.field.date", lang), value=timefmt.today(), format="DD/MM/YYYY")
        place = c2.text_input(t("fgd.field.place", lang), max_chars=200)
        attendees = st.text_area(t("fgd.field.attendees", lang), help=t("fgd.field.attendees_help", lang))
        if st.form_submit_button(t("agreements.create", lang), icon=":material/add:", type="primary"):
            if not title.strip():
                st.warning(t("agreements.need_title", lang))
                return
            created = {}
            if _write(lambda: created.update(sessions.create(title, date.isoformat() if date else "", place, attendees.splitlines(), user)), lang):
                st.session_state["_open_session"] = created["id"]
                st.rerun()


def _header(session: dict, lang: str) -> None:
    status = t(f"agreements.status.{session['status']}", lang)
    st.subheader(plain(session["title"]))
    st.badge(status, icon=":material/lock:" if session["status"] == "closed" else ":material/edit_note:",
             color="gray" if session["status"] == "closed" else "green")
    line = (f"{t('fgd.field.date', lang)}: {timefmt.date(session['date'], lang)} · {t('fgd.field.place', lang)}: {plain(session['place']) or '–'} · "
            + t("agreements.created", lang, by=plain(session["created_by"]), at=timefmt.wib(session["created_at"], lang)))
    if session["status"] == "closed":
        line += " · " + t("agreements.closed_by", lang, by=plain(session["closed_by"]), at=timefmt.wib(session["closed_at"], lang))
    st.caption(line)
    st.markdown(f"**{t('fgd.field.attendees', lang)}:** " + ("; ".join(plain(a) for a in session["attendees"]) or "–"))


def _late_attendees(session: dict, user, lang: str) -> None:
    with st.popover(t("agreements.add_attendees", lang), icon=":material/person_add:"):
        with st.form(f"late-attendees-{session['id']}", clear_on_submit=True, border=False):
            names = st.text_area(t("fgd.field.attendees", lang), help=t("fgd.field.attendees_help", lang))
            if st.form_submit_button(t("agreements.add_attendees", lang), type="primary") and names.strip():
                if _write(lambda: sessions.add_attendees(session["id"], names.splitlines(), user), lang):
                    st.rerun()


def _agreement_list(session: dict, lang: str) -> None:
    catalogue = cache.catalogue()
    st.markdown(f"#### {t('fgd.minutes.agreements', lang)} ({len(session['agreements'])})")
    for a in session["agreements"]:
        name = catalogue[a["indicator"]].name(lang) if a["indicator"] in catalogue else plain(a["indicator"])
        with st.expander(f"{name} — {t('fgd.minutes.recorded', lang, by=plain(a['recorded_by']), at=timefmt.wib(a['recorded_at'], lang))}"):
            # st.markdown with escaped text, not st.table: a table cell turns even an escaped :material/…: into an icon
            for f in CONTENT:
                st.markdown(f"**{t(f'fgd.field.{f}', lang)}:** {plain(a.get(f)) or '–'}")
            if a["follow_ups"]:  # a data grid draws text as text
                st.dataframe(pd.DataFrame([{t("fgd.field.action", lang): f["action"], t("fgd.field.owner", lang): f["owner"],
                                            t("fgd.field.due", lang): timefmt.date(f["due"],
                                                                                   lang)} for f in a["follow_ups"]]), hide_index=True, width="stretch")
            if a["history"]:
                st.caption(t("agreements.versions", lang, n=len(a["history"]) + 1))
                for line in earlier_version_lines(a, lang, plain):  # who changed what, as the minutes say it
                    st.caption(line)


def _record_form(session: dict, user, lang: str) -> None:
    catalogue = cache.catalogue()
    st.markdown(f"#### {t('agreements.record', lang)}")
    wanted = (st.session_state.pop(presentation.RECORD_WANTED, None) or {}).get("indicator")
    if wanted in catalogue:  # opened from a slide: the indicator the room was looking at
        st.session_state["agr_indicator"] = wanted
    code = st.selectbox(t("fgd.field.indicator", lang), list(catalogue), key="agr_indicator", format_func=lambda c: catalogue[c].name(lang),
                        placeholder=t("common.choose", lang))
    ind = catalogue[code]
    existing = next((a for a in session["agreements"] if a["indicator"] == code), None)
    # the definition, source and producer start from the catalogue; the method is the room's words (the catalogue's
    # formula is shown beside it, not typed into it)
    base = existing or {"definition": ind.definition(lang), "method": "", "reference_source": ind.source_name(lang),
                        "producer": ind.meta.get("producer") or "", "open_issues": "", "follow_ups": []}
    if existing:
        st.caption(t("agreements.editing", lang))
    # the version the form started from: a save checks it, so a text another secretary recorded meanwhile is
    # never replaced unseen (and the typed text, keyed, survives the refusal)
    started = st.session_state.setdefault(_base_key(session["id"], code), existing["version"] if existing else 0)
    refused: list[int] = []  # the version a save was refused for, this run
    with st.form(f"record-{code}"):
        values = {}
        for f in CONTENT:
            values[f] = st.text_area(t(f"fgd.field.{f}", lang), value=base.get(f) or "", height=80 if f != "definition" else 110,
                                     max_chars=sessions.MAX_TEXT, key=_field_key(session["id"], code, f))
            if f == "method" and ind.text("formula", lang):
                st.caption(t("agreements.catalogue_formula", lang, formula=plain(ind.text("formula", lang))))
        st.markdown(f"**{t('fgd.field.follow_ups', lang)}**")
        rows = _follow_up_rows(base["follow_ups"] or [], _field_key(session["id"], code, "fu"), ind.meta.get("producer") or "", lang)
        st.caption(t("agreements.recorded_as", lang, user=plain(user.username)))
        if st.form_submit_button(t("agreements.save", lang), icon=":material/save:", type="primary", key=_save_key(session["id"], code)):
            rows = [r for r in rows if r["action"].strip()]
            saved = {}

            def save() -> None:
                try:
                    saved.update(sessions.record(session["id"], {"indicator": code, **values}, rows, user,
                                                 agreement_id=existing["id"] if existing else None, expected_version=started))
                except sessions.Conflict as exc:  # read what is new, then a second save is deliberate
                    st.session_state[_base_key(session["id"], code)] = exc.version
                    refused.append(exc.version)
                    raise

            if _write(save, lang):
                st.session_state[_base_key(session["id"], code)] = saved["version"]
                st.rerun()
    if refused:  # outside the form, which holds no other button
        st.button(t("agreements.load_latest", lang, version=refused[0]), icon=":material/sync:", on_click=_load_latest, args=(session["id"], code))


def _base_key(session_id: str, code: str) -> str:
    return f"agr_base-{session_id}-{code}"


def _field_key(session_id: str, code: str, field: str) -> str:
    """A form field's key; its generation changes when the form is reloaded from the record (a widget's state,
    which the browser sends back with every rerun, is dropped only with a new key)."""
    return f"agr-{session_id}-{code}-{field}-{st.session_state.get(_generation_key(session_id, code), 0)}"


def _generation_key(session_id: str, code: str) -> str:
    return f"agr_gen-{session_id}-{code}"


def _save_key(session_id: str, code: str) -> str:
    return f"agr_save-{session_id}-{code}"


def _load_latest(session_id: str, code: str) -> None:
    """(A button callback) the form starts again from the latest recorded version: its typed text is dropped."""
    st.session_state.pop(_base_key(session_id, code), None)
    generation = _generation_key(session_id, code)
    st.session_state[generation] = st.session_state.get(generation, 0) + 1


def _unsaved_after_closing(session: dict, lang: str) -> None:
    """A save pressed in a form opened before the session was closed: nothing is written, and the text typed is
    given back to be kept elsewhere, not lost without a word."""
    code = st.session_state.get("agr_indicator")
    if not code or not st.session_state.get(_save_key(session["id"], code)):
        return
    st.warning(t("agreements.closed_unsaved", lang, by=plain(session["closed_by"] or ""), at=timefmt.wib(session["closed_at"], lang)),
               icon=":material/lock:")
    typed = "\n\n".join(f"{t(f'fgd.field.{f}', lang)}:\n{st.session_state.get(_field_key(session['id'], code, f)) or '–'}" for f in CONTENT)
    st.code(typed, language=None, wrap_lines=True)  # as text, with a copy button


FOLLOW_UP_ROWS = 3  # per save; saving again adds more


def _follow_up_rows(existing: list[dict], prefix: str, producer: str, lang: str) -> list[dict]:
    """Rows of (action, owner, due date) inside the form, with a date picker for the date; rows without an action
    are left out when saved. The first new row's owner is the indicator's producer, most often the one to act."""
    rows = []
    for i in range(max(FOLLOW_UP_ROWS, len(existing) + 1)):
        f = existing[i] if i < len(existing) else ({"owner": producer} if i == len(existing) else {})
        c1, c2, c3 = st.columns([5, 3, 2])
        action = c1.text_input(t("fgd.field.action", lang), value=f.get("action", ""), max_chars=500, key=f"{prefix}-a-{i}",
                               label_visibility="visible" if i == 0 else "collapsed")
        owner = c2.text_input(t("fgd.field.owner", lang), value=f.get("owner", ""), max_chars=120, key=f"{prefix}-o-{i}",
                              label_visibility="visible" if i == 0 else "collapsed")
        due = c3.date_input(t("fgd.field.due", lang), value=_as_date(f.get("due")), format="DD/MM/YYYY", key=f"{prefix}-d-{i}",
                            label_visibility="visible" if i == 0 else "collapsed")
        rows.append({"action": action, "owner": owner, "due": due.isoformat() if due else ""})
    return rows


def _as_date(text):
    try:
        return datetime.date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


CLOSING = "_agr_closing"  # the session whose closing is being asked about


def _close(session: dict, user, lang: str) -> None:
    """One clear button, then one question (yes or cancel) before the session is locked."""
    if st.session_state.get(CLOSING) != session["id"]:
        st.caption(t("agreements.close_help", lang))
        st.button(t("agreements.close", lang), icon=":material/lock:", type="primary", key="agr_close",
                  on_click=st.session_state.__setitem__, args=(CLOSING, session["id"]))
        return
    with st.container(border=True):
        st.markdown(f"**{t('agreements.close_question', lang, title=plain(session['title']))}**")
        st.caption(t("agreements.close_help", lang))
        c1, c2 = st.columns(2)
        if c1.button(t("agreements.close_yes", lang), type="primary", icon=":material/lock:", width="stretch", key="agr_close_yes"):
            st.session_state.pop(CLOSING, None)
            if _write(lambda: sessions.close(session["id"], user), lang):
                st.rerun()
        c2.button(t("agreements.close_no", lang), width="stretch", key="agr_close_no", on_click=st.session_state.pop, args=(CLOSING, None))


def _downloads(session: dict, lang: str) -> None:
    text = minutes_markdown(session, cache.catalogue(), lang)
    doc = berita_acara.document(session, cache.catalogue(), lang)
    stem = f"berita-acara-{session['id']}"
    row = st.container(horizontal=True)  # buttons as wide as their labels, wrapping at 1280 rather than cutting
    row.download_button(t("downloads.minutes_pdf", lang), lambda: berita_acara_pdf(doc), file_name=f"{stem}.pdf",
                       mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore")
    row.download_button(t("agreements.download_docx", lang), lambda: berita_acara_docx(doc), file_name=f"{stem}.docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", icon=":material/article:",
                       on_click="ignore")
    row.download_button(t("agreements.download_md", lang), text.encode("utf-8"), file_name=f"{stem}.md",
                       mime="text/markdown", icon=":material/description:", on_click="ignore")
    with st.expander(t("agreements.preview", lang)):
        st.markdown(text)  # typed text is escaped in the minutes themselves (fgd.minutes)

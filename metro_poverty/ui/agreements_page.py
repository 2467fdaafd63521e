"""Kesepakatan FGD: every session, its agreements and its minutes, for everyone to read and download.
A signed-in FGD secretary (or admin) opens a session, records for each indicator discussed what was
agreed (definition, method, reference source, producer, open issues, follow-ups with owners and dates)
and closes it to lock it. The recorder is the signed-in user; times are shown in WIB. Everything
typed is shown as text (ui.safe.plain), never as Markdown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import timefmt
from metro_poverty.exports.minutes_pdf import minutes_pdf
from metro_poverty.fgd import sessions
from metro_poverty.fgd.minutes import minutes_markdown
from metro_poverty.i18n import t
from metro_poverty.intake.auth import can_record_fgd
from metro_poverty.records.database import RecordsBusy, RecordsDamaged
from metro_poverty.ui import cache, frame, signin, url
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
    st.title(t("agreements.title", lang))
    url.show_notices()
    st.caption(t("agreements.intro", lang))
    user = signin.panel(lang, "signin.to_record", "agreements")
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
    _agreement_list(session, lang)
    if session["status"] == "open" and writer:
        _record_form(session, writer, lang)
        _close(session, writer, lang)
    _downloads(session, lang)


def _write(action, lang: str) -> bool:
    """Run a write; a refusal becomes a message on the page, never a traceback."""
    try:
        action()
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
        title = st.text_input(t("fgd.field.title", lang), max_chars=200)
        c1, c2 = st.columns(2)
        date = c1.date_input(t("fgd.field.date", lang), format="DD/MM/YYYY")
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
                                            t("fgd.field.due", lang): f["due"]} for f in a["follow_ups"]]), hide_index=True, width="stretch")
            if a["history"]:
                st.caption(t("agreements.versions", lang, n=len(a["history"]) + 1))


def _record_form(session: dict, user, lang: str) -> None:
    catalogue = cache.catalogue()
    st.markdown(f"#### {t('agreements.record', lang)}")
    code = st.selectbox(t("fgd.field.indicator", lang), list(catalogue), key="agr_indicator", format_func=lambda c: catalogue[c].name(lang), placeholder=t("common.choose", lang))
    ind = catalogue[code]
    existing = next((a for a in session["agreements"] if a["indicator"] == code), None)
    base = existing or {"definition": ind.definition(lang), "method": ind.meta.get("formula") or "", "reference_source": ind.meta.get("source") or "",
                        "producer": ind.meta.get("producer") or "", "open_issues": "", "follow_ups": []}
    if existing:
        st.caption(t("agreements.editing", lang))
    with st.form(f"record-{code}"):
        values = {f: st.text_area(t(f"fgd.field.{f}", lang), value=base.get(f) or "", height=80 if f != "definition" else 110) for f in CONTENT}
        st.markdown(f"**{t('fgd.field.follow_ups', lang)}**")
        follow = st.data_editor(pd.DataFrame(base["follow_ups"] or [], columns=["action", "owner", "due"]), num_rows="dynamic", width="stretch",
                                column_config={"action": st.column_config.TextColumn(t("fgd.field.action", lang), max_chars=500),
                                               "owner": st.column_config.TextColumn(t("fgd.field.owner", lang), max_chars=120),
                                               "due": st.column_config.TextColumn(t("fgd.field.due", lang), max_chars=10)})
        st.caption(t("agreements.recorded_as", lang, user=plain(user.username)))
        if st.form_submit_button(t("agreements.save", lang), icon=":material/save:", type="primary"):
            rows = follow.fillna("").to_dict("records")
            if _write(lambda: sessions.record(session["id"], {"indicator": code, **values}, rows, user,
                                              agreement_id=existing["id"] if existing else None), lang):
                st.rerun()


def _close(session: dict, user, lang: str) -> None:
    with st.expander(t("agreements.close", lang), icon=":material/lock:"):
        st.caption(t("agreements.close_help", lang))
        sure = st.checkbox(t("agreements.close_confirm", lang), key="agr_close_sure")
        if st.button(t("agreements.close", lang), disabled=not sure, type="primary"):
            if _write(lambda: sessions.close(session["id"], user), lang):
                st.rerun()


def _downloads(session: dict, lang: str) -> None:
    text = minutes_markdown(session, cache.catalogue(), lang)
    c1, c2 = st.columns(2)
    c1.download_button(t("agreements.download_md", lang), text.encode("utf-8"), file_name=f"berita-acara-{session['id']}.md",
                       mime="text/markdown", icon=":material/description:", on_click="ignore")
    c2.download_button(t("downloads.minutes_pdf", lang), lambda: minutes_pdf(text), file_name=f"berita-acara-{session['id']}.pdf",
                       mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore")
    with st.expander(t("agreements.preview", lang)):
        st.markdown(text)  # typed text is escaped in the minutes themselves (fgd.minutes)

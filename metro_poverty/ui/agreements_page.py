"""Kesepakatan FGD: open a session, record for each indicator discussed what was agreed (definition,
method, reference source, producer, open issues, follow-ups with owners and dates), close the session
to lock it, and download the minutes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty.fgd import sessions
from metro_poverty.exports.minutes_pdf import minutes_pdf
from metro_poverty.fgd.minutes import minutes_markdown
from metro_poverty.i18n import t
from metro_poverty.ui import cache, frame, url
from metro_poverty.url_state import Param, optional_text

NEW = "__new__"


def render() -> None:
    lang = frame.lang()
    all_sessions = sessions.list_sessions()
    url.restore([Param("session", [None] + [s["id"] for s in all_sessions], None, to_text=optional_text)])
    if "_open_session" in st.session_state:  # a session created on the previous run opens now
        st.session_state["session"] = st.session_state.pop("_open_session")
    st.title(t("agreements.title", lang))
    url.show_notices()
    st.caption(t("agreements.intro", lang))
    st.text_input(t("fgd.field.author", lang), key="fgd_author", max_chars=120, help=t("agreements.author_help", lang))
    labels = {s["id"]: f"{s['title']} · {s['date'] or '–'} · {t('agreements.status.' + s['status'], lang)}" for s in all_sessions}
    st.selectbox(t("agreements.session", lang), [None] + list(labels), key="session",
                 format_func=lambda sid: t("agreements.pick", lang) if sid is None else labels[sid], placeholder=t("common.choose", lang))
    session = sessions.get(st.session_state.get("session"))
    if session is None:
        _new_session(lang)
        return
    _header(session, lang)
    _agreement_list(session, lang)
    if session["status"] == "open":
        _record_form(session, lang)
        _close(session, lang)
    _downloads(session, lang)


def _author() -> str:
    return str(st.session_state.get("fgd_author") or "").strip()


def _new_session(lang: str) -> None:
    with st.form("new-session"):
        st.subheader(t("agreements.new", lang))
        title = st.text_input(t("fgd.field.title", lang), max_chars=200)
        c1, c2 = st.columns(2)
        date = c1.date_input(t("fgd.field.date", lang), format="DD/MM/YYYY")
        place = c2.text_input(t("fgd.field.place", lang), max_chars=200)
        attendees = st.text_area(t("fgd.field.attendees", lang), help=t("fgd.field.attendees_help", lang))
        if st.form_submit_button(t("agreements.create", lang), icon=":material/add:", type="primary"):
            try:
                created = sessions.create(title, date.isoformat() if date else "", place, attendees.splitlines(), _author())
            except ValueError:
                st.warning(t("agreements.need_title_author", lang))
            else:
                st.session_state["_open_session"] = created["id"]
                st.rerun()


def _header(session: dict, lang: str) -> None:
    status = t(f"agreements.status.{session['status']}", lang)
    st.subheader(session["title"])
    st.badge(status, icon=":material/lock:" if session["status"] == "closed" else ":material/edit_note:",
             color="gray" if session["status"] == "closed" else "green")
    st.caption(f"{t('fgd.field.date', lang)}: {session['date'] or '–'} · {t('fgd.field.place', lang)}: {session['place'] or '–'} · "
               + t("agreements.created", lang, by=session["created_by"], at=session["created_at"]))
    st.markdown(f"**{t('fgd.field.attendees', lang)}:** " + ("; ".join(session["attendees"]) or "–"))


def _agreement_list(session: dict, lang: str) -> None:
    catalogue = cache.catalogue()
    st.markdown(f"#### {t('fgd.minutes.agreements', lang)} ({len(session['agreements'])})")
    for a in session["agreements"]:
        name = catalogue[a["indicator"]].name(lang) if a["indicator"] in catalogue else a["indicator"]
        with st.expander(f"{name} — {t('fgd.minutes.recorded', lang, by=a['recorded_by'], at=a['recorded_at'])}"):
            rows = [(t(f"fgd.field.{f}", lang), a.get(f) or "–") for f in ("definition", "method", "reference_source", "producer", "open_issues")]
            st.table(pd.DataFrame(rows, columns=[t("catalogue.aspect", lang), "–"]).set_index(t("catalogue.aspect", lang)))
            if a["follow_ups"]:
                st.table(pd.DataFrame(a["follow_ups"]).rename(columns={"action": t("fgd.field.action", lang), "owner": t("fgd.field.owner", lang),
                                                                       "due": t("fgd.field.due", lang)}))
            if a["history"]:
                st.caption(t("agreements.versions", lang, n=len(a["history"]) + 1))


def _record_form(session: dict, lang: str) -> None:
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
        values = {f: st.text_area(t(f"fgd.field.{f}", lang), value=base.get(f) or "", height=80 if f != "definition" else 110)
                  for f in ("definition", "method", "reference_source", "producer", "open_issues")}
        st.markdown(f"**{t('fgd.field.follow_ups', lang)}**")
        follow = st.data_editor(pd.DataFrame(base["follow_ups"] or [], columns=["action", "owner", "due"]), num_rows="dynamic", width="stretch",
                                column_config={"action": st.column_config.TextColumn(t("fgd.field.action", lang), max_chars=500),
                                               "owner": st.column_config.TextColumn(t("fgd.field.owner", lang), max_chars=120),
                                               "due": st.column_config.TextColumn(t("fgd.field.due", lang), max_chars=10)})
        if st.form_submit_button(t("agreements.save", lang), icon=":material/save:", type="primary"):
            if not _author():
                st.warning(t("agreements.need_author", lang))
            else:
                rows = follow.fillna("").to_dict("records")
                sessions.record(session["id"], {"indicator": code, **values}, rows, _author(), agreement_id=existing["id"] if existing else None)
                st.rerun()


def _close(session: dict, lang: str) -> None:
    with st.expander(t("agreements.close", lang), icon=":material/lock:"):
        st.caption(t("agreements.close_help", lang))
        sure = st.checkbox(t("agreements.close_confirm", lang), key="agr_close_sure")
        if st.button(t("agreements.close", lang), disabled=not (sure and _author()), type="primary"):
            sessions.close(session["id"], _author())
            st.rerun()


def _downloads(session: dict, lang: str) -> None:
    text = minutes_markdown(session, cache.catalogue(), lang)
    c1, c2 = st.columns(2)
    c1.download_button(t("agreements.download_md", lang), text.encode("utf-8"), file_name=f"berita-acara-{session['id']}.md",
                       mime="text/markdown", icon=":material/description:", on_click="ignore")
    c2.download_button(t("downloads.minutes_pdf", lang), lambda: minutes_pdf(text), file_name=f"berita-acara-{session['id']}.pdf",
                       mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore")
    with st.expander(t("agreements.preview", lang)):
        st.markdown(text)

"""Unggah Data: a signed-in OPD data officer brings a CSV or Excel file in, confirms how it is read,
fixes names through suggestions, sees the report and a preview, accepts the warnings, and loads it as a
batch; batches can be rolled back. Everything is done by metro_poverty.intake; this page lays it out.

File names and cell contents are shown only as text (tables, code), never as Markdown or HTML."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import intake
from metro_poverty.i18n import t
from metro_poverty.ui import cache, frame, tables, url
from metro_poverty.ui.safe import plain

USER = "intake_user"


def render() -> None:
    lang = frame.lang()
    st.title(t("upload.title", lang))
    url.show_notices()
    st.caption(t("upload.intro", lang))
    user = st.session_state.get(USER)
    if user is None:
        _sign_in(lang)
        _history(None, lang)
        return
    c1, c2 = st.columns([4, 1], vertical_alignment="center")
    c1.markdown(t("upload.signed_in", lang, user=plain(user.username), role=t(f"upload.role.{user.role}", lang), opd=plain(user.opd or "–")))
    c2.button(t("upload.sign_out", lang), icon=":material/logout:", on_click=lambda: st.session_state.pop(USER, None))
    _templates(user, lang)
    _upload(user, lang)
    _history(user, lang)


def _sign_in(lang: str) -> None:
    if not intake.sign_in_available():
        st.info(t("upload.no_users", lang), icon=":material/lock:")
        return
    with st.form("sign-in"):
        st.subheader(t("upload.sign_in", lang))
        name = st.text_input(t("upload.username", lang), max_chars=64)
        password = st.text_input(t("upload.password", lang), type="password", max_chars=200)
        if st.form_submit_button(t("upload.sign_in", lang), icon=":material/login:", type="primary"):
            user = intake.authenticate(name, password)
            if user is None:
                st.error(t("upload.bad_credentials", lang))
            else:
                st.session_state[USER] = user
                st.rerun()


def _templates(user, lang: str) -> None:
    catalogue = cache.catalogue()
    allowed = [c for c in catalogue if intake.can_load(user, c)]
    with st.expander(t("upload.templates", lang), icon=":material/table_view:"):
        if not allowed:
            st.caption(t("upload.no_indicators", lang))
            return
        code = st.selectbox(t("upload.template_indicator", lang), allowed, key="tpl_indicator", format_func=lambda c: catalogue[c].name(lang), placeholder=t("common.choose", lang))
        st.download_button(t("upload.template_download", lang), lambda: intake.template_bytes(code), file_name=f"template_{code}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:",
                           on_click="ignore")


def _upload(user, lang: str) -> None:
    st.subheader(t("upload.file", lang))
    upload = st.file_uploader(t("upload.file_help", lang), type=["csv", "xlsx"], key="upload_file")
    if upload is None:
        return
    data, name = upload.getvalue(), upload.name
    state = st.session_state.setdefault("upload_state", {})
    if state.get("sha") != hash(data):
        state.clear()
        state.update(sha=hash(data), choices=intake.Choices(), accepted=set())
    pv = intake.preview(data, name, state["choices"], user=user)
    state["choices"] = pv.choices
    _reading(pv, state, lang)
    _suggestions(pv, state, lang)
    _report(pv, state, lang)
    _rows(pv, lang)
    ready = pv.ready(state["accepted"])
    if st.button(t("upload.load", lang), type="primary", icon=":material/cloud_upload:", disabled=not ready, key="upload_load"):
        outcome = intake.load(data, name, user, pv.choices, state["accepted"])
        (st.success if outcome.ok else st.error)(outcome.message(lang))
        if outcome.ok:
            state.clear()


def _reading(pv, state: dict, lang: str) -> None:
    with st.expander(t("upload.reading", lang), expanded=bool(pv.errors), icon=":material/rule:"):
        for note in pv.note_texts(lang):
            st.text(f"• {note}")
        st.caption(" ".join(intake.reading_rules(lang)))
        c1, c2, c3 = st.columns(3)
        if len(pv.sheets) > 1:
            sheet = c1.selectbox(t("upload.sheet", lang), pv.sheets, index=pv.sheets.index(pv.choices.sheet) if pv.choices.sheet in pv.sheets else 0, placeholder=t("common.choose", lang))
            if sheet != pv.choices.sheet:
                state["choices"] = pv.choices.but(sheet=sheet, measures=None)
                st.rerun()
        year = c2.number_input(t("upload.period", lang), 1990, 2100, value=pv.choices.period or 2024, step=1)
        if pv.choices.year_column is None and year != pv.choices.period:
            state["choices"] = pv.choices.but(period=int(year))
            st.rerun()
        rule = c3.radio(t("upload.percent_rule", lang), ["percent", "fraction"], horizontal=True,
                        index=0 if pv.choices.percent_rule != "fraction" else 1, format_func=lambda r: t(f"upload.percent.{r}", lang))
        if rule != (pv.choices.percent_rule or "percent"):
            state["choices"] = pv.choices.but(percent_rule=rule)
            st.rerun()


def _suggestions(pv, state: dict, lang: str) -> None:
    for s in pv.suggestions:
        if s.region_code is None:
            continue
        label = t("upload.suggestion", lang, written=plain(s.text), row=s.row or "–", name=plain(s.region_name))
        if st.checkbox(label, key=f"alias-{s.text}-{s.region_code}"):
            aliases = dict(pv.choices.aliases, **{s.text: s.region_code})
            if aliases != pv.choices.aliases:
                state["choices"] = pv.choices.but(aliases=aliases)
                st.rerun()


def _report(pv, state: dict, lang: str) -> None:
    rows = pv.report(lang)
    if not rows:
        st.success(t("upload.clean", lang), icon=":material/check_circle:")
        return
    frame_ = pd.DataFrame(rows)
    cols = [c for c in ("severity", "sheet", "row", "column", "found", "expected") if c in frame_]
    st.dataframe(frame_[cols].rename(columns={c: t(f"upload.col.{c}", lang) for c in cols}), hide_index=True, width="stretch")
    for r in rows:
        if r.get("severity") == "warning" and r.get("key"):
            if st.checkbox(t("upload.accept", lang, message=plain(r["message"])), key=f"accept-{r['key']}"):
                state["accepted"].add(r["key"])
            else:
                state["accepted"].discard(r["key"])


def _rows(pv, lang: str) -> None:
    if pv.rows.empty:
        return
    st.markdown(f"**{t('upload.preview', lang, n=len(pv.rows))}**")
    cols = ["line", "region_name", "indicator_code", "period", "value", "numerator", "denominator"]
    headers = {c: t(f"upload.col.{c}", lang) for c in cols}
    # values to 4 decimals, the way the UI writes numbers (4,8843 in Indonesian); counts as whole numbers
    tables.show(pv.rows, headers, height=300, number_decimals={headers["value"]: 4}, lang=lang)


def _history(user, lang: str) -> None:
    st.subheader(t("upload.history", lang))
    batches = intake.history()
    if not batches:
        st.caption(t("upload.no_batches", lang))
        return
    st.dataframe(pd.DataFrame([{t("upload.col.batch", lang): b.batch_id, t("upload.col.file", lang): b.file_name,
                                t("upload.col.uploader", lang): b.uploader, t("upload.col.opd", lang): b.opd,
                                t("upload.col.loaded_at", lang): b.loaded_at, t("upload.col.rows", lang): b.counts.get("observations", ""),
                                t("upload.col.status", lang): t(f"upload.batch_status.{b.status}", lang),
                                t("upload.col.rolled_back", lang): b.rolled_back_by or ""} for b in batches]),
                 hide_index=True, width="stretch")
    mine = [b for b in batches if b.active and user is not None and intake.can_rollback(user, b)]
    if not mine:
        return
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox(t("upload.rollback_pick", lang), [b.batch_id for b in mine], key="rollback_batch",
                          format_func=lambda bid: f"{bid} — {next(b.file_name for b in mine if b.batch_id == bid)}", placeholder=t("common.choose", lang))
    if c2.button(t("upload.rollback", lang), icon=":material/undo:", key="rollback_go"):
        outcome = intake.rollback(chosen, user)
        (st.success if outcome.ok else st.error)(outcome.message(lang))

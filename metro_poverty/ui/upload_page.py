"""Unggah Data: a signed-in OPD data officer brings a CSV or Excel file in, confirms how it is read,
says what its columns mean, fixes names through suggestions, sees the report and a preview, accepts the
warnings, and loads it as a batch; batches can be rolled back. Everything is done by metro_poverty.intake
(the preview in a worker with time and memory limits, once per file and choices); this page lays it out.

File names and cell contents are shown only as text (tables, code), never as Markdown or HTML."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import streamlit as st

from metro_poverty import intake, timefmt
from metro_poverty.intake import mapping, worker
from metro_poverty.intake.choices import LEVELS, UPLOAD_SOURCES
from metro_poverty.pipeline.manifest import ROLES
from metro_poverty.i18n import t
from metro_poverty.ui import cache, frame, signin, tables, url
from metro_poverty.ui.safe import plain

MAP_ROLES = ("value",) + tuple(r for r in ROLES if r != "value")  # a column's role, the commonest first


def render() -> None:
    lang = frame.lang()
    st.title(t("upload.title", lang))
    url.show_notices()
    st.caption(t("upload.intro", lang))
    user = signin.panel(lang, "signin.to_upload", "upload", expanded=True)
    if user is None or user.role not in ("admin", "opd"):
        if user is not None:
            st.caption(t("upload.role_cannot_load", lang))
        _history(user, lang)
        return
    _warm_worker()
    _templates(user, lang)
    _upload(user, lang)
    _history(user, lang)


@st.cache_resource
def _warm_worker() -> bool:
    worker.warm()
    return True


def _templates(user, lang: str) -> None:
    catalogue = cache.catalogue()
    allowed = [c for c in catalogue if intake.can_load(user, c)]
    with st.expander(t("upload.templates", lang), icon=":material/table_view:"):
        if not allowed:
            st.caption(t("upload.no_indicators", lang))
            return
        code = st.selectbox(t("upload.template_indicator", lang), allowed, key="tpl_indicator", format_func=lambda c: catalogue[c].name(lang),
                            placeholder=t("common.choose", lang))
        st.download_button(t("upload.template_download", lang), lambda: intake.template_bytes(code), file_name=f"template_{code}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:",
                           on_click="ignore")


# Streamlit's drop zone speaks English ("Upload", "32MB per file") and gives its server's limit, which is the
# intake's own (10 MB, in the label above with the formats) plus a margin: its line is hidden, and in
# Indonesian the button says what it does. Streamlit has no option for either text.
UPLOADER_CSS = """<style>
.st-key-upload_file [data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
.st-key-upload_file [data-testid="stFileUploaderDropzone"] button p {{ visibility: {own_label}; font-size: {own_size}; }}
.st-key-upload_file [data-testid="stFileUploaderDropzone"] button p::after {{ content: "{label}"; visibility: visible; font-size: 1rem; }}
</style>"""


def _upload(user, lang: str) -> None:
    st.subheader(t("upload.file", lang))
    local = lang != "en"
    st.html(UPLOADER_CSS.format(own_label="hidden" if local else "visible", own_size="0" if local else "inherit",
                                label=t("upload.choose_file", lang) if local else ""))
    upload = st.file_uploader(t("upload.file_help", lang), type=["csv", "txt", "tsv", "xlsx"], key="upload_file")
    if upload is None:
        return
    data, name = upload.getvalue(), upload.name
    state = _state(data)
    pv = _preview(data, name, state, user, lang)
    _summary(pv, lang)
    _reading(pv, state, lang)
    _mapping(pv, state, user, lang)
    _suggestions(pv, state, lang)
    _report(pv, state, lang)
    _rows(pv, lang)
    said = _data_status(pv, state, lang)
    ready = said and pv.ready(state["accepted"])
    why = waiting_for(pv, said, state["accepted"])
    if why and pv.columns:  # a greyed button with no word of why: the first thing still to do, beside it
        st.caption(t(f"upload.waiting.{why}", lang, n=len(pv.errors) or len(pv.unaccepted(state["accepted"]))))
    if st.button(t("upload.load", lang), type="primary", icon=":material/cloud_upload:", disabled=not ready, key="upload_load"):
        with st.spinner(t("upload.loading", lang)):
            outcome = intake.load(data, name, user, pv.choices, state["accepted"])
        (st.success if outcome.ok else st.error)(outcome.message(lang))
        if outcome.ok:
            state.clear()


def waiting_for(pv, said: bool, accepted) -> str | None:
    """What the load button waits for, first things first: errors fixed, warnings ticked, the data's status said."""
    if pv.errors:
        return "errors"
    if pv.unaccepted(accepted):
        return "warnings"
    return None if said else "status"


def _state(data: bytes) -> dict:
    """What the page keeps for the file on screen; a new file starts afresh but for the spellings confirmed for the
    one before it (a corrected file uploaded again brought back the error the officer had settled on the page;
    a spelling applies only where those exact words are written)."""
    sha = hashlib.sha256(data).hexdigest()
    state = st.session_state.setdefault("upload_state", {})
    if state.get("sha") != sha:
        confirmed = dict(state["choices"].aliases or {}) if state.get("choices") is not None else {}
        mapped = _mapping_of(state.get("preview"))
        state.clear()
        # the upload source until the officer says what the file holds (_data_status): never a layout's demo source
        state.update(sha=sha, choices=intake.Choices(source_id=UPLOAD_SOURCES["provisional"], status="provisional",
                                                     aliases=confirmed), accepted=set(), mapping_before=mapped)
    return state


def _mapping_of(pv) -> dict | None:
    """What the columns of the file on screen were given to mean (on the page, or found), with its header."""
    if pv is None or not pv.columns or not pv.choices.measures:
        return None
    ch = pv.choices
    return {"columns": list(pv.columns), "measures": ch.measures, "region_column": ch.region_column, "region_level": ch.region_level}


def _carried(pv, state: dict):
    """The choices to read a corrected file with when its columns are the ones the officer gave a meaning to for the
    file before, and nothing else gives them one (the mapping is remembered only once a file is loaded): the
    officer had mapped the columns, fixed a cell in Excel, uploaded again, and was asked for the mapping again."""
    before = state.get("mapping_before")
    if before is None or list(pv.columns) != before["columns"] or not any(p.code == "columns_unmapped" for p in pv.errors):
        return None
    return pv.choices.but(measures=before["measures"], region_column=before["region_column"], region_level=before["region_level"])


def _data_status(pv, state: dict, lang: str) -> bool:
    """The officer says what the file holds, for every file, before it can be loaded: the OPD's real data
    (provisional, with the upload source naming the OPD and the file) or example data (illustrative). Never
    taken from an earlier file of the same shape, which may have been a demo."""
    if not pv.columns:
        return False
    options = list(UPLOAD_SOURCES)
    said = st.radio(t("upload.data_status_question", lang), options, index=None, key=f"data-status-{state['sha'][:12]}",
                    format_func=lambda s: t(f"upload.data_status.{s}", lang),
                    captions=[t(f"upload.data_status_caption.{s}", lang) for s in options])
    st.caption(t("upload.data_status_help", lang))
    if said is None:
        return False
    if (pv.choices.source_id, pv.choices.status) != (UPLOAD_SOURCES[said], said):
        _choose(state, source_id=UPLOAD_SOURCES[said], status=said)
    return True


def _preview(data: bytes, name: str, state: dict, user, lang: str):
    """The preview of this file read with these choices: computed once (in a bounded worker), then kept
    until a choice changes; a rerun of the page never parses the file again."""
    if state.get("preview_key") != _key(state["choices"]):
        with st.spinner(t("upload.reading_file", lang)):
            pv = intake.bounded_preview(data, name, state["choices"], user=user)
            carried = _carried(pv, state)
            if carried is not None:
                pv = intake.bounded_preview(data, name, carried, user=user)
                state["carried_mapping"] = True
        state.update(preview=pv, choices=pv.choices, preview_key=_key(pv.choices), mapping_before=None)
    return state["preview"]


def _key(choices) -> str:
    return json.dumps(choices.to_dict(), sort_keys=True, default=str)


def _choose(state: dict, **changes) -> None:
    state["choices"] = state["preview"].choices.but(**changes)
    st.rerun()


def _summary(pv, lang: str) -> None:
    """What blocks the load, in words a browser (and a screen reader) can read: problems of the whole
    file in full, cell problems as the rows they are on."""
    errors = pv.errors
    if not errors:
        return
    for p in [p for p in errors if p.row is None][:5]:
        st.error(plain(p.message(lang)), icon=":material/block:")
    rows = sorted({p.row for p in errors if p.row is not None})
    if rows:
        # misspelt names only, each with a suggestion to tick: fixed on the page, not in the file ('perbaiki semuanya lalu
        # unggah lagi' sent an officer back to Excel for a row the page offered to read in one click)
        offered = {s.row for s in pv.suggestions if s.region_code is not None}
        key = "upload.error_rows_on_page" if all(p.code == "unknown_region_hint" and p.row in offered for p in errors) else "upload.error_rows"
        st.error(t(key, lang, n=len([p for p in errors if p.row is not None]), rows=", ".join(map(str, rows[:40])) +
                   (" …" if len(rows) > 40 else "")), icon=":material/error:")


def _reading(pv, state: dict, lang: str) -> None:
    with st.expander(t("upload.reading", lang), expanded=bool(pv.errors), icon=":material/rule:"):
        for note in pv.note_texts(lang):
            st.text(f"• {note}")
        c1, c2, c3 = st.columns(3)  # the choices right under what was read; the rules (15 lines) below them
        _reading_choices(pv, state, lang, c1, c2, c3)
        st.caption(" ".join(intake.reading_rules(lang)))


def _reading_choices(pv, state: dict, lang: str, c1, c2, c3) -> None:
    """The sheet, the year when no column gives it, what a percentage column holds and each ambiguous column's
    decimal mark (a year to choose sat below a paragraph of reading rules, out of sight)."""
    if len(pv.sheets) > 1:  # before anything was read too: a workbook of several tables is read once a sheet is chosen
        chosen = pv.choices.sheet in pv.sheets
        sheet = c1.selectbox(t("upload.sheet", lang), pv.sheets, index=pv.sheets.index(pv.choices.sheet) if chosen else 0 if pv.columns else None,
                             placeholder=t("common.choose", lang))
        if sheet is not None and sheet != pv.choices.sheet:
            _choose(state, sheet=sheet, measures=None, column_decimals={})
    if not pv.columns:
        return  # nothing was read as a table: no choice below would change that
    if pv.choices.year_column is None:
        year = c2.number_input(t("upload.period", lang), 1990, 2100, value=pv.choices.period, step=1, placeholder=t("upload.period_help", lang))
        if year is not None and year != pv.choices.period:
            _choose(state, period=int(year))
    # no default: values all at most 1 are an error until one is chosen (a ticked warning loaded 0,0488 as 0,0488%)
    rules = ["percent", "fraction"]
    rule = c3.radio(t("upload.percent_rule", lang), rules, horizontal=True,
                    index=rules.index(pv.choices.percent_rule) if pv.choices.percent_rule in rules else None,
                    format_func=lambda r: t(f"upload.percent.{r}", lang))
    if rule is not None and rule != pv.choices.percent_rule:
        _choose(state, percent_rule=rule)
    for p in [p for p in pv.errors if p.code == "ambiguous_number"]:
        mark = st.radio(t("upload.column_decimal", lang, column=plain(p.column)), [",", "."], index=None, horizontal=True,
                        format_func=lambda m: t(f"upload.mark.{'comma' if m == ',' else 'point'}", lang), key=f"mark-{p.column}")
        if mark is not None:
            _choose(state, column_decimals={**pv.choices.column_decimals, p.column: mark})


def _mapping(pv, state: dict, user, lang: str) -> None:
    """Each column's meaning (indicator, role, unit), prefilled with what was detected; applied at once,
    through the same function as the CLI's --map, and remembered for the OPD's next file of this shape
    when the file is loaded."""
    if not pv.columns:
        return
    unmapped = any(p.code == "columns_unmapped" for p in pv.errors)
    catalogue = cache.catalogue()
    allowed = [""] + [c for c in catalogue if intake.can_load(user, c)]
    units = mapping.delivered_units()
    current = list(pv.choices.measures or ())
    fixed = {pv.choices.region_column, pv.choices.year_column, pv.choices.label_column}
    if state.get("carried_mapping"):
        st.caption(t("upload.mapping_carried", lang))
    with st.expander(t("upload.mapping", lang), expanded=unmapped, icon=":material/view_column:"):
        with st.form(f"mapping-{state['sha'][:12]}", border=False):
            st.caption(t("upload.mapping_help", lang))
            c1, c2 = st.columns(2)
            region = c1.selectbox(t("upload.region_column", lang), pv.columns, index=_index(pv.columns, pv.choices.region_column),
                                  placeholder=t("common.choose", lang))
            level = c2.selectbox(t("upload.region_level", lang), LEVELS, index=_index(LEVELS, pv.choices.region_level), placeholder=t("common.choose", lang),
                                 format_func=lambda lv: t(f"level.{lv}", lang))
            # the columns that may hold a figure, and any already given a meaning (not the names, not 'No')
            given = {m.column for m in current}
            said = [_column_row(i, col, current, allowed, units, catalogue, lang) for i, col in enumerate(pv.columns)
                    if col and col not in fixed and (col in pv.number_columns or col in given)]
            if st.form_submit_button(t("upload.mapping_apply", lang), icon=":material/check:"):
                try:
                    measures = _measures(said, current)
                except mapping.BadMapping as exc:
                    st.error(t(f"intake.mapping.{exc.code}", lang, text=plain(exc.text), roles=", ".join(MAP_ROLES)))
                    return
                _choose(state, measures=measures or None, region_column=region, region_level=level, column_decimals={})


def _column_row(i: int, column: str, current, allowed: list[str], units: list[str], catalogue, lang: str) -> tuple:
    first = next((m for m in current if m.column == column), None)
    c1, c2, c3, c4 = st.columns([3, 5, 3, 2], vertical_alignment="center")
    c1.text(column)
    indicator = c2.selectbox(t("upload.map_indicator", lang, column=column), allowed, index=_index(allowed, first and first.indicator),
                             format_func=lambda c: f"{catalogue[c].name(lang)} ({c})" if c else t("upload.map_none", lang),
                             key=f"map-ind-{i}", label_visibility="collapsed", placeholder=t("common.choose", lang))
    role = c3.selectbox(t("upload.map_role", lang, column=column), MAP_ROLES, index=_index(MAP_ROLES, first and first.role),
                        format_func=lambda r: t(f"upload.role_kind.{r}", lang), key=f"map-role-{i}", label_visibility="collapsed",
                        placeholder=t("common.choose", lang))
    unit = c4.selectbox(t("upload.map_unit", lang, column=column), units, index=_index(units, first and first.unit),
                        key=f"map-unit-{i}", label_visibility="collapsed", placeholder=t("common.choose", lang))
    return column, indicator, role, unit


def _measures(said: list[tuple], current) -> tuple:
    """The measures the form says; a column left as it was keeps every meaning it had (a count may be the
    denominator of two indicators), and measures of no single column (wide files) are kept."""
    out = [m for m in current if not m.column or m.column not in {col for col, *_ in said}]
    for column, indicator, role, unit in said:
        old = [m for m in current if m.column == column]
        if not indicator:
            continue
        new = mapping.measure(column, indicator, role, unit)
        out += old if old and old[0] == new else [new]
    return tuple(out)


def _index(options, value) -> int:
    return list(options).index(value) if value in options else 0


def confirmed_in_file(pv) -> list[tuple[str, str]]:
    """The spellings confirmed on the page (for this file or the one before it) that this file writes."""
    return [(written, code) for written, code in sorted(pv.choices.aliases.items()) if written.strip() in pv.region_texts]


def _suggestions(pv, state: dict, lang: str) -> None:
    # a spelling already confirmed stays on the page, ticked, while the file writes it: unticking it reads the file as
    # written again (once ticked, its suggestion left the page, and nothing said which name had been taken or how to
    # undo it); one confirmed for an earlier file that this one does not write is not listed
    names = cache.regions().set_index("region_code").name
    for written, code in confirmed_in_file(pv):
        label = t("upload.alias_confirmed", lang, written=plain(written), name=plain(str(names.get(code, code))))
        if not st.checkbox(label, value=True, key=f"alias-set-{written}-{code}"):
            state["choices"] = pv.choices.but(aliases={k: v for k, v in pv.choices.aliases.items() if k != written})
            st.rerun()
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
    # a problem of the whole file has no row: an empty cell; read from the problems, not the frame, where one such
    # problem had made the column float ('23.0', 'nan')
    frame_["row"] = ["" if r.get("row") is None else str(r["row"]) for r in rows]
    cols = [c for c in ("severity", "sheet", "row", "column", "found", "expected") if c in frame_]
    # a table whose messages wrap (a grid cut 'tahun data belum pasti: … nama berkas tahun 2024' at 1280 px); a long
    # report (over tables.STATIC_MAX_ROWS problems) scrolls in a grid
    tables.show(frame_, {c: t(f"upload.col.{c}", lang) for c in cols}, lang=lang)
    for group in warning_groups(rows):
        keys = {r["key"] for r in group}
        if len(group) == 1:
            label, key = t("upload.accept", lang, message=plain(group[0]["message"])), f"accept-{group[0]['key']}"
        else:  # nine ticks for one kind of warning, each a rerun: one for the kind, its rows named
            lines = list(dict.fromkeys(str(r["row"]) for r in group if r["row"] is not None))
            label = t("upload.accept_group", lang, n=len(group), rows=(", ".join(lines[:10]) + (" …" if len(lines) > 10 else "")) or "–",
                      message=plain(group[0]["expected"]))
            key = f"accept-group-{hashlib.sha256(' '.join(sorted(keys)).encode()).hexdigest()[:16]}"
        if st.checkbox(label, key=key):
            state["accepted"] |= keys
        else:
            state["accepted"] -= keys


def warning_groups(rows: list[dict]) -> list[list[dict]]:
    """The report's warnings to accept, one group per kind (problem code), in the report's order."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if r.get("level") == "warning" and r.get("key"):
            groups.setdefault(r.get("code") or r["key"], []).append(r)
    return list(groups.values())


def _rows(pv, lang: str) -> None:
    if pv.rows.empty:
        return
    # with errors nothing loads: 'baris yang akan dimuat' read as if the good rows would go in without the others
    n_errors = len(pv.errors)
    st.markdown(f"**{t('upload.preview_blocked', lang, n=len(pv.rows), errors=n_errors) if n_errors else t('upload.preview', lang, n=len(pv.rows))}**")
    cols = ["line", "region_name", "indicator_code", "period", "value", "numerator", "denominator"]
    headers = {c: t(f"upload.col.{c}", lang) for c in cols}
    names = {code: names_.get(lang) or code for code, names_ in pv.indicator_names.items()}
    rows = pv.rows.assign(indicator_code=pv.rows.indicator_code.map(lambda c: names.get(c, c)))  # 'Stunting (e-PPGBM)', not its code
    # values to 4 decimals, the way the UI writes numbers (4,8843 in Indonesian); counts as whole numbers
    tables.show(rows, headers, height=300, number_decimals={headers["value"]: 4}, lang=lang)


ROLLED_BACK_FLASH = "_upload_rolled_back"  # what a rollback said, shown after the rerun that redraws the history


def _history(user, lang: str) -> None:
    st.subheader(t("upload.history", lang))
    said = st.session_state.pop(ROLLED_BACK_FLASH, None)
    if said is not None:
        ok, message = said
        (st.success if ok else st.error)(message)
    batches = intake.history()
    if not batches:
        st.caption(t("upload.no_batches", lang))
        return
    rows = [{t("upload.col.batch", lang): b.batch_id, t("upload.col.file", lang): b.file_name,
             t("upload.col.data_status", lang): t(f"status_short.{b.choices.get('status')}", lang) if b.choices.get("status") else "",
             t("upload.col.uploader", lang): b.uploader,
             t("upload.col.opd", lang): b.opd, t("upload.col.loaded_at", lang): timefmt.wib(b.loaded_at, lang),
             t("upload.col.rows", lang): b.counts.get("observations", ""),
             t("upload.col.status", lang): t(f"upload.batch_status.{b.status}", lang),
             t("upload.col.rolled_back", lang): b.rolled_back_by or ""} for b in batches]
    if user is None:  # signed out: when and how much, not who, which file or which batch
        st.caption(t("upload.history_signed_out", lang))
        public = [t(f"upload.col.{c}", lang) for c in ("loaded_at", "rows", "data_status", "status")]
        st.dataframe(pd.DataFrame(rows)[public], hide_index=True, width="stretch")
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    mine = [b for b in batches if b.active and user is not None and intake.can_rollback(user, b)]
    if not mine:
        return
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox(t("upload.rollback_pick", lang), [b.batch_id for b in mine], key="rollback_batch",
                          format_func=lambda bid: f"{bid} — {next(b.file_name for b in mine if b.batch_id == bid)}", placeholder=t("common.choose", lang),
                          on_change=lambda: st.session_state.pop(ROLLBACK_ASKED, None))  # another batch: asked again
    if c2.button(t("upload.rollback", lang), icon=":material/undo:", key="rollback_go"):
        st.session_state[ROLLBACK_ASKED] = chosen  # asked first: a rolled-back batch cannot be made active again
    # the question is about the batch chosen now, and only that one can be rolled back by 'Ya'
    asked = next((b for b in mine if b.batch_id == st.session_state.get(ROLLBACK_ASKED) == chosen), None)
    if asked is not None:
        _confirm_rollback(asked, user, lang)


ROLLBACK_ASKED = "_upload_rollback_asked"  # the batch whose rollback waits for a yes


def _confirm_rollback(batch, user, lang: str) -> None:
    with st.container(border=True):
        st.warning(t("upload.rollback_confirm", lang, batch=batch.batch_id, file=plain(batch.file_name), rows=batch.counts.get("observations", "?"),
                     loaded=timefmt.wib(batch.loaded_at, lang), uploader=plain(batch.uploader)), icon=":material/warning:")
        yes, no, _ = st.columns([2, 1, 2])
        if yes.button(t("upload.rollback_yes", lang), type="primary", icon=":material/undo:", key="rollback_yes"):
            st.session_state.pop(ROLLBACK_ASKED, None)
            outcome = intake.rollback(batch.batch_id, user)
            st.session_state[ROLLED_BACK_FLASH] = (outcome.ok, outcome.message(lang))
            st.rerun()  # the table above and the choice of batches as they are now
        if no.button(t("upload.rollback_no", lang), key="rollback_no"):
            st.session_state.pop(ROLLBACK_ASKED, None)
            st.rerun()

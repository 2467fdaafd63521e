"""Two-way sync between st.query_params and st.session_state for the declared URL parameters.

app.py calls, in order: `begin` at the start of every run; `enter` with the page the navigation
chose, before any control is drawn; the frame's `restore` for its shared controls; `enter_page`; the
page's own `restore` calls (metro_poverty.url_state.Param), each before the widgets bound to those
keys; and `publish` after the page. Values belong to the page that declared them: pages share key
names (ind, level, view), so a value from another page is never carried over. Opening a copied URL in
a new browser starts a new session, so `restore` reads the URL exactly when the view must be reproduced; the
browser's Back and Forward keep the session, and `enter` reads the address they went to as a link.
"""

from __future__ import annotations

from typing import Sequence

import streamlit as st

from metro_poverty.fgd import draft
from metro_poverty.i18n import t
from metro_poverty.url_state import Param, shown

NOTICES = "_url_notices"
KNOWN = "_url_known_keys"
DECLARED = "_url_declared"
SCOPE = "_url_scope"  # the page now running ("frame" for app.py's shared controls)
OWNER = "_url_owner"  # key -> the scope whose value session state holds
BLOCK_KEYS = "_url_block_keys"  # keys a page reads and writes itself (a scenario's levers)
BLOCK_VALUES = "_url_block_values"
LAST_PAGE = "_url_last_page"
REREAD = "_url_reread"  # this run arrived on another page: values present in the URL win
NOTICES_AS_TOASTS = "_url_notices_as_toasts"  # this run is a slide (presentation.apply says): notices in a corner
ARRIVE = "_url_arrive"  # the next run opens its view from the URL alone (see arrive)
PUBLISHED = "_url_published"  # (page, the URL's parameters, the values of its declared keys) as publish left them
SESSION_KEPT = (draft.URL_KEY,)  # URL keys the visitor's session keeps over a link: the draft agenda


def begin() -> None:
    st.session_state[DECLARED] = []
    st.session_state[BLOCK_KEYS] = set()
    st.session_state[BLOCK_VALUES] = {}
    for key in list(st.query_params.keys()):  # ?year=2024&year=2023: one value is used, and the link says which
        values = st.query_params.get_all(key)
        if len(values) > 1:
            _notice(t("url.repeated_key", _link_lang(), key=shown(key), value=shown(values[-1])))
            st.query_params[key] = values[-1]


def arrive(keep: Sequence[str] = SESSION_KEPT) -> None:
    """Before a switch to a view given whole by its URL (an agenda step): the next run reads every parameter
    from the URL, an absent one at its default, as the link would open in a new browser; `keep`: the keys the
    session keeps over the link (the visitor's draft agenda). Arriving on the page already shown is otherwise
    no arrival: the visitor's own choices stay (the next step on one page kept the last's view)."""
    st.session_state[ARRIVE] = tuple(keep)


def enter(page_id: str) -> None:
    """On arriving at a page (a shared link, a switch with URL parameters, an agenda step, Back or Forward in
    the browser) the URL is authoritative for every key it carries, the frame's too."""
    keep = st.session_state.pop(ARRIVE, None)
    if keep is None and _moved_in_history(page_id):
        keep = SESSION_KEPT
    if keep is not None:  # no other value is kept: each is read from the URL or is the default
        st.session_state[OWNER] = {k: v for k, v in st.session_state.get(OWNER, {}).items() if k in keep}
        st.session_state[LAST_PAGE] = None
    st.session_state[REREAD] = st.session_state.get(LAST_PAGE) != page_id
    st.session_state[LAST_PAGE] = page_id
    st.session_state[SCOPE] = "frame"  # the frame's controls come first


def _moved_in_history(page_id: str) -> bool:
    """The address changed under the page the app shows, and no control did: the browser's Back or Forward,
    after which Streamlit reruns the page with the address it went to. Every other rerun of a page starts from
    the address the last run wrote (only publish writes it), so the view of that address is opened, as its link
    would open it. A control changed since (a click sent before the browser took the new address carries the
    old one) is the visitor's choice, and it stays."""
    published = st.session_state.get(PUBLISHED)
    if published is None or not published[0] == page_id == st.session_state.get(LAST_PAGE):
        return False
    _, address, values = published
    return address != st.query_params.to_dict() and all(st.session_state.get(k) == v for k, v in values.items())


def enter_page() -> None:
    """From here on the parameters declared belong to the page about to run."""
    st.session_state[SCOPE] = st.session_state.get(LAST_PAGE, "")


def restore(params: Sequence[Param]) -> None:
    """Put each parameter's value in session state: from the URL the first time the view meets it, then
    kept. A kept value that another control made impossible (a kelurahan after switching to kecamatan)
    quietly returns to the default; only a bad URL value earns a notice."""
    known = st.session_state.setdefault(KNOWN, set())
    st.session_state.setdefault(DECLARED, []).extend(params)
    owners = st.session_state.setdefault(OWNER, {})
    scope = st.session_state.get(SCOPE, "frame")
    reread = st.session_state.get(REREAD, False)
    for p in params:
        known.add(p.key)
        from_url, ok = p.parse(st.query_params.get(p.key))
        if reread and p.key in st.query_params and ok:
            st.session_state[p.key] = from_url
            owners[p.key] = scope
            continue
        if p.key in st.session_state and owners.get(p.key) == scope:
            if st.session_state[p.key] not in p.options:
                st.session_state[p.key] = p.default
            continue
        owners[p.key] = scope
        raw = st.query_params.get(p.key)
        value, ok = p.parse(raw)
        if not ok:
            said = shown(raw) or t("url.empty" if str(raw) == "" else "url.unshown", notice_lang())  # '?year=' is empty, not unshowable
            if value == p.default:
                _notice(t("url.bad_value", notice_lang(), key=shown(p.key), value=said, default=_describe(p, p.default)))
            else:  # a list kept its known part (url_state.Partly): the notice names what it lost
                lost = shown(p.left_out(raw)) if hasattr(p, "left_out") else said
                _notice(t("url.partly_known", notice_lang(), key=shown(p.key), value=lost or said, used=_describe(p, value)))
        st.session_state[p.key] = value


def claim(keys) -> bool:
    """A page takes charge of these URL keys (it parses and validates them itself, e.g. a Scenario).
    True when the page meets them for the first time and must read them from the URL now."""
    owners = st.session_state.setdefault(OWNER, {})
    scope = st.session_state.get(SCOPE, "frame")
    fresh = any(owners.get(k) != scope for k in keys)
    for k in keys:
        owners[k] = scope
    st.session_state.setdefault(KNOWN, set()).update(keys)
    st.session_state.setdefault(BLOCK_KEYS, set()).update(keys)
    return fresh


def write_block(values: dict[str, str]) -> None:
    """The URL values of the claimed keys for this run (only those that differ from their defaults)."""
    st.session_state[BLOCK_VALUES] = dict(values)


def add_notice(text: str) -> None:
    """A notice about the URL that the page found itself (shown by show_notices)."""
    _notice(text)


def publish() -> None:
    """Write the non-default values of every parameter declared in this run; drop what the view does not know."""
    params = st.session_state.get(DECLARED, [])
    wanted = dict(st.session_state.get(BLOCK_VALUES, {}))
    for p in params:
        text = p.encode(st.session_state.get(p.key, p.default))
        if text is not None:
            wanted[p.key] = text
    _drop_undeclared()
    for key, text in wanted.items():
        if st.query_params.get(key) != text:
            st.query_params[key] = text
    for key in [p.key for p in params] + list(st.session_state.get(BLOCK_KEYS, ())):
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    values = {p.key: st.session_state.get(p.key) for p in params}
    st.session_state[PUBLISHED] = (st.session_state.get(LAST_PAGE), st.query_params.to_dict(), values)


MAX_NAMED_KEYS = 5  # unknown link parameters named in their one notice


def _drop_undeclared() -> None:
    """Remove URL keys this view does not declare; a key never seen in this session gets a notice."""
    declared = {p.key for p in st.session_state.get(DECLARED, [])} | set(st.session_state.get(BLOCK_KEYS, ()))
    unknown = []
    for key in list(st.query_params.keys()):
        if key not in declared:
            if key not in st.session_state.get(KNOWN, set()):
                unknown.append(shown(key) or t("url.unshown", notice_lang()))
            del st.query_params[key]
    if len(unknown) == 1:
        _notice(t("url.unknown_key", notice_lang(), key=unknown[0]))
    elif unknown:  # one line for them all: 300 made-up keys drew 300 boxes above the page
        more = t("url.and_more", notice_lang(), n=len(unknown) - MAX_NAMED_KEYS) if len(unknown) > MAX_NAMED_KEYS else ""
        _notice(t("url.unknown_keys", notice_lang(), keys=", ".join(f"«{k}»" for k in unknown[:MAX_NAMED_KEYS]),
                  more=more))


def relabel_choices() -> None:
    """(The language control's callback.) Choice widgets send back the label of their option, and the
    browser still holds the old language's label: set every URL-bound value again, so Streamlit sends each
    widget its value with the new labels and the next click keeps the view (not the default)."""
    for key in st.session_state.get(KNOWN, set()):
        if key in st.session_state and key != "lang":
            st.session_state[key] = st.session_state[key]


def show_notices() -> None:
    """Say once which URL values were not understood and what was used instead (call after every restore). On a
    slide in a corner for some seconds: above the slide it pushed the figure off the screen (a map's south cut)."""
    _drop_undeclared()
    for text in st.session_state.pop(NOTICES, []):
        if st.session_state.get(NOTICES_AS_TOASTS):
            st.toast(text, icon=":material/link_off:", duration="long")
        else:
            st.warning(text, icon=":material/link_off:")


def _notice(text: str) -> None:
    st.session_state.setdefault(NOTICES, []).append(text)


def _describe(p: Param, value) -> str:
    """A default as a reader knows it: an indicator's or a region's name, not its code; 'none' for no value."""
    from metro_poverty import db
    from metro_poverty.ui import cache  # imported here: the frame's URL notices come before any page reads the store

    label = getattr(p, "label", None)  # a TextParam has none
    if label is not None and value is not None:
        return label(value)
    text = p.to_text(value)
    if value is None or text == "":
        return t("url.none", notice_lang())
    try:
        names = cache.code_names(notice_lang())
    except db.StoreMissing:  # no store yet (the first visit builds it): the code says it well enough
        return shown(text)
    return names.get(text, shown(text))


def _link_lang() -> str:
    """The language the link asks for, before the frame has read its «lang» (begin's notices come first): the
    link's own, as the page will be drawn in it, else the session's."""
    asked = st.query_params.get_all("lang")
    return asked[-1] if asked and asked[-1] in ("id", "en") else notice_lang()


def notice_lang() -> str:
    """The language of the link notices: the session's, once the link's own «lang» is read."""
    return st.session_state.get("lang", "id") if st.session_state.get("lang") in ("id", "en") else "id"


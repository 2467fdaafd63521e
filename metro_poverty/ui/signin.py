"""Sign-in for the pages that write (FGD records, saved agendas and scenarios, data intake). Reading
needs none. A signed-in user is kept for the browser session; every write names them.

With an identity provider configured for Streamlit ([auth] in .streamlit/secrets.toml), sign-in goes
through st.login and the user's e-mail is looked up in the users file for their role
(metro_poverty.ui.oidc); otherwise the app's own form, with the delay and lockout of
metro_poverty.records.attempts, per user name and per client address.
"""

from __future__ import annotations

import math

import streamlit as st

from metro_poverty.i18n import t
from metro_poverty.intake import auth
from metro_poverty.records.database import RecordsDamaged
from metro_poverty.ui import oidc
from metro_poverty.ui.safe import plain

USER = "signed_in_user"


def current() -> auth.User | None:
    user = st.session_state.get(USER)
    if user is None and oidc.configured():
        user = oidc.current_user()
    return user


def client() -> str:
    """The client's address as Streamlit sees it (behind a proxy: the proxy's, hence the larger allowance)."""
    try:
        return str(st.context.ip_address or "unknown")
    except Exception:  # noqa: BLE001 - outside a browser session (AppTest) there is no address
        return "unknown"


def _sign_out() -> None:
    st.session_state.pop(USER, None)


def status(user: auth.User, lang: str, key: str) -> None:
    c1, c2 = st.columns([4, 1], vertical_alignment="center")
    role = t(f"signin.role.{user.role}", lang) + (f", {plain(user.opd)}" if user.opd else "")
    c1.markdown(t("signin.as", lang, user=plain(user.username), role=role))
    if oidc.configured() and st.session_state.get(USER) is None:
        c2.button(t("signin.sign_out", lang), icon=":material/logout:", key=f"signout-{key}", on_click=st.logout)
    else:
        c2.button(t("signin.sign_out", lang), icon=":material/logout:", key=f"signout-{key}", on_click=_sign_out)


def panel(lang: str, why: str, key: str, expanded: bool = False) -> auth.User | None:
    """Who is signed in (with a sign-out button), or a sign-in form under `why` (a text id saying what
    signing in allows here). Returns the user or None."""
    user = current()
    if user is not None:
        status(user, lang, key)
        return user
    if oidc.configured() and oidc.signed_in_without_role():  # known to the provider, not to this app
        st.warning(t("signin.no_role", lang, email=plain(oidc.email())), icon=":material/person_off:")
        oidc.login_button(lang, key)
        return None
    with st.expander(t("signin.title", lang), icon=":material/login:", expanded=expanded):
        st.caption(t(why, lang))
        if oidc.configured():
            oidc.login_button(lang, key)
        else:
            form(lang, key)
    return None


def form(lang: str, key: str) -> None:
    try:
        available = auth.sign_in_available()
    except Exception:  # noqa: BLE001
        available = False
    if not available:
        st.info(t("upload.no_users", lang), icon=":material/lock:")
        return
    with st.form(f"sign-in-{key}"):
        name = st.text_input(t("upload.username", lang), max_chars=64)
        password = st.text_input(t("upload.password", lang), type="password", max_chars=200)
        if st.form_submit_button(t("upload.sign_in", lang), icon=":material/login:", type="primary"):
            _try(name, password, lang)


def _try(name: str, password: str, lang: str) -> None:
    try:
        outcome = auth.sign_in(name, password, client())
    except auth.SignInUnavailable as exc:
        st.error(exc.message(lang))
        return
    except RecordsDamaged as exc:
        st.error(exc.message(lang))
        return
    if outcome.user is not None:
        st.session_state[USER] = outcome.user
        st.rerun()
    elif outcome.locked:
        st.error(t("signin.locked", lang, minutes=max(1, math.ceil(outcome.wait_seconds / 60))), icon=":material/lock_clock:")
    elif outcome.wait_seconds > 0:
        st.error(t("upload.bad_credentials", lang) + " " + t("signin.wait", lang, seconds=math.ceil(outcome.wait_seconds)),
                 icon=":material/hourglass_top:")
    else:
        st.error(t("upload.bad_credentials", lang))

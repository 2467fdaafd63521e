"""Sign-in through an OpenID Connect identity provider with st.login, when the deployment configures
one in .streamlit/secrets.toml:

    [auth]
    redirect_uri = "https://dashboard.example/oauth2callback"
    cookie_secret = "…a long random string…"
    client_id = "…"
    client_secret = "…"
    server_metadata_url = "https://idp.example/.well-known/openid-configuration"

The provider says who someone is; the users file says what they may do: the signed-in e-mail is looked
up among the users added with `adduser NAME --role … --email ADDRESS`. An address with no user gets no
role (reading only). tests/test_browser_oidc.py proves the path against a local provider on loopback.
"""

from __future__ import annotations

import streamlit as st

from metro_poverty.i18n import t
from metro_poverty.intake import auth


def configured() -> bool:
    try:
        section = st.secrets.get("auth")
    except Exception:  # noqa: BLE001 - no secrets file at all: no provider
        return False
    return bool(section) and bool(section.get("client_id") or any(isinstance(v, dict) and v.get("client_id") for v in section.values()))


def email() -> str:
    return str(st.user.get("email") or "") if st.user.is_logged_in else ""


def current_user() -> auth.User | None:
    if not st.user.is_logged_in or st.user.get("email_verified") is False:
        return None
    return auth.user_by_email(email())


def signed_in_without_role() -> bool:
    return bool(st.user.is_logged_in) and current_user() is None


def login_button(lang: str, key: str) -> None:
    if st.user.is_logged_in:
        st.button(t("signin.sign_out", lang), icon=":material/logout:", key=f"sso-out-{key}", on_click=st.logout)
    else:
        st.button(t("signin.sso", lang), icon=":material/badge:", key=f"sso-{key}", type="primary", on_click=st.login)

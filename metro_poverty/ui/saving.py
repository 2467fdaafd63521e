"""Saving under a name, the same way for scenarios and agendas (metro_poverty.records.saved): a name the
user already has asks first (replace, keeping the old version, or cancel); someone else's name is refused
with who owns it; a damaged or busy records file says so. Nothing here raises to the page."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from metro_poverty.i18n import t
from metro_poverty.records.database import RecordsBusy, RecordsDamaged
from metro_poverty.records.saved import NameTaken, NeedsConfirmation, NotAllowed
from metro_poverty.ui.safe import plain

Save = Callable[[bool], object]  # save(replace) -> the saved item


def attempt(key: str, save: Save, name: str, lang: str, done: Callable[[object], None], replace: bool = False) -> None:
    try:
        saved = save(replace)
    except NeedsConfirmation as exc:
        st.session_state[key] = (save, name, exc.versions)
        return
    except NameTaken as exc:
        st.warning(t("saving.name_taken", lang, name=plain(name), owner=plain(exc.owner)), icon=":material/person:")
    except NotAllowed:
        st.warning(t("saving.sign_in", lang), icon=":material/login:")
    except ValueError:
        st.warning(t("saving.invalid", lang))
    except RecordsBusy:
        st.warning(t("records.busy", lang))
    except RecordsDamaged as exc:
        st.error(exc.message(lang))
    else:
        done(saved)


def question(key: str, lang: str, done: Callable[[object], None]) -> None:
    """The question after a save under a name the user already has: replace (a new version) or cancel."""
    pending = st.session_state.get(key)
    if not pending:
        return
    save, name, versions = pending
    st.warning(t("saving.replace_ask", lang, name=plain(name), n=versions), icon=":material/help:")
    c1, c2 = st.columns(2)
    if c1.button(t("saving.replace", lang), key=f"{key}-yes", type="primary", icon=":material/published_with_changes:"):
        st.session_state.pop(key, None)
        attempt(key, save, name, lang, done, replace=True)
    if c2.button(t("saving.cancel", lang), key=f"{key}-no", icon=":material/close:"):
        st.session_state.pop(key, None)
        st.rerun()

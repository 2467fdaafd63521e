"""Presentation mode for the FGD projector: no sidebar or developer chrome, large type, full width;
and, when an agenda is being presented, a bar to step through its views without a keyboard."""

from __future__ import annotations

import streamlit as st

from metro_poverty.fgd import agendas
from metro_poverty.i18n import t
from metro_poverty.ui import pages
from metro_poverty.url_state import Param, optional_text

PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0.8rem 2.2rem 1.5rem 2.2rem; }
h1 { font-size: 2.3rem !important; }
</style>
"""


def params() -> list[Param]:
    ids = [None] + [a["id"] for a in agendas.list_agendas()]
    return [Param("present", (False, True), False, to_text=lambda on: "1" if on else "0"),
            Param("agenda", ids, None, to_text=optional_text),
            Param("step", tuple(range(agendas.MAX_STEPS)), 0)]


def active() -> bool:
    return bool(st.session_state.get("present"))


def apply(lang: str) -> None:
    """Called by app.py before the page runs: the projector layout and the agenda bar."""
    if not active():
        return
    st.html(PRESENT_CSS)
    agenda = agendas.get(st.session_state.get("agenda"))
    cols = st.columns([1.6, 5, 1.6, 1.3], vertical_alignment="center")
    if agenda:
        step = min(st.session_state.get("step", 0), len(agenda["steps"]) - 1)
        current = agenda["steps"][step]
        cols[0].button(t("present.previous", lang), icon=":material/arrow_back:", disabled=step == 0, width="stretch",
                       on_click=go, args=(agenda, step - 1))
        cols[1].markdown(f"**{t('present.step', lang, n=step + 1, total=len(agenda['steps']))}: {current['title']}**"
                         + (f"  \n{current['note']}" if current["note"] else ""))
        cols[2].button(t("present.next", lang), icon=":material/arrow_forward:", disabled=step >= len(agenda["steps"]) - 1,
                       width="stretch", on_click=go, args=(agenda, step + 1))
    cols[3].button(t("present.exit", lang), icon=":material/close_fullscreen:", width="stretch", on_click=_exit)


def step_link(agenda: dict, step: int) -> tuple[str, dict]:
    """(script, query params) of an agenda step, in presentation mode."""
    s = agenda["steps"][step]
    return pages.script_of(s["path"]), {**s["params"], "present": "1", "agenda": agenda["id"], "step": str(step)}


def go(agenda: dict, step: int) -> None:
    """(A button callback) present step `step` of the agenda: the frame's state first, then the page."""
    st.session_state.update(present=True, agenda=agenda["id"], step=step)
    st.session_state["_present_goto"] = step_link(agenda, step)


def _exit() -> None:
    st.session_state["present"] = False


def follow() -> None:
    """After the callbacks: switch to the step the bar asked for (switch_page cannot run inside a callback)."""
    target = st.session_state.pop("_present_goto", None)
    if target and target[0]:
        st.switch_page(target[0], query_params=target[1])

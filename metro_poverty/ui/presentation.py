"""Presentation mode for the FGD projector: a slide. No sidebar or developer chrome, large type, full width;
a compact bar that stays on screen (to step through an agenda's views without a keyboard, and to leave);
the page's controls folded into one summary line that opens on a click; and the page's main figure in a
slide container sized to what is left of the screen's height, so it lies wholly on screen at 1280×720 and
at 1920×1080 alike (its chart is drawn to the container's height and width)."""

from __future__ import annotations

import streamlit as st

from metro_poverty.fgd import agendas, draft
from metro_poverty.i18n import t
from metro_poverty.records.database import RecordsDamaged
from metro_poverty.ui import pages, url
from metro_poverty.ui.safe import plain
from metro_poverty.url_state import Param, optional_text, shown

SLIDE_KEY = "slide"
AGENDA_BAR_SHOWN = "_agenda_bar_shown"  # this run draws the step bar (apply): slides are AGENDA_BAR_PX shorter
AGENDA_BAR_PX = 80  # the step bar's height with a title and a note on two lines at most (PRESENT_CSS clamps it)
TITLE_SKIPPED = "_title_skipped"  # this run's page left its title to the step bar (title): its slide is TITLE_PX taller
TITLE_PX = 48  # a page's one-line title on a slide (measured: under the bar without it, the summary line is 32 px lower than without both)
STEP_SHOWN = "_present_step_shown"  # (agenda id, step) this session last arrived at: its view is then the step's
FOOTNOTES_DRAWN = "_slide_footnotes"  # this run's slide footnotes (badges.slide_footnote): a slide says each once
BAR_KEY = "present_bar"
# what sits above the slide: the bar, the page title (one line) and the summary line, with their gaps
ABOVE_SLIDE_PX = 250
PRESENT_CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
.st-key-frame_bar {{ display: none !important; }}
html {{ font-size: 21px; }}
[data-testid="stMain"] p, [data-testid="stMain"] li {{ font-size: max(1em, 20px) !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 100% !important; padding: 0 2rem 1.5rem 2rem; }}
[data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"] {{ gap: 0.6rem; }}
h1 {{ font-size: 38px !important; padding: 0.1rem 0 0 0 !important; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.st-key-{BAR_KEY} {{ position: sticky; top: 0; z-index: 1000; background: white; padding: 0.3rem 0 0.25rem 0;
                     border-bottom: 1px solid #dddddd; flex-wrap: nowrap !important; }}
.st-key-{BAR_KEY} > div:has(> .stButton) {{ flex: 0 0 auto; width: auto !important; }}
.st-key-{BAR_KEY} button kbd {{ display: none; }}  /* 'PageDown' beside each label cut the step's title: the tooltip says it */
.st-key-{BAR_KEY} > div:has(> .stMarkdown) {{ flex: 1 1 0; min-width: 0; }}
.st-key-{BAR_KEY} [data-testid="stMarkdownContainer"] p {{ display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;
    overflow: hidden; }}  /* a long step note takes two lines at most: the slide keeps the screen */
[data-testid="stExpander"] summary p {{ font-size: 1rem; font-weight: 600; }}
[data-testid="stMetricValue"] {{ font-size: clamp(2.4rem, 7vh, 5rem) !important; }}
/* a URL notice (url.show_notices) in a corner: said whole, not cut behind Streamlit's English "view more" */
[data-testid="stToastText"], [data-testid="stToastText"] * {{ max-height: none !important; -webkit-line-clamp: unset !important;
    overflow: visible !important; }}
[data-testid="stToastViewButton"] {{ display: none !important; }}
[data-testid="stMetricLabel"] p, [data-testid="stMetricDelta"] {{ font-size: 1.05rem !important; }}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"], [data-testid="stMetricLabel"] p {{
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }}
</style>
"""


EXIT_KEY = "present_exit"
EXIT_CSS = f"<style>.st-key-{EXIT_KEY} {{ position: fixed; top: 0.5rem; right: 1rem; z-index: 1000; width: auto !important; }}</style>"
# The slide and its wrapper take the height left on screen; the blocks inside it (columns) fill it; and an
# element holding a chart takes what its block leaves, the chart drawing itself to that ('container').
SLIDE_CSS = """<style>
div.st-key-{key}, [data-testid="stLayoutWrapper"]:has(> div.st-key-{key}) {{ height: calc(100vh - {above}px) !important;
  min-height: calc(100vh - {above}px) !important; max-height: none !important; flex: 0 0 auto !important; overflow: hidden !important; }}
div.st-key-{key} > [data-testid="stLayoutWrapper"]:has(> [data-testid="stHorizontalBlock"] [data-testid="stVegaLiteChart"]),
div.st-key-{key} > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]:has([data-testid="stVegaLiteChart"]),
div.st-key-{key} > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] > [data-testid="stColumn"],
div.st-key-{key} > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] > [data-testid="stVerticalBlock"] {{
  height: 100% !important; min-height: 0 !important; flex-grow: 1 !important; }}
div.st-key-{key} [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) {{ flex: 1 1 0 !important; min-height: 0 !important; }}
div.st-key-{key} [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) > div,
div.st-key-{key} [data-testid="stFullScreenFrame"] > div {{ height: 100% !important; }}
</style>"""


def slide(above_px: int = ABOVE_SLIDE_PX):
    """The container of a page's main figure: in presentation mode as tall as the screen leaves below what a
    page draws above it (`above_px`: the bar, title and summary line by default), at any screen size; charts
    in it are drawn with height 'container' and Streamlit's height 'stretch'. Otherwise an ordinary container."""
    if not active():
        return st.container()
    above_px += bar_px()  # the step bar stays on top of the slide: the slide is that much shorter
    key = f"{SLIDE_KEY}_{above_px}"
    st.html(SLIDE_CSS.format(key=key, above=above_px))
    return st.container(key=key, height=480, border=False)  # the CSS sets the real height


TIGHT_CARDS_KEY = "tight_cards"
# Two rows of headline cards with their status lines: 49 px too tall for the slide under a step bar at 1280x720
# (a status line was cut). Less padding in the card and a closer status line give back 66 px; the figures keep
# their size.
TIGHT_CARDS_CSS = f"""<style>
.st-key-{TIGHT_CARDS_KEY} [data-testid="stMetric"] > div {{ padding-top: 10px !important; padding-bottom: 10px !important; }}
.st-key-{TIGHT_CARDS_KEY} [data-testid="stColumn"] > [data-testid="stVerticalBlock"] {{ gap: 0.4rem !important; }}
</style>"""


def tight_cards():
    """The container of two rows of headline cards on a slide (TIGHT_CARDS_CSS); elsewhere an ordinary one."""
    if not active():
        return st.container()
    st.html(TIGHT_CARDS_CSS)
    return st.container(key=TIGHT_CARDS_KEY)


def bar_shown() -> bool:
    """This run draws an agenda's step bar above the page (apply)."""
    return bool(st.session_state.get(AGENDA_BAR_SHOWN))


def bar_px() -> int:
    """The height an agenda's step bar takes from a slide in this run: AGENDA_BAR_PX less the page title it
    replaced (title), or 0 without the bar."""
    if not bar_shown():
        return 0
    return AGENDA_BAR_PX - (TITLE_PX if st.session_state.get(TITLE_SKIPPED) else 0)


def title(text: str, **options) -> None:
    """A page's title. Under an agenda's step bar there is none: the step's title in the bar names the slide,
    and the page's summary line names what it shows, so the figure gets the title's height (a trend had 245 px,
    a simulation's cards were cut off at 1280x720)."""
    if bar_shown():
        st.session_state[TITLE_SKIPPED] = True
        return
    st.title(text, **options)


def controls(summary: str):
    """Where a page draws its controls: in presentation mode folded under one summary line
    ('Stunting (e-PPGBM) · Kelurahan · 2024') that opens on a click; otherwise in place."""
    if not active():
        return st.container()
    return st.expander(summary, icon=":material/tune:")


def chart_height(default: int):
    """A chart's height: the slide's ('container') in presentation mode, else its own."""
    return "container" if active() else default


def element_height() -> str:
    """Streamlit's height for a chart in the slide: it stretches to the slide in presentation mode."""
    return "stretch" if active() else "content"


DRAFT_ID = "draft"  # the agenda id of the draft (not saved: its steps travel in the URL's draft parameter)
RECORD_WANTED = "_agr_wanted"  # what the agreements page preselects when opened from a slide
RECORD_RETURN = "_agr_return"  # (agenda, step) of the slide left to record: the way back


def params() -> list[Param]:
    try:  # archived agendas too: a link shared before the archiving still presents
        ids = [None, DRAFT_ID] + [a["id"] for a in agendas.list_agendas(with_archived=True)]
    except RecordsDamaged:  # the page itself says why; presenting an agenda waits for the records
        ids = [None, DRAFT_ID]
    # a notice names a default as a reader knows it: 'presentasi mati', 'langkah 1', never «0»
    return [Param("present", (False, True), False, to_text=lambda on: "1" if on else "0",
                  label=lambda on: t("url.present_on" if on else "url.present_off", url.notice_lang())),
            Param("agenda", ids, None, to_text=optional_text),
            Param("step", tuple(range(agendas.MAX_STEPS)), 0, label=lambda i: t("url.step", url.notice_lang(), n=i + 1))]


def active() -> bool:
    return bool(st.session_state.get("present"))


def apply(lang: str, page_path: str | None = None) -> None:
    """Called by app.py before the page runs: the projector layout and the agenda bar. A step presented on
    another page than its own (an edited or stale link: `page_path` is the page about to run) goes to its own,
    so the bar's title is never over another view."""
    st.session_state[AGENDA_BAR_SHOWN] = st.session_state[TITLE_SKIPPED] = False
    st.session_state[url.NOTICES_AS_TOASTS] = active()
    if not active():
        return
    st.session_state[FOOTNOTES_DRAWN] = []
    st.html(PRESENT_CSS)
    try:
        agenda = current_agenda(lang)
    except RecordsDamaged:  # the records page says why; the projector shows the page without the bar
        agenda = None
    if not agenda and st.session_state.get("agenda") == DRAFT_ID:  # a link cut short when copied: its steps are lost
        url.add_notice(t("present.draft_missing", lang))
    if not agenda:  # nothing to step through: one small button in the corner, the screen for the figure
        st.html(EXIT_CSS)
        st.container(key=EXIT_KEY).button(t("present.exit", lang), icon=":material/close_fullscreen:", on_click=_exit)
        return
    # one row: each button as wide as its label (never cut at 1280), the step's title takes the rest and wraps
    bar = st.container(key=BAR_KEY, horizontal=True, vertical_alignment="center")
    st.session_state[AGENDA_BAR_SHOWN] = True
    asked = st.session_state.get("step", 0)
    step = min(asked, len(agenda["steps"]) - 1)
    if step != asked:  # a step number past the agenda's end (an edited link, a step removed since): said, not hidden
        url.add_notice(t("present.step_missing", lang, n=asked + 1, total=len(agenda["steps"]), shown=step + 1))
        st.session_state["step"] = step
    current = agenda["steps"][step]
    script, query = step_link(agenda, step)
    arrived = st.session_state.get(STEP_SHOWN) != (agenda["id"], step)
    st.session_state[STEP_SHOWN] = (agenda["id"], step)
    # the step's own view on arrival: a link opened on the step's page without its settings (an edited link, a
    # step number made up) showed step 1's title 'Peta' over the P0 trend; once there, the room may explore
    if page_path is not None and script and (pages.script_of(page_path) != script or arrived and not _showing(current["params"])):
        st.session_state["step"] = step
        _say_what_the_step_replaces(query, step, lang)
        _switch(script, query)
    # a presenter's clicker sends PageUp and PageDown: the room steps through without the mouse
    bar.button(t("present.previous", lang), icon=":material/arrow_back:", disabled=step == 0, on_click=go, args=(agenda, step - 1),
               shortcut="PageUp", help=t("present.previous_key", lang))
    bar.markdown(f"**{t('present.step', lang, n=step + 1, total=len(agenda['steps']))}: {plain(current['title'])}**"
                 + (f" · {plain(current['note'])}" if current["note"] else ""), width="stretch")
    bar.button(t("present.next", lang), icon=":material/arrow_forward:", disabled=step >= len(agenda["steps"]) - 1,
               on_click=go, args=(agenda, step + 1), shortcut="PageDown", help=t("present.next_key", lang))
    bar.button(t("present.record", lang), icon=":material/edit_note:", help=t("present.record_help", lang), on_click=_record, args=(agenda,))
    bar.button(t("present.exit", lang), icon=":material/close_fullscreen:", on_click=_exit)


STEP_LINK_KEYS = ("present", "agenda", "step", draft.URL_KEY, "lang")  # what a step's link carries besides its view


def _say_what_the_step_replaces(query: dict, step: int, lang: str) -> None:
    """A link opening a step with settings of its own (an edited link, one copied after exploring the slide):
    the step's view replaces them, and a notice names them, as every link value not used is named."""
    unused = [k for k in st.query_params if k not in STEP_LINK_KEYS and st.query_params.get(k) != query.get(k)]
    if unused:
        url.add_notice(t("present.step_own_settings", lang, n=step + 1, keys=", ".join(f"«{shown(k)}»" for k in unused)))


def _showing(params: dict) -> bool:
    """The link in the address bar holds a step's settings (the parameters its view was added with)."""
    return all(st.query_params.get(k) == str(v) for k, v in params.items())


def current_agenda(lang: str) -> dict | None:
    """The agenda being presented: a saved one, or the draft (its steps are the draft's of this session)."""
    agenda_id = st.session_state.get("agenda")
    if agenda_id == DRAFT_ID:
        return current_draft(lang) if st.session_state.get(draft.URL_KEY) else None
    return agendas.get(agenda_id)


def current_draft(lang: str) -> dict:
    """The draft agenda of this session, shaped as a saved agenda."""
    return {"id": DRAFT_ID, "title": t("agenda.draft", lang), "steps": list(st.session_state.get(draft.URL_KEY) or [])}


def step_link(agenda: dict, step: int) -> tuple[str, dict]:
    """(script, query params) of an agenda step, in presentation mode."""
    s = agenda["steps"][step]
    query = {**s["params"], "present": "1", "agenda": agenda["id"], "step": str(step)}
    if agenda["id"] == DRAFT_ID:  # the draft's steps go with it: a reload or a link presents the same
        query[draft.URL_KEY] = draft.encode(agenda["steps"])
    return pages.script_of(s["path"]), query


def go(agenda: dict, step: int) -> None:
    """(A button callback) present step `step` of the agenda: the frame's state first, then the page."""
    st.session_state.update(present=True, agenda=agenda["id"], step=step)
    st.session_state["_present_goto"] = step_link(agenda, step)


def _exit() -> None:
    """(A button callback) leave presentation mode, and the agenda: a link copied afterwards has no step in it."""
    st.session_state.update(present=False, agenda=None, step=0)
    st.session_state.pop(STEP_SHOWN, None)  # presenting the same step again arrives at its own view


INDICATOR_KEYS = ("ind", "map_ind")  # where a page keeps the indicator it shows


def _record(agenda: dict) -> None:
    """(A button callback) leave the slide for the agreements page, with the indicator on screen chosen there and
    the agenda's title offered for a new session."""
    shown = next((st.session_state[k] for k in INDICATOR_KEYS if st.session_state.get(k)), None)
    st.session_state[RECORD_WANTED] = {"indicator": shown, "title": agenda["title"] if agenda["id"] != DRAFT_ID else None}
    step = min(st.session_state.get("step", 0), len(agenda["steps"]) - 1)
    st.session_state[RECORD_RETURN] = (agenda, step)  # the agreements page offers the way back to this slide
    st.session_state["present"] = False
    st.session_state["_present_goto"] = (pages.script_of("kesepakatan"), {})


def back_to_slide() -> None:
    """(A button callback) from the agreements page, back to the slide that was left to record."""
    agenda, step = st.session_state.pop(RECORD_RETURN)
    go(agenda, step)


def follow() -> None:
    """After the callbacks: switch to the step the bar asked for (switch_page cannot run inside a callback)."""
    target = st.session_state.pop("_present_goto", None)
    if target and target[0]:
        _switch(*target)


def _switch(script: str, query: dict) -> None:
    """To a step's view, given whole by its link, as it opens in a new browser."""
    # the viewer's language goes along (a switch loses the language control's state, and a step does not carry it)
    lang = st.session_state.get("lang")
    query = {**({"lang": lang} if lang and lang != "id" else {}), **query}
    url.arrive()  # the visitor's draft stays while a saved agenda is presented (url.SESSION_KEPT)
    st.switch_page(script, query_params=query)

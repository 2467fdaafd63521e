"""What every page shares: the store (built on first start if missing), the language and year
controls, the URL notices, and a footer saying what data the app runs on."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from metro_poverty import db, numfmt
from metro_poverty.fgd import agendas, draft
from metro_poverty.headline import CITY, COUNTRY, PROVINCE, default_year
from metro_poverty.i18n import LANGUAGES, t
from metro_poverty.timefmt import wib
from metro_poverty.ui import cache, pages, presentation, url
from metro_poverty.url_state import CodedParam, Param

LANG = Param("lang", LANGUAGES, "id")
# The tab's icon is a file of ours: Streamlit fetches a :material/...: page icon from fonts.gstatic.com,
# which fails offline (and tells the internet who opened the app).
FAVICON = str(Path(__file__).parent / "assets" / "favicon.svg")


def lang() -> str:
    value = st.session_state.get("lang")
    return value if value in LANGUAGES else "id"


def lang_before_controls() -> str:
    """The language for what is drawn before the controls (the navigation): the session's, else the
    URL's on a first visit, else the default."""
    if st.session_state.get("lang") in LANGUAGES:
        return st.session_state["lang"]
    value, ok = LANG.parse(st.query_params.get("lang"))
    return value if ok else LANG.default


def year() -> int:
    return st.session_state["year"]


def ensure_store() -> None:
    """Someone ran `streamlit run app.py` without `make run`: build the store here, with progress."""
    try:
        db.store_path()
        return
    except db.StoreMissing:
        pass
    from metro_poverty.store.build import build
    from metro_poverty.problems import BuildFailed

    with st.status(t("frame.building_store", lang()), expanded=True) as status:
        try:
            result = build()
        except BuildFailed as exc:
            status.update(label=t("frame.build_failed", lang()), state="error")
            st.code(exc.report(lang()), language=None)
            st.stop()
        status.update(label=t("frame.store_built", lang(), n=numfmt.number(result.n_observations, 0, lang())), state="complete")


def year_param() -> Param:
    published = cache.read("published_series_by_region", indicators=["p0", "gk"], regions=[CITY, PROVINCE, COUNTRY])
    years = sorted(int(y) for y in cache.read("periods_all").period)
    default = default_year(published) or years[-1]
    return Param("year", years, default)


def shared_controls(page) -> tuple[str, int]:
    """Year, language, presentation mode and 'add to agenda' in one bar at the top of every page, bound to
    the URL: in reach at 1280×720 without scrolling the sidebar. In presentation mode the bar is drawn but
    hidden (its values must stay alive); the presentation bar takes its place."""
    year_p = year_param()
    url.restore([LANG, year_p, DRAFT, *presentation.params()])
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small", key=BAR_KEY):
        st.selectbox(t("frame.year", lang()), year_p.options, key="year", help=t("frame.year_help", lang()), width=120, placeholder=t("common.choose", lang()))
        st.segmented_control("Bahasa / Language", LANGUAGES, key="lang", required=True, label_visibility="collapsed",
                             format_func=lambda code: {"id": "Indonesia", "en": "English"}[code], on_change=url.relabel_choices)
        st.toggle(t("frame.bar.present", lang()), key="present", help=t("present.toggle_help", lang()))
        st.button(t("frame.bar.add", lang()), icon=":material/playlist_add:", on_click=_add_to_agenda, args=(page.url_path, page.title),
                  help=t("present.add", lang()))
        steps = st.session_state.get(DRAFT.key) or []
        if steps:  # the draft presented from step 1, wherever the facilitator is
            st.button(t("frame.bar.present_draft", lang(), n=len(steps)), icon=":material/slideshow:", type="primary",
                      on_click=presentation.go, args=(presentation.current_draft(lang()), 0), help=t("frame.bar.present_draft_help", lang()))
    if st.session_state.pop("_agenda_added", False):
        st.toast(t("present.added", lang(), n=len(st.session_state.get(DRAFT.key, []))), icon=":material/playlist_add_check:")
    return lang(), year()


BAR_KEY = "frame_bar"  # the top bar's container (presentation mode hides it by this key)
SHOWN_PERIOD = "_shown_period"  # (page, year chosen, year of the figures shown) of the dimension page last drawn


def _draft_steps_valid(steps) -> bool:
    """Steps draft.valid accepts, each on a page of the app: a step to a page that does not exist (an edited link)
    put its title over another page's view."""
    return draft.valid(steps) and all(pages.script_of(s["path"]) is not None for s in steps)


# The draft agenda lives in the URL (a reload keeps it), compressed; a value that is not a draft falls back
# to an empty one with a notice. The step keys of a presented agenda never enter it.
DRAFT = CodedParam(draft.URL_KEY, [], draft.decode, draft.encode, _draft_steps_valid)


def _add_to_agenda(path: str, title: str) -> None:
    params = {k: v for k, v in st.query_params.items() if k not in (*agendas.FRAME_KEYS, DRAFT.key)}
    if len(st.session_state.get(DRAFT.key, [])) >= agendas.MAX_STEPS:
        return
    names = cache.code_names(lang())
    # named by what is on screen: a default value is not in the URL, but it is what the room sees; only the page's own
    # settings (the ones its last run declared): a region chosen on Kesehatan named a Konsep & Definisi step after it.
    # A pair compared ('a') only when the link chose one: its slide shows the pair first only then (catalogue_page)
    declared = {p.key for p in st.session_state.get(url.DECLARED, [])}
    shown = {k: str(st.session_state[k]) for k in ("ind", "map_ind", "region", "year")
             if k in declared and st.session_state.get(k) is not None}
    page_shown, chosen, period = st.session_state.get(SHOWN_PERIOD, (None, None, None))
    if period and page_shown == path and str(chosen) == shown.get("year"):
        from metro_poverty.ui.maps import period_text  # imported on a click, not with the frame

        shown["year"] = period_text(period, chosen, lang())  # '2024 (2025 belum ada)', as the slide says
    overview = pages.script_of(path) == pages.script_of("")  # the default page: named by its slide
    step_title = draft.step_title(title, {**shown, **params}, names, lang(), overview, scenario=path == draft.SCENARIO_PATH)
    if st.session_state.get("year") is not None:  # the year the room saw, kept: a default year moves on with new data
        params.setdefault("year", str(st.session_state["year"]))
    step = {"path": path or "", "params": params, "note": "", "title": step_title}
    st.session_state[DRAFT.key] = [*st.session_state.get(DRAFT.key, []), step]
    st.session_state["_agenda_added"] = True


def footer() -> None:
    info = cache.build_info()
    with st.sidebar:
        st.divider()
        kind = t(f"frame.map_kind.{info.get('map_kind', 'boundary')}", lang())
        st.caption(t("frame.store_caption", lang(), built=wib(info.get("built_at"), lang()), maps=kind))


COMPACT_CSS = """
<style>
/* Less empty space above the title: on a 720-pixel projector every line counts. */
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
/* A static table's headers wrap as its cells do: 'Cara diketahui', 'Produsen angka' kept on one line each made
   Sumber Data's table wider than a 1280-pixel screen. */
[data-testid="stTable"] th, [data-testid="stTable"] th * { white-space: normal !important; }
</style>
"""


def compact_layout() -> None:
    st.html(COMPACT_CSS)

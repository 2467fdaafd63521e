"""Metro di Lampung: the 15 kab/kota of Lampung for one poverty indicator and year, as a map and a ranking
with Metro highlighted and the province's rate as a line, and a table of every value with how it is known.
Ranks are computed from the figures shown, so a headline claim can be set against them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from metro_poverty import kabkota
from metro_poverty.source_text import localized
from metro_poverty.compare import fallback_key, period_shown
from metro_poverty.headline import CITY, PROVINCE
from metro_poverty.i18n import t
from metro_poverty.provenance import mark_label
from metro_poverty.ui import badges, cache, charts, downloads, frame, presentation, tables, url
from metro_poverty.url_state import Param

SLIDE_ROWS_BESIDE_MAP = 7  # 9 names at 18 px in the column beside the map touched at 1280×720
# the ranking's plot beside the map at 1280×720, its names left of it (measured): each bar's value must fit after it
# ('Rp 563.561 · dikutip' was cut, and its length had squeezed the bars into 50 px)
PLOT_PX_BESIDE_MAP = {False: 205, True: 430}  # desk (measured 207 px beside the sidebar: 260 cut "15,78% · dikutip"), slide


def values() -> pd.DataFrame:
    return cache.read("kabkota_values", indicators=list(kabkota.PEER_INDICATORS), province=PROVINCE)


def render() -> None:
    lang, year = frame.lang(), frame.year()
    catalogue = cache.catalogue()
    url.restore([Param("ind", list(kabkota.PEER_INDICATORS), "p0")])
    ind = catalogue[st.session_state["ind"]]
    all_values = values()
    period = period_shown(kabkota.periods(all_values, ind.code), year)
    presentation.title(t("kabkota.title", lang, year=year))
    url.show_notices()
    with presentation.controls(f"{ind.short(lang)} · {period if period is not None else year}"):
        st.selectbox(t("kabkota.indicator", lang), list(kabkota.PEER_INDICATORS), key="ind",
                     format_func=lambda c: catalogue[c].name(lang), placeholder=t("common.choose", lang))
    if period is None:
        st.info(t("kabkota.no_values", lang, indicator=ind.name(lang)))
        return
    notes = [t(fallback_key("map.fallback_year", period, year), lang, indicator=ind.short(lang), year=year, shown=period)] if period != year else []
    ranked = kabkota.cells(all_values, ind.code, period)
    n_peers = _n_peers()
    standing = _standing(ranked, ind, period, n_peers, lang)
    notes += standing.notes
    present = presentation.active()
    if not present:  # on a slide the figures keep the screen: the notes follow them
        _notes(notes)
    else:  # what the rank is worth, in one line, comes first after the figures: at length it was cut off the screen
        notes = [n for n in notes if n not in standing.said_in_caveat]
    # a slide ranking more kab/kota than the column beside the map holds at the room's type size gives the
    # ranking the whole width, in two panels, and shows the map after it
    wide = present and len(kabkota.ranking_frame(ranked, ind)) > SLIDE_ROWS_BESIDE_MAP
    with presentation.slide(presentation.ABOVE_SLIDE_PX + 40):  # the standing line above
        if wide:  # the note says what the line and the labels ('· dikutip') mean: on the slide, the chart gives way
            st.caption(_ranking(ranked, ind, period, lang, split_above=SLIDE_ROWS_BESIDE_MAP))
            rank_note = None
        else:
            left, right = st.columns([2, 3], gap="large")
            with left:
                _map(ranked, ind, period, lang)
            with right:
                rank_note = _ranking(ranked, ind, period, lang)
                if not present:
                    st.caption(rank_note)
    if present:
        _notes([n for n in (rank_note, standing.caveat) if n] + notes)
    if wide:
        _map(ranked, ind, period, lang)
    _table(ranked, ind, period, n_peers, lang)


def _notes(notes: list[str]) -> None:
    for note in notes:
        st.caption(note)


def _n_peers() -> int:
    regions = cache.regions()
    return int(((regions.parent_code == PROVINCE) & regions.level.isin(["kabkota", "city"])).sum())


@dataclass(frozen=True)
class Standing:
    """What goes with Metro's standing line: the notes (the caller places them) and, for a slide, the caveat in
    one line (how far the order holds, and how many kab/kota it is among) with the notes it says in short."""
    notes: list[str]
    caveat: str = ""
    said_in_caveat: tuple[str, ...] = ()


def _standing(ranked: pd.DataFrame, ind, period: int, n_peers: int, lang: str) -> Standing:
    """Metro's rank in one line, and what goes with it. A neutral figure (GK: a threshold, not better or worse) is
    ordered, never ranked; a count is ranked with a word on what drives it."""
    s = kabkota.city_standing(ranked, CITY, n_peers)
    if s is None:
        st.info(t("kabkota.city_missing", lang, indicator=ind.short(lang), year=period))
        return Standing([])
    neutral = ind.polarity == "neutral"
    key = "kabkota.standing_neutral" if neutral else "kabkota.standing" if _ranks(ind, ranked, n_peers) else "kabkota.standing_few"
    st.markdown(t(key, lang, indicator=ind.short(lang), year=period, rank=s.rank_low, n=s.n_ranked, total=s.n_peers,
                  value=ind.fmt(s.value, lang)))
    # the sampling error in the figure's own terms: 'a few tenths of a point' is said of rates and indices only
    # and of ranks only where there is one ('Peringkat dihitung…' stood under 'tidak diberi peringkat')
    rates = ind.unit("id") in ("%", "indeks")
    ranked_rates = rates and key == "kabkota.standing"
    notes = [t("kabkota.sampling" if ranked_rates else "kabkota.sampling_generic", lang)]
    caveat = [t("kabkota.slide_sampling" if ranked_rates else "kabkota.slide_sampling_generic", lang)]
    said = [notes[0]]
    if ind.is_count_measure:
        notes.append(t("kabkota.count_size", lang, indicator=ind.short(lang)))
    if s.n_ranked < s.n_peers and key != "kabkota.standing_few":
        notes.append(t("kabkota.coverage", lang, n=s.n_ranked, total=s.n_peers))
        caveat.insert(0, t("kabkota.slide_coverage", lang, n=s.n_ranked, total=s.n_peers))
        said.append(notes[-1])
    if not s.is_lowest and key == "kabkota.standing":
        notes.append(t("kabkota.lowest_is", lang, name=s.lowest_name, value=ind.fmt(s.lowest_value, lang),
                       mark=mark_label(s.lowest_mark, lang)))
    return Standing(notes, " ".join(caveat), tuple(said))


def _ranks(ind, ranked: pd.DataFrame, n_peers: int) -> bool:
    """Metro is given a rank only among more than half of the kab/kota (kabkota.ranks). The standing line, the
    chart's title and the table's column all ask this, of the same cells."""
    return ind.polarity != "neutral" and kabkota.ranks(len(ranked), n_peers)


def _map(ranked: pd.DataFrame, ind, period: int, lang: str) -> None:
    shapes = cache.read("boundaries_by_level", level="kabkota")
    title = t("kabkota.map_title", lang, indicator=ind.short(lang), year=period)
    st.subheader(title)
    if shapes.empty:
        st.info(t("kabkota.no_boundaries", lang))
        return
    spec = _map_spec(ranked[["region_code", "value", "status", "citation", "quality_flag", "decimals", "period",
                             "source_publisher"]], ind.code, lang, presentation.active())
    st.vega_lite_chart(spec=spec, width="stretch", height=presentation.element_height())
    downloads.chart(spec, title=title, rows=ranked, lang=lang, key=f"dl-kabkota-map-{ind.code}-{period}")


@st.cache_data(show_spinner=False, max_entries=64)
def _map_spec(values: pd.DataFrame, code: str, lang: str, present: bool = False) -> dict:
    from metro_poverty.charts import theme
    from metro_poverty.charts.maps import choropleth

    shapes = cache.read("boundaries_by_level", level="kabkota")
    chart, _, datasets = choropleth(shapes, values, cache.catalogue()[code], lang, "kabkota", selected=CITY,
                                    height="container" if present else 520, present=present)
    return theme.spec(chart, lang, present, datasets=datasets)


def _ranking(ranked: pd.DataFrame, ind, period: int, lang: str, split_above: int | None = None) -> str:
    """The ranking chart; returns the note that explains its line and labels (the caller places it)."""
    title = t("kabkota.rank_title" if _ranks(ind, ranked, _n_peers()) else "kabkota.order_title", lang, indicator=ind.short(lang), year=period)
    plot_px = None if split_above else PLOT_PX_BESIDE_MAP[presentation.active()]
    if split_above is None:  # a slide's whole-width ranking is named by the slide's title and its 'P0 · 2025': the
        st.subheader(title)  # note under it, which says what the line and the labels mean, keeps the screen instead
    # with each bar's status and source: a slide names them under the chart, a downloaded image in its source line
    provenance = ranked[[c for c in ("status", "citation", "quality_flag", "source_publisher", "source_title", "source_reference")]]
    rows = kabkota.ranking_frame(ranked, ind).assign(label_note=[t(f"provenance.short.{m}", lang) for m in ranked.mark_key]).join(provenance)
    province = cache.read("published_series_by_region", indicators=[ind.code], regions=[PROVINCE])
    here = province[province.period == period]
    reference = float(here.value.iloc[0]) if len(here) else None
    if ind.is_count_measure:  # the province's poor are the sum of its 15 kab/kota: a line at 941 ribu squashed every bar
        total = ind.fmt(reference, lang) if reference is not None else t("kabkota.province_missing", lang)
        charts.ranking_chart(rows, ind, lang, "kabkota", city_value=None, selected=CITY, title=title, split_above=split_above, plot_px=plot_px)
        return t("kabkota.rank_note_count", lang, total=total, how=t("kabkota.rank_how_known", lang))
    label = t("kabkota.province_line", lang, value=ind.fmt(reference, lang)) if reference is not None else None
    charts.ranking_chart(rows, ind, lang, "kabkota", city_value=reference, selected=CITY, title=title, reference_label=label,
                         split_above=split_above, plot_px=plot_px)
    if label is None:  # no line is drawn, so none is described
        return t("kabkota.rank_note_no_line", lang, how=t("kabkota.rank_how_known", lang))
    return t("kabkota.rank_note", lang, province=label, how=t("kabkota.rank_how_known", lang))


def _table(ranked: pd.DataFrame, ind, period: int, n_peers: int, lang: str) -> None:
    title = t("kabkota.table_title", lang, indicator=ind.short(lang), year=period)
    st.subheader(title)
    shown = pd.DataFrame({
        t("kabkota.col.rank" if _ranks(ind, ranked, n_peers) else "kabkota.col.order", lang): ranked.rank_low,
        t("kabkota.col.region", lang): ranked.region_name,
        t("kabkota.col.bps_code", lang): ranked.bps_code,
        ind.titled(lang): [ind.fmt(v, lang, with_unit=False, decimals=d) for v, d in zip(ranked.value, ranked.decimals)],
        t("kabkota.col.mark", lang): [mark_label(m, lang) for m in ranked.mark_key],
        t("kabkota.col.n_sources", lang): ranked.n_sources,
        t("common.source", lang): [f"{p}: {localized(title_, lang)}" for p, title_ in zip(ranked.source_publisher, ranked.source_title)],
    })
    on_screen = shown
    if presentation.active():
        # a slide names each row's publisher only, and no codes: a news headline in every row made rows 160 px high,
        # three kab/kota on the screen; the titles are in the source line under the table and in the download
        on_screen = shown.drop(columns=[t("kabkota.col.bps_code", lang)]).assign(**{t("common.source", lang): list(ranked.source_publisher)})
    tables.show(on_screen, {c: c for c in on_screen.columns}, lang=lang, all_rows=True)  # every kab/kota, no scrolling
    downloads.table(shown, file_stem=f"kabkota_{ind.code}_{period}", lang=lang, key=f"dl-kabkota-{ind.code}-{period}",
                    indicators={}, rows=ranked.assign(indicator_code=ind.code), title=title)
    missing = n_peers - len(ranked)
    if missing > 0:
        st.caption(t("kabkota.gaps", lang, n=missing))
    badges.status_badges(ranked.status, lang)
    st.caption(t("kabkota.about", lang))
    badges.show_source_line(ranked, lang)

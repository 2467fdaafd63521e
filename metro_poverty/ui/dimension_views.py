"""The views of a dimension page: map, ranking, trend, comparison of two years, table; and the city-only
view of a survey estimate. Each takes (indicator, level, period shown, language, year chosen)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import compare
from metro_poverty.brackets import unnested
from metro_poverty.catalog import Indicator
from metro_poverty.headline import CITY, COUNTRY, PROVINCE
from metro_poverty.i18n import t
from metro_poverty.ui import badges, cache, charts, downloads, maps, presentation, region_panel, tables
from metro_poverty.url_state import list_param

TREND_REGIONS = "lines"  # URL key: the regions drawn beside the city on a trend


def trend_param(codes: list[str], region: str | None, lang: str):
    """The regions drawn beside the city on a trend (any of the level's `codes`); by default the region chosen."""
    return list_param(TREND_REGIONS, codes, [region] if region in codes else [],  # named only for a notice
                      label=lambda chosen: ", ".join(cache.code_names(lang).get(c, c) for c in chosen) or t("url.none", lang))


def history(ind: Indicator, level: str) -> pd.DataFrame:
    return cache.read("indicator_history_by_level", indicator=ind.code, level=level)


def history_with_other_producers(ind: Indicator, level: str) -> pd.DataFrame:
    """A level's history and, beside it, another producer's differing figure for a year the history takes
    from someone else (a local official's 8,7% stunting for 2022 beside e-PPGBM's 6,67%): a trend draws them
    apart in that producer's name and colour (charts.trend), so the disagreement is on the chart."""
    beside = cache.read("statements_beside_best", indicator=ind.code, level=level)
    own = history(ind, level)
    return own if beside.empty else pd.concat([own, beside], ignore_index=True)


def _notices_and_sources(values: pd.DataFrame, lang: str, top: bool) -> None:
    if top:
        if "illustrative" in set(values.status):
            badges.illustrative_notice(lang)
        return
    badges.status_badges(values.status, lang)
    badges.value_notes(values, lang)
    st.caption(t("notice.micro", lang))
    badges.show_source_line(values, lang)


def _heading(text: str) -> None:
    """A view's title; on a slide the summary line says it and the figure takes the room."""
    if not presentation.active():
        st.subheader(text)


def map_view(ind: Indicator, level: str, period: int, lang: str, year: int) -> None:
    present = presentation.active()
    with presentation.slide():
        left, right = st.columns([3, 1] if present else [3, 2], gap="medium" if present else "large")
        with left:
            region = st.session_state.get("region")
            # a new chart (key) per selected region: its selection starts empty, so a click on the selected
            # region is a change Streamlit reports (the same selection twice would not be)
            drawn = maps.indicator_map(ind, level, year, lang, title_key="dimension.map_title", selected=region, selectable=True,
                                       key=f"map-{ind.code}-{level}-{region}", on_select=_on_map_select, notes=not present)
        with right:
            region_panel.panel(ind, level, period, lang)
    if present and drawn is not None:  # on a slide the notes go below the figure
        maps.map_notes(drawn, lang)


def _on_map_select(key: str) -> None:
    """A click on a region selects it; a click on the selected region clears the selection.

    Each selected region gets a fresh chart, so what the chart reports is the one region just clicked."""
    state = st.session_state.get(key)
    now = [s.get("region_code") for s in (state.selection.get(maps.SELECTION) or [])] if state else []
    st.session_state["region"] = clicked_region(now, st.session_state.get("region"))


def clicked_region(reported: list[str], current: str | None) -> str | None:
    """The region selected after a click the chart reported: the clicked one, or none when it was
    already selected (a second click clears); an empty report changes nothing."""
    if not reported:
        return current
    return None if reported[-1] == current else reported[-1]


def rank_view(ind: Indicator, level: str, period: int, lang: str, year: int) -> None:
    values = history(ind, level)
    now = compare.ranked(values[values.period == period], ind)
    _notices_and_sources(now, lang, top=True)
    title = t("dimension.rank_title", lang, level=t(f"level.{level}", lang), indicator=ind.short(lang), year=period)
    _heading(title)
    city = history(ind, "city")
    ref = compare.city_reference(city, now.source_id.iloc[0], period, now.series.iloc[0]) if len(now) and not ind.is_count else None
    with presentation.slide():
        charts.ranking_chart(now, ind, lang, level, city_value=ref, selected=st.session_state.get("region"), title=title)
    _notices_and_sources(now, lang, top=False)


def trend_view(ind: Indicator, level: str, period: int, lang: str, year: int) -> None:
    values = history(ind, level)
    _notices_and_sources(values, lang, top=True)
    _heading(t("dimension.trend_title", lang, indicator=ind.short(lang)))
    names = values.drop_duplicates("region_code").set_index("region_code")["region_name"]
    now = st.session_state[TREND_REGIONS]  # in the URL (trend_param): a shared link draws the same lines
    regions = cache.regions().set_index("region_code").name
    # on a slide the picker folds into one line, as the page's controls do: the chart keeps the screen
    with presentation.controls(t("dimension.trend_regions_summary", lang, names=", ".join(regions[c] for c in now) or "–")):
        picked = st.multiselect(t("dimension.trend_regions", lang), list(regions[regions.index.isin(names.index) | regions.index.isin(now)].index),
                                format_func=regions.get, key=TREND_REGIONS, placeholder=t("common.choose", lang))
    # the city with every source it has: a figure the producer released (e-PPGBM 2020, 2022) stands beside the
    # demo's illustrative line with its own marker, never hidden behind it
    lines = pd.concat([history_with_other_producers(ind, "city"), values[values.region_code.isin(picked)]], ignore_index=True)
    with presentation.slide(presentation.ABOVE_SLIDE_PX + 60):  # the region picker's folded line sits above the chart
        badges.series_break_note(lines, lang, in_slide=True)
        charts.trend_chart(lines, ind.code, lang, target=ind.target, height=420, colors=charts.city_first_colors(lines),
                           title=t("dimension.trend_title", lang, indicator=ind.short(lang)), key=f"dl-trend-{ind.code}-{level}")
    badges.series_break_note(lines, lang, in_slide=False)
    _other_producers_note(lines, ind, lang)
    _notices_and_sources(lines, lang, top=False)


def _other_producers_note(lines: pd.DataFrame, ind: Indicator, lang: str) -> None:
    """What the purple marks are (charts.trend draws another producer's figures apart): not the indicator's figure,
    and of a concept not confirmed the same (DOMAIN §6)."""
    from metro_poverty.charts.trend import other_producers  # with the chart it explains (Altair is loaded by then)

    others = other_producers(lines, ind)
    if others:
        st.caption(t("trend.other_producer_note", lang, producers=", ".join(others), owner=ind.producer))


def compare_view(ind: Indicator, level: str, period: int, lang: str, year: int) -> None:
    values = history(ind, level)
    periods = sorted(int(p) for p in values.period.unique())
    present = presentation.active()
    # on a slide the badge and the folded year picker share one row: the 22 rows below get its height
    badge_place, picker_place = st.columns(2, vertical_alignment="center") if present else (st.container(), st.container())
    with badge_place:
        _notices_and_sources(values, lang, top=True)
    if len(periods) < 2:
        st.info(t("dimension.compare_need_two", lang))
        return
    earlier = [p for p in periods if p < period]
    if not earlier:  # the first year of the data: compared with itself it said '22 tetap' (all unchanged)
        st.info(t("dimension.compare_no_earlier", lang, indicator=ind.short(lang), year=period))
        return
    if st.session_state.get("cmp") not in earlier:  # by default the earliest year of the same series: comparable
        st.session_state["cmp"] = compare.earliest_comparable(values, earlier, period)
    with picker_place, presentation.controls(t("dimension.compare_with_summary", lang, base=st.session_state["cmp"])):  # a slide: one line
        st.segmented_control(t("dimension.compare_with", lang), earlier, key="cmp", required=True)
    base = st.session_state["cmp"]
    first_of_series = not compare.comparable_earlier(values, earlier, period)
    if first_of_series and not present:  # a new series: the dots below stand apart, and say why (a slide's counts line says it)
        st.caption(t("dimension.compare_first_of_series", lang, year=period))
    change = compare.change_between(values, ind, base, period)
    title = t("dimension.compare_title", lang, indicator=ind.short(lang), base=base, latest=period)
    _heading(title)
    counts = change.direction.value_counts()
    better, worse, same, nc = (counts.get(k, 0) for k in ("better", "worse", "same", "not_comparable"))
    if present:  # one line in the chart's colours, the legend of its panels (which have no axis title): which dot
        # is which year (by colour, or by size when none can be coloured) and the unit; the regions that cannot be
        # compared are named only when there are some
        axis = t("dimension.compare_axis_size" if nc == len(change) else "dimension.compare_axis_colour", lang, base=base, latest=period)
        if first_of_series:  # no count of improved or worsened regions to give: why none can be compared
            line = t("dimension.compare_counts_slide_new_series", lang, latest=period, base=base, nc=nc, axis=axis, unit=ind.unit(lang))
        else:
            line = t("dimension.compare_counts_slide", lang, better=better, worse=worse, same=same, axis=axis, unit=ind.unit(lang),
                     nc=t("dimension.compare_counts_slide_nc", lang, nc=nc) if nc else "")
    else:
        line = t("dimension.compare_counts", lang, better=better, worse=worse, same=same, nc=nc)
        st.markdown(line)
    # on a slide the row of the badge and the year picker takes no more than the allowance for the bar, title and
    # summary line leaves (measured at 1280x720, 1366x768 and 1920x1080)
    charts.dumbbell_chart(change, ind, lang, base, period, title=title, rows=values[values.period.isin([base, period])], above_px=-5,
                          legend=line if present else None)
    _notices_and_sources(values[values.period.isin([base, period])], lang, top=False)


def table_view(ind: Indicator, level: str, period: int, lang: str, year: int) -> None:
    values = compare.ranked(history(ind, level).query("period == @period"), ind)
    _notices_and_sources(values, lang, top=True)
    if not presentation.active():  # on a slide the summary line says it
        st.subheader(t("dimension.table_title", lang, indicator=ind.short(lang), year=period))
    shown = tables.indicator_table(values, ind, lang, level, compact=presentation.active())
    value_column = next(c for c in shown.columns if c.startswith(ind.short(lang)))
    downloads.table(shown, file_stem=f"{ind.code}_{level}_{period}", lang=lang, key=f"dl-table-{ind.code}-{level}",
                    indicators={value_column: ind}, rows=values.assign(indicator_code=ind.code),
                    title=t("dimension.table_title", lang, indicator=ind.short(lang), year=period))
    _notices_and_sources(values, lang, top=False)


SAMPLED_CHANGES = ("p0", "p1", "p2")  # the survey estimates whose year-on-year changes provenance.sampling speaks of
# a slide's trend of Susenas's poverty estimates says in its footnote that its steps are untested (sampling_short):
# below the slide, the desk's caption was off the screen
SAMPLED_ON_SLIDES = (*SAMPLED_CHANGES, "poor_count")


def macro_rows(ind: Indicator) -> pd.DataFrame:
    """What a city-only indicator's page draws: a survey estimate beside Lampung's and Indonesia's, or the OPD's
    record for the city."""
    if ind.is_survey_estimate:
        return cache.read("published_series_by_region", indicators=[ind.code], regions=[CITY, PROVINCE, COUNTRY])
    return history(ind, "city")


def macro_period(ind: Indicator, year: int) -> int | None:
    """The year of the city's figure a city-only page is titled with: the year chosen, or the latest before it
    (SSGI's last stunting figure for Metro is 2021: 'Kesehatan — 2025' over it claims a figure no one released).
    An indicator published only for Lampung and Indonesia (the Gini ratio) is titled with their year."""
    rows = macro_rows(ind)
    city = rows[rows.region_code == CITY]
    return compare.period_shown((city if len(city) else rows).period, year)


def macro(ind: Indicator, lang: str, year: int, period: int | None = None) -> None:
    """An indicator with no values below the city: a survey estimate for the city (and Lampung, Indonesia), or an
    OPD's record kept for the city only. Its trend, no map; captions name its source from the catalogue."""
    survey = ind.is_survey_estimate
    notice = t("dimension.macro_only" if survey else "dimension.city_only", lang, source=ind.source_name(lang))
    rows = macro_rows(ind)
    no_city = not rows.empty and not (rows.region_code == CITY).any()  # the Gini ratio: published for Lampung and Indonesia
    drawn = t("common.and", lang).join(dict.fromkeys(rows.region_name))  # the store has Lampung's Gini only
    present = presentation.active()
    if present:  # on a slide the notice is a line and the chart keeps the screen: with no figure for the city, what
        # is drawn instead (the room read Lampung's line as Metro's when the notice was a third line, off the screen)
        st.caption(t("dimension.macro_no_city", lang, indicator=ind.short(lang), regions=drawn, shown=period) if no_city else notice)
    else:
        st.info(notice, icon=":material/public:")
        related = [cache.catalogue()[c] for c in str(ind.meta.get("related") or "").split(";") if c in cache.catalogue()]
        micro = [r.name(lang) for r in related if r.map_levels]
        if micro and survey:
            st.caption(t("dimension.macro_related", lang, names="; ".join(micro)))
    if rows.empty:
        st.info(t("dimension.no_data", lang))
        return
    if "illustrative" in set(rows.status):
        badges.illustrative_notice(lang)
    if no_city and not present:
        st.caption(t("dimension.macro_no_city", lang, indicator=ind.short(lang), regions=drawn, shown=period))
    elif period is not None and period != year and not present:  # a slide's summary line says it
        st.caption(t(compare.fallback_key("dimension.macro_latest", period, year), lang, indicator=ind.short(lang), year=year, shown=period))
    target = ind.target if _target_applies(ind, rows) else None
    if ind.target is not None and target is None and not present:  # a slide draws no target: the desk says why
        st.caption(t("dimension.target_elsewhere", lang, target=ind.fmt_target(lang), note=unnested(ind.target_note(lang))))
    if ind.is_count_measure and rows.region_code.nunique() > 1 and not presentation.active():  # a slide: each panel's title
        st.caption(t("dimension.count_panels", lang))
    with presentation.slide(presentation.ABOVE_SLIDE_PX + 70):  # the notice's line (two at 1280 px) above
        badges.series_break_note(rows, lang, in_slide=True)
        charts.trend_chart(rows, ind.code, lang, colors=charts.area_colors(rows), target=target, height=420,
                           title=ind.name(lang), key=f"dl-macro-{ind.code}", panels=ind.is_count_measure,
                           footnote_after=t("provenance.sampling_short", lang) if ind.code in SAMPLED_ON_SLIDES else "")
    badges.series_break_note(rows, lang, in_slide=False)
    badges.status_badges(rows.status, lang)
    badges.value_notes(rows, lang)
    if ind.code in SAMPLED_CHANGES:
        st.caption(t("provenance.sampling", lang))
    st.caption(t("notice.macro_area" if survey else "notice.city_record", lang, sources=ind.source_name(lang), level=ind.lowest_level(lang)))
    badges.show_source_line(rows, lang)


def _target_applies(ind: Indicator, rows: pd.DataFrame) -> bool:
    """A target is drawn only beside the area it belongs to (a national one beside any): Metro's RPJPD Gini
    target is never set against Lampung's Gini."""
    region = ind.meta.get("target_region")
    return ind.target is not None and (region == COUNTRY or region in set(rows.region_code))


VIEW_FUNCTIONS = {"map": map_view, "rank": rank_view, "trend": trend_view, "compare": compare_view, "table": table_view}

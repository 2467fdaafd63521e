"""Profil Wilayah: every indicator of one kecamatan or kelurahan across the four dimensions, each against
the city from the same source, coloured by polarity, with its trend. The view a lurah or camat asks for."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import numfmt
from metro_poverty.catalog import DIMENSIONS
from metro_poverty.i18n import t
from metro_poverty.profile import profile_rows
from metro_poverty.ui import badges, cache, frame, presentation, url
from metro_poverty.url_state import Param, optional_text

GOOD, BAD = "#d7f0dd", "#f9d6d5"  # cell backgrounds: better / worse than the city


def render() -> None:
    lang, year = frame.lang(), frame.year()
    regions = cache.regions()
    sub_city = regions[regions.level.isin(["kecamatan", "kelurahan"])]
    url.restore([Param("region", [None] + list(sub_city.region_code), None, to_text=optional_text)])
    code = st.session_state.get("region")
    label = _labels(sub_city, lang)
    # the title names the region and year, and the page has no slide to give its height to: kept under a step bar
    st.title(t("profile.title", lang) if code is None else t("profile.title_region", lang, level=t(f"level.{label[code][1]}", lang),
                                                      name=label[code][0], year=year))
    url.show_notices()
    # on a slide the picker folds under one line, as every page's controls do: the tables get the screen
    with presentation.controls(t("profile.pick", lang) if code is None else label[code][2]):
        st.selectbox(t("profile.pick", lang), [None] + list(sub_city.region_code), key="region",
                     format_func=lambda c: "—" if c is None else label[c][2], placeholder=t("common.choose", lang))
    if code is None:
        st.info(t("profile.pick_hint", lang), icon=":material/touch_app:")
        return
    _facts(code, regions.set_index("region_code").loc[code], lang)
    st.caption(t("profile.no_macro", lang))
    rows = profile_rows(cache.read("region_indicator_history", region=code), cache.catalogue(), code, year)
    if rows.empty:
        st.info(t("profile.nothing", lang, year=year))
        return
    if "illustrative" in set(rows.status):
        badges.illustrative_notice(lang)
    for dimension in DIMENSIONS:
        part = rows[rows.dimension == dimension]
        if len(part):
            st.subheader(t(f"dimension.name.{dimension}", lang))
            _table(part, lang)
    st.caption(t("profile.legend", lang))
    badges.status_badges(rows.status, lang)
    st.caption(t("notice.micro", lang))
    # the sources of the values shown, as each value names its own (an uploaded value its OPD, file and batch), not
    # every source of their publishers (Dinas Pendidikan's Dapodik file was named under a profile that shows only its APS)
    badges.show_source_line(rows.sort_values(["source_publisher", "source_title"], kind="stable"), lang)


def _labels(sub_city: pd.DataFrame, lang: str) -> dict[str, tuple[str, str, str]]:
    """code -> (name, level, picker label such as 'Kel. Metro (Metro Pusat)')."""
    out = {}
    for r in sub_city.itertuples(index=False):
        prefix = "Kec." if r.level == "kecamatan" else "Kel."
        parent = f" ({r.parent_name})" if r.level == "kelurahan" else ""
        out[r.region_code] = (r.name, r.level, f"{prefix} {r.name}{parent}")
    return out


def _facts(code: str, r: pd.Series, lang: str) -> None:
    area = numfmt.number(r["area_km2_official"], 2, lang) + " km²" if pd.notna(r["area_km2_official"]) else "–"
    parent = f"{t('level.kecamatan', lang)} {r['parent_name']}" if r["level"] == "kelurahan" else "Kota Metro"
    st.caption(t("profile.facts", lang, code=code, bps=_or_dash(r["bps_code"]), parent=parent, postal=_or_dash(r["postal_code"]), area=area))


def _or_dash(value) -> str:
    """A fact as written, '–' when the reference table has none (a kecamatan has no postal code: NaN, not 'nan')."""
    return "–" if value is None or pd.isna(value) or str(value).strip() == "" else str(value)


def _versus(direction, value, city_value, lang: str) -> str:
    """'▼ lebih buruk'; for a count, its share of the city's ('5,2% dari kota'); '–' with no city value (NaN)."""
    if not isinstance(direction, str):
        return "–"
    if direction == "part" and pd.notna(value) and pd.notna(city_value) and city_value > 0:
        return t("profile.vs.part_share", lang, share=numfmt.number(100 * value / city_value, 1, lang))
    return t(f"profile.vs.{direction}", lang)


def _table(part: pd.DataFrame, lang: str) -> None:
    catalogue = cache.catalogue()
    view = pd.DataFrame({
        # a unit the figure does not carry goes with the name: '1.250 unit rumah' was cut in its column at 1280 px
        t("profile.col.indicator", lang): [catalogue[c].titled(lang) if catalogue[c].label_unit(lang) else catalogue[c].short(lang)
                                           for c in part.indicator_code],
        t("profile.col.year", lang): part.period.astype(str),
        t("profile.col.value", lang): [catalogue[c].fmt_compact(v, lang) for c, v in zip(part.indicator_code, part.value)],
        # the status sits beside the value it qualifies, where a narrow screen cannot scroll it out of sight
        t("profile.col.status", lang): [t(f"status_short.{s}", lang) for s in part.status],
        t("profile.col.city", lang): [catalogue[c].fmt_compact(v, lang) if pd.notna(v) else "–" for c, v in zip(part.indicator_code, part.city_value)],
        t("profile.col.vs_city", lang): [_versus(d, v, c, lang) for d, v, c in zip(part.direction, part.value, part.city_value)],
        # one value is no trend: a flat line would read as 'no change' (a register's first year of a new series)
        t("profile.col.trend", lang): [points if len(points) > 1 else None for points in part.trend],
    })
    vs = t("profile.col.vs_city", lang)
    colours = {t("profile.vs.better", lang): GOOD, t("profile.vs.worse", lang): BAD}
    styled = view.style.map(lambda v: f"background-color: {colours[v]}" if v in colours else "", subset=[vs])
    st.dataframe(styled, hide_index=True, width="stretch", column_config={
        t("profile.col.trend", lang): st.column_config.LineChartColumn(width=64),
        # 'Families in national deciles 1–4', 'Illustrative', '11.520 keluarga' whole, and every column within the page at
        # 1280 px with the sidebar open (the widths add up to the 762 px the page has)
        t("profile.col.indicator", lang): st.column_config.TextColumn(width=222),
        t("profile.col.year", lang): st.column_config.TextColumn(width=56),
        # the values are text written the Indonesian way ('97,0%'), aligned right as numbers are
        t("profile.col.value", lang): st.column_config.TextColumn(width=104, alignment="right"),
        t("profile.col.status", lang): st.column_config.TextColumn(width=86),
        t("profile.col.city", lang): st.column_config.TextColumn(width=112, alignment="right"),
        t("profile.col.vs_city", lang): st.column_config.TextColumn(width=118),
    })
    single = part[[len(points) <= 1 for points in part.trend]]
    if len(single):  # an empty trend cell reads as missing data: a register whose new series starts this year (DTSEN 2025)
        st.caption(t("profile.trend_single", lang, indicators=", ".join(catalogue[c].short(lang) for c in single.indicator_code),
                     years=", ".join(dict.fromkeys(str(p) for p in single.period))))

"""The scenario's baseline next to BPS's official figures of the same year, with the reason they differ.

The synthetic file is calibrated to BPS's P0, so the two P0 agree; the number of poor differs because
the model multiplies P0 by its population while BPS's count rests on another population base. A room
that sees 12.220 (a model's count, to tens) here and 12,07 thousand on the Overview must be told why, on the same screen.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import numfmt
from metro_poverty.engine import BASELINE_YEAR
from metro_poverty.engine.scenario_table import model_count
from metro_poverty.headline import CITY
from metro_poverty.i18n import t
from metro_poverty.provenance import mark, mark_label
from metro_poverty.ui import cache
from metro_poverty.brackets import unnested

CITY_LEVEL = "city"
PERSONS_PER_UNIT = {"thousand persons": 1000.0, "persons": 1.0}  # catalogue unit_en of poor_count -> persons


def official(code: str) -> pd.Series | None:
    """The city's value of an indicator in the baseline year (value, status, source columns), or None."""
    values = cache.read("indicator_by_region", indicator=code, level=CITY_LEVEL, period=BASELINE_YEAR)
    return None if values.empty else values.iloc[0]


def show(result: pd.DataFrame, lang: str) -> None:
    city = result[result.level == CITY_LEVEL].iloc[0]
    catalogue = cache.catalogue()
    p0, poor = official("p0"), official("poor_count")
    model = t("scenario.baseline.model", lang, year=BASELINE_YEAR, p0=numfmt.number(city.p0_before_pct, 2, lang),
              poor=numfmt.number(model_count(city.poor_persons_before), 0, lang), population=numfmt.number(city.population_persons, 0, lang))
    lines = [model]
    if p0 is not None and poor is not None:
        # each figure with how it is known and where it was read: the count of poor is not on the page that gives P0
        lines.append(t("scenario.baseline.official", lang, year=BASELINE_YEAR, p0=catalogue["p0"].fmt(p0.value, lang),
                       poor=catalogue["poor_count"].fmt(poor.value, lang), p0_known=_known(p0, lang), p0_source=p0.source_publisher,
                       poor_known=_known(poor, lang), poor_source=poor.source_publisher))
        lines.append(_why(city, p0, poor, catalogue["poor_count"].unit("en"), lang))
    newer = latest_p0()
    if newer is not None and newer.period > BASELINE_YEAR:  # a planner on 2025 saw 6,78 and no word of BPS's 6,44
        lines.append(t("scenario.baseline.newer", lang, year=int(newer.period), p0=catalogue["p0"].fmt(newer.value, lang),
                       known=_known(newer, lang), source=newer.source_publisher, base=BASELINE_YEAR))
    st.info("\n\n".join(lines), icon=":material/balance:")


def latest_p0() -> pd.Series | None:
    """BPS's latest published P0 of the city (value, status, source columns), or None."""
    rows = cache.read("published_series_by_region", indicators=["p0"], regions=[CITY])
    return None if rows.empty else rows.sort_values("period").iloc[-1]


def _known(row: pd.Series, lang: str) -> str:
    """'Resmi — publikasi produsen': it stands inside brackets, where 'Resmi (publikasi produsen)' nested them."""
    return unnested(mark_label(mark(row.status, row.get("citation"), row.get("quality_flag")), lang))


def _why(city: pd.Series, p0: pd.Series, poor: pd.Series, poor_unit: str, lang: str) -> str:
    per_unit = PERSONS_PER_UNIT.get(poor_unit)
    if per_unit is None or not p0.value:
        return t("scenario.baseline.why_p0", lang)
    official_poor = poor.value * per_unit
    implied_population = official_poor / (p0.value / 100)
    return t("scenario.baseline.why", lang, population=numfmt.number(city.population_persons, 0, lang),
             official_poor=numfmt.number(official_poor, 0, lang), p0=numfmt.number(p0.value, 2, lang),
             implied=numfmt.number(implied_population / 1000, 1, lang),
             difference=numfmt.number(model_count(abs(city.poor_persons_before - official_poor)), 0, lang))

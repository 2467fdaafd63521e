"""The scenario page's targeting box: who is eligible, the bases of the two targeting errors, who receives,
and the register's decile shares beside the model's (DOMAIN.md section 6: DTSEN deciles are national)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metro_poverty import numfmt
from metro_poverty.engine import BASELINE_YEAR, Scenario
from metro_poverty.engine.scenario_table import model_count
from metro_poverty.i18n import t
from metro_poverty.ui import cache, engine_data

CITY_LEVEL = "city"
INCLUSION_TEXT = {True: "scenario.targeting.inclusion", False: "scenario.targeting.inclusion_city"}  # the base: target areas or the city
BOX_KEY = "sc-targeting"  # the box is found by this key (class st-key-sc-targeting) in browser tests
REGISTER_INDICATORS = {"d1": "dtsen_d1_pct", "d14": "dtsen_d14_pct"}


def decile_text(deciles: tuple[int, ...]) -> str:
    """'1–2', '1, 3, 5–7': runs of consecutive deciles joined by a dash."""
    runs: list[list[int]] = []
    for d in sorted(deciles):
        if runs and d == runs[-1][-1] + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def register_shares() -> dict[str, tuple[float, str, str]] | None:
    """The register's city shares of families in decile 1 and 1-4 in the baseline year, with their status and
    series (the register: P3KE/Regsosek up to 2024, DTSEN since 2025)."""
    out = {}
    for key, code in REGISTER_INDICATORS.items():
        values = cache.read("indicator_by_region", indicator=code, level=CITY_LEVEL, period=BASELINE_YEAR)
        if values.empty:
            return None
        out[key] = (float(values.value.iloc[0]), str(values.status.iloc[0]), str(values.series.iloc[0] or ""))
    return out


def show(scenario: Scenario, result: pd.DataFrame, lang: str) -> None:
    bases = engine_data.targeting_bases(scenario).set_index("region_code")
    city = bases[bases.level == CITY_LEVEL].iloc[0]
    recipients = float(result.loc[result.level == CITY_LEVEL, "recipient_households"].iloc[0])
    n = lambda v: numfmt.number(model_count(v), 0, lang)  # noqa: E731  (a model count: to tens)
    with st.container(border=True, key=BOX_KEY):
        st.markdown(f"**{t('scenario.targeting.title', lang)}**")
        lines = [
            _eligible_line(scenario, city, lang),
            t("scenario.targeting.exclusion", lang, pct=numfmt.number(scenario.exclusion_error_pct, 0, lang),
              base=n(city.eligible_households), missed=n(city.expected_missed_households)),
            t(INCLUSION_TEXT[bool(scenario.target_regions)], lang, pct=numfmt.number(scenario.inclusion_error_pct, 0, lang),
              base=n(city.ineligible_area_households), included=n(city.expected_included_households)),
            t("scenario.targeting.recipients", lang, households=n(recipients),
              share=numfmt.number(100 * recipients / city.households, 1, lang))
            + (" " + t("scenario.targeting.drawn", lang) if scenario.exclusion_error_pct or scenario.inclusion_error_pct else ""),
        ]
        st.markdown("\n".join(f"- {line}" for line in lines))
        register = register_shares()
        if register:
            (d1, status, series), (d14, _, _) = register["d1"], register["d14"]
            # the register of that year by name: the model's 'desil DTSEN' were set to match 2024's P3KE/Regsosek
            # shares, which the dimension pages say are not comparable with DTSEN's (2025)
            named = t(f"series.{series}", lang) if series else t("scenario.targeting.register_unnamed", lang)
            not_dtsen = "" if series == "register_dtsen" else t("scenario.targeting.not_dtsen", lang)
            st.caption(t("scenario.targeting.register", lang, year=BASELINE_YEAR, register=named, not_dtsen=not_dtsen,
                         d1=numfmt.number(d1, 1, lang), d14=numfmt.number(d14, 1, lang), status=t(f"status_short.{status}", lang)))


def _eligible_line(scenario: Scenario, city: pd.Series, lang: str) -> str:
    share = lambda part, whole: numfmt.number(100 * part / whole if whole else 0, 1, lang)  # noqa: E731
    key = "scenario.targeting.eligible_area" if scenario.target_regions else "scenario.targeting.eligible"
    return t(key, lang, households=numfmt.number(model_count(city.eligible_households), 0, lang), deciles=decile_text(scenario.target_deciles) or "–",
             share=share(city.eligible_households, city.households), area_share=share(city.eligible_households, city.area_households))

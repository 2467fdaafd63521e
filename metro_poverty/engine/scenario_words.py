"""A scenario in words, one line: its transfer, target deciles and areas, then every other lever it moves from
the default. The same line heads a Simulasi slide and names an agenda step of the scenario, so what the room
reads in the step bar is what the slide says. Pure: no Streamlit."""

from __future__ import annotations

from collections.abc import Mapping

from metro_poverty import numfmt
from metro_poverty.engine.scenario import Scenario
from metro_poverty.engine.scenario_url import DEFAULT
from metro_poverty.i18n import t


def summary(s: Scenario, region_names: Mapping[str, str], lang: str) -> str:
    """'Bantuan Rp 300.000 per rumah tangga · desil 1, 2 · seluruh kota · terlewat 30% · inflasi 3%'."""
    area = ", ".join(region_names.get(c, c) for c in s.target_regions) if s.target_regions else t("scenario.summary.city", lang)
    line = t("scenario.summary.line", lang, transfer=numfmt.rupiah(s.transfer_rp_per_month, 0, lang),
             per=t(f"scenario.per_unit.{s.transfer_per}", lang), deciles=", ".join(str(d) for d in s.target_deciles), area=area)
    return " · ".join([line, *changed_levers(s, lang)])


def changed_levers(s: Scenario, lang: str, targeting: bool = True) -> list[str]:
    """Every other lever the scenario moves from its default, in a few words: a slide said 'Bantuan Rp 0' beside
    P0 falling by 1,97 points, moved by growth and targeting errors that nobody in the room could see.
    Without `targeting`: only those folded under 'more' (growth, the poverty line, the weights)."""
    pct = lambda v: numfmt.number(v, 0 if float(v).is_integer() else 1, lang)  # noqa: E731
    out = []
    if targeting and s.exclusion_error_pct:
        out.append(t("scenario.summary.exclusion", lang, pct=pct(s.exclusion_error_pct)))
    if targeting and s.inclusion_error_pct:
        out.append(t("scenario.summary.inclusion", lang, pct=pct(s.inclusion_error_pct)))
    if s.growth_d1_4_pct == s.growth_d5_10_pct and s.growth_d1_4_pct:
        out.append(t("scenario.summary.growth", lang, pct=pct(s.growth_d1_4_pct)))
    elif s.growth_d1_4_pct != s.growth_d5_10_pct:
        out.append(t("scenario.summary.growth_split", lang, low=pct(s.growth_d1_4_pct), high=pct(s.growth_d5_10_pct)))
    if s.poverty_line_rp is not None:
        out.append(t("scenario.summary.line_rp", lang, rp=numfmt.rupiah(s.poverty_line_rp, 0, lang)))
    if s.inflation_pct:  # also beside a line of its own: that line is in the scenario's prices, which inflation sets
        out.append(t("scenario.summary.inflation", lang, pct=pct(s.inflation_pct)))
    if s.dimension_weights != DEFAULT.dimension_weights or s.k != DEFAULT.k:
        out.append(t("scenario.summary.weights", lang))
    return out

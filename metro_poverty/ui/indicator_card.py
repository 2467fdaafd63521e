"""An indicator's Satu Data metadata card (Peraturan BPS 4/2020: concept, definition, classification, measure,
unit, method, source, disaggregation, frequency, lowest official level, interpretation), one click away."""

from __future__ import annotations

import streamlit as st

from metro_poverty.catalog import Indicator
from metro_poverty.i18n import t
from metro_poverty.brackets import unnested


def card_rows(ind: Indicator, lang: str) -> list[tuple[str, str]]:
    target = ""
    if ind.target is not None:
        target = f"{ind.fmt_target(lang)} ({unnested(ind.target_note(lang))})"
    rows = [
        ("concept", ind.concept(lang)),
        ("definition", ind.definition(lang)),
        ("classification", ind.text("classification", lang)),
        ("measure", ind.text("measure", lang)),
        ("unit", ind.unit(lang)),
        ("formula", ind.text("formula", lang)),
        ("source", ind.source_name(lang)),
        ("producer", ind.producer),
        ("kind", t(f"dimension.kind.{ind.measure_kind}", lang)),
        ("disaggregation", ind.text("disaggregation", lang)),
        ("frequency", ind.frequency(lang)),
        ("lowest_level", ind.lowest_level(lang)),
        ("sub_level_source", ind.text("sub_level_source", lang)),
        ("interpretation", ind.interpretation(lang)),
        ("polarity", t(f"dimension.polarity.{ind.polarity}", lang)),
        ("target", target),
    ]
    return [(t(f"dimension.meta.{k}", lang), v) for k, v in rows if v]


def metadata_popover(ind: Indicator, lang: str) -> None:
    with st.popover(t("dimension.metadata", lang), icon=":material/info:"):
        st.markdown(f"**{ind.name(lang)}**")
        for label, value in card_rows(ind, lang):
            st.markdown(f"**{label}:** {value}")


def kind_badge(ind: Indicator, lang: str) -> None:
    """Macro (survey estimate) and micro (records, registers) are told apart on every page."""
    colour = "blue" if ind.is_survey_estimate else "violet"
    st.badge(t(f"dimension.kind.{ind.measure_kind}", lang), icon=":material/analytics:", color=colour)

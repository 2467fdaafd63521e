"""An indicator's metadata card (definition, unit, polarity, producer, source, kind), one click away."""

from __future__ import annotations

import streamlit as st

from metro_poverty.catalog import Indicator
from metro_poverty.i18n import t


def card_rows(ind: Indicator, lang: str) -> list[tuple[str, str]]:
    target = ""
    if ind.target is not None:
        target = f"{ind.fmt(ind.target, lang)} ({ind.target_note(lang)})"
    rows = [
        ("definition", ind.definition(lang)),
        ("concept", ind.concept(lang)),
        ("formula", ind.meta.get("formula") or ""),
        ("unit", ind.unit(lang)),
        ("polarity", t(f"dimension.polarity.{ind.polarity}", lang)),
        ("kind", t(f"dimension.kind.{ind.measure_kind}", lang)),
        ("producer", ind.meta.get("producer") or ""),
        ("source", ind.meta.get("source") or ""),
        ("frequency", ind.frequency(lang)),
        ("lowest_level", ind.meta.get("lowest_level") or ""),
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

"""A scenario's results by region as a table a planner can take away: every row says it is a model
result (status `simulated`, the store's word for figures computed by the app's own model) and names its
source: the model, the household file and the scenario's levers. No Streamlit here, so the page, its
download and the tests build the same table.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd

from metro_poverty.engine.indicators import counts_expenditure
from metro_poverty.engine.scenario import Scenario
from metro_poverty.engine.scenario_url import to_query_params
from metro_poverty.i18n import t
from metro_poverty.source_line import source_line

SIMULATED = "simulated"
FIGURES = ["p0_before_pct", "p0_after_pct", "p1_before", "p1_after", "p2_before", "p2_after", "poor_persons_before",
           "poor_persons_after", "persons_lifted", "m0_before", "m0_after", "recipient_households", "budget_rp_per_year"]
DECIMALS = {"p0_before_pct": 2, "p0_after_pct": 2, "p1_before": 2, "p1_after": 2, "p2_before": 2, "p2_after": 2,
            "m0_before": 4, "m0_after": 4}  # the rest are counts and rupiah
COUNTS = ["poor_persons_before", "poor_persons_after", "persons_lifted", "recipient_households"]
COUNT_STEP = 10  # on screen a model's count of persons or households is rounded to tens (the download keeps it whole)


def shown_lifted(lifted: float, before: float, after: float) -> float:
    """'Lifted out of poverty' as shown beside the rounded counts of poor before and after: their difference when
    the transfer alone moved people (then lifted = before - after exactly), so the screen's own subtraction holds."""
    if pd.notna(lifted) and pd.notna(before) and pd.notna(after) and abs(lifted - (before - after)) < 1e-6:
        return model_count(before) - model_count(after)
    return model_count(lifted)


def model_count(value: float) -> float:
    """A count the model gives, as the page shows it: to the nearest ten. A model on synthetic households is
    not exact to one person, and '9.113 jiwa' would read as if it were."""
    return value if pd.isna(value) else float(round(value / COUNT_STEP) * COUNT_STEP)


def m0_kind(scenario: Scenario) -> str:
    """'m0_with_expenditure' when expenditure below GK is one of M0's deprivations, else 'm0_nonmonetary'."""
    return "m0_with_expenditure" if counts_expenditure(scenario.dimension_weights) else "m0_nonmonetary"


def source_rows(scenario: Scenario, dataset: str, lang: str) -> pd.DataFrame:
    """The model as a source, in the columns source_line reads; `dataset`: the household file's label."""
    levers = urlencode(to_query_params(scenario), safe=",")
    reference = "scenario.source.reference" if levers else "scenario.source.reference_baseline"
    return pd.DataFrame([{
        "source_publisher": t("scenario.source.publisher", lang),
        "source_title": t("scenario.source.title", lang, dataset=dataset),
        "source_reference": t(reference, lang, levers=levers or t("scenario.source.baseline", lang),
                              m0=t(f"scenario.source.{m0_kind(scenario)}", lang)),
    }])


def source_text(scenario: Scenario, dataset: str, lang: str) -> str:
    """'Sumber: … (skenario: transfer=300000&deciles=1,2)': the line every row and download carries."""
    return source_line(source_rows(scenario, dataset, lang), lang)


def results_table(result: pd.DataFrame, region_names: pd.Series, scenario: Scenario, dataset: str, lang: str) -> pd.DataFrame:
    """One row per region, headers in the UI language: area, level, the figures, status, source."""
    out = pd.DataFrame({
        t("scenario.col.region", lang): result.region_code.map(region_names).to_numpy(),
        t("scenario.col.level", lang): [t(f"level.{level}", lang) for level in result.level],
    })
    for column in FIGURES:
        out[t(f"engine.column.{column}", lang)] = result[column].to_numpy()
    out[t("scenario.col.status", lang)] = SIMULATED
    out[t("scenario.col.source", lang)] = source_text(scenario, dataset, lang)
    return out

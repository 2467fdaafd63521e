"""Simulasi Kebijakan: set the levers (a transfer to chosen deciles and areas with targeting errors,
expenditure growth, the poverty line, the multidimensional weights and cutoff), see poverty before and
after by area, what it costs, and compare saved scenarios. Every lever is in the URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from metro_poverty import numfmt, scenario_store
from metro_poverty.catalog import Indicator
from metro_poverty.exports.tables import table_csv
from metro_poverty.engine import BASELINE_YEAR, GK_METRO_2024_RP, Scenario
from metro_poverty.engine.scenario import LEVER_RANGES as RANGES
from metro_poverty.engine.indicators import DIMENSIONS, EXPENDITURE_INCLUDED_WEIGHTS, counts_expenditure, nested_weights
from metro_poverty.engine.scenario_table import COUNT_STEP, COUNTS, DECIMALS, SIMULATED, m0_kind, model_count, results_table, shown_lifted, source_text
from metro_poverty.engine import scenario_words
from metro_poverty.engine.scenario_url import DEFAULT, KEYS, UNIFORM_GROWTH_KEY, from_query_params, to_query_params
from metro_poverty.i18n import t
from metro_poverty.records.database import RecordsBusy, RecordsDamaged
from metro_poverty.ui import cache, engine_data, frame, maps, presentation, saving, scenario_baseline, scenario_targeting, signin, tables, url
from metro_poverty.ui.safe import plain
from metro_poverty.url_state import shown

PAGE_PATH = "simulasi"
EXPENDITURE = "expenditure"  # the dimension the multidimensional index leaves out by default
URL_KEYS = [*KEYS, UNIFORM_GROWTH_KEY]
WIDGETS = {  # widget key -> Scenario field
    "sc_transfer": "transfer_rp_per_month", "sc_per": "transfer_per", "sc_deciles": "target_deciles",
    "sc_regions": "target_regions", "sc_excl": "exclusion_error_pct", "sc_incl": "inclusion_error_pct",
    "sc_growth_d1_4": "growth_d1_4_pct", "sc_growth_d5_10": "growth_d5_10_pct", "sc_inflation": "inflation_pct",
    "sc_k": "k",
}
PERCENT = "_pct"  # suffix of a share's slider key: the slider shows whole percents, the share stays exact in its own key


def render() -> None:
    lang = frame.lang()
    regions = cache.regions()
    sub_city = regions[regions.level.isin(["kecamatan", "kelurahan"])]
    if url.claim(URL_KEYS) or "sc_transfer" not in st.session_state:
        _set_widgets(_scenario_from_url(set(sub_city.region_code), lang))
    presentation.title(t("scenario.title", lang))
    url.show_notices()
    status = engine_data.meta().status
    present = presentation.active()
    if present:  # on a slide one red line says it; the full banner stays on the page
        st.badge(t("scenario.status_label", lang), icon=":material/science:", color="red")
    else:
        st.error(t("scenario.banner", lang, status=t(f"scenario.status.{status}", lang)), icon=":material/science:")
        if frame.year() != BASELINE_YEAR:  # the top bar's year moved nothing here: identical results for 2023 and 2025
            st.caption(t("scenario.year_fixed", lang, year=frame.year(), base=BASELINE_YEAR))
    with presentation.controls(_summary(_scenario_from_widgets(), sub_city, lang)):
        _levers(sub_city, lang)
    scenario = _scenario_from_widgets()
    url.write_block(to_query_params(scenario))
    result = engine_data.results(scenario)
    if present:  # the slide: the results beside the map of the change
        with presentation.slide(presentation.ABOVE_SLIDE_PX + 40):
            # the cards need more than half: "Penduduk miskin (jiwa)" on one line (on two, the cards were cut under a step
            # bar) and "-3.106 (← 12.219)" whole; the map is as high as the slide, its width to spare
            left, right = st.columns([5, 4], gap="medium")
            with left:
                _headline(result, scenario, lang)
            with right:
                _map(result, lang)
        # in one line (two were cut at 1280x720): what the figures are and the baseline they start from; the map's
        # legend says what its colours mean
        st.caption(t("scenario.map_caption_slide", lang))
        r = _city(result)
        m0 = "m0_with_expenditure" if m0_kind(scenario) == "m0_with_expenditure" else "m0"
        _result_metric(st, m0, r.m0_before, r.m0_after, 4, lang=lang)
        _budget(result, lang)
        scenario_targeting.show(scenario, result, lang)
        scenario_baseline.show(result, lang)
    else:
        scenario_targeting.show(scenario, result, lang)
        _headline(result, scenario, lang)
        _budget(result, lang)
        scenario_baseline.show(result, lang)
        _map(result, lang)
    _table(result, regions, scenario, lang)
    _contributions(scenario, lang)
    _saved(scenario, lang)
    st.caption(t("scenario.baseline_note", lang))


def _scenario_from_url(known: set[str], lang: str) -> Scenario:
    raw = {k: st.query_params.get(k) for k in URL_KEYS if k in st.query_params}
    scenario, notices = from_query_params(raw, known_regions=known)
    for notice in notices:  # the value came from a URL: shown only as plain, bounded text
        url.add_notice(t(f"engine.scenario.notice.{notice.code}", lang, key=_lever_name(notice.key, lang), value=shown(notice.value),
                         default=_default_text(notice.key, lang)))
    return scenario


def _lever_name(key: str, lang: str) -> str:
    """A link's key as the page names its control ('salah sasaran: salah terima', not «incl»)."""
    name = f"scenario.param.{key}"
    text = t(name, lang)
    return text if text != name else shown(key)


def _default_text(key: str, lang: str) -> str:
    """The default a bad link value falls back to, as the page writes it: 'Rp 0', '1, 2, 3, 4', 'seluruh kota'."""
    name = KEYS.get(key, KEYS.get("growth_d1_4") if key == UNIFORM_GROWTH_KEY else None)
    value = getattr(DEFAULT, name) if name else None
    if name == "transfer_rp_per_month":
        return numfmt.rupiah(value, 0, lang)
    if name == "target_regions" and not value:
        return t("scenario.summary.city", lang)
    if name == "transfer_per":
        return t(f"scenario.per_unit.{value}", lang)
    if name == "poverty_line_rp" and value is None:
        return t("scenario.line_option.inflation", lang)
    if value is None:
        return t("url.none", lang)
    values = value if isinstance(value, tuple) else (value,)
    if name in ("dimension_weights", "k"):  # shares, as their sliders show them ('0, 0,25, …' read as one list of decimals)
        return ", ".join(f"{numfmt.number(100 * v, 0, lang)}%" for v in values)
    return ", ".join(numfmt.number(v, 0 if float(v).is_integer() else 2, lang) for v in values)


def _set_widgets(s: Scenario) -> None:
    for key, name in WIDGETS.items():
        value = getattr(s, name)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state["sc_line_mode"] = "inflation" if s.poverty_line_rp is None else "absolute"
    st.session_state["sc_line"] = s.poverty_line_rp or GK_METRO_2024_RP
    for i, dim in enumerate(DIMENSIONS):
        st.session_state[f"sc_w_{dim}"] = s.dimension_weights[i]
    for key in [k for k in st.session_state if str(k).endswith(PERCENT)]:
        del st.session_state[key]  # drawn again from the exact shares just set
    st.session_state["sc_md_expenditure"] = counts_expenditure(s.dimension_weights)


def _scenario_from_widgets() -> Scenario:
    values = {name: st.session_state[key] for key, name in WIDGETS.items()}
    values["target_deciles"] = tuple(int(d) for d in values["target_deciles"])
    values["target_regions"] = tuple(values["target_regions"])
    values["poverty_line_rp"] = float(st.session_state["sc_line"]) if st.session_state["sc_line_mode"] == "absolute" else None
    values["dimension_weights"] = _weights_from_widgets()
    return Scenario(**values)


def _summary(s: Scenario, sub_city: pd.DataFrame, lang: str) -> str:
    """The levers in one line, for a slide (engine.scenario_words, as an agenda step names it)."""
    return scenario_words.summary(s, dict(zip(sub_city.region_code, sub_city.name)), lang)


def _levers(sub_city: pd.DataFrame, lang: str) -> None:
    names = {r.region_code: (f"Kec. {r.name}" if r.level == "kecamatan" else f"{r.name} ({r.parent_name})") for r in sub_city.itertuples()}
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
    c1.number_input(t("scenario.transfer", lang), *RANGES["transfer_rp_per_month"], step=50_000.0, format="%.0f", key="sc_transfer")
    c1.caption(numfmt.rupiah(st.session_state["sc_transfer"], 0, lang))  # the widget cannot group thousands the Indonesian way
    c2.segmented_control(t("scenario.per", lang), ["household", "capita"], key="sc_per", required=True,
                         format_func=lambda v: t(f"scenario.per_unit.{v}", lang))
    c3.slider(t("scenario.exclusion", lang), *RANGES["exclusion_error_pct"], step=5.0, format="%.0f%%", key="sc_excl", help=t("scenario.exclusion_help", lang))
    c4.slider(t("scenario.inclusion", lang), *RANGES["inclusion_error_pct"], step=5.0, format="%.0f%%", key="sc_incl", help=t("scenario.inclusion_help", lang))
    st.pills(t("scenario.deciles", lang), list(range(1, 11)), selection_mode="multi", key="sc_deciles")
    st.multiselect(t("scenario.regions", lang), list(names), key="sc_regions", format_func=names.get,
                   placeholder=t("common.choose", lang))
    # inside the slide's folded controls an expander cannot open another: there the levers are simply listed
    with st.container() if presentation.active() else st.expander(t("scenario.more", lang), icon=":material/tune:"):
        _prices(lang)
        _multidim(lang)
    folded = scenario_words.changed_levers(_scenario_from_widgets(), lang, targeting=False)
    if folded and not presentation.active():  # a link opens with the fold closed: what it moved is said outside it
        st.caption(t("scenario.more_changed", lang, levers=", ".join(folded)))
    st.button(t("scenario.reset", lang), icon=":material/restart_alt:", on_click=_set_widgets, args=(Scenario(),))


def _prices(lang: str) -> None:
    """Real growth and inflation: nominal expenditure moves with both, the poverty line with inflation."""
    g1, g2, g3 = st.columns(3)
    g1.slider(t("scenario.growth_d1_4", lang), *RANGES["growth_d1_4_pct"], step=1.0, format="%.0f%%", key="sc_growth_d1_4")
    g2.slider(t("scenario.growth_d5_10", lang), *RANGES["growth_d5_10_pct"], step=1.0, format="%.0f%%", key="sc_growth_d5_10")
    g3.slider(t("scenario.inflation", lang), *RANGES["inflation_pct"], step=1.0, format="%.0f%%", key="sc_inflation")
    st.caption(t("scenario.prices_note", lang))
    l1, l2 = st.columns(2, vertical_alignment="bottom")
    l1.segmented_control(t("scenario.line_mode", lang), ["inflation", "absolute"], key="sc_line_mode", required=True,
                         format_func=lambda v: t(f"scenario.line_option.{v}", lang))
    if st.session_state["sc_line_mode"] == "absolute":
        l2.number_input(t("scenario.line", lang), *RANGES["poverty_line_rp"], step=10_000.0, format="%.0f", key="sc_line")


def _weights_from_widgets() -> tuple[float, ...]:
    weights = tuple(_dimension_weight(dim) for dim in DIMENSIONS)
    return weights if sum(weights) > 0 else DEFAULT.dimension_weights


def _dimension_weight(dim: str) -> float:
    # Expenditure counts only while its toggle is on; its slider is not drawn otherwise.
    if dim == EXPENDITURE and not st.session_state["sc_md_expenditure"]:
        return 0.0
    return float(st.session_state.get(f"sc_w_{dim}", 0.0))


def _expenditure_toggled() -> None:
    if st.session_state["sc_md_expenditure"] and not st.session_state.get(f"sc_w_{EXPENDITURE}"):
        st.session_state[f"sc_w_{EXPENDITURE}"] = EXPENDITURE_INCLUDED_WEIGHTS[DIMENSIONS.index(EXPENDITURE)]


def _multidim(lang: str) -> None:
    """The multidimensional index: non-monetary by default (as the global MPI), expenditure an option."""
    st.markdown(f"**{t('scenario.weights', lang)}**")
    st.toggle(t("scenario.md.toggle", lang), key="sc_md_expenditure", on_change=_expenditure_toggled, help=t("scenario.md.toggle_help", lang))
    dims = [d for d in DIMENSIONS if d != EXPENDITURE or st.session_state["sc_md_expenditure"]]
    for col, dim in zip(st.columns(len(dims)), dims):
        _share_slider(col, t(f"engine.dimension.{dim}", lang), f"sc_w_{dim}", RANGES["dimension_weights"])
    _share_slider(st, t("scenario.k", lang), "sc_k", RANGES["k"])
    st.caption(_multidim_kind(_weights_from_widgets(), lang))


def _share_slider(where, label: str, key: str, bounds: tuple[float, float]) -> None:
    """A share on a slider in whole percents ('33%'; Streamlit would write '0.33' in every language).

    The share itself stays in `key`, exact: k = 1/3 from a link is still 1/3, so the link is written back unchanged.
    Only a move of the slider replaces it, with the percent shown."""
    shown_key = key + PERCENT
    if shown_key not in st.session_state:
        st.session_state[shown_key] = 100 * st.session_state[key]
    where.slider(label, 100 * bounds[0], 100 * bounds[1], step=5.0, format="%.0f%%", key=shown_key,
                 on_change=_share_moved, args=(key,))


def _share_moved(key: str) -> None:
    st.session_state[key] = st.session_state[key + PERCENT] / 100


def _multidim_kind(dimension_weights: tuple[float, ...], lang: str) -> str:
    """Which index is shown: non-monetary, or with expenditure below GK and its share of the weights."""
    total = sum(dimension_weights)
    shares = ", ".join(f"{t(f'engine.dimension.{dim}', lang)} {numfmt.number(100 * w / total, 0, lang)}%"
                       for dim, w in zip(DIMENSIONS, dimension_weights) if w > 0)
    if not counts_expenditure(dimension_weights):
        return t("scenario.md.nonmonetary", lang, shares=shares)
    share = nested_weights(dimension_weights)["expenditure_below_line"]
    return t("scenario.md.with_expenditure", lang, share=numfmt.number(100 * share, 0, lang), shares=shares)


def _city(result: pd.DataFrame) -> pd.Series:
    return result[result.level == "city"].iloc[0]


def _headline(result: pd.DataFrame, scenario: Scenario, lang: str) -> None:
    r = _city(result)
    present = presentation.active()
    if not present:
        st.subheader(t("scenario.results", lang))
    m0 = "m0_with_expenditure" if m0_kind(scenario) == "m0_with_expenditure" else "m0"
    pairs = [("p0", r.p0_before_pct, r.p0_after_pct, 2), ("p1", r.p1_before, r.p1_after, 2), ("p2", r.p2_before, r.p2_after, 2),
             ("poor", model_count(r.poor_persons_before), model_count(r.poor_persons_after), 0), (m0, r.m0_before, r.m0_after, 4)]
    if present:  # a slide's half is narrow: the four FGT figures two by two, M0 with the budget below
        pairs = pairs[:4]
    rows = [st.columns(2), st.columns(2)] if present else [st.columns(3), st.columns(3)]
    for col, pair in zip([c for row in rows for c in row], pairs):
        _result_metric(col, *pair, lang=lang)


def _result_metric(col, key: str, before: float, after: float, decimals: int, *, lang: str) -> None:
    # the change between the two figures as shown: 6,78 to 5,05 is -1,73 on the card, whatever the digits behind
    before, after = round(before, decimals), round(after, decimals)
    unchanged = round(after - before, decimals) == 0  # no arrow (nor red) for a change that rounds to nothing
    col.metric(t(f"scenario.{key}", lang), numfmt.number(after, decimals, lang), border=True,
               delta_color="off" if unchanged else "inverse", delta_arrow="off" if unchanged else "auto",
               help=t("scenario.m0_help", lang) if key.startswith("m0") else t("scenario.rounded", lang) if key == "poor" else None,
               delta=f"{numfmt.signed(after - before, decimals, lang).replace('−', '-')} (← {numfmt.number(before, decimals, lang)})")


def _budget(result: pd.DataFrame, lang: str) -> None:
    """What the scenario costs and whom it reaches."""
    r = _city(result)
    b = st.columns(2) + st.columns(2)
    b[0].metric(t("scenario.budget", lang), numfmt.rupiah_short(r.budget_rp_per_year, lang), border=True)
    lifted = shown_lifted(r.persons_lifted, r.poor_persons_before, r.poor_persons_after)
    b[1].metric(t("scenario.lifted", lang), numfmt.number(lifted, 0, lang), border=True, help=t("scenario.rounded", lang))
    cost = r.cost_rp_per_person_lifted_per_year
    b[2].metric(t("scenario.cost", lang), numfmt.rupiah_short(cost, lang) if pd.notna(cost) else t("scenario.nobody_lifted", lang), border=True)
    b[3].metric(t("scenario.share_poor", lang), numfmt.percent(r.budget_share_to_poor_pct, 1, lang), border=True)
    ratio = r.budget_to_min_budget_ratio
    st.caption(f"{t('scenario.min_budget', lang)}: {numfmt.rupiah_short(r.min_budget_rp_per_year, lang)}"
               + (f" · {t('scenario.ratio', lang, ratio=numfmt.number(ratio, 2, lang))}" if pd.notna(ratio) and r.budget_rp_per_year > 0 else "")
               + f" · {t('scenario.rounded', lang)}")
    other = model_count(r.poor_persons_before) - model_count(r.poor_persons_after) - lifted
    if abs(other) >= COUNT_STEP:  # growth, inflation or the line moved people too: never read as rounding
        st.caption(t("scenario.other_out" if other > 0 else "scenario.other_in", lang, lifted=numfmt.number(lifted, 0, lang),
                     other=numfmt.number(abs(other), 0, lang)))


CHANGE = Indicator("p0_change", {  # the map's measure: a simulated change, not a catalogue indicator
    "name_id": "Perubahan P0 (simulasi)", "name_en": "Change in P0 (simulation)", "short_id": "Perubahan P0", "short_en": "Change in P0",
    "unit_id": "poin", "unit_en": "points", "decimals": 2, "polarity": "change", "dimension": "income",
    "measure_kind": "admin_record", "aggregation": "none",
})


def _dataset(lang: str) -> str:
    meta = engine_data.meta()
    return t(f"scenario.dataset.{meta.status}", lang, file=Path(meta.path).name)


def _map(result: pd.DataFrame, lang: str) -> None:
    kel = result[result.level == "kelurahan"]
    values = pd.DataFrame({"region_code": kel.region_code, "value": kel.p0_after_pct - kel.p0_before_pct, "status": SIMULATED,
                           "status_text": t("scenario.status_label", lang), "period": "",
                           "source_publisher": t("scenario.source.publisher", lang)})
    if not presentation.active():
        st.subheader(t("scenario.map_title", lang))
        _simulated_badge(lang)
    maps.value_map(values, CHANGE, "kelurahan", lang)
    if not presentation.active():  # on a slide it goes below, leaving the map its height
        st.caption(t("scenario.map_caption", lang))


def _simulated_badge(lang: str) -> None:
    st.badge(t("scenario.status_label", lang), icon=":material/science:", color="violet")


ON_SCREEN = ["p0_before_pct", "p0_after_pct", "poor_persons_before", "poor_persons_after", "persons_lifted", "recipient_households",
             "budget_rp_per_year"]


def _table(result: pd.DataFrame, regions: pd.DataFrame, scenario: Scenario, lang: str) -> None:
    st.subheader(t("scenario.table_title", lang))
    _simulated_badge(lang)
    out = results_table(result, regions.set_index("region_code")["name"], scenario, _dataset(lang), lang)
    # on screen the columns a room compares (every column, the status and the source are in the download)
    keep = [t("scenario.col.region", lang), t("scenario.col.level", lang)] + [t(f"engine.column.{c}", lang) for c in ON_SCREEN]
    shown = out[keep].copy()
    lifted = [shown_lifted(*v) for v in zip(result.persons_lifted, result.poor_persons_before, result.poor_persons_after)]
    for c in ON_SCREEN:
        label = t(f"engine.column.{c}", lang)
        if c == "persons_lifted":  # before minus after as shown, when the transfer alone moved people
            shown[label] = [numfmt.number(v, 0, lang) for v in lifted]
        elif c == "budget_rp_per_year":  # one unit down the column, as a room compares them, in whole millions: a
            # tenth of a million (16.954,0) claimed more than recipients rounded to tens of households can carry
            shown[label] = [numfmt.number(v / 1e6, 0, lang) for v in shown[label]]
            shown = shown.rename(columns={label: t("scenario.col.budget_million", lang)})
        else:
            shown[label] = [numfmt.number(model_count(v) if c in COUNTS else v, DECIMALS.get(c, 0), lang) for v in shown[label]]
    tables.static(shown)
    st.caption(t("scenario.table_caption", lang))
    st.caption(t("scenario.table_more", lang))
    st.caption(source_text(scenario, _dataset(lang), lang))
    st.download_button(t("scenario.download", lang), table_csv(out), file_name="simulasi_hasil_model_metro.csv",
                       mime="text/csv", icon=":material/download:", on_click="ignore")


def _contributions(scenario: Scenario, lang: str) -> None:
    parts = engine_data.indicator_contributions(scenario)
    city = parts[(parts.level == "city") & (parts.weight > 0)]  # an indicator weighted 0 is not in the index
    with st.expander(t("scenario.contributions", lang), icon=":material/pie_chart:"):
        view = pd.DataFrame({
            t("engine.column.contribution_pct", lang).split(" (")[0]: [t(f"engine.indicator.{i}", lang) for i in city.indicator],
            t("engine.column.censored_headcount_pct", lang): [numfmt.number(v, 2, lang) for v in city.censored_headcount_pct],
            t("engine.column.contribution_pct", lang): [numfmt.number(v, 1, lang) for v in city.contribution_pct],
        })
        tables.static(view)


def _saved(scenario: Scenario, lang: str) -> None:
    """Save (signed in: the scenario is then yours; a name you already have asks first), compare saved
    scenarios and open them by link (no sign-in), archive your own (an admin: any)."""
    st.subheader(t("scenario.compare", lang))
    user = signin.panel(lang, "signin.to_save_scenario", "scenario")
    if user is not None:
        with st.form("save-scenario", clear_on_submit=True, border=False):
            c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
            name = c1.text_input(t("scenario.save_name", lang), max_chars=scenario_store.MAX_NAME)
            if c2.form_submit_button(t("scenario.save", lang), icon=":material/bookmark_add:"):
                params = to_query_params(scenario)
                saving.attempt(SAVE_KEY, lambda replace: scenario_store.save(name, params, user, replace), name, lang, _saved_message(lang))
        saving.question(SAVE_KEY, lang, _saved_message(lang))
    try:
        saved = scenario_store.list_saved()
    except RecordsDamaged as exc:
        st.error(exc.message(lang), icon=":material/report:")
        return
    if not saved:
        st.caption(t("scenario.none_saved", lang))
        return
    by_id = {s.id: s for s in saved}
    picked = st.multiselect(t("scenario.compare_pick", lang), list(by_id), key="sc_compare", placeholder=t("common.choose", lang),
                            format_func=lambda i: _label(by_id[i], lang) if i in by_id else i)
    rows = [(t("scenario.current", lang), scenario)] + [(by_id[i].name, from_query_params(by_id[i].body)[0]) for i in picked if i in by_id]
    st.dataframe(_comparison(rows, lang), hide_index=True, width="stretch",
                 column_config={t("scenario.open_link", lang): st.column_config.LinkColumn(display_text=t("scenario.open_link", lang))})
    st.caption(t("scenario.rounded", lang))
    _archive(saved, user, lang)


SAVE_KEY = "_scenario_replace"


def _label(s, lang: str) -> str:
    owner = t("saving.owner", lang, owner=s.owner) if s.owner else t("saving.no_owner", lang)
    return f"{s.name} ({owner})"


def _saved_message(lang: str):
    return lambda s: st.success(t("scenario.saved", lang, name=plain(s.name)) + (f" ({t('scenario.version', lang, n=s.version)})" if s.version > 1 else ""))


def _archive(saved: list, user, lang: str) -> None:
    mine = [s for s in saved if s.may_archive(user)]
    if not mine:
        return
    with st.expander(t("scenario.archive_title", lang), icon=":material/archive:"):
        by_id = {s.id: s for s in mine}
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        chosen = c1.selectbox(t("scenario.archive_pick", lang), list(by_id), key="sc_archive", format_func=lambda i: _label(by_id[i], lang))
        if c2.button(t("saving.archive", lang), key="sc_archive_go", icon=":material/archive:"):
            try:
                scenario_store.archive(chosen, user)
            except (scenario_store.NotAllowed, KeyError):
                st.warning(t("saving.sign_in", lang))
            except (RecordsBusy, RecordsDamaged):
                st.warning(t("records.busy", lang))
            else:
                st.session_state.pop("sc_compare", None)
                st.toast(t("saving.archived", lang, name=plain(by_id[chosen].name)))
                st.rerun()


def _comparison(rows: list[tuple[str, Scenario]], lang: str) -> pd.DataFrame:
    out = []
    for name, s in rows:
        r = _city(engine_data.results(s))
        link = "./" + PAGE_PATH + ("?" + urlencode(to_query_params(s)) if to_query_params(s) else "")
        lifted = shown_lifted(r.persons_lifted, r.poor_persons_before, r.poor_persons_after)
        out.append({t("scenario.col.scenario", lang): name,
                    t("engine.column.p0_after_pct", lang): numfmt.number(r.p0_after_pct, 2, lang),
                    t("engine.column.persons_lifted", lang): numfmt.number(lifted, 0, lang),
                    t("engine.column.budget_rp_per_year", lang): numfmt.rupiah_short(r.budget_rp_per_year, lang),
                    t("engine.column.cost_rp_per_person_lifted_per_year", lang): numfmt.rupiah_short(r.cost_rp_per_person_lifted_per_year, lang),
                    t("engine.column.budget_share_to_poor_pct", lang): numfmt.number(r.budget_share_to_poor_pct, 1, lang),
                    t("scenario.open_link", lang): link})
    return pd.DataFrame(out)

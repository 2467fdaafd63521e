"""A Scenario in the URL and back (metro_poverty.engine.scenario_url: to_query_params / from_query_params)."""

from dataclasses import fields

import pytest

from metro_poverty.engine import Scenario
from metro_poverty.engine.scenario_url import KEYS, from_query_params, to_query_params

CHANGED = [
    Scenario(transfer_rp_per_month=150_000, target_deciles=(1, 2), target_regions=("18.72.01.1001", "18.72.02")),
    Scenario(transfer_per="capita", exclusion_error_pct=12.5, inclusion_error_pct=3, target_deciles=()),
    Scenario(growth_d1_4_pct=4, growth_d5_10_pct=-1.25, inflation_pct=2.7),
    Scenario.with_uniform_growth(3, poverty_line_rp=550_000, dimension_weights=(0.4, 0.2, 0.2, 0.2), k=0.4),
]


def test_the_default_scenario_writes_no_parameter():
    assert to_query_params(Scenario()) == {}


@pytest.mark.parametrize("scenario", CHANGED)
def test_a_changed_scenario_survives_the_round_trip(scenario):
    params = to_query_params(scenario)
    assert all(isinstance(v, str) for v in params.values())
    assert from_query_params(params) == (scenario, [])


def test_only_changed_levers_are_written():
    assert to_query_params(Scenario(transfer_rp_per_month=150_000)) == {"transfer": "150000"}


def test_uniform_growth_is_written_once():
    assert to_query_params(Scenario.with_uniform_growth(3)) == {"growth": "3"}


def test_an_invalid_value_falls_back_to_its_default_with_a_notice():
    scenario, notices = from_query_params({"transfer": "lots", "k": "0", "deciles": "1,11", "excl": "20"})
    assert scenario == Scenario(exclusion_error_pct=20)
    assert sorted(n.key for n in notices) == ["deciles", "k", "transfer"]


def test_a_value_outside_what_the_page_offers_falls_back_even_where_the_engine_would_take_it():
    from metro_poverty.engine.scenario import LEVER_RANGES

    params = {"excl": "95", "growth": "50", "inflation": "-50", "line": "12000000", "k": "0.01", "transfer": "20000000"}
    scenario, notices = from_query_params(params)
    assert scenario == Scenario()
    assert sorted(n.key for n in notices) == sorted(params)
    low, high = LEVER_RANGES["exclusion_error_pct"]
    assert from_query_params({"excl": f"{high:g}"}) == (Scenario(exclusion_error_pct=high), [])  # the bounds themselves are fine


def test_an_unknown_region_is_dropped_with_a_notice():
    scenario, notices = from_query_params({"regions": "18.72.01,99.99"}, known_regions={"18.72.01"})
    assert scenario.target_regions == ("18.72.01",)
    assert [(n.code, n.value) for n in notices] == [("unknown_region", "99.99")]


def test_other_parameters_of_the_page_are_left_alone():
    assert from_query_params({"lang": "en", "region": "18.72.01"}) == (Scenario(), [])


def test_a_notice_reads_in_both_languages():
    _, [notice] = from_query_params({"transfer": "-5"})
    assert "«-5»" in notice.message("id") and "bawaan" in notice.message("id")
    assert "«-5»" in notice.message("en") and "default" in notice.message("en")


def test_every_lever_has_a_url_key():
    assert set(KEYS.values()) == {f.name for f in fields(Scenario)}


def test_deciles_and_regions_have_one_spelling():
    assert Scenario(target_deciles=(2, 1)) == Scenario(target_deciles=(1, 2))


@pytest.mark.parametrize("levers", [{"transfer_rp_per_month": -1}, {"transfer_per": "family"}, {"target_deciles": (0,)},
                                    {"exclusion_error_pct": 101}, {"dimension_weights": (0, 0, 0, 0)}, {"k": 1.5}])
def test_invalid_levers_are_refused_in_code(levers):
    with pytest.raises(ValueError):
        Scenario(**levers)

"""Searching the indicator catalogue: prefixes, both languages, typos, and nothing for nonsense."""

import pytest

from metro_poverty.catalog import Indicator
from metro_poverty.catalog_search import search


def ind(code, name_id, name_en, short_id="", short_en="", producer="BPS", definition_id="", definition_en=""):
    return Indicator(code, {"name_id": name_id, "name_en": name_en, "short_id": short_id or name_id, "short_en": short_en or name_en,
                            "producer": producer, "definition_id": definition_id, "definition_en": definition_en})


CATALOGUE = [
    ind("p0", "Persentase Penduduk Miskin (P0)", "Poverty headcount rate (P0)", definition_id="di bawah Garis Kemiskinan"),
    ind("stunting_ssgi", "Prevalensi Stunting (survei SSGI/SKI)", "Stunting prevalence (SSGI/SKI survey)", producer="Kementerian Kesehatan"),
    ind("water_safe", "Rumah Tangga dengan Air Minum Layak", "Households with safe drinking water", producer="Dinas Perkim"),
]


def codes(query):
    return [i.code for i in search(query, CATALOGUE)]


def test_an_empty_query_lists_everything_in_catalogue_order():
    assert codes("") == ["p0", "stunting_ssgi", "water_safe"]


@pytest.mark.parametrize("query, expected", [("stunting", "stunting_ssgi"), ("air minum", "water_safe"), ("drinking", "water_safe"),
                                             ("poverty", "p0"), ("p0", "p0"), ("perkim", "water_safe")])
def test_names_codes_and_producers_in_either_language_are_found(query, expected):
    assert codes(query)[0] == expected


@pytest.mark.parametrize("typo, expected", [("stuntng", "stunting_ssgi"), ("kemiskian", "p0"), ("minumm", "water_safe")])
def test_a_typo_still_finds_the_indicator(typo, expected):
    assert codes(typo)[:1] == [expected]


def test_nonsense_finds_nothing():
    assert codes("xyzzy qwerty") == []

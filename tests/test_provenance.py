"""What a figure may be called (metro_poverty.provenance, DOMAIN §6): its status and how we know it, kept
apart and said together the same way everywhere."""

import math

import pandas as pd
import pytest

from metro_poverty.provenance import cautions, decimals_of, mark, mark_label, marks_of


@pytest.mark.parametrize("status, citation, flag, expected", [
    ("official", "primary", None, "official_primary"),
    ("official", "quoted", None, "official_quoted"),
    ("official", "secondary", None, "official_secondary"),
    ("official", None, None, "official"),
    ("official", "secondary", "conflict", "conflict"),
    ("provisional", "secondary", "derived", "provisional"),
    ("illustrative", "none", None, "illustrative"),
    ("simulated", None, None, "simulated"),
])
def test_a_mark_says_what_a_value_is_and_how_we_know_it(status, citation, flag, expected):
    assert mark(status, citation, flag) == expected


def test_missing_cells_count_as_unknown_not_as_text():
    assert mark("official", math.nan, pd.NA) == "official"


def test_an_official_figure_from_the_media_says_so_and_what_to_match_it_with():
    assert cautions("official", "secondary", None, "BPS", "id") == ["dikutip dari media — cocokkan dengan BRS"]
    assert cautions("official", "quoted", None, "Kementerian Kesehatan", "en") == [
        "an official quoted in the media — match with its producer's official release"]


def test_an_official_figure_from_its_producers_page_needs_no_caution():
    assert cautions("official", "primary", None, "BPS", "id") == []


def test_a_derived_figure_says_its_status_and_that_it_was_computed_not_quoted():
    assert cautions("provisional", "secondary", "derived", "BPS", "id") == [
        "Sementara", "hasil turunan dari angka terbitan, bukan angka terbitan — cocokkan dengan BRS"]


def test_made_up_data_is_never_said_to_be_cited():
    assert cautions("illustrative", "none", None, "Dinas Sosial", "id") == ["ILUSTRASI (bukan data resmi)"]


def test_a_derived_figure_is_shown_with_the_precision_it_has():
    assert (decimals_of(1, 2), decimals_of(None, 2), decimals_of(pd.NA, 2), decimals_of(3, 2)) == (1, 2, 2, 2)


def test_marks_of_a_frame_without_citations_are_plain_statuses():
    frame = pd.DataFrame({"status": ["official", "illustrative"]})
    assert marks_of(frame) == ["official", "illustrative"]


def test_every_mark_has_a_label_in_both_languages():
    from metro_poverty.provenance import MARKS

    assert all(not mark_label(m, lang).startswith("provenance.") for m in MARKS for lang in ("id", "en"))


def test_a_national_count_of_people_is_written_in_millions():
    from metro_poverty.catalog import Indicator

    poor = Indicator("poor_count", {"unit_id": "ribu jiwa", "unit_en": "thousand persons", "decimals": 2})
    assert (poor.fmt(25220.0), poor.fmt(12.07), poor.fmt(25140, decimals=0), poor.fmt(23850, "en")) == (
        "25,22 juta jiwa", "12,07 ribu jiwa", "25,14 juta jiwa", "23.85 million persons")
    assert (poor.fmt(1002.41), poor.fmt(1084, decimals=0)) == ("1.002,41 ribu jiwa", "1.084 ribu jiwa")  # Lampung, as its BRS


def test_a_figure_known_from_the_projects_own_notes_is_not_called_a_media_quote():
    """Lampung's and Indonesia's figures come from shared/DOMAIN.md relaying BPS releases: 'dikutip dari media'
    named a project file a news outlet."""
    assert mark("official", "compiled") == "official_compiled"
    assert mark_label("official_compiled", "id") == "Resmi, dari catatan proyek"
    assert cautions("official", "compiled", None, "BPS", "id") == ["dari catatan proyek yang mengutip rilisnya — cocokkan dengan BRS"]


def test_a_slide_card_says_a_figure_from_the_projects_notes_in_one_line():
    """IPM 2024's note took two lines of a slide card and ran off the agenda slide with the cards' second row."""
    from metro_poverty.provenance import cautions

    desk = cautions("official", "compiled", producer="BPS", lang="id")
    slide = cautions("official", "compiled", producer="BPS", lang="id", short=True)
    assert desk == ["dari catatan proyek yang mengutip rilisnya — cocokkan dengan BRS"]
    assert slide == ["dari catatan proyek — cocokkan dengan BRS"]
    assert cautions("official", "quoted", producer="BPS", short=True) == cautions("official", "quoted", producer="BPS")

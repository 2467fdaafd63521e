"""The one-page city brief (metro_poverty.exports.brief): a valid one-page PDF whose text holds the year's
figures with their sources, the illustrative label next to every illustrative map, and the definitions.
Made from the repo's store (built when missing, as the app tests do)."""

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from app_support import ensure_store
from metro_poverty import db
from metro_poverty.catalog import CATALOGUE_PARAMS, Indicator, catalogue_from_frame
from metro_poverty.exports import brief, fonts, pdf_page
from metro_poverty.exports.brief_content import brief_content, map_indicators
from metro_poverty.headline import Headline

P0_2024_SOURCE = "BPS Kota Metro"  # the reference list's entry for Metro Terkini April 2025


def text_of(pdf: bytes) -> str:
    """The text of every page, line breaks and runs of spaces as single spaces (wrapping moves them)."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture(scope="module")
def catalogue():
    ensure_store()
    return catalogue_from_frame(db.read("indicator_catalogue", **CATALOGUE_PARAMS))


@pytest.fixture(scope="module")
def brief_id(catalogue) -> bytes:
    return brief.city_brief_pdf(2024, "id")


@pytest.fixture(scope="module")
def brief_en(catalogue) -> bytes:
    return brief.city_brief_pdf(2024, "en", with_maps=True)


@pytest.fixture(scope="module")
def brief_maps(catalogue) -> bytes:
    return brief.city_brief_pdf(2024, "id", with_maps=True)


def test_the_brief_is_a_pdf_of_one_a4_page(brief_id):
    assert brief_id.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(brief_id))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_the_brief_is_titled_with_the_year(brief_id):
    assert "Potret Kemiskinan Kota Metro 2024" in text_of(brief_id)


def test_the_headline_p0_is_written_the_indonesian_way_with_its_change_and_source(brief_id):
    text = text_of(brief_id)
    assert re.search(r"Persentase Penduduk Miskin \(P0\) 6,78% −0,50 poin vs 2023 .{0,80}Sumber: " + re.escape(P0_2024_SOURCE), text)


def test_a_figure_known_from_the_media_says_so_in_the_brief(brief_id):
    # P1 2024 was read in a news article quoting a BPS Kota Metro official
    assert re.search(r"Indeks Kedalaman Kemiskinan \(P1\) 0,77 .{0,120}pejabat dikutip media — cocokkan dengan BRS", text_of(brief_id))


def test_the_brief_shows_no_figure_after_its_year():
    content = brief_content(2024, "id", trend_px=(400, 200), map_px=(100, 100))
    assert int(content.trend.rows.period.max()) == 2024


def test_the_brief_says_changes_are_not_tested_for_sampling_error(brief_id):
    assert "belum diuji terhadap galat sampling Susenas" in text_of(brief_id)


def test_the_brief_gives_metros_rank_among_the_kab_kota_from_the_figures(brief_id):
    assert "P0 Kota Metro 2024: peringkat 2 terendah dari 15 kab/kota Lampung" in text_of(brief_id)
    assert "Terendah: Kab. Mesuji 6,31%" in text_of(brief_id)


@pytest.fixture(scope="module")
def brief_2021(catalogue) -> str:
    return text_of(brief.city_brief_pdf(2021, "id"))


def test_the_brief_gives_no_rank_among_too_few_kab_kota(brief_2021):
    # 2021: figures for 4 of the 15 kab/kota, too few to rank (the Lampung page says the same)
    assert "Angka ditemukan untuk 4 dari 15 kab/kota Lampung saja, jadi tidak diberi peringkat" in brief_2021
    assert "peringkat 1" not in brief_2021


def test_the_brief_keeps_the_status_of_a_comparison_figure_whole(brief_2021):
    """Indonesia's P0 2021 is provisional: the card cut its line to 'Indonesia 10,14…', dropping '(Sementara)'."""
    assert "Lampung 12,62% · Indonesia 10,14% (Sementara)" in brief_2021
    assert "sebelumnya 77,17 (2020, Sementara, seri lama)" in brief_2021


def test_the_brief_gives_published_context_with_its_status(brief_id):
    text = text_of(brief_id)
    # BPS's own figure, quoted from the head of BPS Kota Metro: official, and said to be a quote to match with the release
    assert "Kemiskinan ekstrem Kota Metro 2022: 0,83% (pejabat dikutip media — cocokkan dengan BRS; hariansatelit.com)" in text
    assert "Target P0: 2% (RPJPD Kota Metro 2025–2045" in text


def test_a_later_brief_says_the_extreme_poverty_figure_is_on_the_old_line():
    """The 2025 brief quoted 2022's extreme poverty (0,83%) with no word that BPS's line changed in 2025."""
    assert ("Kemiskinan ekstrem Kota Metro 2022: 0,83% (pejabat dikutip media — cocokkan dengan BRS; garis lama USD 1,9 PPP 2011, "
            "tidak sebanding dengan angka mulai 2025; hariansatelit.com)") in text_of(brief.city_brief_pdf(2025, "id"))


def test_the_brief_has_no_illustrative_map_unless_asked(brief_id):
    assert "ILUSTRASI" not in text_of(brief_id) and "Sebaran per kelurahan" not in text_of(brief_id)


def test_every_headline_figure_has_a_source(brief_id, catalogue):
    text = text_of(brief_id)
    for code in ("p0", "poor_count", "p1", "p2", "gk", "ipm"):
        name = re.escape(catalogue[code].name("id"))
        assert re.search(name + r".{0,200}?Sumber: ", text), code


def test_maps_asked_for_go_on_a_second_page_with_the_definitions(brief_maps):
    """On one page the maps' sources ran under the footer and the definitions fell off the page, unprinted."""
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(brief_maps)).pages]
    assert len(pages) == 2
    assert "Sebaran per kelurahan" in pages[1] and "Definisi indikator" in pages[1] and "Sebaran per kelurahan" not in pages[0]


def test_illustrative_maps_asked_for_are_labelled_illustrasi_next_to_their_title(brief_maps, catalogue):
    text = text_of(brief_maps)
    maps = map_indicators(catalogue)
    assert [m.dimension for m in maps] == ["income", "education", "health", "basic_services"]
    for ind in maps:
        title = re.escape(f"{ind.short('id')}, 2024")
        assert re.search(title + r" ILUSTRASI", text), ind.code


def test_the_brief_defines_every_indicator_it_shows(brief_maps, catalogue):
    text = text_of(brief_maps)
    for ind in [catalogue[c] for c in ("p0", "gk", "ipm")] + map_indicators(catalogue):
        assert ind.definition("id")[:40] in text, ind.code


def test_the_english_brief_uses_english_texts_and_numbers(brief_en):
    text = text_of(brief_en)
    assert "2024" in text and "6.78%" in text and "Source: BPS Kota Metro" in text
    assert "ILLUSTRATIVE" in text and "Sementara" not in text and "Provisional" in text


def test_the_first_mappable_indicator_of_each_dimension_is_mapped():
    def ind(code, dimension, levels):
        return Indicator(code, {"dimension": dimension, "levels": levels})
    catalogue = {i.code: i for i in [ind("p0", "income", ["city"]), ind("a", "income", ["kelurahan"]), ind("b", "income", ["kelurahan"]),
                                      ind("c", "health", ["kecamatan"]), ind("d", "education", ["city"])]}
    assert [i.code for i in map_indicators(catalogue)] == ["a", "c"]


def headline(value, previous, comparable=True, previous_status="official"):
    return Headline("p0", 2024, value, "official", None, "BPS", "ref", previous, 2023 if previous is not None else None,
                    previous_status if previous is not None else None, comparable, None, None)


P0 = Indicator("p0", {"unit_id": "%", "unit_en": "%", "decimals": 2, "polarity": "higher_worse"})


def test_a_fall_in_poverty_is_shown_in_green_and_a_rise_in_red():
    assert brief.change_text(headline(6.78, 7.28), P0, "id") == ("−0,50 poin vs 2023", brief.theme.BETTER)
    assert brief.change_text(headline(7.28, 6.78), P0, "en") == ("+0.50 points vs 2023", brief.theme.WORSE)


def test_no_change_is_claimed_across_a_series_break_or_without_an_earlier_figure():
    assert brief.change_text(headline(6.78, 7.28, comparable=False), P0, "id")[0] == "seri baru; tidak dibandingkan dengan 2023"
    assert brief.change_text(headline(6.78, None), P0, "id")[0] == "belum ada angka tahun sebelumnya"


def test_a_change_from_a_provisional_figure_is_noted_like_on_the_card():
    assert brief.notes_text(headline(6.78, 7.28), P0, "id") == ""
    assert brief.notes_text(headline(6.78, 7.28, previous_status="provisional"), P0, "id") == "pembanding 2023: Sementara"
    assert brief.notes_text(headline(6.78, 7.28, comparable=False, previous_status="provisional"), P0, "id") == ""
    derived = replace(headline(12.07, 12.8, previous_status="provisional"), previous_flag="derived")
    assert brief.notes_text(derived, P0, "en")== "2023 baseline: Provisional, derived, not published; its population base may differ"


def test_without_a_truetype_font_the_builtin_font_still_sets_indonesian_text(monkeypatch):
    monkeypatch.setattr(fonts, "find_font", lambda: None)
    pdf = pdf_page.new_pdf()
    pdf.add_page()
    pdf_page.write(pdf, 10, 10, 100, "−0,50 poin · Rp 503.161 — ILUSTRASI", 8)
    assert bytes(pdf.output()).startswith(b"%PDF")
    assert fonts.latin1("−0,50 – ILUSTRASI … Rp 503.161") == "-0,50 - ILUSTRASI ... Rp 503.161"


def test_a_year_without_data_keeps_everything_on_the_page_above_the_footer(catalogue):
    """2010 is before every series: empty cards, and every map notes the year it shows instead (the longest layout)."""
    pdf = brief.city_brief_pdf(2010, "en", with_maps=True)
    lines = []  # (baseline height above the page's bottom edge in pt, text)
    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=lambda text, cm, tm, font, size: lines.append((tm[5], text)))
    footer = [y for y, text in lines if text.startswith("Generated by")]
    others = [y for y, text in lines if text.strip() and not text.startswith("Generated by")]
    assert len(footer) == 1 and min(others) > footer[0] + 6  # a 6 pt footer line below the lowest text
    assert "no 2010 figure in the store" in text_of(pdf) and "none for 2010" in text_of(pdf)  # its data start later

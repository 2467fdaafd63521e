"""The Overview page as a visitor sees it, through the real app.py frame (AppTest)."""

import pytest

from app_support import ensure_store, open_app, texts


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


def metric(at, label_start: str):
    return next(m for m in at.metric if m.label.startswith(label_start))


def test_opens_on_the_latest_release_with_a_published_p0():
    at = open_app()
    assert at.title[0].value == "Ringkasan Kemiskinan 2025"
    assert (metric(at, "P0").value, metric(at, "P1").value, metric(at, "P2").value) == ("6,44%", "0,55", "0,07")


def test_figures_the_store_lacks_for_the_year_say_so_with_the_figure_before_it():
    at = open_app()
    labels = [m.label for m in at.metric]
    assert not any(label.startswith(("GK", "Jumlah miskin", "IPM")) for label in labels)
    assert "#### Tidak ada di basis data" in texts(at.markdown)
    captions = " ".join(texts(at.caption))
    assert "angka 2025 tidak ada di basis data; sebelumnya Rp 503.161/kapita/bulan (2024)" in captions  # GK
    assert "dirilis" not in captions  # whether BPS released a figure is not something the store knows


def test_a_figure_quoted_in_the_media_says_so_and_names_the_article():
    at = open_app()
    captions = " ".join(texts(at.caption))
    assert "pejabat dikutip media — cocokkan dengan BRS" in captions
    assert "lampung.suara.com" in captions


def test_the_2024_figures_of_a_bps_page_carry_their_source():
    at = open_app({"year": "2024"})
    assert (metric(at, "P0").value, metric(at, "GK").value, metric(at, "Jumlah miskin").value) == ("6,78%", "Rp 503.161", "12,07")
    captions = " ".join(texts(at.caption))
    assert "BPS Kota Metro: Metro Terkini Edisi April 2025" in captions  # the reference list's entry, publisher named
    assert "Lampung 10,69% · Indonesia 9,03%" in captions


def test_the_cards_lampung_and_indonesia_figures_are_sourced_too():
    at = open_app({"year": "2025"})
    assert "Lampung 10,00% · Indonesia 8,47%" in " ".join(texts(at.caption))
    assert at.expander[0].label.startswith("Sumber: 5 dokumen")  # the cards' sources, before the trend's 8
    cards = " ".join(texts(at.expander[0].caption))
    assert "rilis BPS Provinsi Lampung: Angka kemiskinan Provinsi Lampung" in cards
    assert "yang mengutip rilis BPS: Angka kemiskinan Indonesia" in cards


def test_lampungs_poor_count_is_written_in_thousands_at_its_published_precision():
    """As its BRS writes it, every year: 2022's 1.002,41 ribu stood as '1,00 juta jiwa' beside 941,23 ribu in 2024."""
    assert any("Lampung 1.002,41 ribu jiwa · Indonesia 26,16 juta jiwa" in c.value for c in open_app({"year": "2022"}).caption)


def test_a_province_figure_that_is_not_official_says_so_beside_the_citys():
    """Lampung's poor count for 2021 is derived from its P0 (provisional): it stood beside Metro's as if released."""
    at = open_app({"year": "2021"})
    line = next(c.value for c in at.caption if "Lampung 1.084" in c.value)
    assert "Lampung 1.084 ribu jiwa (Sementara) · Indonesia 27,54 juta jiwa" in line
    assert any("Lampung 10,00% · Indonesia 8,47%" in c.value for c in open_app({"year": "2025"}).caption)  # released: no mark


def test_a_card_with_the_citys_previous_figure_sets_lampung_and_indonesia_of_that_year_beside_it():
    """'sebelumnya Rp 503.161/kapita/bulan (2024) · Lampung Rp 612.451' set Lampung's 2025 line beside Metro's 2024."""
    captions = texts(open_app({"year": "2025"}).caption)
    assert any("sebelumnya Rp 503.161/kapita/bulan (2024) · 2024: Lampung Rp 586.551/kapita/bulan · Indonesia Rp 582.932/kapita/bulan" in c
               for c in captions)
    assert not any("612.451" in c for c in captions)


def test_headline_change_is_from_the_previous_published_year():
    at = open_app()
    assert metric(at, "P0").delta == "-0,34 poin vs 2024"


def test_a_change_from_a_derived_figure_has_its_precision_and_says_so():
    at = open_app({"year": "2024"})
    assert metric(at, "Jumlah miskin").delta == "-0,7 vs 2023"  # 12,07 against about 12,8 thousand
    captions = " ".join(texts(at.caption))
    # BPS's 12,07 is on its own population projection; 2023's 12,8 is P0 × a population of ours
    assert "pembanding 2023: Sementara, hasil turunan, bukan angka terbitan; dasar penduduknya dapat berbeda" in captions


def test_a_figure_of_an_older_series_says_so_on_its_card():
    """IPM 2020 (UHH before the SP2020 long form) stood under a caption naming the long form with no word of it."""
    captions = texts(open_app({"year": "2020"}).caption)
    assert any("seri lama: UHH metode lama (sebelum SP2020 Long Form)" in c for c in captions)
    assert not any("seri lama" in c for c in texts(open_app({"year": "2024"}).caption))


def test_a_slide_names_a_derived_baseline_in_a_few_words():
    """On a projector the full note took four lines of a card and pushed the second row's status line off the slide."""
    captions = " ".join(texts(open_app({"year": "2024", "present": "1"}).caption))
    assert "pembanding 2023: Sementara, hasil turunan" in captions and "dasar penduduknya" not in captions


def test_the_headline_says_changes_are_not_tested_for_sampling_error():
    at = open_app()
    assert any("belum diuji terhadap galat sampling Susenas" in c for c in texts(at.caption))


def test_the_macro_caption_names_each_survey_from_the_catalogue():
    at = open_app()
    caption = next(c for c in texts(at.caption) if c.startswith("Estimasi survei"))
    assert "Susenas Maret (BPS)" in caption and "IPM: Susenas, SP2020 Long Form" in caption
    english = next(c for c in texts(open_app({"lang": "en"}).caption) if c.startswith("Survey estimates"))
    assert "March Susenas (BPS)" in english and "Maret" not in english  # the catalogue's source in the UI language


def test_metros_rank_among_the_kab_kota_is_computed_from_the_figures():
    at = open_app()
    assert any("peringkat 2 terendah dari 9 kab/kota Lampung" in m and "Kab. Mesuji 5,92%" in m for m in texts(at.markdown))


def test_metro_is_not_ranked_among_too_few_kab_kota():
    """2015: P0 of 2 of the 15 kab/kota is in the store; 'peringkat 1 dari 2' would compare nothing."""
    shown = " ".join(texts(open_app({"year": "2015"}).markdown))
    assert "Angka ditemukan untuk 2 dari 15 kab/kota Lampung saja, jadi tidak diberi peringkat" in shown
    assert "terendah dari" not in shown


def test_frame_drawn_by_app_py_is_present():
    at = open_app()
    assert at.button_group(key="lang")  # the language control lives in app.py's frame (its top bar), not in the page
    assert at.selectbox(key="year").label == "Tahun"


def test_illustrative_map_data_is_labelled_on_screen():
    at = open_app()
    assert any("DATA ILUSTRASI" in e for e in texts(at.error))


def test_year_from_url_is_shown():
    at = open_app({"year": "2022"})
    assert at.title[0].value == "Ringkasan Kemiskinan 2022"
    assert metric(at, "P0").value == "7,87%"
    assert "#### Tidak ada di basis data" in texts(at.markdown)  # P1 of 2022 was not found


def test_english_from_url():
    at = open_app({"lang": "en"})
    at = open_app({"lang": "en", "year": "2024"})
    assert at.title[0].value == "Poverty overview, 2024"
    assert metric(at, "GK").value == "Rp 503,161"  # English UI, English number format


def test_state_round_trip_through_the_url():
    at = open_app()
    at.selectbox(key="year").select(2021).run()
    at.selectbox(key="map_ind").select("stunting_eppgbm").run()
    at.button_group(key="level").set_value("kecamatan").run()
    written = {k: (v[0] if isinstance(v, list) else v) for k, v in dict(at.query_params).items()}
    # choosing a map at the desk makes the map what a slide of this page shows
    assert written == {"year": "2021", "map_ind": "stunting_eppgbm", "level": "kecamatan", "view": "map"}
    reopened = open_app(written)
    assert reopened.session_state["year"] == 2021
    assert reopened.session_state["map_ind"] == "stunting_eppgbm"
    assert reopened.session_state["level"] == "kecamatan"
    assert reopened.title[0].value.endswith("2021")


def test_default_view_has_a_clean_url():
    at = open_app()
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("params", [
    {"year": "<script>alert(1)</script>"},
    {"year": "99999999999999999999"},
    {"map_ind": "'; drop table observations; --"},
    {"level": "provinsi"},
    {"lang": "fr"},
    {"year": ""},
])
def test_hostile_parameter_falls_back_with_a_notice(params):
    at = open_app(params)
    assert at.title[0].value.startswith(("Ringkasan", "Poverty"))
    notices = texts(at.warning)
    assert any("tidak dikenal" in n for n in notices), notices
    assert not any("<script>" in n for n in notices)


def test_unknown_parameter_is_ignored_with_a_notice():
    at = open_app({"foo": "bar"})
    assert any("«foo»" in n for n in texts(at.warning))
    assert "foo" not in at.query_params




def test_metro_in_lampung_warns_that_close_ranks_may_lie_within_sampling_error():
    at = open_app(page="views/kabkota.py")
    assert any(m.startswith("**Kota Metro: peringkat") for m in texts(at.markdown))
    assert any("Galat sampling (RSE) kab/kota tidak ada di basis data" in c for c in texts(at.caption))


def test_a_count_is_ranked_without_the_provinces_total_as_a_line():
    def rules(at):  # the dashed line is the charts' one rule mark
        return sum('"rule"' in c.proto.spec for c in at.get("vega_lite_chart"))

    at = open_app({"ind": "poor_count", "year": "2024"}, page="views/kabkota.py")
    assert len(at.get("vega_lite_chart")) == 2 and rules(at) == 0
    assert any("Tanpa garis provinsi: jumlah Provinsi Lampung (941,23 ribu jiwa) adalah total" in c for c in texts(at.caption))
    assert rules(open_app({"ind": "p0", "year": "2024"}, page="views/kabkota.py")) == 1  # a rate keeps its line


def test_metro_in_lampung_on_a_slide_names_the_rankings_sources_and_how_they_are_known():
    at = open_app({"present": "1"}, page="views/kabkota.py")
    shown = [c.replace("\\", "") for c in texts(at.caption)]  # as rendered, unescaped
    assert any(c.startswith("Resmi, dikutip dari pejabat di media") and "Sumber: lampung.suara.com" in c for c in shown), shown


def test_metro_in_lampung_on_a_slide_names_each_rows_publisher_only_and_offers_no_download():
    """A news headline in every row of the table made its rows 160 px high on a slide: three kab/kota on the screen."""
    desk, slide = open_app(page="views/kabkota.py"), open_app({"present": "1"}, page="views/kabkota.py")
    desk_table, slide_table = desk.table[0].value, slide.table[0].value
    assert "Kode BPS" in desk_table and "Kode BPS" not in slide_table and len(desk_table) == len(slide_table)
    assert all(":" in s for s in desk_table["Sumber"]) and not any(":" in s for s in slide_table["Sumber"])  # 'lampung.suara.com'
    assert any(b.label == "CSV" for b in desk.get("download_button")) and not slide.get("download_button")


def test_the_headline_slide_says_its_changes_are_untested_for_sampling_error_and_offers_no_brief():
    """The slide's cards show year-on-year changes; the caveat was below the slide, cut at its edge, under a PDF form."""
    at = open_app({"present": "1"})
    assert any("Perubahan antartahun belum diuji terhadap galat sampling Susenas." in c for c in texts(at.caption))
    assert not at.get("download_button") and not at.checkbox
    assert any(b.label.startswith("Unduh Potret Kemiskinan") for b in open_app().get("download_button"))  # at the desk


def test_metro_in_lampung_aligns_its_figures_right_as_numbers_and_its_codes_left():
    """The P0 column, written '5,92', was aligned left beside a right-aligned rank: the table's main number."""
    import re

    styles = open_app(page="views/kabkota.py").table[0].proto.arrow_data.styler.styles
    right = set(re.findall(r"_row0_col(\d+)\b", styles.split("{")[0])) if "text-align: right !important" in styles else set()
    assert right == {"0", "3", "5"}  # rank, P0 and the count of documents; the BPS code (col 2) and the names stay left


def test_a_parameter_given_twice_is_used_once_with_a_notice_saying_which():
    at = open_app({"year": ["2024", "2023"]})  # ?year=2024&year=2023: different tools would pick different values
    assert at.title[0].value == "Ringkasan Kemiskinan 2023"
    assert "Parameter tautan «year» muncul lebih dari sekali; dipakai yang terakhir, «2023»." in texts(at.warning)
    assert at.query_params["year"] == "2023"  # the link now says one year


def test_a_parameter_given_twice_is_said_in_the_language_of_the_link():
    at = open_app({"lang": "en", "year": ["2024", "2023"]})  # the notice came before the link's language was read
    assert at.title[0].value == "Poverty overview, 2023"
    assert "The link parameter «year» appears more than once; the last, «2023», is used." in texts(at.warning)


def test_a_notice_names_the_default_as_a_reader_knows_it():
    """'the default «dtsen_d14_pct» is used' or '«»' told a reader nothing about what they now see."""
    notices = " ".join(texts(open_app({"map_ind": "x", "😀": "1"}).warning))
    assert "dipakai nilai bawaan «Keluarga desil 1–4 nasional»" in notices
    assert "Parameter tautan «(tanda yang tidak dapat ditampilkan)» tidak dikenal" in notices
    notices = " ".join(texts(open_app({"region": "99"}, page="views/region_profile.py").warning))
    assert "dipakai nilai bawaan «tidak ada»" in notices


def test_a_slide_shows_one_view_with_a_one_click_picker_and_the_desk_page_all_three():
    slide = open_app({"present": "1"})
    assert slide.button_group(key="view").value == "headline"
    assert [m.label for m in slide.metric][:3] == ["P0", "P1", "P2"]
    assert not slide.get("vega_lite_chart")  # the trend and the map are views of their own
    desk = open_app()
    assert "view" not in [b.key for b in desk.button_group]  # at a desk the page shows all three
    assert len(desk.get("vega_lite_chart")) == 2  # the trend and the map, one under the other
    assert any(m.label == "P0" for m in desk.metric)


def test_a_headline_slide_names_in_one_line_the_figures_the_store_lacks_for_the_year():
    at = open_app({"present": "1"})
    assert "#### Tidak ada di basis data" not in texts(at.markdown)  # no card that says only 'not in the store'
    assert ("Tidak ada angka 2025 di basis data: Jumlah miskin (sebelumnya 12,07 ribu jiwa, 2024); "
            "GK (sebelumnya Rp 503.161/kapita/bulan, 2024); IPM (sebelumnya 80,41, 2024)") in texts(at.markdown)
    # a past year: the figure before it, not the newest (IPM 2022-2024 exist)
    assert "IPM (sebelumnya 77,17, 2020, Sementara, seri lama)" in " ".join(texts(open_app({"present": "1", "year": "2021"}).markdown))


@pytest.mark.parametrize("view, shows", [("trend", "Persentase penduduk miskin (P0), 2015–2025"),
                                         ("map", "Peta Keluarga desil 1–4 nasional, 2025")])
def test_the_trend_and_the_map_are_slides_of_their_own(view, shows):
    at = open_app({"present": "1", "view": view})
    assert len(at.get("vega_lite_chart")) == 1
    assert not at.metric
    assert any(c.startswith(shows) for c in texts(at.caption))
    if view == "trend":  # alone on a slide, the trend says its steps are untested against sampling error
        assert f"{shows} · Perubahan antartahun belum diuji terhadap galat sampling Susenas." in texts(at.caption)
    assert at.query_params["view"] == view  # a shared link opens the same slide


def test_the_map_slide_after_the_citys_estimates_says_its_figures_are_not_bps_estimates():
    """P0, its trend, then a map of DTSEN families by kelurahan: the slide says which kind of figure it is."""
    captions = texts(open_app({"present": "1", "view": "map"}).caption)
    assert any(c.startswith("Data sektoral OPD per wilayah, bukan estimasi BPS · ") for c in captions)
    headline = texts(open_app({"present": "1"}).caption)
    assert not any("Data sektoral OPD" in c for c in headline)  # the city's survey estimates are not sectoral data


def test_the_map_slide_folds_its_controls_into_a_line_with_the_year_shown():
    at = open_app({"present": "1", "view": "map", "map_ind": "stunting_eppgbm"})
    assert any(e.label == "Stunting (e-PPGBM) · Kelurahan · 2024 (2025 belum ada)" for e in at.expander)


def test_an_unknown_slide_view_falls_back_to_the_headline_figures_with_a_notice():
    at = open_app({"present": "1", "view": "<b>x</b>"})
    assert at.button_group(key="view").value == "headline"
    # the default as the room knows it, in a corner of the slide (above it, a notice pushed the figure off the screen)
    assert any("tidak dikenal" in n and "«Angka utama»" in n for n in texts(at.toast)) and not at.warning


def test_many_unknown_link_parameters_are_named_in_one_notice():
    at = open_app({f"k{i}": "v" for i in range(300)})
    unknown = [w for w in texts(at.warning) if "tidak dikenal" in w]
    assert unknown == ["Parameter tautan «k0», «k1», «k2», «k3», «k4» dan 295 lainnya tidak dikenal di tampilan ini dan diabaikan."]
    assert at.title[0].value.startswith("Ringkasan Kemiskinan") and not at.query_params


def test_an_empty_link_value_is_called_empty():
    notices = " ".join(texts(open_app({"year": ""}).warning))
    assert "«(kosong)»" in notices and "tidak dapat ditampilkan" not in notices


def test_metro_in_lampung_names_its_sources_with_the_compilers_note_in_the_ui_language():
    """'(Suara Lampung, 3 Oct 2025; Kepala BPS Kota Metro quoted)' was English in the Indonesian table."""
    sources = " ".join(open_app(page="views/kabkota.py").table[0].value["Sumber"])
    assert "(Suara Lampung, 3 Okt 2025; mengutip Kepala BPS Kota Metro)" in sources and " quoted" not in sources
    english = " ".join(open_app({"lang": "en"}, page="views/kabkota.py").table[0].value["Source"])
    assert "(Suara Lampung, 3 Oct 2025; Kepala BPS Kota Metro quoted)" in english


def test_the_poverty_line_is_ordered_by_size_never_ranked():
    """GK is a threshold, not better or worse: 'Kota Metro: peringkat 1 dari 4' read as a league table."""
    at = open_app({"ind": "gk", "year": "2024"}, page="views/kabkota.py")
    shown = " ".join(texts(at.markdown) + texts(at.caption) + texts(at.subheader))
    assert "Kota Metro: peringkat" not in shown and "GK bukan ukuran baik/buruk, jadi tidak diberi peringkat" in shown
    assert "GK kab/kota menurut besarnya, 2024" in texts(at.subheader) and "Urutan (dari terendah)" in at.table[0].value.columns
    assert "persepuluh poin" not in shown and "Nilai terendah menurut angka-angka ini" not in shown  # no P0 wording
    # each bar's value without the unit, which is in the axis title: 'Rp 503.161/kapita/bulan · BPS' squeezed the bars
    import pandas as pd

    from metro_poverty.charts.ranking import value_texts
    from metro_poverty.ui import cache

    assert value_texts(pd.DataFrame({"value": [503161.0], "label_note": ["BPS"]}), cache.catalogue()["gk"], "id") == ["Rp 503.161 · BPS"]


def test_two_figures_found_of_fifteen_are_ordered_not_ranked_and_no_undrawn_line_is_described():
    """P1 2024: 'Kota Metro: peringkat 1 dari 2', and 'Garis putus-putus: angka Provinsi Lampung tahun ini belum ada'."""
    at = open_app({"ind": "p1", "year": "2024"}, page="views/kabkota.py")
    shown = " ".join(texts(at.markdown) + texts(at.caption) + texts(at.subheader))
    assert "Kota Metro: peringkat" not in shown and "Hanya 2 dari 15 kab/kota" in shown and "tidak diberi peringkat" in shown
    assert "Garis putus-putus" not in shown and "tidak ada garis pembanding" in shown and "Peringkat dihitung" not in shown
    assert "P1 kab/kota menurut besarnya, 2024" in texts(at.subheader) and "Urutan (dari terendah)" in at.table[0].value.columns
    assert "Kota Metro: peringkat" in " ".join(texts(open_app({"ind": "p0", "year": "2024"}, page="views/kabkota.py").markdown))


def test_a_count_is_ranked_with_a_word_on_what_drives_it():
    at = open_app({"ind": "poor_count", "year": "2024"}, page="views/kabkota.py")
    assert any("mengikuti besar penduduk kab/kota" in c and "pakai P0" in c for c in texts(at.caption))


@pytest.mark.parametrize("params, page, default", [
    ({"view": "xx"}, "views/reconciliation.py", "«Angka yang sama, sumber berbeda»"),
    ({"present": "yes"}, None, "«tanpa mode presentasi»"),
    ({"step": "999999"}, None, "«langkah 1»"),
])
def test_a_notice_names_a_default_in_words_never_a_code(params, page, default):
    """'dipakai nilai bawaan «figures»' and «0» named nothing a visitor knows."""
    at = open_app(params, page=page) if page else open_app(params)
    assert any(w.endswith(f"dipakai nilai bawaan {default}.") for w in texts(at.warning)), texts(at.warning)


def test_an_earlier_figure_of_an_older_series_says_so_where_the_year_has_none():
    """IPM 2020's 77,17 is of the series before SP2020 and unverified: it stood as 'sebelumnya 77,17 (2020)'
    under a caption naming the SP2020 basis (the slide's line: test above)."""
    assert "angka 2021 tidak ada di basis data; sebelumnya 77,17 (2020, Sementara, seri lama)" in texts(open_app({"year": "2021"}).caption)

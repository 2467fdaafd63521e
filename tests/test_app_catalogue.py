"""Konsep & Definisi (the indicator catalogue) through the real app frame (AppTest)."""

import pytest

from app_support import ensure_store, open_app, texts

PAGE = "views/catalogue.py"


@pytest.fixture(scope="module", autouse=True)
def _store():
    ensure_store()


def cards(at):
    return [m[5:] for m in texts(at.markdown) if m.startswith("#### ")]


def open_card(params: dict, code: str):
    """The catalogue with one card's 'Metadata lengkap' opened (it is drawn only when open)."""
    from metro_poverty.ui.catalogue_page import MORE_KEY

    return open_app(params, page=PAGE, session={f"{MORE_KEY}{code}": True})


def test_every_indicator_has_a_card():
    from metro_poverty.ui import cache

    at = open_app(page=PAGE)
    assert len(cards(at)) == len(cache.catalogue())


def test_a_cards_full_metadata_is_drawn_only_when_its_fold_is_open():
    """Every card's table under a closed fold was drawn on every visit: 1,500 cells, 1.3 s of the browser's time."""
    closed, opened = open_app({"q": "p0"}, page=PAGE), open_card({"q": "p0"}, "p0")
    assert len(opened.table) == len(closed.table) + 1  # the comparison at the end of the page is drawn either way
    assert [len(tb.value.columns) for tb in closed.table] == [2]  # the comparison of two indicators only
    assert list(opened.table[0].value.columns) == ["–"] and "Metode perhitungan" in opened.table[0].value.index


def test_a_search_with_a_typo_from_the_url():
    at = open_app({"q": "stuntng"}, page=PAGE)
    assert cards(at) == ["Prevalensi Stunting (survei SSGI/SKI)", "Prevalensi Stunting (penimbangan e-PPGBM)"]


def test_filters_by_dimension_and_producer():
    at = open_app({"dim": "basic_services"}, page=PAGE)
    assert "Rumah Tangga dengan Air Minum Layak (pendataan Perkim)" in cards(at)
    assert "Persentase Penduduk Miskin (P0)" not in cards(at)
    at = open_app({"producer": "Dinas Kesehatan"}, page=PAGE)
    assert cards(at) and all("Stunting" in c or "Imunisasi" in c for c in cards(at))


def test_a_card_carries_the_satu_data_fields():
    at = open_card({"q": "p0"}, "p0")
    table = at.table[0].value
    aspects = list(table.index)
    for field in ("Kode", "Konsep", "Definisi", "Klasifikasi", "Ukuran", "Satuan", "Metode perhitungan", "Sumber", "Produsen data",
                  "Penyajian (disagregasi)", "Frekuensi", "Tingkat resmi terendah", "Interpretasi", "Makro/mikro", "Data tersedia"):
        assert field in aspects, field


def test_the_classification_field_holds_the_classification_not_the_dimension():
    at = open_card({"q": "p0"}, "p0")
    table = at.table[0].value
    assert table.loc["Klasifikasi"].iloc[0].startswith("Wilayah: kode Kemendagri dan kode BPS")
    assert table.loc["Dimensi"].iloc[0] == "Pendapatan & Pengeluaran"


def test_an_opd_source_below_the_official_level_is_named_on_the_card():
    at = open_card({"q": "jkn"}, "jkn_coverage")
    table = at.table[0].value
    assert table.loc["Tingkat resmi terendah"].iloc[0] == "Kab/kota"
    assert "BPJS Kesehatan Cabang Metro" in table.loc["Di bawah tingkat resmi"].iloc[0]


def test_confused_pair_is_compared_side_by_side_with_its_note():
    at = open_app({"a": "stunting_ssgi", "b": "stunting_eppgbm"}, page=PAGE)
    assert any("Apa yang membedakan" in i and "posyandu" in i for i in texts(at.info))
    side = at.table[-1].value
    assert list(side.columns) == ["Stunting (survei)", "Stunting (e-PPGBM)"]


def test_a_pair_button_sets_both_indicators():
    at = open_app(page=PAGE)
    next(b for b in at.button if b.key == "pair-stunting_ssgi-stunting_eppgbm").click().run()
    assert (at.session_state["a"], at.session_state["b"]) == ("stunting_ssgi", "stunting_eppgbm")
    assert at.query_params["a"] in ("stunting_ssgi", ["stunting_ssgi"])


@pytest.mark.parametrize("params", [{"q": "x" * 500}, {"dim": "nope"}, {"producer": "<b>x</b>"}, {"a": "zzz"}])
def test_hostile_catalogue_parameters_fall_back_with_a_notice(params):
    at = open_app(params, page=PAGE)
    assert any("tidak dikenal" in w for w in texts(at.warning))


def test_indicator_pairs_query_lists_pairs_of_known_indicators():
    from metro_poverty import db
    from metro_poverty.ui import cache

    pairs = db.read("indicator_pairs")
    assert {("p0", "dtsen_d14_pct"), ("stunting_ssgi", "stunting_eppgbm")} <= set(zip(pairs.indicator_a, pairs.indicator_b))
    known = set(cache.catalogue())
    assert set(pairs.indicator_a) <= known and set(pairs.indicator_b) <= known


def test_on_a_slide_the_search_and_filters_fold_into_one_line_and_the_definitions_keep_the_screen():
    at = open_app({"present": "1", "dim": "health"}, page=PAGE)
    assert [e.label for e in at.expander][:1] == ["Semua indikator · Dimensi: Kesehatan · Produsen data: Semua"]  # the folded search, dimension, producer
    assert at.text_input(key="q") is not None  # still there, one click away
    assert not any("Satu Data Indonesia" in c for c in texts(at.caption))  # the page's introduction waits for normal mode


def test_a_slide_of_a_pair_shows_the_pair_first_with_its_choice_folded_into_one_line():
    """An agenda step added after choosing SSGI and e-PPGBM: under the 28 cards the room saw P0's definition."""
    def pair_before_cards(at) -> bool:
        def in_order(node):
            yield node
            for child in getattr(node, "children", {}).values():
                yield from in_order(child)

        drawn = [str(getattr(e, "value", "")) for e in in_order(at.main) if not hasattr(e, "children")]
        first_card = next(i for i, v in enumerate(drawn) if v.startswith("#### "))
        return drawn.index("Bandingkan dua indikator") < first_card

    at = open_app({"present": "1", "a": "stunting_ssgi", "b": "stunting_eppgbm"}, page=PAGE)
    assert pair_before_cards(at)
    assert [e.label for e in at.expander][1] == "Stunting (survei) ↔ Stunting (e-PPGBM)"
    assert at.table[0].value.columns.tolist() == ["Stunting (survei)", "Stunting (e-PPGBM)"]
    assert not pair_before_cards(open_app({"a": "stunting_ssgi", "b": "stunting_eppgbm"}, page=PAGE))  # the desk: cards first


@pytest.mark.parametrize("q", ["[Unduh data resmi](http://evil.example/x)", "![](http://evil.example/pixel.png)", "**PALSU** :red[angka]"])
def test_a_search_from_a_link_is_shown_on_a_slide_as_typed_never_as_a_link_or_formatting(q):
    from metro_poverty.markdown_text import unescape

    at = open_app({"present": "1", "q": q}, page=PAGE)
    label = at.expander[0].label
    assert unescape(label).startswith(f"«{q}»")  # read as typed
    assert "](" not in label and "**" not in label and ":red[" not in label  # every mark escaped: no link, image or colour
    assert label.endswith(" · Dimensi: Semua · Produsen data: Semua")  # the app's own words as they were


@pytest.mark.parametrize("lang, code_label, formula", [
    ("id", "Kode: p0", "P0 = 100 × q / n; q: banyaknya penduduk dengan pengeluaran per kapita yᵢ\u00a0<\u00a0GK"),
    ("en", "Code: p0", "P0 = 100 × q / n; q: number of persons with per capita expenditure yᵢ\u00a0<\u00a0GK"),
])
def test_a_card_names_its_code_and_gives_the_formula_as_the_room_reads_it_in_the_ui_language(lang, code_label, formula):
    at = open_card({"q": "P0", "lang": lang}, "p0")
    assert f":gray-badge[{code_label}]" in texts(at.markdown)  # st.badge is a Markdown badge
    table = at.table[0].value
    assert any(str(v).startswith(formula) for v in table.iloc[:, 0])

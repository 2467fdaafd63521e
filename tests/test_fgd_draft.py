"""The draft agenda in the URL and its steps' names (metro_poverty.fgd.draft)."""

from metro_poverty.fgd.draft import decode, encode, step_title, valid
from metro_poverty.url_state import CodedParam

STEPS = [{"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "region": "18.72.05.1001"}, "title": "Kesehatan · Stunting", "note": "Tanya Dinkes"},
         {"path": "", "params": {}, "title": "Ringkasan", "note": ""}]


def test_a_draft_goes_into_the_url_and_comes_back_unchanged():
    assert decode(encode(STEPS)) == STEPS


def test_an_empty_draft_is_left_out_of_the_url():
    assert (encode([]), decode(None), decode("")) == (None, [], [])


def test_text_that_is_not_a_draft_is_refused():
    assert [decode(t) for t in ("bukan-draf", "eJzLSM3JyQcABiwCFQ", "A" * 7000)] == [None, None, None]


def test_a_crafted_draft_that_inflates_or_nests_deep_is_refused_not_raised():
    """550 characters of link inflated to JSON nested thousands deep: json raised RecursionError and every page
    showed Streamlit's error box; 6.000 characters may inflate a thousandfold."""
    import base64
    import zlib

    def link(raw: bytes) -> str:
        return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")

    deep, huge = link(b"[" * 200_000), link(b'[["", {}, "' + b"x" * 4_000_000 + b'", ""]]')
    assert len(deep) < 6000 and len(huge) < 6000
    assert (decode(deep), decode(huge)) == (None, None)


def test_a_draft_with_a_hostile_step_is_refused():
    bad = [{"path": "../../etc", "params": {}, "title": "x", "note": ""}]
    assert (valid(bad), valid(STEPS), valid("x"), decode(encode(bad))) == (False, True, False, None)


def test_a_step_is_named_by_its_page_indicator_region_and_year():
    names = {"stunting_eppgbm": "Stunting (e-PPGBM)", "18.72.05.1001": "Rejomulyo"}
    assert step_title("Kesehatan", {"ind": "stunting_eppgbm", "region": "18.72.05.1001", "year": "2024"}, names, "id") == (
        "Kesehatan · Stunting (e-PPGBM) · Rejomulyo · 2024")
    assert step_title("Ringkasan", {}, names, "id") == "Ringkasan"
    assert step_title("Layanan Dasar", {"level": "kecamatan", "view": "rank", "year": "2024"}, names, "id") == (
        "Layanan Dasar · Kecamatan · Peringkat · 2024")  # words, never 'view=rank, level=kecamatan'
    assert step_title("Layanan Dasar", {"level": "x", "view": "<b>"}, names, "en") == "Layanan Dasar"


def test_a_catalogue_search_step_is_named_by_its_search_not_by_the_pair_compared_below():
    names = {"p0": "P0", "dtsen_d14_pct": "Keluarga desil 1–4 nasional"}
    assert step_title("Konsep & Definisi", {"q": "stunting", "a": "p0", "year": "2025"}, names, "id") == "Konsep & Definisi · «stunting» · 2025"
    assert step_title("Konsep & Definisi", {"a": "p0", "year": "2025"}, names, "id") == "Konsep & Definisi · P0 · 2025"


def test_an_overview_step_is_named_by_its_slide_and_names_the_map_indicator_only_on_the_map():
    names = {"dtsen_d14_pct": "Keluarga desil 1–4 nasional"}
    overview = {"map_ind": "dtsen_d14_pct", "year": "2025"}  # the map indicator is always among what is shown
    assert step_title("Ringkasan", overview, names, "id", overview=True) == "Ringkasan · Angka utama · 2025"
    assert step_title("Ringkasan", {"year": "2025"}, names, "id", overview=True) == "Ringkasan · Angka utama · 2025"  # URL alone
    assert step_title("Ringkasan", {**overview, "view": "trend"}, names, "id", overview=True) == "Ringkasan · Tren P0 · 2025"
    assert step_title("Ringkasan", {**overview, "view": "map", "level": "kecamatan"}, names, "en", overview=True) == (
        "Ringkasan · Keluarga desil 1–4 nasional · Kecamatan · Map · 2025")
    assert step_title("Ringkasan", {**overview, "view": "rank"}, names, "id", overview=True) == "Ringkasan · Angka utama · 2025"


def test_the_url_parameter_falls_back_to_an_empty_draft_and_says_it_could_not_read_it():
    param = CodedParam("draft", [], decode, encode, valid)
    assert (param.parse("bukan-draf"), param.parse(encode(STEPS)), param.encode([])) == (([], False), (STEPS, True), None)


def test_a_link_value_no_decoder_can_read_falls_back_and_never_raises():
    def broken(text):
        raise RecursionError(text)

    assert CodedParam("draft", [], broken, encode, valid).parse("x") == ([], False)


def test_a_scenario_step_is_named_by_its_levers_and_never_by_a_year():
    """Rp 100.000 to deciles 1-2 and Rp 500.000 to decile 1 were both 'Simulasi Kebijakan · 2025' (and the model's
    prices are 2024's whatever the year)."""
    names = {"18.72.05.1001": "Rejomulyo"}
    assert step_title("Simulasi Kebijakan", {"transfer": "300000", "deciles": "1,2", "regions": "18.72.05.1001", "year": "2025"},
                      names, "id", scenario=True) == "Simulasi Kebijakan · Bantuan Rp 300.000 per rumah tangga per bulan · desil DTSEN 1, 2 · Rejomulyo"
    assert step_title("Simulasi Kebijakan", {"year": "2025", "growth": "5"}, names, "id", scenario=True) == (
        "Simulasi Kebijakan · Bantuan Rp 0 per rumah tangga per bulan · desil DTSEN 1, 2, 3, 4 · seluruh kota · pertumbuhan riil 5%")  # as the slide
    assert step_title("Policy scenarios", {"transfer": "x", "per": "capita", "deciles": "<b>"}, names, "en", scenario=True) == (
        "Policy scenarios · Transfer Rp 0 per person a month · DTSEN deciles 1, 2, 3, 4 · the whole city")  # refused values: the defaults

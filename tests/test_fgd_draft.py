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


def test_the_url_parameter_falls_back_to_an_empty_draft_and_says_it_could_not_read_it():
    param = CodedParam("draft", [], decode, encode, valid)
    assert (param.parse("bukan-draf"), param.parse(encode(STEPS)), param.encode([])) == (([], False), (STEPS, True), None)

"""A URL value shown back in a notice: no markup, bounded, and nothing hidden in it."""

from metro_poverty.markdown_text import JOINER
from metro_poverty.url_state import MAX_SHOWN, shown


def test_an_invisible_character_shows_as_a_question_mark():
    # dropped, '/%E2%80%AEkesehatan' (a right-to-left override) was reported as the page «kesehatan», which exists
    assert shown("\u202ekesehatan") == "?kesehatan"
    assert shown("kese\u200bhatan") == "kese?hatan"
    assert shown("a\x00b") == "a?b"


def test_markup_is_dropped_and_a_path_keeps_its_slashes():
    assert shown("<b>x</b>") == "bx/b"
    assert shown("kesehatan/peta") == "kesehatan/peta"
    assert shown("**tebal** [tautan](http://x)") == "tebal tautanhttp//x"


def test_a_long_value_is_cut_with_an_ellipsis():
    assert len(shown("x" * 100)) == MAX_SHOWN and shown("x" * 100).endswith("…")


def test_letters_of_any_script_stay_and_symbols_go():
    assert shown("kesehatán😀") == "kesehatán"  # was 'kesehatn'
    assert shown("<ｓｃｒｉｐｔ>") == "ｓｃｒｉｐｔ"


def test_a_web_address_in_a_notice_never_becomes_a_link():
    # GFM links 'www.evil.example' even where no mark is left: a word joiner after 'www' stops it
    assert shown("www.evil.example") == f"www{JOINER}.evil.example"
    assert shown("WWW.x.y").startswith(f"WWW{JOINER}.")

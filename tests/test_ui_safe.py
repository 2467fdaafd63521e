"""metro_poverty.ui.safe.plain: text from outside (a file name, a cell, a user name) shown where Streamlit
renders Markdown reads as typed: every character Markdown (or Streamlit's own syntax) would act on is
escaped with a backslash, so it never becomes a link, an image, formatting or HTML."""

import re

import pytest

from metro_poverty.ui.safe import plain

J = "\u2060"  # the invisible word joiner that keeps GFM from linking an address (metro_poverty.markdown_text)


def test_ordinary_text_is_left_as_it_is():
    assert plain("Dinas Kesehatan Kota Metro 2024") == "Dinas Kesehatan Kota Metro 2024"


def test_a_link_is_shown_as_typed():
    assert plain("[klik di sini](https://contoh.id)") == r"\[klik di sini\]\(https\:" + J + r"//contoh\.id\)"


def test_an_image_is_shown_as_typed():
    assert plain("![logo](http://contoh.id/a.png)") == r"\!\[logo\]\(http\:" + J + r"//contoh\.id/a\.png\)"


def test_an_autolink_in_angle_brackets_is_shown_as_typed():
    assert plain("<https://contoh.id>") == r"\<https\:" + J + r"//contoh\.id\>"


def test_emphasis_and_strikethrough_are_shown_as_typed():
    assert plain("*miring* **tebal** _miring_ ~~coret~~") == r"\*miring\* \*\*tebal\*\* \_miring\_ \~\~coret\~\~"


def test_html_looking_text_is_shown_as_typed():
    assert plain("<b>tebal</b><script>alert(1)</script>") == r"\<b\>tebal\</b\>\<script\>alert\(1\)\</script\>"


def test_an_html_entity_is_shown_as_typed():
    # Markdown turns "&amp;" into "&": the ampersand needs escaping too
    assert plain("AT&amp;T") == r"AT\&amp;T"


def test_a_heading_a_list_and_a_quote_are_shown_as_typed():
    assert plain("# Judul") == r"\# Judul"
    assert plain("> kutipan") == r"\> kutipan"
    assert plain("- satu") == r"\- satu"
    assert plain("1. satu") == r"1\. satu"
    assert plain("+ satu") == r"\+ satu"


def test_a_line_of_equals_signs_under_text_does_not_make_it_a_heading():
    assert plain("Judul\n=====") == "Judul\n" + r"\=\=\=\=\="


def test_code_and_a_table_bar_are_shown_as_typed():
    assert plain("`kode` a|b") == r"\`kode\` a\|b"


def test_streamlit_colour_icon_and_formula_syntax_are_shown_as_typed():
    # the slash too: Streamlit's frontend turns ':material/' into an icon even with its colon escaped
    # (tests/test_browser_records.py saw the icon drawn)
    assert plain(":red[merah] :material/home: $x^2$") == r"\:red\[merah\] \:material\/home\: \$x^2\$"


def test_a_backslash_is_shown_as_typed():
    assert plain(r"C:\data\raw") == r"C\:\\data\\raw"


def test_a_file_name_with_underscores_keeps_every_character():
    assert plain("data_stunting_2024 (final).xlsx") == r"data\_stunting\_2024 \(final\)\.xlsx"


def test_a_value_that_is_not_text_is_shown_as_its_text():
    assert plain(12.5) == r"12\.5"
    assert plain(None) == "None"


@pytest.mark.parametrize("typed", ["[a](b)", "![x](y)", "**b** _i_", "<img src=x>", r"C:\data", "#1 ~ $5 | {x}"])
def test_only_backslashes_are_added(typed):
    assert re.sub(r"\\(.)", r"\1", plain(typed)) == typed

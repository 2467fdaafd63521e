"""One language at a time (issue 12): a crawler opens every page and view in Bahasa Indonesia and in English
and looks for words of the other language in what the screen shows, Streamlit's own widget texts included
(placeholders, 'Select all', 'Add row', 'None'). Data keep their language (a document's title, a producer's
name): the word lists hold interface words only, and source lines are left out of the English check."""

import re

import pytest

from browser_support import each_page_by_its_link, follow_sidebar_link, switch_view
from metro_poverty.i18n import t
from metro_poverty.ui.pages import PAGES

pytestmark = pytest.mark.browser

ENGLISH_IN_INDONESIAN = ["Choose an option", "Choose options", "Select all", "Add row", "No results", "Download", "Source:",
                         "Sources:", "Official", "Provisional", "Illustrative", "not available", "Not yet released", "Loading",
                         "Search", "Year", "None", "Clear all", "Press Enter"]
INDONESIAN_IN_ENGLISH = ["Pilih", "Unduh", "Resmi", "Sementara", "Tidak ada di basis data", "tidak ada di basis data", "dikutip", "Tampilkan",
                         "Indikator", "Tingkat wilayah", "Sumber:", "Lihat ", "Tambahkan", "Simpan", "Keluar", "tidak ada",
                         "Kelas:", "Data sektoral", "Estimasi survei", "Estimasi makro", "Catatan administratif"]
# the views each page's view control offers beyond the first, with the prefix of their names' text ids
VIEWS = {"kesehatan": ("dimension", ["rank", "trend", "compare", "table"]), "sinkronisasi-data": ("reconcile", ["pairs", "quality"])}

# what the screen shows: text of the main area and sidebar, placeholders and empty-state texts of inputs,
# minus source lines (their document titles are data, in the language they were published in)
SCREEN_TEXT = r"""() => {
  const parts = [];
  for (const root of document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]')) {
    const clone = root.cloneNode(true);
    // the list of sources names each document as it was published
    if (location.pathname.endsWith('/sumber-data')) for (const t of clone.querySelectorAll('[data-testid="stTable"] tbody')) t.remove();
    for (const src of clone.querySelectorAll('[data-testid="stCaptionContainer"], [data-testid="stExpander"]'))
      if (/^(\w+)?(Sumber|Sources?)[: ]/.test(src.textContent.trim())) src.remove();  // an icon's name may come first
    parts.push(clone.innerText);
  }
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) parts.push(el.placeholder);
  return parts.join('\n');
}"""


@pytest.mark.parametrize("lang, foreign", [("id", ENGLISH_IN_INDONESIAN), ("en", INDONESIAN_IN_ENGLISH)])
def test_no_word_of_the_other_language_on_any_page_or_view(app_url, chromium, lang, foreign):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    found = {}
    language = f"lang={lang}" if lang != "id" else ""

    def look(where: str) -> None:
        text = page.evaluate(SCREEN_TEXT)
        hits = [w for w in foreign if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text)]
        if hits:
            found[where] = hits

    # every page as a visitor reaches it, by its link in the sidebar (the language stays in the address)
    for path in each_page_by_its_link(page, app_url, [p.url_path for p in PAGES], language):
        assert (f"lang={lang}" in page.url) == (lang != "id"), page.url
        look(f"/{path}?{language}")
    for path, (texts, views) in VIEWS.items():  # each view by a click on the page's view control (one page load in all)
        follow_sidebar_link(page, app_url, path)
        for view in views:
            switch_view(page, t(f"{texts}.view_name.{view}", lang), view)
            look(page.url.removeprefix(app_url))
    assert found == {}

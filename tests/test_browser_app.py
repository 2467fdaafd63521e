"""The app in a real browser (Playwright driving Debian's chromium): the flows people use."""

import re
from urllib.parse import urlsplit

import pytest

from app_support import ensure_store
from browser_support import app_server, each_page_by_its_link, screenshot, wait_rendered
from metro_poverty.ui.pages import PAGES

pytestmark = pytest.mark.browser

HTTP = {"http", "https", "ws", "wss"}


def new_page(chromium, width=1280, height=720):
    return chromium.new_page(viewport={"width": width, "height": height})


def test_shared_subpage_link_opened_first_on_a_fresh_server_has_the_frame(chromium):
    ensure_store()
    with app_server() as base:  # its own fresh server: the first request is the sub-page
        page = new_page(chromium)
        page.goto(f"{base}/sumber-data")
        wait_rendered(page, "Sumber & Status Data")
        bar = page.locator(".st-key-frame_bar")
        assert bar.get_by_text("English", exact=True).is_visible()  # the language control, drawn by app.py
        nav = page.locator('[data-testid="stSidebarNav"]')
        assert nav.get_by_text("Ringkasan").is_visible()
        assert nav.get_by_text("Sumber & Status Data").is_visible()
        screenshot(page, "subpage_first_on_fresh_server")


def test_overview_shows_published_figures_and_a_real_map(app_url, chromium):
    page = new_page(chromium, height=2000)
    page.goto(app_url)
    wait_rendered(page, "6,44%")
    for text in ("0,55", "0,07", "Tidak ada di basis data", "Persentase penduduk miskin (P0), 2015–2025", "DATA ILUSTRASI"):
        assert page.get_by_text(text, exact=False).first.is_visible(), text
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == 2
    charts.nth(1).locator("canvas, svg").first.wait_for()
    box = charts.nth(1).bounding_box()
    assert box["height"] > 300 and box["width"] > 300
    screenshot(page, "overview_full")


def test_overview_at_projector_size(app_url, chromium):
    page = new_page(chromium, 1280, 720)
    page.goto(app_url)
    wait_rendered(page, "6,44%")
    screenshot(page, "overview_1280x720")


def test_shared_url_opens_the_same_view(app_url, chromium):
    page = chromium.fresh_page({"width": 1280, "height": 1600})  # the link pasted into another person's browser
    page.goto(f"{app_url}/?year=2022&map_ind=stunting_eppgbm&level=kecamatan&lang=en")
    wait_rendered(page, "Poverty overview, 2022")
    assert page.get_by_text("7,87%").count() == 0  # English format in the English UI
    assert page.get_by_text("7.87%").first.is_visible()
    assert page.get_by_text("Map of Stunting (e-PPGBM), 2022").first.is_visible()
    assert re.search(r"level=kecamatan", page.url) and re.search(r"year=2022", page.url)
    screenshot(page, "shared_url_view")


def test_changing_a_control_updates_the_url(app_url, chromium):
    page = new_page(chromium)
    page.goto(app_url)
    wait_rendered(page, "6,44%")
    year = page.locator('.st-key-frame_bar [data-testid="stSelectbox"]').first.locator("input")
    year.click()
    year.fill("2021")  # typing filters the options; Enter picks the match
    year.press("Enter")
    wait_rendered(page, "Ringkasan Kemiskinan 2021")
    page.wait_for_url(re.compile(r"year=2021"))
    assert "8,93%" in page.content()


def test_a_link_to_no_page_opens_the_overview_with_a_notice_in_the_users_language(app_url, chromium):
    """Not Streamlit's English "Page not found" dialog; a hostile path shows as plain text, and the rest of the
    link is still honoured."""
    page = chromium.fresh_page({"width": 1280, "height": 720})
    page.goto(f"{app_url}/halaman-lama?year=2022")
    wait_rendered(page, "Ringkasan Kemiskinan 2022")
    assert page.get_by_text("Halaman «halaman-lama» tidak ada; yang dibuka halaman Ringkasan.").is_visible()
    assert page.get_by_text("Page not found").count() == 0 and page.get_by_role("dialog").count() == 0
    page.goto(f"{app_url}/ringkasan?year=2021")  # the default page's own name (an agenda's share link used it): no notice
    wait_rendered(page, "Ringkasan Kemiskinan 2021")
    assert page.get_by_text("Page not found").count() == 0 and page.get_by_text("tidak ada; yang dibuka").count() == 0
    page.goto(f"{app_url}/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E?lang=en")
    wait_rendered(page, "Poverty overview")
    assert page.get_by_text("There is no page «img srcx onerroralert1»; the Overview page is opened instead.").is_visible()
    assert page.locator("img[src=x]").count() == 0
    page.goto(f"{app_url}/kesehatan/peta?year=2022")  # a path under a page: it had shown a blank page
    wait_rendered(page, "Ringkasan Kemiskinan 2022")
    assert page.get_by_text("Halaman «kesehatan/peta» tidak ada; yang dibuka halaman Ringkasan.").is_visible()
    screenshot(page, "unknown_page_notice")
    page.goto(f"{app_url}/www.evil.example?year=www.evil.example")  # GFM links a bare 'www.' address
    wait_rendered(page, "Ringkasan Kemiskinan")
    notices = page.locator('[data-testid="stAlert"]', has_text="evil.example")
    assert notices.count() == 2 and notices.locator("a").count() == 0  # the page's and the year's, no link


def test_an_english_link_opened_first_has_english_navigation(app_url, chromium):
    page = new_page(chromium)
    page.goto(f"{app_url}/kesehatan?lang=en")
    wait_rendered(page, "Health — 2024")  # stunting (e-PPGBM), the default, has 2024 as its latest year
    nav = page.locator('[data-testid="stSidebarNav"]')
    assert nav.get_by_text("Overview").is_visible() and nav.get_by_text("Dimensions").is_visible()


# Text a CSS ellipsis cuts off: an element (or one of its two parents) with text-overflow: ellipsis whose
# content is wider than its box. Streamlit truncates labels of buttons, badges and popovers this way.
CUT_TEXTS = """() => {
  const cut = new Set();
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const text = (el.innerText || '').trim();
    if (el.children.length || !text) continue;
    for (let e = el, i = 0; e && i < 3; e = e.parentElement, i++) {
      if (getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) cut.add(text);
    }
  }
  return [...cut];
}"""


def test_every_page_at_projector_size_cuts_no_label_and_fetches_nothing_from_the_internet(app_url, chromium):
    """Every page, reached by its link in the sidebar as in the room (one page load for all of them)."""
    page = new_page(chromium, 1280, 720)
    server = urlsplit(app_url).netloc
    elsewhere = []  # the app runs offline: fonts, icons, scripts and map shapes all come from its own server
    page.on("request", lambda r: elsewhere.append(r.url) if urlsplit(r.url).scheme in HTTP and urlsplit(r.url).netloc != server else None)
    cut, fetched = {}, {}
    for path in each_page_by_its_link(page, app_url, [p.url_path for p in PAGES]):
        page.wait_for_function("document.fonts.status === 'loaded'")  # the labels are measured in their real font
        screenshot(page, f"projector_{path}")
        if texts := page.evaluate(CUT_TEXTS):
            cut[path] = texts
        if elsewhere:
            fetched[path] = elsewhere[:]
            elsewhere.clear()
    assert cut == {}
    assert fetched == {}

"""Dimension pages and the region profile in a real browser: click the map, follow the link, share the URL."""

import re

import pytest

from browser_support import rerun_after, screenshot, switch_view, wait_rendered

pytestmark = pytest.mark.browser


def open_page(chromium, url, text, width=1280, height=1400):
    page = chromium.fresh_page({"width": width, "height": height})  # a new context: like a new browser
    page.goto(url)
    wait_rendered(page, text)
    return page


def region_on_map(page, name):
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.locator("svg").first.wait_for()
    return chart.locator(f'path[aria-roledescription="geoshape"][aria-label*="{name}"]').first


def test_clicking_a_kelurahan_selects_it_and_leads_to_its_profile(app_url, chromium):
    page = open_page(chromium, f"{app_url}/kesehatan", "Stunting (e-PPGBM), 2024")
    region_on_map(page, "Kelurahan: Ganjar Agung").click()
    page.wait_for_url(re.compile(r"region=18\.72\.03\.1002"))
    wait_rendered(page, "Peringkat")
    assert page.locator("h3", has_text="Ganjar Agung").first.is_visible()
    screenshot(page, "dimension_map_selected")
    page.get_by_text("Profil Ganjar Agung").first.click()
    wait_rendered(page, "Profil Kelurahan Ganjar Agung")
    assert "/profil-wilayah" in page.url and "region=18.72.03.1002" in page.url
    for heading in ("Pendapatan & Pengeluaran", "Pendidikan", "Kesehatan", "Layanan Dasar"):
        assert page.locator("h3", has_text=heading).first.is_visible()
    screenshot(page, "region_profile")


def test_clicking_the_selected_region_again_clears_it(app_url, chromium):
    page = open_page(chromium, f"{app_url}/kesehatan?region=18.72.03.1002", "Peringkat")
    region_on_map(page, "Kelurahan: Ganjar Agung").click()
    page.wait_for_url(lambda url: "region=" not in url)
    wait_rendered(page, "Klik sebuah wilayah")


def test_clicking_another_region_moves_the_selection(app_url, chromium):
    page = open_page(chromium, f"{app_url}/kesehatan?region=18.72.03.1002", "Peringkat")
    region_on_map(page, "Kelurahan: Rejomulyo").click()
    page.wait_for_url(re.compile(r"region=18\.72\.05\.1001"))
    wait_rendered(page, "Peringkat")
    assert page.locator("h3", has_text="Rejomulyo").first.is_visible()


def test_a_shared_dimension_url_opens_the_same_view(app_url, chromium):
    url = f"{app_url}/pendidikan?ind=aps_16_18&level=kecamatan&view=compare&cmp=2022&year=2023"
    page = open_page(chromium, url, "APS 16–18: 2022 dibandingkan 2023")
    assert page.locator("h1", has_text="Pendidikan — 2023").is_visible()
    for key in ("ind=aps_16_18", "level=kecamatan", "view=compare", "cmp=2022", "year=2023"):
        assert key in page.url
    screenshot(page, "shared_dimension_view")


ACTIVE_VIEW = '.st-key-view button[aria-checked="true"]'  # the view the control shows as chosen


def test_changing_the_view_updates_the_url_and_back_and_forward_bring_each_view_again(app_url, chromium):
    """A facilitator who presses Back in the room sees the view before: the address went back while the
    session's last choice had stayed on the screen (and was written into the address again)."""
    page = open_page(chromium, f"{app_url}/layanan-dasar", "Layanan Dasar")
    switch_view(page, "Peringkat", "rank")
    wait_rendered(page, "Peringkat Kelurahan")
    screenshot(page, "ranking_view")
    switch_view(page, "Tren", "trend")
    for move, view, label in ((page.go_back, "rank", "Peringkat"), (page.go_back, None, "Peta"),
                              (page.go_forward, "rank", "Peringkat")):
        rerun_after(page, move)
        wait_rendered(page)
        assert page.locator(ACTIVE_VIEW).inner_text() == label, (view, page.url)
        assert (f"view={view}" in page.url) if view else ("view=" not in page.url), page.url  # not written over


def test_dimension_page_at_projector_size(app_url, chromium):
    page = open_page(chromium, f"{app_url}/kesehatan?region=18.72.05.1001", "Peringkat", height=720)
    screenshot(page, "dimension_1280x720")

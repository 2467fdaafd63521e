"""The scenario explorer in a real browser: a planner sets a transfer, sees its effect, shares the URL."""

import csv
import io
import re
from pathlib import Path

import pytest

from browser_support import rerun_after, screenshot, wait_rendered

pytestmark = pytest.mark.browser


def shown_pct(text: str, before: str) -> float:
    """The Indonesian-format percentage right after `before`: '… (9,5% rumah …' -> 9.5."""
    match = re.search(re.escape(before) + r"\s*([\d.]+(?:,\d+)?)%", text)
    assert match, (before, text)
    return float(match.group(1).replace(".", "").replace(",", "."))


def p0_after(page) -> str:
    card = page.locator('[data-testid="stMetric"]', has_text="P0 (%)").first
    return card.locator('[data-testid="stMetricValue"]').inner_text()


def test_a_planner_sets_a_transfer_to_deciles_1_2_in_two_kelurahan_and_shares_it(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 2400})
    page.goto(f"{app_url}/simulasi")
    wait_rendered(page, "Hasil model untuk Kota Metro")
    assert p0_after(page) == "6,78"

    amount = page.get_by_label("Bantuan tunai (Rp per bulan)")
    amount.fill("300000")
    amount.press("Enter")
    page.wait_for_url(re.compile(r"transfer=300000"))
    deciles = page.locator('[data-testid="stButtonGroup"]', has_text="Desil sasaran")
    for d in ("3", "4"):  # the default targets deciles 1-4
        rerun_after(page, deciles.get_by_role("button", name=d, exact=True).click)
    page.wait_for_url(re.compile(r"deciles=1%2C2|deciles=1,2"))
    wait_rendered(page, "Penerima menurut model")
    # Deciles are national: deciles 1-2 reach more of Metro's families than the register's decile 1 and
    # fewer than its deciles 1-4 (the page prints the register's shares beside the model's).
    box = page.locator(".st-key-sc-targeting").inner_text()
    reached = shown_pct(box.split("Penerima menurut model")[1], "rumah tangga (")
    assert shown_pct(box, "desil 1 =") < reached < shown_pct(box, "desil 1–4 =")
    areas = page.locator('[data-testid="stMultiSelect"]', has_text="Wilayah sasaran").locator("input")
    for name in ("Ganjar Agung", "Rejomulyo"):
        areas.click()
        areas.fill(name)
        rerun_after(page, page.get_by_role("option", name=re.compile(name)).first.click)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('[data-baseweb=\"popover\"]')")  # the list closed
    page.wait_for_url(re.compile(r"regions=18\.72\.03\.1002"))
    wait_rendered(page, "Perubahan P0 per kelurahan")
    after = p0_after(page)
    assert float(after.replace(",", ".")) < 6.78
    assert page.locator('[data-testid="stMetric"]', has_text="Anggaran bantuan per tahun").first.inner_text().count("miliar") == 1
    assert page.locator('[data-testid="stVegaLiteChart"] path[aria-roledescription="geoshape"]').count() >= 22
    screenshot(page, "scenario_transfer")

    with page.expect_download() as download:  # the table as a planner takes it away
        page.get_by_role("button", name="Unduh hasil model (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 28 and {r["Status"] for r in rows} == {"simulated"}
    assert all("SINTETIS" in r["Sumber"] and "deciles=1,2" in r["Sumber"] for r in rows)

    shared = chromium.fresh_page({"width": 1280, "height": 1400})  # a colleague opens the link in their browser
    shared.goto(page.url)
    wait_rendered(shared, "Hasil model untuk Kota Metro")
    assert p0_after(shared) == after
    assert shared.get_by_text("Ganjar Agung (Metro Barat)").first.is_visible()
    screenshot(shared, "scenario_shared_url")

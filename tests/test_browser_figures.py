"""Figures a BPS statistician can sign, seen in a real browser (issue 9): the Overview opens on the latest
release, Metro stands among Lampung's 15 kab/kota with each value's mark, and concepts that differ by
definition are set side by side without a tolerance flag."""

import pytest

from browser_support import screenshot, wait_rendered

pytestmark = pytest.mark.browser


def new_page(chromium, width=1280, height=720):
    return chromium.new_page(viewport={"width": width, "height": height})


def table_text(page, index: int = 0) -> str:
    return page.locator('[data-testid="stTable"]').nth(index).inner_text()


def test_the_overview_opens_on_2025_with_bps_latest_p0_and_says_how_it_is_known(app_url, chromium):
    page = new_page(chromium, height=1800)
    page.goto(app_url)
    wait_rendered(page, "6,44%")
    assert page.get_by_role("heading", name="Ringkasan Kemiskinan 2025").is_visible()
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "pejabat dikutip media — cocokkan dengan BRS" in main  # 6,44 % was read in news quoting BPS Kota Metro
    assert "Tidak ada di basis data" in main and "angka 2025 tidak ada di basis data; sebelumnya" in main  # GK, count, IPM
    assert "belum diuji terhadap galat sampling Susenas" in main
    assert "peringkat 2 terendah dari 9 kab/kota Lampung" in main
    screenshot(page, "figures_overview_2025")


def test_the_kab_kota_view_shows_all_15_with_their_2024_p0_and_marks(app_url, chromium):
    page = new_page(chromium, height=2400)
    page.goto(f"{app_url}/lampung?year=2024")
    wait_rendered(page, "Kota Metro di antara 15 Kab/Kota Lampung, 2024")
    table = table_text(page)
    assert page.locator('[data-testid="stTable"]').first.locator("tbody tr").count() == 15
    for name, value in (("Kab. Mesuji", "6,31"), ("Kota Metro", "6,78"), ("Kab. Lampung Utara", "16,92")):
        assert name in table and value in table
    assert "Resmi (publikasi produsen)" in table and "Resmi, dikutip dari media" in table
    ranking = page.locator('[data-testid="stVegaLiteChart"]').nth(1)
    ranking.locator("svg").first.wait_for()
    labels = ranking.inner_text() + ranking.inner_html()
    assert "6,78% · BPS" in labels and "6,31% · media" in labels
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "peringkat 2 dari 15" in main and "Kab. Mesuji, 6,31%" in main
    screenshot(page, "figures_kabkota_2024")


def test_the_concept_view_sets_definitional_pairs_side_by_side_without_tolerance_flags(app_url, chromium):
    page = new_page(chromium, height=2400)
    page.goto(f"{app_url}/sinkronisasi-data?view=pairs")
    wait_rendered(page, "Stunting (survei) ↔ Stunting (e-PPGBM)")
    tables = page.locator('[data-testid="stTable"]')
    texts = [tables.nth(i).inner_text() for i in range(tables.count())]
    assert texts and not any("toleransi" in t.lower() or "⚠" in t for t in texts)
    stunting = next(t for t in texts if "Stunting (e-PPGBM)" in t)
    assert "9,91%" in stunting and "6,67%" in stunting and "19,7%" in stunting  # the published figures, not illustrative
    screenshot(page, "figures_concept_pairs")

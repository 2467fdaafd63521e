"""OPD data intake in a real browser, on a server of its own with its own store, intake and users:
an officer signs in, uploads the messy seed file of one OPD, fixes a name through a suggestion, loads
it, sees the new values and the reconciliation page, then rolls the batch back."""

import pytest

from browser_support import screenshot, wait_rendered

pytestmark = pytest.mark.browser
EXAMPLE = "data/intake_examples/e-PPGBM_Agustus_2025_Dinkes.csv"


def sign_in(page, password):
    page.get_by_label("Nama pengguna").fill("petugas.dinkes")
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    wait_rendered(page, "Masuk sebagai")


def test_an_officer_loads_a_messy_file_fixes_a_name_and_rolls_it_back(isolated_app, chromium):
    from metro_poverty import paths
    from conftest import OFFICER_PASSWORD as PASSWORD

    page = chromium.new_page(viewport={"width": 1280, "height": 1800})
    page.goto(f"{isolated_app}/unggah-data")
    wait_rendered(page, "Unggah Data OPD")
    sign_in(page, PASSWORD)

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(paths.ROOT / EXAMPLE))
    wait_rendered(page, "Kel. Tejo Agungg")
    screenshot(page, "intake_before_fix")
    load = page.get_by_role("button", name="Muat sebagai batch baru")
    assert load.is_disabled()  # the unknown kelurahan blocks the load
    page.locator('[data-testid="stCheckbox"]', has_text="ingat ejaan").first.click()
    wait_rendered(page, "Pratinjau: 22 baris")
    screenshot(page, "intake_preview")
    load.click()
    wait_rendered(page, "Data dimuat sebagai batch")

    page.goto(f"{isolated_app}/kesehatan?year=2025")
    wait_rendered(page, "Stunting (e-PPGBM), 2025")
    screenshot(page, "intake_new_values_on_dimension_page")
    page.goto(f"{isolated_app}/sinkronisasi-data")
    wait_rendered(page, "Sinkronisasi Data")
    assert "⚠ melebihi toleransi" in page.locator('[data-testid="stTable"]').first.inner_text()
    screenshot(page, "intake_reconciliation")

    page.goto(f"{isolated_app}/unggah-data")
    wait_rendered(page, "Riwayat batch")
    sign_in(page, PASSWORD)
    page.get_by_role("button", name="Batalkan batch").click()
    wait_rendered(page, "dasbor kembali ke data tanpa batch ini")
    page.goto(f"{isolated_app}/kesehatan?year=2025")
    wait_rendered(page, "Stunting (e-PPGBM), 2024")  # 2025 is gone again: the map falls back to 2024
    screenshot(page, "intake_after_rollback")

"""OPD data intake in a real browser, on a server of its own with its own store, intake and users:
an officer signs in, uploads the messy seed file of one OPD, fixes a name through a suggestion, loads
it, sees the new values and the reconciliation page, then rolls the batch back."""

import shutil

import pytest

from browser_support import app_server, screenshot, wait_rendered

pytestmark = pytest.mark.browser
EXAMPLE = "data/intake_examples/e-PPGBM_Agustus_2025_Dinkes.csv"
PASSWORD = "rahasia-dinkes-2026"


@pytest.fixture(scope="module")
def isolated_app(tmp_path_factory):
    from metro_poverty import paths
    from metro_poverty.intake.auth import add_user
    from metro_poverty.pipeline.build import Inputs, build

    root = tmp_path_factory.mktemp("intake_app")
    store = root / "store"
    boundaries = root / "boundaries"
    shutil.copytree(paths.BOUNDARIES_DIR, boundaries)
    build(Inputs(data_dir=paths.DATA_DIR, boundaries_dir=boundaries, store_dir=store))
    users = root / "users.toml"
    add_user("petugas.dinkes", PASSWORD, "opd", "Dinas Kesehatan", path=users)
    env = {"METRO_POVERTY_STORE_DIR": str(store), "METRO_POVERTY_INTAKE_DIR": str(store / "intake"),
           "METRO_POVERTY_USERS_FILE": str(users), "METRO_POVERTY_BOUNDARIES_DIR": str(boundaries)}
    with app_server(env=env) as base:
        yield base


def test_an_officer_loads_a_messy_file_fixes_a_name_and_rolls_it_back(isolated_app, chromium):
    from metro_poverty import paths

    page = chromium.new_page(viewport={"width": 1280, "height": 1800})
    page.goto(f"{isolated_app}/unggah-data")
    wait_rendered(page, "Unggah Data OPD")
    page.get_by_label("Nama pengguna").fill("petugas.dinkes")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_rendered(page, "Masuk sebagai")

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
    assert page.get_by_text("melebihi toleransi").first.is_visible()
    screenshot(page, "intake_reconciliation")

    page.goto(f"{isolated_app}/unggah-data")
    wait_rendered(page, "Riwayat batch")
    page.get_by_label("Nama pengguna").fill("petugas.dinkes")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_rendered(page, "Masuk sebagai")
    page.get_by_role("button", name="Batalkan batch").click()
    wait_rendered(page, "dasbor kembali ke data tanpa batch ini")
    page.goto(f"{isolated_app}/kesehatan?year=2025")
    wait_rendered(page, "Stunting (e-PPGBM), 2024")  # 2025 is gone again: the map falls back to 2024
    screenshot(page, "intake_after_rollback")

"""OPD data intake in a real browser, on a server of its own with its own store, intake and users:

- an officer uploads the messy seed file of one OPD, fixes a name through a suggestion, loads it, sees
  the new values and the reconciliation page, then rolls the batch back;
- a CSV with dotted thousands in quotes loads the right whole numbers (checked in the store's download);
- a rates-only kecamatan file loads after its columns are mapped on the page;
- a workbook with five bad rows shows all five in one report;
- small bomb workbooks are refused within the bounds, naming the limit, while another session is served."""

import csv
import io
import time

import pytest
from intake_bombs import many_cells, many_styles, merged

from browser_support import rerun_after, screenshot, sign_in_form, wait_rendered

pytestmark = pytest.mark.browser
EXAMPLE = "data/intake_examples/e-PPGBM_Agustus_2025_Dinkes.csv"
UPLOADER = '[data-testid="stFileUploader"] input[type="file"]'


# What the drop zone shows: the button's text (its own, Streamlit's English, is hidden) and whether Streamlit's
# line with its server's limit is shown (the label gives the intake's own limit, 10 MB)
DROP_ZONE_SAYS = """() => { const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
  const p = zone.querySelector('button p'); const line = zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"]');
  return {button: getComputedStyle(p, '::after').content, own: getComputedStyle(p).visibility, limit_line: !!line && line.checkVisibility()}; }"""


def sign_in(page, password, user="petugas.dinkes"):
    sign_in_form(page, user, password)


def officer_page(chromium, base, password, user="petugas.dinkes"):
    page = chromium.new_page(viewport={"width": 1280, "height": 1800})
    page.goto(f"{base}/unggah-data")
    wait_rendered(page, "Unggah Data OPD")
    sign_in(page, password, user)
    return page


def upload(page, name, data: bytes, mime="text/csv"):
    page.locator(UPLOADER).set_input_files(files=[{"name": name, "mimeType": mime, "buffer": data}])


def say_what_it_holds(page, real: bool):
    """The officer says what the file holds; the load button waits for it."""
    assert page.get_by_role("button", name="Muat sebagai unggahan baru").is_disabled()
    option = "Data OPD sebenarnya" if real else "Data contoh atau uji coba"
    rerun_after(page, page.locator('[data-testid="stRadio"] label', has_text=option).first.click)


def accept_warnings(page):
    """Tick every 'I have checked' box the report offers (each tick reruns the page)."""
    boxes = page.locator('[data-testid="stCheckbox"]', has_text="Saya sudah memeriksa")
    for i in range(boxes.count()):
        rerun_after(page, boxes.nth(i).click)


def stored_rows(page, base, origin_file):
    """The store's rows of one uploaded file, from the CSV the Sumber & Status Data page offers."""
    page.goto(f"{base}/sumber-data")
    wait_rendered(page, "Sumber & Status Data")
    with page.expect_download() as info:
        page.locator('[data-testid="stDownloadButton"]').first.locator("button").click()
    text = info.value.path().read_bytes().decode("utf-8-sig")  # the exporter writes a BOM for Excel
    return [r for r in csv.DictReader(io.StringIO(text, newline="")) if r["origin_file"] == origin_file]


def test_an_officer_loads_a_messy_file_fixes_a_name_and_rolls_it_back(isolated_app, chromium):
    from metro_poverty import paths
    from conftest import OFFICER_PASSWORD as PASSWORD

    page = officer_page(chromium, isolated_app, PASSWORD)
    page.locator('[data-testid="stFileUploaderDropzone"]').wait_for()  # drawn after the signed-in line (a CI run was faster than it)
    assert page.evaluate(DROP_ZONE_SAYS) == {"button": '"Pilih berkas"', "own": "hidden", "limit_line": False}  # not "Upload", "32MB per file"
    page.locator(UPLOADER).set_input_files(str(paths.ROOT / EXAMPLE))
    wait_rendered(page, "Kel. Tejo Agungg")
    screenshot(page, "intake_before_fix")
    load = page.get_by_role("button", name="Muat sebagai unggahan baru")
    assert load.is_disabled()  # the unknown kelurahan blocks the load
    page.locator('[data-testid="stCheckbox"]', has_text="ingat ejaan").first.click()
    wait_rendered(page, "Pratinjau: 22 baris")
    # the spelling taken stays on the page, and unticking it reads the file as written again
    confirmed = page.locator('[data-testid="stCheckbox"]', has_text="dibaca sebagai kelurahan Tejo Agung")
    confirmed.click()
    page.locator('[data-testid="stCheckbox"]', has_text="ingat ejaan").first.wait_for()
    assert load.is_disabled()
    page.locator('[data-testid="stCheckbox"]', has_text="ingat ejaan").first.click()
    wait_rendered(page, "Pratinjau: 22 baris")
    say_what_it_holds(page, real=False)  # the example file is made up
    screenshot(page, "intake_preview")
    load.click()
    wait_rendered(page, "Data dimuat sebagai unggahan")

    page.goto(f"{isolated_app}/kesehatan?year=2025")
    wait_rendered(page, "Stunting (e-PPGBM), 2025")
    screenshot(page, "intake_new_values_on_dimension_page")
    page.goto(f"{isolated_app}/sinkronisasi-data")
    wait_rendered(page, "Sinkronisasi Data")
    assert "⚠ berbeda; kesamaan konsepnya belum dipastikan" in page.locator('[data-testid="stTable"]').first.inner_text()
    screenshot(page, "intake_reconciliation")

    page.goto(f"{isolated_app}/unggah-data")
    wait_rendered(page, "Riwayat unggahan")
    sign_in(page, PASSWORD)
    page.get_by_role("button", name="Batalkan unggahan").click()
    wait_rendered(page, "tidak dapat diaktifkan lagi")  # asked first
    page.get_by_role("button", name="Ya, batalkan unggahan ini").click()
    wait_rendered(page, "dasbor kembali ke data tanpa unggahan ini")
    page.goto(f"{isolated_app}/kesehatan?year=2025")
    wait_rendered(page, "Stunting (e-PPGBM), 2024")  # 2025 is gone again: the map falls back to 2024
    screenshot(page, "intake_after_rollback")


def dotted_thousands() -> tuple[bytes, dict[str, tuple[int, int]]]:
    """The 2024 e-PPGBM counts doubled, as Excel writes a hand-typed sheet to 'CSV UTF-8': a BOM, commas
    between fields, every field in quotes, thousands with a dot ("1.518"), the prevalence with a point."""
    from metro_poverty import paths

    seed = list(csv.reader((paths.RAW_DIR / "dinkes" / "e-PPGBM_Agustus_2024.csv").read_text(encoding="utf-8").splitlines()))
    body = [r for r in seed[5:] if r and r[0].strip()]
    buf = io.StringIO()
    out = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    out.writerows([["LAPORAN e-PPGBM AGUSTUS 2025 (DIUKUR ULANG)"], [], ["Kelurahan", "Jumlah Balita Diukur", "Jumlah Balita Stunting",
                                                                         "Prevalensi (%)"]])
    expected = {}
    for r in body:
        measured, stunted = 2 * int(r[3]), 2 * int(r[4])
        expected[r[2]] = (measured, stunted)
        out.writerow([r[2], f"{measured:,}".replace(",", "."), str(stunted), f"{100 * stunted / measured:.2f}"])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"), expected


def test_dotted_thousands_in_quotes_load_as_the_right_whole_numbers(isolated_app, chromium):
    from conftest import OFFICER_PASSWORD as PASSWORD

    data, expected = dotted_thousands()
    assert b'"1.518"' in data
    page = officer_page(chromium, isolated_app, PASSWORD)
    upload(page, "eppgbm_titik_ribuan_2025.csv", data)
    wait_rendered(page, "Pratinjau: 22 baris")
    page.get_by_text("Cara berkas dibaca").click()
    wait_rendered(page, "«1.518» = 1518")  # the reading rule says how the column was read
    screenshot(page, "intake_dotted_thousands")
    accept_warnings(page)
    say_what_it_holds(page, real=False)  # doubled counts: made up
    page.get_by_role("button", name="Muat sebagai unggahan baru").click()
    wait_rendered(page, "Data dimuat sebagai unggahan")
    rows = stored_rows(page, isolated_app, "eppgbm_titik_ribuan_2025.csv")
    loaded = {r["region_name"]: (float(r["denominator"]), float(r["numerator"])) for r in rows if r["region_level"] == "kelurahan"}
    assert len(loaded) == 22 and loaded["Metro"] == expected["Kel. Metro"] == (1518, 56)
    assert sorted(loaded.values()) == sorted(expected.values())


RATES = b"""ANGKA PARTISIPASI SEKOLAH (APS) MENURUT KECAMATAN TAHUN 2025
Dinas Pendidikan Kota Metro

Kecamatan;APS 7-12 (%);APS 13-15 (%);APS 16-18 (%)
Metro Pusat;99,51;97,12;88,40
Metro Utara;99,20;96,80;86,10
Metro Barat;98,90;95,50;84,00
Metro Timur;99,70;97,90;90,20
Metro Selatan;98,10;94,00;81,30
Kota Metro;99,07;96,40;86,00
"""


def choose(page, label, option):
    """Pick an option of a selectbox as a person does: open it, type part of the option, click it."""
    page.get_by_label(label).click()
    page.keyboard.type(option[-12:])
    page.get_by_role("option", name=option, exact=True).click()


def test_a_rates_only_kecamatan_file_loads_after_its_columns_are_mapped_on_the_page_and_a_corrected_copy_keeps_them(isolated_app, chromium):
    from conftest import OFFICER_PASSWORD as PASSWORD

    page = officer_page(chromium, isolated_app, PASSWORD, "petugas.disdik")
    upload(page, "APS_kecamatan_2025.csv", RATES)
    wait_rendered(page, "arti kolom belum diketahui")
    assert page.get_by_role("button", name="Muat sebagai unggahan baru").is_disabled()
    for column, ages in (("APS 7-12 (%)", "7–12"), ("APS 13-15 (%)", "13–15"), ("APS 16-18 (%)", "16–18")):
        choose(page, f"{column}: indikator", f"Angka Partisipasi Sekolah {ages} tahun (pendataan Disdik) (aps_{ages.replace('–', '_')})")
        choose(page, f"{column}: peran", "nilai")
        choose(page, f"{column}: satuan", "%")
    screenshot(page, "intake_mapping")
    page.get_by_role("button", name="Terapkan arti kolom").click()
    wait_rendered(page, "Pratinjau: 15 baris")
    # the officer fixes a cell in Excel and uploads the file again: the columns keep the meaning just given them
    upload(page, "APS_kecamatan_2025.csv", RATES.replace(b"Metro Barat;98,90", b"Metro Barat;98,95"))
    wait_rendered(page, "Arti kolom diambil dari berkas sebelumnya")
    wait_rendered(page, "Pratinjau: 15 baris")
    assert not page.get_by_text("arti kolom belum diketahui").count()
    page.get_by_text("Cara berkas dibaca").click()
    wait_rendered(page, "datang sebagai angka persentase saja")
    screenshot(page, "intake_rates_preview")
    accept_warnings(page)
    say_what_it_holds(page, real=True)
    page.get_by_role("button", name="Muat sebagai unggahan baru").click()
    wait_rendered(page, "Data dimuat sebagai unggahan")
    rows = stored_rows(page, isolated_app, "APS_kecamatan_2025.csv")
    assert {(r["status"], r["source_id"]) for r in rows} == {("provisional", "opd_upload")}  # never the demo's illustrative source
    loaded = {(r["indicator_code"], r["region_name"]): float(r["value"]) for r in rows}
    assert len(loaded) == 15 and loaded[("aps_7_12", "Metro Pusat")] == 99.51 and loaded[("aps_16_18", "Metro Selatan")] == 81.3
    assert {r["region_level"] for r in rows} == {"kecamatan"} and all("not summed" in r["note"] for r in rows)


def test_a_workbook_with_five_bad_rows_shows_all_five_in_one_report(isolated_app, chromium):
    from conftest import OFFICER_PASSWORD as PASSWORD
    from test_intake_report import five_bad_rows

    page = officer_page(chromium, isolated_app, PASSWORD)
    upload(page, "eppgbm_2025_salah.xlsx", five_bad_rows(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    wait_rendered(page, "galat pada sel, di baris 5, 7, 9, 11, 13:")
    screenshot(page, "intake_five_bad_rows")
    assert page.get_by_role("button", name="Muat sebagai unggahan baru").is_disabled()


def test_a_title_and_a_file_name_naming_different_years_are_settled_by_the_officers_year(isolated_app, chromium):
    """'REKAP STUNTING TAHUN 2023' in rekap_2024.csv was read as 2023 with 'no problems': the page now asks."""
    from conftest import OFFICER_PASSWORD as PASSWORD
    from intake_support import csv_bytes, eppgbm_rows

    rows = [["REKAP STUNTING TAHUN 2023"] if r == ["LAPORAN HASIL PENGUKURAN e-PPGBM BULAN AGUSTUS 2025"] else r for r in eppgbm_rows()]
    page = officer_page(chromium, isolated_app, PASSWORD)
    upload(page, "rekap_2024.csv", csv_bytes(rows))
    wait_rendered(page, "judul berkas menyebut tahun 2023, nama berkas tahun 2024; pilih tahunnya")
    year = page.get_by_label("Tahun data")
    rerun_after(page, lambda: (year.fill("2024"), year.press("Enter")), "Pratinjau:")
    assert "belum pasti" not in page.locator('[data-testid="stMain"]').inner_text()
    screenshot(page, "intake_year_settled")


def test_a_workbook_of_two_tables_is_read_once_the_officer_picks_a_sheet(isolated_app, chromium):
    """The page said 'choose one' and offered nothing to choose with (a helper's review)."""
    from conftest import OFFICER_PASSWORD as PASSWORD
    from intake_support import eppgbm_rows, xlsx_bytes
    from test_intake_report import typed

    page = officer_page(chromium, isolated_app, PASSWORD)
    upload(page, "eppgbm_dua_tabel.xlsx", xlsx_bytes({"2024": typed(eppgbm_rows(2024)), "2025": typed(eppgbm_rows(2025))}),
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    wait_rendered(page, "pilih satu")
    choose(page, "Lembar", "2025")
    wait_rendered(page, "Pratinjau:")
    screenshot(page, "intake_two_sheets")
    assert "pilih satu" not in page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("bomb, limit", [(merged, "sel gabungan (merge) mencakup terlalu banyak sel (batas 500\u202f000)"),
                                         (many_cells, "berkas berisi terlalu banyak sel (batas 500\u202f000)"),
                                         (many_styles, "berkas memuat terlalu banyak format sel (batas 64\u202f000)")])
def test_a_bomb_workbook_is_refused_within_the_bounds_while_another_session_is_served(isolated_app, chromium, bomb, limit):
    from conftest import OFFICER_PASSWORD as PASSWORD

    page = officer_page(chromium, isolated_app, PASSWORD)
    other = chromium.new_page(viewport={"width": 1280, "height": 900})
    data = bomb()
    started = time.monotonic()
    upload(page, "rekap.xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    other.goto(f"{isolated_app}/")  # another visitor arrives while the upload is read
    wait_rendered(page, limit)
    assert time.monotonic() - started < 10
    wait_rendered(other, "Ringkasan")  # and is served in full
    screenshot(other, f"intake_other_session_during_{bomb.__name__}")
    assert page.get_by_role("button", name="Muat sebagai unggahan baru").is_disabled()
    screenshot(page, f"intake_bomb_{bomb.__name__}")
    other.close()
    page.close()

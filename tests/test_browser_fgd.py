"""The FGD room in a real browser, on a server of its own: a three-view agenda built from the pages and
presented at 1280×720, an agreement recorded and the session closed, the minutes downloaded; and a map
as PNG, a table in Excel and the city brief as PDF, each with its sources."""

import datetime
import io

import pytest

from browser_support import rerun_after, screenshot, sign_in_form, wait_rendered
from conftest import PLANNER_PASSWORD, SECRETARY_PASSWORD
from metro_poverty import timefmt

pytestmark = pytest.mark.browser


def go(page, nav_label, text):
    """Navigate as a person does, through the sidebar (the draft agenda lives in this browser session). The
    navigation's rerun is waited for: `text` may already be on the page before it (the sidebar's own label)."""
    rerun_after(page, page.locator('[data-testid="stSidebarNav"]').get_by_text(nav_label, exact=True).click, text)


def add_view(page):
    # the toast of the previous view added may still show the same words: the click's rerun is waited for
    rerun_after(page, page.get_by_role("button", name="Ke agenda").click, "Ditambahkan ke draf agenda")


def not_cut_off(page):
    """Nothing wider than the window (no horizontal scroll) and the slide's title fully inside it: the page's, or
    under an agenda's step bar the step's (a page leaves its own to the bar)."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    box = (page.locator("h1") if page.locator("h1").count() else page.locator(".st-key-present_bar")).first.bounding_box()
    return overflow <= 1 and box["x"] >= 0 and box["x"] + box["width"] <= 1280


def download(page, label):
    with page.expect_download() as info:
        page.locator('[data-testid="stDownloadButton"]', has_text=label).first.locator("button").click()
    wait_rendered(page, None)
    return info.value.path().read_bytes(), info.value.suggested_filename


def test_an_agenda_is_built_and_presented_at_projector_size(isolated_app, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{isolated_app}/")
    wait_rendered(page, "6,44%")
    add_view(page)
    go(page, "Kesehatan", "Stunting (e-PPGBM), 2024")
    page.locator('[data-testid="stVegaLiteChart"] path[aria-roledescription="geoshape"][aria-label*="Kelurahan: Rejomulyo"]').first.click()
    wait_rendered(page, "Peringkat 22 dari 22")
    add_view(page)
    go(page, "Konsep & Definisi", "Konsep & Definisi")
    rerun_after(page, page.get_by_role("button", name="Stunting (survei) ↔ Stunting (e-PPGBM)").click)
    add_view(page)
    go(page, "Agenda & Presentasi", "Draf agenda")
    sign_in_form(page, "perencana.bappeda", PLANNER_PASSWORD)  # saving needs a signed-in user; the draft stays
    page.get_by_label("Nama agenda").fill("FGD stunting 24 November")
    page.get_by_role("button", name="Simpan agenda").click()
    wait_rendered(page, "disimpan")
    page.get_by_role("button", name="Mulai presentasi").first.click()
    wait_rendered(page, "Langkah 1 dari 3")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    for step in (1, 2, 3):
        wait_rendered(page, f"Langkah {step} dari 3")
        assert not_cut_off(page), step
        screenshot(page, f"agenda_step_{step}_1280x720")
        if step == 1:
            page.get_by_role("button", name="Berikutnya").click()
        elif step == 2:
            page.keyboard.press("PageDown")  # a presenter's clicker: no mouse needed
    page.keyboard.press("PageUp")
    wait_rendered(page, "Langkah 2 dari 3")
    page.get_by_role("button", name="Keluar", exact=True).click()
    # the click's rerun, not the run before it: the URL loses present=1, then the sidebar comes back
    page.wait_for_url(lambda u: "present=1" not in u)
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible")
    assert page.locator('[data-testid="stSidebar"]').is_visible()


def test_an_agreement_is_recorded_the_session_closed_and_the_minutes_contain_it(isolated_app, chromium):
    import pypdf

    page = chromium.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(f"{isolated_app}/kesepakatan")
    wait_rendered(page, "Kesepakatan FGD")
    assert page.get_by_role("button", name="Buat sesi").count() == 0  # signed out: reading only
    sign_in_form(page, "sekretaris.fgd", SECRETARY_PASSWORD)
    page.get_by_role("textbox", name="Judul").fill("FGD Stunting Kota Metro")
    page.get_by_role("textbox", name="Peserta").fill("Ani — BPS Kota Metro\nBudi — Dinas Kesehatan")
    page.get_by_role("button", name="Buat sesi").click()
    wait_rendered(page, "Catat atau ubah kesepakatan")
    indicator = page.locator('[data-testid="stSelectbox"]', has_text="Indikator").locator("input")
    indicator.click()
    indicator.fill("penimbangan")
    indicator.press("Enter")
    page.wait_for_function("() => [...document.querySelectorAll('textarea')].some(t => t.value.includes('bulan penimbangan'))")
    wait_rendered(page, None)
    method = page.get_by_role("textbox", name="Metode yang disepakati")
    method.wait_for()  # the form of the indicator chosen, once the previous one is gone
    method.fill("Rasio balita stunting terhadap balita diukur, bulan timbang Agustus")
    method.press("Tab")  # a text area hands its value to the form when it loses focus
    page.get_by_role("button", name="Simpan kesepakatan").click()
    wait_rendered(page, "Kesepakatan (1)")
    page.get_by_role("button", name="Tutup sesi").click()
    wait_rendered(page, "Tutup dan kunci sesi")
    page.get_by_role("button", name="Ya, tutup sesi").click()
    wait_rendered(page, "Ditutup (terkunci)")
    assert page.get_by_role("button", name="Simpan kesepakatan").count() == 0
    markdown, _ = download(page, "Unduh berita acara (Markdown)")
    assert "bulan timbang Agustus" in markdown.decode("utf-8") and "FINAL" in markdown.decode("utf-8")
    pdf, name = download(page, "Unduh berita acara (PDF)")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert name.endswith(".pdf") and "bulan timbang Agustus" in text and "Budi" in text and "Dinas Kesehatan" in text  # attendance: name, institution
    assert "sekretaris.fgd" in text and "WIB" in text  # the signed-in recorder, the time in WIB
    screenshot(page, "agreements_closed")


class Actions:
    """A person's actions, counted: a click, a text typed into a field, a key pressed, an address opened."""

    def __init__(self, page):
        self.page, self.log = page, []

    def _count(self, what):
        self.log.append(what)

    def open(self, url, text):
        self._count(f"open {url}")
        self.page.goto(url)
        wait_rendered(self.page, text)

    def click(self, locator, what, then=None):
        self._count(f"click {what}")
        rerun_after(self.page, locator.click, then)  # every click counted here reruns; `then` may show before it

    def type(self, locator, text, what):
        self._count(f"type {what}")
        locator.fill(text)

    def type_keys(self, locator, keys, what):
        """Typing into a field that takes keys, not text (a date field's segments)."""
        self._count(f"type {what}")
        locator.press_sequentially(keys)

    def download(self, label):
        self._count(f"download {label}")
        data, name = download(self.page, label)
        return data, name


def test_a_first_time_fgd_flow_takes_at_most_20_actions(isolated_app, chromium):
    """Three views, presented, one agreement with a follow-up, the session closed, the minutes as PDF and DOCX:
    counted from the open app, every click and every field typed into; no dead end (each action's result is
    waited for by what it must show)."""
    import docx
    import pypdf

    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{isolated_app}/")
    wait_rendered(page, "6,44%")
    act = Actions(page)
    button = lambda name: page.get_by_role("button", name=name, exact=True)  # noqa: E731
    nav = lambda label: page.locator('[data-testid="stSidebarNav"]').get_by_text(label, exact=True)  # noqa: E731

    act.click(button("Ke agenda"), "Ke agenda (Ringkasan)", "Ditambahkan ke draf agenda (1")
    act.click(nav("Pendidikan"), "Pendidikan", "Pendidikan")
    act.click(button("Ke agenda"), "Ke agenda (Pendidikan)", "Ditambahkan ke draf agenda (2")
    act.click(nav("Kesehatan"), "Kesehatan", "Stunting (e-PPGBM), 2024")
    act.click(button("Ke agenda"), "Ke agenda (Kesehatan)", "Ditambahkan ke draf agenda (3")
    act.click(button("Presentasikan draf (3)"), "Presentasikan draf", "Langkah 1 dari 3")
    screenshot(page, "flow_step_1_1280x720")
    cut = page.evaluate("""() => [...document.querySelectorAll('.st-key-present_bar button')]
        .filter(b => [...b.querySelectorAll('[data-testid="stMarkdownContainer"], p')].some(e => e.scrollWidth > e.clientWidth + 1))
        .map(b => b.innerText)""")
    assert cut == []  # every button of the step bar reads whole at 1280 (no 'Sebelu…')
    act.click(button("Berikutnya"), "Berikutnya", "Langkah 2 dari 3")
    act.click(button("Berikutnya"), "Berikutnya", "Langkah 3 dari 3")
    screenshot(page, "flow_step_3_1280x720")
    act.click(button("Catat kesepakatan"), "Catat kesepakatan", "Kesepakatan FGD")
    act.type(page.get_by_label("Nama pengguna"), "sekretaris.fgd", "nama pengguna")
    act.type(page.get_by_label("Kata sandi"), SECRETARY_PASSWORD, "kata sandi")
    act.click(page.locator('[data-testid="stFormSubmitButton"] button', has_text="Masuk"), "Masuk", "Masuk sebagai")
    act.click(page.locator('[data-testid="stFormSubmitButton"] button', has_text="Buat sesi"), "Buat sesi", "Catat atau ubah kesepakatan")
    screenshot(page, "flow_new_session_1280x720")
    # the slide's indicator is chosen and its producer owns the first follow-up
    assert "bulan penimbangan" in page.get_by_role("textbox", name="Definisi yang disepakati").input_value()  # e-PPGBM's
    assert page.get_by_role("textbox", name="Penanggung jawab").first.input_value() == "Dinas Kesehatan"
    act.type(page.get_by_role("textbox", name="Tindak lanjut").first, "Kirim rekap e-PPGBM Agustus 2026", "tindak lanjut")
    # the due date typed into the date field (day, month, year segments: the digits move through them)
    due = timefmt.today() + datetime.timedelta(days=14)
    act.type_keys(page.get_by_role("spinbutton", name="day, Tenggat").first, f"{due:%d%m%Y}", "tenggat")
    act.click(button("Simpan kesepakatan"), "Simpan kesepakatan", "Kesepakatan (1)")
    act.click(button("Tutup sesi"), "Tutup sesi", "Tutup dan kunci sesi")
    act.click(button("Ya, tutup sesi"), "Ya, tutup sesi", "Ditutup (terkunci)")
    screenshot(page, "flow_closed_1280x720")
    pdf, pdf_name = act.download("Unduh berita acara (PDF)")  # the minutes: the flow ends here
    assert len(act.log) <= 20, act.log
    word, word_name = download(page, "Unduh berita acara (Word)")  # the same minutes for editing, not counted
    assert pdf_name.endswith(".pdf") and word_name.endswith(".docx")
    pdf_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    book = docx.Document(io.BytesIO(word))
    word_text = "\n".join([p.text for p in book.paragraphs] + [c.text for t in book.tables for r in t.rows for c in r.cells])
    for text in (pdf_text, word_text):
        for expected in ("BERITA ACARA FOCUS GROUP DISCUSSION", "FGD Indikator Kemiskinan Kota Metro",
                         "Prevalensi Stunting (penimbangan e-PPGBM)",  # the agreement
                         "Kirim rekap e-PPGBM Agustus 2026", "Dinas Kesehatan", timefmt.day_month_year(due),  # the follow-up
                         "Kepala BPS Kota Metro", "Nama Kepala BPS", "Kepala Bappeda Kota Metro"):  # the signature block
            assert expected in text, (expected, text[:3000])


def test_a_map_png_a_table_in_excel_and_the_city_brief_pdf_carry_their_sources(isolated_app, chromium):
    import openpyxl
    import pypdf
    from PIL import Image

    page = chromium.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(f"{isolated_app}/kesehatan")
    wait_rendered(page, "Stunting (e-PPGBM), 2024")
    png, _ = download(page, "PNG")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (1600, 900)

    page.goto(f"{isolated_app}/kesehatan?view=table")
    wait_rendered(page, "Data yang ditampilkan")
    xlsx, name = download(page, "Excel")
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert name.endswith(".xlsx") and len(book.sheetnames) == 2
    metadata = " ".join(str(c.value) for row in book[book.sheetnames[1]].iter_rows() for c in row if c.value)
    assert "Dinas Kesehatan" in metadata and "ILUSTRASI" in metadata.upper()

    page.goto(f"{isolated_app}/?year=2024")
    wait_rendered(page, "6,78%")
    rerun_after(page, page.get_by_text("Sertakan peta kelurahan (data ilustrasi)").click)  # the maps are illustrative: only on request
    pdf, _ = download(page, "Unduh Potret Kemiskinan Kota Metro 2024 (PDF)")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)  # the maps on a second page
    assert "6,78" in text and "metrokota.bps.go.id" in text and "ILUSTRASI" in text

"""Records in a real browser, on a server of its own.

SIGNED OUT: every page opens and reads, a scenario and an agenda step open from their shared links,
and no page offers a write (no new session, no agreement form, no close, no save, no upload).

USER TEXT IS TEXT: Markdown and HTML payloads, each pointing at a counting server on loopback, go
through every field a person types: the session's title, place and attendees, the agreement's five
texts (through the forms, as an FGD secretary), follow-ups and agenda steps (data-editor cells, written
through the same functions the forms call), agenda and scenario names. Every page that shows them
(agreements with the minutes preview, the catalogue card, the agenda list, the presentation bar, the
scenario comparison) shows each payload exactly as typed, no element points at the counting server,
and the counting server receives no request."""

import http.server
import socket
import sqlite3
import threading

import pytest

from browser_support import each_page_by_its_link, screenshot, sign_in_form, wait_rendered
from metro_poverty.markdown_text import JOINER
from conftest import PLANNER_PASSWORD, SECRETARY_PASSWORD

pytestmark = pytest.mark.browser

WRITES = ["Buat sesi", "Simpan kesepakatan", "Tutup sesi", "Simpan agenda", "Simpan skenario ini", "Muat sebagai unggahan baru", "Arsipkan"]


def test_a_signed_out_browser_reads_every_page_and_reaches_no_write(isolated_app, chromium):
    from metro_poverty.ui import pages

    page = chromium.new_page(viewport={"width": 1280, "height": 1400})
    for path in each_page_by_its_link(page, isolated_app, [p.url_path for p in pages.PAGES]):  # clicking through the sidebar
        page.locator("h1").first.wait_for()
        assert page.locator('[data-testid="stException"]').count() == 0, path
        for label in WRITES:
            assert page.get_by_role("button", name=label).count() == 0, (path, label)
        assert page.locator('[data-testid="stFileUploader"]').count() == 0, path
    page.goto(f"{isolated_app}/simulasi?transfer=300000&deciles=1,2")  # a shared scenario
    wait_rendered(page, "Hasil model untuk Kota Metro")
    assert page.get_by_label("Bantuan tunai (Rp per bulan)").input_value() in ("300000", "300.000", "300,000")


class Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        Counter.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def counting_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{port}"
    server.shutdown()


def payloads(host: str) -> list[str]:
    """One line each (a browser shows a run of spaces as one): Markdown, HTML, autolinks, Streamlit's own marks."""
    return [f"![pwn1](http://{host}/pwn1.png)", f"[Klik untuk masuk ulang](http://{host}/pwn2)",
            f'<img src="http://{host}/pwn3.png" onerror="alert(3)">', f'<a href="http://{host}/pwn4">pwn4</a>',
            f"http://{host}/pwn5", f"<http://{host}/pwn6>", "**pwn7** _pwn7_ ~~pwn7~~ `pwn7`", "# pwn8",
            ":red[pwn9] :material/home: $pwn^9$", f"<script>fetch('http://{host}/pwn10')</script>",
            f'=HYPERLINK("http://{host}/pwn11","pwn11")', f'<iframe src="http://{host}/pwn12"></iframe>', "www.pwn13.example"]


def _positions(body: str, part: str) -> list[int]:
    found, i = [], body.find(part)
    while i >= 0 and len(found) < 5:
        found.append(i)
        i = body.find(part, i + 1)
    return found


def expand_all(page):
    for summary in page.locator('[data-testid="stExpander"] summary').all():
        if summary.get_attribute("aria-expanded") != "true":
            summary.click()
    wait_rendered(page, None)


def shown_as_typed(page, texts: list[str], host: str, where: str) -> None:
    body = page.locator('[data-testid="stMain"]').inner_text().replace(JOINER, "")  # invisible, so not a change to what is read
    missing = [x for x in texts if x not in body]
    near = [body[max(0, i - 30):i + 40] for x in missing for i in _positions(body, x.split()[0][1:6] or x)]
    assert missing == [], (where, missing, near)
    for selector in (f'[href*="{host}"]', f'[src*="{host}"]', "main img[src*='pwn']", "main iframe", "main script"):
        found = page.locator(selector)
        assert found.count() == 0, (where, selector, [found.nth(i).evaluate("e => e.outerHTML.slice(0, 300)") for i in range(min(3, found.count()))])


def test_every_typed_field_is_shown_as_text_and_fetches_nothing(isolated_app, chromium, counting_server):
    from metro_poverty.fgd import agendas, sessions
    from metro_poverty.intake.auth import User

    host = counting_server
    corpus = payloads(host)
    requests: list[str] = []
    page = chromium.new_page(viewport={"width": 1280, "height": 1800})
    page.on("request", lambda r: requests.append(r.url) if host in r.url else None)

    # the session and its agreement through the forms, as the FGD secretary
    page.goto(f"{isolated_app}/kesepakatan")
    wait_rendered(page, "Kesepakatan FGD")
    sign_in_form(page, "sekretaris.fgd", SECRETARY_PASSWORD)
    page.get_by_role("textbox", name="Judul").fill(corpus[0])
    page.get_by_role("textbox", name="Tempat").fill(corpus[1])
    page.get_by_role("textbox", name="Peserta").fill("\n".join(corpus[2:5]))
    page.get_by_role("button", name="Buat sesi").click()
    wait_rendered(page, "Catat atau ubah kesepakatan")
    for label, text in zip(["Definisi yang disepakati", "Metode yang disepakati", "Sumber rujukan", "Produsen data penanggung jawab",
                            "Isu yang masih terbuka"], corpus[5:10]):
        box = page.get_by_role("textbox", name=label)
        box.fill(text)
        box.press("Tab")
    page.get_by_role("button", name="Simpan kesepakatan").click()
    wait_rendered(page, "Kesepakatan (1)")

    # data-editor cells and names, through the functions the forms call, into the same records file
    session = next(s for s in sessions_in(isolated_app) if s["title"] == corpus[0])
    agreement = session["agreements"][0]
    secretary, planner = User("sekretaris.fgd", "fgd_secretary"), User("perencana.bappeda", "planner")
    with records_of(isolated_app):
        sessions.record(session["id"], {"indicator": agreement["indicator"], **{f: agreement[f] for f in sessions.CONTENT}},
                        [{"action": corpus[10], "owner": corpus[11], "due": "2026-12-01"}], secretary, agreement_id=agreement["id"])
        agenda = agendas.save(corpus[12], [{"path": "", "params": {}, "title": corpus[0], "note": corpus[1]},
                                           {"path": "kesehatan", "params": {}, "title": corpus[6], "note": corpus[7]}], planner)

    page.goto(f"{isolated_app}/kesepakatan?session={session['id']}")
    wait_rendered(page, "Kesepakatan (1)")
    expand_all(page)
    shown_as_typed(page, corpus[:12], host, "agreements and minutes preview")
    screenshot(page, "payloads_agreements")

    page.goto(f"{isolated_app}/konsep-definisi?q={agreement['indicator']}")
    wait_rendered(page, "Kesepakatan terakhir")
    shown_as_typed(page, [corpus[0], corpus[5]], host, "catalogue card")

    page.goto(f"{isolated_app}/agenda")
    wait_rendered(page, "Agenda tersimpan")
    shown_as_typed(page, [corpus[12], corpus[0], corpus[6]], host, "agenda list")

    page.goto(f"{isolated_app}/?present=1&agenda={agenda['id']}&step=0")
    wait_rendered(page, "Langkah 1 dari 2")
    shown_as_typed(page, [corpus[0], corpus[1]], host, "presentation bar")
    screenshot(page, "payloads_presentation")

    # a scenario named with a payload, through the save form, as a planner; compared by a signed-out browser
    page.goto(f"{isolated_app}/simulasi?transfer=100000")
    wait_rendered(page, "Hasil model untuk Kota Metro")
    sign_in_form(page, "perencana.bappeda", PLANNER_PASSWORD)
    page.get_by_label("Nama skenario").fill(corpus[3])
    page.get_by_role("button", name="Simpan skenario ini").click()
    wait_rendered(page, "disimpan")
    shown_as_typed(page, [corpus[3]], host, "scenario saved message")
    other = chromium.fresh_page({"width": 1280, "height": 2400})  # another person's browser, signed out
    other.on("request", lambda r: requests.append(r.url) if host in r.url else None)
    other.goto(f"{isolated_app}/simulasi")
    wait_rendered(other, "Hasil model untuk Kota Metro")
    picker = other.locator('[data-testid="stMultiSelect"]', has_text="Pilih dua atau lebih skenario")
    picker.locator("input").click()
    other.keyboard.press("ArrowDown")  # opens the list of choices
    option = other.locator('[role="option"]').first
    option.wait_for()
    assert corpus[3] in option.inner_text(), option.inner_text()  # the name as typed, in the list of choices
    screenshot(other, "payloads_scenario_picker")
    assert other.locator(f'[href*="{host}"]').count() == 0

    assert requests == [] and Counter.hits == []


def sessions_in(base_url: str) -> list[dict]:
    from metro_poverty.fgd import sessions

    with records_of(base_url):
        return sessions.list_sessions()


class records_of:
    """The isolated app's records file as the default for the functions called inside (same file, same code)."""

    def __init__(self, base_url: str):
        from conftest import isolated_records

        self.path = isolated_records(base_url)

    def __enter__(self):
        import os

        from metro_poverty.records import database

        self.before = os.environ.get("METRO_POVERTY_RECORDS_DB")
        os.environ["METRO_POVERTY_RECORDS_DB"] = str(self.path)
        database.forget_checks()
        return self

    def __exit__(self, *exc):
        import os

        if self.before is None:
            os.environ.pop("METRO_POVERTY_RECORDS_DB", None)
        else:
            os.environ["METRO_POVERTY_RECORDS_DB"] = self.before
        return False


def test_the_records_file_is_sqlite_and_holds_what_the_browser_wrote(isolated_app):
    from conftest import isolated_records

    with sqlite3.connect(isolated_records(isolated_app)) as con:
        assert con.execute("pragma user_version").fetchone()[0] >= 1

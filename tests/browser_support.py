"""Start the app on a free port and drive Debian's chromium with Playwright (never a downloaded browser).

Used by the browser tests and by bench/. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(env: dict | None = None, timeout: float = 30.0, port: int | None = None, options: list[str] | None = None):
    """A fresh `streamlit run serve.py` (as `make run` starts it) on a free port (or `port`); yields its base
    URL. `options`: more `--section.option value` arguments (e.g. a secrets file)."""
    with app_process(env, timeout, args=tuple(options or ()), port=port) as (base, _):
        yield base


@contextlib.contextmanager
def app_process(env: dict | None = None, timeout: float = 30.0, args: tuple[str, ...] = (), log=None,
                port: int | None = None):
    """As app_server, with extra `streamlit run` options; yields (base URL, the server's Popen).

    The server's output goes to `log` (an open file), else to a file of its own (`server_log(base)` reads its end):
    never to a pipe that nobody reads, where a server that writes 64 KiB blocks on its next line."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false", *args]
    base = f"http://127.0.0.1:{port}"
    with contextlib.ExitStack() as stack:
        if log is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="streamlit-log-")))
            log = stack.enter_context((folder / "server.log").open("w", encoding="utf-8"))
        _LOGS[base] = Path(log.name)
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_http(f"{base}/_stcore/health", timeout)
            yield base, proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
            _LOGS.pop(base, None)


_LOGS: dict[str, Path] = {}


def server_log(url: str, lines: int = 40) -> str:
    """The last lines the app server serving `url` wrote (for a failed test's evidence), or '' for another URL."""
    path = next((p for base, p in _LOGS.items() if url.startswith(base)), None)
    if path is None or not path.is_file():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def wait_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout} s")
        time.sleep(0.1)


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def profile_context(browser):
    """A browser context with a profile on disk (a folder in TMPDIR, removed at the end), as a person's own
    browser has: Chrome keeps the scripts it has compiled (V8's code cache) and its HTTP cache there, which a
    context without a profile does not. 11 page loads took 30 s of the machine's CPU against 41 s in a context
    without a profile (median of 3 interleaved runs on the 2-core machine; Streamlit's script time per load
    0.80 s against 0.95 s)."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        context = browser.browser_type.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield context
        finally:
            context.close()


class SharedContextBrowser:
    """A browser whose new_page() opens pages in one shared context, as tabs of one browser: Streamlit's
    bundle is fetched once, not for every page (0.3-0.5 s less per page in one measurement on the 2-core machine),
    and, when the context has a profile (profile_context), compiled once.
    Each page is still a session of its own (its own websocket and session state); a test whose story is
    another person's browser (a shared link opened by a colleague, cookies, a sign-in at a provider) asks for
    fresh_page() or new_context(). close_opened() closes what
    was opened since the last call: a page left open would keep reconnecting to a server that has stopped."""

    def __init__(self, browser, context=None):
        self._browser = browser
        self._context = context or browser.new_context()
        self._opened: list = []

    def new_page(self, viewport: dict | None = None):
        page = self._context.new_page()
        if viewport:
            page.set_viewport_size(viewport)
        self._opened.append(page)
        return page

    def fresh_page(self, viewport: dict | None = None):
        """A page in a browser context of its own, as on another person's machine: nothing cached, no cookie,
        no storage shared (a shared link opened by a colleague, a signed-out visitor)."""
        return self.new_context(viewport=viewport).new_page()

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        self._opened.append(context)
        return context

    def close_opened(self) -> None:
        while self._opened:
            self._opened.pop().close()

    def keep_evidence(self, name: str) -> list[tuple[Path, str]]:
        """After a failed test: a screenshot (what the window shows) and the main area's text of every page it left
        open, in artifacts/screenshots/failed/, so a failure seen once (a flaky run in CI) shows what the page held.
        Returns each screenshot's path with the text of the page's main area and the last lines its app server wrote."""
        pages = []
        for opened in self._opened:
            pages.extend(opened.pages if hasattr(opened, "pages") else [opened])
        folder = SCREENSHOTS / "failed"
        folder.mkdir(parents=True, exist_ok=True)
        kept = []
        for i, page in enumerate(p for p in pages if not p.is_closed()):
            stem = folder / f"{name}-{i}"
            try:
                page.screenshot(path=f"{stem}.png", full_page=True, timeout=10_000)
                main = page.locator('[data-testid="stMain"]')
                text = f"{page.url}\n\n{(main if main.count() else page.locator('body')).inner_text(timeout=10_000)}"
            except Exception as exc:  # noqa: BLE001 - evidence is best effort; the test has already failed
                text = f"{page.url}\n\nno evidence: {exc}"
            log = server_log(page.url)
            stem.with_suffix(".txt").write_text(f"{text}\n\nthe app server's last lines:\n{log}", encoding="utf-8")
            kept.append((stem.with_suffix(".png"), text, log))
        return kept


# Checked by the page every POLL_MS. Playwright's waits for a selector or a locator retry at growing intervals
# (up to half a second apart), so a page drawn just after a retry was seen up to 0.5 s late, on every page load
# of every browser test. Not on every animation frame: reading a long page's text 60 times a second would take
# the renderer's time from drawing it. The text is matched as get_by_text(text) matches: anywhere in what is
# shown, case and runs of spaces ignored.
POLL_MS = 50
RENDERED = """(text) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (text === null) return true;
  const norm = s => s.replace(/[\\s\\u200b]+/g, ' ').trim().toLowerCase();
  return norm(document.body.innerText).includes(norm(text));
}"""


def wait_rendered(page, text: str | None = None, timeout: float = 20_000) -> None:
    """Wait until the script has finished, no skeleton is left and, when given, `text` is shown."""
    page.wait_for_function(RENDERED, arg=text, timeout=timeout, polling=POLL_MS)


# Counts changes of the app's script state from now on (running, then not running: two per rerun).
WATCH_RERUNS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (window.__rerunWatch) window.__rerunWatch.disconnect();
  window.__stateChanges = 0;
  window.__watchStart = performance.now();
  window.__rerunWatch = new MutationObserver(records => { window.__stateChanges += records.length; });
  window.__rerunWatch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


QUIET_MS = 2000  # see rerun_after


def rerun_after(page, action, text: str | None = None, timeout: float = 20_000) -> None:
    """Do `action` (a click, a key) that reruns the page, and wait until that rerun has ended. wait_rendered alone
    can return before the rerun has even started (the state is still "not running" from the last one), and the
    next step then acts on elements the rerun replaces: a download button whose file the rerun removes gives
    no download at all (seen once under load in the brief's download)."""
    page.evaluate(WATCH_RERUNS)
    action()
    # a rerun so quick that the page never rendered it as running leaves no change at all (seen once, in a
    # fresh-clone run, after a cheap checkbox rerun): with none after QUIET_MS the page at rest is taken as rerun
    page.wait_for_function("() => window.__stateChanges >= 2 || (window.__stateChanges === 0 && "
                           f"performance.now() - window.__watchStart > {QUIET_MS})", timeout=timeout)
    wait_rendered(page, text, timeout)


def each_page_by_its_link(page, base: str, url_paths: list[str], query: str = ""):
    """Open the first page by its address (with `query`), then each other one by its link in the sidebar, as a
    visitor clicks through; yields each url_path once its page is drawn. One page load in all: a click took
    0.1-1.2 s where a new load took 1-2 s of the renderer's time on the 2-core machine (and the browser tests
    are the suite's longest tier)."""
    first, *rest = url_paths
    page.goto(f"{base}/{first}" + (f"?{query}" if query else ""))
    wait_rendered(page)
    yield first
    for path in rest:
        follow_sidebar_link(page, base, path)
        yield path


# A fold (st.expander) opens in steps: the <details> opens and its height is animated at once, and the content
# loses its `inert` attribute when React next renders. Settled: open, content not inert, no animation running.
FOLD_SETTLED = """summary => { const details = summary.closest('details');
  const content = details && details.querySelector('[data-testid="stExpanderDetails"]');
  return !!content && details.open && !content.hasAttribute('inert') && details.getAnimations({subtree: true}).length === 0; }"""


def open_fold(page, summary) -> None:
    """Click a fold's summary (a locator) and wait until the fold has settled open: a control clicked inside a
    fold still opening was twice seen to send nothing to the server in fresh-clone runs (the sign-in button)."""
    summary.click()
    page.wait_for_function(FOLD_SETTLED, arg=summary.element_handle(), polling=POLL_MS)


def follow_sidebar_link(page, base: str, path: str) -> None:
    """Click the sidebar's link to the page at url_path `path` and wait until that page is drawn."""
    rerun_after(page, page.locator(f'[data-testid="stSidebarNavLink"][href="{base}/{path}"]').click)
    page.wait_for_function("path => location.pathname === path", arg=f"/{path}", polling=POLL_MS)
    wait_rendered(page)


def switch_view(page, label: str, view: str) -> None:
    """Click `label` on the page's view control (key "view") and wait until the rerun is drawn and the address
    holds view=`view`."""
    rerun_after(page, page.locator(".st-key-view").get_by_text(label, exact=True).click)
    page.wait_for_url(re.compile(rf"[?&]view={view}(&|$)"))


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


SIGNED_IN = re.compile(r"^(Masuk sebagai|Signed in as) ")  # the line a signed-in page shows, case and start matched


def sign_in_form(page, username: str, password: str) -> None:
    """Sign in through the page's sign-in panel (opened first when it is folded), and wait for the rerun the
    submit starts and for the signed-in line. A plain wait for the text 'Masuk sebagai' matched the sign-in
    hint above the form ('... perlu masuk sebagai sekretaris FGD', matching ignores case) and returned at
    once, so the next step could look for the session form before the sign-in had run (the FGD tests' flake)."""
    field = page.get_by_label("Nama pengguna")
    if not field.is_visible():
        open_fold(page, page.locator('[data-testid="stExpander"] summary', has_text="Masuk").first)
    secret = page.get_by_label("Kata sandi")
    submit = page.locator('[data-testid="stFormSubmitButton"] button', has_text="Masuk")
    for attempt in (1, 2):
        field.fill(username)
        secret.fill(password)
        page.wait_for_function("([a, b]) => a.value === b", arg=[secret.element_handle(), password])
        rerun_after(page, submit.click)
        signed_in = page.get_by_text(SIGNED_IN).first
        try:
            signed_in.wait_for(timeout=20_000 if attempt == 1 else 40_000)
            return
        except PlaywrightTimeout:
            # Under a loaded CI machine the submit was once lost: the form still showed, unchanged, no
            # message, no sign-in (the records test's flake). Only then is it submitted again, once; a refused
            # sign-in shows an error, and that fails here at once.
            refused = page.locator('[data-testid="stAlert"]').filter(has_text=re.compile("salah|Wrong|tunggu|wait|kunci|lock", re.I))
            if attempt == 2 or refused.count() or not field.is_visible():
                raise

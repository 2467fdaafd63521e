"""Benchmark of a room full of people (issue 12, item 8): a shared agenda URL opened by many fresh browsers,
served by Streamlit alone and behind nginx (deploy/nginx/metro-poverty.conf, the very file), with the deployment's
`streamlit run` options (metro_poverty.proxy.SERVER_FLAGS, also in .streamlit/config.toml) and with Streamlit's own.

Not a test: prints Markdown tables and writes artifacts/bench_crowd.md.
Run: .venv/bin/python bench/bench_crowd.py [--quick]   (or `make bench` for every benchmark)

Each setup gets a fresh server. Once serve.py's warm-up is over, one browser opens the URL (the facilitator
building the agenda: the view's caches are filled); then:
- server CPU per view: utime+stime (waited-for children included) of every server process -- streamlit,
  nginx's master and workers -- from /proc/<pid>/stat, around one fresh browser context opening the URL,
  waiting for it to render and closing it (fresh: empty HTTP cache; cached: a second page in that context);
- the server's own time to serve 10 and 30 sessions at once: protocol clients fetch what the browser
  fetched (the page, every bundle file, the health and host-config calls; 6 connections each, same
  Accept-Encoding), open the websocket, send the browser's own first rerun request and wait for the
  script-finished message -- no renderer competes with the server for the 2 cores;
- real browsers: 10 and 30 fresh contexts in one chromium opening the URL at the same moment, and 30 within
  a minute (the issue's room); time to first render measured inside each page from its own start (the
  driver's round trips to a busy browser do not count), errors and URLs checked.
Server CPU from /proc excludes the clients; the browsers' times include their own drawing on the same
machine and are indicative; the load average is recorded with every measurement.
"""

from __future__ import annotations

import argparse
import ast
import http.client
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from common import ARTIFACTS, ROOT, machine, write_report  # noqa: E402

# An agenda step as shared with the room: a sub-page in presentation mode, a non-default indicator (so the
# URL stays exactly as sent; the app writes only non-default values back).
ENTRY = "/kesehatan?ind=imm_complete&present=1"
CONTENT = "Imunisasi"  # drawn by the script run (the indicator picker), never by the page shell
VIEWPORT = {"width": 1280, "height": 720}
CROWD_TIMEOUT_S = 120.0  # a protocol session not served within two minutes has failed
GIVE_UP_S = 240.0  # a browser that has not drawn the page after four minutes never will (a broken session)
SETTLE_S = 0.5  # after a view's page is closed, for the server to finish with the session
CLK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Setup:
    name: str
    proxy: bool
    flags: tuple[str, ...] = ()
    browser_crowds: bool = True  # the crowds of real browsers take minutes: only for the setups compared


def setups():
    from metro_poverty.proxy import SERVER_FLAGS, STREAMLIT_DEFAULTS

    return [Setup("Streamlit alone, Streamlit's default options", False, STREAMLIT_DEFAULTS),
            Setup("Streamlit alone, deployment options (`make run`)", False, SERVER_FLAGS, browser_crowds=False),
            Setup("nginx in front, Streamlit's default options", True, STREAMLIT_DEFAULTS, browser_crowds=False),
            Setup("nginx in front, deployment options (the README's deployment)", True, SERVER_FLAGS)]


# --- server processes, from /proc ------------------------------------------------------------------------------

def _proc_stats() -> dict[int, list[str]]:
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                out[int(d)] = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                pass
    return out


def server_cpu(roots: list[int]) -> float:
    """CPU seconds (user + system, waited-for children included) of the processes `roots` and their descendants."""
    stats = _proc_stats()
    children: dict[int, list[int]] = {}
    for pid, f in stats.items():
        children.setdefault(int(f[1]), []).append(pid)
    total, stack = 0, list(roots)
    while stack:
        pid = stack.pop()
        if pid in stats:
            total += sum(int(x) for x in stats[pid][11:15])  # utime, stime, cutime, cstime
            stack += children.get(pid, [])
    return total / CLK


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def wait_idle(roots: list[int], after_s: float, timeout: float = 120.0, window: float = 1.0, quiet: float = 0.05) -> None:
    """Until `after_s` has passed and the servers used less than `quiet` CPU seconds in a `window`."""
    start = time.monotonic()
    while True:
        c0 = server_cpu(roots)
        time.sleep(window)
        if time.monotonic() - start >= after_s and server_cpu(roots) - c0 < quiet:
            return
        if time.monotonic() - start > timeout:
            return  # measured anyway; the idle rate is in the report


def warm_up_seconds() -> float:
    """serve.py warms the Overview, sleeps DIMENSIONS_AFTER_S, then warms each dimension page: wait past it."""
    tree = ast.parse((ROOT / "serve.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "DIMENSIONS_AFTER_S":
            return float(ast.literal_eval(node.value)) + 2
    return 10.0


class Servers:
    """Streamlit (serve.py), and nginx in front of it for a proxy setup; `url` is what a browser opens."""

    def __init__(self, setup: Setup, frontend: Path, workdir: Path):
        self.setup, self.frontend, self.workdir = setup, frontend, workdir

    def __enter__(self):
        from contextlib import ExitStack

        from browser_support import app_process, free_port, wait_http
        from metro_poverty import proxy

        with ExitStack() as stack:
            log = stack.enter_context(open(self.workdir / "streamlit.log", "w"))
            base, st = stack.enter_context(app_process(timeout=60, args=self.setup.flags, log=log))
            self.streamlit, self.roots, self.base = st, [st.pid], base
            if self.setup.proxy:
                port = free_port()
                ng = stack.enter_context(proxy.running(port, base.removeprefix("http://"), self.frontend, self.workdir / "nginx"))
                self.roots.append(ng.pid)
                self.base = f"http://127.0.0.1:{port}"
                wait_http(f"{self.base}/_stcore/health", 30)
            self._stack = stack.pop_all()
        self.url = self.base + ENTRY
        return self

    def __exit__(self, *exc):
        self._stack.close()

    def cpu(self) -> float:
        return server_cpu(self.roots)


# --- browsers ------------------------------------------------------------------------------------------------

# Records, inside the page, when it first shows the content with the script finished and no skeleton left:
# the page's own clock, so a busy test driver does not delay the reading.
RENDER_PROBE = """(text) => {
  const timer = setInterval(() => {
    if (document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        && !document.querySelector('[data-testid="stSkeleton"]')
        && document.body && document.body.textContent.includes(text)) {
      window.__metroRenderedAt = performance.timeOrigin + performance.now();
      clearInterval(timer);
    }
  }, 50);
}"""


def same_origin(url: str, base: str) -> bool:
    return url.startswith(base + "/")


# Opened on a sub-page URL, Streamlit's frontend first looks for its server under the page's path
# (/kesehatan/_stcore/health, .../host-config), gets 404 and tries the root: part of every such view.
BASE_PATH_PROBE = re.compile(r"^/[^/?]+/_stcore/(health|host-config)$")


def is_error(status: int, path: str) -> bool:
    return status >= 400 and not (status == 404 and BASE_PATH_PROBE.match(path))


def prime(browser, srv: Servers) -> dict:
    """The facilitator's own first view: fills the view's caches; records what a fresh browser fetches and
    the first message it sends on the websocket, for the protocol clients."""
    from browser_support import wait_rendered
    from streamlit.proto.BackMsg_pb2 import BackMsg

    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    fetched: list[str] = []
    first: list[bytes] = []

    def on_request(req):
        if req.method == "GET" and same_origin(req.url, srv.base) and req.resource_type != "websocket":
            path = req.url[len(srv.base):]
            if path not in fetched:
                fetched.append(path)

    def on_websocket(ws):
        def sent(payload):
            if isinstance(payload, bytes) and not first and BackMsg.FromString(payload).WhichOneof("type") == "rerun_script":
                first.append(payload)
        ws.on("framesent", sent)

    page.on("request", on_request)
    page.on("websocket", on_websocket)
    page.goto(srv.url)
    wait_rendered(page, CONTENT, timeout=120_000)
    if page.url != srv.url:
        raise RuntimeError(f"the shared URL was not kept: opened {srv.url}, shows {page.url}")
    ctx.close()
    if not first:
        raise RuntimeError("no rerun request seen on the websocket")
    return {"paths": fetched, "rerun": first[0]}


def one_view(ctx, srv: Servers) -> tuple[float, float]:
    """(server CPU, wall time) of one page opening the URL in `ctx`, drawn, then closed."""
    from browser_support import wait_rendered

    page = ctx.new_page()
    c0, t0 = srv.cpu(), time.perf_counter()
    page.goto(srv.url)
    wait_rendered(page, CONTENT, timeout=120_000)
    wall = time.perf_counter() - t0
    page.close()
    time.sleep(SETTLE_S)
    return srv.cpu() - c0, wall


def views(browser, srv: Servers, n: int) -> dict:
    out = {"fresh_cpu": [], "fresh_wall": [], "cached_cpu": [], "cached_wall": []}
    for _ in range(n):
        ctx = browser.new_context(viewport=VIEWPORT)
        cpu, wall = one_view(ctx, srv)  # a fresh browser: nothing cached
        out["fresh_cpu"].append(cpu)
        out["fresh_wall"].append(wall)
        cpu, wall = one_view(ctx, srv)  # the same browser again: the bundle from its cache
        out["cached_cpu"].append(cpu)
        out["cached_wall"].append(wall)
        ctx.close()
    return out


def _state(page, at: float, error: Exception) -> str:
    """What a page that did not render in time shows, why the wait ended, and a screenshot."""
    from browser_support import screenshot

    try:
        state = page.evaluate("""() => {
          const app = document.querySelector('[data-testid="stApp"]');
          return {script: app && app.getAttribute('data-test-script-state'),
                  skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
                  renderedAt: window.__metroRenderedAt || null, now: Date.now(),
                  text: (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ').slice(0, 60)};
        }""")
        shot = screenshot(page, f"crowd-not-rendered-{int(time.time() * 1000) % 10**8}")
        drawn = f"{(state['renderedAt'] - at) / 1000:.0f} s" if state["renderedAt"] else "never"
        return (f"{type(error).__name__} {str(error).splitlines()[0][:60] if str(error) else ''}; after {(state['now'] - at) / 1000:.0f} s: "
                f"script={state['script']} skeletons={state['skeletons']} drawn={drawn} text={state['text']!r} ({shot.name})")
    except Exception as e:  # noqa: BLE001
        return f"{type(error).__name__}, then {type(e).__name__} reading the page"


def browser_crowd(browser, srv: Servers, n: int, within_s: float = 0.0) -> dict:
    """n fresh browser contexts open the URL: all at the same moment (within_s = 0), or one every within_s / n
    seconds; each page's time to first render from its own start."""
    from browser_support import wait_rendered

    contexts = [browser.new_context(viewport=VIEWPORT) for _ in range(n)]
    pages, problems = [], []

    def on_response(r):
        if same_origin(r.url, srv.base) and is_error(r.status, r.url[len(srv.base):]):
            problems.append(f"HTTP {r.status} {r.url[len(srv.base):][:60]}")

    def on_failed(r):
        if same_origin(r.url, srv.base):
            problems.append(f"failed {r.url[len(srv.base):][:60]}: {r.failure}")

    for ctx in contexts:
        ctx.add_init_script(script=f"({RENDER_PROBE})({json.dumps(CONTENT)})")
        page = ctx.new_page()
        page.on("pageerror", lambda e: problems.append(f"page error: {str(e)[:80]}"))
        page.on("response", on_response)
        page.on("requestfailed", on_failed)
        pages.append(page)
    load_before = loadavg()
    c0 = srv.cpu()
    # Each page gets its start time on the common clock, then starts itself: the driver's round trips to a
    # busy browser delay no navigation.
    lead_s = 2 + 0.1 * n
    starts = [time.time() * 1000 + (lead_s + i * within_s / n) * 1000 for i in range(n)]
    for page, at in zip(pages, starts):
        page.evaluate("([u, at]) => { setTimeout(() => { window.location.href = u; }, Math.max(0, at - Date.now())); }",
                      [srv.url, at])
    deadline = time.monotonic() + lead_s + within_s + GIVE_UP_S
    times, not_rendered, wrong_url, unrendered = [], 0, 0, []
    for page, at in zip(pages, starts):
        try:
            wait_rendered(page, CONTENT, timeout=max(1.0, deadline - time.monotonic()) * 1000)
            # the probe looks every 50 ms: Playwright may see the page drawn a moment before it does
            rendered_at = page.wait_for_function("() => window.__metroRenderedAt", timeout=10_000).json_value()
            if rendered_at is None or rendered_at - at > GIVE_UP_S * 1000:
                raise TimeoutError(f"drawn per the page's probe after {rendered_at and (rendered_at - at) / 1000}")
            times.append((rendered_at - at) / 1000)
            wrong_url += page.url != srv.url
        except Exception as e:  # noqa: BLE001 -- a timeout: never rendered
            not_rendered += 1
            unrendered.append(_state(page, at, e))
    load_after = loadavg()
    seen = list(problems)  # what happened while the room waited, not while the pages close
    for ctx in contexts:
        ctx.close()
    time.sleep(SETTLE_S * 2)
    return {"n": n, "within_s": within_s, "times": times, "not_rendered": not_rendered, "unrendered": unrendered,
            "problems": seen + [f"URL not kept: {wrong_url} pages"] * bool(wrong_url), "cpu_per_session": (srv.cpu() - c0) / n,
            "load": f"{load_before} → {load_after}"}


# --- protocol clients: what a browser asks of the server, without drawing ----------------------------------------

HEADERS = {"Accept-Encoding": "gzip, deflate, br, zstd", "User-Agent": "bench_crowd protocol client"}


def _protocol_session(base: str, primed: dict, start: float) -> dict:
    """One fresh browser's requests without the browser: the page, then every file on up to 6 connections (as a
    browser opens), then the websocket with the browser's first rerun request, until the script has finished."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    host = base.removeprefix("http://")
    local, connections = threading.local(), []

    def get(path: str, retry: bool = True) -> None:
        if not hasattr(local, "con"):
            local.con = http.client.HTTPConnection(host, timeout=CROWD_TIMEOUT_S)
            connections.append(local.con)
        reused = local.con.sock is not None
        try:
            local.con.request("GET", path, headers=HEADERS)
            r = local.con.getresponse()
            r.read()  # the bytes as sent (compressed or not), like a browser's network stack receives them
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            local.con.close()
            if reused and retry:  # a kept-alive connection closed by the server meanwhile: a browser retries too
                return get(path, retry=False)
            raise
        if is_error(r.status, path):
            raise RuntimeError(f"HTTP {r.status} {path[:60]}")

    out: dict = {"error": None}
    try:
        get(primed["paths"][0])
        with ThreadPoolExecutor(6) as pool:
            list(pool.map(get, primed["paths"][1:]))
        out["files"] = time.perf_counter() - start
        ws_url = "ws" + base.removeprefix("http") + "/_stcore/stream"
        with connect(ws_url, origin=base, subprotocols=["streamlit"], max_size=None, open_timeout=CROWD_TIMEOUT_S) as ws:
            ws.send(primed["rerun"])
            while True:
                left = CROWD_TIMEOUT_S - (time.perf_counter() - start)
                msg = ForwardMsg.FromString(ws.recv(timeout=max(0.1, left)))
                if msg.WhichOneof("type") == "script_finished":
                    if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                        raise RuntimeError(f"script finished with status {msg.script_finished}")
                    out["finished"] = time.perf_counter() - start
                    break
    except Exception as e:  # noqa: BLE001 -- reported per session
        out["error"] = f"{type(e).__name__}: {str(e)[:80]}"
    finally:
        for con in connections:
            con.close()
    return out


def protocol_crowd(srv: Servers, primed: dict, n: int) -> dict:
    load_before = loadavg()
    c0, client0 = srv.cpu(), time.process_time()
    start = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        results = list(pool.map(lambda _: _protocol_session(srv.base, primed, start), range(n)))
    client_cpu = time.process_time() - client0
    time.sleep(SETTLE_S * 2)
    return {"n": n, "times": [r["finished"] for r in results if "finished" in r],
            "files": [r["files"] for r in results if "files" in r],
            "errors": [r["error"] for r in results if r["error"]], "cpu_per_session": (srv.cpu() - c0) / n,
            "client_cpu": client_cpu, "load": f"{load_before} → {loadavg()}"}


# --- one setup, all of it ---------------------------------------------------------------------------------------

PROTOCOL_CROWDS = (10, 30)
BROWSER_CROWDS = ((10, 0.0), (30, 0.0), (30, 60.0))  # (sessions, opened within so many seconds; 0: at once)


def measure(setup: Setup, browser, frontend: Path, n_views: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-crowd-") as tmp, Servers(setup, frontend, Path(tmp)) as srv:
        wait_idle(srv.roots, after_s=warm_up_seconds())
        primed = prime(browser, srv)
        wait_idle(srv.roots, after_s=1)
        c0 = srv.cpu()
        time.sleep(3)
        result = {"setup": setup, "idle_cpu_per_s": (srv.cpu() - c0) / 3, "fetched": len(primed["paths"]),
                  "load_start": loadavg()}
        result["views"] = views(browser, srv, n_views)
        result["protocol"], result["browsers"] = {}, {}
        for n in PROTOCOL_CROWDS:
            wait_idle(srv.roots, after_s=0)
            result["protocol"][n] = protocol_crowd(srv, primed, n)
        for n, within in BROWSER_CROWDS if setup.browser_crowds else ():
            wait_idle(srv.roots, after_s=0)
            result["browsers"][n, within] = browser_crowd(browser, srv, n, within)
        result["rss_mib"] = rss_mib(srv.streamlit.pid)
        result["load_end"] = loadavg()
        return result


# --- report ----------------------------------------------------------------------------------------------------

def _med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _spread(xs: list[float]) -> str:
    return f"{_med(xs):.2f} s ({min(xs):.2f}–{max(xs):.2f}, n={len(xs)})" if xs else "–"


def _pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))] if s else float("nan")


def _crowd_name(n: int, within: float) -> str:
    return f"{n} within {within:.0f} s" if within else f"{n} at once"


def _errors(r: dict) -> list[str]:
    out = [e for c in r["protocol"].values() for e in c["errors"]]
    return out + [e for c in r["browsers"].values() for e in c["problems"]]


def report(results: list[dict]) -> str:
    base = results[0]
    b_fresh, b_cached = _med(base["views"]["fresh_cpu"]), _med(base["views"]["cached_cpu"])
    lines = [f"Machine: {machine()}; `bench/bench_crowd.py {' '.join(sys.argv[1:])}`".rstrip(),
             f"URL opened (an agenda step as shared): `{ENTRY}`. Load average (1, 5, 15 min) with each measurement.", "",
             "**Server CPU per view** (streamlit + nginx master and workers, from /proc; one browser at a time)", "",
             "| setup | fresh first view | ÷ | cached view | ÷ | browser wall, fresh (indicative) | idle | load at start |",
             "|---|---|---:|---|---:|---:|---:|---|"]
    for r in results:
        v = r["views"]
        fresh, cached = _med(v["fresh_cpu"]), _med(v["cached_cpu"])
        lines.append(f"| {r['setup'].name} | {_spread(v['fresh_cpu'])} | {b_fresh / fresh:.1f}× | {_spread(v['cached_cpu'])} "
                     f"| {b_cached / cached:.1f}× | {_med(v['fresh_wall']):.1f} s | {r['idle_cpu_per_s'] * 1000:.0f} ms/s | {r['load_start']} |")
    lines += ["", "÷: the first setup's median divided by this one's (how many times less CPU).", "",
              "**Sessions opened at once, the server's own time** (protocol clients: page, every bundle file, websocket, "
              "the browser's first rerun request, until the script-finished message; nothing drawn on the machine)", "",
              "| setup | sessions | served | time to script finished, p50 / max | server CPU per session | errors | load before → after |",
              "|---|---|---|---|---|---:|---|"]
    for r in results:
        for n, c in r["protocol"].items():
            lines.append(f"| {r['setup'].name} | {n} at once | {len(c['times'])}/{n} | {_med(c['times']):.1f} / "
                         f"{max(c['times'], default=float('nan')):.1f} s | {c['cpu_per_session']:.2f} s | {len(c['errors'])} | {c['load']} |")
    lines += ["", "**Real browsers** (fresh chromium contexts on the same 2 cores as the server and each other; time to first "
              "render measured inside each page from its own start; indicative: it includes the browsers' own drawing)", "",
              f"| setup | sessions | rendered (within {CROWD_TIMEOUT_S:.0f} s) | time to first render, p50 / p90 / max"
              " | server CPU per session | errors | load before → after |",
              "|---|---|---|---|---|---:|---|"]
    for r in results:
        for (n, within), c in r["browsers"].items():
            t = c["times"]
            lines.append(f"| {r['setup'].name} | {_crowd_name(n, within)} | {len(t)}/{n} ({sum(x <= CROWD_TIMEOUT_S for x in t)}) "
                         f"| {_med(t):.1f} / {_pct(t, 0.9):.1f} / {max(t, default=float('nan')):.1f} s | {c['cpu_per_session']:.2f} s "
                         f"| {len(c['problems'])} | {c['load']} |")
    lines += [f"A browser that has not drawn the page {GIVE_UP_S:.0f} s after its start counts as not rendered."]
    lines += ["", "Errors: HTTP status ≥ 400 (except the 404s of Streamlit's own base-path probe, `<page>/_stcore/health` "
              "and `host-config`, part of every sub-page view), failed requests, page errors, a URL not kept, a protocol session "
              "that failed."]
    for r in results:
        errs, unrendered = _errors(r), [u for c in r["browsers"].values() for u in c["unrendered"]]
        if errs or unrendered:
            lines.append(f"- {r['setup'].name}: " + "; ".join(sorted(set(errs))[:4] + [f"not rendered: {u}" for u in unrendered[:2]]))
    lines += ["", "Streamlit's memory after the crowds: " + ", ".join(f"{r['setup'].name} {r['rss_mib']:.0f} MiB" for r in results) + ".",
              "The protocol clients' own CPU (threads of this process): " + ", ".join(
                  f"{n} sessions {statistics.mean(r['protocol'][n]['client_cpu'] for r in results):.1f} s" for n in PROTOCOL_CROWDS)
              + " (mean over the setups).", ""]
    target = results[-1]
    fresh, big = _med(target["views"]["fresh_cpu"]), max(target["protocol"])
    lines += [f"Targets, {target['setup'].name}:",
              f"- server CPU per fresh view ≤ 0.4 s: {fresh:.2f} s — {'met' if fresh <= 0.4 else '**missed**'}"]
    served = len(target["protocol"][big]["times"])
    lines.append(f"- {big} sessions at once all served (protocol clients): {served}/{big} — {'met' if served == big else '**missed**'}")
    for (n, within), c in target["browsers"].items():
        if n == big:
            lines.append(f"- {n} fresh browsers, {_crowd_name(n, within)}, all rendered: {len(c['times'])}/{n} — "
                         f"{'met' if len(c['times']) == n else '**missed**'}")
    n_err = len(_errors(target))
    lines.append(f"- no errors: {n_err} — {'met' if n_err == 0 else '**missed**'}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer views, and only the first and last setups")
    args = parser.parse_args()
    from browser_support import browser as chromium
    from metro_poverty import proxy
    from metro_poverty.store.build import Inputs, build, is_stale

    if not Path(proxy.NGINX).exists():
        sys.exit(f"{proxy.NGINX} is missing: run `make proxy` (or `make bench`)")
    if is_stale(Inputs()):
        build(Inputs())
    frontend = proxy.prepare_frontend(ARTIFACTS / "crowd-frontend")
    chosen = setups()
    chosen = [chosen[0], chosen[-1]] if args.quick else chosen
    results = []
    with chromium() as browser:
        for setup in chosen:
            print(f"{setup.name} ... (load {loadavg()})", flush=True)
            results.append(measure(setup, browser, frontend, 4 if args.quick else 6))
    text = report(results)
    print(text)
    print(f"written to {write_report('bench_crowd', text)}")


if __name__ == "__main__":
    main()

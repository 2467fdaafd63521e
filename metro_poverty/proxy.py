"""nginx in front of Streamlit (deploy/nginx/metro-poverty.conf): the frontend's files precompressed, the
site configuration rendered. Used by a deployment and by bench/bench_crowd.py, which runs the same file.

    python -m metro_poverty.proxy frontend /var/lib/metro-poverty/frontend
    python -m metro_poverty.proxy site --listen 80 --streamlit 127.0.0.1:8501 \\
        --frontend /var/lib/metro-poverty/frontend > /etc/nginx/sites-available/metro-poverty

Run `frontend` again after upgrading Streamlit (the bundle's hashed names change; until then nginx fetches
the missing files from Streamlit, uncompressed).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from metro_poverty import atomic
from metro_poverty import paths

SITE_TEMPLATE = paths.ROOT / "deploy" / "nginx" / "metro-poverty.conf"
PLACEHOLDERS = ("LISTEN", "STREAMLIT", "FRONTEND")
# text formats worth compressing; fonts (woff2) and images are compressed already
COMPRESSIBLE = {".js", ".css", ".html", ".json", ".svg", ".map", ".txt", ".mjs", ".wasm"}
STAMP = ".streamlit-version"
NGINX = "/usr/sbin/nginx"  # Debian's; `make proxy` (scripts/ensure_debian.sh) installs it
# `streamlit run` options of a deployment, each a per-session cost a server does not need: a source watcher per
# session that walks every loaded module's path (for "source changed, rerun?"), and a full garbage collection
# after every script run (Python's own collector still runs). .streamlit/config.toml sets both, so every server
# started in the project's folder has them (make run, the tests, the benchmarks, the systemd unit);
# STREAMLIT_DEFAULTS puts back Streamlit's own, for the benchmark that compares the two.
SERVER_FLAGS = ("--server.fileWatcherType", "none", "--runner.postScriptGC", "false")
STREAMLIT_DEFAULTS = ("--server.fileWatcherType", "auto", "--runner.postScriptGC", "true")


def streamlit_static() -> Path:
    """The installed Streamlit's frontend folder (index.html, static/js, static/css, static/media)."""
    from streamlit import file_util

    return Path(file_util.get_static_dir())


def prepare_frontend(dest: Path, source: Path | None = None) -> Path:
    """Copy Streamlit's frontend to `dest` with a gzip file (level 9) beside every compressible file, for
    nginx's gzip_static. Files already there are kept; a copy made for another Streamlit version is
    replaced. Returns `dest`."""
    import streamlit

    source = Path(source or streamlit_static())
    dest = Path(dest)
    stamp = dest / STAMP
    if dest.exists() and (not stamp.exists() or stamp.read_text().strip() != streamlit.__version__):
        shutil.rmtree(dest)
    for src in sorted(p for p in source.rglob("*") if p.is_file()):
        target = dest / src.relative_to(source)
        if not target.exists() or target.stat().st_size != src.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
        if src.suffix in COMPRESSIBLE:
            _gzip_beside(target)
    stamp.write_text(streamlit.__version__ + "\n")
    return dest


def _gzip_beside(path: Path) -> None:
    gz = path.with_name(path.name + ".gz")
    if gz.exists() and gz.stat().st_mtime >= path.stat().st_mtime:
        return
    data = path.read_bytes()
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    if len(packed) >= len(data):
        return
    atomic.write_bytes(gz, packed)


def render_site(listen: str, streamlit: str, frontend: Path, template: Path = SITE_TEMPLATE) -> str:
    """deploy/nginx/metro-poverty.conf with its @LISTEN@, @STREAMLIT@ and @FRONTEND@ filled in."""
    values = {"LISTEN": str(listen), "STREAMLIT": streamlit, "FRONTEND": str(Path(frontend).resolve())}
    for name, value in values.items():
        if not value or re.search(r"[\s;{}#'\"]", value):
            raise ValueError(f"{name} must be one word without ; {{ }} # or quotes: {value!r}")
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    left = re.findall(r"@[A-Z]+@", text)
    if left:
        raise ValueError(f"placeholders left in {template}: {sorted(set(left))}")
    return text


def standalone_conf(site: Path, workdir: Path, workers: int | str = "auto") -> str:
    """A main nginx.conf around the site file, for an nginx of its own (the benchmark, the tests): pid, logs
    and temporary files in `workdir`, Debian's mime.types, the workers as the user who started it."""
    w = Path(workdir).resolve()
    temps = "\n".join(f"    {d}_temp_path {w / (d + '_temp')};" for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # started by root, nginx's workers would run as nobody and could not read a frontend copy in a private folder
    user = f"user {pwd.getpwuid(0).pw_name};\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes {workers};
pid {w / 'nginx.pid'};
error_log {w / 'error.log'} warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log {w / 'access.log'};
{temps}
    include {Path(site).resolve()};
}}
"""


def check(conf: Path, workdir: Path) -> None:
    """`nginx -t` on a main configuration (raises CalledProcessError with nginx's message)."""
    subprocess.run([NGINX, "-t", "-q", "-e", str(Path(workdir) / "error.log"), "-c", str(conf)],
                   check=True, capture_output=True, text=True)


@contextlib.contextmanager
def running(listen_port: int, streamlit: str, frontend: Path, workdir: Path, timeout: float = 10.0):
    """An nginx of its own on 127.0.0.1:`listen_port` running the site file in front of `streamlit`;
    yields its Popen (the master process; the workers are its children)."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    site = workdir / "metro-poverty.conf"
    site.write_text(render_site(f"127.0.0.1:{listen_port}", streamlit, frontend), encoding="utf-8")
    conf = workdir / "nginx.conf"
    conf.write_text(standalone_conf(site, workdir), encoding="utf-8")
    check(conf, workdir)
    proc = subprocess.Popen([NGINX, "-e", str(workdir / "error.log"), "-c", str(conf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", listen_port), timeout=1):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start; see {workdir / 'error.log'}")
            time.sleep(0.05)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metro_poverty.proxy", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("frontend", help="copy Streamlit's frontend with precompressed files beside it")
    f.add_argument("dest", type=Path)
    s = sub.add_parser("site", help="print deploy/nginx/metro-poverty.conf with its values filled in")
    s.add_argument("--listen", default="80")
    s.add_argument("--streamlit", default="127.0.0.1:8501")
    s.add_argument("--frontend", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "frontend":
        print(prepare_frontend(args.dest))
    else:
        sys.stdout.write(render_site(args.listen, args.streamlit, args.frontend))
    return 0


if __name__ == "__main__":
    sys.exit(main())

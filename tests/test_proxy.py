"""nginx in front of Streamlit (deploy/nginx/metro-poverty.conf, metro_poverty/proxy.py): the site file
nginx accepts, the frontend copy it serves, and a shared link opened through it."""

from __future__ import annotations

import gzip
import re
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from metro_poverty import paths, proxy

needs_nginx = pytest.mark.skipif(not Path(proxy.NGINX).exists(), reason="nginx missing (make proxy)")


@pytest.fixture(scope="module")
def frontend(tmp_path_factory) -> Path:
    return proxy.prepare_frontend(tmp_path_factory.mktemp("proxy") / "frontend")


def test_site_file_is_filled_in_completely():
    text = proxy.render_site("127.0.0.1:8080", "127.0.0.1:8501", Path("/srv/frontend"))
    assert not re.search(r"@[A-Z]+@", text)
    assert "listen 127.0.0.1:8080;" in text
    assert "server 127.0.0.1:8501;" in text
    assert "root /srv/frontend;" in text


@pytest.mark.parametrize("bad", ["8080; include /etc/passwd", "8080 # x", "", "a{b"])
def test_site_file_refuses_values_that_would_change_its_meaning(bad):
    with pytest.raises(ValueError):
        proxy.render_site(bad, "127.0.0.1:8501", Path("/srv/frontend"))


@needs_nginx
def test_nginx_accepts_the_site_file(tmp_path, frontend):
    site = tmp_path / "metro-poverty.conf"
    site.write_text(proxy.render_site("127.0.0.1:8080", "127.0.0.1:8501", frontend))
    conf = tmp_path / "nginx.conf"
    conf.write_text(proxy.standalone_conf(site, tmp_path))
    proxy.check(conf, tmp_path)  # raises with nginx's message


def test_the_proxy_lets_through_every_upload_streamlit_accepts():
    config = tomllib.loads((paths.ROOT / ".streamlit" / "config.toml").read_text())
    streamlit_mb = config["server"]["maxUploadSize"]
    nginx_mb = int(re.search(r"client_max_body_size (\d+)m;", proxy.SITE_TEMPLATE.read_text()).group(1))
    assert nginx_mb >= streamlit_mb


def test_every_server_started_in_the_project_folder_has_the_deployment_options():
    """make run, the tests and the benchmarks start Streamlit without the systemd unit's flags: the config file
    gives them the same two options, so no server walks every module's path per session."""
    config = tomllib.loads((paths.ROOT / ".streamlit" / "config.toml").read_text())
    set_in_file = {"--server.fileWatcherType": config["server"]["fileWatcherType"],
                   "--runner.postScriptGC": str(config["runner"]["postScriptGC"]).lower()}
    assert set_in_file == dict(zip(proxy.SERVER_FLAGS[::2], proxy.SERVER_FLAGS[1::2]))
    assert set(proxy.STREAMLIT_DEFAULTS[::2]) == set(proxy.SERVER_FLAGS[::2])  # the benchmark's baseline undoes both


def test_frontend_copy_holds_every_file_of_the_installed_streamlit_with_gzip_beside_it(frontend):
    source = proxy.streamlit_static()
    index = (source / "index.html").read_text()
    referenced = re.findall(r'"\./(static/[^"]+)"', index)
    assert any(r.endswith(".js") for r in referenced) and any(r.endswith(".css") for r in referenced)
    for original in (p for p in source.rglob("*") if p.is_file()):
        rel = original.relative_to(source)
        copy = frontend / rel
        assert copy.read_bytes() == original.read_bytes(), rel
        packed = frontend / f"{rel}.gz"
        if original.suffix in (".js", ".css") and original.stat().st_size >= 1024:
            assert packed.is_file(), rel  # smaller files get one only when gzip makes them smaller
        if packed.exists():
            assert gzip.decompress(packed.read_bytes()) == original.read_bytes(), rel
    for rel in referenced:
        assert (frontend / rel).is_file(), rel


def test_frontend_copy_of_another_streamlit_version_is_replaced(tmp_path):
    source = tmp_path / "source"
    (source / "static" / "js").mkdir(parents=True)
    (source / "index.html").write_text('<script src="./static/js/index.NEWHASH.js"></script>' * 20)
    (source / "static" / "js" / "index.NEWHASH.js").write_text("console.log('new');" * 100)
    dest = tmp_path / "frontend"
    (dest / "static" / "js").mkdir(parents=True)
    (dest / "static" / "js" / "index.OLDHASH.js").write_text("old")
    (dest / proxy.STAMP).write_text("0.0.1\n")
    proxy.prepare_frontend(dest, source=source)
    assert not (dest / "static" / "js" / "index.OLDHASH.js").exists()
    assert gzip.decompress((dest / "static" / "js" / "index.NEWHASH.js.gz").read_bytes()) == b"console.log('new');" * 100
    assert (dest / "index.html.gz").is_file()


@needs_nginx
@pytest.mark.browser
def test_shared_link_through_the_proxy_opens_exactly_with_the_bundle_from_nginx(chromium, frontend, tmp_path):
    from app_support import ensure_store
    from browser_support import app_process, free_port, wait_http, wait_rendered

    ensure_store()
    port = free_port()
    with app_process(args=proxy.SERVER_FLAGS) as (streamlit, _), \
            proxy.running(port, streamlit.removeprefix("http://"), frontend, tmp_path / "nginx"):
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/_stcore/health", 30)
        url = f"{base}/kesehatan?ind=imm_complete&present=1"  # an agenda step, the first request to this server
        page = chromium.new_page(viewport={"width": 1280, "height": 720})
        bundle = []
        page.on("response", lambda r: "/static/js/index." in r.url and bundle.append(r))
        page.goto(url)
        wait_rendered(page, "Imunisasi")
        assert page.url == url
        headers = bundle[0].all_headers()
        assert headers["server"].startswith("nginx")
        assert headers["content-encoding"] == "gzip"
        assert "immutable" in headers["cache-control"]
        # the intake's uploads reach Streamlit (it answers; nginx's own limit would say 413)
        upload = urllib.request.Request(f"{base}/_stcore/upload_file/x/y", data=b"0" * (10 * 1024 * 1024), method="PUT")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(upload, timeout=30)
        assert refused.value.code != 413
        page.close()


def test_the_readmes_deployment_section_shows_the_site_file_the_benchmark_runs():
    """The nginx block of the README is deploy/nginx/metro-poverty.conf without its comments: what an
    office server is told to run is what bench/bench_crowd.py measured."""

    def meaningful(text: str) -> list[str]:
        lines = (re.sub(r"\s+#.*$", "", line).rstrip() for line in text.splitlines() if not line.lstrip().startswith("#"))
        return [line for line in lines if line.strip()]

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```nginx\n(.*?)```", readme, re.S).group(1)
    assert meaningful(block) == meaningful((paths.ROOT / "deploy" / "nginx" / "metro-poverty.conf").read_text(encoding="utf-8"))

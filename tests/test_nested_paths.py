"""A path under a page opens the Overview with a notice, not a blank page (metro_poverty.ui.nested_paths):
Streamlit's index page served at a nested path becomes a redirect to one segment naming the whole path."""

import asyncio

import pytest

from metro_poverty.ui.nested_paths import NestedPathRedirect, one_segment

INDEX = b"<!doctype html><html>index</html>"


def _app(status=200, content_type=b"text/html; charset=utf-8", body=INDEX):
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
    return app


def _get(app, raw_path: bytes, query: bytes = b"", method: str = "GET") -> list[dict]:
    from urllib.parse import unquote

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": method, "path": unquote(raw_path.decode("ascii")), "raw_path": raw_path,
             "query_string": query}
    asyncio.run(NestedPathRedirect(app)(scope, receive, send))
    return sent


def _location(sent) -> bytes | None:
    return dict(sent[0]["headers"]).get(b"location") if sent[0]["status"] == 302 else None


@pytest.mark.parametrize("raw_path, query, location", [
    (b"/kesehatan/peta", b"ind=stunting_eppgbm", b"/kesehatan%2Fpeta?ind=stunting_eppgbm"),
    (b"/a/b/c/", b"", b"/a%2Fb%2Fc"),
    (b"/kesehatan/static/js/index.js", b"", b"/kesehatan%2Fstatic%2Fjs%2Findex.js"),  # the script the blank page asked for
    (b"/a//evil.example", b"", b"/a%2F%2Fevil.example"),  # never '//host': no other site can be named
    (b"/%3Cb%3E/x", b"", b"/%3Cb%3E%2Fx"),
    (b"/app/peta", b"", b"/app%2Fpeta"),  # under Streamlit's own prefixes, not its files: the index page again
    (b"/_stcore/x/y", b"", b"/_stcore%2Fx%2Fy"),
])
def test_the_index_page_at_a_nested_path_is_a_redirect_to_one_segment(raw_path, query, location):
    sent = _get(_app(), raw_path, query)
    assert _location(sent) == location
    assert [m for m in sent if m["type"] == "http.response.body"] == [{"type": "http.response.body", "body": b"", "more_body": False}]


def test_the_redirect_target_is_one_segment_and_is_not_redirected_again():
    sent = _get(_app(), b"/kesehatan%2Fpeta")
    assert sent[0]["status"] == 200 and sent[1]["body"] == INDEX
    assert one_segment("/ü/x", b"") == b"/%C3%BC%2Fx"


@pytest.mark.parametrize("raw_path, status, content_type, body", [
    (b"/", 200, b"text/html", INDEX),  # the Overview
    (b"/kesehatan", 200, b"text/html", INDEX),  # a page
    (b"/static/js/index.js", 200, b"application/javascript", b"js"),  # the bundle
    (b"/_stcore/health", 200, b"text/plain", b"ok"),
    (b"/a/_stcore/health", 404, b"text/plain", b"Not Found"),  # the frontend's probe for a base path
    (b"/app/static/geo/kelurahan.json", 200, b"application/json", b"{}"),
    (b"/media/0123abcd/ringkasan.html", 200, b"text/html", b"<p>a download</p>"),  # content of Streamlit's own, whatever its type
    (b"/app/static/notes/index.html", 200, b"text/html", b"<p>a static page</p>"),
])
def test_anything_but_the_index_page_at_a_nested_path_passes_untouched(raw_path, status, content_type, body):
    sent = _get(_app(status, content_type, body), raw_path)
    assert sent[0]["status"] == status and sent[1]["body"] == body


def test_a_post_a_websocket_or_the_lifespan_is_left_to_streamlit():
    assert _get(_app(), b"/a/b", method="POST")[0]["status"] == 200
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    asyncio.run(NestedPathRedirect(app)({"type": "websocket", "path": "/a/b", "raw_path": b"/a/b"}, None, None))
    asyncio.run(NestedPathRedirect(app)({"type": "lifespan"}, None, None))  # the server's start: no path at all
    assert seen == ["websocket", "lifespan"]


@pytest.mark.parametrize("raw_path, query, location", [
    (b"//kesehatan", b"year=2024", b"/kesehatan?year=2024"),  # Streamlit answered a bare 'Bad Request'
    (b"//evil.example/x", b"", b"/evil.example%2Fx"),  # still one segment of this site, never '//host'
])
def test_a_doubled_leading_slash_is_redirected_without_asking_streamlit(raw_path, query, location):
    sent = _get(_app(status=400, content_type=b"text/plain", body=b"Bad Request"), raw_path, query)
    assert _location(sent) == location and len(sent) == 2


@pytest.mark.parametrize("raw_path, query, location", [
    (b"/%FF", b"", b"/%EF%BF%BD"),  # not UTF-8: the page could not decode its address and stayed a grey skeleton
    (b"/kesehatan%2F..%2Fagenda", b"year=2024", b"/kesehatan%2Fagenda?year=2024"),  # a '..' segment: 'Bad Request'
    (b"/%2E%2E", b"", b"/"),
    (b"/kesehatan%00", b"", b"/kesehatan"),  # a NUL: 'Bad Request'
])
def test_a_path_streamlit_cannot_serve_is_redirected_to_one_it_can(raw_path, query, location):
    sent = _get(_app(status=400, content_type=b"text/plain", body=b"Bad Request"), raw_path, query)
    assert _location(sent) == location and len(sent) == 2

"""A link to a path under a page (`/kesehatan/peta`, a mistyped or tampered link) opens the Overview with a
notice, as a link to an unknown page does (metro_poverty.ui.pages).

Every page of the app is one path segment. For a deeper path Streamlit answers with its index page, whose
scripts are addressed relative to the path (`./static/js/...`): the browser asked for them under
`/kesehatan/static/`, got the index page again instead of JavaScript, and showed a blank page. This ASGI
middleware (serve.py) turns such an answer into a redirect to one segment that names the whole path,
`/kesehatan%2Fpeta`, with the query string kept: the app then finds no page of that name and says so.
Anything that is not the index page (the health check, a file, a 404) passes untouched.
"""

from __future__ import annotations

from urllib.parse import quote, unquote_to_bytes


# Where Streamlit serves files of its own (downloads, components, the app's static files): an HTML answer there is
# such a file and passes whatever its depth. Anywhere else (/app/peta, /_stcore/x/y) it is the index page.
SERVED = [(b"media",), (b"component",), (b"app", b"static")]


def segments(raw_path: bytes) -> list[bytes]:
    """The non-empty segments of a path as the browser sent it (still percent-encoded)."""
    return [s for s in raw_path.split(b"/") if s]


def one_segment(path: str, query: bytes) -> bytes:
    """The redirect target: the whole path as one encoded segment, then the query string unchanged. Never
    starts with '//' (no other host can be named) and is plain ASCII, as a header must be."""
    target = "/" + quote(path.strip("/"), safe="")
    return target.encode("ascii") + (b"?" + query if query else b"")


def unsafe(raw_path: bytes) -> bool:
    """A path Streamlit cannot serve as a page: a '.' or '..' segment once decoded (`/%2E%2E`, `/a%2F..%2Fb`), a NUL
    (Streamlit answers a bare English 'Bad Request'), or bytes that are not UTF-8 (`/%FF`: the page's script
    failed to decode its own address and stayed a grey skeleton)."""
    decoded = unquote_to_bytes(raw_path.decode("ascii", "replace"))
    try:
        text = decoded.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\x00" in text or any(part in (".", "..") for part in text.split("/"))


def cleaned(raw_path: bytes) -> str:
    """The path of an unsafe one, made servable: invalid bytes as '\ufffd', no NUL, no '.' or '..' segment. The app
    then finds no page of that name and says so (or opens the Overview when nothing is left)."""
    text = unquote_to_bytes(raw_path.decode("ascii", "replace")).decode("utf-8", "replace").replace("\x00", "")
    return "/".join(part for part in text.split("/") if part not in ("", ".", ".."))


class NestedPathRedirect:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD") and raw.startswith(b"//"):
            # '//kesehatan' (a doubled slash in a pasted link): Streamlit answers a bare English 'Bad Request'
            await _redirect(send, one_segment(scope["path"], scope.get("query_string", b"")))
            return
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD") and unsafe(raw):
            await _redirect(send, one_segment(cleaned(raw), scope.get("query_string", b"")))
            return
        parts = segments(raw) if scope["type"] == "http" else []
        served = any(tuple(parts[:len(prefix)]) == prefix for prefix in SERVED)
        if scope.get("method") not in ("GET", "HEAD") or len(parts) < 2 or served:  # (no method: a websocket, the lifespan)
            await self.app(scope, receive, send)
            return
        redirected = False

        async def send_or_redirect(message):
            nonlocal redirected
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                if message["status"] == 200 and headers.get(b"content-type", b"").startswith(b"text/html"):
                    redirected = True
                    await _redirect(send, one_segment(scope["path"], scope.get("query_string", b"")))
                    return
            elif redirected:  # the index page's body, already answered with the redirect
                return
            await send(message)

        await self.app(scope, receive, send_or_redirect)


async def _redirect(send, location: bytes) -> None:
    await send({"type": "http.response.start", "status": 302,
                "headers": [(b"location", location), (b"content-length", b"0"), (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": b"", "more_body": False})

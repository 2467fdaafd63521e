"""AppTest helpers: run the real app.py (the frame and navigation included) on the repo's store."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from metro_poverty.store.build import Inputs, build, is_stale

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def ensure_store() -> None:
    """The app reads store/CURRENT; build it when missing or stale (make test has usually done so)."""
    if is_stale(Inputs()):
        build(Inputs())


def open_app(params: dict | None = None, page: str | None = None, timeout: float = 30, session: dict | None = None) -> AppTest:
    """The app as a visitor opening a URL with these query parameters, on the default page or on `page`
    (AppTest opens the default page first; the parameters are set for the page asked for). `session`:
    browser-session state to start from (e.g. a signed-in user: {"signed_in_user": User(...)})."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    if page:
        at.run()
        at.switch_page(page)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


@pytest.fixture(scope="session", autouse=False)
def store():
    ensure_store()

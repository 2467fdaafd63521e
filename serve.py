"""Server entry point: `streamlit run serve.py` serves app.py and warms it while the server starts.

The first visitor after a restart would otherwise wait for pandas, Altair and DuckDB to load and for
the Overview's queries and charts to be computed. A background thread does that work as soon as the
server starts (nothing is drawn; only the shared caches are filled), so a shared link opens quickly.
`streamlit run app.py` still works, only colder (and a link to a path under a page then shows a blank page:
metro_poverty.ui.nested_paths turns it into the Overview with a notice).
"""

import threading
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from metro_poverty.ui.nested_paths import NestedPathRedirect


@asynccontextmanager
async def lifespan(app):
    threading.Thread(target=_warm, name="warm-up", daemon=True).start()
    yield


def _warm() -> None:
    try:
        from metro_poverty.ui.warmup import serve

        serve()
    except Exception:  # a cold start is slower, never broken; the reason goes to the server log
        import logging

        logging.getLogger("metro_poverty").warning("warm-up failed", exc_info=True)


app = st.App("app.py", lifespan=lifespan, middleware=[Middleware(NestedPathRedirect)])

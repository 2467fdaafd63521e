"""Cached reads of named queries. The cache key holds the store file, so a new build is read fresh.

One snapshot per rerun: app.py pins the store file at the top of every rerun (pin_snapshot), and every
query of that rerun reads that very file, even when a load swaps CURRENT halfway through the page, so
one screen never mixes old and new data. The next rerun reads the new store."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from metro_poverty import db
from metro_poverty.catalog import CATALOGUE_PARAMS, Indicator, catalogue_from_frame


SNAPSHOT = "_store_snapshot"


def pin_snapshot() -> str:
    """The store file this rerun reads (called by app.py before any query)."""
    path = str(db.store_path())
    st.session_state[SNAPSHOT] = path
    return path


def snapshot() -> str:
    """The store file pinned for this rerun; the current one outside a rerun (warm-up, tests of a
    module) or when the pinned file is gone (two builds within one rerun)."""
    if get_script_run_ctx(suppress_warning=True) is not None:
        pinned = st.session_state.get(SNAPSHOT)
        if pinned and Path(pinned).is_file():
            return pinned
    return str(db.store_path())


def _key(value):
    return tuple(value) if isinstance(value, list) else value


def _param(value):
    return list(value) if isinstance(value, tuple) else value


@st.cache_data(show_spinner=False, max_entries=1024)
def _read(store: str, name: str, params: tuple) -> pd.DataFrame:
    # read the very file the cache key names: a build swapping CURRENT meanwhile cannot mix them up
    return db.read(name, path=Path(store), **{k: _param(v) for k, v in params})


def read(name: str, **params) -> pd.DataFrame:
    """The result of queries/<name>.sql with bound parameters (lists allowed), cached per store file."""
    return _read(snapshot(), name, tuple(sorted((k, _key(v)) for k, v in params.items())))


@st.cache_resource(show_spinner=False, max_entries=8)
def _catalogue(store: str) -> dict[str, Indicator]:
    # one shared dict per store file: pages look indicators up many times per rerun (pickers, labels)
    return catalogue_from_frame(read("indicator_catalogue", **CATALOGUE_PARAMS))


def catalogue() -> dict[str, Indicator]:
    return _catalogue(snapshot())


def regions() -> pd.DataFrame:
    return read("regions_all")


def code_names(lang: str) -> dict[str, str]:
    """Indicator and region codes to the names a reader knows them by: an agenda step's title, a link's notice."""
    names = {code: ind.short(lang) for code, ind in catalogue().items()}
    names.update(dict(zip(regions().region_code, regions().name)))
    return names


def build_info() -> dict[str, str]:
    return dict(read("build_info").itertuples(index=False))

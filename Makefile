# Two commands on a fresh machine: `make run` and `make test`. Everything else is a step they call.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8501
VENV := .venv
PY := $(VENV)/bin/python
SHARED_GEO ?= ../shared/geo
BOUNDARIES := data/boundaries

.PHONY: run test store bench setup setup-dev boundaries browser clean-store

run: setup boundaries
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	$(VENV)/bin/streamlit run serve.py --server.address $(HOST) --server.port $(PORT)

test: setup-dev boundaries browser
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	$(PY) -m pytest

store: setup boundaries
	$(PY) -m metro_poverty.pipeline.cli build

bench: setup-dev boundaries browser
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	$(PY) bench/run_all.py

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt constraints.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

# Copies the reference boundaries when they exist beside the project; a deployment may drop its own files instead.
boundaries:
	@sh scripts/fetch_boundaries.sh "$(SHARED_GEO)" "$(BOUNDARIES)"

# Debian's chromium for the browser tests, installed only when missing.
browser:
	@sh scripts/ensure_chromium.sh

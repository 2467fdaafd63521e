# Two commands on a fresh machine: `make run` and `make test`. Everything else is a step they call.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8501
VENV := .venv
PY := $(VENV)/bin/python
SHARED_GEO ?= ../shared/geo
BOUNDARIES := data/boundaries

.PHONY: run test test-fast lint lock store bench setup setup-dev boundaries browser proxy debian clean-store python-version

run: setup boundaries
	@echo "==> [4/4] Building the data store from data/ (skipped when nothing changed)"
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	@echo "==> Starting the app on http://$(HOST):$(PORT) (stop with Ctrl+C)"
	$(VENV)/bin/streamlit run serve.py --server.address $(HOST) --server.port $(PORT)

test: setup-dev boundaries debian
	@echo "==> Building the data store from data/ (skipped when nothing changed)"
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	@echo "==> Running every test: the browser tests and, beside them at a lower priority, all the others"
	$(PY) scripts/run_tests.py

# Daily work: everything but the real-browser tests and the slow tier (tests/conftest.py says why each is slow).
test-fast: setup-dev boundaries
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	$(PY) -m pytest -m "not browser and not slow" -n 2 --dist loadfile

store: setup boundaries
	$(PY) -m metro_poverty.pipeline.cli build

bench: setup-dev boundaries debian
	$(PY) -m metro_poverty.pipeline.cli build --if-stale
	$(PY) bench/run_all.py

setup: python-version $(VENV)/.runtime

setup-dev: python-version $(VENV)/.dev

# A clear message instead of a failure deep in pip when the Python is too old.
python-version:
	@$(PYTHON) scripts/check_python.py

$(VENV)/bin/python:
	@echo "==> [1/4] Creating the virtual environment .venv with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)

# Installs from the locks only: every file pinned and checked against its hash (a mismatch is refused).
# uv installs them (3.6 s for the test lock on this 2-core machine, where pip took 36 s); uv itself comes
# from its own lock, through pip. uv links the files from its cache (its default; it copies when the cache is
# on another disk): the app's lock took 1.2 s linked against 37 s copied from a cache the disk had to read.
# Unlike pip, uv does not compile the packages' bytecode unless asked: without it every Python process (each
# app server and worker the tests start) compiled streamlit, pandas and the rest again where the environment
# says not to write bytecode (PYTHONDONTWRITEBYTECODE): 3.3-3.9 s of CPU more per start of the imports.
UV := $(VENV)/bin/uv
UV_INSTALL := $(UV) pip install --no-config --python $(PY) --require-hashes --no-deps --compile-bytecode

$(UV): requirements-uv.lock | $(VENV)/bin/python
	@echo "==> [2/4] Installing the installer, uv (locked, with hashes), into .venv"
	$(PY) -m pip install --disable-pip-version-check --progress-bar on --require-hashes --no-deps -r requirements-uv.lock
	touch $@

$(VENV)/.runtime: requirements.lock $(UV)
	@echo "==> [2/4] Installing the app's locked packages into .venv (seconds; uv names each package it installs)"
	$(UV_INSTALL) -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	@echo "==> Installing the test and benchmark tools into .venv (locked, with hashes)"
	$(UV_INSTALL) -r requirements-dev.lock
	touch $@

# After changing requirements*.txt or constraints.txt: the locks again, with a hash for every file of
# every platform (Linux, Windows, macOS), for Python 3.11 and newer.
lock: setup-dev
	$(VENV)/bin/uv pip compile requirements.txt -c constraints.txt --generate-hashes --python-version 3.11 --universal -o requirements.lock
	$(VENV)/bin/uv pip compile requirements.txt requirements-dev.txt -c constraints.txt --generate-hashes --python-version 3.11 --universal -o requirements-dev.lock
	grep '^uv==' requirements-dev.txt | $(VENV)/bin/uv pip compile - --no-config --generate-hashes --python-version 3.11 --universal --custom-compile-command "make lock (uv's pin from requirements-dev.txt)" -o requirements-uv.lock

# The lint of pyproject.toml (also run by the test suite: tests/test_lint.py).
lint: setup-dev
	$(VENV)/bin/ruff check .

# Copies the reference boundaries when they exist beside the project; a deployment may drop its own files instead.
boundaries:
	@echo "==> [3/4] Boundary files for the maps"
	@sh scripts/fetch_boundaries.sh "$(SHARED_GEO)" "$(BOUNDARIES)"

# Debian's chromium for the browser tests and nginx for the crowd benchmark (deploy/nginx/metro-poverty.conf),
# each installed only when missing; `debian` installs both in one apt-get run.
CHROMIUM := /usr/bin/chromium=chromium
NGINX := /usr/sbin/nginx=nginx

browser:
	@sh scripts/ensure_debian.sh $(CHROMIUM)

proxy:
	@sh scripts/ensure_debian.sh $(NGINX)

debian:
	@sh scripts/ensure_debian.sh $(CHROMIUM) $(NGINX)

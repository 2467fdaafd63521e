"""Where things live. Every path the project uses is named here, and can be moved by environment variables."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
PUBLISHED_DIR = DATA_DIR / "published"
RAW_DIR = DATA_DIR / "raw"
MICRODATA_DIR = DATA_DIR / "microdata"
QUERIES_DIR = ROOT / "queries"

# A deployment points these elsewhere (e.g. /srv/metro-poverty/store) without touching the code.
STORE_DIR = Path(os.environ.get("METRO_POVERTY_STORE_DIR", ROOT / "store"))
BOUNDARIES_DIR = Path(os.environ.get("METRO_POVERTY_BOUNDARIES_DIR", DATA_DIR / "boundaries"))

# The app opens the store named in this pointer file; a build replaces the pointer atomically.
CURRENT_POINTER = STORE_DIR / "CURRENT"

# Uploaded OPD files (metro_poverty.intake): per batch the original file and a JSON record; every build replays
# the active batches after the seed data. Beside the store by default, so a deployment keeps them together.
INTAKE_DIR = Path(os.environ.get("METRO_POVERTY_INTAKE_DIR", STORE_DIR / "intake"))

# Who may load data: a deployment file written by `python -m metro_poverty.intake.cli adduser`. None ships.
USERS_FILE = Path(os.environ.get("METRO_POVERTY_USERS_FILE", STORE_DIR.parent / "users.toml"))

# What people write in the app (FGD sessions, agreements, saved agendas and scenarios): a SQLite file
# beside the store, its backups in records-backups/ next to it (metro_poverty.records).
RECORDS_DB = Path(os.environ.get("METRO_POVERTY_RECORDS_DB", STORE_DIR / "records.sqlite"))

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

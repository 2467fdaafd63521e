"""Region polygons as static GeoJSON files the browser loads once (Streamlit's static serving), for
maps of many regions: a province's 2,600 kelurahan are megabytes that should not travel with every
rerun. One folder per store file, so a new build never serves old shapes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from metro_poverty import atomic
from metro_poverty import paths

STATIC_DIR = paths.ROOT / "static"  # Streamlit serves <app folder>/static at app/static/
GEO_DIR = STATIC_DIR / "geo"
URL_PREFIX = "app/static/geo"
INLINE_MAX_REGIONS = 200  # up to this many polygons travel inside the spec (self-contained, exportable)
KEEP_STORES = 3


def needs_file(shapes: pd.DataFrame) -> bool:
    return len(shapes) > INLINE_MAX_REGIONS


def geometry_url(store: str, level: str, shapes: pd.DataFrame) -> str:
    """The URL of the level's polygons for this store file, written on first use."""
    stem = Path(store).stem
    path = GEO_DIR / stem / f"{level}.geojson"
    if not path.exists():
        _write(path, shapes)
        _remove_old(keep=stem)
    return f"{URL_PREFIX}/{stem}/{level}.geojson"


def _write(path: Path, shapes: pd.DataFrame) -> None:
    features = [{"type": "Feature", "geometry": json.loads(s.geometry_json),
                 "properties": {"region_code": s.region_code, "region_name": s.region_name, "label_lon": s.label_lon, "label_lat": s.label_lat}}
                for s in shapes.itertuples(index=False)]
    atomic.write_text(path, json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))


def _remove_old(keep: str) -> None:
    folders = sorted((p for p in GEO_DIR.iterdir() if p.is_dir() and p.name != keep), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP_STORES - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def inline(spec: dict) -> dict:
    """The spec with every static geometry file read back into its data: for exports rendered offline."""
    text = json.dumps(spec)
    if URL_PREFIX not in text:
        return spec

    def walk(node):
        if isinstance(node, dict):
            url = node.get("url")
            if isinstance(url, str) and url.startswith(URL_PREFIX):
                data = json.loads((STATIC_DIR.parent / url.removeprefix("app/")).read_text(encoding="utf-8"))
                prop = (node.get("format") or {}).get("property")
                return {"values": data[prop] if prop else data}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(spec)

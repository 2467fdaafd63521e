"""Region polygons for the maps: official boundary files when present, else a schematic tile map.

Boundary files (kelurahan.geojson, kecamatan.geojson, property `code` = Kemendagri code) are read from
the boundaries directory, checked against the region table (every polygon a known region, every region
a polygon), simplified once as a coverage (shared edges stay shared) and oriented clockwise, as
Vega-Lite expects. Without them the maps use equal tiles placed to keep neighbours near each other.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box, mapping

from metro_poverty.problems import Problem

LEVEL_FILES = {"kelurahan": "kelurahan.geojson", "kecamatan": "kecamatan.geojson"}
# Optional: the province's kab/kota (the city among them), for the view of Metro among Lampung's 15.
PROVINCE_FILE = "lampung_kabkota.geojson"
PROVINCE_LEVEL = "kabkota"
PEER_LEVELS = ("kabkota", "city")
SIMPLIFY_TOLERANCE_DEG = 0.0005  # about 55 m: 2,300 vertices -> about 1,000, with no slivers
PRECISION_DEG = 1e-5  # about 1 m
BOUNDARY_COLUMNS = ["region_code", "level", "geometry_json", "label_lon", "label_lat", "kind"]
# Schematic tiles are drawn in degrees near Metro so both kinds of map share one projection.
TILE_ORIGIN = (105.27, -5.07)
TILE_SIZE_DEG = 0.012


def has_boundary_files(directory: Path) -> bool:
    return all((directory / f).is_file() for f in LEVEL_FILES.values())


def read_boundaries(directory: Path, regions: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    import geopandas as gpd

    frames, problems = [], []
    for level, filename in LEVEL_FILES.items():
        path = directory / filename
        try:
            gdf = gpd.read_file(path)
        except Exception as exc:  # pyogrio raises several types for unreadable files
            problems.append(Problem("unreadable_boundaries", filename, value=type(exc).__name__))
            continue
        if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
            gdf = gdf.to_crs(4326)
        if "code" not in gdf.columns:
            problems.append(Problem("missing_column", filename, fields={"column": "code", "found": ", ".join(gdf.columns)}))
            continue
        problems += _check_codes(gdf, regions, level, filename)
        frames.append(_prepare(gdf, level))
    if problems:
        return pd.DataFrame(columns=BOUNDARY_COLUMNS), problems
    return pd.concat(frames, ignore_index=True), problems


def read_province_boundaries(directory: Path, regions: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """The kab/kota polygons (level 'kabkota', the city's outline included) when the file is there; none
    otherwise: the view of the province then shows its ranking and table without a map."""
    import geopandas as gpd

    path = directory / PROVINCE_FILE
    if not path.is_file():
        return pd.DataFrame(columns=BOUNDARY_COLUMNS), []
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        return pd.DataFrame(columns=BOUNDARY_COLUMNS), [Problem("unreadable_boundaries", PROVINCE_FILE, value=type(exc).__name__)]
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if "code" not in gdf.columns:
        return pd.DataFrame(columns=BOUNDARY_COLUMNS), [Problem("missing_column", PROVINCE_FILE, fields={"column": "code", "found": ", ".join(gdf.columns)})]
    problems = _check_codes(gdf, regions, PROVINCE_LEVEL, PROVINCE_FILE, levels=PEER_LEVELS)
    return (pd.DataFrame(columns=BOUNDARY_COLUMNS), problems) if problems else (_prepare(gdf, PROVINCE_LEVEL), [])


def _check_codes(gdf, regions: pd.DataFrame, level: str, filename: str, levels: tuple[str, ...] | None = None) -> list[Problem]:
    known = set(regions.loc[regions.level.isin(levels or (level,)), "region_code"])
    codes = [str(c) for c in gdf["code"]]
    out = [Problem("boundary_unknown_region", filename, row=i + 1, column="code", value=c, fields={"level": level})
           for i, c in enumerate(codes) if c not in known]
    out += [Problem("boundary_duplicate", filename, column="code", value=c) for c in sorted({c for c in codes if codes.count(c) > 1})]
    out += [Problem("boundary_missing_region", filename, value=c, fields={"level": level}) for c in sorted(known - set(codes))]
    return out


def _prepare(gdf, level: str) -> pd.DataFrame:
    geoms = shapely.make_valid(np.asarray(gdf.geometry.values))
    geoms = shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE_DEG)
    geoms = shapely.set_precision(geoms, PRECISION_DEG)
    geoms = shapely.orient_polygons(geoms, exterior_cw=True)
    labels = shapely.point_on_surface(geoms)
    return pd.DataFrame({
        "region_code": [str(c) for c in gdf["code"]],
        "level": level,
        "geometry_json": [json.dumps(mapping(g)) for g in geoms],
        "label_lon": shapely.get_x(labels),
        "label_lat": shapely.get_y(labels),
        "kind": "boundary",
    })


def schematic_tiles(tiles: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Equal squares for the kelurahan, and each kecamatan as the union of its kelurahan's squares."""
    x0, y0 = TILE_ORIGIN
    s = TILE_SIZE_DEG
    squares = {r.region_code: box(x0 + r.col * s, y0 - (r.row + 1) * s, x0 + (r.col + 1) * s, y0 - r.row * s).buffer(-s * 0.04, join_style="mitre")
               for r in tiles.itertuples(index=False)}
    parents = regions.set_index("region_code")["parent_code"]
    kec = {}
    for code, sq in squares.items():
        kec.setdefault(parents[code], []).append(sq.buffer(s * 0.05, join_style="mitre"))
    shapes = [(c, "kelurahan", g) for c, g in squares.items()]
    shapes += [(c, "kecamatan", shapely.union_all(gs).buffer(-s * 0.05, join_style="mitre")) for c, gs in kec.items()]
    geoms = shapely.orient_polygons(np.array([g for _, _, g in shapes]), exterior_cw=True)
    labels = shapely.point_on_surface(geoms)
    return pd.DataFrame({
        "region_code": [c for c, _, _ in shapes],
        "level": [lvl for _, lvl, _ in shapes],
        "geometry_json": [json.dumps(mapping(g)) for g in geoms],
        "label_lon": shapely.get_x(labels),
        "label_lat": shapely.get_y(labels),
        "kind": "schematic",
    })

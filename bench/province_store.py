"""A province-scale store for benchmarks: the real data, with Metro's 5 kecamatan and 22 kelurahan replaced
by about 230 generated kecamatan and 2,600 generated kelurahan (Lampung has about as many).

The app is city-centric (pages compare every region with the city 18.72), so the generated regions stay
children of 18.72: what grows is the number of regions a page queries, ranks and draws, nothing else.
The store is written by the project's own load code (metro_poverty.store.build._write, which also runs
the store's invariant checks) and made current with its own pointer (store.pointer.point_to), in a directory of
its own, so the app runs on it with METRO_POVERTY_STORE_DIR=<that directory>:

    .venv/bin/python bench/province_store.py /tmp/metro-province      # writes the store, prints the command
    METRO_POVERTY_STORE_DIR=/tmp/metro-province .venv/bin/streamlit run serve.py

Generated pieces (seeded, so every run writes the same store):
- codes 18.72.NNN (kecamatan, a 3-digit part: more than 99 of them) and 18.72.NNN.1NNN (kelurahan);
  names built from common Lampung place-name parts; the city and everything above it are the real ones;
- polygons: one Voronoi tessellation of Metro's bounding box (Lloyd-relaxed seeds), its shared edges
  densified and bent by one smooth, injective warp of the plane (so neighbours still share every edge),
  simplified as a coverage with shapely.coverage_simplify, about 50 vertices per kelurahan like the real
  simplified boundaries; each kecamatan is the union of its kelurahan; rings clockwise for Vega-Lite and
  stored as GeoJSON text exactly as metro_poverty/pipeline/boundaries.py stores them;
- observations: every indicator the real data has at kelurahan level, with the same periods, series,
  sources, status ('illustrative') and origin files, for every generated kelurahan: each one copies the
  rows of a real kelurahan, rescaled (counts) and shifted on the logit scale (rates), then summed up to
  kecamatan and city by metro_poverty.pipeline.harmonize.aggregate_up, as the real build does.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box, mapping

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from metro_poverty.headline import CITY  # noqa: E402
from metro_poverty.pipeline import boundaries as bnd  # noqa: E402
from metro_poverty.store import pointer  # noqa: E402
from metro_poverty.store.build import Inputs, _write, collect  # noqa: E402
from metro_poverty.pipeline.harmonize import OBS_COLUMNS, aggregate_up, typed  # noqa: E402

N_KECAMATAN = 230
N_KELURAHAN = 2600
SEED = 1872
METRO_BOUNDS = (105.2622, -5.17875, 105.35923, -5.05453)  # the real boundaries' extent (used without boundary files)
SUB_CITY = ("kecamatan", "kelurahan")
DENSIFY = 12  # points per Voronoi edge before simplification
SIMPLIFY = 0.012  # coverage_simplify tolerance, as a share of the typical edge length

_FIRST = ["Suka", "Margo", "Sido", "Tanjung", "Banjar", "Rejo", "Mulyo", "Tri", "Bumi", "Karang", "Purwo", "Sumber", "Wono",
          "Jati", "Tegal", "Gunung", "Way", "Labuhan", "Negeri", "Talang", "Teluk", "Srengsem", "Hadi", "Yoso", "Tejo"]
_SECOND = ["maju", "rejo", "mulyo", "agung", "asri", "jaya", "sari", "makmur", "harjo", "dadi", "sentosa", "basuki", "kencana",
           "indah", "baru", "lestari", "utama", "wangi", "kerto", "subur"]


@dataclass
class ProvinceStore:
    directory: Path  # use as METRO_POVERTY_STORE_DIR
    path: Path  # the store file CURRENT points at
    n_kecamatan: int
    n_kelurahan: int
    n_observations: int
    mean_vertices: dict[str, float]  # per polygon, by level, after simplification
    seconds: float


def generate(directory: Path | None = None, n_kecamatan: int = N_KECAMATAN, n_kelurahan: int = N_KELURAHAN,
             seed: int = SEED, inputs: Inputs | None = None) -> ProvinceStore:
    """Write a province-scale store in `directory` (a new temporary directory when None) and point CURRENT at it."""
    started = time.perf_counter()
    directory = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="metro-province-"))
    directory.mkdir(parents=True, exist_ok=True)
    ref, observations, real_shapes, problems = collect(inputs or Inputs())
    rng = np.random.default_rng(seed)
    geo = _tessellation(_bounds(real_shapes), n_kecamatan, n_kelurahan, rng)
    regions = _regions(ref.regions, geo)
    # every other reference table (catalogue, sources, units, ...) is the real one
    new_ref = dataclasses.replace(ref, regions=regions, aliases=_aliases(ref.aliases, regions), tiles=_tiles(regions))
    kel_obs = _kelurahan_observations(observations, ref.regions, regions, rng)
    kept = _city_and_above(observations, ref.regions)
    base = typed(pd.concat([kept, kel_obs], ignore_index=True))
    all_obs = pd.concat([base, aggregate_up(base, regions, ref.catalogue)], ignore_index=True)
    # the columns the build stores (OBS_COLUMNS and any the pipeline adds); generated rows leave the others empty
    all_obs = all_obs.reindex(columns=list(observations.columns)).astype({c: object for c in observations.columns if c not in OBS_COLUMNS})
    for c in observations.columns:
        if c not in OBS_COLUMNS:
            all_obs[c] = all_obs[c].where(all_obs[c].notna(), None)
    shapes = _shapes(geo)

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    final = directory / f"metro-{stamp}.duckdb"
    tmp = final.with_suffix(".duckdb.tmp")
    fp = f"province-{n_kecamatan}x{n_kelurahan}-seed{seed}"
    info = {"built_at": stamp, "fingerprint": fp, "map_kind": "boundary", "n_observations": str(len(all_obs))}
    try:
        _write(tmp, new_ref, all_obs, shapes, problems, info, "id")
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    pointer.point_to(directory, final.name, fp)
    vertices = {lvl: float(np.mean(shapely.get_num_coordinates(geo[lvl]["geometry"]))) for lvl in SUB_CITY}
    return ProvinceStore(directory, final, len(geo["kecamatan"]["codes"]), len(geo["kelurahan"]["codes"]), len(all_obs),
                         vertices, time.perf_counter() - started)


# ---------------------------------------------------------------------------------------------- geometry


def _bounds(real_shapes: pd.DataFrame) -> tuple[float, float, float, float]:
    if len(real_shapes) and (real_shapes.kind == "boundary").all():
        return tuple(shapely.total_bounds([shapely.from_geojson(g) for g in real_shapes.geometry_json]))
    return METRO_BOUNDS


def _relaxed_points(n: int, frame, rng: np.random.Generator, rounds: int = 3) -> np.ndarray:
    """n well-spread points in the polygon `frame`: random points moved to their Voronoi cells' centroids."""
    x0, y0, x1, y1 = frame.bounds
    pts = np.empty((0, 2))
    while len(pts) < n:
        cand = rng.uniform((x0, y0), (x1, y1), size=(2 * n, 2))
        pts = np.vstack([pts, cand[shapely.contains_xy(frame, cand[:, 0], cand[:, 1])]])
    pts = pts[:n]
    for _ in range(rounds):
        cells = _voronoi(pts, frame)
        pts = shapely.get_coordinates(shapely.centroid(cells))
    return pts


def _voronoi(pts: np.ndarray, frame) -> np.ndarray:
    """The Voronoi cells of pts clipped to frame, in the order of pts."""
    cells = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame, ordered=True)
    return shapely.intersection(shapely.get_parts(cells), frame)


def _warp_function(scale: float, rng: np.random.Generator):
    """A smooth map of the plane close to the identity and one-to-one (its displacement is a contraction:
    the amplitudes times the frequencies sum to less than 1), which bends straight Voronoi edges into
    boundary-like lines. scale: the typical edge length."""
    budget = 0.6
    waves = []
    for wavelength, share in ((scale * 3.0, 0.3), (scale * 1.1, 0.25), (scale * 0.4, 0.2)):
        k = 2 * np.pi / wavelength
        for axis in range(2):
            angle, phase = rng.uniform(0, 2 * np.pi, size=2)
            waves.append((axis, share * budget / 2 / k, k * np.array([np.cos(angle), np.sin(angle)]), phase))

    def warp(xy: np.ndarray) -> np.ndarray:
        out = xy.copy()
        for axis, amp, wave, phase in waves:
            out[:, axis] += amp * np.sin(xy @ wave + phase)
        return out

    return warp


def _tessellation(bounds, n_kecamatan: int, n_kelurahan: int, rng: np.random.Generator) -> dict:
    frame = box(*bounds)
    kel_pts = _relaxed_points(n_kelurahan, frame, rng)
    kec_pts = _relaxed_points(n_kecamatan, frame, rng)
    # each kelurahan first belongs to the nearest kecamatan centre (then made contiguous, see _contiguous)
    d2 = ((kel_pts[:, None, :] - kec_pts[None, :, :]) ** 2).sum(axis=2)
    parent = d2.argmin(axis=1)

    # One noded linework: every shared edge exists once, so densifying and warping it keeps neighbours exact.
    cells = shapely.set_precision(_voronoi(kel_pts, frame), 1e-9)
    lines = shapely.get_parts(shapely.union_all(shapely.boundary(cells)))
    edge = float(np.sqrt(frame.area / n_kelurahan)) / 2  # a cell has about 6 edges about this long
    warp = _warp_function(edge, rng)
    lines = shapely.segmentize(lines, edge / DENSIFY)
    lines = shapely.set_coordinates(lines, warp(shapely.get_coordinates(lines)))
    faces = shapely.get_parts(shapely.polygonize(lines))
    # a generator lies inside its own Voronoi cell, so its warped position lies inside its warped cell
    seeds = shapely.points(warp(kel_pts))
    hit_seed, hit_face = shapely.STRtree(faces).query(seeds, predicate="within")
    if len(faces) != n_kelurahan or len(set(hit_seed)) != n_kelurahan or len(set(hit_face)) != n_kelurahan:
        raise RuntimeError(f"tessellation: {len(faces)} faces for {n_kelurahan} kelurahan")
    kel_geoms = np.empty(n_kelurahan, dtype=object)
    kel_geoms[hit_seed] = faces[hit_face]
    parent = _contiguous(kel_geoms, parent)
    kel_geoms = shapely.coverage_simplify(kel_geoms, edge * SIMPLIFY)
    kel_geoms = shapely.orient_polygons(shapely.set_precision(kel_geoms, bnd.PRECISION_DEG), exterior_cw=True)
    kec_ids = [k for k in np.unique(parent)]
    kec_geoms = np.array([shapely.coverage_union_all(kel_geoms[parent == k]) for k in kec_ids])
    kec_geoms = shapely.orient_polygons(kec_geoms, exterior_cw=True)
    # kecamatan numbered in reading order (north to south, west to east), their kelurahan likewise
    order = _reading_order(kec_geoms)
    kec_codes, kel_codes, kel_parent, kel_index = [], [], [], []
    for n, i in enumerate(order, start=1):
        kec_codes.append(f"{CITY}.{n:03d}")
        members = np.flatnonzero(parent == kec_ids[i])
        if len(members) > 99:
            raise RuntimeError("more than 99 kelurahan in one kecamatan: sort_order would collide")
        for j, m in enumerate(members[_reading_order(kel_geoms[members])], start=1):
            kel_codes.append(f"{CITY}.{n:03d}.{1000 + j}")
            kel_parent.append(kec_codes[-1])
            kel_index.append(m)
    return {
        "kecamatan": {"codes": kec_codes, "geometry": kec_geoms[order], "parent": [CITY] * len(kec_codes)},
        "kelurahan": {"codes": kel_codes, "geometry": kel_geoms[kel_index], "parent": kel_parent},
    }


def _contiguous(kel_geoms: np.ndarray, parent: np.ndarray, passes: int = 20) -> np.ndarray:
    """Move kelurahan cut off from the main part of their kecamatan to a neighbouring kecamatan, so every
    kecamatan is one polygon (nearest-centre grouping leaves a few stray cells)."""
    parent = parent.copy()
    tree = shapely.STRtree(kel_geoms)
    for _ in range(passes):
        moved = 0
        for k in np.unique(parent):
            members = np.flatnonzero(parent == k)
            union = shapely.union_all(kel_geoms[members])
            if union.geom_type == "Polygon":
                continue
            main = max(shapely.get_parts(union), key=lambda g: g.area)
            for m in members:
                if shapely.within(shapely.point_on_surface(kel_geoms[m]), main):
                    continue
                neighbours = [n for n in tree.query(kel_geoms[m], predicate="intersects") if parent[n] != k]
                if neighbours:
                    parent[m] = parent[neighbours[0]]
                    moved += 1
        if not moved:
            break
    return parent


def _reading_order(geoms: np.ndarray) -> np.ndarray:
    """Indexes of geoms north to south in bands, west to east within a band."""
    pts = shapely.point_on_surface(geoms)
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    bands = max(1, int(round(np.sqrt(len(geoms)))))
    height = (y.max() - y.min()) / bands or 1.0
    band = np.minimum(((y.max() - y) / height).astype(int), bands - 1)
    return np.lexsort((x, band))


def _shapes(geo: dict) -> pd.DataFrame:
    """The boundaries table, in the columns and form of metro_poverty/pipeline/boundaries.py."""
    frames = []
    for level in ("kelurahan", "kecamatan"):
        geoms = geo[level]["geometry"]
        labels = shapely.point_on_surface(geoms)
        frames.append(pd.DataFrame({
            "region_code": geo[level]["codes"],
            "level": level,
            "geometry_json": [json.dumps(mapping(g)) for g in geoms],
            "label_lon": shapely.get_x(labels),
            "label_lat": shapely.get_y(labels),
            "kind": "boundary",
        }))
    return pd.concat(frames, ignore_index=True)[bnd.BOUNDARY_COLUMNS]


# ---------------------------------------------------------------------------------------------- regions


def _names(n: int, offset: int) -> list[str]:
    """n distinct place names ('Sukamaju', 'Margorejo', ...; a numeral once the pairs run out)."""
    pairs = [a + b for b in _SECOND for a in _FIRST]
    out = []
    numerals = ["", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X"]
    for i in range(offset, offset + n):
        out.append(pairs[(i * 7) % len(pairs)] + numerals[i // len(pairs)])
    return out


def _regions(real: pd.DataFrame, geo: dict) -> pd.DataFrame:
    """The real regions down to the city, then the generated kecamatan and kelurahan (all columns text, as
    load_reference reads them)."""
    kept = real[~real.level.isin(SUB_CITY)]
    kec, kel = geo["kecamatan"], geo["kelurahan"]
    kec_names = _names(len(kec["codes"]), 3)
    kel_names = _names(len(kel["codes"]), 101)
    area_km2 = _area_km2(kec["geometry"])
    kec_no = {c: i for i, c in enumerate(kec["codes"], start=1)}
    rows = []
    for i, code in enumerate(kec["codes"], start=1):
        rows.append([code, f"1872{i:03d}", kec_names[i - 1], "kecamatan", CITY, f"{area_km2[i - 1]:.2f}", "generated (benchmark)", "", str(100 * i)])
    for code, name, par in zip(kel["codes"], kel_names, kel["parent"]):
        k = kec_no[par]
        j = int(code.rsplit(".", 1)[1]) - 1000
        rows.append([code, f"1872{k:03d}{j:03d}", name, "kelurahan", par, "", "", f"34{(k * 7 + j) % 1000:03d}", str(100 * k + j)])
    generated = pd.DataFrame(rows, columns=list(real.columns[:9]))
    return pd.concat([kept, generated.reindex(columns=real.columns, fill_value="")], ignore_index=True)


def _area_km2(geoms: np.ndarray) -> np.ndarray:
    lat = np.radians(shapely.get_y(shapely.centroid(geoms)))
    return shapely.area(geoms) * 110.574 * 111.320 * np.cos(lat)


def _aliases(real: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """The real aliases of the regions kept, and the code and name aliases of the generated ones."""
    known = set(regions.region_code)
    kept = real[real.region_code.isin(known)]
    gen = regions[regions.level.isin(SUB_CITY)]
    rows = []
    for r in gen.itertuples(index=False):
        rows += [[r.name, r.level, r.region_code, "official_name", ""], [r.region_code, r.level, r.region_code, "kemendagri_code", ""],
                 [r.bps_code, r.level, r.region_code, "bps_code", ""]]
    return pd.concat([kept, pd.DataFrame(rows, columns=list(real.columns[:5])).reindex(columns=real.columns, fill_value="")],
                     ignore_index=True)


def _tiles(regions: pd.DataFrame) -> pd.DataFrame:
    """A schematic tile per kelurahan (not stored: the build keeps tiles only for maps without boundaries)."""
    kel = regions[regions.level == "kelurahan"].region_code.tolist()
    width = int(np.ceil(np.sqrt(len(kel))))
    return pd.DataFrame({"region_code": kel, "col": [str(i % width) for i in range(len(kel))], "row": [str(i // width) for i in range(len(kel))]})


# ---------------------------------------------------------------------------------------------- observations


def _city_and_above(obs: pd.DataFrame, real_regions: pd.DataFrame) -> pd.DataFrame:
    """Every observation that is not about Metro's real kecamatan or kelurahan nor summed up from them."""
    sub_city = set(real_regions.loc[real_regions.level.isin(SUB_CITY), "region_code"])
    summed = (obs.region_code == CITY) & (obs.quality_flag == "aggregated")
    return obs[~obs.region_code.isin(sub_city) & ~summed]


def _logit(p):
    p = np.clip(p, 0.002, 0.998)
    return np.log(p / (1 - p))


def _kelurahan_observations(obs: pd.DataFrame, real_regions: pd.DataFrame, regions: pd.DataFrame,
                            rng: np.random.Generator) -> pd.DataFrame:
    """For every generated kelurahan, the rows of a real kelurahan (its template): every indicator, period,
    series and source the real data has below the city. Counts are rescaled by the kelurahan's size, rates
    shifted on the logit scale by a kelurahan-and-indicator effect plus a little yearly noise."""
    real_kel = real_regions.loc[real_regions.level == "kelurahan", "region_code"]
    templates = typed(obs[obs.region_code.isin(real_kel)])
    if "batch_id" in templates:  # a figure corrected by a later loaded batch: only the newest counts
        templates = templates.sort_values("batch_id", na_position="first", kind="stable")
    keys = ["region_code", "indicator_code", "period", "series", "source_id", "status"]
    templates = templates.drop_duplicates(keys, keep="last").reset_index(drop=True)
    if templates.empty:
        raise RuntimeError("the real data has no kelurahan observations to imitate")
    new_kel = regions.loc[regions.level == "kelurahan", "region_code"].to_numpy()
    real_codes = np.array(sorted(templates.region_code.unique()))
    pick = real_codes[rng.integers(len(real_codes), size=len(new_kel))]
    size = rng.lognormal(0.0, 0.35, size=len(new_kel))
    per_kel = pd.DataFrame({"new_code": new_kel, "region_code": pick, "size": size})
    rows = per_kel.merge(templates, on="region_code", how="left")
    indicators = sorted(templates.indicator_code.unique())
    shift = pd.DataFrame(rng.normal(0.0, 0.45, size=(len(new_kel), len(indicators))), index=new_kel, columns=indicators)
    rows["shift"] = shift.stack().reindex(pd.MultiIndex.from_arrays([rows.new_code, rows.indicator_code])).to_numpy()
    noise = rng.normal(0.0, 0.08, size=len(rows))
    is_ratio = rows.numerator.notna() & rows.denominator.notna()
    den = np.maximum(1.0, np.round(rows.denominator * rows["size"] * np.exp(rng.normal(0, 0.02, size=len(rows)))))
    rate = 1 / (1 + np.exp(-(_logit(rows.numerator / rows.denominator) + rows["shift"] + noise)))
    num = np.minimum(den, np.round(rate * den))
    count = np.round(rows.value * rows["size"] * np.exp(0.5 * rows["shift"] + noise))
    out = pd.DataFrame({
        "indicator_code": rows.indicator_code,
        "region_code": rows.new_code,
        "period": rows.period,
        "series": rows.series,
        "value": np.where(is_ratio, 100.0 * num / den, count),
        "numerator": np.where(is_ratio, num, np.nan),
        "denominator": np.where(is_ratio, den, np.nan),
        "source_id": rows.source_id,
        "status": rows.status,
        "quality_flag": rows.quality_flag,
        "note": rows.note,
        "origin_file": rows.origin_file,
        "origin_line": np.arange(len(rows)) + 2,
    })
    return out[OBS_COLUMNS]


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    store = generate(directory)
    print(f"{store.n_kecamatan} kecamatan, {store.n_kelurahan} kelurahan, {store.n_observations:,} observations, "
          f"{store.mean_vertices['kelurahan']:.0f} / {store.mean_vertices['kecamatan']:.0f} vertices per kelurahan / kecamatan, "
          f"{store.path.stat().st_size / 2**20:.1f} MiB, {store.seconds:.1f} s")
    print(f"METRO_POVERTY_STORE_DIR={store.directory} .venv/bin/streamlit run serve.py")


if __name__ == "__main__":
    main()

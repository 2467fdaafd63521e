"""Build the store: every layer, every check, then an atomic swap.

The new store is written to a new file beside the current one; only when every check has passed is
the pointer file store/CURRENT replaced (an atomic rename), so a failed build leaves the last good
store serving. Old store files are removed later, once no app can still be reading them.

After the seed data (published figures, the manifest's raw files) the build replays every active
batch an OPD loaded through metro_poverty.intake, in load order, through the same layers; their
observations carry their batch_id. Builds, loads and rollbacks are serialized by the intake lock.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from metro_poverty import atomic
from metro_poverty import db, paths
from metro_poverty.pipeline import boundaries as bnd
from metro_poverty.store import batches as intake_batches
from metro_poverty.store import journal, pointer
from metro_poverty.store.lock import writer_lock
from metro_poverty.pipeline.harmonize import OBS_COLUMNS, aggregate_up, harmonize_records, latest_batches, typed
from metro_poverty.pipeline.manifest import load_manifest
from metro_poverty.problems import WARNING, BuildFailed, Problem, errors
from metro_poverty.pipeline.published import read_published
from metro_poverty.pipeline.published_long import load_long_specs, read_long_file
from metro_poverty.pipeline.raw import RawReadError, locate_table, read_rows
from metro_poverty.pipeline.reference import Reference, check_reference, load_reference, percent_max
from metro_poverty.pipeline.validate import validate_table

KEEP_OLD_STORES = 2
# batch_id: seed rows have none, a replayed batch's rows have its id; citation: where a row is known otherwise
# than its source says (a quoted official); decimals: the precision of a derived figure
STORE_OBS_COLUMNS = OBS_COLUMNS + ["batch_id", "citation", "decimals", "origin_batches"]


@dataclass
class Inputs:
    data_dir: Path = paths.DATA_DIR
    boundaries_dir: Path = paths.BOUNDARIES_DIR
    store_dir: Path = paths.STORE_DIR
    intake_dir: Path | None = None  # None: $METRO_POVERTY_INTAKE_DIR for the default store, else <store_dir>/intake

    @property
    def intake(self) -> Path:
        if self.intake_dir is not None:
            return self.intake_dir
        return paths.INTAKE_DIR if self.store_dir == paths.STORE_DIR else self.store_dir / "intake"

    @property
    def reference_dir(self) -> Path:
        return self.data_dir / "reference"

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def published_file(self) -> Path:
        return self.data_dir / "published" / "bps_published_figures.csv"


@dataclass
class BuildResult:
    path: Path
    n_observations: int
    map_kind: str
    seconds: float
    warnings: list[Problem] = field(default_factory=list)


def fingerprint(inputs: Inputs, batches: list | None = None) -> str:
    """Changes whenever an input file, a boundary file, a loaded batch, the pipeline code or the store SQL changes."""
    h = hashlib.sha256()
    code = paths.ROOT / "metro_poverty"
    folders = [inputs.reference_dir, inputs.raw_dir, inputs.published_file.parent, inputs.boundaries_dir]
    files = [(f"{d.name}/{p.relative_to(d)}", p) for d in folders for p in sorted(d.rglob("*")) if p.is_file()]
    sources = (sorted((code / "pipeline").glob("*.py")) + sorted((code / "intake").glob("*.py")) + sorted((code / "store").glob("*.py")) + [code / "regions.py"]
               + sorted(paths.QUERIES_DIR.glob("store_*.sql")))
    files += [(f"code/{p.parent.name}/{p.name}", p) for p in sources]
    for name, p in files:
        h.update(name.encode())
        h.update(p.read_bytes())
    batches = intake_batches.read_records(inputs.intake) if batches is None else batches
    for record in batches:
        h.update(record.to_json().encode())
    h.update(intake_batches.aliases(inputs.intake, batches).sort_values(["alias", "level"]).to_csv(index=False).encode())
    return h.hexdigest()[:16]


def is_stale(inputs: Inputs) -> bool:
    info = pointer.read(inputs.store_dir)
    try:
        return info is None or not (inputs.store_dir / info["file"]).is_file() or info.get("fingerprint") != fingerprint(inputs)
    except intake_batches.BadBatchRecord:
        return True


def collect(inputs: Inputs, batches: list | None = None) -> tuple[Reference, pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Every layer, in memory: reference, published and OPD observations, the loaded batches (those given,
    else those in the intake directory), boundaries, and all problems."""
    ref = load_reference(inputs.reference_dir)
    problems = check_reference(ref)
    if batches is None:
        try:
            batches = intake_batches.read_records(inputs.intake)
        except intake_batches.BadBatchRecord as exc:
            problems.append(exc.problem)
            batches = []
    ref.aliases = pd.concat([ref.aliases, intake_batches.aliases(inputs.intake, batches)], ignore_index=True)
    resolver = ref.resolver
    published, found = read_published(inputs.published_file, resolver, ref.catalogue, ref.units, ref.sources)
    problems += found
    frames = [published]
    for spec in load_manifest(inputs.raw_dir / "manifest.toml"):
        path = inputs.raw_dir / spec.path
        if not path.is_file():
            problems.append(Problem("missing_file", spec.path))
            continue
        try:
            rows, sheet = read_rows(path, spec.path, spec.encoding, spec.sep, spec.sheet)
            table = locate_table(rows, spec.path, spec.header, spec.header_rows, sheet)
        except RawReadError as exc:
            problems.append(exc.problem)
            continue
        records, found = validate_table(table, spec, percent_max=percent_max(ref.catalogue))
        problems += found
        obs, found = harmonize_records(records, spec, resolver, ref.catalogue, ref.units)
        problems += found
        frames.append(obs)
    for spec in load_long_specs(inputs.raw_dir / "manifest.toml"):
        path = inputs.raw_dir / spec.path
        if not path.is_file():
            problems.append(Problem("missing_file", spec.path))
            continue
        known = {u: sid for u, sid in zip(ref.sources["url"], ref.sources["source_id"]) if u}
        obs, sources, found = read_long_file(path, spec, resolver, ref.catalogue, ref.units, known)
        problems += found
        frames.append(obs)
        ref.sources = pd.concat([ref.sources, sources.fillna("")], ignore_index=True)
    loaded, found = intake_batches.replay_all(batches, inputs.intake, ref, resolver)
    problems += found
    frames.append(loaded)
    observations = typed(pd.concat([f for f in frames if not f.empty], ignore_index=True).reindex(columns=STORE_OBS_COLUMNS))
    observations["decimals"] = observations["decimals"].astype("Int64")
    # kecamatan and city sums use, per kelurahan and source, the newest batch's value (a correction counts once)
    observations = pd.concat([observations, aggregate_up(latest_batches(observations), ref.regions, ref.catalogue)], ignore_index=True)
    if bnd.has_boundary_files(inputs.boundaries_dir):
        shapes, found = bnd.read_boundaries(inputs.boundaries_dir, ref.regions)
        problems += found
    else:
        shapes = bnd.schematic_tiles(ref.tiles.astype({"col": int, "row": int}), ref.regions)
    province, found = bnd.read_province_boundaries(inputs.boundaries_dir, ref.regions)
    problems += found
    if len(province):
        shapes = pd.concat([shapes, province], ignore_index=True)
    return ref, observations[STORE_OBS_COLUMNS], shapes, problems


def build(inputs: Inputs | None = None, lang: str = "id", batches: list | None = None, before_swap=None) -> BuildResult:
    """Build a new store file and make it current; raises BuildFailed, leaving the current store untouched.

    `batches`: the batch records to replay, given by a load or rollback that holds the writers' lock;
    None (a plain build) takes the lock, finishes or drops an operation a killed process left, and
    replays the records in the intake directory. `before_swap` is called just before CURRENT changes.
    """
    inputs = inputs or Inputs()
    if batches is None:
        with writer_lock(inputs.intake):
            journal.recover(inputs.store_dir, inputs.intake)
            return _build(inputs, lang, None, before_swap)
    return _build(inputs, lang, batches, before_swap)


def _build(inputs: Inputs, lang: str, batches: list | None, before_swap) -> BuildResult:
    started = time.perf_counter()
    if batches is None:
        try:
            batches = intake_batches.read_records(inputs.intake)
        except intake_batches.BadBatchRecord as exc:
            raise BuildFailed([exc.problem]) from None
    ref, observations, shapes, problems = collect(inputs, batches)
    if errors(problems):
        raise BuildFailed(errors(problems))
    inputs.store_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    final = inputs.store_dir / f"metro-{stamp}.duckdb"
    tmp = final.with_suffix(".duckdb.tmp")
    map_kind = shapes.kind.iloc[0] if len(shapes) else "none"
    info = {"built_at": stamp, "fingerprint": fingerprint(inputs, batches), "map_kind": map_kind, "n_observations": str(len(observations))}
    try:
        _write(tmp, ref, observations, shapes, problems, info, lang, intake_batches.store_rows(batches, observations))
        atomic.put(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    if before_swap is not None:
        before_swap()
    pointer.point_to(inputs.store_dir, final.name, info["fingerprint"])
    _remove_old(inputs.store_dir, keep=final.name)
    return BuildResult(final, len(observations), map_kind, time.perf_counter() - started, [p for p in problems if p.severity == WARNING])


def _write(path: Path, ref: Reference, observations: pd.DataFrame, shapes: pd.DataFrame, problems: list[Problem], info: dict, lang: str,
           batches: pd.DataFrame | None = None) -> None:
    con = duckdb.connect(str(path))
    try:
        db.execute(con, "store_schema")
        staged = {
            "regions": ref.regions.replace("", None),
            "region_aliases": ref.aliases.replace("", None),
            "indicators": ref.catalogue.replace("", None).assign(position=range(len(ref.catalogue))),
            "sources": ref.sources.replace("", None),
            "indicator_pairs": ref.pairs,
            "reconciliation_tolerances": ref.tolerances.astype({"tolerance": float}),
            "targets": ref.targets.replace("", None).astype({"value": float, "year": "Int64"}),
            "observations": observations,
            "boundaries": shapes,
            "build_info": pd.DataFrame(list(info.items()), columns=["key", "value"]),
            "build_problems": _problem_rows(problems),
            "batches": batches if batches is not None else pd.DataFrame(columns=intake_batches.STORE_COLUMNS),
        }
        for name, frame in staged.items():
            con.register(f"staged_{name}", frame)
        db.execute(con, "store_load")
        db.execute(con, "store_materialize")
        failed = db.run(con, "store_checks").query("n > 0")
        if len(failed):
            raise BuildFailed([Problem("store_check_failed", path.name, fields={"check": r.check_name, "count": int(r.n)}) for r in failed.itertuples()])
        con.execute("checkpoint")
    finally:
        con.close()


def _problem_rows(problems: list[Problem]) -> pd.DataFrame:
    rows = [[p.severity, p.code, p.file, p.sheet, p.row, p.column, p.found("id") or None, p.message("id"), p.message("en")] for p in problems]
    return pd.DataFrame(rows, columns=["severity", "code", "file", "sheet", "row_number", "column_name", "value", "message_id", "message_en"])



def _remove_old(store_dir: Path, keep: str) -> None:
    """Keep the newest few: an app process may still hold a connection to the previous file."""
    old = sorted((p for p in store_dir.glob("metro-*.duckdb") if p.name != keep), reverse=True)
    for p in old[KEEP_OLD_STORES - 1 :]:
        try:
            p.unlink()
        except OSError:
            pass

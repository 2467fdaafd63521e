"""Where sources disagree: for a figure reported more than once, each value against the reference (the
one the pages show), the difference (none against an illustrative value), whether it passes the indicator's tolerance, and the likely reason
read from the catalogue and the statuses. Tolerances are for the same figure from two producers or two
versions (rounding-level, per indicator); a published figure is never checked against an illustrative
one, and concepts that differ by definition are set side by side, never checked. Pure: takes the rows of
the queries, returns tidy frames."""

from __future__ import annotations

import pandas as pd

STATUS_RANK = {"official": 0, "provisional": 1, "illustrative": 2}
COLUMNS = ["indicator_code", "region_code", "region_name", "period", "reference_value", "reference_source", "reference_status",
           "other_value", "other_source", "other_status", "difference", "tolerance", "flagged", "reason", "check",
           "reference_citation", "other_citation"]  # how each is known (primary, quoted, secondary), beside its status
# a difference within a tolerance is judged with room for the float error of the subtraction (6,78 − 6,77)
EPSILON = 1e-9
# what the check column says: beyond the tolerance, within it, or not a comparison at all; and a conflicting
# statement from another producer than the figure's (a local official's stunting rate beside Dinas Kesehatan's
# e-PPGBM figure) differs, but nothing says it is the same figure: a tolerance is for the same figure only
# (DOMAIN §6), so it is not 'beyond' one. Two outlets quoting one BPS count are checked against the tolerance.
BEYOND, WITHIN, NOT_COMPARED, UNCONFIRMED = "beyond", "within", "not_compared", "unconfirmed"


def _same_producer(reference: pd.Series, other: pd.Series) -> bool:
    """Whether both values relay the indicator's own producer (a source that names none is taken to)."""
    own = reference.get("producer")
    return all(pd.isna(v.get("source_producer")) or v.get("source_producer") == own for v in (reference, other))


def _reference(group: pd.DataFrame) -> pd.Series:
    """The value a page shows for the figure: published before illustrative, then conflicts last, official
    before provisional, and a source's newest delivery (batch) before older ones."""
    batch = group.batch_id if "batch_id" in group else pd.Series(None, index=group.index)
    ranked = group.assign(_made_up=group.status.eq("illustrative"), _conflict=group.quality_flag.eq("conflict"),
                          _rank=group.status.map(STATUS_RANK).fillna(3), _seed=batch.isna(), _batch=batch.fillna(""))
    ordered = ranked.sort_values(["_made_up", "_conflict", "_rank", "_seed", "_batch", "source_id"],
                                 ascending=[True, True, True, True, False, True])
    return group.loc[ordered.index[0]]


def reason(reference: pd.Series, other: pd.Series) -> str:
    """A reason code (texts: reconcile.reason.*) for why two values of one figure differ."""
    if (reference.status == "illustrative") != (other.status == "illustrative"):
        return "published_vs_illustrative"
    if "conflict" in (reference.quality_flag, other.quality_flag):
        return "conflicting_statements"
    if (reference.series or "") != (other.series or ""):
        return "method_break"
    if reference.source_id == other.source_id:
        return "new_delivery"
    return "different_source"


def disagreements(values: pd.DataFrame, tolerances: dict[str, float]) -> pd.DataFrame:
    """values: rows of queries/values_reported_twice.sql; one output row per value that is not the reference."""
    out = []
    for (code, region, period), group in values.groupby(["indicator_code", "region_code", "period"], sort=True):
        ref = _reference(group)
        tol = tolerances.get(code)
        for _, other in group.drop(index=ref.name).iterrows():
            why = reason(ref, other)
            # a made-up value has no difference from a published one: a number there would read as a finding
            diff = float("nan") if why == "published_vs_illustrative" else float(other.value) - float(ref.value)
            flagged = why != "published_vs_illustrative" and tol is not None and abs(diff) > tol + EPSILON
            if why == "conflicting_statements" and not _same_producer(ref, other):
                check, flagged = UNCONFIRMED, abs(diff) > EPSILON
            elif why == "published_vs_illustrative" or tol is None:
                check = NOT_COMPARED
            else:
                check = BEYOND if flagged else WITHIN
            out.append([code, region, ref.region_name, int(period), float(ref.value), ref.source_publisher, ref.status,
                        float(other.value), other.source_publisher, other.status, diff, tol, flagged, why, check,
                        ref.get("citation"), other.get("citation")])
    return pd.DataFrame(out, columns=COLUMNS)


def by_concern(rows: pd.DataFrame) -> pd.DataFrame:
    """Disagreements first, then values not compared, then those within rounding: what the FGD should look at on top."""
    order = {BEYOND: 0, UNCONFIRMED: 0, NOT_COMPARED: 1, WITHIN: 2}
    return rows.sort_values("check", key=lambda c: c.map(order), kind="stable").reset_index(drop=True)


def pair_rows(paired: pd.DataFrame) -> pd.DataFrame:
    """paired: rows of queries/paired_values.sql, each with why the two concepts differ (a survey against
    records, or two definitions). No difference and no tolerance: a definitional difference is not an error."""
    out = paired.copy()
    out["reason"] = [_pair_reason(ka, kb, va, vb) for ka, kb, va, vb in zip(out.kind_a, out.kind_b, out.value_a, out.value_b)]
    return out


def _pair_reason(kind_a, kind_b, value_a, value_b) -> str:
    """Why a row of a pair differs: nothing to set side by side (one concept has no value that year), a survey
    against records, or two definitions (the pair's note says which)."""
    if pd.isna(value_a) or pd.isna(value_b):
        return "one_side"
    return "survey_vs_record" if kind_a != kind_b else "definition"

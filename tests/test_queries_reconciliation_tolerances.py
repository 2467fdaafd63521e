"""queries/reconciliation_tolerances.sql with literal rows: per indicator, how far apart two sources may be
before the reconciliation view flags them."""

from tests.query_support import empty_store, insert, result

TOLERANCE = ("indicator", "tolerance", "note")


def test_every_tolerance_with_its_note():
    with empty_store() as con:
        insert(con, "reconciliation_tolerances", indicator="p0", tolerance=0.5, note="percentage points")
        insert(con, "reconciliation_tolerances", indicator="stunting_eppgbm", tolerance=1.0, note=None)
        assert sorted(result(con, "reconciliation_tolerances", TOLERANCE)) == [
            ("p0", 0.5, "percentage points"), ("stunting_eppgbm", 1.0, None),
        ]


def test_no_tolerances_gives_no_rows():
    with empty_store() as con:
        assert result(con, "reconciliation_tolerances", TOLERANCE) == []

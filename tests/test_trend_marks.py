"""The markers of a trend tell every kind of value apart: two marks with different labels never share a shape."""

from metro_poverty.charts.trend import MARK_SHAPES
from metro_poverty.provenance import MARKS, mark_label


def test_marks_with_different_labels_have_different_shapes():
    for lang in ("id", "en"):
        by_shape: dict[str, set[str]] = {}
        for mark in MARKS:
            by_shape.setdefault(MARK_SHAPES[mark], set()).add(mark_label(mark, lang))
        assert all(len(labels) == 1 for labels in by_shape.values()), by_shape

"""Dimension page: health. One design for the four dimensions (metro_poverty/ui/dimension_page.py)."""

from metro_poverty.ui.dimension_page import render

render("health")

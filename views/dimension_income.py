"""Dimension page: income. One design for the four dimensions (metro_poverty/ui/dimension_page.py)."""

from metro_poverty.ui.dimension_page import render

render("income")

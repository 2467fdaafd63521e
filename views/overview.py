"""Ringkasan: headline figures, the P0 trend and a map (metro_poverty/ui/overview_page.py)."""

from metro_poverty.ui.overview_page import render

render()

"""Sumber & status data: sources, statuses and build problems (metro_poverty/ui/data_sources_page.py)."""

from metro_poverty.ui.data_sources_page import render

render()

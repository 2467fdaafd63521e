"""Simulasi Kebijakan: what-if scenarios on household microdata (metro_poverty/ui/scenario_page.py)."""

from metro_poverty.ui.scenario_page import render

render()

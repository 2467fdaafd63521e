"""Sinkronisasi Data: where sources disagree, and how complete the data are (metro_poverty/ui/reconcile_page.py)."""

from metro_poverty.ui.reconcile_page import render

render()

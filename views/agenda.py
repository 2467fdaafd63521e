"""Agenda & Presentasi: FGD agendas of saved views, presented step by step (metro_poverty/ui/agenda_page.py)."""

from metro_poverty.ui.agenda_page import render

render()

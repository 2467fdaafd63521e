"""Konsep & Definisi: the indicator catalogue as Satu Data metadata cards (metro_poverty/ui/catalogue_page.py)."""

from metro_poverty.ui.catalogue_page import render

render()

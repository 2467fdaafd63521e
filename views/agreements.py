"""Kesepakatan FGD: agreements recorded per indicator, sessions locked when closed, minutes (metro_poverty/ui/agreements_page.py)."""

from metro_poverty.ui.agreements_page import render

render()

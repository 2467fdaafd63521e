"""Metro di Lampung: the 15 kab/kota for one poverty indicator (metro_poverty/ui/kabkota_page.py)."""

from metro_poverty.ui.kabkota_page import render

render()

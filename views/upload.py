"""Unggah Data: OPD data intake by signed-in officers (metro_poverty/ui/upload_page.py)."""

from metro_poverty.ui.upload_page import render

render()

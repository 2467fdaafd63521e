"""Profil Wilayah: all indicators of one kecamatan or kelurahan (metro_poverty/ui/profile_page.py)."""

from metro_poverty.ui.profile_page import render

render()

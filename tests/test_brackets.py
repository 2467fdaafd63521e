"""metro_poverty.brackets: a text set in brackets inside a sentence never closes with '))'."""

import pytest

from metro_poverty.brackets import unnested


@pytest.mark.parametrize("text, inside", [
    ("RPJPD Kota Metro 2025–2045 (Gini Kota Metro; bukan Gini Lampung)", "RPJPD Kota Metro 2025–2045 — Gini Kota Metro; bukan Gini Lampung"),
    ("shared/DOMAIN.md §4, kesehatan (berita daerah; artikel tidak tercatat)", "shared/DOMAIN.md §4, kesehatan — berita daerah; artikel tidak tercatat"),
    ("berita 2025/04/16/269: P0 dan GK Maret 2024", "berita 2025/04/16/269: P0 dan GK Maret 2024"),  # nothing to change
    ("halaman Unggah Data; «e-PPGBM_2024_[asli](x).csv», 2026-12-02", "halaman Unggah Data; «e-PPGBM_2024_[asli](x).csv», 2026-12-02"),
])
def test_inner_brackets_become_a_dash(text, inside):
    assert unnested(text) == inside and "))" not in f"({unnested(text)})"

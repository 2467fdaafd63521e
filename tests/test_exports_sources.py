"""The source line written into exports (metro_poverty.source_line) is the one the pages show."""

import pandas as pd

from metro_poverty.source_line import source_line
from metro_poverty.ui.badges import source_line as page_source_line

ROWS = pd.DataFrame({
    "source_publisher": ["BPS Kota Metro", "BPS Kota Metro", "Databoks (Katadata) mengutip BPS"],
    "source_title": ["Profil kemiskinan Kota Metro 2024", "Profil kemiskinan Kota Metro 2024", "Persentase penduduk miskin"],
    "source_reference": ["metrokota.bps.go.id news 2025/04/16/269", "metrokota.bps.go.id news 2025/04/16/269", None],
})


def test_each_source_is_named_once_with_its_reference_when_it_has_one():
    assert source_line(ROWS, "id") == ("Sumber: BPS Kota Metro: Profil kemiskinan Kota Metro 2024 (metrokota.bps.go.id news 2025/04/16/269); "
                                       "Databoks (Katadata) mengutip BPS: Persentase penduduk miskin")


def test_the_export_source_line_is_the_page_source_line():
    for lang in ("id", "en"):
        assert source_line(ROWS, lang) == page_source_line(ROWS, lang)


def test_no_rows_no_source_line():
    assert source_line(ROWS.iloc[0:0], "id") == ""

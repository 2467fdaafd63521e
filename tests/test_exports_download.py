"""Downloads for st.download_button (metro_poverty.exports.download): nothing is made until clicked,
and each comes with a file name and MIME type."""

import pandas as pd

from metro_poverty.exports import chart_image, download, tables


def test_a_chart_download_renders_nothing_until_its_data_is_asked_for(monkeypatch):
    calls = []
    monkeypatch.setattr(chart_image, "chart_png", lambda spec, **kw: calls.append(kw) or b"png")
    d = download.chart_png({"mark": "bar"}, title="Peta Keluarga desil 1–4, 2024", source="Sumber: x", statuses=iter(["official"]))
    assert calls == []
    assert d.data() == b"png" and calls[0]["statuses"] == ["official"]
    assert (d.file_name, d.mime) == ("peta-keluarga-desil-1-4-2024.png", "image/png")


def test_table_downloads_name_their_files_and_types():
    frame = pd.DataFrame({"Kelurahan": ["Metro"], "Nilai": [1.5]})
    csv, xlsx = download.table_csv(frame, "aps-7-12-2024"), download.table_xlsx(frame, "aps-7-12-2024")
    assert (csv.file_name, csv.mime, csv.data()) == ("aps-7-12-2024.csv", "text/csv", tables.table_csv(frame))
    assert xlsx.file_name == "aps-7-12-2024.xlsx" and xlsx.data().startswith(b"PK")


def test_the_brief_file_is_named_in_the_language_of_the_brief():
    assert download.city_brief(2024, "id").file_name == "potret-kemiskinan-kota-metro-2024.pdf"
    assert download.city_brief(2024, "en").file_name == "poverty-profile-kota-metro-2024.pdf"


def test_slug_makes_a_plain_file_name_from_any_title():
    assert download.slug("Persentase penduduk miskin (P0), 2015–2025") == "persentase-penduduk-miskin-p0-2015-2025"
    assert download.slug("Café – Pendidikan") == "cafe-pendidikan" and download.slug("—") == "export"

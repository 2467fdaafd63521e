"""A source title's compiler's note reads in the UI language; the document's own title is never rewritten."""

import re

import pandas as pd
import pytest

from metro_poverty.source_text import localized
from metro_poverty import paths
from metro_poverty.paths import RAW_DIR


@pytest.mark.parametrize("title, expected", [
    ("Angka Kemiskinan Metro Turun (Suara Lampung, 3 Oct 2025; Kepala BPS Kota Metro quoted)",
     "Angka Kemiskinan Metro Turun (Suara Lampung, 3 Okt 2025; mengutip Kepala BPS Kota Metro)"),
    ("Jumlah Penduduk dan Persentase Kemiskinan di Kota Metro 2004-2024 (Databoks, citing BPS)",
     "Jumlah Penduduk dan Persentase Kemiskinan di Kota Metro 2004-2024 (Databoks, mengutip BPS)"),
    ("BPS Catat Angka Kemiskinan Menurun (Saung Berita, 20 Nov 2019; Sekda Way Kanan citing BPS Way Kanan)",
     "BPS Catat Angka Kemiskinan Menurun (Saung Berita, 20 Nov 2019; Sekda Way Kanan mengutip BPS Way Kanan)"),
    ("Penyebab Lampura Termiskin (Radar Lampung, 2023; BPS Kab. Lampung Utara data)",
     "Penyebab Lampura Termiskin (Radar Lampung, 2023; data BPS Kab. Lampung Utara)"),
    ("Metro Terkini Edisi April 2025 (BPS Kota Metro news, 16 Apr 2025)", "Metro Terkini Edisi April 2025 (berita BPS Kota Metro, 16 Apr 2025)"),
    ("4 Wilayah Paling Miskin (gomotogp.id, p.2)", "4 Wilayah Paling Miskin (gomotogp.id, hlm. 2)"),
    ("Kemiskinan Lampung Timur (sepuluhdetik.id, 18 Oct 2023; citing BPS Lampung Timur)",
     "Kemiskinan Lampung Timur (sepuluhdetik.id, 18 Okt 2023; mengutip BPS Lampung Timur)"),
])
def test_the_compilers_note_reads_in_indonesian(title, expected):
    assert localized(title, "id") == expected
    assert localized(title, "en") == title  # the notes are written in English


@pytest.mark.parametrize("title", [
    "Kemiskinan (Maret) turun di Metro quoted",  # a parenthesis inside the title, not at its end: nothing is the note
    "Rakor Teknis TKPK Tanggamus 2025 (Medinas Lampung News; Wakil Bupati Tanggamus)",  # no pattern knows a part: kept
    "Angka turunan: dihitung dari angka bersumber",
])
def test_a_title_without_a_known_note_is_left_as_written(title):
    assert localized(title, "id") == title


def test_no_english_compiler_word_is_left_in_the_published_kabkota_titles():
    titles = pd.read_csv(RAW_DIR / "kabkota" / "lampung_kabkota_poverty.csv").source_title.unique()
    shown = [localized(t, "id") for t in titles]
    english = re.compile(r" quoted|citing | (Oct|Aug|Dec|May) \d|\bp\.\d")
    assert not [s for s in shown if english.search(s)]
    for raw, text in zip(titles, shown):  # the title before the note is the document's, as printed
        assert text[:raw.rindex("(")] == raw[:raw.rindex("(")]


INDONESIAN = re.compile(r"mengutip|dihimpun|Catatan proyek|ILUSTRASI|ilustrasi|paragraf|kesehatan|berita|halaman|tidak tercatat|"
                        r"Angka |Pernyataan|Rekap|diserahkan|Media daerah|uji coba")


def test_the_projects_words_about_every_source_read_in_english():
    sources = pd.read_csv(paths.REFERENCE_DIR / "sources.csv")
    documents = {"bps_metro_poverty_2024"}  # a title as printed stays in its language
    shown = [(r.source_id, field, localized(getattr(r, field), "en")) for r in sources.itertuples() for field in ("title", "publisher", "locator")
             if isinstance(getattr(r, field), str) and not (field == "title" and r.source_id in documents)]
    assert [s for s in shown if INDONESIAN.search(s[2])] == []


def test_every_note_on_a_published_value_reads_in_indonesian():
    notes = pd.read_csv(paths.PUBLISHED_DIR / "bps_published_figures.csv").note.dropna().unique()
    assert notes.size and [n for n in notes if localized(n, "id") == n] == []


def test_an_opds_illustrative_upload_and_a_loaded_file_keep_their_own_words():
    assert localized("Dinas Sosial Kota Metro (data ilustrasi)", "en") == "Dinas Sosial Kota Metro (illustrative data)"
    assert localized("halaman Unggah Data; «Rekap desil.xlsx», 2026-12-01, batch 7", "en") == \
        "the Upload data page; «Rekap desil.xlsx», 2026-12-01, batch 7"  # the file's name as the officer gave it
    assert localized("halaman Unggah Data; «a, batch b.csv», 2026-12-01, batch 7; «c.csv», 2026-12-02, batch 8", "id") == \
        "halaman Unggah Data; «a, batch b.csv», 2026-12-01, unggahan 7; «c.csv», 2026-12-02, unggahan 8"  # Indonesian words


def test_every_note_a_page_can_show_under_a_chart_reads_in_indonesian():
    """badges.value_notes shows the note of every flagged value drawn: none may stay in the compiler's English."""
    from metro_poverty import db

    waiting = db.run(db.read_connection().cursor(), "values_awaiting_confirmation")
    notes = set(waiting.loc[waiting.quality_flag.isin(["unverified", "conflict"]), "note"].dropna()) - {""}
    assert notes and [n for n in notes if localized(n, "id") == n] == []

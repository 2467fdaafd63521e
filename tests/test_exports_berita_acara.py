"""The berita acara of an FGD session (metro_poverty.fgd.berita_acara, exports.berita_acara) as PDF and DOCX:
title, day and date, place, attendees with institution, each agreed indicator with its card, decisions,
open issues, the follow-up table with owners and dates, the signature block, page numbers."""

import io

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from app_support import ensure_store
from metro_poverty import db
from metro_poverty.catalog import CATALOGUE_PARAMS, catalogue_from_frame
from metro_poverty.exports.berita_acara import berita_acara_docx, berita_acara_pdf
from metro_poverty.fgd.berita_acara import attendee, document, signatories

SESSION = {
    "title": "FGD Stunting Kota Metro", "date": "2026-11-30", "place": "Aula Bappeda Kota Metro", "status": "closed",
    "closed_by": "sekretaris.fgd", "closed_at": "2026-11-30T06:24:38Z",
    "attendees": ["Ani — BPS Kota Metro", "Budi, Dinas Kesehatan", "=cmd|' -C calc'!A0"],
    "agreements": [{"indicator": "stunting_eppgbm", "definition": "Persentase balita TB/U < −2 SD di antara yang diukur",
                    "method": "100 × stunting / diukur", "reference_source": "e-PPGBM Agustus", "producer": "Dinas Kesehatan",
                    "open_issues": "Cakupan penimbangan 2025 [lihat](http://evil.example)",
                    "follow_ups": [{"action": "Kirim rekap e-PPGBM 2025", "owner": "Dinas Kesehatan", "due": "2026-12-15"}],
                    "recorded_by": "sekretaris.fgd", "recorded_at": "2026-11-30T05:00:00Z"}],
}


@pytest.fixture(scope="module")
def doc():
    ensure_store()
    catalogue = catalogue_from_frame(db.read("indicator_catalogue", **CATALOGUE_PARAMS))
    return document(SESSION, catalogue, "id", signers=[("Kepala BPS Kota Metro", "Arum Purbowati"), ("Kepala Bappeda Kota Metro", "")])


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    d = Docx(io.BytesIO(data))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    footer = "".join(r.text for p in d.sections[0].footer.paragraphs for r in p.runs)
    return "\n".join([p.text for p in d.paragraphs] + cells + [footer])


def test_the_pdf_says_who_met_when_where_what_was_agreed_and_who_signs(doc):
    text = pdf_text(berita_acara_pdf(doc))
    for expected in ("BERITA ACARA FOCUS GROUP DISCUSSION", "Senin, 30 November 2026", "Aula Bappeda Kota Metro",
                     "BPS Kota Metro", "Dinas Kesehatan", "Prevalensi Stunting (penimbangan e-PPGBM)",
                     "100 × stunting / diukur", "Cakupan penimbangan 2025", "Kirim rekap e-PPGBM 2025", "Selasa, 15 Desember 2026",
                     "Kepala BPS Kota Metro", "Arum Purbowati", "Kepala Bappeda Kota Metro", "Halaman 1 dari 1", "13.24 WIB"):
        assert expected in text, expected


def test_the_docx_holds_the_same_document_with_word_page_fields(doc):
    data = berita_acara_docx(doc)
    text = docx_text(data)
    for expected in ("BERITA ACARA FOCUS GROUP DISCUSSION", "Senin, 30 November 2026", "Ani", "BPS Kota Metro",
                     "Prevalensi Stunting (penimbangan e-PPGBM)", "Kirim rekap e-PPGBM 2025", "Selasa, 15 Desember 2026",
                     "Kepala Bappeda Kota Metro", "Halaman "):
        assert expected in text, expected
    assert b"NUMPAGES" in __import__("zipfile").ZipFile(io.BytesIO(data)).read("word/footer1.xml")


def test_typed_text_stays_as_typed_in_both_documents(doc):
    # no Markdown is read and nothing is escaped: the room's words, exactly
    assert "[lihat](http://evil.example)" in pdf_text(berita_acara_pdf(doc))
    assert "[lihat](http://evil.example)" in docx_text(berita_acara_docx(doc))


def test_attendees_are_split_into_name_and_institution():
    assert [attendee(a) for a in ("Ani — BPS Kota Metro", "Budi, Dinas Kesehatan", "Citra (Bappeda)", "Dedi")] == [
        ("Ani", "BPS Kota Metro"), ("Budi", "Dinas Kesehatan"), ("Citra", "Bappeda"), ("Dedi", "–")]


def test_the_deployment_names_its_signatories(tmp_path):
    path = tmp_path / "signatories.toml"
    path.write_text('[[signatory]]\nrole_id = "Kepala BPS Kota Metro"\nrole_en = "Head of BPS Kota Metro"\nname = "Arum"\n')
    assert signatories("en", path) == [("Head of BPS Kota Metro", "Arum")]


def test_without_a_deployment_file_the_chair_and_the_secretary_sign(tmp_path):
    assert signatories("id", tmp_path / "missing.toml") == [("Pimpinan FGD", ""), ("Sekretaris FGD (notulis)", "")]


def test_the_minutes_are_signed_in_metro_on_the_day_of_the_fgd_whatever_the_venue(doc):
    assert doc.place_date == "Metro, 30 November 2026"  # not "Aula Bappeda Kota Metro, Senin, 30 November 2026"
    assert "Metro, 30 November 2026" in pdf_text(berita_acara_pdf(doc)) and "Metro, 30 November 2026" in docx_text(berita_acara_docx(doc))

"""The berita acara (metro_poverty.fgd.berita_acara) as PDF (fpdf2, the brief's fonts, offline) and as DOCX
(python-docx), the same document in both: title, opening, attendance table, one section per agreed
indicator (card, decisions, open issues), the follow-up table, the signature block, page numbers. Typed
text is set as plain text: no markup is read in either format."""

from __future__ import annotations

import io

from metro_poverty.exports.pdf_page import MARGIN, new_pdf, style
from metro_poverty.fgd.berita_acara import Document, labels

SIGN_SPACE_MM = 22.0  # room for a signature and a stamp


# --- PDF -----------------------------------------------------------------------------------------------------------

def berita_acara_pdf(doc: Document) -> bytes:
    words = labels(doc.lang)

    def page_number(page):
        page.set_y(-10)
        style(page, 8, colour="#555555")
        page.cell(0, 5, words["page"].format(n=page.page_no(), total="{nb}"), align="C")

    pdf = new_pdf("minutes", footer=page_number)
    pdf.set_margins(MARGIN + 6, MARGIN, MARGIN + 6)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    w = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text, size=10.5, bold=False, align="L", after=1.5):
        style(pdf, size, bold)
        pdf.multi_cell(w, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(after)

    para(doc.title, 14, True, "C", 0.5)
    para(doc.session_title, 12, True, "C", 0.5)
    para(doc.status, 9, False, "C", 4)
    para(doc.opening, 10.5, after=3)
    para(words["attendees"], 11.5, True)
    _pdf_table(pdf, [words["no"], words["name"], words["institution"]], [(str(i), n, inst) for i, (n, inst) in enumerate(doc.attendees, 1)],
               [0.08, 0.46, 0.46], w)
    pdf.ln(3)
    para(words["agreements"], 11.5, True)
    if not doc.items:
        para(words["none"])
    for item in doc.items:
        para(f"{item.number}. {item.name} ({item.code})", 11, True, after=0.5)
        for heading, rows in ((words["card"], item.card), (words["decisions"], item.decisions)):
            if rows:
                para(heading, 9.5, True, after=0.3)
                for label, text in rows:
                    para(f"{label}: {text}", 9.5, after=0.3)
        para(f"{words['open_issues']}: {item.open_issues}", 9.5, after=0.3)
        para(item.recorded, 8.5, after=2.5)
    para(words["follow_ups"], 11.5, True)
    if doc.follow_ups:
        _pdf_table(pdf, [words["no"], words["action"], words["owner"], words["due"], words["indicator"]],
                   [(str(i), *row) for i, row in enumerate(doc.follow_ups, 1)], [0.06, 0.38, 0.2, 0.16, 0.2], w)
    else:
        para("–")
    pdf.ln(4)
    _pdf_signatures(pdf, doc, w)
    return bytes(pdf.output())


def _pdf_table(pdf, header: list[str], rows: list[tuple], shares: list[float], width: float) -> None:
    widths = [width * s for s in shares]
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.6, first_row_as_headings=True) as table:
        style(pdf, 9, bold=True)
        head = table.row()
        for h in header:
            head.cell(h)
        style(pdf, 9)
        for row in rows:
            r = table.row()
            for cell in row:
                r.cell(str(cell))


def _pdf_signatures(pdf, doc: Document, width: float) -> None:
    if pdf.get_y() + SIGN_SPACE_MM + 22 > pdf.h - 16:
        pdf.add_page()
    style(pdf, 10)
    pdf.cell(width, 5, doc.place_date, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    n = len(doc.signatories)
    col = width / max(n, 1)
    top = pdf.get_y()
    for i, (role, name) in enumerate(doc.signatories):
        x = pdf.l_margin + i * col
        pdf.set_xy(x, top)
        style(pdf, 10, bold=True)
        pdf.multi_cell(col, 5, role, align="C")
        pdf.set_xy(x, top + 5 + SIGN_SPACE_MM)
        style(pdf, 10)
        pdf.multi_cell(col, 5, name or "(" + "." * 36 + ")", align="C")


# --- DOCX ----------------------------------------------------------------------------------------------------------

def berita_acara_docx(doc: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    words = labels(doc.lang)
    out = Docx()
    normal = out.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10.5)
    centre = WD_ALIGN_PARAGRAPH.CENTER

    def para(text, bold=False, size=None, align=None):
        p = out.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        return p

    para(doc.title, True, 14, centre)
    para(doc.session_title, True, 12, centre)
    para(doc.status, False, 9, centre)
    para(doc.opening)
    out.add_heading(words["attendees"], level=2)
    _docx_table(out, [words["no"], words["name"], words["institution"]], [(str(i), n, inst) for i, (n, inst) in enumerate(doc.attendees, 1)])
    out.add_heading(words["agreements"], level=2)
    if not doc.items:
        para(words["none"])
    for item in doc.items:
        out.add_heading(f"{item.number}. {item.name} ({item.code})", level=3)
        for heading, rows in ((words["card"], item.card), (words["decisions"], item.decisions)):
            if rows:
                para(heading, True)
                for label, text in rows:
                    p = out.add_paragraph(style="List Bullet")
                    p.add_run(f"{label}: ").bold = True
                    p.add_run(text)
        p = out.add_paragraph()
        p.add_run(f"{words['open_issues']}: ").bold = True
        p.add_run(item.open_issues)
        para(item.recorded, size=8.5)
    out.add_heading(words["follow_ups"], level=2)
    if doc.follow_ups:
        _docx_table(out, [words["no"], words["action"], words["owner"], words["due"], words["indicator"]],
                    [(str(i), *row) for i, row in enumerate(doc.follow_ups, 1)])
    else:
        para("–")
    para("")
    para(doc.place_date, align=WD_ALIGN_PARAGRAPH.RIGHT)
    signs = out.add_table(rows=3, cols=max(len(doc.signatories), 1))
    for i, (role, name) in enumerate(doc.signatories):
        signs.cell(0, i).paragraphs[0].add_run(role).bold = True
        signs.cell(1, i).paragraphs[0].add_run("\n\n\n\n")
        signs.cell(2, i).paragraphs[0].add_run(name or "(" + "." * 36 + ")")
        for r in range(3):
            signs.cell(r, i).paragraphs[0].alignment = centre
    _docx_page_numbers(out, words["page"])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _docx_table(out, header: list[str], rows: list[tuple]) -> None:
    table = out.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = str(text)


def _docx_page_numbers(out, template: str) -> None:
    """'Halaman 1 dari 3' in the footer, with Word's PAGE and NUMPAGES fields (filled when Word lays it out)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = out.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, rest = template.split("{n}", 1)
    middle, after = rest.split("{total}", 1)

    def field(code: str) -> None:
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText" if text == code else "w:t")
                if text == code:
                    el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)

    paragraph.add_run(before)
    field(" PAGE ")
    paragraph.add_run(middle)
    field(" NUMPAGES ")
    paragraph.add_run(after)

"""The FGD minutes as a PDF, from the same lines as the Markdown minutes (metro_poverty.fgd.minutes):
headings bold, list items indented, the follow-up table as a table. Offline, with the brief's fonts.
The typed text the Markdown escapes is unescaped here, and set as plain text (fpdf2 without markup)."""

from __future__ import annotations

from metro_poverty.exports.pdf_page import new_pdf, style
from metro_poverty.markdown_text import unescape


def _unmarked(line: str) -> str:
    """The line without Markdown emphasis: **bold** pairs, and a whole line in _italics_ or *italics*."""
    text = line.replace("**", "")
    for mark in ("_", "*"):
        if text.startswith(mark) and text.endswith(mark) and len(text) > 1:
            text = text[1:-1]
    return unescape(text)


def _cells(line: str) -> list[str]:
    return [unescape(c.strip()) for c in line.strip().strip("|").split("|")]


def minutes_pdf(markdown: str) -> bytes:
    pdf = new_pdf()
    pdf.set_auto_page_break(True, margin=12)  # minutes run as long as the session did
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    table: list[list[str]] = []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            if not set(line) <= set("|-: "):
                table.append(_cells(line))
            continue
        if table:
            _table(pdf, table, width)
            table = []
        text = _unmarked(line)
        if line.startswith("# "):
            style(pdf, 15, bold=True)
            pdf.multi_cell(width, 8, text[2:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("## "):
            pdf.ln(2)
            style(pdf, 12.5, bold=True)
            pdf.multi_cell(width, 7, text[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("### "):
            pdf.ln(1)
            style(pdf, 11, bold=True)
            pdf.multi_cell(width, 6, text[4:], new_x="LMARGIN", new_y="NEXT")
        elif line.strip():
            style(pdf, 10)
            pdf.multi_cell(width, 5.2, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(1.5)
    return bytes(pdf.output())


def _table(pdf, rows: list[list[str]], width: float) -> None:
    shares = [0.06, 0.38, 0.2, 0.14, 0.22][: len(rows[0])]
    style(pdf, 9)
    with pdf.table(col_widths=[width * x / sum(shares) for x in shares], text_align="LEFT", line_height=5) as table:
        for row in rows:
            cells = table.row()
            for cell in row:
                cells.cell(cell)

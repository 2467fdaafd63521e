"""An A4 page of the brief in fpdf2, and the text helpers the layout uses: a style, wrapped text that
returns where it ended, a size that fits one line. fpdf2 is imported only when a page is made."""

from __future__ import annotations

import io

from metro_poverty.charts import theme
from metro_poverty.exports import fonts

MARGIN = 12.0  # mm


def new_pdf(family: str = "brief", footer=None):
    """fpdf2's FPDF on A4 portrait in mm, no automatic page break, with a TrueType font from the machine
    registered as `family` (Helvetica, which knows only Latin-1, when there is none). `footer(pdf)`, when
    given, draws each page's footer."""
    from fpdf import FPDF

    class UnicodePDF(FPDF):
        core_font = False  # the built-in Helvetica knows only Latin-1

        def normalize_text(self, text):
            return super().normalize_text(fonts.latin1(text) if self.core_font else text)

        def footer(self):
            if footer is not None:
                footer(self)

    pdf = UnicodePDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    found = fonts.find_font()
    if found:
        pdf.add_font(family, "", str(found.regular))
        pdf.add_font(family, "B", str(found.bold))
        pdf.family_name = family
    else:
        pdf.core_font, pdf.family_name = True, "helvetica"
    return pdf


def opaque(png: bytes):
    """The chart without its alpha channel (it is drawn on white anyway): a smaller PDF, made faster."""
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def style(pdf, size: float, bold: bool = False, colour: str = theme.INK) -> None:
    pdf.set_font(pdf.family_name, "B" if bold else "", size)
    pdf.set_text_color(*rgb(colour))


def write(pdf, x: float, y: float, w: float, text: str, size: float, *, bold: bool = False, colour: str = theme.INK,
          line: float | None = None, max_lines: int | None = None) -> float:
    """Text wrapped into width w from (x, y); returns the y below it."""
    if not text:
        return y
    style(pdf, size, bold, colour)
    line = line or size * 0.42
    if max_lines:
        lines = pdf.multi_cell(w, line, text, dry_run=True, output="LINES")
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1].rstrip()[:-1] + "…"
        text = "\n".join(lines)
    pdf.set_xy(x, y)
    pdf.multi_cell(w, line, text, align="L")
    return pdf.get_y()


def fitting_size(pdf, text: str, w: float, size: float, bold: bool = False, smallest: float = 6.0) -> float:
    """The largest size up to `size` at which text fits on one line of width w."""
    style(pdf, size, bold)
    width = pdf.get_string_width(text)
    return max(smallest, size * min(1.0, 0.97 * (w - 2 * pdf.c_margin) / width)) if width else size

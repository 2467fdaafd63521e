"""Potret Kemiskinan Kota Metro {year}: a one-page A4 brief as PDF, made offline from the store.

Top to bottom: the headline figures with their change, status, citation and source (figures not released
for the year say so); a note that changes are not tested against sampling error; Metro's rank among
Lampung's kab/kota and published context; the P0 trend of Metro, Lampung and Indonesia up to the year;
on request only, one map per dimension under a red ILUSTRASI band (their data are made up); the
definitions of every indicator shown. Every figure carries its source. Text is set
in a TrueType font found on the machine (metro_poverty.exports.fonts); charts are PNGs rendered by
vl-convert at twice their printed resolution.
"""

from __future__ import annotations

from datetime import datetime

from metro_poverty import numfmt
from metro_poverty.compare import fallback_key
from metro_poverty.catalog import Indicator
from metro_poverty.charts import theme
from metro_poverty.exports.badge import COLOURS, badge_colour, badge_text, is_illustrative
from metro_poverty.exports.brief_content import EXTREME_PPP2017_SINCE, BriefContent, MapPanel, brief_content
from metro_poverty.exports.metadata import generated_at
from metro_poverty.exports.pdf_page import MARGIN, fitting_size, new_pdf, opaque, rgb, style, write
from metro_poverty.source_line import source_line
from metro_poverty.headline import Headline, caution_notes, compare_line, macro_notice, missing_text
from metro_poverty.provenance import cautions, decimals_of, mark_label, marks_of
from metro_poverty.i18n import t
from metro_poverty.brackets import unnested

PAGE_W, PAGE_H = 210.0, 297.0  # mm
FOOTER_Y = PAGE_H - 9.0  # the footer line sits in the bottom margin
WIDTH = PAGE_W - 2 * MARGIN
GAP = 3.0
CARD_H, CARD_COLS = 28.0, 3
TREND_H = 44.0
MAP_COLS, MAP_H = 4, 50.0
PX_PER_MM = 6.5  # chart pixels per printed mm: Vega's 15 px labels print at about 6 pt
GREY, LIGHT = "#555555", "#cccccc"


def city_brief_pdf(year: int, lang: str = "id", *, now: datetime | None = None, with_maps: bool = False) -> bytes:
    """The brief for `year` in `lang` ('id' or 'en') as PDF bytes: one A4 page. `with_maps` adds the
    kelurahan maps, which show illustrative data: only when asked for, on a second page with the definitions
    (on one page the maps' sources ran under the footer and the definitions fell off the page, unprinted)."""
    map_w = (WIDTH - GAP * (MAP_COLS - 1)) / MAP_COLS
    content = brief_content(year, lang, trend_px=_px(WIDTH, TREND_H), map_px=_px(map_w, MAP_H), with_maps=with_maps)
    pdf = new_pdf()
    pdf.set_title(t("exports.brief.title", lang, year=year))
    pdf.set_author(t("app.title", lang))
    pdf.set_lang(lang)
    pdf.add_page()
    y = header(pdf, content, now)
    y = headline_cards(pdf, content, y)
    y = context_section(pdf, content, y + 1.5)
    y = trend_section(pdf, content, y + GAP)
    if content.maps:
        footer(pdf, content)
        pdf.add_page()
        y = map_section(pdf, content, MARGIN) - GAP
    definitions(pdf, content, y + GAP)
    footer(pdf, content)
    return bytes(pdf.output())


def _px(w_mm: float, h_mm: float) -> tuple[int, int]:
    return round(w_mm * PX_PER_MM), round(h_mm * PX_PER_MM)


def header(pdf, c: BriefContent, now: datetime | None) -> float:
    y = write(pdf, MARGIN, MARGIN, WIDTH, t("exports.brief.title", c.lang, year=c.year), 19, bold=True, line=8)
    subtitle = t("exports.brief.subtitle", c.lang, app=t("app.title", c.lang), generated=generated_at(now, c.lang))
    y = write(pdf, MARGIN, y, WIDTH, subtitle, 7.5, colour=GREY) + 1.5
    pdf.set_draw_color(*rgb(LIGHT))
    pdf.line(MARGIN, y, PAGE_W - MARGIN, y)
    return y + 2.5


def headline_cards(pdf, c: BriefContent, y: float) -> float:
    y = write(pdf, MARGIN, y, WIDTH, t("exports.brief.headline", c.lang, year=c.year), 10.5, bold=True, line=5)
    y = write(pdf, MARGIN, y, WIDTH, macro_notice(c.catalogue, c.lang), 6.5, colour=GREY) + 1.5
    card_w = (WIDTH - GAP * (CARD_COLS - 1)) / CARD_COLS
    for i, h in enumerate(c.headlines):
        row, col = divmod(i, CARD_COLS)
        card(pdf, h, c.catalogue[h.indicator], c.lang, MARGIN + col * (card_w + GAP), y + row * (CARD_H + GAP), card_w)
    rows = -(-len(c.headlines) // CARD_COLS)
    return y + rows * CARD_H + (rows - 1) * GAP


def card(pdf, h: Headline, ind: Indicator, lang: str, x: float, y: float, w: float) -> None:
    pdf.set_draw_color(*rgb(LIGHT))
    pdf.rect(x, y, w, CARD_H)
    x, w = x + 2.5, w - 5
    name = ind.name(lang)
    y = write(pdf, x, y + 1.6, w, name, fitting_size(pdf, name, w, 7.5, bold=True), bold=True, line=3.2, max_lines=1)
    value = ind.fmt_compact(h.value, lang, decimals=h.decimals) if h.value is not None else t("provenance.not_in_store", lang)
    # 'Tidak ada di basis data' at the figures' size ran into the next card: it is written as large as fits
    style(pdf, 14 if h.value is not None else fitting_size(pdf, value, w, 14, bold=True), bold=True)
    pdf.set_xy(x, y + 0.3)
    pdf.cell(pdf.get_string_width(value) + 1.2, 6.5, value)
    style(pdf, 7, colour=GREY)
    pdf.cell(w, 7.2, unit_after(ind, lang) if h.value is not None else "")
    text, colour = change_text(h, ind, lang)
    # a card without the year's figure has room for its previous one whole ('sebelumnya 12,07 ribu jiwa (2024)' was cut,
    # leaving Lampung's and Indonesia's of that year beside nothing)
    y = write(pdf, x, y + 7, w, text, 7, colour=colour, max_lines=1 if h.value is not None else 3)
    # Lampung's and Indonesia's figures whole, with their statuses: 'Indonesia 10,14…' cut '(Sementara)' off a derived
    # figure. Smaller type first; two lines when even that does not fit.
    compared = compare_text(h, ind, lang)
    y = write(pdf, x, y, w, compared, fitting_size(pdf, compared, w, 6.5, smallest=5.6), colour=GREY, max_lines=2)
    caution = badge_colour([h.status]) if h.status != "official" else COLOURS["provisional"]  # a flag on an official figure
    y = write(pdf, x, y, w, notes_text(h, ind, lang), 6, bold=True, colour=caution, max_lines=2)
    source = t("common.source_line", lang, sources=h.source_publisher) if h.source_publisher else ""
    write(pdf, x, y + 0.3, w, source, 5.8, colour=GREY, max_lines=1)


def unit_after(ind: Indicator, lang: str) -> str:
    """The unit written after a compact value: 'ribu jiwa', '/kapita/bulan' (the 'Rp' is already in the value)."""
    unit = ind.label_unit(lang)
    return unit[2:].strip() if unit.startswith("Rp") else unit


def change_text(h: Headline, ind: Indicator, lang: str) -> tuple[str, str]:
    """'−0,50 poin vs 2023' in green when better, red when worse; or why there is no change."""
    if h.value is None:
        return missing_text(h, ind, lang), GREY
    if h.previous_value is not None and not h.comparable_previous:
        return t("common.series_break", lang, year=h.previous_period), GREY
    if h.change is None:
        return t("exports.brief.no_previous", lang), GREY
    places = decimals_of(h.change_decimals, ind.decimals)
    text = f"{numfmt.signed(h.change, places, lang)}{ind.difference_unit(lang)} {t('common.vs_year', lang, year=h.previous_period)}"
    better = ind.is_better(h.value, h.previous_value)
    return text, {True: theme.BETTER, False: theme.WORSE}.get(better, GREY)


def compare_text(h: Headline, ind: Indicator, lang: str) -> str:
    if h.province_value is None and h.country_value is None:
        return ""
    # a count is written with its unit (juta jiwa for the nation), the rest as compactly as the card's value
    return compare_line(h, ind.fmt if ind.is_count_measure else ind.fmt_compact, lang)


def notes_text(h: Headline, ind: Indicator, lang: str) -> str:
    return " · ".join(caution_notes(h, lang, ind.producer))


def context_section(pdf, c: BriefContent, y: float) -> float:
    """The sampling caveat, Metro's rank among the kab/kota computed from the figures, and published context."""
    lang, p0 = c.lang, c.catalogue["p0"]
    y = write(pdf, MARGIN, y, WIDTH, t("provenance.sampling", lang), 6.5, colour=GREY)
    lines = []
    s = c.standing
    if s is not None and not s.ranked:  # too few figures that year to rank (kabkota.ranks)
        lines.append(t("exports.brief.rank_few", lang, year=c.year, value=p0.fmt(s.value, lang), n=s.n_ranked, total=s.n_peers))
    elif s is not None:
        line = t("exports.brief.rank", lang, year=c.year, rank=s.rank_low, n=s.n_ranked, total=s.n_peers)
        if not s.is_lowest:
            line += " " + t("exports.brief.rank_lowest", lang, name=s.lowest_name, value=p0.fmt(s.lowest_value, lang),
                            mark=mark_label(s.lowest_mark, lang))
        lines.append(line)
    e = c.extreme
    if e is not None:
        ext = c.catalogue["p0_extreme"]
        notes = "; ".join(cautions(e.status, e.citation, e.quality_flag, ext.producer, lang))
        if e.period < EXTREME_PPP2017_SINCE <= c.year:  # a 2025 brief quoted 2022's 0,83% as if it were this year's measure
            notes += "; " + t("exports.brief.extreme_old_line", lang, since=EXTREME_PPP2017_SINCE)
        lines.append(t("exports.brief.extreme", lang, year=int(e.period), value=ext.fmt(e.value, lang), notes=notes,
                       source=e.source_publisher))
    if p0.target is not None:
        lines.append(t("exports.brief.target", lang, value=p0.fmt_target(lang), note=unnested(p0.target_note(lang))))
    for line in lines:
        y = write(pdf, MARGIN, y, WIDTH, line, 7, max_lines=2)
    return y


def trend_section(pdf, c: BriefContent, y: float) -> float:
    if c.trend is None:
        return y
    p0 = c.trend.rows
    title = t("overview.trend_title", c.lang, first=int(p0.period.min()), last=int(p0.period.max())) if len(p0) else ""
    y = write(pdf, MARGIN, y, WIDTH, title, 10.5, bold=True, line=5)
    pdf.image(opaque(c.trend.png), MARGIN, y, WIDTH, TREND_H, alt_text=title)
    return write(pdf, MARGIN, y + TREND_H + 0.5, WIDTH, source_line(p0, c.lang), 5.8, colour=GREY)


def map_section(pdf, c: BriefContent, y: float) -> float:
    y = write(pdf, MARGIN, y, WIDTH, t("exports.brief.maps", c.lang), 10.5, bold=True, line=5)
    y = write(pdf, MARGIN, y, WIDTH, t("notice.micro", c.lang), 6.5, colour=GREY) + 1
    w = (WIDTH - GAP * (MAP_COLS - 1)) / MAP_COLS
    bottoms = [map_cell(pdf, m, c, MARGIN + i * (w + GAP), y, w) for i, m in enumerate(c.maps)]
    return max(bottoms, default=y)


def map_cell(pdf, m: MapPanel, c: BriefContent, x: float, y: float, w: float) -> float:
    lang = c.lang
    title = t("exports.brief.map_title", lang, dimension=t(f"dimension.name.{m.dimension}", lang), indicator=m.indicator.short(lang),
              year=m.period)
    y = write(pdf, x, y, w, title, 7, bold=True, max_lines=3)  # "Pendapatan & Pengeluaran: Keluarga desil 1–4 nasional, 2024"
    statuses = marks_of(m.rows)
    if is_illustrative(statuses):  # a red band across the cell: made-up data, whatever else the page says
        band = badge_text(statuses, lang)
        pdf.set_fill_color(*rgb(badge_colour(statuses)))
        pdf.rect(x, y, w, 4.2, style="F")
        write(pdf, x + 1, y + 0.3, w - 2, band, 6.5, bold=True, colour="#ffffff", max_lines=1)
        y += 4.6
    else:
        y = write(pdf, x, y, w, badge_text(statuses, lang), 6.5, bold=True, colour=badge_colour(statuses), max_lines=2)
    if m.period != c.year:
        note = t(fallback_key("map.fallback_year", m.period, c.year), lang, indicator=m.indicator.short(lang), year=c.year, shown=m.period)
        y = write(pdf, x, y, w, note, 5.5, colour=GREY, max_lines=2)
    alt = f"{title}. {badge_text(statuses, lang)}" if is_illustrative(statuses) else title
    pdf.image(opaque(m.png), x, y + 0.5, w, MAP_H, alt_text=alt)
    return write(pdf, x, y + MAP_H + 1, w, source_line(m.rows, lang), 5.5, colour=GREY)


def definitions(pdf, c: BriefContent, y: float) -> None:
    """Name and definition of each indicator shown, in two columns, in the largest size that fits the page."""
    y = write(pdf, MARGIN, y, WIDTH, t("exports.brief.definitions", c.lang), 9, bold=True, line=4.5)
    entries = [f"{ind.name(c.lang)} ({ind.unit(c.lang)}): {ind.definition(c.lang)}" for ind in c.indicators_shown()]
    col_w = (WIDTH - GAP) / 2
    room = FOOTER_Y - 1.5 - y
    for size in DEFINITION_SIZES:
        columns, height = balanced_columns(pdf, entries, col_w, size)
        if height <= room:
            break
    for i, col in enumerate(columns):
        yy = y
        for entry in col:
            yy = write(pdf, MARGIN + i * (col_w + GAP), yy, col_w, entry, size) + ENTRY_GAP


DEFINITION_SIZES = (6.5, 6.2, 5.9, 5.6, 5.3, 5.0)
ENTRY_GAP = 0.6


def balanced_columns(pdf, entries: list[str], w: float, size: float) -> tuple[list[list[str]], float]:
    """The entries in order, split in two columns of about the same height; and the taller one's height."""
    heights = _heights(pdf, entries, w, size)
    split = min(range(len(entries) + 1), key=lambda i: max(sum(heights[:i]), sum(heights[i:])))
    return [entries[:split], entries[split:]], max(sum(heights[:split]), sum(heights[split:]))


def _heights(pdf, entries: list[str], w: float, size: float) -> list[float]:
    style(pdf, size)
    line = size * 0.42
    return [len(pdf.multi_cell(w, line, e, dry_run=True, output="LINES")) * line + ENTRY_GAP for e in entries]


def footer(pdf, c: BriefContent) -> None:
    write(pdf, MARGIN, FOOTER_Y, WIDTH, t("exports.brief.footer", c.lang, app=t("app.title", c.lang)), 6, colour=GREY)

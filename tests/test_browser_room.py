"""The FGD room on a projector (issue 12), measured in a real browser at 1280×720 and 1920×1080: a presented
view is a slide whose main figure covers at least half the screen and lies wholly on it, with type the back
row can read; in normal mode the shared controls are in reach without scrolling; and switching the language
keeps every choice on every page."""

import re

import pytest

from browser_support import each_page_by_its_link, follow_sidebar_link, screenshot, switch_view, wait_rendered
from metro_poverty.i18n import t

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1920, 1080)]
SLIDES = [
    ("kesehatan", "ind=stunting_eppgbm&present=1", "Stunting (e-PPGBM) · Kelurahan · Peta"),
    ("simulasi", "transfer=300000&deciles=1,2&present=1", "Bantuan Rp 300.000"),
    ("", "present=1", "6,44%"),
    ("", "present=1&year=2024", "6,78%"),  # six cards in two rows
    ("", "present=1&view=trend", "Persentase penduduk miskin (P0), 2015–2025"),
    ("", "present=1&view=map", "Peta Keluarga desil 1–4 nasional, 2025"),
    ("lampung", "present=1", "Kota Metro: peringkat"),
    ("kesehatan", "ind=stunting_eppgbm&view=rank&present=1", "Stunting (e-PPGBM) · Kelurahan · Peringkat"),
    ("kesehatan", "ind=stunting_eppgbm&view=compare&present=1", "wilayah membaik"),  # 22 kelurahan in two panels
    ("pendapatan", "ind=poor_count&present=1", "Jumlah miskin"),  # three panels, each its own axis
    ("kesehatan", "ind=uhh&present=1", "Garis terputus"),  # the series break said on the slide
    # no Gini for Metro: that the line is Lampung's was a third line above the chart, which pushed its source line off
    ("pendapatan", "ind=gini&present=1", "Belum ada angka Gini untuk Kota Metro"),
]

# the main figure (the slide), the smallest body text, the title, and the smallest chart text (legends, labels)
MEASURE = """() => {
  const slide = document.querySelector('[class*="st-key-slide"]');
  const r = slide.getBoundingClientRect();
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  const body = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p')]
      .filter(p => p.offsetParent).map(px);
  const chartText = [...slide.querySelectorAll('svg text')].filter(t => t.textContent.trim())
      .map(t => parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize));
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, area: r.width * r.height,
          screen: innerWidth * innerHeight, height: innerHeight, width: innerWidth,
          body: Math.min(...body), title: px(document.querySelector('h1')), chart: chartText.length ? Math.min(...chartText) : null};
}"""


@pytest.mark.parametrize("path, query, content", SLIDES)
def test_a_presented_view_is_a_slide_the_back_row_can_read(app_url, chromium, path, query, content):
    """Opened at 1280×720, then the window made 1920×1080, as a laptop's window is moved to the projector: one page
    load for both sizes (each load costs the browser 1-2 s; the charts drawn again for the larger window are the
    same as on a page opened at that size, checked ad hoc on seven slides)."""
    (width, height), *larger = SIZES
    page = chromium.new_page(viewport={"width": width, "height": height})
    page.goto(f"{app_url}/{path}?{query}")
    wait_rendered(page, content)
    page.locator('[class*="st-key-slide"]').first.wait_for()
    check_slide(page, path, query, width, height)
    for width, height in larger:
        page.evaluate(CHARTS_FOLLOW)
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(CHARTS_REFIT, polling=50)
        check_slide(page, path, query, width, height)


def check_slide(page, path: str, query: str, width: int, height: int) -> None:
    page.wait_for_function("() => document.querySelector('[class*=\"st-key-slide\"]').getBoundingClientRect().height > 200")
    m = page.evaluate(MEASURE)
    assert (m["width"], m["height"]) == (width, height), m
    screenshot(page.context.pages[-1], f"room_{path or 'overview'}_{query.replace('&', '_').replace('=', '-')}_{width}x{height}")
    assert m["area"] / m["screen"] >= 0.5, m
    assert m["top"] >= 0 and m["bottom"] <= m["height"] + 1 and m["left"] >= 0 and m["right"] <= m["width"] + 1, m
    assert m["body"] >= 20 and m["title"] >= 36, m
    assert m["chart"] is None or m["chart"] >= 18, m
    cut = page.evaluate("""() => [...document.querySelectorAll('[class*="st-key-slide"] [data-testid="stMetric"] [data-testid="stMarkdownContainer"]')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)""")
    assert cut == []  # no card label or change cut ('Penduduk miski…', '(← 12.…')
    page.wait_for_function(CHARTS_DRAWN, polling=50)
    assert_changes_are_said_untested(page, path, query)
    assert page.evaluate(OVERLAPPING_NAMES) == []  # no region name on another: a map's, a ranking's, a comparison's
    assert page.evaluate(CLIPPED) == []  # nothing below the slide's edge, where it is cut off (a status line of the 2024 cards was)
    assert page.evaluate(CLAMPED) == []  # a footnote whole: a third line (sampling error, after a reminder to match cited figures) ended in '…'
    if path != "simulasi":  # a model's result: its red badge and caption say so on the slide, and the model is its source
        footnote = page.locator('[class*="st-key-slide_footnote-"]').first.bounding_box()  # what the figures are, who released them
        assert footnote["y"] + footnote["height"] <= m["height"], footnote  # on screen: the headline cards' was below the slide


@pytest.mark.parametrize("path, query", [("kesehatan", "ind=stunting_eppgbm"), ("kesehatan", "ind=stunting_eppgbm&view=compare"),
                                         ("kesehatan", "ind=stunting_eppgbm&view=trend"),  # the axis title was cut, the plot 245 px
                                         ("pendapatan", "view=trend"), ("", "view=map"),
                                         ("", "view=headline&year=2024"),  # six cards in two rows: a status line was cut
                                         ("pendapatan", "view=compare"),  # 2025 starts a new series (DTSEN): why, said on the slide
                                         ("simulasi", "transfer=300000&deciles=1,2"),  # the cards were cut
                                         # English status lines are longer: the HDI card's took two lines, its second cut
                                         ("", "view=headline&year=2024&lang=en")])
def test_a_slide_presented_from_an_agenda_keeps_its_source_line_on_screen(app_url, chromium, path, query):
    """The step bar stays on top: the slide is shorter by its height (less the page title it replaces), and its
    source line is still on screen, nothing in it cut off."""
    from urllib.parse import quote

    from metro_poverty.fgd import draft

    params = dict(kv.split("=") for kv in query.split("&"))
    lang = params.pop("lang", "id")  # the link's language, not a setting of the step
    steps = [{"path": path, "params": params, "title": "Langkah uji", "note": "catatan " * 20}, {"path": "", "params": {}, "title": "x", "note": ""}]
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/{path}?{query}&present=1&agenda=draft&step=0&{draft.URL_KEY}={quote(draft.encode(steps))}")
    wait_rendered(page, t("present.step", lang, n=1, total=2))
    # a simulation's red badge and caption say what it is (a model's result): it has no slide footnote
    footnote = page.locator('[class*="st-key-slide_footnote-"]' if path != "simulasi" else '[class*="st-key-slide"] [data-testid="stVegaLiteChart"]').first
    footnote.wait_for()
    box, slide = footnote.bounding_box(), page.locator('[class*="st-key-slide"]').first.bounding_box()
    page.wait_for_function(CHARTS_DRAWN, polling=50)
    screenshot(page, f"room_agenda_{path or 'overview'}_{query.replace('&', '_').replace('=', '-')}")
    assert box["y"] + box["height"] <= 720 and slide["y"] + slide["height"] <= 720 + 1, (box, slide)
    assert page.evaluate(CLIPPED) == [] and page.evaluate(CLAMPED) == []
    assert_changes_are_said_untested(page, path, query, lang)
    # no name on another in the room left under the bar: 22 kelurahan compared (a caption of a new series had cost 85 px),
    # a map's kecamatan and kelurahan names ("Iring Mulyo" lay on "Metro Pusat" on the Overview's map)
    assert page.evaluate(OVERLAPPING_NAMES) == []


def test_the_next_step_on_the_same_page_shows_its_own_view(app_url, chromium):
    """The bar said 'Langkah 2 dari 2: Perbandingan' over the first step's ranking: on one page the view stayed."""
    from urllib.parse import quote

    from metro_poverty.fgd import draft

    steps = [{"path": "kesehatan", "params": {"ind": "stunting_eppgbm", "view": view}, "title": title, "note": ""}
             for view, title in (("rank", "Peringkat"), ("compare", "Perbandingan"))]
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/kesehatan?ind=stunting_eppgbm&view=rank&present=1&agenda=draft&step=0&{draft.URL_KEY}={quote(draft.encode(steps))}")
    wait_rendered(page, "Langkah 1 dari 2")
    page.get_by_role("button", name="Berikutnya").click()
    page.wait_for_url(re.compile(r"view=compare"))
    wait_rendered(page, "wilayah membaik")  # the comparison's counts line, on the slide
    assert "Langkah 2 dari 2: Perbandingan" in page.locator(".st-key-present_bar").inner_text()


def test_a_slide_from_a_bad_link_says_so_in_a_corner_and_keeps_its_figure_on_screen(app_url, chromium):
    """A draft agenda link cut short: its notice above the slide had pushed the map's south off the screen."""
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/kesehatan?present=1&agenda=draft&step=1")
    wait_rendered(page, "Stunting (e-PPGBM) · Kelurahan · Peta")
    toast = page.locator('[data-testid="stToast"]')
    toast.wait_for()
    assert "yang tampil hanya halaman ini." in toast.inner_text()  # said whole
    assert not page.locator('[data-testid="stToastViewButton"]').is_visible()  # not behind Streamlit's English "view more"
    slide = page.locator('[class*="st-key-slide"]').first.bounding_box()
    assert slide["y"] + slide["height"] <= 720 + 1, slide


def test_a_long_step_note_takes_at_most_two_lines_of_the_bar(app_url, chromium):
    """The note is projected with the step's title: a long one is cut to two lines, never pushing the slide away."""
    from urllib.parse import quote

    from metro_poverty.fgd import draft

    steps = [{"path": "kesehatan", "params": {"ind": "stunting_eppgbm"}, "title": "Stunting per kelurahan", "note": "catatan panjang " * 55}]
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/kesehatan?ind=stunting_eppgbm&present=1&agenda=draft&step=0&{draft.URL_KEY}={quote(draft.encode(steps))}")
    wait_rendered(page, "Langkah 1 dari 1")
    page.locator('[class*="st-key-slide"]').first.wait_for()
    bar = page.locator(".st-key-present_bar").bounding_box()
    slide = page.locator('[class*="st-key-slide"]').first.bounding_box()
    screenshot(page, "room_long_step_note_1280x720")
    assert bar["height"] <= 110 and slide["y"] + slide["height"] <= 720 + 1, (bar, slide)


def test_a_presented_dimension_map_fills_the_slide_and_names_kelurahan(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/kesehatan?ind=stunting_eppgbm&present=1")
    wait_rendered(page, "Stunting (e-PPGBM) · Kelurahan")
    chart = page.locator('[class*="st-key-slide"] [data-testid="stVegaLiteChart"]').first
    chart.locator("svg").first.wait_for()
    box = chart.bounding_box()
    assert box["height"] >= 380 and box["y"] + box["height"] <= 720
    labels = chart.evaluate("c => [...c.querySelectorAll('svg text')].map(t => t.textContent)")
    assert "Metro Selatan" in labels and any(name in labels for name in ("Rejomulyo", "Iring Mulyo", "Margorejo"))  # an extreme named


def test_the_folded_controls_open_on_a_click(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/kesehatan?ind=stunting_eppgbm&present=1")
    wait_rendered(page, "Stunting (e-PPGBM) · Kelurahan")
    assert not page.get_by_text("Tingkat wilayah").first.is_visible()
    page.get_by_text("Stunting (e-PPGBM) · Kelurahan · Peta").click()
    page.get_by_text("Tingkat wilayah").first.wait_for()
    assert page.get_by_text("Tingkat wilayah").first.is_visible()


def test_the_shared_controls_are_in_reach_at_1280x720(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    for path in each_page_by_its_link(page, app_url, ["", "kesehatan", "simulasi", "konsep-definisi"]):
        for locator in (page.locator('[data-testid="stMain"]').get_by_text("English", exact=True),
                        page.locator('[data-testid="stMain"]').get_by_text("Presentasi", exact=True),
                        page.get_by_role("button", name="Ke agenda")):
            box = locator.first.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 720, (path, locator)


# the pages with wide tables, each reached as a visitor reaches it: by its address (a choice only a link holds),
# by its link in the sidebar, or by a click on the page's view control (text id prefix, view); three page loads
# for nine views, Kesehatan's map among them (a load costs chromium 3-4 s of CPU on the 2-core machine)
WIDE = [("address", "profil-wilayah?region=18.72.03.1002"), ("address", "simulasi?transfer=300000"),
        ("address", "sinkronisasi-data"), ("view", ("reconcile", "pairs")), ("view", ("reconcile", "quality")),
        ("link", "lampung"), ("link", "sumber-data"), ("link", "kesehatan"), ("view", ("dimension", "table"))]
TABLES_SCROLLED = """() => [...document.querySelectorAll(
        '[data-testid="stDataFrame"] .dvn-scroller, [data-testid="stTable"], [data-testid="stTable"] > div')]
    .filter(s => s.scrollWidth > s.clientWidth + 2).map(s => [s.scrollWidth, s.clientWidth])"""


def test_no_table_column_is_cut_off_at_1280(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    cut = {}
    for how, target in WIDE:
        if how == "address":
            page.goto(f"{app_url}/{target}")
            wait_rendered(page)
        elif how == "link":
            follow_sidebar_link(page, app_url, target)
        else:
            texts, view = target
            switch_view(page, t(f"{texts}.view_name.{view}", "id"), view)
        where = page.url.removeprefix(app_url)
        # a static table scrolls in the box inside its element (stTable itself clips): both are looked at
        overflow = page.evaluate(TABLES_SCROLLED)
        screenshot(page, "tables_" + re.sub(r"[^\w-]+", "_", where.strip("/")))
        if overflow:
            cut[where] = overflow
    assert cut == {}


# each page with a choice that differs from its default, and the URL text of that choice
KEPT = [
    ("", "map_ind=stunting_eppgbm&level=kecamatan", ["map_ind=stunting_eppgbm", "level=kecamatan"]),
    ("lampung", "ind=p1", ["ind=p1"]),
    ("kesehatan", "ind=imm_complete&view=rank", ["ind=imm_complete", "view=rank"]),
    ("pendidikan", "ind=aps_13_15&level=kecamatan", ["ind=aps_13_15", "level=kecamatan"]),
    ("profil-wilayah", "region=18.72.03.1002", ["region=18.72.03.1002"]),
    ("konsep-definisi", "dim=health", ["dim=health"]),
    ("sinkronisasi-data", "view=quality", ["view=quality"]),
]


@pytest.mark.parametrize("path, query, kept", KEPT)
def test_switching_the_language_keeps_every_choice(app_url, chromium, path, query, kept):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/{path}?{query}")
    wait_rendered(page)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("English", exact=True).first.click()
    page.wait_for_url(re.compile(r"lang=en"))
    wait_rendered(page)
    main.get_by_text("Indonesia", exact=True).first.click()  # the next click: it used to reset the view
    page.wait_for_url(lambda u: "lang=en" not in u)
    wait_rendered(page)
    assert all(k in page.url for k in kept), page.url


@pytest.mark.parametrize("path, fold, fold_en", [("konsep-definisi?q=p0", "Metadata lengkap", "Full metadata"),
                                                  ("sinkronisasi-data", "sama dengan rujukannya", "agree with their reference")])
def test_switching_the_language_keeps_an_open_fold_open(app_url, chromium, path, fold, fold_en):
    """A fold's state was tied to its label: switching the language closed a card's metadata the room had open."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/{path}")
    wait_rendered(page)
    main = page.locator('[data-testid="stMain"]')
    tables = main.locator('[data-testid="stTable"]')
    closed = tables.count()
    main.locator("summary", has_text=fold).first.click()
    page.wait_for_function("n => document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stTable\"]').length > n",
                           arg=closed, polling=50)
    main.get_by_text("English", exact=True).first.click()
    page.wait_for_url(re.compile(r"lang=en"))
    wait_rendered(page, fold_en)
    assert main.locator("details", has_text=fold_en).first.get_attribute("open") is not None
    assert tables.count() == closed + 1  # what the fold holds is drawn in the new language
    main.locator("summary", has_text=fold_en).first.click()  # and it still closes on a click
    page.wait_for_function("n => document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stTable\"]').length === n",
                           arg=closed, polling=50)
    wait_rendered(page)
    assert main.locator("details", has_text=fold_en).first.get_attribute("open") is None


@pytest.mark.parametrize("path", ["pendapatan?ind=p0&present=1", "layanan-dasar?view=trend&present=1", "?view=trend&present=1",
                                  "pendapatan?ind=gini&present=1",  # Lampung's 2018 Gini, the highest point, was half cut
                                  # the axis title read 'Keluarga desil 1–4 nasional (%', its end cut above the chart
                                  "pendapatan?view=trend&lines=18.72.02.1002,18.72.05.1001&present=1"])
def test_a_presented_trend_keeps_a_plot_the_room_can_read(app_url, chromium, path):
    """On a slide a trend's legends go beside the plot: above and below it they left the lines a band about
    10 px high at 1280x720 (the P0 of Metro, Lampung and Indonesia drawn as one line)."""
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/{path}")
    wait_rendered(page, None)
    chart = page.locator('[class*="st-key-slide"] [data-testid="stVegaLiteChart"]').first
    chart.locator("svg").first.wait_for()
    grid = chart.evaluate("""c => Math.max(...[...c.querySelectorAll('[class*="role-axis-grid"]')]
        .map(g => g.getBoundingClientRect().height))""")
    screenshot(page, f"room_trend_{path.split('?')[0] or 'overview'}_1280x720")
    assert grid >= 150  # the y axis's grid: the height the lines are drawn in
    cut = chart.evaluate("""c => { const box = c.querySelector('svg').getBoundingClientRect();
        return [...c.querySelectorAll('[class*="role-legend-label"] text')]
            .filter(t => t.getBoundingClientRect().bottom > box.bottom + 1).map(t => t.textContent); }""")
    assert cut == []  # every status the markers stand for is named ('Resmi, dikutip dari media' was cut off the P0 slide)
    cut = chart.evaluate("""c => { const box = c.querySelector('svg').getBoundingClientRect();
        return [...c.querySelectorAll('[class*="role-axis-title"] text')].filter(t => { const r = t.getBoundingClientRect();
            return r.top < box.top - 1 || r.bottom > box.bottom + 1; }).map(t => t.textContent); }""")
    assert cut == []  # each axis's title whole within the chart
    outside = chart.evaluate("""c => { const box = c.querySelector('.mark-group.role-frame > g > path.background').getBoundingClientRect();
        return [...c.querySelectorAll('.mark-symbol.role-mark path')].map(p => p.getBoundingClientRect())
            .filter(r => r.width && (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)).length; }""")
    assert outside == 0  # every point's marker whole within the plot (the highest and lowest stood half outside it)
    # what its figures are worth, whole on the screen: a reminder to match cited figures took a third line of the
    # P0 trend's footnote, which the clamp cut to '…' with the sampling error in it
    footnote = page.locator('[class*="st-key-slide_footnote-"]').first.bounding_box()
    assert footnote["y"] + footnote["height"] <= 720 and page.evaluate(CLAMPED) == [], footnote
    assert_changes_are_said_untested(page, path.split("?")[0], path.split("?")[1])


# whether a paragraph of the main area holding `text` is wholly on the screen
SAID_ON_SCREEN = """text => [...document.querySelectorAll('[data-testid="stMain"] p')]
    .some(p => p.offsetParent && p.innerText.includes(text) && p.getBoundingClientRect().bottom <= innerHeight + 1
               && p.scrollHeight <= p.clientHeight + 1)"""  # and not cut short by a line clamp: a footnote's third line ends in '…'
# the slide footnotes cut short by their two-line clamp (their last words replaced by '…')
CLAMPED = """() => [...document.querySelectorAll('[class*="st-key-slide_footnote-"] p')]
    .filter(p => p.scrollHeight > p.clientHeight + 1).map(p => p.innerText.slice(-60))"""
UNTESTED = "belum diuji terhadap galat sampling Susenas"  # provenance.sampling_short


def assert_changes_are_said_untested(page, path: str, query: str = "", lang: str = "id") -> None:
    """A slide whose cards show year-on-year changes of survey estimates says on the screen that they are not tested
    against sampling error (DOMAIN §6), as does a trend of Susenas's poverty estimates (`query` names its indicator): under two
    rows of 2024 cards it was said only below the slide, off the screen, and a trend's not at all.
    A simulation's changes are the model's, not a survey's: its slide says that it shows no kelurahan poverty figures."""
    if path == "simulasi":  # what its figures are not, whole on the screen: its second line was cut at 1280x720
        assert page.evaluate(SAID_ON_SCREEN, "bukan angka kemiskinan kelurahan"), page.locator('[data-testid="stMain"]').inner_text()[-600:]
    elif page.locator('[class*="st-key-slide"] [data-testid="stMetricDelta"]').count() or re.search(r"ind=(p[012]|poor_count)(&|$)", query):
        untested = UNTESTED if lang == "id" else t("provenance.sampling_short", lang)
        assert page.evaluate(SAID_ON_SCREEN, untested), page.locator('[data-testid="stMain"]').inner_text()[-600:]


# the text in a slide that runs below its edge, where it is cut off
CLIPPED = """() => { const slide = document.querySelector('[class*="st-key-slide"]'); const bottom = slide.getBoundingClientRect().bottom;
    return [...slide.querySelectorAll('[data-testid="stMetricValue"], [data-testid="stMetricDelta"], p')]  // text, not its box's margin
        .filter(e => e.offsetParent && e.getBoundingClientRect().bottom > bottom + 1).map(e => e.innerText.slice(0, 60)); }"""

# the texts of a slide's charts (values written after bars, names) that run past their chart's right edge, where they are cut
CUT_AT_EDGE = """() => [...document.querySelectorAll('[class*="st-key-slide"] [data-testid="stVegaLiteChart"] svg')].flatMap(svg => {
    const edge = svg.getBoundingClientRect().right;
    return [...svg.querySelectorAll('text')].filter(t => t.getBoundingClientRect().right > edge + 1).map(t => t.textContent); })"""

# Before the window changes size: which side of each slide chart follows its box (a map, a ranking), and which is
# fixed (a row of three panels keeps its width). CHARTS_REFIT: every side that follows its box has followed it.
CHARTS_FOLLOW = """() => { window.__follow = [...document.querySelectorAll('[class*="st-key-slide"] [data-testid="stVegaLiteChart"]')].map(c => {
  const r = c.querySelector('svg').getBoundingClientRect();
  return {w: Math.abs(r.width - c.clientWidth) <= 1, h: Math.abs(r.height - c.clientHeight) <= 1}; }); }"""
CHARTS_REFIT = """() => [...document.querySelectorAll('[class*="st-key-slide"] [data-testid="stVegaLiteChart"]')].every((c, i) => {
  const r = c.querySelector('svg')?.getBoundingClientRect(), f = window.__follow[i];
  return r && f && (!f.w || Math.abs(r.width - c.clientWidth) <= 1) && (!f.h || Math.abs(r.height - c.clientHeight) <= 1); })"""
# every chart in the slide has drawn its text (the names are checked on what is drawn, not on an empty chart)
CHARTS_DRAWN = """() => [...document.querySelectorAll('[class*="st-key-slide"] [data-testid="stVegaLiteChart"]')].every(c => c.querySelector('svg text'))"""

# pairs of a slide's chart labels that start with a letter (region names, not values) drawn on each other; a map
# draws each name twice in one place (a white halo under the black), which is one name
OVERLAPPING_NAMES = """() => { const ts = [...document.querySelectorAll('[class*="st-key-slide"] svg text')]
    .filter(t => /^\\p{L}/u.test(t.textContent.trim())).map(t => [t.textContent.trim(), t.getBoundingClientRect()]);
  const out = []; for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) { const [m, a] = ts[i], [n, b] = ts[j];
    if (m !== n && a.left < b.right && b.left < a.right && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push([m, n]); } return out; }"""

# neighbouring labels of a slide's horizontal axes closer than a space (about 6 px at 18 px): read as one number
CROWDED_TICKS = """() => [...document.querySelectorAll('[class*="st-key-slide"] svg [class*="role-axis-label"]')].flatMap(g => {
    const rs = [...g.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]).sort((a, b) => a[1].left - b[1].left);
    if (rs.length < 2 || rs.some(([, r]) => Math.abs(r.top - rs[0][1].top) > 2)) return [];  // a vertical axis: names one per row
    return rs.slice(1).filter(([, r], i) => r.left - rs[i][1].right < 6).map(([text], i) => [rs[i][0], text]); })"""

# every name of `names` drawn in the slide, with its box on screen
NAME_BOXES = """names => [...document.querySelectorAll('[class*="st-key-slide"] svg text')]
    .filter(t => names.includes(t.textContent.trim()))
    .map(t => { const r = t.getBoundingClientRect(); return {name: t.textContent.trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })"""


@pytest.mark.parametrize("path, title, levels, n, charts", [
    ("kesehatan?ind=stunting_eppgbm&view=rank&present=1", "Stunting (e-PPGBM) · Kelurahan · Peringkat", ("kelurahan",), 22, 2),
    # the kab/kota ranking is named by the slide's title; its note (the line, the '· dikutip' labels) is on the slide
    ("lampung?present=1&year=2024", "Kota Metro bergaris tepi", ("kabkota", "city"), 15, 2),
    ("lampung?present=1", "Kota Metro bergaris tepi", ("kabkota", "city"), 9, 2),
    # five kecamatan compared: drawn outside the slide, they were crushed into one row with their names on each other
    ("kesehatan?ind=stunting_eppgbm&view=compare&level=kecamatan&present=1", "wilayah membaik", ("kecamatan",), 5, 1),
])
def test_a_presented_ranking_names_every_region_apart(app_url, chromium, path, title, levels, n, charts):
    import csv

    from metro_poverty import paths

    with open(paths.REFERENCE_DIR / "regions.csv", encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f) if r["level"] in levels and r["region_code"].startswith("18")]
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/{path}")
    wait_rendered(page, title)
    page.wait_for_function("n => document.querySelectorAll('[class*=\"st-key-slide\"] svg').length >= n", arg=charts)
    boxes = page.evaluate(NAME_BOXES, names)
    screenshot(page, f"room_ranking_{n}_1280x720")
    assert len(boxes) == len({b["name"] for b in boxes}) == n  # each named once, none dropped
    overlapping = [(a["name"], b["name"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1]
    assert overlapping == []  # 22 kelurahan in one panel, or 9 kab/kota beside the map, put every name on its neighbours
    assert all(b["bottom"] <= 720 for b in boxes)
    assert page.evaluate(CROWDED_TICKS) == []  # a label every 0,2 points across a slide: "4,0 4,2" … "8,8 9,0"
    assert page.evaluate(CUT_AT_EDGE) == []  # "16,92% · dikutip" ran past its panel's edge
    if path.startswith("lampung"):  # its second line, the key to '· dikutip' and '· media', was below the screen
        note = page.get_by_text(title).bounding_box()
        assert note["y"] + note["height"] <= 720
        # what a rank is worth (no RSE in the store) and among how many: said at the foot, it was cut off the screen
        assert page.evaluate(SAID_ON_SCREEN, "tanpa RSE: peringkat yang berdekatan belum tentu berbeda nyata")
        assert page.evaluate(SAID_ON_SCREEN, f"Ada angka untuk {n} dari 15 kab/kota") == (n < 15)

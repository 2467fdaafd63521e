"""A chart as a slide image (metro_poverty.exports.chart_image): exact size, title, badge and source drawn
in, Indonesian numbers, offline. Specs are written as the pages make them (named datasets, usermeta,
config.locale, width "container")."""

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from metro_poverty.charts.theme import NUMBER_LOCALES
from metro_poverty.exports import badge, chart_image, render

SVG_NS = "{http://www.w3.org/2000/svg}"
TITLE = "Persentase penduduk miskin (P0), 2015–2024"
SOURCE = "Sumber: BPS Kota Metro: Profil kemiskinan Kota Metro 2024 (metrokota.bps.go.id news 2025/04/16/269)"


def page_spec(lang: str = "id") -> dict:
    """A bar chart as a page draws it: named dataset, number locale of the UI language, container width."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "config": {"locale": {"number": NUMBER_LOCALES[lang]}},
        "usermeta": {"embedOptions": {"renderer": "svg"}},
        "width": "container", "height": 380,
        "data": {"name": "rows"},
        "datasets": {"rows": [{"region": "Metro Pusat", "value": 1234.5}, {"region": "Metro Selatan", "value": 987.25}]},
        "layer": [
            {"mark": "bar", "encoding": {"x": {"field": "region", "type": "nominal"}, "y": {"field": "value", "type": "quantitative"}}},
            {"mark": {"type": "text", "dy": -8}, "encoding": {"x": {"field": "region", "type": "nominal"},
                                                              "y": {"field": "value", "type": "quantitative"},
                                                              "text": {"field": "value", "format": ",.1f"}}},
        ],
    }


def texts_of(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [el.text for el in root.iter(f"{SVG_NS}text") if el.text]


def frame_texts(svg: bytes) -> list[str]:
    """The texts drawn around the chart (the chart's own texts sit inside its nested drawing)."""
    return [el.text for el in ET.fromstring(svg).findall(f"{SVG_NS}text")]


@pytest.fixture(scope="module")
def illustrative_svg() -> bytes:
    return chart_image.chart_svg(page_spec(), title=TITLE, source=SOURCE, statuses=["official", "illustrative"], lang="id")


def test_the_svg_is_a_slide_of_exactly_1600_by_900(illustrative_svg):
    root = ET.fromstring(illustrative_svg)
    assert (root.get("width"), root.get("height")) == ("1600", "900")


def test_the_svg_carries_the_title_the_status_badge_and_the_source_line_as_text(illustrative_svg):
    assert frame_texts(illustrative_svg) == [TITLE, "ILUSTRASI (bukan data resmi) · Resmi", SOURCE]


def test_the_badge_is_red_when_any_value_is_illustrative(illustrative_svg):
    root = ET.fromstring(illustrative_svg)
    fills = {el.text: el.get("fill") for el in root.iter(f"{SVG_NS}text")}
    assert fills["ILUSTRASI (bukan data resmi) · Resmi"] == badge.COLOURS["illustrative"]


def test_numbers_in_the_image_are_written_the_indonesian_way(illustrative_svg):
    assert "1.234,5" in texts_of(illustrative_svg)


def test_numbers_follow_the_english_locale_in_an_english_chart():
    svg = chart_image.chart_svg(page_spec("en"), title="P0", source="Source: BPS", statuses=["official"], lang="en")
    texts = texts_of(svg)
    assert "1,234.5" in texts and "Official" in texts


def test_the_png_is_a_valid_image_of_the_slide_size():
    png = chart_image.chart_png(page_spec(), title=TITLE, source=SOURCE, statuses=["official"])
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size) == ("PNG", (1600, 900))


def test_scale_multiplies_the_png_pixels_and_other_sizes_are_kept_exactly():
    png = chart_image.chart_png(page_spec(), title=TITLE, source=SOURCE, statuses=["official"], width=1280, height=720, scale=2)
    assert Image.open(io.BytesIO(png)).size == (2560, 1440)


def test_a_long_title_and_source_line_wrap_inside_the_slide():
    long_title = " ".join([TITLE] * 3)
    long_source = "Sumber: " + "; ".join(f"Dinas {i} Kota Metro: Rekap data per kelurahan (data/raw/dinas{i}/)" for i in range(8))
    lines = frame_texts(chart_image.chart_svg(page_spec(), title=long_title, source=long_source, statuses=[]))
    split = next(i for i, line in enumerate(lines) if line.startswith("Sumber"))
    assert " ".join(lines[:split]) == long_title and " ".join(lines[split:]) == long_source
    assert split > 1 and len(lines) - split > 1


def test_the_bare_chart_for_documents_has_no_title_and_the_size_asked_times_scale():
    png = chart_image.bare_png(page_spec(), 600, 300, scale=2)
    assert Image.open(io.BytesIO(png)).size == (1200, 600)


def test_nothing_is_fetched_a_data_url_is_refused():
    spec = {"data": {"url": "https://example.org/data.csv"}, "mark": "point",
            "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    with pytest.raises(ValueError, match="not allowed"):
        render.to_svg(spec)


def test_a_drawing_larger_than_its_box_is_scaled_down_to_fit():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200"/></svg>'
    placed = ET.fromstring(render.placed(svg, 10, 20, 200, 200))
    assert (placed.get("width"), placed.get("height"), placed.get("x"), placed.get("y")) == ("200.00", "100.00", "10.00", "20.00")


def test_badge_lists_statuses_worst_first_in_the_language_asked():
    assert badge.badge_text(["official", "provisional", None, "official"], "en") == "Provisional · Official"


def test_badge_says_an_official_figure_came_from_the_media():
    assert badge.badge_text(["official_primary", "official_secondary"], "id") == "Resmi, dikutip dari media · Resmi (publikasi produsen)"
    assert badge.badge_colour(["official_secondary"]) == badge.COLOURS["official"]


def test_a_simulation_is_red_and_never_official():
    assert (badge.badge_text(["simulated"], "id"), badge.badge_colour(["simulated"])) == ("SIMULASI MODEL (bukan estimasi)", badge.COLOURS["illustrative"])
    assert badge.badge_colour(["official"]) == badge.COLOURS["official"]


def test_the_page_spec_is_left_as_the_page_draws_it():
    spec = page_spec()
    before = repr(spec)
    chart_image.chart_svg(spec, title=TITLE, source=SOURCE, statuses=["official"])
    assert repr(spec) == before

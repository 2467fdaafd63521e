"""Every chart a page draws is a valid Vega-Lite spec. Charts are built without Altair's validation (it
would cost more than the rest of a rerun; see metro_poverty/charts/spec.py), so this test validates what
st.vega_lite_chart actually receives, on every view that draws a chart, against Altair's Vega-Lite schema."""

import pytest
import streamlit
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import core

from app_support import open_app, store  # noqa: F401

VIEWS = [
    (None, {}),
    (None, {"present": "1", "view": "trend"}),
    (None, {"present": "1", "view": "map"}),
    ("views/dimension_income.py", {}),
    ("views/dimension_health.py", {"region": "18.72.03.1002"}),
    ("views/dimension_health.py", {"view": "rank"}),
    ("views/dimension_health.py", {"view": "rank", "present": "1"}),  # two panels on one value axis
    ("views/dimension_health.py", {"view": "trend"}),
    ("views/dimension_education.py", {"view": "compare"}),
    ("views/dimension_basic_services.py", {"ind": "rtlh", "present": "1"}),
    ("views/region_profile.py", {"region": "18.72.03.1002"}),
    ("views/kabkota.py", {}),
    ("views/scenario.py", {"transfer": "300000", "deciles": "1,2"}),
    ("views/data_sources.py", {}),
]


@pytest.fixture(scope="module")
def schema():
    return core.load_schema()


def recorded(monkeypatch) -> list[dict]:
    """Every spec st.vega_lite_chart receives from now on."""
    drawn = []
    original = streamlit.vega_lite_chart

    def recording(*args, spec=None, **kwargs):
        drawn.append(spec)
        return original(*args, spec=spec, **kwargs)

    monkeypatch.setattr(streamlit, "vega_lite_chart", recording)
    return drawn


@pytest.mark.parametrize("page, params", VIEWS)
def test_every_chart_drawn_is_valid_vega_lite(store, schema, monkeypatch, page, params):  # noqa: F811
    drawn = recorded(monkeypatch)
    open_app(params, page=page)
    assert drawn, "this view draws no chart"
    for spec in drawn:
        validate_jsonschema(spec, schema)  # raises with the path of the first wrong property


def test_a_slide_ranks_22_kelurahan_in_two_panels_on_one_value_axis(store, monkeypatch):  # noqa: F811
    drawn = recorded(monkeypatch)
    open_app({"ind": "stunting_eppgbm", "view": "rank", "present": "1"}, page="views/dimension_health.py")
    panels = [s for s in drawn if _is_ranking(s)]
    rows = [len(s["datasets"][s["data"]["name"]]) for s in panels]
    assert rows == [11, 11]
    domains = [s["layer"][0]["encoding"]["x"]["scale"]["domain"] for s in panels]
    assert domains[0] == domains[1]
    drawn.clear()
    open_app({"ind": "stunting_eppgbm", "view": "rank", "present": "1", "level": "kecamatan"}, page="views/dimension_health.py")
    assert len([s for s in drawn if _is_ranking(s)]) == 1  # five kecamatan fit one panel


def _is_ranking(spec: dict) -> bool:
    first = (spec.get("layer") or [{}])[0]
    return "data" in spec and first.get("mark", {}).get("type") == "bar" and first.get("encoding", {}).get("y", {}).get("field") == "region_name"


def test_a_trend_point_whose_article_is_not_recorded_says_unverified_in_its_tooltip(store, monkeypatch):  # noqa: F811
    drawn = recorded(monkeypatch)
    open_app({"ind": "stunting_eppgbm", "view": "trend"}, page="views/dimension_health.py")
    trends = [s for s in drawn if any(tip.get("field") == "flag_text" for layer in s.get("layer", [])
                                      for tip in layer.get("encoding", {}).get("tooltip", []) or [])]
    assert trends, "no trend carries the quality note"
    rows = [r for s in trends for rows in s["datasets"].values() for r in rows]
    # e-PPGBM 2020 and 2022 (Dinas Kesehatan quoted in the news; the article is not recorded)
    assert {r["period"] for r in rows if r.get("flag_text") == "belum terverifikasi" and r["region_name"] == "Kota Metro"} >= {2020, 2022}


def test_a_split_rankings_axis_leaves_room_for_each_bars_value():
    """'8,20%' was cut at the panel's edge when the shared axis ended at the largest value; '16,92% · dikutip'
    when it ended a fifth beyond it: each bar's end and its label fit the narrowest panel of a slide."""
    import pandas as pd

    from metro_poverty.catalog import Indicator
    from metro_poverty.charts import theme
    from metro_poverty.charts.ranking import CHAR_EM, PANEL_PLOT_PX, value_domain, value_texts

    ind = Indicator("p0", {"short_id": "P0", "short_en": "P0", "unit_id": "%", "unit_en": "%", "decimals": 2, "polarity": "higher_worse"})
    low, high = value_domain(pd.DataFrame({"value": [2.65, 5.48, 8.2]}), ind, "id", city_value=5.48)
    assert low == 0 and high >= 8.2 * 1.15
    noted = pd.DataFrame({"value": [16.92, 13.19, 6.31], "label_note": ["dikutip", "media", "media"]})
    low, high = value_domain(noted, ind, "id", city_value=10.69)
    for v, text in zip(noted.value, value_texts(noted, ind, "id")):
        assert v / high * PANEL_PLOT_PX + len(text) * CHAR_EM * theme.PRESENT_LABEL_SIZE <= PANEL_PLOT_PX, text


def test_a_trend_that_barely_moves_is_not_drawn_as_a_steep_rise():
    """HLS went from 14,75 to 14,79: Vega's own axis (14,745 … 14,795) filled the plot with 0,04 years, in a decimal
    more than BPS publishes."""
    import pandas as pd

    from metro_poverty.charts.trend import trend
    from metro_poverty.ui import cache

    frame = pd.DataFrame({"region_name": ["Kota Metro"] * 2, "period": [2021, 2024], "value": [14.75, 14.79], "series": [None, None],
                          "status": ["provisional", "official"], "citation": ["secondary", "primary"]})
    y = trend(frame, cache.catalogue()["hls"], "id").to_dict()["layer"][0]["encoding"]["y"]
    low, high = y["scale"]["domain"]
    assert high - low == pytest.approx(0.05 * 14.79) and low < 14.75 and high > 14.79
    assert y["axis"]["format"] == ",.2~f" and y["axis"]["tickMinStep"] == 0.01  # up to the published decimals: 10, not 10,00
    frame["value"] = [6.78, 6.44]  # P0 moves enough: Vega's own axis
    assert "domain" not in trend(frame, cache.catalogue()["p0"], "id").to_dict()["layer"][0]["encoding"]["y"]["scale"]


def test_a_trend_legend_too_long_for_one_row_at_1280_px_takes_two_columns():
    """'Kota Metro menurut Pemerintah Kota Metro' beside 'Kota Metro (ilustrasi)' ran past the plot's edge."""
    import pandas as pd

    from metro_poverty.charts.trend import trend
    from metro_poverty.ui import cache

    def columns(names):
        frame = pd.DataFrame({"region_name": names, "period": [2024] * len(names), "value": [6.0] * len(names), "series": [None] * len(names),
                              "status": ["official"] * len(names), "citation": ["primary"] * len(names)})
        return trend(frame, cache.catalogue()["p0"], "id").to_dict()["layer"][0]["encoding"]["color"]["legend"]["columns"]

    assert columns(["Kota Metro", "Metro", "Hadimulyo Barat"]) == 0  # one row, Vega's own flow
    assert columns(["Kota Metro", "Kota Metro (ilustrasi)", "Kota Metro menurut Pemerintah Kota Metro"]) == 2


def test_count_panels_go_city_province_nation_and_share_one_status_legend():
    """Indonesia came before Lampung (codes of one length), and the markers of a derived and an official count were
    told apart with no legend saying what they meant."""
    import pandas as pd

    from metro_poverty.charts.trend import trend_panels
    from metro_poverty.ui import cache

    frame = pd.DataFrame({"region_code": ["00", "18", "18.72", "18.72"], "region_name": ["Indonesia", "Lampung", "Kota Metro", "Kota Metro"],
                          "period": [2024, 2024, 2023, 2024], "value": [24060.0, 941.0, 12.8, 12.07], "series": [None] * 4,
                          "status": ["official", "official", "provisional", "official"], "citation": ["primary"] * 4})
    spec = trend_panels(frame, cache.catalogue()["poor_count"], "id").to_dict()
    assert [p["title"].split(" (")[0] for p in spec["hconcat"]] == ["Kota Metro", "Lampung", "Indonesia"]
    english = trend_panels(frame, cache.catalogue()["poor_count"], "en").to_dict()  # 'Lampung (thousand persons)' widened its panel
    assert [p["title"] for p in english["hconcat"]][1] == ["Lampung", "(thousand persons)"]
    assert spec["resolve"]["scale"]["shape"] == "shared"
    shapes = [layer["encoding"]["shape"] for p in spec["hconcat"] for layer in p["layer"] if "shape" in layer.get("encoding", {})]
    assert all(s["legend"] is not None and s["scale"]["domain"] == shapes[0]["scale"]["domain"] for s in shapes) and len(shapes[0]["scale"]["domain"]) == 2

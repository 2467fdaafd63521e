"""Trend lines over the years that break at gaps and never cross a series break (a method change)."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.charts import theme
from metro_poverty.charts.spec import inline_rows
from metro_poverty.i18n import t
from metro_poverty.provenance import MARKS, mark_label, marks_of

# a five-pointed star (an SVG path in Vega's unit square): Vega's named shapes left over (wedge, stroke, arrow) were
# slivers a room could not see
STAR = "M0,-1L0.24,-0.33L0.95,-0.31L0.38,0.12L0.59,0.81L0,0.4L-0.59,0.81L-0.38,0.12L-0.95,-0.31L-0.24,-0.33Z"
# a marker per kind of value, the same on every chart: what a figure is and how we know it; two kinds with
# different labels never share a marker (a legend that cannot tell them apart says nothing)
MARK_SHAPES = {"official_primary": "circle", "official": "triangle-right", "official_quoted": "diamond", "official_secondary": "triangle-down",
               "official_compiled": STAR,
               "conflict": "cross", "provisional": "triangle-up", "illustrative": "square", "simulated": "triangle-left"}


DRAWN = ("period", "value", "region_name", "series", "line", "value_text", "status_text", "flag_text")  # the columns a trend encodes
FLAGS = ("derived", "unverified", "conflict")  # a value's quality flag, said in its tooltip
# a slide's legends: the room's size, smaller symbols and rows closer together (with the theme's symbols each row
# took 40 px, and the P0 slide cut its third and fourth status off below the plot)
SLIDE_LEGEND = {"symbolSize": 100, "labelFontSize": theme.PRESENT_LABEL_SIZE, "rowPadding": 0, "labelPadding": 6,
                "labelLimit": 480}  # "Kota Metro menurut Pemerintah Kota Metro" whole (the theme's 360 cut it)


def with_gaps(frame: pd.DataFrame, line: str, constant: list[str]) -> pd.DataFrame:
    """Insert empty years inside each line so Vega-Lite breaks the line there instead of bridging it.

    `constant` columns (the colour, the series) are copied into the empty years; the rest stay empty.
    """
    if frame.empty:
        return frame
    # plain rows, grouped in Python: a trend has a few dozen points (the Overview's P0 trend: 3 ms, a reindex per line 6-8 ms)
    columns = ["period", *[c for c in frame.columns if c != "period"]]
    lines: dict = {}
    for row in frame.to_dict("records"):
        lines.setdefault(row[line], []).append(row)
    out = []
    for part in lines.values():
        by_year = {int(r["period"]): r for r in part}
        for year in range(min(by_year), max(by_year) + 1):
            row = by_year.get(year)
            if row is None:
                row = {c: None for c in columns} | {c: part[0][c] for c in (line, *constant)} | {"period": year}
            out.append(row)
    filled = pd.DataFrame(out, columns=columns)
    for col, dtype in frame.dtypes.items():  # nullable columns (Int64, string) keep their type, as a reindex keeps it
        if isinstance(dtype, pd.api.extensions.ExtensionDtype):
            filled[col] = filled[col].astype(dtype)
    return filled


def line_key(frame: pd.DataFrame) -> pd.Series:
    """Lines are drawn per region (as the legend names it), series and kind of source: published and illustrative
    never join, nor does a figure join another producer's statement (_kinds_apart names them apart)."""
    kind = frame["status"].eq("illustrative").map({True: "illustrative", False: "published"})
    return frame["region_name"].astype(str) + "|" + frame["series"].fillna("").astype(str) + "|" + kind


ILLUSTRATIVE_COLOR = "#8c8c8c"  # grey: made-up values beside a region's real ones never take its colour
OTHER_PRODUCER_COLOR = "#7b3294"  # purple: a statement by someone other than the figure's producer, never its colour


def _kinds_apart(data: pd.DataFrame, ind: Indicator, colors: dict[str, str] | None, lang: str) -> tuple[pd.Series, dict[str, str] | None]:
    """Values that are not the region's figure from its producer get their own legend entry and colour.

    - A region with published and illustrative values (Metro's e-PPGBM stunting: figures from Dinas Kesehatan in
      the news, and the sum of the illustrative kelurahan records): 'Kota Metro (ilustrasi)' in grey.
    - A value from a producer other than the indicator's (a local official's stunting figure beside Dinas
      Kesehatan's e-PPGBM): 'Kota Metro menurut Pemerintah Kota Metro' in purple. DOMAIN §6: whether it is the same
      concept is unconfirmed, so one colour never draws it as the same series."""
    names = data["region_name"].astype(object)
    extra: dict[str, str] = {}
    made_up = data["status"].eq("illustrative")
    mixed = set(data.region_name[made_up]) & set(data.region_name[~made_up])
    apart = made_up & data.region_name.isin(mixed)
    if apart.any():
        names = names.where(~apart, [t("trend.illustrative_region", lang, region=n) for n in data.region_name])
        extra |= dict.fromkeys(names[apart], ILLUSTRATIVE_COLOR)
    if "source_producer" in data and ind.producer:
        producer = data["source_producer"]
        other = _other_producer(data, ind)
        if other.any():
            names = names.where(~other, [t("trend.other_producer_region", lang, region=n, producer=p)
                                         for n, p in zip(data.region_name, producer)])
            extra |= dict.fromkeys(names[other], OTHER_PRODUCER_COLOR)
    return names, (colors | extra if colors is not None else None)


TOP_LEGEND_PX = 640  # the plot's width on a 1280 px screen beside the sidebar, where a one-row legend must fit


def _top_legend_columns(names: list[str]) -> int:
    """One row for the legend above a trend (0: Vega's own flow) unless its entries would run past the plot's
    edge at 1280 px ('Kota Metro menurut Pemerintah Kota Metro' was cut at its end): then two columns."""
    wide = sum(40 + 8 * len(str(n)) for n in names)  # a symbol and its gap, and about 8 px a character at 15 px
    return 0 if wide <= TOP_LEGEND_PX else 2


def _other_producer(data: pd.DataFrame, ind: Indicator) -> pd.Series:
    """The real (not illustrative) values whose producer is not the indicator's."""
    if "source_producer" not in data or not ind.producer:
        return pd.Series(False, index=data.index)
    producer = data["source_producer"]
    return data["status"].ne("illustrative") & producer.notna() & producer.ne(ind.producer)


def other_producers(frame: pd.DataFrame, ind: Indicator) -> list[str]:
    """Who else's figures a trend of `frame` draws apart (in purple), for the caption that says what they are."""
    return sorted(set(frame.loc[_other_producer(frame, ind), "source_producer"]))


MIN_SPAN = 0.05  # a trend's value axis spans at least this share of its largest value


def value_span(values) -> list[float] | alt.UndefinedType:
    """The value axis of a trend that barely moves, centred on it: HLS from 14,75 to 14,79 filled the plot's height
    and read as a steep rise. Undefined (Vega's own) when the values span enough."""
    if len(values) < 2:
        return alt.Undefined
    low, high = float(min(values)), float(max(values))
    half = MIN_SPAN * max(abs(low), abs(high)) / 2
    if high - low >= 2 * half:
        return alt.Undefined
    mid = (low + high) / 2
    return [mid - half, mid + half]


Y_TITLE_CHAR_PX = 8.5  # an axis title's length per character at the theme's size (7.9 measured on a slide)
SLIDE_PLOT_PX = 170  # the least height a slide's trend plot gets (tests/test_browser_room.py asserts at least 150)
BELOW_PLOT_PX = 70  # a chart's height beyond its plot's: the years and their title


def axis_title(text: str, height: int | str) -> str | list[str]:
    """The y axis's title, on as many lines as it needs to fit along the plot: a kelurahan trend's slide showed
    'Keluarga desil 1–4 nasional (%' and cut the rest above the chart. `height`: the chart's, or 'container'."""
    plot = height - BELOW_PLOT_PX if isinstance(height, int) else SLIDE_PLOT_PX
    per_line = max(10, int(plot / Y_TITLE_CHAR_PX))
    return text if len(text) <= per_line else textwrap.wrap(text, per_line, break_long_words=False)


def trend(frame: pd.DataFrame, ind: Indicator, lang: str, *, colors: dict[str, str] | None = None, height: int = 380,
          title: str | None = None, target: float | None = None, compact: bool = False, x_label_angle: int = 0,
          side_legends: bool = False, marks: list[str] | None = None) -> alt.LayerChart:
    """frame: region_name, period, value, series, status (one row per point). `side_legends`: a slide: both
    legends beside the plot (height is its scarce dimension), not above and below it, and every text at the
    theme's size for the room (the screen's legends are a little smaller than its axes). `marks`: the kinds of
    value of a set of panels (trend_panels), so they share one status legend with the same marker for each."""
    data = frame.copy()
    data["region_name"], colors = _kinds_apart(data, ind, colors, lang)
    data["line"] = line_key(data)
    decimals = data["decimals"] if "decimals" in data else [None] * len(data)
    data["value_text"] = [ind.fmt(v, lang, decimals=d) for v, d in zip(data.value, decimals)]
    data["mark_key"] = marks_of(data)
    data["status_text"] = [mark_label(m, lang) for m in data.mark_key]
    flags = data["quality_flag"] if "quality_flag" in data else [None] * len(data)
    data["flag_text"] = [t(f"overview.flag.{f}", lang) if f in FLAGS else None for f in flags]
    shown = marks if marks is not None else [m for m in MARKS if m in set(data.mark_key.dropna())]
    data = with_gaps(data[list(DRAWN)], "line", ["region_name", "series"])  # only what the chart reads travels to the browser
    names = list(dict.fromkeys(data.region_name))
    scale = alt.Scale(domain=names, range=[colors[n] for n in names]) if colors and all(n in colors for n in names) else alt.Undefined
    # a compact chart (a panel, the region panel) needs no "Tahun" under its years: on a slide it ran into the footnote
    x = alt.X("period:O", title=None if compact else t("common.year", lang), axis=alt.Axis(labelAngle=x_label_angle))
    # room beyond the extremes for a point's marker (Lampung's Gini of 2018 was half cut at the plot's top), ends on ticks
    # one value only (Metro's extreme poverty, 2022): Vega's ticks of an empty span read '0,830000'; its one tick in
    # the indicator's decimals instead
    values = frame["value"].dropna().unique()
    if len(values) == 1:
        axis = alt.Axis(values=[float(values[0])], format=f",.{ind.decimals}f")
    else:  # ticks in the decimals the figures are published with: '14,745' claimed a precision BPS does not give
        axis = alt.Axis(format=f",.{ind.decimals}~f", tickMinStep=10.0 ** -ind.decimals)  # "~": 10, not 10,00
    y = alt.Y("value:Q", title=None if compact else axis_title(ind.titled(lang), height), axis=axis,
              scale=alt.Scale(zero=False, nice=True, padding=10, domain=value_span(values)))
    # on a slide the theme's size (theme.PRESENT_LABEL_SIZE) with smaller symbols and rows closer together: with the
    # theme's symbols each row took 40 px, and the P0 slide cut its third and fourth status off below the plot
    screen = SLIDE_LEGEND if side_legends else {"labelFontSize": 15}  # on a slide the theme's size (theme.PRESENT_LABEL_SIZE)
    one_panel = compact and bool(title) and len(names) == 1  # a panel of trend_panels: its title names its region
    color = alt.Color("region_name:N", title=None, scale=scale,
                      legend=None if one_panel else alt.Legend(orient="right" if side_legends else "bottom" if compact else "top",
                                                               columns=1 if compact or side_legends else _top_legend_columns(names),
                                                               **screen))
    tooltip = [alt.Tooltip("region_name:N", title=t("common.region", lang)), alt.Tooltip("period:O", title=t("common.year", lang)),
               alt.Tooltip("value_text:N", title=ind.short(lang)), alt.Tooltip("status_text:N", title=t("common.status", lang))]
    if data.flag_text.notna().any():  # 'belum terverifikasi': an official figure whose article is not recorded, say
        tooltip.append(alt.Tooltip("flag_text:N", title=t("common.flag", lang)))
    # the layers name no data: it is given once to the layer (Altair hashing a frame it hoists from each layer
    # costs a first rerun about 20 ms)
    base = alt.Chart().encode(x=x, y=y, color=color, detail=alt.Detail("line:N"))
    lines = base.mark_line(strokeWidth=3.5, invalid="break-paths-show-domains")
    shapes = alt.Scale(domain=[mark_label(m, lang) for m in shown], range=[MARK_SHAPES[m] for m in shown])
    points = base.mark_point(size=200, filled=True, opacity=1).encode(
        shape=alt.Shape("status_text:N", title=None if side_legends else t("common.status", lang), scale=shapes,  # a slide: rows for statuses
                        legend=None if compact and marks is None else alt.Legend(orient="right" if side_legends else "bottom",
                                                               columns=1 if side_legends else 2,
                                                               # panels' one legend at the theme's size: the room's on a slide
                                                               **({"labelLimit": 320} | (SLIDE_LEGEND if side_legends else {} if marks is not None
                                                                                         else {"labelFontSize": 14})))),
        tooltip=tooltip,
    ).transform_filter("isValid(datum.value)")
    layers = [lines, points]
    if target is not None:
        source = ind.target_source(lang)  # which plan's target: a 2045 target is not this year's yardstick
        when = f" {t('common.target_by', lang, year=ind.target_year)}" if ind.target_year else ""
        label = f"{t('common.target', lang)} {ind.fmt_target(lang, target)}{when}" + (f" ({source})" if source else "")
        rule = alt.Chart(alt.InlineData(values=[{"target": float(target), "label": label}]))
        layers += [rule.mark_rule(strokeDash=[6, 4], color="#555555").encode(y=alt.Y("target:Q")),
                   rule.mark_text(align="left", dx=4, dy=-8, fontSize=theme.PRESENT_LABEL_SIZE if side_legends else 14, color="#333333")
                   .encode(y=alt.Y("target:Q"), text=alt.Text("label:N"), x=alt.XValue(0))]
    # one LayerChart built with everything: each .properties() would copy every layer deeply again
    return alt.layer(*layers, data=inline_rows(data), height=height, width="container", title=title if title else alt.Undefined)


def trend_panels(frame: pd.DataFrame, ind: Indicator, lang: str, *, colors: dict[str, str] | None = None, height: int = 380,
                 target: float | None = None, compact: bool = False, side_legends: bool = False) -> alt.HConcatChart:
    """One trend per region side by side, each with its own axis: counts of people (Metro's thousands and
    Indonesia's millions) never share an axis."""
    # the city first, the nation last: by the code's length, then the province ('18') before the nation ('00', all
    # zeros; the two have codes of one length, and Indonesia came before Lampung)
    first = frame.drop_duplicates("region_code").set_index("region_code").region_name
    names = list(dict.fromkeys(first[sorted(first.index, key=lambda c: (len(c), c.strip("0") != ""), reverse=True)]))
    unit = ind.unit(lang)  # the panels have no axis title: each says its unit beside its region's name
    titles = {n: f"{n} ({unit})" if unit else n for n in names}
    # under it when one title is wider than its panel: 'Lampung (thousand persons)' widened its panel, and the third
    # ran past a 1280-pixel page
    if unit and max(len(x) for x in titles.values()) * TITLE_CHAR_PX > PANEL_WIDTH + PANEL_AXIS_PX:
        titles = {n: [n, f"({unit})"] for n in names}
    # one status legend under the panels, one marker per kind of value in all of them (Metro's derived 2023 count and
    # its official 2024 one were told apart by their markers, and nothing said what the markers meant)
    marks = [m for m in MARKS if m in set(marks_of(frame))]
    parts = [trend(frame[frame.region_name == name], ind, lang, colors=colors, height=height, title=titles[name], compact=True,
                   target=target if name == names[0] else None, x_label_angle=-45, marks=marks,
                   side_legends=side_legends).properties(width=PANEL_WIDTH)  # a slide: the legend beside, under it the footnote
             for name in names]
    # Vega cannot fit a concatenation to the page width: the panels keep their own width and colour scale
    return (alt.hconcat(*parts).resolve_scale(y="independent", color="independent", shape="shared")
            .properties(autosize=alt.AutoSizeParams(type="pad")))


PANEL_WIDTH = 170  # px of plot: three panels with their axes fit beside the sidebar at 1280 px (190 ran 30 px past)
PANEL_AXIS_PX = 55  # a panel's value labels left of its plot ('28.500')
TITLE_CHAR_PX = 9.5  # a panel title's width per character (bold, the theme's title size)

"""Metro among Lampung's 15 kab/kota: each one's value of a poverty indicator for a year, its rank computed
from the figures (1 = the lowest value), and the mark that says how far its citation can be trusted.

A headline such as "Metro, the lowest in Lampung" is checked against these ranks, never copied. Pure:
takes rows of queries/kabkota_values.sql, returns frames and records; no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metro_poverty.catalog import Indicator
from metro_poverty.provenance import mark

PEER_INDICATORS = ("p0", "poor_count", "p1", "p2", "gk")


def cells(values: pd.DataFrame, indicator: str, period: int) -> pd.DataFrame:
    """The kab/kota with a value of the indicator in the year, ranked from the lowest value (ties share the
    lower rank), each with its mark: a cell any document disagrees on is 'conflict'."""
    out = values[(values.indicator_code == indicator) & (values.period == period)].copy()
    out["rank_low"] = out["value"].rank(ascending=True, method="min").astype("Int64")
    out["n_ranked"] = len(out)
    out["mark_key"] = ["conflict" if c else mark(s, ci, f) for s, ci, f, c in
                       zip(out.status, out.citation, out.quality_flag, out.any_conflict)]
    return out.sort_values(["rank_low", "region_name"]).reset_index(drop=True)


def periods(values: pd.DataFrame, indicator: str) -> list[int]:
    return sorted(int(p) for p in values.loc[values.indicator_code == indicator, "period"].unique())


@dataclass(frozen=True)
class CityStanding:
    """Where the city stands among the kab/kota with a value that year."""
    rank_low: int
    n_ranked: int
    n_peers: int
    value: float
    lowest_name: str
    lowest_value: float
    lowest_mark: str
    is_lowest: bool

    @property
    def ranked(self) -> bool:
        return ranks(self.n_ranked, self.n_peers)


def ranks(n_ranked: int, n_peers: int) -> bool:
    """A rank is given only among more than half of the kab/kota: 'peringkat 1 dari 2' (P0 2015, two figures
    found) compares nothing a statistician would sign. The Lampung page, the Overview and the brief all ask this."""
    return 2 * n_ranked > n_peers


def city_standing(ranked: pd.DataFrame, city: str, n_peers: int) -> CityStanding | None:
    hit = ranked[ranked.region_code == city]
    if hit.empty:
        return None
    first = ranked.iloc[0]
    me = hit.iloc[0]
    return CityStanding(int(me.rank_low), int(me.n_ranked), n_peers, float(me.value), str(first.region_name),
                        float(first.value), str(first.mark_key), int(me.rank_low) == 1)


def ranking_frame(ranked: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """The rows charts.ranking draws: region_code, region_name, value, rank (1 = best by the indicator's polarity)."""
    out = ranked[["region_code", "region_name", "value"]].copy()
    if ind.polarity == "neutral":
        out["rank"] = pd.NA
    else:
        out["rank"] = out["value"].rank(ascending=ind.polarity == "higher_worse", method="min").astype("Int64")
    return out


def standing_in(values: pd.DataFrame, indicator: str, year: int, city: str) -> CityStanding | None:
    """The city's standing for the year itself (no fallback to another year: a rank is of one release)."""
    if year not in periods(values, indicator):
        return None
    n_peers = int(values.region_code.nunique())
    return city_standing(cells(values, indicator, year), city, max(n_peers, N_PEERS))


N_PEERS = 15  # Lampung's kab/kota: 13 kabupaten and 2 kota

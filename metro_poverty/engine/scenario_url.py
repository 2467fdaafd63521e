"""A Scenario in the URL: only what differs from the defaults is written, as short flat strings.

This module knows the Scenario; the Scenario knows nothing of URLs (the page, the saved scenarios and
the results table call to_query_params / from_query_params here).

Reading is forgiving: a value that cannot be used falls back to its default with a notice the page
shows; keys that are not the scenario's (the page's other controls) are left alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from metro_poverty.engine.scenario import Scenario, check_field, in_lever_range
from metro_poverty.i18n import t

# URL key -> Scenario field
KEYS = {
    "transfer": "transfer_rp_per_month",
    "per": "transfer_per",
    "deciles": "target_deciles",
    "regions": "target_regions",
    "excl": "exclusion_error_pct",
    "incl": "inclusion_error_pct",
    "growth_d1_4": "growth_d1_4_pct",
    "growth_d5_10": "growth_d5_10_pct",
    "inflation": "inflation_pct",
    "line": "poverty_line_rp",
    "weights": "dimension_weights",
    "k": "k",
}
UNIFORM_GROWTH_KEY = "growth"
DEFAULT = Scenario()


@dataclass(frozen=True)
class Notice:
    code: str  # a key under engine.scenario.notice.*
    key: str
    value: str

    def message(self, lang: str = "id", default: str = "–") -> str:
        """The notice as text; `default`: the value used instead, as the page writes it."""
        return t(f"engine.scenario.notice.{self.code}", lang, key=self.key, value=self.value, default=default)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _encode(value) -> str:
    if isinstance(value, tuple):
        return ",".join(_number_text(v) if isinstance(v, (int, float)) else str(v) for v in value)
    if isinstance(value, (int, float)):
        return _number_text(value)
    return str(value)


def to_query_params(scenario: Scenario) -> dict[str, str]:
    """The levers that differ from the defaults, as URL parameters."""
    out = {key: _encode(getattr(scenario, name)) for key, name in KEYS.items()
           if getattr(scenario, name) != getattr(DEFAULT, name)}
    uniform = scenario.growth_d1_4_pct == scenario.growth_d5_10_pct
    if uniform and "growth_d1_4" in out:
        out[UNIFORM_GROWTH_KEY] = out.pop("growth_d1_4")
        out.pop("growth_d5_10")
    return out


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _numbers(text: str) -> tuple[float, ...]:
    return tuple(_number(part) for part in text.split(",")) if text.strip() else ()


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _integers(text: str) -> tuple[int, ...]:
    values = _numbers(text)
    if any(not v.is_integer() for v in values):
        raise ValueError(text)
    return tuple(int(v) for v in values)


PARSERS = {
    "transfer_rp_per_month": _number,
    "transfer_per": str.strip,
    "target_deciles": _integers,
    "target_regions": _codes,
    "exclusion_error_pct": _number,
    "inclusion_error_pct": _number,
    "growth_d1_4_pct": _number,
    "growth_d5_10_pct": _number,
    "inflation_pct": _number,
    "poverty_line_rp": _number,
    "dimension_weights": _numbers,
    "k": _number,
}


def _parse(name: str, key: str, text: str, notices: list[Notice]):
    """The parsed value, or None (with a notice) when it cannot be used."""
    try:
        value = PARSERS[name](text)
    except ValueError:
        value = None
    if value is None or check_field(name, value) or not in_lever_range(name, value):
        notices.append(Notice("invalid", key, text))
        return None
    return value


def _known(regions: tuple[str, ...], known: Iterable[str] | None, notices: list[Notice]) -> tuple[str, ...]:
    if known is None:
        return regions
    known = set(known)
    for code in regions:
        if code not in known:
            notices.append(Notice("unknown_region", "regions", code))
    return tuple(code for code in regions if code in known)


def from_query_params(params: Mapping[str, str], known_regions: Iterable[str] | None = None) -> tuple[Scenario, list[Notice]]:
    """(Scenario, notices). `known_regions`: codes a URL may name; None accepts any."""
    notices: list[Notice] = []
    values = {}
    if UNIFORM_GROWTH_KEY in params:
        growth = _parse("growth_d1_4_pct", UNIFORM_GROWTH_KEY, str(params[UNIFORM_GROWTH_KEY]), notices)
        if growth is not None:
            values.update(growth_d1_4_pct=growth, growth_d5_10_pct=growth)
    for key, name in KEYS.items():
        if key in params:
            value = _parse(name, key, str(params[key]), notices)
            if value is not None:
                values[name] = value
    if "target_regions" in values:
        values["target_regions"] = _known(values["target_regions"], known_regions, notices)
    return replace(DEFAULT, **values), notices


"""The draft agenda a facilitator builds from any page: its steps named by what they show, and its place in
the URL, so a reload (or a link sent to oneself) keeps it. Pure: no Streamlit.

A step's default title says what it shows — 'Kesehatan · Stunting (e-PPGBM) · Rejomulyo · 2024' — from the
page, the indicator, the region and the year in its parameters, in the UI language. In the URL the draft is
compact JSON, zlib-compressed and base64url-encoded; a value that does not decode to valid steps is refused
(the caller falls back to an empty draft with a notice).
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib

from metro_poverty.fgd.agendas import MAX_STEPS, clean_step
from metro_poverty.i18n import t

URL_KEY = "draft"  # the URL parameter (and session key) holding the draft
MAX_URL_TEXT = 6000  # a draft longer than this in the URL is refused: browsers and proxies cut long URLs
MAX_RAW = 64_000  # the most a draft's JSON may inflate to: 30 steps of short texts are a few kilobytes


def encode(steps: list[dict]) -> str | None:
    """The draft as URL text; None when it is empty (left out of the URL)."""
    if not steps:
        return None
    compact = [[s["path"], s["params"], s["title"], s.get("note") or ""] for s in steps]
    raw = json.dumps(compact, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode(text: str | None) -> list[dict] | None:
    """The steps in URL text; [] for none, None when the text is not a valid draft."""
    if not text:
        return []
    if len(text) > MAX_URL_TEXT:
        return None
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), MAX_RAW)
        if inflate.unconsumed_tail:  # more than any real draft: a crafted link that inflates a thousandfold
            return None
        compact = json.loads(raw.decode("utf-8"))
        if not isinstance(compact, list) or len(compact) > MAX_STEPS:
            return None
        return [clean_step({"path": p, "params": params, "title": title, "note": note}) for p, params, title, note in compact]
    # RecursionError: 550 characters of link inflate to JSON nested thousands deep, which json cannot read
    except (ValueError, TypeError, zlib.error, binascii.Error, UnicodeDecodeError, RecursionError):
        return None


def valid(steps) -> bool:
    """A list of at most MAX_STEPS steps that clean_step accepts."""
    if not isinstance(steps, list) or len(steps) > MAX_STEPS:
        return False
    try:
        for s in steps:
            clean_step(s)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


LEVELS = ("kelurahan", "kecamatan", "city")
VIEWS = ("map", "rank", "trend", "compare", "table")
OVERVIEW_VIEWS = ("headline", "trend", "map")  # the Overview's slides


SCENARIO_PATH = "simulasi"  # the page whose steps are named by their levers (pages.PAGES' url_path)


def step_title(page_title: str, params: dict, names: dict[str, str], lang: str, overview: bool = False, scenario: bool = False) -> str:
    """'Kesehatan · Stunting (e-PPGBM) · Kecamatan · Peringkat · Rejomulyo · 2024': the page, then what its
    parameters choose, in words. `names`: indicator codes and region codes to the names to show (in the UI language).
    The Overview's step (`overview`) is named by its slide, and names its map indicator only when the step is its map.
    A scenario's step (`scenario`) is named by its levers as its slide's line says them (engine.scenario_words), never
    by a year (the model's prices are 2024's whatever year the top bar shows): two scenarios were both 'Simulasi
    Kebijakan · 2025'."""
    if scenario:
        return f"{page_title} · {_scenario_line(params, names, lang)}"
    parts = [page_title]
    view = params.get("view") if params.get("view") in (OVERVIEW_VIEWS if overview else VIEWS) else ("headline" if overview else None)
    if params.get("q"):  # Konsep & Definisi searched: its slide shows what was found, not the pair compared below it
        parts.append(f"«{params['q']}»")
    for key in ("ind", "map_ind", "a"):
        if key == "map_ind" and view != "map" or key == "a" and params.get("q"):
            continue
        if params.get(key) in names:
            parts.append(names[params[key]])
            break
    if params.get("level") in LEVELS and not (overview and view != "map"):
        parts.append(t(f"level.{params['level']}", lang))
    if view:
        parts.append(t(f"{'overview' if overview else 'dimension'}.view_name.{view}", lang))
    if params.get("region") in names:
        parts.append(names[params["region"]])
    if params.get("year"):
        parts.append(str(params["year"]))
    return " · ".join(parts)


def _scenario_line(params: dict, names: dict[str, str], lang: str) -> str:
    """The step's scenario as its slide words it; a value its page would refuse reads as the default the page uses."""
    from metro_poverty.engine.scenario_url import from_query_params
    from metro_poverty.engine.scenario_words import summary

    scenario, _ = from_query_params({k: str(v) for k, v in params.items()}, known_regions=names)
    return summary(scenario, names, lang)

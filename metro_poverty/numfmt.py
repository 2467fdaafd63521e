"""Indonesian number formatting, in one place: 1.234,5 and Rp 503.161.

Streamlit's own number formats follow the viewer's browser locale (an English projector laptop
would show 1,234.5), so numbers are formatted here, in Python, before they reach the page.
"""

from __future__ import annotations



def _is_missing(value) -> bool:
    """None, NaN and pandas' NA (whose truth value raises) all read as missing."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:
        return True


def number(value, decimals: int = 0, lang: str = "id", missing: str = "–") -> str:
    """1234.5 -> '1.234,5' (id) or '1,234.5' (en)."""
    if _is_missing(value):
        return missing
    value = float(value)
    if round(value, decimals) == 0:
        value = 0.0  # no '−0,00'
    text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "−") if text.startswith("-") else text


def rupiah(value, decimals: int = 0, lang: str = "id", missing: str = "–") -> str:
    """503161 -> 'Rp 503.161'."""
    if _is_missing(value):
        return missing
    return f"Rp {number(value, decimals, lang)}"


_SCALES = {"id": ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")), "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))}


def rupiah_short(value, lang: str = "id", missing: str = "–") -> str:
    """A large amount in words a room reads at a glance: 2918301870 -> 'Rp 2,92 miliar'."""
    if _is_missing(value):
        return missing
    for size, word in _SCALES.get(lang, _SCALES["id"]):
        if abs(value) >= size:
            return f"Rp {number(value / size, 2, lang)} {word}"
    return rupiah(value, 0, lang)


def percent(value, decimals: int = 2, lang: str = "id", missing: str = "–") -> str:
    """6.78 -> '6,78%' (value already in percent)."""
    if _is_missing(value):
        return missing
    return f"{number(value, decimals, lang)}%"


def signed(value, decimals: int = 2, lang: str = "id", missing: str = "–") -> str:
    """A change with its sign: +0,40 / −0,34."""
    if _is_missing(value):
        return missing
    body = number(abs(value), decimals, lang)
    if round(float(value), decimals) == 0:
        return f"±{body}"
    return f"+{body}" if value > 0 else f"−{body}"


def with_unit(value, unit: str, decimals: int, lang: str = "id", missing: str = "–") -> str:
    """Format a value for its catalogue unit: '%' -> 6,78%, 'Rp…' -> Rp 503.161, else '12,07 ribu jiwa'."""
    if _is_missing(value):
        return missing
    if unit == "%":
        return percent(value, decimals, lang)
    if unit.startswith("Rp"):
        rest = unit[2:].strip()
        return f"{rupiah(value, decimals, lang)}{rest if rest.startswith('/') else (' ' + rest if rest else '')}"
    if unit in ("", "index", "indeks"):
        return number(value, decimals, lang)
    return f"{number(value, decimals, lang)} {unit}"

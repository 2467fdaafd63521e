"""The view's state in the URL: what each parameter may hold, its default, and what to do with a bad one.

Only values that differ from the default are written (a clean URL for the default view), and an
unknown or malformed value falls back to the default with a notice, never an error. Pure logic:
metro_poverty/ui/url.py connects it to Streamlit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from metro_poverty.markdown_text import unlinked

# commas separate a list's values and slashes a path's segments; no Markdown or HTML mark (not even ~)
_SHOWN = re.compile(r"[^0-9A-Za-z._\-,/ ]")
MAX_SHOWN = 32


@dataclass(frozen=True)
class Param:
    """A URL parameter: its key (also the session-state key), allowed values and default."""

    key: str
    options: Sequence[Any]
    default: Any
    to_text: Callable[[Any], str] = str
    label: Callable[[Any], str] | None = None  # a value as a reader knows it, for a notice ('Angka utama', not 'headline')

    def parse(self, raw: str | None) -> tuple[Any, bool]:
        """(value, ok): the option whose text is `raw`, else the default and ok=False. None means absent."""
        if raw is None:
            return self.default, True
        for option in self.options:
            if self.to_text(option) == raw:
                return option, True
        return self.default, False

    def encode(self, value: Any) -> str | None:
        """The URL text for a value, or None when it is the default (left out of the URL)."""
        return None if value == self.default else self.to_text(value)


def shown(raw: str) -> str:
    """A URL value made safe to show in a notice: no markup, bounded length. An invisible character (a
    right-to-left override, a zero-width space) shows as '?': dropped, '/%E2%80%AEkesehatan' was reported as
    the page «kesehatan», which exists."""
    # letters and digits of any script stay ('kesehatán' was shown as 'kesehatn'); markup and symbols go
    text = "".join("?" if not c.isprintable() or unicodedata.category(c) == "Cf" else "" if _SHOWN.match(c) and not c.isalnum() else c
                   for c in str(raw))
    # 'www.evil.example' became a link in the notice: the dots stay (a domain-like page name), the autolink does not
    return unlinked(text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…")


def encode_all(params: Sequence[Param], values: dict[str, Any]) -> dict[str, str]:
    """The query string of a view: non-default values only, in the order the params are declared."""
    out = {}
    for p in params:
        text = p.encode(values.get(p.key, p.default))
        if text is not None:
            out[p.key] = text
    return out


def optional_text(value: Any) -> str:
    """Encoding for parameters whose default is 'nothing chosen' (None)."""
    return "" if value is None else str(value)


MAX_TEXT = 60


@dataclass(frozen=True)
class TextParam:
    """A free-text parameter (a search box): any printable text up to max_length, else the default."""

    key: str
    default: str = ""
    max_length: int = MAX_TEXT

    @property
    def options(self):
        return _AnyText(self.max_length)

    def to_text(self, value) -> str:
        return str(value)

    def parse(self, raw: str | None) -> tuple[str, bool]:
        if raw is None:
            return self.default, True
        return (raw, True) if raw in self.options else (self.default, False)

    def encode(self, value) -> str | None:
        return None if value == self.default else str(value)


class _AnyText:
    """`value in options` for free text: any printable string up to the length limit."""

    def __init__(self, max_length: int):
        self.max_length = max_length

    def __contains__(self, value) -> bool:
        return isinstance(value, str) and len(value) <= self.max_length and value.isprintable()


class _Valid:
    """Options defined by a test rather than a list: `value in options` asks the test."""

    def __init__(self, test: Callable[[Any], bool]):
        self.test = test

    def __contains__(self, value) -> bool:
        return self.test(value)

    def __iter__(self):
        return iter(())


@dataclass(frozen=True)
class Partly:
    """What a decoder kept of a value that was partly bad (the known regions of a list naming one unknown):
    the view shows it, and the link earns a notice naming what was left out."""

    value: Any
    dropped: str = ""  # what was left out, as the link wrote it


class CodedParam(Param):
    """A parameter whose value is free-form data carried in the URL as text (a draft agenda): `decode` turns
    URL text into a value (None when it cannot), `encode_value` a value into text (None when it is the default),
    `check` tells a valid value, of the session's and of what `decode` read from a link alike."""

    def __init__(self, key: str, default: Any, decode: Callable[[str], Any], encode_value: Callable[[Any], str | None],
                 check: Callable[[Any], bool], label: Callable[[Any], str] | None = None):
        super().__init__(key, _Valid(check), default, to_text=lambda v: "", label=label)
        object.__setattr__(self, "_decode", decode)
        object.__setattr__(self, "_encode_value", encode_value)

    def parse(self, raw: str | None) -> tuple[Any, bool]:
        if raw is None:
            return self.default, True
        try:
            value = self._decode(raw)
        except Exception:  # noqa: BLE001 - text from a link: whatever a decoder cannot read falls back with a notice,
            value = None  # never a traceback (a draft nested thousands deep raised RecursionError on every page)
        if isinstance(value, Partly):
            return (value.value, False) if value.value in self.options else (self.default, False)
        return (value, True) if value is not None and value in self.options else (self.default, False)

    def encode(self, value: Any) -> str | None:
        return self._encode_value(value) if value != self.default else None

    def left_out(self, raw: str) -> str:
        """What a link's value lost when only part of it could be kept ('18.72.99.9999'), else ''."""
        try:
            value = self._decode(raw)
        except Exception:  # noqa: BLE001 - as parse: text from a link
            return ""
        return value.dropped if isinstance(value, Partly) else ""


def list_param(key: str, choices: Sequence[Any], default: Sequence[Any], label: Callable[[Any], str] | None = None) -> CodedParam:
    """Several of `choices` (the regions drawn on a trend), comma-separated in the URL in the order chosen. The
    known ones are kept, once each, in their order (one mistyped code dropped the others with it); a value that
    names none of them falls back to the default."""
    by_text = {str(c): c for c in choices}

    def decode(raw: str) -> list | Partly | None:
        parts = raw.split(",") if raw else []
        kept = list(dict.fromkeys(part for part in parts if part in by_text))
        if kept == parts:
            return [by_text[part] for part in parts]
        seen: set[str] = set()
        dropped = [p for p in parts if p not in by_text or p in seen or seen.add(p)]
        return Partly([by_text[part] for part in kept], ",".join(dropped)) if kept else None

    return CodedParam(key, list(default), decode, lambda value: ",".join(str(c) for c in value),
                      lambda value: isinstance(value, list) and all(str(c) in by_text for c in value), label=label)

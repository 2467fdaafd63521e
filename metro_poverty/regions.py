"""Region names and codes as sources write them, resolved to the canonical Kemendagri code.

Resolution goes through the explicit alias table (data/reference/region_aliases.csv), within the
level a file declares, because one name can mean two places ("Metro" is a kelurahan and the city).
Codes are read by their shape: dotted 18.72.01.1001 is Kemendagri, digits-only is BPS. A Kemendagri
code written without dots (1872011001) is therefore read as a BPS code, as BPS files write them; the
two systems number kecamatan differently, so that reading matters, and an upload whose codes also read the
other way into other kelurahan is stopped (intake.region_check).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pandas as pd

_PREFIXES = re.compile(r"^(kecamatan|kec|kelurahan|kel|desa|kota|kabupaten|kab|provinsi|prov)\b\.?\s*", re.IGNORECASE)
_KEMENDAGRI = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_BPS = re.compile(r"^\d{2}(\d{2}(\d{3}(\d{3})?)?)?$")
# 'Jml': the abbreviation Indonesian tables write for jumlah ('JML KOTA METRO', 'Jml Kec. Metro Pusat')
TOTAL_LABELS = {"jumlah", "total", "jumlahtotal", "grandtotal", "kotametro", "jumlahkota", "jumlahkotametro", "totalkota", "totalkotametro",
                "jml", "jmlkota", "jmlkotametro"}


def name_key(text) -> str:
    """A loose key for names: no accents, case, prefixes ("Kec.", "Kel."), spaces or punctuation."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"\s+", " ", text).strip()
    while True:
        stripped = _PREFIXES.sub("", text)
        if stripped == text:
            break
        text = stripped
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def code_key(text) -> str | None:
    """The code as written when the cell looks like a region code in either system, else None."""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    s = str(text or "").strip()
    return s if _KEMENDAGRI.match(s) or _BPS.match(s) else None


def below_kabkota(code) -> bool:
    """A Kemendagri code of a kecamatan or kelurahan (18.72.01, 18.72.01.1001), the store's own code system: an
    area under the lowest level BPS publishes poverty figures for."""
    return bool(_KEMENDAGRI.match(str(code or "").strip())) and str(code).count(".") >= 2


_TOTAL_WORDS = ("jumlah", "jml", "total", "subtotal", "ratarata", "rerata", "rata2", "average")  # summaries: totals, averages


def _compact(text) -> str:
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKD", str(text or "")).casefold())


def is_grand_total(text) -> bool:
    """'Jumlah', 'TOTAL', 'Kota Metro', 'Jumlah Kota Metro': the total of the whole file."""
    return _compact(text) in TOTAL_LABELS


def is_total_label(text) -> bool:
    """A grand total, a subtotal such as 'Jumlah Kec. Metro Pusat' or an average ('Rata-rata'): a summary of
    the rows, never a region of its own ('Rata-rata' was refused as a kelurahan with no similar name)."""
    raw = _compact(text)
    return raw in TOTAL_LABELS or raw.startswith(_TOTAL_WORDS)


class RegionResolver:
    """Looks names and codes up in the alias table, by level."""

    def __init__(self, regions: pd.DataFrame, aliases: pd.DataFrame):
        self.regions = regions
        self._codes: dict[tuple[str, str], str] = {}
        self._names: dict[tuple[str, str], str] = {}
        for row in aliases.itertuples(index=False):
            if row.kind in ("kemendagri_code", "bps_code"):
                self._codes[(row.alias, row.level)] = row.region_code
            else:
                self._names[(name_key(row.alias), row.level)] = row.region_code

    def resolve(self, text, level: str) -> str | None:
        code = code_key(text)
        if code is not None:
            return self._codes.get((code, level))
        key = name_key(text)
        return self._names.get((key, level)) if key else None

    def suggest(self, text, level: str, cutoff: float = 0.75) -> str | None:
        """The closest known name at this level, for a near miss (a typo) the officer may confirm."""
        found = self.suggestions(text, level, cutoff)
        return found[0] if found else None

    def suggestions(self, text, level: str, cutoff: float = 0.75, tie: float = 0.02) -> list[str]:
        """The closest known regions at this level, best first: every one as close as the best (within `tie`),
        so a name two kelurahan share the start of ("Hadimulyo": Barat or Timur) offers both, never a guess."""
        key = name_key(text)
        scores: dict[str, float] = {}
        starting: set[str] = set()  # regions whose name starts with what is written ("Ganjar": Agung, Asri)
        for (k, lvl), code in self._names.items():
            if lvl == level:
                score = difflib.SequenceMatcher(None, key, k).ratio()
                scores[code] = max(score, scores.get(code, 0.0))
                if len(key) >= 4 and k.startswith(key):
                    starting.add(code)
        if len(starting) > 1:
            return sorted(starting, key=lambda c: (-scores[c], c))
        close = {c: v for c, v in scores.items() if v >= cutoff}
        if not close:
            return []
        best = max(close.values())
        return sorted((c for c, v in close.items() if v >= best - tie), key=lambda c: (-scores[c], c))

    def name(self, code: str) -> str:
        hit = self.regions.loc[self.regions.region_code == code, "name"]
        return hit.iloc[0] if len(hit) else code

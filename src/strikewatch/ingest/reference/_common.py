"""Shared parsing for the hand-made reference strike lists.

The lists were typed by hand into spreadsheets, so counts come as numbers,
strings, ranges ("4-6"), words ("Unknown", "Several") and even dates that a
spreadsheet made of a range ("4-Mar" for "3-4"). Place names follow each
group's habits ("North Waziristan Agency", "N. Waziristan", "Shabwa"). This
module turns all of that into the plain values :class:`~strikewatch.model.Event`
holds, and says in a note whatever it could not keep as a number, so nothing
is dropped silently.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from strikewatch.errors import IngestError

#: Every reference list a file can be read as; also the ``origin`` of its events.
REFERENCE_KINDS: tuple[str, ...] = ("tbij", "dronestream", "new_america", "pbc")

#: The perpetrator of every strike in these lists (all are US strike lists).
PERPETRATOR = "US"


class ReferenceListError(IngestError):
    """A reference list that cannot be recognised or read.

    Not named ``ReferenceError`` so as not to shadow the Python built-in.
    """

    code = "reference"


# --------------------------------------------------------------------- counts


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure as a range; ``None`` where the list does not say.

    ``note`` keeps a value that is not a number ("Several", "Yes") or that was
    repaired (a negative number, a swapped range), so the reader can see it.
    """

    low: int | None = None
    high: int | None = None
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.low is not None or self.high is not None


UNKNOWN = Count()

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d*)?")
_RANGE = re.compile(r"(\d+)\s*(?:-|–|to)\s*(\d+)")
_MANGLED = re.compile(r"(\d{1,2})-([A-Za-z]{3})|([A-Za-z]{3})-(\d{1,2})")
_AT_LEAST = re.compile(r"(?:at\s+least|more\s+than|over|\+)\s*(\d+)|(\d+)\s*\+", re.I)
#: words that mean "not known" and need no note
_SILENT_UNKNOWN = {"", "unknown", "?", "n/a", "na", "-", "unclear", "none given"}


def parse_count(value: object) -> Count:
    """Read one cell as a count range.

    Accepts numbers, "4", "4-6", "at least 2", the spreadsheet-mangled
    "4-Mar" (which was typed as "3-4"), and words; words and negative numbers
    become unknown with a note, never zero.
    """
    if value is None or isinstance(value, bool):
        return UNKNOWN
    if isinstance(value, int | float):
        return _from_number(float(value), str(value))
    raw = str(value).strip()
    text = raw.strip("'\"").strip()
    if text.lower() in _SILENT_UNKNOWN:
        return UNKNOWN
    if _NUMBER.fullmatch(text):
        return _from_number(float(text), raw)
    m = _RANGE.fullmatch(text)
    if m:
        a, b = int(m[1]), int(m[2])
        if a > b:
            return Count(b, a, f"range {raw!r} reversed")
        return Count(a, b)
    m = _MANGLED.fullmatch(text)
    if m:
        day, month = (m[1], m[2]) if m[1] else (m[4], m[3])
        mon = _MONTHS.get(month.lower())
        if mon is not None:
            a, b = sorted((int(day), mon))
            return Count(a, b, f"{raw!r} read as {a}-{b} (a range a spreadsheet made a date)")
    m = _AT_LEAST.fullmatch(text)
    if m:
        return Count(int(m[1] or m[2]), None, f"stated as {raw!r}")
    return Count(None, None, f"stated as {raw!r}")


def _from_number(number: float, raw: str) -> Count:
    if not math.isfinite(number) or number < 0:  # no count is negative
        return Count(None, None, f"stated as {raw!r}, not a count, dropped")
    if number != int(number):
        return Count(None, None, f"stated as {raw!r}, not a whole number, dropped")
    n = int(number)
    return Count(n, n)


def span(*counts: Count) -> Count:
    """Widest range the stated values allow: lowest low, highest high.

    Used where one list states a figure several times (Dronestream's
    ``deaths``, ``deaths_min``, ``deaths_max``) and the statements disagree.
    An open-ended statement ("at least 3") leaves the high end open.
    """
    lows = [c.low for c in counts if c.low is not None]
    highs = [c.high for c in counts if c.high is not None]
    is_open = any(c.low is not None and c.high is None for c in counts)
    low = min(lows) if lows else None
    high = None if is_open or not highs else max(highs)
    notes = "; ".join(dict.fromkeys(c.note for c in counts if c.note))
    return Count(low, high, notes or None)


def pair(low: object, high: object) -> Count:
    """Read a min column and a max column into one ordered range.

    A minimum above the maximum is swapped (and noted); a missing side stays
    ``None`` rather than being copied from the other.
    """
    lo, hi = parse_count(low), parse_count(high)
    notes = [n for n in (lo.note, hi.note) if n]
    a, b = lo.low, hi.high
    if a is not None and b is not None and a > b:
        notes.append(f"min {a} > max {b}, swapped")
        a, b = b, a
    return Count(a, b, "; ".join(notes) or None)


# -------------------------------------------------------------------- places


def clean_text(value: object) -> str | None:
    """Trim a cell, fold newlines and zero-width spaces; ``None`` if empty."""
    if value is None:
        return None
    text = str(value).replace("\u200b", "").replace("\ufeff", "")
    text = re.sub(r"\s*\n\s*", ", ", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return text or None


def known_place(value: object) -> str | None:
    """Like :func:`clean_text`, but "Unknown"/"Unclear"/"N/A" become ``None``."""
    text = clean_text(value)
    if text is None or text.lower().strip(".") in _SILENT_UNKNOWN:
        return None
    return text


FATA = "Federally Administered Tribal Areas"
KP = "Khyber Pakhtunkhwa"
BALOCHISTAN = "Balochistan"

#: Pakistani districts as the shared geo data names them, with their province
#: at the time of the strikes (the tribal agencies merged into KP in 2018).
PK_DISTRICTS: dict[str, str] = {
    "North Waziristan": FATA,
    "South Waziristan": FATA,
    "Bajaur": FATA,
    "Khyber": FATA,
    "Kurram": FATA,
    "Mohmand": FATA,
    "Orakzai": FATA,
    "FR Bannu": FATA,
    "Bannu": KP,
    "Hangu": KP,
}

_PK_DISTRICT_ALIASES: dict[str, str] = {
    "north waziristan": "North Waziristan",
    "n waziristan": "North Waziristan",
    "nwa": "North Waziristan",
    "north wazirstan": "North Waziristan",
    "south waziristan": "South Waziristan",
    "s waziristan": "South Waziristan",
    "swa": "South Waziristan",
    "bajaur": "Bajaur",
    "bajour": "Bajaur",
    "khyber": "Khyber",
    "kurram": "Kurram",
    "lower kurram": "Kurram",
    "upper kurram": "Kurram",
    "mohmand": "Mohmand",
    "orakzai": "Orakzai",
    "bannu frontier": "FR Bannu",
    "fr bannu": "FR Bannu",
    "frontier region bannu": "FR Bannu",
    "bannu": "Bannu",
    "hangu": "Hangu",
    "hungu": "Hangu",
}

_PK_PROVINCE_ALIASES: dict[str, str] = {
    "fata": FATA,
    "federally administered tribal areas": FATA,
    "tribal areas": FATA,
    "khyber pakhtunkhwa": KP,
    "khyber punkhtunkhwa": KP,
    "khyber pakhtoonkhwa": KP,
    "kpk": KP,
    "kp": KP,
    "nwfp": KP,
    "north west frontier province": KP,
    "balochistan": BALOCHISTAN,
    "baluchistan": BALOCHISTAN,
}

_PK_SUFFIX = re.compile(r"\b(tribal agency|agency|district|frontier region|province|region)$")


def _key(text: str) -> str:
    """Lower-case, drop dots and doubled spaces: the form aliases are keyed on."""
    return re.sub(r"\s+", " ", text.lower().replace(".", " ")).strip()


def pk_area(raw: object) -> tuple[str | None, str | None]:
    """Normalise a Pakistani area to ``(district, admin1)``.

    "North Waziristan Agency", "N. Waziristan" and "NWA" all give
    ``("North Waziristan", "Federally Administered Tribal Areas")``; a
    province alone gives ``(None, province)``; two agencies ("North/South
    Waziristan") give their common province only.
    """
    text = known_place(raw)
    if text is None:
        return None, None
    key = _key(text)
    if key in _PK_PROVINCE_ALIASES:
        return None, _PK_PROVINCE_ALIASES[key]
    if key == "bannu frontier region":
        return "FR Bannu", FATA
    bare = _PK_SUFFIX.sub("", key).strip()
    for candidate in (key, bare):
        if candidate in _PK_DISTRICT_ALIASES:
            district = _PK_DISTRICT_ALIASES[candidate]
            return district, PK_DISTRICTS[district]
        if candidate in _PK_PROVINCE_ALIASES:
            return None, _PK_PROVINCE_ALIASES[candidate]
    return _pk_composite(bare)


def _pk_composite(key: str) -> tuple[str | None, str | None]:
    """Two areas at once ("North/South Waziristan", "Orakzai/North Waziristan").

    The strike is in one of them; if they share a province, that much is known.
    """
    parts = [p.strip() for p in re.split(r"/| and |,", key.replace(" border", "")) if p.strip()]
    if len(parts) < 2:
        return None, None
    if any("waziristan" in p for p in parts):
        parts = [f"{p} waziristan" if p in ("north", "south") else p for p in parts]
    districts: set[str] = set()
    provinces: set[str] = set()
    for part in parts:
        part = _PK_SUFFIX.sub("", part).strip()
        if part in _PK_DISTRICT_ALIASES:
            districts.add(_PK_DISTRICT_ALIASES[part])
            provinces.add(PK_DISTRICTS[_PK_DISTRICT_ALIASES[part]])
        elif part in _PK_PROVINCE_ALIASES:
            provinces.add(_PK_PROVINCE_ALIASES[part])
        else:
            return None, None
    if len(districts) == 1 and len(provinces) == 1:
        return districts.pop(), provinces.pop()
    return None, (provinces.pop() if len(provinces) == 1 else None)


def find_pk_district(text: object) -> str | None:
    """Find the one district named inside free text ("Tal, Hangu District").

    Used only where a list put a province (or nothing) in its district
    column, so the place text is the only hint left. Province names are
    masked first so "Khyber Pakhtunkhwa" does not read as Khyber Agency;
    text naming two districts gives ``None``.
    """
    raw = known_place(text)
    if raw is None:
        return None
    key = f" {_key(raw)} "
    # "North/South Waziristan" names both: spell both out so neither wins alone
    key = re.sub(
        r"\b(north|south)\s*/\s*(north|south) waziristan\b", r"\1 waziristan / \2 waziristan", key
    )
    for alias in sorted(_PK_PROVINCE_ALIASES, key=len, reverse=True):
        key = re.sub(rf"\b{re.escape(alias)}\b", " ", key)
    found: set[str] = set()
    for alias in sorted(_PK_DISTRICT_ALIASES, key=len, reverse=True):
        pattern = rf"\b{re.escape(alias)}\b"
        if len(alias) > 3 and re.search(pattern, key):
            found.add(_PK_DISTRICT_ALIASES[alias])
            key = re.sub(pattern, " ", key)  # "fr bannu" must not also match "bannu"
    return found.pop() if len(found) == 1 else None


def pk_place(area: object, place: object) -> tuple[str | None, str | None]:
    """``(district, admin1)`` from an area column, else from the place text.

    When the district comes from the place text its province follows it,
    since the district is the more specific statement.
    """
    district, admin1 = pk_area(area)
    if district is None:
        district = find_pk_district(place)
        if district is not None:
            admin1 = PK_DISTRICTS[district]
    return district, admin1


#: Yemeni governorates, named as in the shared geo data (admin1.geojson).
_YE_PROVINCES: dict[str, str] = {
    "abyan": "Abyan",
    "shabwa": "Shabwah",
    "shabwah": "Shabwah",
    "bayda": "Al Bayda'",
    "al bayda": "Al Bayda'",
    "al baydha": "Al Bayda'",
    "badya": "Al Bayda'",  # TBIJ YEM324 (Dhi Naim, in al Bayda)
    "marib": "Ma'rib",
    "mareb": "Ma'rib",
    "ma'rib": "Ma'rib",
    "hadramout": "Hadhramaut",
    "hadhramout": "Hadhramaut",
    "hadhramaut": "Hadhramaut",
    "hadramaut": "Hadhramaut",
    "hadaramout": "Hadhramaut",
    "jawf": "Al Jawf",
    "al jawf": "Al Jawf",
    "sanaa": "Sana'a",
    "sana'a": "Sana'a",
    "saada": "Sa'dah",
    "sa'dah": "Sa'dah",
    "damar": "Dhamar",
    "dhamar": "Dhamar",
    "dhammar": "Dhamar",
    "lahj": "Lahij",
    "lahij": "Lahij",
    "aden": "'Adan",
    "taiz": "Ta'izz",
    "hodeidah": "Al Hudaydah",
    "mahra": "Al Mahrah",
    "al mahrah": "Al Mahrah",
}


def ye_province(raw: object) -> str | None:
    """Normalise a Yemeni governorate ("Shabwa", "Shabwah Province") or ``None``.

    Border zones and lists of provinces ("Shabwa/Hadramout") give ``None``:
    the strike cannot be put in one of them.
    """
    text = known_place(raw)
    if text is None:
        return None
    key = re.sub(r"\s+(governorate|province|provinces)$", "", _key(text))
    return _YE_PROVINCES.get(key.replace("-", " "))


#: Somali regions as named in the shared geo data, with the spellings the
#: lists use; searched for inside free-text locations.
_SO_REGIONS: dict[str, str] = {
    "lower shabelle": "Lower Shebelle",
    "lower shebelle": "Lower Shebelle",
    "shabeellaha hoose": "Lower Shebelle",
    "middle shabelle": "Middle Shebelle",
    "middle shebelle": "Middle Shebelle",
    "lower juba": "Lower Juba",
    "lower jubba": "Lower Juba",
    "middle juba": "Middle Juba",
    "middle jubba": "Middle Juba",
    "gedo": "Gedo",
    "bay region": "Bay",
    "bakool": "Bakool",
    "hiran": "Hiran",
    "hiraan": "Hiran",
    "hiraaan": "Hiran",
    "galguduud": "Galguduud",
    "mudug": "Mudug",
    "nugaal": "Nugal",
    "nugal": "Nugal",
    "bari region": "Bari",
    "banadir": "Banaadir",
    "banaadir": "Banaadir",
    "banadiir": "Banaadir",
}


def so_region(raw: object) -> str | None:
    """Find the one Somali region a location names, or ``None``.

    "Afgoye, Lower Shabelle" gives "Lower Shebelle"; a bare "Bay" (as
    Dronestream writes it) too; text naming two regions gives ``None``.
    """
    text = known_place(raw)
    if text is None:
        return None
    key = _key(text)
    if key == "bay":
        return "Bay"
    found = {
        region
        for alias, region in _SO_REGIONS.items()
        if re.search(rf"\b{re.escape(alias)}\b", key)
    }
    return found.pop() if len(found) == 1 else None


# --------------------------------------------------------------------- misc

_URL = re.compile(r"(?:https?://|www\.)[^\s;,|]+", re.I)


def urls_in(text: object) -> list[str]:
    """Every URL in a free-text cell, trimmed of trailing separators.

    "www." links get an ``http://`` scheme so they can be opened.
    """
    if text is None:
        return []
    out: list[str] = []
    for m in _URL.finditer(str(text)):
        url = m.group(0).rstrip("-.)]'\"")
        if url.lower().startswith("www."):
            url = "http://" + url
        if url not in out:
            out.append(url)
    return out


def non_url_text(text: object) -> str | None:
    """What is left of a references cell once its URLs are taken out."""
    if text is None:
        return None
    rest = _URL.sub(" ", str(text))
    return clean_text(re.sub(r"\s*[;|]\s*", " ", rest).strip(" -;,"))


def join_notes(parts: list[str | None]) -> str | None:
    """One notes string from the non-empty parts, in order, without repeats."""
    kept = [p.strip() for p in parts if p and p.strip()]
    return "; ".join(dict.fromkeys(kept)) or None


def count_note(label: str, count: Count) -> str | None:
    """A note for a count that kept something besides its numbers."""
    return f"{label}: {count.note}" if count.note else None


def range_text(count: Count) -> str | None:
    """Render a count as "3", "3-5" or "at least 3" for notes; ``None`` if unknown."""
    if count.low is None and count.high is None:
        return None
    if count.high is None:
        return f"at least {count.low}"
    if count.low is None:
        return f"up to {count.high}"
    if count.low == count.high:
        return str(count.low)
    return f"{count.low}-{count.high}"

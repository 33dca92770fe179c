"""Numbers as news reports write them, with their hedges, as (min, max) ranges.

The mapping from wording to range is ANNOTATION.md's counting table: "at
least four" is (4, None), "nearly 19" (None, 19), "about 19" (19, 19),
"between 5 and 8" (5, 8), "dozens" (24, None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}

_UNIT_RE = "|".join(sorted((k for k in _UNITS if k not in ("a", "an", "no")), key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_WORD_NUM = (
    rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNIT_RE}))?|{_UNIT_RE})"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS_RE})(?:[- ](?:{_UNIT_RE}))?|{_UNIT_RE}))?)?"
    rf"|(?:a|one)\s+hundred"
)
_DIGIT_NUM = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d,]\d)"
_CORE = rf"(?:{_DIGIT_NUM}|{_WORD_NUM})"

_LOWER = r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|in\s+excess\s+of"
_UPPER = (
    r"up\s+to|as\s+many\s+as|as\s+high\s+as|no\s+more\s+than|not\s+more\s+than|at\s+most|nearly|almost|"
    r"close\s+to|fewer\s+than|less\s+than|just\s+under|under"
)
_ABOUT = r"about|around|some|roughly|approximately|an\s+estimated|estimated|approx\.?|nearly\s+about"

NUMBER_RE = re.compile(
    rf"""
    (?<![\w.,])
    (?:
    (?P<range>
        between\s+(?P<r1>{_CORE})\s+and\s+(?P<r2>{_CORE})
      | (?P<r3>{_CORE})\s*(?:-|–|to|or)\s*(?P<r4>{_CORE})(?!\s*(?:-|–)\s*\d)
    )
    | (?P<dozen>(?:(?P<dhedge>{_LOWER}|{_UPPER}|{_ABOUT})\s+)?(?:(?P<dn>{_CORE}|a|half\s+a)\s+)?dozens?(?:\s+of)?)
    | (?P<both>both)(?=\s+(?:of\s+(?:them|the)|[a-z]+))
    | (?P<many>scores|hundreds|thousands)(?:\s+of)?
    | (?:(?P<hedge>{_LOWER}|{_UPPER}|{_ABOUT})\s+)?(?P<num>{_CORE})(?P<ormore>\s+or\s+more|\s*\+|\s+plus)?
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_LOWER_RE = re.compile(rf"^(?:{_LOWER})$", re.IGNORECASE)
_UPPER_RE = re.compile(rf"^(?:{_UPPER})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase: ``text[start:end]`` states between ``low`` and ``high``."""

    start: int
    end: int
    low: int | None
    high: int | None
    text: str

    @property
    def value(self) -> int | None:
        """The single figure the phrase names (for sums and comparisons)."""
        return self.low if self.low is not None else self.high


def parse_number(token: str) -> int | None:
    """The integer a number word or digit string names, or None."""
    t = token.strip().lower().replace("\u2013", "-")
    if not t:
        return None
    if t[0].isdigit():
        digits = t.replace(",", "")
        return int(digits) if digits.isdigit() and len(digits) < 10 else None
    t = re.sub(r"\s+", " ", t)
    if t in _UNITS:
        return _UNITS[t]
    if t in ("a hundred", "one hundred"):
        return 100
    total = 0
    current = 0
    for word in re.split(r"[- ]", t):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            return None
    return total + current


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number phrase in ``text[start:end]`` with its hedged range."""
    out: list[Quantity] = []
    for m in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        q = _quantity(m)
        if q is not None:
            out.append(q)
    return out


def _quantity(m: re.Match[str]) -> Quantity | None:
    s, e = m.start(), m.end()
    text = m.group()
    # a number glued to letters ("F16", "3rd", "4th") is no count
    if m.group("num") and re.match(r"\d+(?:st|nd|rd|th)\b", text[-4:] + " ", re.IGNORECASE):
        return None
    if m.group("range"):
        a = parse_number(m.group("r1") or m.group("r3"))
        b = parse_number(m.group("r2") or m.group("r4"))
        if a is None or b is None:
            return None
        if a > b:
            # "twenty-one" is one number; "10-4" is no casualty range at all
            whole = parse_number(text)
            return Quantity(s, e, whole, whole, text) if whole is not None else None
        return Quantity(s, e, a, b, text)
    if m.group("both"):
        return Quantity(s, e, 2, 2, text)
    if m.group("dozen"):
        dn = m.group("dn")
        dhedge = re.sub(r"\s+", " ", (m.group("dhedge") or "").lower())
        if dhedge and not text.lower().rstrip().rstrip("of").rstrip().endswith("dozens"):
            mult = 1 if not dn or dn.lower() == "a" else parse_number(dn)
            if mult is None:
                return None
            dozen = 12 * mult
            if _LOWER_RE.match(dhedge):
                return Quantity(s, e, dozen, None, text)
            if _UPPER_RE.match(dhedge):
                return Quantity(s, e, None, dozen, text)
            return Quantity(s, e, dozen, dozen, text)
        if text.lower().startswith("dozens") or (not dn and "dozens" in text.lower()):
            return Quantity(s, e, 24, None, text)
        if dn and dn.lower().startswith("half"):
            return Quantity(s, e, 6, 6, text)
        mult = 1 if not dn or dn.lower() == "a" else parse_number(dn)
        if mult is None:
            return None
        if "dozens" in text.lower():
            return Quantity(s, e, 24 * mult, None, text)
        return Quantity(s, e, 12 * mult, 12 * mult, text)
    if m.group("many"):
        word = m.group("many").lower()
        low = {"scores": 40, "hundreds": 200, "thousands": 2000}[word]
        return Quantity(s, e, low, None, text)
    n = parse_number(m.group("num"))
    if n is None:
        return None
    hedge = (m.group("hedge") or "").lower()
    hedge = re.sub(r"\s+", " ", hedge)
    if m.group("ormore") or (hedge and _LOWER_RE.match(hedge)):
        return Quantity(s, e, n, None, text)
    if hedge and _UPPER_RE.match(hedge):
        return Quantity(s, e, None, n, text)
    return Quantity(s, e, n, n, text)

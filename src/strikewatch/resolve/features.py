"""Cheap text features for comparing two reports of a strike.

Everything here must cost a few microseconds per sentence, because resolution
runs over millions of mentions on one core: token sets for a Jaccard
similarity (no models), the ordinal a sentence gives a strike ("a second
strike", "in the first of three strikes"), the capitalised place words that
the gazetteer did not resolve, and forgiving comparisons of place and person
names that tolerate the press's spellings (Miranshah, Miramshah, Miran Shah).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

# ------------------------------------------------------------------ tokens

_WORD = re.compile(r"[a-z0-9]+")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")

#: Words that say nothing about which strike a sentence reports: function words
#: and the vocabulary every strike report shares.
STOPWORDS: frozenset[str] = frozenset(
    """
    a an the and or but of in on at to from by for with without into onto near as is was were
    be been being are has have had it its this that these those their his her they them he she
    who whom which what when where while after before during since than then there here also
    said says say according reported reports reportedly report told officials official sources
    source local residents resident security people person least up more most some several
    about around over under nearly almost many other others one s t al
    drone drones strike strikes struck attack attacks attacked kill killed killing kills died
    dead missile missiles fire fired firing us u cia american suspected alleged possible
    militant militants men hit target targeted targeting unmanned aircraft predator reaper air
    airstrike airstrikes news agency agencies
    """.split()
)

_NUMBER_WORDS: dict[str, str] = {
    w: str(i)
    for i, w in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        ).split()
    )
}


def _stem(word: str) -> str:
    """A crude suffix strip: "strikes"/"strike", "killing"/"killed"/"kill"."""
    if len(word) > 5:
        for suffix in ("ing", "ed", "es"):
            if word.endswith(suffix):
                return word[: -len(suffix)]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def _norm_word(word: str) -> str:
    return _NUMBER_WORDS.get(word) or _stem(word)


def tokens(text: str) -> frozenset[str]:
    """The content words of a sentence, lower-cased, stemmed, numbers as digits."""
    return frozenset(_norm_word(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Token-set Jaccard similarity; 0 when either side is empty."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


# ----------------------------------------------------------------- targets

_TARGET_CLASSES: dict[str, str] = {
    word: cls
    for cls, words in (
        (
            "vehicle",
            "car cars vehicle vehicles truck trucks pickup suzuki toyota hilux motorcycle "
            "motorcycles motorbike motorbikes convoy jeep van bus driving travelling traveling",
        ),
        (
            "building",
            "house houses home homes compound compounds building buildings madrassa madrassas "
            "residence residences residential "
            "seminary school mosque hotel factory hideout",
        ),
        ("gathering", "funeral jirga meeting gathering market bazaar wedding"),
        ("camp", "camp camps training"),
    )
    for word in words.split()
}


def target_kinds(text: str) -> frozenset[str]:
    """What was hit, coarsely: vehicle, building, gathering, camp.

    Reports of one strike describe its target differently ("car", "vehicle",
    "pickup") but seldom as a house when it was a car.
    """
    return frozenset(_TARGET_CLASSES[w] for w in _LOWER_WORD.findall(text) if w in _TARGET_CLASSES)


# ---------------------------------------------------------------- ordinals

#: A strike the sentence says came after another one, without saying which.
LATER = 99

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6,
}  # fmt: skip
_ORD = r"(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)"
_LATER_ORD = r"(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th)"
_STRIKE = (
    r"(?:(?:us|u\.s\.|american|cia|suspected|possible|reported|drone|air|missile|deadly)\s+){0,3}"
    r"(?:strike|attack|airstrike|raid)s?"
)
_WITHIN_HOURS = (
    r"(?:of the (?:day|night|morning|afternoon|evening)|in (?:24|12|\d+|a few) hours|"
    r"in one day|on the same day|that day|today|within hours)"
)
#: "the second strike of the day", "the third drone strike in 24 hours"
_ORD_OF_DAY = re.compile(_ORD + r"\s+" + _STRIKE + r"\s+" + _WITHIN_HOURS)
#: "for the third time in one day", "for the second time in 12 hours"
_ORD_TIME = re.compile(r"\bfor the " + _ORD + r" time\s+" + _WITHIN_HOURS)
#: "in the first of three strikes", "the second of 2 attacks"
_ORD_OF_N = re.compile(_ORD + r"\s+of\s+(?:the\s+)?(?:two|three|four|five|2|3|4|5)\b")
#: "a second strike", "a third US drone attack"
_A_ORD = re.compile(r"\ba\s+" + _ORD + r"\s+" + _STRIKE)
#: "another strike", "struck again", "hours later", "9 more people", "a further strike",
#: "the second strike in as many days", "seven miles from the first strike"
_LATER = re.compile(
    r"\banother\s+(?:(?:us|suspected|possible|drone|missile|air)\s+){0,2}(?:strike|attack|drone)"
    r"|\b(?:struck|strikes?|attacked|hit)\s+again\b|\b(?:hours?|minutes?|moments)\s+later\b"
    r"|\blater\s+(?:that|in\s+the)\s+(?:day|morning|afternoon|evening|night)\b"
    r"|\b\d+\s+more\s+(?:people|militants|men|civilians)\b|\ba\s+further\s+(?:strike|attack)"
    r"|\bdrones?\s+returned\b"
    r"|\b(?:from|after|since)\s+the\s+(?:first|earlier|previous)\s+(?:strike|attack)"
)
#: "the third strike in as many days", "the fourth since Saturday": a series over days,
#: which says nothing about other strikes on the same day
_SERIES = re.compile(r"\b" + _LATER_ORD + r"\s+" + _STRIKE + r"\s+(?:in|since|this|within)\b")
#: words without which a sentence gives no ordinal (a cheap test before the patterns)
_ORD_HINT_WORDS = frozenset(
    "first second third fourth fifth sixth 1st 2nd 3rd 4th 5th 6th another again later more "
    "further returned".split()
)
_ORD_HINT = re.compile(
    r"first|second|third|fourth|fifth|sixth|1st|2nd|3rd|\dth|another|again|later|more"
    r"|further|returned"
)


def strike_ordinal(text: str) -> int:
    """Which strike of a series the sentence reports: 1, 2, ..., LATER, or 0 (not said).

    "The first known strike in Somalia" or "the first strike in six months"
    are not ordinals of a day, so only phrases that place the strike among
    others on the same day count; "the third strike in as many days" tells
    of a series over days and counts as not said.
    """
    return _ordinal(text.lower())


def _ordinal(low: str) -> int:
    if _ORD_HINT.search(low) is None:
        return 0
    for pattern in (_ORD_OF_N, _ORD_OF_DAY, _ORD_TIME):
        match = pattern.search(low)
        if match:
            return _ORDINALS[match.group(1)]
    if _SERIES.search(low):
        return 0
    match = _A_ORD.search(low)
    if match:
        return _ORDINALS[match.group(1)]
    return LATER if _LATER.search(low) else 0


def ordinals_conflict(a: int, b: int) -> bool | None:
    """True if two ordinals cannot be one strike, False if they agree, None if unknown."""
    if not a or not b:
        return None
    if a == LATER or b == LATER:
        # "another strike" is not the first one, but may be any later one
        return (a == 1 or b == 1) or None
    return a != b


# ------------------------------------------------------------------ places

_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_NON_ALPHA = re.compile(r"[^a-z]+")
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    """A spelling-tolerant key: ASCII, lower case, no spaces, doubled letters single.

    "Miran Shah" and "Miranshah" share it, "Datta Khel" and "Data Khel" too.
    """
    ascii_name = (
        unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    )
    key = _NON_ALPHA.sub("", ascii_name.lower())
    if key.startswith("al") and len(key) > 5:
        key = key[2:]
    return _DOUBLE.sub(r"\1", key)


@functools.lru_cache(maxsize=262144)
def match_key(name: str) -> str:
    """The key names are matched on: :func:`name_key` without vowels after the first letter.

    Press spellings differ mostly in vowels and doubled letters (Datta Khel,
    Data Khail; Miranshah, Miran Shah; Hadramawt, Hadhramout), so matching
    on the consonants makes spelling tolerance a set intersection, which is
    what lets resolution compare names millions of times. Short names are
    not matched this way: callers keep only names of four letters or more.
    """
    key = name_key(name)
    return key[0] + "".join(c for c in key[1:] if c not in "aeiouy") if key else key


#: Capitalised words after "in", "near" ... that name no place of a strike.
_NOT_PLACES: frozenset[str] = frozenset(
    name_key(w)
    for w in """
    US USA America Pakistan Pakistani Yemen Yemeni Somalia Somali Afghanistan Afghan Iraq Syria
    Libya Africa Arabian Peninsula Middle East The A An Its His Their This That January February
    March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday CIA JSOC Reuters AFP AP CNN BBC Dawn Islamabad
    Washington London Taliban Qaeda AQAP Shabaab ISIS ISIL Islamic State Haqqani Ramadan Eid
    Predator Reaper Hellfire Province Agency District Region Tribal Area Areas FATA Frontier
    Bureau Times Observer Post Tribune Express News Agency Press Associated Government Army
    Military Minister Interior Pentagon White House Obama Bush Trump President Officials
    Somalis Yemenis Pakistanis Afghans Arab Arabs British Saudi Waziristan North South
    """.split()
)

_POSSESSIVE = re.compile(r"['’]s?$")
_CAPITAL_WORD = re.compile(r"(?<![\w'’])(?:[Aa]l-|[Ee]l-)?([A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)?)")
#: Name parts too common in place names to tell two apart ("Datta Khel", "Mandi Khel").
_COMMON_PLACE_PARTS: frozenset[str] = frozenset(
    name_key(w) for w in "Khel Khail Kalay Kalai Kot Shah Killa Qila Wala Tehsil Bazaar".split()
)


@functools.lru_cache(maxsize=131072)
def proper_key(word: str) -> str:
    """The match key of a capitalised word as a proper name, or "" if it names nothing unusual."""
    key = name_key(_POSSESSIVE.sub("", word))
    if (
        len(key) < 4
        or key in _NOT_PLACES
        or key in _COMMON_NAME_PARTS
        or key in _COMMON_PLACE_PARTS
    ):
        return ""
    return match_key(key)


@functools.lru_cache(maxsize=65536)
def name_parts(name: str) -> frozenset[str]:
    """The match keys of a multi-word name's distinctive words, and of the whole name."""
    parts = {proper_key(w) for w in re.split(r"[\s\-]+", name)} - {""}
    return frozenset(parts | {match_key(name)})


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """What one scan of a sentence gives resolution."""

    tokens: frozenset[str]
    #: what was hit, coarsely (see :func:`target_kinds`)
    targets: frozenset[str]
    #: see :func:`strike_ordinal`
    ordinal: int
    #: proper names after the first word: people and places named, resolved or not
    propers: frozenset[str]
    #: the proper names that follow "in", "near", "at": places the gazetteer may not know
    places: frozenset[str]


def capitalised(text: str) -> list[str]:
    """The capitalised words of a sentence after its first word, as written."""
    return [m.group(1) for m in _CAPITAL_WORD.finditer(text) if m.start() > 0]


_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside"})
_PLACE_NOUNS = frozenset(
    {"village", "town", "city", "area", "region", "district", "valley", "outskirts", "suburbs"}
)


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows "in", "near the", "in the village of", ..."""
    before = text[max(0, start - 40) : start].lower().split()
    if before and before[-1] == "the":
        before.pop()
    if len(before) >= 2 and before[-1] == "of" and before[-2] in _PLACE_NOUNS:
        del before[-2:]
        if before and before[-1] == "the":
            before.pop()
    return bool(before) and before[-1] in _PLACE_PREPOSITIONS


def scan(text: str, exclude: frozenset[str] = frozenset()) -> TextFeatures:
    """Tokens, targets, ordinal and proper names of a sentence, in two passes over it.

    ``exclude`` holds name keys counted elsewhere (the claim's district and
    country), so they do not count twice.
    """
    low = text.lower()
    words = _WORD.findall(low)
    toks = frozenset({_norm_word(w) for w in words if w not in STOPWORDS})
    # written in lower case somewhere: "the White House" is no house that was hit
    targets = frozenset({_TARGET_CLASSES[w] for w in words if w in _TARGET_CLASSES and w in text})
    ordinal = 0 if _ORD_HINT_WORDS.isdisjoint(words) else _ordinal(low)
    propers: set[str] = set()
    places: set[str] = set()
    for match in _CAPITAL_WORD.finditer(text):
        start = match.start()
        if start == 0:
            continue  # the first word is capitalised whatever it is
        key = proper_key(match.group(1))
        if not key or key in exclude:
            continue
        propers.add(key)
        if _after_preposition(text, start):
            places.add(key)
    return TextFeatures(toks, targets, ordinal, frozenset(propers), frozenset(places))


#: Parts of Muslim names too common to tell two people apart.
_COMMON_NAME_PARTS: frozenset[str] = frozenset(
    """
    mohammad muhammad mohammed muhammed mohamed mohamad ahmad ahmed abu abd abdul abdel bin ibn
    mullah maulvi maulana hafiz sheikh shaikh qari haji mufti said sayed syed khan ali hassan
    hussein husain umar omar amir emir commander leader mr
    """.split()
)


@functools.lru_cache(maxsize=65536)
def person_keys(name: str) -> frozenset[str]:
    """Match keys of the distinctive parts of a name: "Hakimullah Mehsud" -> {hkmlh, mhsd}."""
    keys = {name_key(part) for part in re.split(r"[\s\-]+", name)}
    return frozenset(match_key(k) for k in keys if len(k) >= 4 and k not in _COMMON_NAME_PARTS)


# -------------------------------------------------------------- distances


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))

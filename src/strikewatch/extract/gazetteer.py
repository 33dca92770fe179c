"""Place names in strike reports: find them in text, resolve them to places.

The packaged gazetteer (``data/gazetteer.tsv.gz``, built by
``scripts/build_gazetteer.py``) holds the admin areas and populated places of
the strike countries with Latin spelling variants; ``data/gazetteer_extra.tsv``
holds hand-curated places and press spellings, merged over it and ranked
first.  Both are loaded once, lazily, through :func:`get_gazetteer`.

Why token n-grams and not regular expressions: the extractor runs
:meth:`Gazetteer.find` on every sentence of every report, and one dictionary
lookup per capitalised token (and its next few tokens) is orders of magnitude
faster than tens of thousands of patterns.

Why a district rule: ANNOTATION.md scores ``district`` as the canonical
English name of the second-level area, which is a Pakistani district or
former tribal agency, and the first-level area (governorate, region,
province) elsewhere.  Every place carries that canonical name, and
:meth:`Gazetteer.canonical_district` maps any spelling onto it.
"""

from __future__ import annotations

import functools
import gzip
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from strikewatch.model import Place

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PACKAGED = DATA_DIR / "gazetteer.tsv.gz"
EXTRA = DATA_DIR / "gazetteer_extra.tsv"

#: kind of place -> ``Place.precision``
PRECISION = {
    "country": "country",
    "province": "province",
    "district": "district",
    "city": "town",
    "town": "town",
    "village": "village",
}
KIND_RANK = {"country": 6, "province": 5, "district": 4, "city": 3, "town": 2, "village": 1}

#: Words after a name that belong to it: "Khyber Agency", "Shabwah Governorate".
SUFFIXES: dict[str, frozenset[str]] = {
    "agency": frozenset({"district"}),
    "district": frozenset({"district", "province"}),
    "districts": frozenset({"district", "province"}),
    "governorate": frozenset({"province"}),
    "province": frozenset({"province"}),
    "provinces": frozenset({"province"}),
    "region": frozenset({"province", "district"}),
    "tehsil": frozenset({"town", "village", "district"}),
    "subdivision": frozenset({"town", "village", "district"}),
    "village": frozenset({"village", "town"}),
    "villages": frozenset({"village", "town"}),
    "town": frozenset({"town", "city", "village"}),
    "city": frozenset({"city", "town"}),
    "valley": frozenset({"town", "village"}),
    "area": frozenset(),
}
#: Suffixes that make the name an admin area: a village cannot take them.
ADMIN_SUFFIXES = frozenset(
    {"agency", "district", "districts", "governorate", "province", "provinces", "region"}
)
#: May stand between a name and its suffix: "North Waziristan tribal district".
SUFFIX_FILLERS = frozenset({"tribal"})

#: Lower-case Arabic articles that may open a name: "al-Bayda", "ar-Raqqa".
ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "adh", "ath", "ad"})

#: Folded names never matched on their own: English words, personal names and
#: titles, organisations.  Found by running :meth:`Gazetteer.find` over the
#: SATP sentences and the seed articles and reading what it found.
STOP: frozenset[str] = frozenset(
    """
    of said wali mir ali khan police taliban army major general chief president
    minister the a an and or in on at to by for as is it he she they we but not no
    sunday monday tuesday wednesday thursday friday saturday january february march april may
    june july august september october november december
    shah malik sheikh shaikh mullah maulana maulvi hafiz haji qari mufti syed sayed
    mohammad muhammad mohammed ahmad ahmed ahmadi hussain hussein hassan hasan abdul abdullah
    omar umar usman osman ibrahim ismail khalid rahman rehman karim latif akbar anwar aziz
    gul jan zaman noor nur amir emir sultan sher ghazi islam allah imam
    mehsud wazir dawar bhittani haqqani afridi yusufzai
    al qaeda qaida ttp isis isil daesh shabaab shabab
    police station security forces force frontier corps levies khasadar
    government state federal national provincial district agency province village town city
    north south east west central upper lower new old great little
    us usa america american united states britain british india indian iran iranian china
    chinese russia russian turkey israel saudi
    post camp check base bazaar bazar market school college mosque hospital road
    drone drones strike strikes missile missiles attack attacks
    kili kalay kalai killi kot banda dara darra
    nawa jan khel sar ghar mela
    jama jamaat baloch pashtun pathan punjabi sindhi urdu eidgah lal ghulam achik sunni shia
    azad pir mangal habib qazi taj bala uttar munda bodo bhat rai dar dal ras karan mushtaq
    yasin shahid asadullah nawab bulbul lashkar jihad janata hindustan bangla hazara
    """.split()
)

#: Phrases that are not places although they contain one: consumed, not reported.
BLOCK: frozenset[str] = frozenset(
    """
    pakistan army|pakistani army|pakistan air force|pakistani air force|pakistan navy
    pakistani taliban|afghan taliban|tehrik i taliban pakistan|tehreek e taliban pakistan
    tehrik e taliban pakistan|tehrik taliban pakistan|tehreek i taliban pakistan
    afghan army|afghan national army|afghan national police|afghan air force
    iraqi army|syrian army|syrian arab army|libyan national army|somali national army
    syrian democratic forces|syrian observatory|syrian observatory for human rights
    islamic state of iraq|islamic state in iraq|islamic state of iraq and syria
    islamic state of iraq and the levant|al qaeda in iraq|al qaeda in the arabian peninsula
    gulf of aden|bay of bengal|khyber pass|pakistan muslim league|pakistan peoples party
    pakistan tehreek e insaf|pakistan tehrik e insaf
    inter services intelligence|pakistan institute|dawn|the nation|the news
    new york|new delhi|united states
    """.replace("\n", "|").split("|")
) - {""}

#: Places outside the strike countries that share a name with one of their
#: villages (mostly from the South Asia Terrorism Portal's Indian pages):
#: consumed, not reported.
FOREIGN: frozenset[str] = frozenset(
    """
    kashmir|jammu|jammu and kashmir|jammu kashmir|kashmir valley|bangladesh|dhaka|bihar|
    pathankot|hindustan|ahmedabad|aurangabad|gaya|uri|assam|manipur|delhi|mumbai|bombay|
    kolkata|calcutta|chennai|madras|bengal|west bengal|kerala|nepal|kathmandu|sri lanka|
    colombo|lucknow|srinagar|anantnag|baramulla|kupwara|pulwama|shopian|sopore|kulgam|budgam|
    ganderbal|bandipora|kishtwar|doda|rajouri|kathua|udhampur|ramban|reasi|leh|kargil|
    chhattisgarh|jharkhand|odisha|orissa|maharashtra|gadchiroli|dantewada|bijapur|sukma|
    narayanpur|kanker|bastar|malkangiri|koraput|tripura|meghalaya|garo hills|nagaland|
    mizoram|arunachal|arunachal pradesh|sikkim|guwahati|imphal|kokrajhar|chirang|baksa|
    udalguri|tinsukia|dibrugarh|uttar pradesh|andhra pradesh|madhya pradesh|himachal pradesh|
    telangana|karnataka|tamil nadu|gujarat|rajasthan|haryana|uttarakhand|goa|bhutan|myanmar|
    chittagong|rangpur|rajshahi|khulna|sylhet|barisal|gaza|west bank|lebanon|mali|nigeria|
    kenya|nairobi|ethiopia|iran|tehran|india|china|london|washington|moscow|kabul river|
    garo|tura|tarai|terai|lok sabha|rajya sabha|vidhan sabha|kanpur|jalandhar|jalandar|
    adilabad|sherpur|jajpur|dang|ri bhoi|mannar|agra|rampur|medina|madinah|mecca|makkah|
    riyadh|jeddah|dubai|doha|qatar|kuwait|bahrain|oman|muscat|jordan|amman|egypt|cairo|
    turkey|ankara|istanbul|israel|jerusalem|tunisia|tunis|algeria|morocco|sudan|khartoum|
    chad|niger|eritrea|djibouti|uganda|tanzania|europe|germany|france|paris|berlin
    """.replace("\n", "").split("|")
) - {""}

#: Words before a small place that show the text means a place: "in", "near".
#: Villages and small towns without one (and without "village", "area"
#: after them) are usually personal names: "Nawaz Sharif", "Yasin Malik".
LOCATIVE_CUES = frozenset(
    """in at near from outside around towards toward into to of across via between inside
    within off through""".split()
)
#: What may separate two places of a list: "in Mir Ali and Tappi".
_LIST_GAPS = frozenset({", ", " and ", " or ", ", and ", " & ", "/"})

#: Names that are places only with their suffix: "Bay region", not "Bay".
SUFFIX_ONLY: frozenset[str] = frozenset({"bay", "tank", "swat", "islamabad capital territory"})

#: Acronyms matched only in capitals ("FATA", "KP"); other capitalised single
#: words written in capitals are headline shouting, not names.
_ACRONYM_MIN_LEN = 6

_APOSTROPHES = "'`´‘’ʿʾʻʼ"
_APOS_TABLE = {ord(c): None for c in _APOSTROPHES}
_SPLIT_RE = re.compile(r"[\W_]+")
_SIMPLE_RE = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|[" + _APOSTROPHES + r"](?=[^\W_]))*")
_GAP_OK = frozenset(" \t\n\u00a0-.\u2010\u2011\u2012\u2013")
_BLOCKED: list[int] = [-1]


def fold(text: str) -> str:
    """Lower-case, accent- and apostrophe-free, words joined by one space.

    Why: "Rada'a", "Radaʿa" and "RADAA" must meet on one key, and so must
    "Ar-Raqqah" and "Ar Raqqah".
    """
    if text.isascii():
        plain = text.lower()
        if _SIMPLE_RE.fullmatch(plain):
            return plain
        plain = plain.replace("'", "").replace("`", "")
    else:
        decomposed = unicodedata.normalize("NFKD", text.translate(_APOS_TABLE))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        plain = plain.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    return " ".join(p for p in _SPLIT_RE.split(plain) if p)


def strip_suffix(key: str) -> str:
    """Drop admin words at the end of a folded name ("khyber agency" -> "khyber")."""
    words = key.split()
    while len(words) > 1 and (words[-1] in SUFFIXES or words[-1] in SUFFIX_FILLERS):
        words.pop()
    return " ".join(words)


def index_keys(name: str, variants: Iterable[str], kind: str) -> tuple[list[str], list[str]]:
    """The lookup keys of a place: its folded name first, then its variants.

    Returns the keys and the derived keys: a multi-word name written as one
    word ("Dattakhel"), a name without its Arabic article ("Mukalla").
    Acronyms ("FATA", "KP") carry a leading ``!``: they match only when
    written in capitals.  The build script stores both lists in the packaged
    file so that loading does not fold 100,000 strings.
    """
    keys: dict[str, None] = {}
    plain: set[str] = set()
    derived: dict[str, None] = {}
    for spelling in (name, *variants):
        key = fold(spelling)
        if not key or key in plain:
            continue
        plain.add(key)
        acronym = spelling.isupper() and len(key) < _ACRONYM_MIN_LEN
        keys["!" + key if acronym else key] = None
        if " " in key:
            joined = key.replace(" ", "")
            if len(joined) >= 6:
                derived[joined] = None
            head, _, rest = key.partition(" ")
            if head in ARTICLES and kind in ("city", "district", "province") and len(rest) >= 4:
                derived[rest] = None
    return list(keys), [k for k in derived if k not in plain]


@dataclass(slots=True)
class Entry:
    """One gazetteer record, kept as loaded; :class:`Place` is made per query."""

    name: str
    country: str
    admin1: str
    district: str
    lat: float
    lon: float
    kind: str
    population: int
    hand: bool

    def place(self) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            district=self.district or None,
            admin1=self.admin1 or None,
            lat=self.lat,
            lon=self.lon,
            precision=PRECISION.get(self.kind, "village"),
        )


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place name found in a text: ``text[start:end]`` and what it names."""

    start: int
    end: int
    text: str
    place: Place


def _read_lines(path: Path) -> list[str]:
    """Data lines of a gazetteer TSV (gzipped or not), header and comments dropped."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    lines = [ln for ln in raw.decode("utf-8").splitlines() if ln and not ln.startswith("#")]
    return lines[1:]


class Gazetteer:
    """Place names of the strike countries, indexed for fast lookup in text.

    Rows are kept as split TSV fields and turned into :class:`Entry` objects
    only when a query needs them: loading stays a single pass of dictionary
    inserts.
    """

    def __init__(self, paths: Iterable[tuple[Path, bool]] | None = None) -> None:
        started = time.perf_counter()
        if paths is None:
            # hand-curated first: for a shared spelling the first row loaded wins
            paths = [(EXTRA, True), (PACKAGED, False)]
        rows: list[list[str]] = []
        hand: list[bool] = []
        for path, is_hand in paths:
            if not path.exists():
                continue
            new = [line.split("\t") for line in _read_lines(path)]
            for fields in new:
                if len(fields) < 11:
                    variants = fields[1].split("|") if len(fields) > 1 and fields[1] else []
                    fields[9:] = ["|".join(k) for k in index_keys(fields[0], variants, fields[4])] \
                        if len(fields) >= 9 else ["", ""]
            rows.extend(f for f in new if len(f) >= 11)
            hand.extend([is_hand] * (len(rows) - len(hand)))
        acronyms: set[str] = set()
        pending: dict[str, list[int]] = {}
        get = pending.get
        for eid, fields in enumerate(rows):
            keys = fields[9]
            if "!" in keys:
                found = [k[1:] for k in keys.split("|") if k.startswith("!")]
                acronyms.update(found)
                keys = keys.replace("!", "")
            for key in keys.split("|"):
                cands = get(key)
                if cands is None:
                    pending[key] = [eid]
                else:
                    cands.append(eid)
            if fields[10]:
                for key in fields[10].split("|"):
                    cands = get(key)
                    if cands is None:
                        pending[key] = [eid]
                    elif cands[-1] != eid:
                        cands.append(eid)
        self._rows = rows
        self._hand = hand
        self._entries: list[Entry | None] = [None] * len(rows)
        self._acronyms = frozenset(acronyms)
        for key in STOP | BLOCK | FOREIGN:
            pending.pop(key, None)
        # key -> row ids, best first: rows come best first (hand-curated, then
        # the packaged file's order: admin areas before towns, larger first)
        self._index: dict[str, list[int]] = pending
        for phrase in BLOCK | FOREIGN:
            self._index[fold(phrase)] = _BLOCKED
        # first token -> the longest key (in tokens) that starts with it
        maxlen: dict[str, int] = {}
        for key in self._index:
            if " " in key:
                words = key.split(" ")
                if maxlen.get(words[0], 0) < len(words):
                    maxlen[words[0]] = len(words)
            elif key not in maxlen:
                maxlen[key] = 1
        self._maxlen = maxlen
        self._districts = self._district_index()
        self.load_seconds = time.perf_counter() - started

    # -- loading -----------------------------------------------------------

    def entry(self, eid: int) -> Entry:
        """The entry of row ``eid``, made on first use."""
        found = self._entries[eid]
        if found is None:
            name, _, lat, lon, kind, country, admin1, district, population = self._rows[eid][:9]
            try:
                coords = (float(lat), float(lon))
            except ValueError:
                coords = (0.0, 0.0)
            found = Entry(
                name, country, admin1, district, coords[0], coords[1], kind,
                int(population or 0), self._hand[eid],
            )
            self._entries[eid] = found
        return found

    def _district_index(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Folded spelling of a second-level area -> (country, canonical name), best first.

        The second level is the Pakistani district and the first-level area
        elsewhere (ANNOTATION.md); every spelling of such an area, and every
        canonical name itself, maps to the canonical name.
        """
        ranked: list[tuple[bool, int, int, str, str, str]] = []
        canonical: set[tuple[bool, str, str]] = set()
        for eid, fields in enumerate(self._rows):
            kind, country, district = fields[4], fields[5], fields[7]
            if not district:
                continue
            canonical.add((self._hand[eid], country, district))
            if kind == ("district" if country == "PK" else "province"):
                pop = int(fields[8] or 0)
                for key in fields[9].replace("!", "").split("|") + fields[10].split("|"):
                    if key:
                        ranked.append((self._hand[eid], 1, pop, key, country, district))
        for is_hand, country, district in canonical:
            ranked.append((is_hand, 0, 0, fold(district), country, district))
        ranked.sort(key=lambda r: r[:3], reverse=True)
        out: dict[str, list[tuple[str, str]]] = {}
        for *_, key, country, district in ranked:
            for k in {key, strip_suffix(key)}:
                lst = out.setdefault(k, [])
                if (country, district) not in lst:
                    lst.append((country, district))
        return {key: tuple(lst) for key, lst in out.items()}

    def __len__(self) -> int:
        return len(self._rows)

    # -- queries -----------------------------------------------------------

    def _choose(
        self, ids: list[int], country: str | None, kinds: frozenset[str] | None = None
    ) -> Entry | None:
        pool = [self.entry(i) for i in ids]
        if country:
            same = [e for e in pool if e.country == country.upper()]
            pool = same or pool
        if kinds:
            for e in pool:
                if e.kind in kinds:
                    return e
        return pool[0] if pool else None

    def find(self, text: str, country_hint: str | None = None) -> list[PlaceMatch]:
        """Every place name in ``text``, left to right, longest match first.

        A match starts with a capital letter (or a lower-case Arabic article
        before one: "al-Bayda"), may take an admin word after it ("Khyber
        Agency", "Shabwah Governorate") into its span, and never overlaps
        another.  Ambiguous names resolve to the hand-curated place, then to
        the place in ``country_hint``, then to admin areas before towns and
        villages, then to the larger population.
        """
        spans: list[tuple[int, int]] = []
        for match in _TOKEN_RE.finditer(text):
            s, e = match.span()
            if e - s > 2 and text[e - 1] in "sS" and text[e - 2] in _APOSTROPHES:
                e -= 2  # possessive: "Pakistan's"
            spans.append((s, e))
        n = len(spans)
        if not n:
            return []
        keys: list[str | None] = [None] * n
        index, maxlen = self._index, self._maxlen
        out: list[PlaceMatch] = []

        def key_at(j: int) -> str:
            k = keys[j]
            if k is None:
                s, e = spans[j]
                k = fold(text[s:e])
                keys[j] = k
            return k

        def joined(j: int) -> bool:
            """Whether token ``j`` continues the name that token ``j - 1`` is in."""
            gap = text[spans[j - 1][1] : spans[j][0]]
            return 0 < len(gap) <= 3 and all(c in _GAP_OK for c in gap) and gap.count("\n") < 2

        i = 0
        while i < n:
            first = text[spans[i][0]]
            if not first.isupper():
                if not (
                    first.islower()
                    and i + 1 < n
                    and text[spans[i + 1][0]].isupper()
                    and key_at(i) in ARTICLES
                    and joined(i + 1)
                ):
                    i += 1
                    continue
            k0 = key_at(i)
            top = maxlen.get(k0)
            if top is None:
                i += 1
                continue
            matched = False
            for m in range(min(top, n - i), 0, -1):
                if m > 1 and not all(joined(j) for j in range(i + 1, i + m)):
                    continue
                key = k0 if m == 1 else " ".join(key_at(j) for j in range(i, i + m))
                ids = index.get(key)
                if ids is None:
                    continue
                if ids is _BLOCKED:
                    i += m
                    matched = True
                    break
                s = spans[i][0]
                e = spans[i + m - 1][1]
                surface = text[s:e]
                if m == 1 and surface.isupper() and len(surface) > 1:
                    if key not in self._acronyms and len(surface) < _ACRONYM_MIN_LEN:
                        continue
                elif key in self._acronyms and not surface.isupper():
                    continue
                # an admin word after the name belongs to it
                end_tok = i + m
                kinds: frozenset[str] | None = None
                j = end_tok
                if j < n and joined(j) and key_at(j) in SUFFIX_FILLERS:
                    j += 1
                if j < n and joined(j) and key_at(j) in SUFFIXES and text[spans[j][0]] != "-":
                    kinds = SUFFIXES[key_at(j)] or None
                    end_tok = j + 1
                    e = spans[j][1]
                elif key in SUFFIX_ONLY:
                    continue
                entry = self._choose(ids, country_hint, kinds)
                if entry is None:
                    continue
                if kinds is None:
                    # small places need a locative cue: "in Tappi", not "Yasin Malik"
                    small = entry.kind in ("village", "town") or (
                        entry.kind == "district" and entry.country != "PK"
                    )
                    if small and not entry.hand and not self._cued(text, spans, keys, i, out):
                        continue
                elif (
                    key_at(end_tok - 1) in ADMIN_SUFFIXES
                    and entry.kind not in kinds
                    and not entry.hand
                ):
                    continue  # "Sherpur District" with no district of that name
                out.append(PlaceMatch(s, e, text[s:e], entry.place()))
                i = end_tok
                matched = True
                break
            if not matched:
                i += 1
        return out

    @staticmethod
    def _cued(
        text: str,
        spans: list[tuple[int, int]],
        keys: list[str | None],
        i: int,
        found: list[PlaceMatch],
    ) -> bool:
        """Whether the words before token ``i`` show that a place follows."""
        start = spans[i][0]
        if found:
            gap = text[found[-1].end : start]
            if gap in _LIST_GAPS:
                return True
        j = i - 1
        if j >= 0 and text[spans[i][0]].islower():  # "near al-Bayda": skip the article
            j -= 1
        if j < 0:
            return False
        gap = text[spans[j][1] : spans[j + 1][0]]
        if not gap or not gap.isspace():
            return False
        s, e = spans[j]
        word = keys[j] if keys[j] is not None else fold(text[s:e])
        return word in LOCATIVE_CUES

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The place a name (any spelling, with or without "District") stands for."""
        key = fold(name)
        for k in (key, strip_suffix(key)):
            ids = self._index.get(k)
            if ids and ids is not _BLOCKED:
                entry = self._choose(ids, country)
                if entry is not None and (not country or entry.country == country.upper()):
                    return entry.place()
        return None

    def canonical_district(self, name: str, country: str | None = None) -> str | None:
        """The canonical name of the second-level area ``name`` spells, or is in.

        "Shabwa", "Shabwah" and "Shabwah Governorate" give "Shabwah"; "Khyber
        Agency" gives "Khyber"; a town gives its district ("Wana" -> "South
        Waziristan").  Case- and accent-insensitive; ``None`` if unknown.
        """
        key = fold(name)
        wanted = country.upper() if country else None
        for k in (key, strip_suffix(key)):
            for c, canonical in self._districts.get(k, ()):
                if wanted is None or c == wanted:
                    return canonical
        place = self.lookup(name, country)
        return place.district if place else None


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded on first use and shared after."""
    return Gazetteer()

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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from strikewatch.model import Place

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PACKAGED = DATA_DIR / "gazetteer.tsv.gz"
EXTRA = DATA_DIR / "gazetteer_extra.tsv"
STRIKE_AREAS = DATA_DIR / "strike_areas.tsv"
#: a country's strike table is a prior only when its lists record this many strikes
MIN_PRIOR_STRIKES = 100

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
    "region": frozenset({"province", "district", "town", "city"}),  # "the Makhmour region"
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
#: Admin words used in one region only: a "tehsil" or an "agency" is in Pakistan (or
#: India), so "Tall tehsil" is no Syrian namesake.
SUFFIX_COUNTRIES: dict[str, frozenset[str]] = {
    "tehsil": frozenset({"PK", "IN"}),
    "agency": frozenset({"PK"}),
}
ADMIN_SUFFIXES = frozenset(
    {"agency", "district", "districts", "governorate", "province", "provinces", "region"}
)
#: May stand between a name and its suffix: "North Waziristan tribal district".
SUFFIX_FILLERS = frozenset({"tribal"})

#: Lower-case Arabic articles that may open a name: "al-Bayda", "ar-Raqqa".
ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "adh", "ath"})

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
    ramazan ramadan ramzan eid muharram
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
    islamic state of iraq and the levant|islamic state in iraq and syria
    islamic state in iraq and the levant|islamic state of iraq and al sham
    islamic state in iraq and al sham|al qaeda in iraq|al qaeda in the arabian peninsula
    tahrir al sham|hayat tahrir al sham|ahrar al sham|jabhat fateh al sham|jaysh al sham
    jaish al sham|faylaq al sham|jabhat al sham
    gulf of aden|bay of bengal|khyber pass|pakistan muslim league|pakistan peoples party
    pakistan tehreek e insaf|pakistan tehrik e insaf
    inter services intelligence|pakistan institute|dawn|the nation|the news
    new york|new delhi|united states
    """.replace("\n", "|").split("|")
) - {""}

#: Places outside the strike countries that share a name with one of their
#: villages (mostly from the South Asia Terrorism Portal's Indian pages):
#: consumed, not reported. Countries where drones also strike (Gaza, Lebanon,
#: Mali, ...) are country-level rows of gazetteer_extra.tsv instead.
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
    chittagong|rangpur|rajshahi|khulna|sylhet|barisal|
    nairobi|tehran|china|london|washington|moscow|kabul river|
    garo|tura|tarai|terai|lok sabha|rajya sabha|vidhan sabha|kanpur|jalandhar|jalandar|
    adilabad|sherpur|jajpur|dang|ri bhoi|mannar|agra|rampur|medina|madinah|mecca|makkah|
    riyadh|jeddah|dubai|doha|qatar|kuwait|bahrain|oman|muscat|amman|cairo|
    ankara|istanbul|jerusalem|tunisia|tunis|algeria|morocco|khartoum|
    chad|eritrea|djibouti|uganda|tanzania|europe|germany|france|paris|berlin
    """.replace("\n", "").split("|")
) - {""}

#: Words before a small place that show the text means a place: "in", "near".
#: Villages and small towns without one (and without "village", "area"
#: after them) are usually personal names: "Nawaz Sharif", "Yasin Malik".
LOCATIVE_CUES = frozenset(
    """in at near from outside around towards toward into to of across via between inside
    within off through""".split()
)
#: Capitalised words next to a place that are not part of a longer name.
_NOT_NAMES = LOCATIVE_CUES | frozenset(
    """
    the a an and or but while when as
    bazaar bazar road camp fort market chowk cantonment cantt airport bridge border crossing
    checkpost hospital mosque airbase
    """.split()
)  # the second line: "Miranshah Bazaar" is a spot in the place, not another place
#: What may separate two places of a list: "in Mir Ali and Tappi".
_LIST_GAPS = frozenset({", ", " and ", " or ", ", and ", " & ", "/"})

#: Names that are places only with their suffix: "Bay region", not "Bay".
SUFFIX_ONLY: frozenset[str] = frozenset({"bay"})

#: Acronyms matched only in capitals ("FATA", "KP"); other capitalised single
#: words written in capitals are headline shouting, not names.
_ACRONYM_MIN_LEN = 6

_APOSTROPHES = "'`´‘’ʿʾʻʼ"
#: names that end in "s" of their own and look like an area's lost possessive ("Hamas" is not
#: "Hama's")
_WORDS_ENDING_IN_S = frozenset({"hamas"})
_APOS_TABLE = {ord(c): None for c in _APOSTROPHES}
_SPLIT_RE = re.compile(r"[\W_]+")
_SIMPLE_RE = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|[" + _APOSTROPHES + r"](?=[^\W_]))*")
#: What may join two words of one name: a space, a hyphen, an initial's dot.
# ("Frontier Region (FR) Bannu": an acronym in brackets inside the name)
_GAP_RE = re.compile(r"(?:[ \t\u00a0\-.\u2010-\u2013]|\n(?!\n)){1,3}(?:\([A-Z]{2,5}\)[ \t\u00a0]{1,2})?")
#: an Arabic article after a one-word name: "Wadi al-Shay", the name goes on
_NAME_GOES_ON = re.compile(r"[ -](?:al|el|ad|ar|as|ash|at|az|ud|ul)-(?-i:[A-Z])[\w'’]*")
#: The first word of a name: a capitalised word, or a lower-case Arabic
#: article before a capitalised word ("al-Bayda", "ar-Raqqa").
_FIRST_RE = re.compile(
    r"\b(?:[A-Z\u00c0-\u00d6\u00d8-\u00de]|[ae][lrdsztn]h?(?=[-\s][A-Z]))[\w" + _APOSTROPHES + "]*"
)
#: A capitalised word right after a position (one blank between).
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]([A-Z][^\W\d_]*)")
#: The word just before a position, and the blanks after it.
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_BLOCKED: list[int] = [-1]


_GLIDE_Y = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])(?:y|iy)(?=[aeou])")
_GLIDE_I = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])i(?=[aou])")


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
                    fields[9:] = (
                        ["|".join(k) for k in index_keys(fields[0], variants, fields[4])]
                        if len(fields) >= 9
                        else ["", ""]
                    )
            rows.extend(f for f in new if len(f) >= 11)
            hand.extend([is_hand] * (len(rows) - len(hand)))
        acronyms: set[str] = set()
        glides: list[int] = []
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
            if fields[4] in ("district", "province"):
                glides.append(eid)
        # "Nazian" for "Nazyan", "Naziyan": a glide between a consonant and a vowel is written
        # y, i or iy; a district is known by all three where no other place has the spelling
        for eid in glides:
            for key in rows[eid][9].replace("!", "").split("|"):
                for alt in {_GLIDE_Y.sub("i", key), _GLIDE_Y.sub("iy", key), _GLIDE_I.sub("y", key)} - {key}:
                    if alt not in pending:
                        pending[alt] = [eid]
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
        # word-level prefixes that go on to a longer key ("north" of "north
        # waziristan"): find() reads on while the words so far are one
        opens: set[str] = set()
        for key in self._index:
            while " " in key:
                key = key[: key.rindex(" ")]
                if key in opens:
                    break  # and so are its own prefixes
                opens.add(key)
        self._open = frozenset(opens)
        self._prefixes = frozenset(self._index) | self._open
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
                name,
                country,
                admin1,
                district,
                coords[0],
                coords[1],
                kind,
                int(population or 0),
                self._hand[eid],
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
        another.  Ambiguous names resolve to a place in ``country_hint`` if
        there is one, then to the hand-curated place, then to admin areas
        before towns and villages, then to the larger population; an admin
        word after the name picks a place of that kind ("Marib province").  Villages and small towns
        need a locative word before them ("in", "near", "of") or an admin
        word after them, because most capitalised one-word "villages" in news
        text are people.
        """
        prefixes, opens = self._prefixes, self._open
        out: list[PlaceMatch] = []
        consumed = 0
        for first in _FIRST_RE.finditer(text):
            s, e = first.span()
            if s < consumed:
                continue
            tok = first.group()
            if tok[-1] in _APOSTROPHES:  # "Rada'" ends before its apostrophe
                tok = tok.rstrip(_APOSTROPHES)
                e = s + len(tok)
            possessive = e - s > 2 and tok[-1] in "sS" and tok[-2] in _APOSTROPHES
            if possessive:
                e -= 2
                tok = tok[:-2]
            k0 = tok.lower() if tok.isalnum() and tok.isascii() else fold(tok)
            if k0 not in prefixes and self._bare_possessive(k0):
                # "Syrias Quneitra", "Pakistans tribal areas": the apostrophe lost in transit
                possessive = True
                e -= 1
                k0 = k0[:-1]
            if k0 not in prefixes:
                continue
            # the name's words while they may go on to a longer name, then the
            # one or two words after it (for "Agency", "tribal district")
            spans = [(s, e)]
            keys = [k0]
            joined = k0
            extra = 0
            while not possessive and extra < 2:
                gap = _GAP_RE.match(text, spans[-1][1])
                if gap is None:
                    break
                nxt = _TOKEN_RE.match(text, gap.end())
                if nxt is None:
                    break
                ns, ne = nxt.span()
                tok = nxt.group()
                possessive = ne - ns > 2 and tok[-1] in "sS" and tok[-2] in _APOSTROPHES
                if possessive:
                    ne -= 2
                    tok = tok[:-2]
                key = tok.lower() if tok.isalnum() and tok.isascii() else fold(tok)
                spans.append((ns, ne))
                keys.append(key)
                if extra == 0 and joined in opens:
                    joined = joined + " " + key
                    if joined in prefixes:
                        continue
                extra += 1
                if extra == 1 and key not in SUFFIX_FILLERS:
                    break
            match = self._match_at(text, spans, keys, country_hint, out)
            if (match is not None and match[1] is not None and " " not in match[1].text.strip()
                    and (goes_on := _NAME_GOES_ON.match(text, match[1].end))):
                # "the Wadi al-Shay valley": a name that goes on past the word known alone
                consumed = goes_on.end()
                continue
            if match is not None:
                consumed = match[0]
                if match[1] is not None:
                    out.append(match[1])
        return out

    def _bare_possessive(self, key: str) -> bool:
        """ "syrias" is "Syria's" without its apostrophe when "syria" is a country or area."""
        if len(key) < 5 or key[-1] != "s" or key[:-1] not in self._prefixes or key in _WORDS_ENDING_IN_S:
            return False
        place = self.lookup(key[:-1])
        return place is not None and place.precision in ("country", "province", "district")

    def _match_at(
        self,
        text: str,
        spans: list[tuple[int, int]],
        keys: list[str],
        country_hint: str | None,
        found: list[PlaceMatch],
    ) -> tuple[int, PlaceMatch | None] | None:
        """The longest name that starts with the first of ``spans``.

        Returns where the match ends and the match (``None`` for a blocked
        phrase such as "Pakistan Army"), or ``None`` when nothing matches.
        """
        index = self._index
        n = len(spans)
        for m in range(n, 0, -1):
            key = keys[0] if m == 1 else " ".join(keys[:m])
            ids = index.get(key)
            if ids is None:
                continue
            if ids is _BLOCKED:
                return spans[m - 1][1], None
            s = spans[0][0]
            e = spans[m - 1][1]
            surface = text[s:e]
            if m == 1 and surface[0].islower():
                continue  # a bare article
            if key in self._acronyms:
                if not surface.isupper():
                    continue
            elif m == 1 and len(surface) < _ACRONYM_MIN_LEN and surface.isupper():
                continue  # headline capitals, not a name
            # an admin word after the name belongs to it
            kinds: frozenset[str] | None = None
            j = m
            if j < n and keys[j] in SUFFIX_FILLERS:
                j += 1
            suffix = keys[j] if j < n else ""
            has_suffix = suffix in SUFFIXES and text[spans[j][0] - 1] != "-"
            if has_suffix:
                kinds = SUFFIXES[suffix] or None
                e = spans[j][1]
            elif key in SUFFIX_ONLY:
                continue
            entry = self._choose(ids, country_hint, kinds)
            if entry is None:
                continue
            if has_suffix and suffix in SUFFIX_COUNTRIES and entry.country not in SUFFIX_COUNTRIES[suffix]:
                continue
            if entry.kind in ("village", "town") or (
                entry.kind == "district" and entry.country != "PK"
            ):
                # a small place: is the name the whole name, and is it a place?
                prev = _PREV_WORD_RE.search(text, max(0, s - 24), s)
                word = prev.group(1) if prev is not None else ""
                if word[:1].isupper() and word.lower() not in _NOT_NAMES:
                    continue  # the end of a longer, unknown name: "Kaga Wala area"
                if not has_suffix:
                    after = _NEXT_WORD_RE.match(text, e)
                    if after is not None and after.group(1).lower() not in _NOT_NAMES:
                        continue  # the start of a longer name: "Mir Ali Khan", "Dhoda Chowk"
                    if not entry.hand and not self._cued(text, s, prev, found):
                        continue  # "in Tappi" is a place, "Yasin Malik" a man
            if has_suffix and suffix in ADMIN_SUFFIXES and kinds and entry.kind not in kinds:
                continue  # "Sherpur District" with no district of that name
            if has_suffix and suffix in ("village", "villages") and entry.kind in ("province", "district", "country"):
                continue  # "Basra village" in Lower Shabelle is no Iraqi province
            return e, PlaceMatch(s, e, text[s:e], entry.place())
        return None

    @staticmethod
    def _cued(text: str, start: int, prev: re.Match[str] | None, found: list[PlaceMatch]) -> bool:
        """Whether the words before ``start`` show that a place follows."""
        if found and text[found[-1].end : start] in _LIST_GAPS:
            return True
        if prev is not None and prev.group(1).lower() == "the":
            # "on the Dalbandin road", "near the Ghulam Khan crossing"
            before = _PREV_WORD_RE.search(text, max(0, prev.start() - 16), prev.start())
            return before is not None and before.group(1).lower() in (LOCATIVE_CUES | {"on"})
        return prev is not None and prev.group(1).lower() in LOCATIVE_CUES

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

    def namesakes(self, name: str, country: str) -> list[Entry]:
        """Every village, town or city a name (as the text spells it) may be in ``country``.

        Village names repeat within a country ("Shagai" is in ten Pakistani
        districts); extraction settles which one a report means.
        """
        key = fold(name)
        for k in (key, strip_suffix(key)):
            ids = self._index.get(k)
            if ids and ids is not _BLOCKED:
                wanted = country.upper()
                return [
                    e
                    for e in (self.entry(i) for i in ids)
                    if e.country == wanted and e.kind in ("village", "town", "city")
                ]
        return []

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
def strike_areas() -> dict[str, dict[str, int]]:
    """Country -> district -> drone strikes recorded there (``data/strike_areas.tsv``).

    Only countries whose lists record at least ``MIN_PRIOR_STRIKES`` strikes:
    a handful of strikes says little about where the next one falls.
    """
    table: dict[str, dict[str, int]] = {}
    if STRIKE_AREAS.exists():
        for line in _read_lines(STRIKE_AREAS):
            country, district, strikes = line.split("\t")[:3]
            table.setdefault(country, {})[district] = int(strikes)
    return {c: areas for c, areas in table.items() if sum(areas.values()) >= MIN_PRIOR_STRIKES}


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded on first use and shared after."""
    return Gazetteer()

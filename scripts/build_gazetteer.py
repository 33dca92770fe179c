#!/usr/bin/env python3
"""Build the packaged gazetteer from the shared geo data.

Why a build step: the shared ``gazetteer.tsv.gz`` has a quarter of a million
places in eleven countries with names in many scripts; extraction needs only
the strike countries, the admin areas, and the populated places that news
reports name, with Latin spellings, the canonical district of each place and
nothing else.  The result is small enough to ship in the package and to load
in a fraction of a second.

Usage::

    python scripts/build_gazetteer.py [--source PATH] [--out PATH]

Reads ``/work/shared/data/geo/gazetteer.tsv.gz`` by default and writes
``src/strikewatch/data/gazetteer.tsv.gz``.  Hand additions live in
``src/strikewatch/data/gazetteer_extra.tsv``; the loader merges them at run
time, so this script does not read them.
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import io
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strikewatch.extract.gazetteer import index_keys  # noqa: E402  (one folding rule)

DEFAULT_SOURCE = Path("/work/shared/data/geo/gazetteer.tsv.gz")
DEFAULT_OUT = ROOT / "src" / "strikewatch" / "data" / "gazetteer.tsv.gz"
#: Real text whose lower-case words tell which village names are English words.
DEFAULT_CORPUS = ("/work/shared/data/satp/*.tsv", "/work/shared/seeds/*.txt")
#: A word seen this often in lower case is an English word, not a village name.
ENGLISH_MIN_COUNT = 5

COUNTRIES = ("PK", "AF", "YE", "SO", "SY", "IQ", "LY", "LB", "ML")
COLUMNS = tuple(
    "name variants lat lon kind country admin1 district population keys derived".split()
)

#: Pakistani provinces whose every village is kept (the drone-strike belt).
PK_FULL_PROVINCES = {"Federally Administered Tribal Areas", "Khyber Pakhtunkhwa", "Balochistan"}

# ---------------------------------------------------------------------------
# Canonical names of first- and second-level areas.
#
# Each entry: canonical English press form -> source spellings and common
# press variants.  The canonical form is what ``district`` carries; every
# variant becomes a searchable spelling of the area.
# ---------------------------------------------------------------------------

#: One line per area, ``canonical = variant | variant``; a line starting with
#: ``|`` goes on with the variants of the line before.
CANON_TABLE: dict[str, str] = {
    "PK": """
    Federally Administered Tribal Areas = FATA | F.A.T.A. | Federally Administered Tribal Area
        | Tribal Areas
    Khyber Pakhtunkhwa = Khyber-Pakhtunkhwa | Khyber Pakhtoonkhwa | Khyber Pakhtunkhawa | KP
        | KPK | NWFP | N.W.F.P. | North-West Frontier Province | North West Frontier Province
        | North-West Frontier
    Balochistan = Baluchistan | Balochistan Province | Baluchistan Province
    Punjab
    Sindh = Sind
    Gilgit-Baltistan = Gilgit Baltistan | Northern Areas
    Azad Kashmir = Azad Jammu and Kashmir | AJK | Pakistan-administered Kashmir
    Islamabad Capital Territory = Islamabad Capital Territory | ICT
    North Waziristan = North Waziristan Agency | N. Waziristan | N Waziristan
        | Northern Waziristan | North Wazirstan | Shimali Waziristan
    South Waziristan = South Waziristan Agency | S. Waziristan | S Waziristan
        | Southern Waziristan | South Wazirstan | Junubi Waziristan
    Khyber = Khyber Agency | Khyber District | Khyber tribal district
    Kurram = Kurram Agency | Kuram | Kurram District
    Bajaur = Bajaur Agency | Bajour | Bajour Agency | Bajaur District
    Mohmand = Mohmand Agency | Mohmand District
    Orakzai = Orakzai Agency | Orakzai District | Orakzi
    FR Bannu = Frontier Region Bannu | F.R. Bannu
    FR Dera Ismail Khan = Frontier Region Dera Ismail Khan | FR D.I. Khan | FR DI Khan
    FR Kohat = Frontier Region Kohat | F.R. Kohat
    FR Lakki Marwat = Frontier Region Lakki Marwat | FR Lakki
    FR Peshawar = Frontier Region Peshawar | F.R. Peshawar
    FR Tank = Frontier Region Tank | F.R. Tank
    Dera Ismail Khan = D.I. Khan | DI Khan | D.I.Khan | Dera Ismael Khan
    Dera Ghazi Khan = D.G. Khan | DG Khan | D.G.Khan
    Malakand = Malakand PA | Malakand Protected Area | Malakand Agency
    Killa Abdullah = Qila Abdullah | Qilla Abdullah | Killa Abdulla
    Killa Saifullah = Qila Saifullah | Qilla Saifullah
    Las Bela = Lasbela
    Kachhi = Bolan | Kachhi (Bolan)
    Sheerani = Shirani
    Jaffarabad = Jafarabad
    Shaheed Benazirabad = Nawabshah | Shaheed Benazir Abad
    Lower Dir = Dir Lower
    Upper Dir = Dir Upper
    Batagram = Battagram
    Tor Ghar = Torghar
    Mirpur Khas = Mirpurkhas
    Umerkot = Umarkot
    Musakhel = Musa Khel
    Naushahro Feroze = Naushahro Firoz | Noshero Feroze
    Qambar Shahdadkot = Kamber Shahdadkot | Qambar Shahdad Kot
    Mandi Bahauddin = Mandi Bahauddin
    """,
    "AF": """
    Badakhshan
    Badghis
    Baghlan
    Balkh
    Bamyan = Bamian | Bamiyan
    Daykundi = Daikondi | Daikundi | Dai Kundi
    Farah
    Faryab
    Ghazni
    Ghor = Ghowr | Ghōr | Ghur
    Helmand = Hilmand
    Herat = Hirat
    Jowzjan = Jawzjan | Jozjan
    Kabul
    Kandahar = Qandahar
    Kapisa
    Khost = Khowst
    Kunar = Konar
    Kunduz = Konduz | Qunduz
    Laghman
    Logar = Lowgar
    Wardak = Maidan Wardak | Maydan Wardak | Wardag
    Nangarhar = Ningarhar | Nangrahar
    Nimruz = Nimroz
    Nuristan = Nurestan
    Paktia = Paktiya | Paktya
    Paktika
    Panjshir = Panjsher
    Parwan = Parvan
    Samangan
    Sar-e Pol = Sar-i-Pul | Sari Pul | Saripul | Sar-e Pul | Sar-i Pol
    Takhar
    Uruzgan = Oruzgan | Urozgan | Orozgan
    Zabul = Zabol
    """,
    "YE": """
    Aden = 'Adan | Adan | `Adan
    Amran = 'Amran | `Amran
    Al Dhale = Ad Dali' | Al Dali' | Dhale | Al Dhalea | Ad Dali | Dhalea | Al-Dhale
        | Al Dhale'e | Ad Dhale | Dali
    Al Bayda = Al Bayda' | Bayda | Al Baydah | Al Baida | Baida | Beida | Al-Bayda | Al Beida
    Hodeidah = Al Hudaydah | Hudaydah | Hodeida | Al Hodeidah | Hudayda
    Al Jawf = Jawf | Al Jouf | Jouf
    Al Mahrah = Mahrah | Mahra | Al Mahra
    Al Mahwit = Mahwit
    Sanaa = Sana'a | Sana | Amanat Al Asimah | Amanat al-Asimah | Sanaa City
    Dhamar
    Hadramawt = Hadhramaut | Hadramout | Hadramaut | Hadhramawt | Hadhramout | Hadrmout
    Socotra = Soqotra | Suqutra
    Hajjah = Hajja
    Ibb
    Lahij = Lahj | Lahej
    Marib = Ma'rib | Mareb | Maarib
    Raymah = Rayma | Raimah
    Saada = Sa'dah | Sadah | Sa'ada | Saadah | Sa'da | Sada
    Shabwah = Shabwa | Shabwah Governorate | Shabwa Governorate | Shebwa | Shabweh
    Taiz = Ta'izz | Taizz | Taez | Ta'iz
    Abyan
    """,
    "SO": """
    Bakool = Bakol
    Banadir = Banaadir | Benadir
    Bari
    Bay
    Galguduud = Galgaduud | Galgadud | Galgudud
    Gedo
    Hiran = Hiiraan | Hiraan | Hiiran
    Lower Juba = Jubbada Hoose | Lower Jubba
    Middle Juba = Jubbada Dhexe | Juba Dhexe | Middle Jubba
    Lower Shabelle = Lower Shebelle | Lower Shabeelle | Shabeellaha Hoose | Lower Shabele
    Middle Shabelle = Middle Shebelle | Middle Shabeelle | Shabeellaha Dhexe | Middle Shabele
    Mudug
    Nugal = Nugaal
    Somaliland
    """,
    "SY": """
    Raqqa = Al-Raqqah | Ar Raqqah | Ar-Raqqah | Raqqah | Rakka | Ar-Raqqa
    Hasakah = Al-Hasakah | Al Hasakah | Hasaka | Hassakeh | Hasakeh | Hasaka (Al Haksa)
    Aleppo = Halab
    Suwayda = As-Suwayda | As Suwayda' | Sweida | Suwaida | As Suwayda
    Damascus = Dimashq
    Daraa = Dar`a | Dar'a | Deraa | Dara'a
    Deir ez-Zor = Days Az Zawr | Dayr az Zawr | Deir al-Zour | Deir ez Zor | Deir Ezzor
        | Deir el-Zor | Deir al-Zor | Deir Ezzor | Dayr al-Zawr
    Hama = Hamah
    Homs = Hims | Homs (Hims)
    Idlib = Idleb
    Latakia = Lattakia | Latakiya | Ladhiqiyah
    Rif Dimashq = Rif Dimashq | Rural Damascus | Damascus Countryside | Reef Dimashq
    Tartus = Tartous
    Quneitra = Western al-Samadania | Al Qunaytirah | Qunaytirah
    """,
    "IQ": """
    Anbar = Al Anbar | Al-Anbar
    Muthanna = Al Muthanna | Al-Muthannia
    Qadisiyah = Al-Qādisiyyah | Al-Qadisiyah | Qadisiyyah | Diwaniyah
    Babil = Babylon
    Salahuddin = Saladin | Salah al-Din | Salah ad Din | Salahaddin | Sala ad-Din | Salah ad-Din
    Nineveh = Ninawa | Ninewa | Nineva
    Sulaymaniyah = As-Sulaymaniyah | Sulaimaniyah | Suleimaniyah | Sulaimani
    Erbil = Arbil | Irbil
    Duhok = Dohuk | Dahuk | Dihok
    Dhi Qar = Dhi-Qar | Thi Qar
    Basra = Basrah | Al-Basrah
    Kirkuk
    Diyala
    Wasit
    Maysan = Missan
    Najaf = An-Najaf
    Karbala = Karbala' | Kerbala
    Baghdad
    Halabja
    """,
    "LY": """
    Tripoli = Tripoli District | Tajura' wa an Nawahi al Arba
    Derna = Darnah | Al Qubbah
    Sirte = Surt | Sirt
    Misrata = Misratah | Misurata
    Benghazi
    Jabal al Akhdar = Al Jabal al Akhdar
    Butnan = Al Butnan
    Marj = Al Marj
    Ajdabiya
    Kufra = Al Kufrah
    Jufra = Al Jufrah
    Sabha = Sebha
    Murzuq
    Ghat
    Wadi al Hayaa
    Wadi al Shatii = Ash Shati | Ash Shati'
    Nalut = Ghadames | Ghadamis
    Jabal al Gharbi = Mizdah
    Murqub = Al Marqab
    Nuqat al Khams = An Nuqat al Khams
    Zawiya = Az Zawiyah
    Jafara = Al Jifarah
    """,
}


def _parse_canon(table: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    parsed: dict[str, dict[str, list[str]]] = {}
    for country, text in table.items():
        areas = parsed.setdefault(country, {})
        canonical = ""
        for line in text.strip().splitlines():
            if line.strip().startswith("|"):  # a continued line of variants
                variants = line
            else:
                canonical, _, variants = (part.strip() for part in line.partition("="))
                areas[canonical] = []
            areas[canonical].extend(v.strip() for v in variants.split("|") if v.strip())
    return parsed


CANON = _parse_canon(CANON_TABLE)


#: Source admin names that are not areas of the country (dropped).
SKIP_ADMIN = {"United Nations Disengagement Observer Force"}

#: Alternate names that the source wrongly attaches to an area (the parent
#: division or an older district) and that must not become its spellings.
JUNK_ALTERNATES = set(
    """
    fata hazara makran malakand kalat quetta zhob sibi nasirabad bannu kohat mardan peshawar
    rawalpindi sargodha lahore multan gujranwala faisalabad bahawalpur hyderabad sukkur larkana
    panzer tanks tanque dera host gor thorat sana dali bai baris nimrod tahar ghats humus omran
    lugar damas hema hamo jost balh belh gedas miram wama ragh barak kiti
    """.split()
) | {
    "f a t a",
    "azad kashmir",
    "northern areas",
    "dera ismail khan",
    "dera ghazi khan",
    "mirpur khas",
}

#: Words that mark a non-English rendering of an admin area ("district de X").
FOREIGN_ADMIN_WORDS = set(
    """
    districte distrikt distretto dystrykt rayonu provinz provincia provincie provints provinco
    gouvernement governacio gobernacion gubernio eskualdea maakunta piirikunta munizip distrikto
    guvernorat muhafazasi muhafəzəsi kegubernuran kormanyzosag tartomany gouvernorat
    governatorato vilayəti ilcesi tumani quan daerah distrito de di du des del della provinsi
    kaupunginosa kaupunki ringkond regions gobolka wilayat velayat muhafazat sha'biyat shabiyat
    regio oblast okrug kraj gorad horad agencja agence agentia septentrional meridional nord sud
    noord zuid kuzey guney bac distrikte kazasi nahiyesi county prefecture ken seng propinsi
    wilayah lalawigan ng provincija probintzia vilayeti viloyati barrutia koan tuman distrik
    provinca tinh shahrestan ostan vilayet nahiya distrikti okres rajon raion kreis bezirk
    comarca sheng xian shi gun hyeon qarku mintaqa mintaqat muhafaza governatorat gubernia
    guberniya provins provinsen governadoria muhafazasy liwa qada kaza nahiye ilce il sehri
    vilayat viloyat oblys mkoa wilaya jilla zila zilla khet amphoe districtul destrict
    guvernoratul govrenorate herad distriktet distriktu rayon rajonas apskritis apriņķis
    gouvernoraat bolge bolgesi eparchia nomos perifereia tartomanya
    """.split()
) | {"region de", "governorate of"}

#: Small words that may start lower-case inside an Arabic or Pashto name.
NAME_CONNECTORS = set(
    """
    e i o wa va al el ad ar as ash at az an ez es ed ul ud us ur bin ibn ye ah adh ath aal bani
    """.split()
)

#: English admin suffixes: "X District" is the same area as "X".
ENGLISH_SUFFIXES = set(
    """
    district agency province governorate region tehsil division protected area city town village
    valley
    """.split()
)

#: Villages whose name is also a common English or personal word that news
#: text capitalises: they would be found everywhere (the loader has its own
#: stoplist too; pruning here keeps the packaged file small).
JUNK_VILLAGE_NAMES = set(
    """
    of said wali mir ali khan police taliban army major general chief president minister sunday
    monday tuesday wednesday thursday friday saturday january february march april may june july
    august september october november december india china iran america american us usa london
    the a an and or in on at to by for as is it he she they we but not no
    """.split()
)

KIND_RANK = {"province": 5, "district": 4, "city": 3, "town": 2, "village": 1}

APOSTROPHES = "'`´‘’ʿʾʻʼ"
_APOS_TABLE = {ord(c): None for c in APOSTROPHES}
_SPLIT_RE = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip accents and apostrophes, collapse separators to one space."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS_TABLE))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    return " ".join(p for p in _SPLIT_RE.split(plain) if p)


def skeleton(text: str) -> str:
    """Letters only, for similarity of spellings."""
    return fold(text).replace(" ", "")


def strip_suffix(key: str) -> str:
    """Drop English admin words at the end of a folded name."""
    words = key.split()
    while len(words) > 1 and words[-1] in ENGLISH_SUFFIXES:
        words.pop()
    return " ".join(words)


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def similar(a: str, b: str) -> float:
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return 0.0
    return SequenceMatcher(None, sa, sb, autojunk=False).ratio()


def latin_alternates(raw: str) -> list[str]:
    out: list[str] = []
    for alt in raw.split(","):
        alt = alt.strip()
        if not alt or not is_latin(alt) or any(c.isdigit() for c in alt):
            continue
        if "(" in alt or "/" in alt or len(alt) > 40 or len(alt.split()) > 5:
            continue
        out.append(alt)
    return out


def pick_latin_name(raw_alternates: str) -> str | None:
    """Pick a Latin name for a record whose main name is in another script."""
    alts = [a for a in latin_alternates(raw_alternates) if a.isascii() and len(a) >= 3]
    if not alts:
        return None

    def support(candidate: str) -> int:
        return sum(1 for other in alts if similar(candidate, other) >= 0.75)

    return max(alts, key=lambda a: (support(a), -alts.index(a)))


def good_variants(name: str, raw_alternates: str, extra: Iterable[str] = ()) -> list[str]:
    """Latin spelling variants of ``name`` worth indexing, one per folded key."""
    base = strip_suffix(fold(name))
    seen = {base, fold(name)}
    out: list[str] = []
    for alt in list(extra) + latin_alternates(raw_alternates):
        key = fold(alt)
        if not key or key in seen:
            continue
        words = key.split()
        if any(w in FOREIGN_ADMIN_WORDS for w in words):
            continue
        if alt not in extra and any(
            w[:1].islower() and fold(w) not in NAME_CONNECTORS for w in re.split(r"[\s\-]+", alt)
        ):
            continue
        stripped = strip_suffix(key)
        if stripped in seen or (stripped in JUNK_ALTERNATES and alt not in extra):
            seen.add(key)
            continue
        if alt.isupper() and len(skeleton(alt)) <= 4 and alt not in extra:
            continue
        if alt not in extra and similar(stripped, base) < 0.6:
            continue
        seen.add(key)
        out.append(alt.strip())
    return out


class Canon:
    """Canonical names of admin areas, one table per country."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], str] = {}
        for country, table in CANON.items():
            for canonical, variants in table.items():
                for form in (canonical, *variants):
                    self.by_key[(country, strip_suffix(fold(form)))] = canonical

    def name(self, country: str, source_name: str) -> str:
        key = strip_suffix(fold(source_name))
        return self.by_key.get((country, key), source_name.strip().rstrip("'`"))

    def variants(self, country: str, canonical: str) -> list[str]:
        return list(CANON.get(country, {}).get(canonical, []))


def kind_of(row: dict[str, str], population: int) -> str:
    fclass, fcode = row["feature_class"], row["feature_code"]
    if fclass == "A":
        return {"PCLI": "country", "ADM1": "province"}.get(fcode, "district")
    if fcode in ("PPLC", "PPLA") or population >= 100_000:
        return "city"
    if fcode == "PPLA2" or population >= 5_000:
        return "town"
    return "village"


def read_source(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def english_words(patterns: Iterable[str]) -> set[str]:
    """Words that the corpus writes in lower case: English, not village names.

    Why: the source names tens of thousands of villages after ordinary words
    ("Plan", "Top", "Jail", "That"), and a capitalised sentence start would
    find them everywhere.
    """
    counts: dict[str, int] = defaultdict(int)
    for pattern in patterns:
        for path in sorted(glob.glob(pattern)):
            with open(path, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    text = line.split("\t", 1)[0] if path.endswith(".tsv") else line
                    for word in re.findall(r"\b[a-z]+\b", text):
                        counts[word] += 1
    return {w for w, n in counts.items() if n >= ENGLISH_MIN_COUNT}


def build(rows: list[dict[str, str]], english: set[str] | None = None) -> list[tuple[str, ...]]:
    english = english or set()
    canon = Canon()
    # Pakistan: the province of each district, from the district records.
    pk_province: dict[str, str] = {}
    admin1_sets: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["country"] == "PK" and row["feature_code"] == "ADM2":
            pk_province[canon.name("PK", row["name"])] = canon.name("PK", row["admin1"])
        if row["feature_code"] == "ADM1":
            admin1_sets[row["country"]].add(row["admin1"])
            admin1_sets[row["country"]].add(row["name"])

    groups: dict[tuple[str, str, str, bool], list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for row in rows:
        country = row["country"]
        if country not in COUNTRIES or row["feature_code"] == "PCLI":
            continue  # countries and demonyms are hand-curated in gazetteer_extra.tsv
        if row["name"] in SKIP_ADMIN:
            continue
        population = int(row["population"] or 0)
        fcode = row["feature_code"]
        is_admin = row["feature_class"] == "A"

        name = row["name"].strip()
        paren = re.search(r"\s*\(([^)]*)\)\s*", name)
        aside = ""
        if paren:
            aside = paren.group(1).strip()
            name = (name[: paren.start()] + " " + name[paren.end() :]).strip()
        if not is_latin(name):
            picked = pick_latin_name(row["alternate_names"])
            if picked is None:
                continue
            name = picked

        # the district rule of ANNOTATION.md
        if country == "PK":
            if fcode == "ADM1":
                district = ""
                admin1 = canon.name("PK", row["admin1"] or name)
            else:
                if not row["admin2"]:
                    continue
                district = canon.name("PK", row["admin2"])
                admin1 = pk_province.get(district, "")
                if not admin1:
                    continue
        else:
            source_admin1 = name if fcode == "ADM1" else row["admin1"]
            if not source_admin1 or (admin1_sets[country] and source_admin1 not in admin1_sets[country]):
                # a point that the polygons put in another country's province (Lebanon and Mali
                # come with towns only: their provinces are the towns' own)
                continue
            district = canon.name(country, source_admin1)
            admin1 = district

        kind = kind_of(row, population)
        if not is_admin:
            keep = population > 0 or fcode in ("PPLA", "PPLA2", "PPLA3", "PPLC")
            if country == "PK" and admin1 in PK_FULL_PROVINCES:
                keep = True
            if not keep:
                continue
            if kind == "village" and (fold(name) in JUNK_VILLAGE_NAMES or fold(name) in english):
                continue

        extra: list[str] = [aside] if aside and is_latin(aside) else []
        if is_admin and (fcode == "ADM1" or country == "PK"):
            canonical = admin1 if fcode == "ADM1" else canon.name(country, name)
            # the source's own names count only when they name this same area
            own = [
                n
                for n in (name, row["admin1"] if fcode == "ADM1" else "")
                if n and canon.name(country, n) == canonical
            ]
            extra = [*extra, *own, *canon.variants(country, canonical)]
            extra = [e for e in extra if e and fold(e) != fold(canonical)]
            name = canonical
        variants = good_variants(name, row["alternate_names"], extra)
        if kind in ("village", "town"):
            # one-word variants of small places: not English words, not tiny
            variants = [
                v
                for v in variants
                if " " in fold(v) or (len(fold(v)) >= 4 and fold(v) not in english)
            ]

        try:
            lat = f"{float(row['lat']):.4f}"
            lon = f"{float(row['lon']):.4f}"
        except ValueError:
            continue
        record = (
            name,
            "|".join(variants),
            lat,
            lon,
            kind,
            country,
            admin1,
            district,
            str(population),
        )
        # one record per spelling and district: the source repeats villages
        dedup = (country, district if kind != "province" else admin1, fold(name), is_admin)
        rank = KIND_RANK[kind] * 10**9 + population
        groups[dedup].append((rank, record))

    merged: list[tuple[tuple[str, ...], list[str]]] = []
    for group in groups.values():
        group.sort(key=lambda item: -item[0])
        best = group[0][1]
        spellings = (v for _, rec in group for v in rec[1].split("|") if v)
        merged.append((best, list(dict.fromkeys(v for v in spellings if fold(v) != fold(best[0])))))

    # A spelling variant must not shadow the real name of another place of the
    # same or a higher rank ("Kohat" of FR Kohat against Kohat district).
    primary: dict[str, int] = {}
    for best, _ in merged:
        key = fold(best[0])
        primary[key] = max(primary.get(key, 0), KIND_RANK[best[4]])

    records: list[tuple[str, ...]] = []
    for best, variants_out in merged:
        rank = KIND_RANK[best[4]]
        kept = [v for v in variants_out if primary.get(fold(v), 0) < rank]
        keys, derived = index_keys(best[0], kept, best[4])
        records.append((best[0], "|".join(kept), *best[2:], "|".join(keys), "|".join(derived)))

    # Best first: the loader keeps this order for places that share a spelling
    # (admin areas before towns before villages, then the larger population).
    records.sort(key=lambda r: (-KIND_RANK[r[4]], -int(r[8]), r[5], r[7], r[0]))
    return records


def write(records: list[tuple[str, ...]], out: Path) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for rec in records:
        buf.write("\t".join(field.replace("\t", " ") for field in rec) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the output byte-identical between builds
    with (
        open(out, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz,
    ):
        gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--corpus",
        action="append",
        default=None,
        help="glob of text whose lower-case words are English (default: SATP and seeds)",
    )
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"source not found: {args.source}", file=sys.stderr)
        return 2
    english = english_words(args.corpus or DEFAULT_CORPUS)
    print(f"{len(english)} English words from the corpus")
    records = build(read_source(args.source), english)
    write(records, args.out)
    counts: dict[str, int] = defaultdict(int)
    for rec in records:
        counts[rec[5]] += 1
    size = args.out.stat().st_size
    print(f"wrote {len(records)} places to {args.out} ({size / 1e6:.2f} MB)")
    print("  " + ", ".join(f"{c}: {n}" for c, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

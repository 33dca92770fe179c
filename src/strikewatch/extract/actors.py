"""Who flew the drone, which armed groups were hit, and which people were named.

The perpetrator is taken only from words bound to the strike ("a US drone",
"drones operated by the CIA", "Turkish drone"), never from a state merely
mentioned in the sentence ("US-Pakistan relations"): unsaid stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strikewatch.model import Span

#: "an Iraqi drone", "Nigerian military drones": an army that flies armed drones of its own
_OWN_DRONE = r"(?=\s+(?:(?:military|army|armed|combat|attack)\s+)?(?:drones?|UAVs?)\b)"

PERPETRATORS: dict[str, str] = {
    r"U\.?S\.?-led(?:\s+(?:international\s+)?coalition)?|American-led(?:\s+coalition)?": "US",
    r"Saudi-led(?:\s+coalition)?": "SA",
    r"U\.\s?S\.?|US|USA|American|America's|United\s+States|CIA|C\.I\.A\.?|Central\s+Intelligence\s+Agency|"
    r"Pentagon|AFRICOM|CENTCOM|"
    r"Washington|Obama\s+administration|Trump\s+administration|JSOC": "US",
    r"Turkish|Turkey's|Turkey": "TR",
    r"Israeli|Israel's|Israel|IDF": "IL",
    r"NATO|ISAF|North\s+Atlantic\s+Treaty\s+Organi[sz]ation|International\s+Security\s+Assistance\s+Force|"
    r"Resolute\s+Support": "NATO",
    r"UK|British|Britain's|RAF|Royal\s+Air\s+Force": "GB",
    r"Russian|Russia's|Russia": "RU",
    r"Emirati|UAE": "AE",
    r"Saudi": "SA",
    r"Iranian|Iran's": "IR",
    r"Pakistani\s+(?:military|army|air\s+force|security\s+forces)|Pakistan\s+(?:Army|Air\s+Force)|"
    r"Pakistan['’]s\s+(?:military|army|air\s+force)|"
    r"PAF|Burraq": "PK",
    r"Nigerian\s+(?:Air\s+Force|army|military)|Nigerian" + _OWN_DRONE: "NG",
    # national armies that fly armed drones of their own (Sahel, Horn of Africa, Caucasus)
    r"Malian\s+(?:army|military|armed\s+forces|air\s+force|junta)|Mali's\s+(?:army|military)|FAMa|"
    r"Malian" + _OWN_DRONE: "ML",
    r"Burkinabe\s+(?:army|military|armed\s+forces|air\s+force)|Burkina\s+Faso's\s+(?:army|military)|"
    r"Burkinabe" + _OWN_DRONE: "BF",
    r"Nigerien\s+(?:army|military|armed\s+forces)|Nigerien" + _OWN_DRONE: "NE",
    r"Ethiopian\s+(?:army|military|air\s+force|government|federal\s+forces|National\s+Defen[cs]e\s+Force)|"
    r"ENDF|Ethiopian" + _OWN_DRONE: "ET",
    r"Azerbaijani|Azerbaijan's": "AZ",
    r"Moroccan\s+(?:army|military|armed\s+forces)|Royal\s+Moroccan": "MA",
    r"Egyptian\s+(?:army|military|air\s+force)|Egyptian" + _OWN_DRONE: "EG",
    r"Kenyan\s+(?:army|military|air\s+force|Defence\s+Forces)|KDF|Kenyan" + _OWN_DRONE: "KE",
    r"French|France's": "FR",
    r"Ukrainian|Ukraine's": "UA",
    r"Iraqi\s+(?:military|army|air\s+force|forces)|Iraqi" + _OWN_DRONE: "IQ",
    # the state's own forces: the noun after the adjective is the head that binds it
    r"Yemeni(?=\s+(?:military|army|air\s+force|government\s+forces|warplanes|jets))": "YE",
    r"Afghan(?=\s+(?:Air\s+Force|army|military|National\s+Army|security\s+forces|forces))|AAF": "AF",
    r"Somali(?=\s+(?:National\s+Army|army|military|government\s+forces))": "SO",
    r"Syrian\s+(?:government|regime|army|air\s+force)|regime": "SY",
    r"Houthi|Houthis": "Houthis",
    # Libya's two sides, as the press names them
    r"Libyan\s+National\s+Army|LNA|(?:Khalifa\s+)?Haftar(?:['’]s)?(?:\s+forces)?|Hifter(?:['’]s)?(?:\s+forces)?": "LNA",
    r"Government\s+of\s+National\s+Accord|GNA": "GNA",
    # its successor in Tripoli from 2021
    r"Government\s+of\s+National\s+Unity|GNU": "GNU",
}
# "Turkish-made drone", "a Bayraktar TB2": who built the drone, not who flew it
_PERP_RE = re.compile(
    "|".join(f"(?P<p{i}>\\b(?:{pat})(?![\\w-])(?!-(?:made|built|supplied|manufactured|designed)))"
             for i, pat in enumerate(PERPETRATORS)),
)
_PERP_CODES = list(PERPETRATORS.values())

_DRONE_HEAD = re.compile(
    r"\b(?:drones?|unmanned|UAVs?|Predators?|Reapers?|pilotless|spy\s+planes?|remotely[- ]piloted|"
    r"missiles?|air\s*strikes?|strikes?|attacks?|forces|military|aircraft|jets?|warplanes?|army|"
    r"air\s+force|National\s+Army|government\s+forces|security\s+forces)\b",
    re.IGNORECASE,
)

GROUPS: dict[str, str] = {
    r"Haqqani(?:\s+[Nn]etwork|s)?": "Haqqani network",
    r"Tehr[ei]e?k[- ]e[- ]Taliban(?:\s+Pakistan)?|Tehreek-i-Taliban(?:\s+Pakistan)?|TTP|"
    r"Pakistani\s+Taliban|Pakistan\s+Taliban": "TTP",
    r"Afghan\s+Taliban|Quetta\s+Shura": "Afghan Taliban",
    r"al[- ]Qa'?eda\s+in\s+the\s+Arabian\s+Peninsula|AQAP|Ansar\s+al[- ]Sharia": "AQAP",
    r"al[- ]Qa'?eda\s+in\s+the\s+Islamic\s+Maghreb|AQIM": "AQIM",
    r"al[- ]Qa['e]?[ie]?da|Al[- ]Qa['e]?[ie]?da|Qaeda|Qaida|AQ": "al-Qaeda",
    r"al[- ]Shabaa?b|Al[- ]Shabaa?b|Shabaa?b": "al-Shabaab",
    r"Islamic\s+State\s+(?:Khorasan|in\s+Khorasan)|IS-?K|ISKP|ISIS-K": "IS-K",
    r"Islamic\s+State|ISIS|ISIL|Daesh|IS": "Islamic State",
    r"Islamic\s+Movement\s+of\s+Uzbekistan|IMU": "IMU",
    r"Lashkar[- ]e[- ]Jhangvi|LeJ": "Lashkar-e-Jhangvi",
    r"Lashkar[- ]e[- ]Islam": "Lashkar-e-Islam",
    r"Lashkar[- ]e[- ]Taiba|LeT": "Lashkar-e-Taiba",
    r"Jamaat[- ]ul[- ]Ahrar": "Jamaat-ul-Ahrar",
    r"Hafiz\s+Gul\s+Bahadur(?:\s+group)?": "Hafiz Gul Bahadur group",
    r"Mullah\s+Nazir(?:\s+group)?|Maulvi\s+Nazir(?:\s+group)?": "Mullah Nazir group",
    r"Jabhat\s+(?:al[- ])?Nusra|Nusra\s+Front|al[- ]Nusra": "Nusra Front",
    r"Hay'?at\s+Tahrir\s+al[- ]Sham|HTS": "Hayat Tahrir al-Sham",
    r"Khorasan\s+[Gg]roup": "Khorasan group",
    r"Turkistan\s+Islamic\s+Party|East\s+Turkestan\s+Islamic\s+Movement|ETIM": "Turkistan Islamic Party",
    r"PKK|Kurdistan\s+Workers'?\s+Party": "PKK",
    r"YPG": "YPG",
    r"Hamas": "Hamas",
    r"Hezbollah|Hizbollah": "Hezbollah",
    r"Houthis?|Ansar\s+Allah": "Houthis",
    r"Islamic\s+Jihad": "Islamic Jihad",
    r"Taliban": "Taliban",
}
_GROUP_RE = re.compile(
    "|".join(f"(?P<g{i}>\\b(?:{pat})(?![\\w-]))" for i, pat in enumerate(GROUPS)),
)
_GROUP_NAMES = list(GROUPS.values())

_NAME = r"(?:[A-Z][a-z'’]+(?:[- ](?:(?:al|ul|ur|ud|bin|ibn|abu|el|ad|ar|as)[- ])?[A-Z][a-z'’]+){0,3})"
_NAME_RE = re.compile(
    rf"\b(?:commander|leader|chief|cleric|militant|spokesman|deputy|head|emir|ideologue|"
    rf"financier|operative|identified\s+as|named|including)[,:]?\s+(?P<name>(?:(?:Maulana|Maulvi|Mullah|Qari|Haji|Sheikh|Mufti|Hafiz|Abu)\s+)?{_NAME})"
    rf"|(?P<name2>(?:(?:Maulana|Maulvi|Mullah|Qari|Haji|Sheikh|Mufti|Hafiz|Abu)\s+)?{_NAME}),\s+(?:a|the|an)\s+"
    rf"(?:\w+\s+){{0,4}}(?:commander|leader|chief|cleric|operative|member|militant|spokesman|deputy)\b"
)
_TITLES = ("Maulana", "Maulvi", "Mullah", "Qari", "Haji", "Sheikh", "Mufti", "Hafiz", "Abu")
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|US|U|North|South|East|West|Taliban|Pakistan|Pakistani|Afghan|Al|Qaeda|"
    r"Islamic|State|Army|Police|Security|Tribal|Federal|Agency|District|Province|Haqqani|"
    r"Network|Tehreek|Tehrik|Political|Interior|Foreign|Defence|Defense|Prime|Minister|"
    r"President|Government|Ministry|Intelligence|Frontier|Corps|Air|Force|Sunday|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)$"
)


@dataclass(frozen=True, slots=True)
class Found:
    value: str
    span: Span


def find_perpetrator(text: str, start: int, end: int, trigger: tuple[int, int],
                     reach: int = 160, *, drone: bool = False) -> Found | None:
    """The state or organisation bound to the strike trigger, if the text says it.

    "Whether the drone belonged to the regime, the Russians or the US-led
    coalition" names three and says none: an open question gives no perpetrator.
    """
    if _UNSURE.search(text, start, end):
        codes = {_PERP_CODES[int(k[1:])] for m in _PERP_RE.finditer(text, start, end)
                 for k, v in m.groupdict().items() if v}
        if len(codes) > 1:
            return None
    best: tuple[int, Found] | None = None
    t0, t1 = trigger
    for m in _PERP_RE.finditer(text, start, end):
        code = next(_PERP_CODES[int(k[1:])] for k, v in m.groupdict().items() if v)
        if re.search(r"\b(?i:al|el)[- ]$", text[max(start, m.start() - 4) : m.start()]):
            continue  # "Abdullah Azzam al Saudi", "Haitham al-Yemeni": a name, not a state
        if re.search(r"(?i:\b(?:the\s+then|former|previous|old)\s+$)", text[max(start, m.start() - 12) : m.start()]):
            continue  # "in which the then Government of National Accord used them": who flew them once
        if drone and _MANNED_AFTER.match(text, m.end()):
            continue  # "killed by PAF jets": who flew the jets, not the drone
        if drone and _TARGET_AFTER.match(text, m.end()):
            continue  # "hit an LNA position, killing four LNA soldiers": whom the drone struck
        if drone and code in _NO_ARMED_DRONES:
            continue  # "Afghan forces said": these states flew no armed drones in the years reported
        if drone and _among_flyers(text, m, start, end):
            continue  # "drones and aircraft flown by the United States, Turkey and the UAE": none of them
        # "Resolute Support forces": the modifiers skipped may be the head themselves
        head = _DRONE_HEAD.match(text, _skip_mods(text, m.end(), end)) or _DRONE_HEAD.match(
            text, m.end() + len(text[m.end() : m.end() + 3]) - len(text[m.end() : m.end() + 3].lstrip()))
        if re.search(r"\b(?:acquired|bought|purchased|supplied|imported|obtained|received|sold)\s+(?:[\w-]+\s+){0,4}?"
                     r"from\s+(?:the\s+)?(?:\w+,?\s+){0,4}?$", text[max(start, m.start() - 60) : m.start()]):
            continue  # "acquired drones from Turkey, Iran and the UAE": who sold them
        if re.search(r"\b(?:acquired|bought|purchased|imported|obtained|received|ordered|deliveries\s+of|sold|"
                     r"arsenal\s+of|fleet\s+of)\s+(?:(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,5}?)$",
                     text[max(start, m.start() - 60) : m.start()]):
            continue  # "which acquired Turkish, Chinese and Iranian drones": where they came from
        # ("The GNA blamed the eastern-based Libyan National Army")
        by_before = re.search(r"\b(?:by|from|blam(?:ed|ing)|accus(?:ed|ing))\s+(?:the\s+)?(?:\w+-\w+\s+)?$",
                              text[max(start, m.start() - 30) : m.start()]) or re.search(
            # "an unmanned aerial vehicle of the International Security Assistance Force"
            # ("a drone of the internationally recognised Government of National Accord")
            r"\b(?:drones?|UAVs?|aircraft|vehicles?)\s+(?:belonging\s+to|of|operated\s+by|owned\s+by)\s+(?:the\s+)?"
            r"(?:forces\s+of\s+)?(?:(?:internationally|UN|U\.N\.)[\s-](?:recogni[sz]ed|backed)\s+)?$",
            text[max(start, m.start() - 40) : m.start()])
        claimed = re.match(
            r"(?:\s+\w+){0,3}\s+(?:said|says|confirmed|claimed|announced|carried\s+out|conducted|used|"
            # "Haftar's Libyan National Army acknowledged carrying out an air strike in Murzuq"
            r"acknowledged|admitted|"
            r"launched|targeted|killed|struck|fired|attacked|bombed)\b",
            text[m.end() : min(end, m.end() + 40)],
        )
        # "the aircraft was American", "drones believed to be American"
        copula = re.search(
            r"\b(?:drones?|aircraft|planes?|UAVs?|missiles?|strikes?),?\s+(?:\w+\s+)?(?:was|were|is|are|"
            r"appeared\s+to\s+be|believed\s+to\s+be|thought\s+to\s+be)\s+(?:\w+\s+)?$",
            text[max(start, m.start() - 60) : m.start()],
        )
        if copula:
            head = head or copula
        if not (head or by_before or claimed):
            continue
        # "US-Pakistan relations", "US officials said" far from the trigger do not count
        distance = min(abs(m.start() - t0), abs(m.end() - t1), abs(m.start() - t1))
        if claimed and not (head or by_before):
            distance += 60
        if head is None and by_before is None and claimed is None:
            continue
        found = Found(code, Span(m.start(), m.end(), m.group()))
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is None or best[0] > reach:
        return None
    return best[1]


def _among_flyers(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """The state is one of a list of states that fly drones, so the list names no one of them."""
    after = re.match(r"(?:,\s*|\s+(?:and|or)\s+)(?:the\s+)?", text[m.end() : min(end, m.end() + 12)])
    if after is not None:
        n = _PERP_RE.match(text, m.end() + after.end(), end)
        if n is not None and _flyer(n) and _flyer(m) and _code(n) != _code(m):
            return True
    for b in _PERP_RE.finditer(text, max(start, m.start() - 40), m.start()):
        gap = text[b.end() : m.start()]
        if (re.fullmatch(r"(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?", gap) and _flyer(b) and _flyer(m)
                and _code(b) != _code(m)):
            return True
    return False


def _code(m: re.Match[str]) -> str:
    return next(_PERP_CODES[int(k[1:])] for k, v in m.groupdict().items() if v)


def _flyer(m: re.Match[str]) -> bool:
    return _code(m) not in _NO_ARMED_DRONES


#: governments whose forces had no armed drones: named beside a drone strike, they are sources
_NO_ARMED_DRONES = frozenset({"AF", "YE", "SO"})
_TARGET_AFTER = re.compile(
    r"\s+(?:position|positions|soldiers|fighters|troops|convoy|base|camp|commanders?|members|militants|targets?|"
    r"post|checkpoint|headquarters|depot|outpost|patrol|vehicles?)\b",
    re.IGNORECASE,
)
_MANNED_AFTER = re.compile(
    # ("harassed by Russian military jets")
    r"\s+(?:(?:military|air\s+force|army|navy|naval|fighter)\s+)?(?:fighter\s+)?(?:jets?|warplanes?|fighters?|"
    r"helicopters?|gunships?|bombers?|planes?)\b"
    # ("harassed by Russian military aircraft"; a bare "US aircraft" may be the drones)
    r"|\s+(?:military|air\s+force|navy|naval)\s+aircraft\b",
    re.IGNORECASE,
)
_UNSURE = re.compile(r"\b(?:whether|not\s+clear|unclear|unknown|could\s+not\s+be\s+(?:confirmed|established))\b",
                     re.IGNORECASE)


def document_perpetrator(text: str, spans: list[tuple[int, int]]) -> Found | None:
    """The one state the whole article says flies the drones, if it names just one.

    Multi-strike reports say "U.S. drones struck three times" once and then
    "a second drone killed six": the second strike is the same state's.
    """
    found: dict[str, Found] = {}
    counts: dict[str, int] = {}
    for lo, hi in spans:
        p = find_perpetrator(text, lo, hi, (lo, lo), reach=10_000, drone=True)
        if p is not None:
            found.setdefault(p.value, p)
            counts[p.value] = counts.get(p.value, 0) + 1
    if len(found) == 1:
        return next(iter(found.values()))
    ranked = sorted(counts, key=lambda v: -counts[v])
    if len(ranked) >= 2 and counts[ranked[0]] >= 3 and counts[ranked[0]] >= 3 * counts[ranked[1]]:
        # "US drones strike three times ... the Pakistani military's refusal to launch an
        # offensive": the state the story's strikes are told of, many times over one named aside
        return found[ranked[0]]
    return None


def _skip_mods(text: str, pos: int, end: int) -> int:
    m = re.match(
        # ("the CIA's drones", "America's Reapers": a possessive names the owner too)
        r"\)?(?:['’]s)?(?:\s+\([A-Z.]+\))?(?:\s+|-)(?:(?:military|armed|spy|intelligence|agency|army|forces'?|air\s+force|"
        r"operated|controlled|suspected|unmanned|guided|led|backed|made|coalition|CIA|owned|run)(?:\s+|-))*",
        text[pos:end],
    )
    return pos + (m.end() if m else 0)


def find_groups(text: str, start: int, end: int) -> list[Found]:
    """Armed groups named in ``text[start:end]``, canonical names, first mention order."""
    out: list[Found] = []
    seen: set[str] = set()
    for m in _GROUP_RE.finditer(text, start, end):
        name = next(_GROUP_NAMES[int(k[1:])] for k, v in m.groupdict().items() if v)
        if name in seen:
            continue
        # "IS" and "AQ" are words in upper-case headlines; require mixed-case context
        if m.group() in ("IS", "AQ") and text[max(0, m.start() - 20) : m.end() + 20].isupper():
            continue
        if name == "Taliban" and ({"TTP", "Afghan Taliban"} & seen):
            continue
        seen.add(name)
        out.append(Found(name, Span(m.start(), m.end(), m.group())))
    if any(f.value in ("TTP", "Afghan Taliban") for f in out):
        out = [f for f in out if f.value != "Taliban"]
    return out


def find_named(text: str, start: int, end: int) -> list[Found]:
    """People named as targets or victims ("commander Haji Gul")."""
    out: list[Found] = []
    seen: set[str] = set()
    for m in _NAME_RE.finditer(text, start, end):
        group = "name" if m.group("name") else "name2"
        name = m.group(group)
        s = m.start(group)
        words = name.split()
        # trim trailing non-name words picked up by the capitalised run
        while words and _NOT_NAMES.match(words[-1]):
            words.pop()
        while words and _NOT_NAMES.match(words[0]):
            s += len(words[0]) + 1
            words.pop(0)
        if len(words) < 2:
            continue
        name = " ".join(words)
        if name in seen or _GROUP_RE.fullmatch(name):
            continue
        seen.add(name)
        out.append(Found(name, Span(s, s + len(name), text[s : s + len(name)])))
    return out

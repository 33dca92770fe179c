"""Casualty figures: who was killed or injured, how many, and the words that said it.

A figure counts only when it is bound to a victim noun and a killing or
wounding word in the same clause; numbers of missiles, drones, houses or
vehicles never count. Several figures for the same category in one report
("officials said 5, residents said 8") become a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strikewatch.extract.numbers import NUMBER_RE, Quantity, _quantity
from strikewatch.model import Span

VICTIM = (
    r"(?:people|persons?|individuals?|militants?|terrorists?|insurgents?|fighters?|rebels?|"
    r"jihadists?|extremists?|suspects?|civilians?|non-combatants?|children|child|kids?|boys?|girls?|"
    r"women|men|man|woman|soldiers?|troops|policemen|police(?:men)?|officers?|guards?|members?|"
    r"commanders?|leaders?|operatives?|combatants?|tribesmen|tribesman|villagers?|residents?|"
    r"locals?|foreigners?|nationals?|Uzbeks?|Arabs?|Chechens?|Turkmens?|Uighurs?|Punjabis?|"
    r"Afghans?|Pakistanis?|Yemenis?|Somalis?|Syrians?|Iraqis?|Egyptians?|Saudis?|Germans?|"
    r"Taliban|Talibans|al[- ]Qaeda|Qaeda|Shabaab|Shabab|Haqqanis?|bodyguards?|family\s+members|"
    r"relatives|students|worshippers|others?|mourners|guests|passengers|occupants|brothers|"
    r"sisters|sons|daughters|wives|cousins|nephews|guards|drivers?|labou?rers|workers|farmers|"
    r"shepherds|traders|shopkeepers|teachers|elders|tribal\s+elders|jihadis|gunmen|recruits|"
    r"trainees|personnel|policemen|cadres|loyalists|volunteers|relatives|teenagers?|"
    r"youths?|minors|infants|babies|toddlers|Palestinians|Kurds|Lebanese|associates|aides|"
    r"medics|doctors|nurses|paramedics|rescuers|rescue\s+workers|aid\s+workers|health\s+workers|"
    r"journalists|patients|pilgrims|fishermen|herders|nomads|hunters|smugglers|"
    r"companions|comrades|colleagues|accomplices|followers|supporters|deputies|riders|bystanders|"
    r"pedestrians|motorists|commuters|inmates|prisoners|detainees|militiamen|servicemen|Houthis|"
    r"cadets|conscripts|guardsmen|elements|gunmen|herdsmen|refugees|migrants|evacuees|"
    r"crew(?:men|s)?|sailors|pilots|engineers|technicians|employees|contractors|protesters|demonstrators|"
    r"(?:of\s+)?them|victims?|casualties|dead|deaths|fatalities|bodies|lives|wanted\s+\w+)"
)
_DEMONYM = re.compile(r"(?:Uzbek|Arab|Chechen|Turkmen|Uighur|Punjabi|Afghan|Pakistani|Yemeni|Somali|Syrian|Iraqi|"
                      r"Egyptian|Saudi|German)")
# words allowed between a number and its victim noun ("four suspected al-Qaeda militants")
_MODIFIER = (
    r"(?:[A-Z][\w'’-]*|suspected|alleged|local|foreign|senior|top|key|mid-level|high-level|"
    r"high-value|low-level|armed|wanted|innocent|unidentified|unarmed|other|more|young|"
    r"pro-government|anti-government|hardcore|militant|terrorist|rebel|Taliban|Qaeda|al-Qaeda|al|"
    r"tribal|civilian|female|male|Islamist|jihadist|Afghan|Pakistani|Arab|foreign-born|"
    r"and|of|the|their|his|its|including|were|are)"
)
KILL = (
    r"(?:killed|killing|kills|kill|slain|slew|died|dead|death|deaths|lost\s+their\s+lives|"
    r"perished|eliminated|martyred|lives|massacred|neutrali[sz]ed|left\s+dead)"
)
INJURE = r"(?:injured|injuring|injuries|wounded|wounding|hurt|injures|wounds)"

# words that end the noun phrase after a number: prepositions, verbs, conjunctions
_BREAKS = frozenset(
    """
    in on at near by when while after before during from into over under with without to for
    as than that which who whom whose was were is are be been being had has have said says told
    killed killing died dead wounded injured hurt fired hit struck targeted or but so if
    since until per about around between among across inside outside through
    """.split()
)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:(?!(?:killed|dead|died|injured|wounded|in|on|at|near|by|when)\b)[\w-]+\s+){0,2}"
    r"(?:missiles?|rockets?|bombs?|drones?|shells?|houses?|homes?|"
    r"compounds?|vehicles?|cars?|trucks?|motorcycles?|buildings?|hideouts?|times?|km|kilomet\w*|"
    r"miles?|metres?|meters?|hours?|days?|weeks?|months?|years?|percent|per\s+cent|%|(?:air)?strikes?|"
    r"attacks?|raids?|sorties|rounds|shots|aircraft|planes|jets|targets?|locations?|sites?|"
    # ("11 Islamic State-Khorasan Province militants": a name's word, not eleven provinces)
    r"(?-i:districts?|provinces?|villages?|agencies)|projectiles|warheads|hellfire)\b",
    re.IGNORECASE,
)

_NUM_PHRASE = re.compile(NUMBER_RE.pattern, re.IGNORECASE | re.VERBOSE)

# number, then up to five modifiers, then a victim noun
_FIG_VICTIM = re.compile(
    # ("11 Islamic State-Khorasan Province (IS-KP) militants": an acronym in brackets among the words)
    rf"(?:(?:[-\w]+|\([-\w]+\))\s+){{0,5}}?(?P<victim>{VICTIM})\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Figure:
    """One stated casualty figure."""

    category: str  # killed, injured
    low: int | None
    high: int | None
    span: Span
    civilians: bool = False
    children: bool = False
    #: the figure is a part of a total stated beside it ("including three children")
    part: bool = False
    #: one victim implied by "killed a commander", not a stated figure
    single: bool = False
    #: joined to the figure before by "and": the two add up ("three militants and two civilians")
    joined: bool = False
    #: "the death toll rose to eight": replaces the earlier figures of the same source
    risen: bool = False
    #: "five others", "three other militants": in addition to victims told before
    others: bool = False
    #: the one named before the figure is already counted in it ("X and five others" = 6)
    with_named: bool = False
    #: "an earlier count of 28 dead had risen": a figure the report says was superseded
    earlier: bool = False
    #: "a farmer ... was also killed": one more than a toll told before, by whoever says so
    also: bool = False
    #: "two more people died": more than a toll told before, never than the people named
    more: bool = False


@dataclass(slots=True)
class Casualties:
    killed: tuple[int | None, int | None] = (None, None)
    civilians: tuple[int | None, int | None] = (None, None)
    children: tuple[int | None, int | None] = (None, None)
    injured: tuple[int | None, int | None] = (None, None)
    spans: dict[str, list[Span]] | None = None


_CHILD = re.compile(r"^(?:children|child|kids?|boys?|girls?)$", re.IGNORECASE)
_CIVIL = re.compile(r"^(?:civilians?|non-combatants?|villagers?|residents?|locals?|women|"
                    r"worshippers|students|mourners|guests|passengers)$", re.IGNORECASE)
_KILL_RE = re.compile(rf"\b{KILL}\b", re.IGNORECASE)
_INJ_RE = re.compile(rf"\b{INJURE}\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—-]\s|,\s+(?:while|but|whereas|and\s+(?:the|a|an)\s)|\bwhile\b|\bbut\b", re.IGNORECASE)


def _victim_after(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The victim noun right after a number: ``four (suspected) militants``."""
    window = text[pos:limit]
    if _NOT_PEOPLE.match(window):
        return None
    # "20 Islamic State (IS, also known as Daesh) militants": an aside in brackets is no break
    window = re.sub(r"\([^()]{0,60}\)", lambda b: " " * len(b.group()), window)
    # tokens between the number and the noun must be modifiers
    tokens = re.finditer(r"[\w'’-]+", window)
    for i, tok in enumerate(tokens):
        word = tok.group().strip("'’")
        if not word:
            continue
        if i > 6:
            return None
        if re.search(r",\s+(?:saying|adding|who|which|while|as|but)\b", window[: tok.end()]):
            return None  # "put the death toll at 10, saying four children ... were among the dead": another clause
        if re.fullmatch(VICTIM, word, re.IGNORECASE) and _DEMONYM.fullmatch(word) and re.match(
                r"\s+(?!(?:were|was|and|or|in|on|at|who|killed|died|dead|injured|wounded)\b)[a-z]",
                text[pos + tok.end() : limit]):
            continue  # "Two Pakistani intelligence officials said": a people's name as an adjective
        if re.fullmatch(VICTIM, word, re.IGNORECASE) or (
            word.lower() in ("family", "wanted") and False
        ):
            end = pos + tok.end()
            # "al Qaeda militants": extend over a following victim noun
            rest = re.match(rf"\s+(?:{_MODIFIER}\s+){{0,2}}(?P<v>{VICTIM})\b", text[end:limit],
                            re.IGNORECASE)
            if rest and word.lower() in ("taliban", "qaeda", "al-qaeda", "shabaab", "shabab", "haqqani", "haqqanis"):
                return re.match(r"[\s\S]*", text[pos : end + rest.end()])
            return re.match(r"[\s\S]*", text[pos:end])
        if word.lower() in ("of", "them") and i == 0:
            continue
        # "two IS members": the group's initials, not the verb
        if (word.lower() in _BREAKS and word != "IS") or word[0].isdigit():
            return None
        if (window[tok.end() : tok.end() + 1] in (",", ";", ":", ".") and i > 0) or (
                window[tok.end() : tok.end() + 1] in (",", ";", ":") and i == 0 and word.islower()):
            return None  # "nine members of one family, including women": the phrase ended
    return None


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Casualty figures in ``text[start:end]`` (one sentence or clause group)."""
    figures: list[Figure] = []
    bare: list[Quantity] = []
    for m in _NUM_PHRASE.finditer(text, start, end):
        q = _quantity(m)
        if q is None:
            continue
        fig = _figure_for(text, q, start, end)
        if (fig is None and q.low is not None and _IN_ALL.match(text, q.end, end)
                and re.search(r"[:–—]\s*$|\s-\s*$", text[max(start, q.start - 3) : q.start])
                and _KILL_RE.search(text, start, q.start)):
            # "his father was killed along with two of his brothers, a cousin and a guard: five
            # people in all": the sum of those listed before it
            for x in figures:
                if x.category == "killed":
                    x.part = True
            fig = Figure("killed", q.low, q.high, Span(q.start, q.end, q.text))
        if fig is None:
            bare.append(q)
        prev = figures[-1] if figures else None
        if (fig is not None and prev is not None and fig.category == "killed" and prev.category == "killed"
                and not prev.part and ":" in text[prev.span.end : q.start]):
            fig.part = True  # "listed seven dead ...: two of Kaleem's uncles, three cousins, ...": its parts
        # ("Three people, two women and a child, were killed": the three told again, part by part)
        listed = bool(prev is not None and re.fullmatch(r"\s+(?!(?:people|persons|civilians|victims)\b)[\w'’-]+"
                                                        r"(?:\s+[\w'’-]+)?,\s+", text[prev.span.end : q.start])
                      and re.match(r"\s+[\w'’-]+(?:\s+[\w'’-]+)?,?\s+and\s+(?:an?|one|two|three|four|five|\d+)\s",
                                   text[q.end : q.end + 50]))
        # "killed three men, two children and a woman": the list goes on with the verb's dead
        joined = prev is not None and (bool(_AND_JOIN.match(text[prev.span.end : q.start])) or listed)
        one = _ONE_AND.search(text, max(start, q.start - 140), q.start)
        if (fig is None and one is not None and q.low is not None
                and _victim_after(text, q.end, min(end, q.end + 80)) is not None):
            # ("killing a senior commander and at least one other fighter": two at least)
            fig = Figure("killed", q.low + 1, None if q.high is None else q.high + 1,
                         Span(one.start(), q.end, text[one.start() : q.end]))
        if fig is None and joined and prev is not None and not prev.part:
            # "killed three militants and two civilians": the second shares the verb
            victim = _victim_after(text, q.end, min(end, q.end + 80))
            if victim is not None and q.low is not None:
                noun = victim.group().split()[-1].lower()
                kids = bool(_CHILD.match(noun))
                fig = Figure(prev.category, q.low, q.high, Span(q.start, q.end, q.text),
                             bool(_CIVIL.match(noun)) or kids, kids)
        if (fig is not None and fig.category == "killed" and not fig.part and q.low is not None
                and q.low == q.high and (plain := _ONE_AND_PLAIN.search(text, max(start, q.start - 60), q.start))):
            # the N are a part; the one with them makes the total
            one_more = q.low + 1
            fig.part = True
            # "Two militants, a woman and her two children were killed": one more item of a list
            listed = (prev is not None and prev.category == "killed" and not prev.part
                      and bool(re.fullmatch(r"(?:\s+[\w'’-]+){0,3}?,\s+", text[prev.span.end : plain.start()])))
            figures.append(Figure("killed", one_more, one_more, fig.span, joined=listed))
        if (fig is not None and prev is not None and prev.category == "killed" and fig.category == "killed"
                and not fig.part and prev.low is not None and fig.low is not None
                and re.search(r"\b(?:killed|died)\s+(?:along\s+)?with\s+$", text[prev.span.end : q.start])
                and not re.search(r"[.;]", text[prev.span.end : q.start])):
            # "Two named militants ... killed with at least eight others": two and eight
            fig.low -= 1
            fig.high = fig.high - 1 if fig.high is not None else None
            fig.joined = True
            fig.part = False
            prev.part = False
            figures.append(fig)
            continue
        if fig is not None and (_EARLIER_COUNT.search(text, max(start, q.start - 60), q.start)
                                or _FIRST_STATEMENT.search(text, max(start, q.start - 120), q.start)):
            fig.earlier = True
        rise = _RISEN.search(text, max(start, q.start - 200), q.start) if fig is not None else None
        if fig is not None and _PERIOD_TOLL.search(text, max(start, q.start - 60), q.start):
            # "bringing the weekend death toll to 58": the toll of several strikes, not this one's
            continue
        if fig is not None and not fig.part and _SEPARATE_INCIDENTS.match(text, q.end, min(end, q.end + 160)):
            # "At least 14 persons, including four killed in a US drone strike, died in separate
            # incidents": a day's dead of many events
            continue
        if (fig is not None and fig.category == "killed" and fig.children
                and text.count('"', start, q.start) % 2 == 1):
            # '"Two little children died in their beds," he said': a witness tells some of the dead
            fig.part = True
        if (fig is not None and rise is not None
                # "X said however that ... bringing that toll to nine": another source's figure
                # ("Officials first said seven had died, but the toll rose to 10": a later count)
                and not re.search(r"\b(?:however|but|contradict\w*|disput\w+)\b(?![^.;]{0,12}\bthe\s+(?:death\s+)?toll\b)"
                                  r"(?!\s+(?:later\s+|then\s+)?(?:revised|raised|updated|corrected)\b)",
                                  text[start : q.start], re.IGNORECASE)):
            fig.risen = True
        elif (fig is not None and any(f.risen for f in figures)
              and re.match(r"\s+more\b", text[q.end : q.end + 8])):
            # "rose to nine after the bodies of two more were recovered": in the nine
            fig.part = True
        if (fig is not None and joined and prev is not None and prev.part and not fig.part
                and prev.category == fig.category):
            # "including three militants and two others": both are parts of the toll
            fig.part = True
        if fig is not None:
            # "killed seven, including three children": the part shares the total's verb
            if fig.part and figures and figures[-1].span != fig.span:
                fig.category = figures[-1].category
            fig.joined = bool(joined and prev is not None and prev.category == fig.category
                              and not fig.part and not prev.part)
            figures.append(fig)
    for q in bare:
        # "at least four, and possibly as many as six, Uzbek militants had died": the first
        # number shares the noun and the verb of the second
        link = _SHARED_NOUN.match(text, q.end, end)
        nxt = next((f for f in figures if link is not None and f.span.start == link.end()), None)
        if nxt is not None and q.low is not None:
            figures.append(Figure(nxt.category, q.low, q.high, Span(q.start, q.end, q.text),
                                  nxt.civilians, nxt.children, nxt.part))
    figures.sort(key=lambda f: f.span.start)
    figures = _and_one_more(text, end, figures)
    for m in [*_NAMED_WITH_LIST.finditer(text, start, end), *_KILLED_WITH_LIST.finditer(text, start, end)]:
        items = [i for i in re.split(r",\s*|\s+and\s+", m.group("list")) if i.strip()]
        n = 1
        counted = False
        for item in items:
            qs = [q for q in (_quantity(x) for x in _NUM_PHRASE.finditer(item)) if q is not None]
            n += qs[0].low if qs and qs[0].low is not None and qs[0].low == qs[0].high else 1
            counted = counted or bool(qs)
        if not any(f.category == "killed" and not f.part for f in figures):
            # the people named, not a count: a toll stated anywhere in the report wins; but "killed
            # along with his brother-in-law and four other men" states one, another source's
            figures.append(Figure("killed", n, n, Span(m.start(), m.end(), m.group()), single=not counted))
    figures.extend(_single_victims(text, start, end, figures))
    # "villagers said the only person killed was an elderly woman": another count, of one;
    # "a fourth man, a local shepherd, died of his wounds": the toll told so far, and one more
    for o in [*_ONLY_ONE.finditer(text, start, end), *_NTH_VICTIM.finditer(text, start, end)]:
        if not any(f.category == "killed" and o.start() <= f.span.start < o.end() for f in figures):
            n = _NTH[o.group("nth").lower()] if o.re is _NTH_VICTIM else 1
            figures.append(Figure("killed", n, n, Span(o.start(), o.end(), o.group())))
    nought = _NO_ONE.search(text, start, end)
    if nought is not None and not any(f.category == "killed" for f in figures):
        figures.append(Figure("killed", 0, 0, Span(nought.start(), nought.end(), nought.group())))
    for own in _OWN_DEAD.finditer(text, start, end):
        # "My brother, his wife and their three children were killed": a witness counts the
        # dead of one family, a part of the strike's toll (its floor when nothing else is said)
        for f in figures:
            if f.category == "killed" and own.start() <= f.span.start < own.end():
                f.part = True
    return figures


_OWN_DEAD = re.compile(
    r"\b(?:my|our)\s+(?:[\w'’-]+\s+){0,2}?(?:brothers?|sisters?|sons?|daughters?|father|mother|wife|"
    r"husband|uncles?|cousins?|nephews?|nieces?|children|kids|parents|relatives|family)\b"
    r"[^.;]{0,120}?\b(?:were|was)\s+(?:all\s+)?(?:killed|martyred|dead)\b",
    re.IGNORECASE,
)


# "missed its target; no one was hurt": a toll of nought, stated
_NO_ONE = re.compile(
    r"\b(?:no\s+one|nobody|no\s+one\s+else)\s+(?:was|were|has\s+been|had\s+been)\s+(?:killed|hurt|"
    r"injured|harmed|wounded)\b|\b(?:caused|causing|there\s+were)\s+no\s+(?:casualties|deaths)\b"
    # "wounding two men but killing no one"
    r"|\b(?:killing|killed|kills)\s+(?:no\s+one|nobody)\b"
    # "no casualties were reported as the occupants had got out": the strike killed no one
    r"|\bno\s+(?:casualties|deaths|fatalities)\s+(?:were|was|have\s+been)\s+reported\b(?=\s+(?:as|because|since)\b)"
    # "wounding two SDF fighters ... No deaths were reported in that attack"
    r"|\bno\s+(?:deaths|fatalities)\s+(?:were|was|have\s+been)\s+reported\s+in\s+(?:that|this|the)\s+(?:attack|strike)\b",
    re.IGNORECASE,
)


# "two women and a child": one more, named in the singular after a counted noun
_AND_ONE_MORE = re.compile(
    r"(?P<words>(?:\s+[\w'’-]+){1,6}?),?\s+and\s+(?:an?|one|their|his|her)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?P<noun>child|boy|girl|woman|man|civilian|militant|commander|fighter|relative|teenager|"
    r"driver|guard|student|farmer|elder|soldier|policeman|cleric|baby|infant)\b(?!\s+(?:of|who|whose)\b)",
    re.IGNORECASE,
)


def _and_one_more(text: str, end: int, figures: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figures:
        out.append(f)
        if f.category != "killed" or f.part or f.single or f.low is None or f.low != f.high:
            continue
        m = _AND_ONE_MORE.match(text, f.span.end, end)
        if m is None or any(w.lower() in _BREAKS for w in m.group("words").split()):
            continue
        words = m.group("words").split()
        if not re.fullmatch(VICTIM, words[0], re.IGNORECASE) and not re.fullmatch(
                VICTIM, words[-1], re.IGNORECASE):
            continue
        if any(m.start() <= g.span.start < m.end() for g in figures if g is not f):
            continue  # "six children and one woman": the one is a figure of its own
        noun = m.group("noun").lower()
        kids = bool(_CHILD.match(noun) or noun in ("baby", "infant"))
        civil = kids or noun in ("woman", "civilian", "farmer", "student")
        one = Figure("killed", 1, 1, Span(m.end() - len(m.group("noun")), m.end(), m.group("noun")),
                     civil, kids, joined=True)
        out.append(one)
    return out


def drop_singles(figures: list[Figure], named: int = 0) -> list[Figure]:
    """ "killed a senior commander" counts one only when no figure is stated.

    "Others" are others than victims told before them: "Anwar al-Awlaki was
    killed ... Three others were killed as well" is four, "Four were killed.
    Six others died too" ten.  ``named``: how many people the report names
    (the victims an "others" figure may follow).
    """
    for f in figures:
        told = [g for g in figures if g.category == "killed" and not g.single and not g.part
                and g.span.end < f.span.start and g.low is not None and g.low == g.high] or [
            # "Mansour was killed ... The driver of the vehicle ... was also killed": two
            g for g in figures if g.category == "killed" and g.single and not g.part and not g.also
            and g.span.end < f.span.start and g.low is not None and g.high in (g.low, None)]
        if (f.also and f.single and told and told[-1].low is not None
                # ("A fourth militant who was also killed": counted by its ordinal)
                and not re.search(r"(?i:\b(?:second|third|fourth|fifth|sixth|seventh)\b)", f.span.text)):
            # "Officials said four militants were killed. But elders said a farmer was also
            # killed": another count of the toll, one more
            n = told[-1].low + 1
            f.low, f.high, f.single = n, n, False
    out = [f for f in figures if not f.single] if any(
        f.category == "killed" and not f.single for f in figures) else list(figures)
    singles = [f for f in out if f.single and f.category == "killed" and f.low is not None]
    if len(singles) > 1:
        # "kills ISIS commander" over "killing a senior commander and his bodyguard": the
        # fuller count of the victims named
        most = max(f.low or 0 for f in singles)
        out = [f for f in out if not (f in singles and (f.low or 0) < most)]
    killed = [f for f in figures if f.category == "killed" and not f.part]
    for f in killed:
        if not f.others or f.joined or f.with_named or f.low is None or f.low != f.high:
            continue
        before = [g for g in killed if g.span.start < f.span.start and g is not f]
        if not before:
            if named and not f.more:
                _add(f, min(named, 3))  # the named victims the others are other than
            continue
        prev = before[-1]
        if prev.single:
            if prev.low is not None:
                _add(f, prev.low)
        elif prev.with_named:
            # "X was killed along with four commanders ... only two other men had died": the
            # others are others than X, a second count of the same toll
            _add(f, 1)
        elif not prev.others and not prev.risen:
            f.joined = True  # added to the toll before it
            if prev in out and f in out:
                out.remove(f)
                out.insert(out.index(prev) + 1, f)
    return out


def _add(f: Figure, n: int) -> None:
    """``n`` more victims than the figure says, on each bound it states."""
    f.low = f.low + n if f.low is not None else None
    f.high = f.high + n if f.high is not None else None


_PRE_KILL = re.compile(
    rf"\b(?:killed|killing|kills|kill|claimed\s+the\s+lives\s+of|left|leaving|neutrali[sz]ed|"
    rf"neutrali[sz]ing|eliminated|eliminating|martyred|number\s+of\s+(?:\w+\s+)?dead\s+at|"
    # "put the number of \"martyrs\" at six"
    rf"number\s+of\s+[\"“'‘]?(?:martyrs|dead|deaths|victims|fatalities)[\"”'’]?\s+at|"
    rf"(?:killing|killings|deaths?|murder)\s+of|"
    rf"death\s+toll\s+(?:\w+\s+){{0,5}}?(?:to|at|of)|toll\s+(?:\w+\s+){{0,3}}(?:to|at|of)|"
    # "raising the number of dead in the strike to five"
    rf"number\s+of\s+(?:the\s+)?(?:dead|deaths|those\s+killed)\s+(?:\w+\s+){{0,5}}?to|"
    # "Residents said the death toll was 10"
    rf"(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths))\s+(?:was|is|had\s+been|has\s+been|reached|had\s+reached)|toll|"
    rf"toll\b[^.;]{{0,160}}?\b(?:rose|risen|climbed|increased|jumped|went\s+up|reached)\s+to"
    rf"(?:\s+\d+\s+[^.;]{{0,40}}?\s+and\s+(?:then\s+)?to)?|"
    # "officials put the death toll at seven, but later revised it to nine"
    rf"(?:revised|raised|updated|corrected|lowered)\s+(?:it|that|the\s+(?:figure|toll|number|count))\s+to|"
    rf"bodies\s+of|remains\s+of|(?:killed|died)\s+(?:(?:along|together)\s+)?with|{INJURE}|injuring|wounding|"
    # "residents said the dead were five"
    rf"the\s+dead\s+(?:were|numbered|totall?ed)|those\s+killed\s+(?:numbered|totall?ed)|"
    # "the death toll could be as high as 20", "the number of dead could be as high as 35": hedged
    rf"(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|those\s+killed))\s+(?:\w+\s+){{0,2}}?"
    rf"(?:could|may|might|would)\s+(?:have\s+)?(?:be|been|reach|reached)|"
    rf"(?:killed|killing|kills)\s+(?:[\w'’-]+,?\s+){{1,8}}?(?:along|together)\s+with)\s+"
    rf"(?:(?:an?\s+)?(?:estimated|total\s+of|further|another|"
    rf"additional)\s+|(?:all|its|their|the|all\s+the)\s+)?(?:remaining\s+)?$",
    re.IGNORECASE,
)


_OTHER_EVENT_TOLL = re.compile(
    r"\bthe\s+(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,3}?(?:attack|attacks|bombing|bombings|siege|massacre|assault|raid|"
    r"shooting|hijacking)\b(?:(?!\b(?:drones?|strikes?)\b)[^.;]){0,100}?,?\s+(?:which|that)\s+(?:killed|left|claimed)\s+"
    r"(?:(?:the\s+lives\s+of|at\s+least|more\s+than|nearly|about|some)\s+)?$"
    # "believed to have helped plan the mall siege, in which 67 people were killed"
    r"|\bthe\s+(?:[\w'’-]+\s+){0,3}?(?:siege|massacre|bombings?|hijacking)\s*,?\s+in\s+which\s+"
    r"(?:(?:at\s+least|more\s+than|nearly|about|some)\s+)?$"
    # "in the first U.S. retaliation for the suicide bombing at Kabul airport that killed scores of
    # Afghans and 13 American service members": the toll of the attack the strike answered
    r"|\bthe\s+(?:suicide\s+|car\s+|truck\s+)?(?:bombing|blast|siege|massacre|shooting|attack)\s+(?:at|on|in)\s+"
    r"(?:(?!\b(?:drones?|strikes?|missiles?)\b)[^.;,]){1,60}?\s+(?:that|which)\s+(?:killed|left|claimed)\s+"
    r"(?:(?!\b(?:drones?|strikes?)\b)[^.;]{0,40}?\s+and\s+)?"
    r"(?:(?:the\s+lives\s+of|at\s+least|more\s+than|nearly|about|some)\s+)?$",
    re.IGNORECASE,
)


def _figure_for(text: str, q: Quantity, start: int, end: int) -> Figure | None:
    # Ignore years, dates and ordinals that the number grammar also accepts.
    before = text[max(start, q.start - 30) : q.start]
    after_end = min(end, q.end + 80)
    after = text[q.end : after_end]
    if re.match(r"\s*(?:st|nd|rd|th)\b|\s*-?\s*(?:year|month|week|day)s?[- ]old\b", after) or re.search(
        r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$",
        before,
    ):
        return None
    if re.match(r"\s*(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December)\b", after):
        return None
    if q.low is not None and 1900 <= q.low <= 2100 and q.high == q.low and q.text.isdigit():
        return None
    if re.search(r"\b(?:aged|ages|age\s+of|ages\s+of)\s+(?:between\s+)?$", text[max(start, q.start - 20) : q.start],
                 re.IGNORECASE):
        return None  # "Four girls aged between 15 and 18 were killed": their ages
    if _OTHER_EVENT_TOLL.search(text, max(start, q.start - 160), q.start):
        # "planned the 2013 attack on the Westgate shopping mall in Nairobi, which killed 67
        # people": the toll of the event that says who the target was
        return None
    victim = _victim_after(text, q.end, after_end)
    if victim is not None and re.match(
            r"\s*,?\s*whose\s+(?:\w+\s+){0,2}?(?:relatives|famil(?:y|ies)|sons|daughters|children|brothers|sisters|"
            r"fathers|parents|husbands|wives|kin|loved\s+ones)\b[^.;]{0,40}?\b(?:were|was|had\s+been|have\s+been)\s+killed",
            text[q.end + victim.end() : q.end + victim.end() + 90]):
        # "brought by three Yemenis whose relatives were killed": the three are not the dead
        return None
    if victim is not None and q.text.lower() in ("one", "a", "an") and re.match(
            r"\s+(?:(?:of\s+(?:the|them)\s+)?(?:[a-z][\w-]*\s+){0,3}?)(?:said|says|told|added|reported|claimed|recalled)\b",
            text[q.end + victim.end() : q.end + victim.end() + 60]) and not re.search(
            r"(?i:\b(?:killing|killed|kills|left|leaving)\s+$)", text[max(start, q.start - 12) : q.start]):
        return None  # "One resident said seven people had been killed": who spoke, not who died
    lower_text = q.text.lower()
    if lower_text in ("single", "a single") and re.search(r"\b(?:never|not|no|without)\b[^.;,]{0,30}$|n't\s+[^.;,]{0,30}$",
                                                         before, re.IGNORECASE):
        return None  # "the command had never acknowledged a single civilian death": none
    among = bool(_AMONG_DEAD.match(text, q.end, min(end, q.end + 110)))
    if victim is None and lower_text in ("a", "an", "one"):
        return None
    if victim is None and lower_text == "both":
        nxt = re.match(r"\s+([A-Za-z]+)", text[q.end : q.end + 20])
        if nxt and nxt.group(1).lower() not in _BOTH_WHO:
            return None  # "the militants cordoned off both areas": not people
        if _PRE_KILL.search(text[max(start, q.start - 30) : q.start]) or _BARE_KILLED.match(
                text[q.end : q.end + 30]):
            return Figure("killed", 2, 2, Span(q.start, q.end, q.text))
        return None
    clause_end = _clause_end(text, q.end, end)
    clause_start = _clause_start(text, q.start, start)
    pre = text[clause_start : q.start]
    post = text[(q.end + (victim.end() if victim else 0)) : clause_end]
    category = None
    if victim is not None:
        noun = victim.group().split()[-1]
        if noun.lower() in ("dead", "bodies", "lives", "casualties", "deaths", "fatalities"):
            if noun.lower() == "casualties":
                return None
            category = "killed"
        # "killing both of them", "both were killed": the pair named before
        if q.text.lower() == "both" and category is None and _KILL_RE.search(text, max(start, q.start - 20), q.end + 40):
            category = "killed"
        # "four militants were killed", "killing four militants"
        # the verb right before binds tightest ("killing four"), then the one after
        if category is None and _PRE_KILL.search(pre):
            category = "injured" if _INJ_RE.search(pre[-25:]) else "killed"
        post_head = post[:90]
        # "Two dozen militants, among them the group's wali, were killed": skip the aside
        # "More than ten militants of the banned TTP, including a commander, were killed"
        # (its commas lost: "At least 11 militants of the ISKP including four Pakistanis were killed")
        of_group = re.match(r"\s+of\s+(?:the\s+)?[^,;.]{1,70}?(?=,|\s+(?:including|among\s+them)\b)", post)
        rest = post[of_group.end():] if of_group else post
        aside = re.match(r"\s*,[^,;]{0,120},\s+(?=(?:were|was|have|had|are)\b)", rest) or re.match(
            r"\s*,?\s*(?:including|among\s+them)\b[^,;.]{0,100}?\s(?=(?:were|was|have\s+been|had\s+been)\s)",
            rest) or re.match(
            # "At least four persons, including the 'deputy chief' of the TTP, Waliur Rehman, were killed"
            r"\s*,\s*(?:including|among\s+them)\b[^;.]{0,140}?,\s+(?=(?:were|was|have\s+been|had\s+been)\s)", rest)
        if aside and of_group:
            post = rest
        if aside:
            post_head = post[aside.end() : aside.end() + 60]
        k = _KILL_RE.search(post_head)
        if k and re.search(r"\b(?:the|a)\s+$", post_head[: k.start()]) and re.match(
                r"(?:killings?|deaths?)\s+of\b", post_head[k.start():], re.IGNORECASE):
            # "Hundreds of tribesmen staged a protest ... against the killing of four civilians":
            # the dead are who follow "of", not the subject
            k = None
        other_num = re.search(_NUM_WORD + r"\s+(?:[a-z]+\s+){0,2}$", post_head[: k.start()], re.IGNORECASE) if k else None
        if other_num and re.search(r"\b(?:said|says|say|told|listed|counted|reported|had|has|have|which|who|whom|"
                                   r"according|interviewed)\b", post_head[: other_num.start()], re.IGNORECASE):
            # "two relatives interviewed separately listed seven dead", "the hospital, which had two
            # doctors on duty, said 45 people died": the dead are the other number's
            k = None
        i = _INJ_RE.search(post_head)
        if category is None:
            if k and (not i or k.start() < i.start()):
                category = "killed"
            elif i:
                category = "injured"
        if category is None and re.search(r"\b(?:killed|dead|died)\b", pre[-12:], re.IGNORECASE):
            category = "killed"
        if category is None and re.search(r"\b(?:was|were)\s+killed\b[^;]{0,80}?\b(?:along|together)\s+with\s+$|"
                                          r"\bdied\b[^;]{0,80}?\b(?:along|together)\s+with\s+$", pre):
            # "Nazir died in a drone strike near Wana on Jan. 2 along with at least five aides"
            category = "killed"
        if category is None and re.match(r"\s*(?:were|have\s+been|had\s+been)\s+buried\b(?!\s+(?:under|beneath|alive))",
                                         post_head):
            # "residents said 12 people were buried": the dead, counted at their graves
            category = "killed"
        if (category is None and _OCCUPANTS.match(post_head)
                and re.search(r"\b(?:killing|killed|kills|dead|died)\b", text[start:end], re.IGNORECASE) is None
                and not re.search(r"\b(?:surviv\w*|escaped|wounded|injured|hurt|unhurt|rescued|fled|jumped)\b",
                                  text[clause_start:end], re.IGNORECASE)):
            # "the missile killed all its passengers ... Residents said four men had been in the
            # car": those the strike killed, counted by who was inside
            category = "killed"
        if (category is None and re.search(r"\bamong\s+(?:(?:at\s+least|up\s+to|some|about)\s+)?$", pre)
                and _KILL_RE.search(pre)):
            # "killed four named commanders among 30 alleged militants": the thirty are the toll
            category = "killed"
        # "Fazlullah ... and four of his companions were also killed": four besides him
        others = bool(_OTHERS.match(text, q.end, q.end + 10) or _HIS_MEN_TOO.match(text, q.end, q.end + 90)
                      # "killed Adnan al-Qadhi, a suspected operative, and two of his companions"
                      or (re.match(r"\s+of\s+(?:his|her)\s", text[q.end : q.end + 10])
                          and _KILLED_NAME_AND.search(text[max(start, q.start - 180) : q.start])))
        if (category is None and others and not _ONE_AND.search(text, max(start, q.start - 80), q.start)
                and re.search(r"\b(?i:killed|killing|kills)\s+(?:(?:[A-Z][\w'’.-]*|al|bin|ibn|al-\w+),?\s+){1,5}?"
                              # "killing Hamid al-Radmi, a local man whom officials described as ..., and"
                              r"(?:(?i:an?|the|whom?|whose)\s[^;]{0,140}?,\s+)?"
                              r"(?i:and|along\s+with|together\s+with)\s+$", text[max(start, min(clause_start, q.start - 200)) : q.start])):
            # "killed Maulvi Nazir and five others": the verb governs both (and "killed Maulvi
            # Nazir, the most powerful militant commander in South Waziristan, along with five of
            # his associates", past the commas of the long apposition)
            category = "killed"
        # "killed the head of the Quds Force, Iraqi militia leader Abu Mahdi al-Muhandis and
        # eight other people": the people listed before the others, and the others
        listed = _listed_before_others(pre) if others else 0
        if category is None and listed:
            category = "killed"
        subject_with = category is None and others and _WAS_KILLED_WITH.search(pre)
        if subject_with:
            # "Sanaullah Jan was killed in a strike on his car with three others": he and the three
            category = "killed"
        if category is None:
            return None
        noun_l = noun.lower()
        children = bool(_CHILD.match(noun_l))
        civilians = bool(_CIVIL.match(noun_l)) or children
        # "killing 10 suspected Al-Qaeda members. Three civilians ... were also killed": the
        # civilians besides the militants, more dead than the toll told
        civilians_too = bool(civilians and not children and "," not in text[q.end : q.end + victim.start() + 1] and re.match(
            r"[^.;]{0,80}?\s(?:were|was)\s+also\s+killed\b", text[q.end + victim.end() : q.end + victim.end() + 110]))
        # "Malik Rahmatullah, who said he had lost two nephews, put the death toll at 32": his dead
        # are among the toll
        his_own_dead = bool(re.search(r"\b(?:lost|losing)\s+(?:(?:his|her|their|my|our)\s+)?$",
                                      text[max(start, q.start - 25) : q.start], re.IGNORECASE)) or bool(
            # "said Abdullah Al-Sabooli, whose brother and two nephews were killed": his dead
            # (but "whose brother and four other relatives were killed when a US drone fired
            # missiles at their house" tells the strike and its whole toll)
            re.search(r"\bwhose\s+(?:[\w'’-]+,?\s+){0,4}?$", text[max(start, q.start - 50) : q.start], re.IGNORECASE)
            and re.match(r"\s+(?:[\w'’-]+\s+){0,3}?(?:were|was|had\s+been|have\s+been)\s+(?:also\s+)?killed\s*"
                         r"(?:[.,;:\"”]|$)", text[q.end : q.end + 80]))
        part = among or his_own_dead or bool(re.search(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|"
                              r"among\s+the\s+(?:dead|killed|victims)\s+(?:were|was|are))\s*$",
                              text[max(start, q.start - 35) : q.start], re.IGNORECASE)
                    # "four men, including Al-Radmi, his two guards and his driver": the list goes on
                    or re.search(r"\b(?:including|among\s+them)\s+[^;.()]{1,60}?(?:,\s+(?:and\s+)?|\s+and\s+)"
                                 r"(?:his|her|their|the)?\s*$",
                                 text[max(start, q.start - 80) : q.start], re.IGNORECASE)
                    # "the three militants, among four, killed": three of a stated four
                    # "12 of the dead were militants", "one of the men killed": a part of a toll
                    or (q.text.lower() != "both"
                        and re.match(r"\s+of\s+(?:the|those|them|whom)\b", text[q.end : q.end + 12])
                        # "killing four of them": the toll, the verb right before it
                        and not re.search(r"\b(?:killing|killed|kills)\s+$", pre))
                    or re.match(r"[^.;]{0,50}?\s(?:were|was)\s+(?:also\s+)?among\s+(?:the\s+dead|those\s+killed|"
                                r"the\s+victims)", text[q.end + victim.end() : q.end + victim.end() + 90])
                    # "Two militants who had taken shelter there were also killed": more of a
                    # toll stated before, not another figure for it
                    or (not others and not civilians_too  # "five other people were also killed": more, not a part
                        and re.match(r"(?:(?!,\s+(?:saying|adding|who|which)\b)[^.;]){0,80}?\s(?:were|was)\s+also\s+"
                                     r"(?:killed|among\s+the\s+dead)\b",
                                     text[q.end + victim.end() : q.end + victim.end() + 110]))
                    # ("three members of the SDF, the group said": a group, not a toll they are of)
                    or re.match(r"\s*,?\s*(?:among|out\s+of|of)\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|"
                                r"eight|nine|ten|eleven|twelve|dozen|dozens|\w+teen|\w+ty)\s*,",
                                text[q.end + victim.end() : clause_end + 30], re.IGNORECASE)
                    # "4 named commanders among 30 alleged militants killed": four of the thirty
                    # (but "killing 13 persons, among them four men": the four are the 13's)
                    or re.match(r"\s*,?\s*(?:were\s+)?among\s+(?:(?:at\s+least|up\s+to|some|about)\s+)?"
                                r"(?:\d+|(?!them\b|whom\b|those\b|these\b)[a-z]+)(?:-\d+)?\s+"
                                r"(?:[\w-]+\s+){0,3}?(?:people|militants|persons|fighters|men|killed|dead)\b",
                                text[q.end + victim.end() : clause_end + 30], re.IGNORECASE))
        fig = Figure(category, q.low, q.high, Span(q.start, q.end, q.text), civilians, children, part)
        # "Mawlawi Amir Mohammad along with four other militants": the named one and four more
        with_named = _WITH_NAMED.search(text[max(start, q.start - 40) : q.start])
        with_one = with_named is not None and bool(
            re.match(r"\s+(?:others?|more|of\s+(?:his|her|their))\b", text[q.end : q.end + 12])
            or re.search(r"(?:his|her|their)\s+$", with_named.group())
            # "the leader, along with four militants": he and the four
            or re.search(r"(?:along|together|killed|died)\s+with\s+$", with_named.group())
            # "Nasrullah and two associated insurgents were killed": the named one, and the two
            or (re.search(r"\band\s+$", with_named.group()) and victim is not None
                # (but "Ten Taliban and 4 civilians were killed": a count, not a name)
                and not re.search(r"(?i:(?:\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                  r"dozens?|several|many|some|all))\s+$)",
                                  text[max(start, q.start - 40) : max(start, q.start - 40) + with_named.start()])
                and re.match(r"\s+(?:were|had\s+been|have\s+been)\s+(?:also\s+|all\s+)?killed\b",
                             text[q.end + victim.end() : q.end + victim.end() + 40])))
        # "two of his guards died with him": he and the two
        with_one = with_one or bool(re.match(
            r"\s+(?:also\s+)?(?:died|were\s+(?:also\s+)?killed|perished)\s+(?:along\s+|together\s+)?with\s+"
            r"(?:him|her)\b", text[q.end + victim.end() : q.end + victim.end() + 50], re.IGNORECASE))
        with_one = with_one or bool(subject_with)
        # "A Taliban shadow district governor and four of his fighters were killed": he and the four
        with_one = with_one or bool(
            re.match(r"\s+of\s+(?:his|her)\b", text[q.end : q.end + 10])
            and (re.search(r"\b(?:an?|the)\s+(?:[\w\"“”'-]+\s+){0,4}?(?:governor|commander|leader|chief|head|"
                           r"militant|man|woman|cleric|emir|official)"
                           # ("killed a senior commander of the Haqqani network and two of his fighters")
                           r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s+and\s+$",
                           text[max(start, q.start - 110) : q.start],
                           re.IGNORECASE)
                 # "killed Adnan al-Qadhi, a suspected al-Qaeda operative, and two of his companions"
                 or _KILLED_NAME_AND.search(text[max(start, q.start - 180) : q.start])))
        # "Mehsud, his second wife and seven bodyguards were killed": those listed, and the seven
        listed_people = _PEOPLE_LIST.search(text, max(start, q.start - 120), q.start)
        if (listed_people is not None and not listed and not with_one
                and re.match(r"\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+)?killed|\s+(?:all\s+)?died",
                             text[q.end + victim.end() : q.end + victim.end() + 30])):
            listed = len(re.split(r",\s+", listed_people.group("list")))
        two = _TWO_WITH.search(text[max(start, q.start - 80) : q.start]) or (
            with_one and _PAIR_WHO_WITH.search(text[max(start, q.start - 240) : q.start]))
        if category == "killed" and not part and (listed > 1 or (listed_people is not None and listed and not others)):
            _add(fig, listed)
            fig.with_named = True
        elif category == "killed" and not part and (two or with_one):
            # "Woman and child killed along with four suspected militants": the two and the four
            _add(fig, 2 if two else 1)
            fig.with_named = True
        fig.others = (others or civilians_too) and category == "killed"
        fig.more = fig.others and (text.startswith("more", q.end + 1) or civilians_too)
        if fig.others and re.search(r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:son|brother|nephew|driver|bodyguard|guard|wife|"
                                    r"cousin|father|aide)\s*,?\s+and\s+(?:(?:at\s+least|some|about|nearly)\s+)?$", pre):
            # "the spokesman Abu Firas, his son and at least 20 other jihadists": the son too
            _add(fig, 1)
        return fig
    # no victim noun: "the death toll rose to 12", "12 dead", "killing 12"
    # ("The toll was initially put at four, but later rose to six": the toll's clause goes on)
    toll_goes_on = bool(re.fullmatch(r"\s*(?:later\s+|then\s+|subsequently\s+)?(?:rose|risen|climbed|increased|jumped|"
                                     r"went\s+up)\s+to\s+(?:at\s+least\s+)?", pre)
                        and re.search(r"\btoll\b[^.;]{0,80}$", text[max(start, clause_start - 90) : clause_start]))
    if (re.search(r"\bthe\s+(?:number|figure|count)\s+(?:could|may|might|would)\s+(?:have\s+)?(?:be|been|reach|rise\s+to|"
                  r"climb\s+to)\s+$"
                  # "One of the injured died in hospital, which takes the number to 17"
                  r"|\b(?:takes?|took|taking|brings?|brought|bringing|rais(?:es|ed|ing))\s+the\s+(?:total\s+)?number\s+to\s+"
                  r"(?:at\s+least\s+)?$", pre, re.IGNORECASE)
            # (the nearer of the words for the dead and the wounded says whose number it is)
            and (kills := list(_KILL_RE.finditer(text, max(start, q.start - 160), q.start)))
            and not any(w.start() > kills[-1].start() for w in _INJ_RE.finditer(text, max(start, q.start - 160), q.start))):
        # "At least five people were killed, and one official told us the number could be as
        # high as six": the toll just told, hedged upwards
        return Figure("killed", q.low, q.high, Span(q.start, q.end, q.text))
    if (_PRE_KILL.search(pre) or toll_goes_on) and not _NOT_PEOPLE.match(after):
        cat = "injured" if _INJ_RE.search(pre[-25:]) else "killed"
        if re.match(r"\s*(?:others?|more|people)\b", after, re.IGNORECASE) or re.match(
                r"\s*[,.;:)]|\s+(?:and|in|on|at|near|when|while|during|as|after|with|following|late|early|later|"
                r"overnight|yesterday|today|by|"
                r"including|by|from|the|according|officials|sources|residents|said)\b|\s*$", after):
            return Figure(cat, q.low, q.high, Span(q.start, q.end, q.text))
    if _BARE_KILLED.match(after) and not _NOT_PEOPLE.match(after):
        return Figure("killed", q.low, q.high, Span(q.start, q.end, q.text))
    if _BARE_INJURED.match(after):
        return Figure("injured", q.low, q.high, Span(q.start, q.end, q.text))
    return None


_PERSON_ITEM = r"(?:(?!(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Dozens|Several|Some|Many|At|About|The|A|An)\b)(?-i:[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+)?[A-Z][\w'’-]+){0,3})|(?:his|her|their)\s+(?:[a-z-]+\s+)?[a-z-]+)"
_PEOPLE_LIST = re.compile(
    rf"(?:^|\b(?:said|that|say|says)\s+|[.;:]\s+)(?P<list>{_PERSON_ITEM}(?:,\s+{_PERSON_ITEM})*),?\s+and\s+$"
)
_KILLED_LIST = re.compile(r"\b(?:killed|killing|kills)\s+(?P<list>[^;.]{3,220}?),?\s+(?:and|along\s+with|"
                          r"together\s+with)\s+$")


def _listed_before_others(pre: str) -> int:
    """How many people a list names before "and N others": the first item, and every later
    one that opens on a capital ("X, Iraqi militia leader Y and eight others" is two);
    "X, a local man whom ..., and four others" is one, its appositive no other person."""
    m = _KILLED_LIST.search(pre)
    if m is None:
        return 0
    chunks = [c.strip() for c in re.split(r",\s+", m.group("list")) if c.strip()]
    if not chunks or not re.search(r"\b[A-Z]", chunks[0]):
        return 0
    rest = chunks[1:]
    if rest and re.match(r"(?:an?|the)\s", chunks[0]) and re.fullmatch(
            r"(?:[A-Z][\w'’-]*|al|bin|ibn|ul|el)(?:\s+(?:[A-Z][\w'’-]*|al|bin|ibn|ul|el|al-[\w'’-]+))*", rest[0]):
        rest = rest[1:]  # "a senior al-Shabaab commander, Ismail Dheere, along with four": the man described, named
    return 1 + sum(1 for c in rest if c[:1].isupper() and not re.match(r"(?:The|A|An|Who)\b", c))


_SEPARATE_INCIDENTS = re.compile(r"[^.;]{0,140}?\b(?:died|were\s+killed|killed)\s+in\s+(?:separate|different|various|"
                                 r"several|multiple)\s+(?:incidents|attacks|strikes|clashes)\b", re.IGNORECASE)
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_ONLY_ONE = re.compile(r"\bthe\s+only\s+(?:person|one|victim|casualty|fatality|man|woman)\s+(?:killed|who\s+(?:was\s+killed|died))\b",
                       re.IGNORECASE)
_NTH_VICTIM = re.compile(
    r"\b(?:a|the)\s+(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:man|woman|person|victim|fighter|militant|civilian|boy|girl|child|member|passenger|occupant)\b"
    r"[^.;]{0,90}?\b(?:also\s+)?(?:died|was\s+(?:also\s+)?killed|succumbed)\b"
    # "residents said a fourth body was recovered from the rubble later in the day"
    r"|body\s+(?:was|had\s+been)\s+(?:later\s+)?(?:recovered|found|pulled|retrieved|dug\s+out)\b)",
    re.IGNORECASE,
)
_SHARED_NOUN = re.compile(r",?\s+(?:and|or|but)\s+(?:possibly|perhaps|maybe|probably|even)?\s*")
_EARLIER_COUNT = re.compile(r"\b(?:earlier|initial|previous|preliminary|original|first)\s+(?:death\s+)?"
                            r"(?:count|toll|figure|tally|estimate)s?\s+(?:of|had\s+been|was|at)\s+"
                            r"(?:at\s+least\s+|some\s+|about\s+)?$"
                            # "Initial reports said three people had been killed, but officials later said"
                            # "The ministry had initially put the death toll at seven, but raised it to ten"
                            r"|\b(?:initially|first|earlier)\s+(?:put|gave|given|said|reported|estimated)\s+(?:that\s+)?"
                            # "Officials had earlier given a toll of 20 dead, which rose through Thursday"
                            r"(?:(?:the|a)\s+(?:death\s+)?toll\s+(?:at|as|of)\s+)?(?:at\s+least\s+)?$"
                            r"|\b(?:initial|earlier|early|first|preliminary)\s+reports\s+(?:had\s+)?(?:said|put|suggested|"
                            r"indicated|spoke\s+of)\s+(?:that\s+)?(?:the\s+(?:death\s+)?toll\s+at\s+)?(?:at\s+least\s+)?$",
                            re.IGNORECASE)
# "The political administration's first statement that afternoon described the dead as
# 'around two dozen militants'. By nightfall officials were saying 38 people had died"
_FIRST_STATEMENT = re.compile(r"\b(?:first|initial|earliest|original)\s+(?:statements?|reports?|accounts?|announcements?|"
                              r"figures?|estimates?)\b(?:(?!\b(?:but|later|however|now|since)\b)[^.;]){0,60}?"
                              r"\b(?:described|put|said|gave|spoke\s+of|reported|counted)\b"
                              r"(?:(?!\b(?:but|later|however|now|since)\b)[^.;]){0,40}?$", re.IGNORECASE)
_PERIOD_TOLL = re.compile(r"\b(?:weekend|week'?s?|month'?s?|year'?s?|overall|total|combined|cumulative|"
                          r"campaign'?s?|offensive'?s?)\s+(?:\w+\s+){0,2}?(?:death\s+)?toll\s+(?:\w+\s+){0,3}?"
                          r"(?:to|at|of)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|about\s+)?$",
                          re.IGNORECASE)
_PERSON = r"(?:woman|man|child|boy|girl|baby|commander|leader|son|daughter|wife|husband|brother|father|mother)"
_TWO_WITH = re.compile(
    rf"(?:^|[.;:]\s*|\b(?:a|an|the)\s+)(?:[\w-]+\s+)?{_PERSON}\s+and\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?"
    rf"{_PERSON}\s+(?:were\s+)?(?:killed|died)\s+(?:along\s+|together\s+)?with\s+$",
    re.IGNORECASE,
)
# "Qassem Soleimani and ... Abu Mahdi al-Muhandis, who were killed in a US drone strike near
# Baghdad International Airport on January 3, 2020, along with eight others": the two, and the eight
_PAIR_WHO_WITH = re.compile(
    r"(?-i:[A-Z][\w'’-]+)\s+and\s+(?:[\w'’-]+\s+){0,8}?(?-i:(?:al-|el-)?[A-Z][\w'’-]+),\s+who\s+were\s+(?:both\s+)?killed\b"
    r"[^.;]{0,140}?(?:along|together)\s+with\s+$",
    re.IGNORECASE,
)
_WAS_KILLED_WITH = re.compile(r"\b(?:was|has\s+been|had\s+been)\s+killed\b[^.;]{0,80}?\s(?:along\s+|together\s+)?with\s+$",
                              re.IGNORECASE)
_OTHERS = re.compile(r"\s+others?\b|\s+other\s|\s+more\s+(?!than\b)", re.IGNORECASE)
_NUM_WORD = r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)"
#: what may follow "both" when it counts people ("both were killed", "both of them", "both men")
_BOTH_WHO = {"were", "was", "had", "have", "died", "of", "killed", "are", "being", "men", "women", "brothers",
             "sons", "victims", "militants", "civilians", "children", "sisters", "daughters", "commanders",
             "fighters", "leaders", "the", "his", "her", "their", "later", "reportedly", "also", "instantly",
             "on", "in", "at", "when", "and"}
_IN_ALL = re.compile(r"\s+(?:(?:people|persons|men|dead|victims|bodies)\s+)?(?:in\s+all|in\s+total|altogether|all\s+told)\b",
                     re.IGNORECASE)
_KILLED_NAME_AND = re.compile(r"\b(?:killed|killing)\s+(?-i:[A-Z][\w'’-]+(?:\s+(?:al-|al\s+|bin\s+|ibn\s+)?[A-Z][\w'’-]+){0,3})"
                              r"(?:,\s+[^;.]{3,120}?,)?\s+(?:and|along\s+with|together\s+with)\s+$")
_OCCUPANTS = re.compile(r"\s*(?:had\s+been|were)\s+(?:(?:travel?ling|riding|sitting|sleeping)\s+)?(?:in|inside)\s+"
                        r"the\s+(?:[\w-]+\s+)?(?:car|vehicle|pickup|truck|jeep|van)\b", re.IGNORECASE)
_HIS_MEN_TOO = re.compile(
    r"\s+of\s+(?:his|her)\s+(?:[\w-]+\s+)?(?:companions|guards|bodyguards|fighters|men|associates|aides|comrades|"
    r"followers|relatives|family\s+members|sons|brothers|nephews|cousins)\s+(?:were|had\s+been|have\s+been)\s+"
    r"also\s+(?:killed|among\s+the\s+dead)\b|\s+of\s+(?:his|her)\s+(?:[\w-]+\s+)?[\w-]+\s+also\s+died\b",
    re.IGNORECASE,
)


# "Two local commanders of the TTP were among the dead", "... were among the five people
# killed": a part of a toll stated elsewhere
_AMONG_DEAD = re.compile(
    r"[^.;]{0,70}?\s(?:(?:were|was)\s+(?:also\s+|reportedly\s+)?)?among\s+(?:the\s+|those\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:dead|killed|victims|fatalities)\b",
    re.IGNORECASE,
)
_RISEN = re.compile(r"\b(?:toll|number\s+of\s+(?:the\s+)?dead)\b[^.;]{0,160}?\s(?:later\s+|has\s+|had\s+)?"
                    r"(?:rose|risen|climbed|increased|jumped|went\s+up|reached)\s+to\s+(?:at\s+least\s+)?"
                    # "rose to 12 by early Thursday and to 17 by the afternoon"
                    r"(?:\d+\s+[^.;]{0,40}?\s+and\s+(?:then\s+)?to\s+(?:at\s+least\s+)?)?$"
                    # "raising the death toll in the strike to 11", "bringing the toll to nine"
                    r"|\b(?:rais\w+|bring\w*|brought|tak\w+|took|push\w+)\s+(?:the\s+)?(?:\w+\s+)?"
                    # ("One of the injured died in hospital, which takes the number to 17")
                    r"(?:toll|number(?:\s+of\s+(?:the\s+)?dead)?)\b[^.;]{0,60}?\sto\s+(?:at\s+least\s+)?$"
                    # "By the following afternoon, ... the ministry put the toll at ten": a later count
                    r"|\b(?:by\s+the\s+(?:following|next)\s+(?:day|morning|afternoon|evening)|by\s+(?:Monday|Tuesday|"
                    r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b[^.;]{0,90}?"
                    r"\bput\s+the\s+(?:death\s+)?toll\s+at\s+(?:at\s+least\s+)?$"
                    r"|\b(?:toll|figure|count)\b[^.;]{0,100}?\s(?:revised|raised|updated|increased|corrected)\s+"
                    r"(?:it|that|the\s+(?:figure|toll|number|count))\s+to\s+(?:at\s+least\s+)?$",
                    re.IGNORECASE)
# the words between two figures of one list: "militants and ", "civilians, and "
_AND_JOIN = re.compile(r"^(?:\s+[\w'’-]+){0,3}?,?\s+and\s+$"
                       # "four members of the Lashkar-e-Islam and two children"
                       r"|^\s+[\w'’-]+\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+,?\s+and\s+$")
_WITH_NAMED = re.compile(r"(?:[A-Z][a-z'’]+,?\s+(?:along\s+with|together\s+with|and)|"
                         # "killed Hamid Al-Radmi, a suspected Al-Qaeda leader, and four other men"
                         r"[A-Z][\w'’-]+,\s+(?:an?|the)\s+[^,;.()]{1,60},\s+(?:along\s+with|together\s+with|and)|"
                         # "whose brother and four other relatives were killed"
                         r"\b(?:his|her|their|whose)\s+(?:brother|son|father|mother|wife|husband|uncle|cousin|"
                         r"nephew|daughter|grandson|driver|guard|host|bodyguard|aide|deputy|companion|associate)"
                         r"(?:-in-law)?\s+(?:and|along\s+with|together\s+with)|"
                         r"\b(?:along|together)\s+with|\b(?:killed|died)\s+with)\s+(?:(?:his|her|their)\s+)?$")
# "a woman and her two children who were killed": the one, and the N with her
_ONE_AND_PLAIN = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:woman|man|mother|father|farmer|driver|boy|girl|"
    r"commander|leader|shepherd|teacher|elder)\s+and\s+(?:his|her|their)\s+$",
    re.IGNORECASE,
)
# "Mawlawi Gul Raheem, along with his son and a nephew, was killed": one and a short list
_NAMED_WITH_LIST = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*,\s+(?:along|together)\s+with\s+(?P<list>[^,;.]{3,80}),\s+"
    r"(?:was|were|had\s+been|have\s+been)\s+(?:reportedly\s+)?killed\b"
)
# "Abdul Wahid Swati ... was killed along with his son and two guards in a drone strike"
_KILLED_WITH_LIST = re.compile(
    r"\bwas\s+(?:reportedly\s+)?killed\s+(?:along|together)\s+with\s+"
    r"(?P<list>(?:his|her)\s+[^,;.]{2,60}?)(?=\s+(?:in|when|as|on|at|near|after|by)\b|[,.;]|$)"
)
# "killed a senior IS official and two of his bodyguards": the one named, and the others
_ONE_AND = re.compile(
    r"\b(?:killed|killing|kills)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:official|commander|leader|head|"
    r"chief|militant|member|man|woman|driver|fighter|cleric|operative|emir|spokesman|boy|girl|child|"
    r"civilian|teenager|student|farmer|shepherd|soldier|policeman|guard|relative)"
    # "killed a commander of the Sinjar Resistance Units (YBS) and two of his companions"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?:\s+\([\w'’ -]{1,30}\))?)?"
    # "killed a local Taliban commander, Gul Zaman, and three of his guards"
    r"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},)?\s+"
    r"(?:and|along\s+with|together\s+with)\s+$"
    # "killed the head of Islamic State's Afghan affiliate, Mawlawi Zia ul-Haq Orakzai, along with"
    r"|\b(?:killed|killing|kills)\s+the\s+(?:head|leader|chief|commander)\s+of\s+[^,;.]{3,60},\s+"
    r"(?:[A-Z][\w'’-]*|ul|al|bin)(?:[\s-]+(?:[A-Z][\w'’-]*|ul|al|bin)){0,5},\s+(?:along|together)\s+with\s+$",
    re.IGNORECASE,
)
_BARE_KILLED = re.compile(
    r"\s+(?:were|have\s+been|had\s+been|was|are)?\s*(?:reportedly\s+|reported\s+|confirmed\s+)?(?:killed|dead)\b"
    # "Residents said seven had died", "three died in that strike"
    r"|\s+(?:had\s+|have\s+)?(?:also\s+)?died\b"
    # "All three in the car were killed"
    r"|\s+(?:in|inside)\s+the\s+(?:car|vehicle|house|compound|truck|pick-?up|jeep|van)\s+(?:were|had\s+been)\s+"
    r"(?:all\s+)?killed\b"
    # "residents said 12 people were buried": the dead, counted at their graves
    r"|\s+(?:people\s+|persons\s+|bodies\s+)?(?:were|have\s+been|had\s+been)\s+buried\b",
    re.IGNORECASE,
)
_BARE_INJURED = re.compile(
    r"\s+(?:were|have\s+been|was)?\s*(?:reportedly\s+)?(?:injured|wounded)\b", re.IGNORECASE
)


def _clause_end(text: str, pos: int, end: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, end)
    return m.start() if m else end


def _clause_start(text: str, pos: int, start: int) -> int:
    last = start
    for m in _CLAUSE_BREAK.finditer(text, start, pos):
        last = m.end()
    return last


_SINGLE = re.compile(
    r"\b(?:killed|killing|kills|eliminated)\s+(?:an?\s+|the\s+)?(?:(?:senior|top|key|"
    r"local|suspected|wanted|prominent|high-ranking|high-profile|veteran|notorious|Taliban|al[- ]Qaeda|"
    r"Haqqani|militant|TTP|AQAP|Shabaab|IS|ISIS|Daesh|Egyptian|Saudi|Yemeni|Uzbek|Arab|foreign)\s+){0,3}"
    r"(?:commander|leader|chief|militant|operative|cleric|financier|spokesman|deputy|member|fighter|"
    r"trainer|ideologue|bomb[- ]?maker|figure)\b"
    # "killing a 63-year-old man", "killed a woman": one person, whoever it was
    r"|\b(?:killed|killing|kills)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|child|civilian|farmer|"
    r"shepherd|teenager|student|soldier|policeman|resident|villager|pensioner|worker|labourer|laborer|"
    r"guard|driver|fisherman|trader|doctor|nurse|journalist|teacher|imam|elder)\b"
    # "killed a 16-year-old boy who was tending his family's goats" is one; "a man whose ..." is not told
    r"(?!\s+(?:whose|of)\b)(?!\s+who\b(?!\s+(?:was|were)\s+\w+ing\b))"
    r"|(?-i:\b[A-Z][a-z'’]+(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][a-z'’-]+)+),\s+(?:a|an|the)\s+[^,;]{3,80},\s+"
    r"(?:was|had\s+been|has\s+been)\s+killed\b"
    # "... when she was killed by a US drone strike": one person, the toll unsaid
    # ("US officials said he died in a drone strike in North Waziristan")
    r"|(?P<pron>\b(?:he|she)\s+(?:was\s+(?:reportedly\s+)?killed\b|died\b(?=\s+in\s+an?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strike|attack|raid)\b)))"
    # "Anwar al-Awlaki was killed": a named man, his toll unsaid
    r"|(?P<named>(?-i:\b[A-Z][a-z'’]+(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][a-z'’-]+)+\s+(?:was|had\s+been|has\s+been)\s+"
    r"(?:reportedly\s+)?killed\b))"
    # "A senior al-Qaeda leader, Abu al-Khayr al-Masri, was killed": the title before the name
    r"|(?P<titled>\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:commander|leader|chief|cleric|militant|operative|"
    r"spokesman|deputy|financier|ideologue),\s+(?-i:(?:[A-Z][a-z'’]+|al-[A-Z][a-z'’]+|al)(?:[\s-]+(?:al-|bin\s+|ibn\s+)?[A-Z][a-z'’-]+)+),"
    r"\s+(?:was|had\s+been|has\s+been)\s+(?:reportedly\s+)?killed\b)"
    r"|\b(?:an?\s+|the\s+|another\s+)(?:[\w-]+\s+){0,3}?(?:commander|leader|chief|"
    r"militant|operative|cleric|civilian|child|boy|girl|man|woman|farmer|driver|shepherd|teenager|"
    r"fighter|member|soldier|policeman|student|figure)\s+(?:(?!(?:said|says|told|and)\s)[\w,'’-]+\s+){0,9}?"
    # "a farmer who was driving his donkey cart along the road was also killed"
    r"(?:was|(?:has|had)\s+(?:also\s+)?been)\s+(?:also\s+)?(?:reportedly\s+)?(?:killed|martyred)\b",
    re.IGNORECASE,
)


_ONE_NOUN = (r"(?:commander|leader|chief|militant|operative|cleric|official|fighter|member|man|woman|"
             r"civilian|driver|guard|bodyguard|aide|son|brother|nephew|companion|associate|deputy|soldier|"
             r"jihadist|insurgent|extremist|terrorist|marine|medic|sailor|pilot|policeman|officer|child|boy|girl|"
             r"farmer|shepherd|student|teacher|doctor|nurse|journalist|worker|villager|resident|teenager|elder)")
# "killing a field commander of the Kataib Hezbollah faction and another fighter": two
_PAIR = re.compile(
    rf"\b(?:killed|killing|kills)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,4}}?{_ONE_NOUN}"
    rf"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+(?:\s+\([\w'’ -]{{1,30}}\))?)?,?\s+(?:and|along\s+with)\s+"
    rf"(?:another|one\s+other|his|her|a)\s+(?:[a-z-]+\s+)?{_ONE_NOUN}\b(?!\s+(?:of|whose|who\s+was)\b)",
    re.IGNORECASE,
)
# "An al-Qaeda field commander and another militant were killed on Monday night": two
_PAIR_SUBJECT = re.compile(
    rf"\b(?:an?|the)\s+(?:[\w'’-]+\s+){{0,4}}?{_ONE_NOUN}\s+and\s+(?:another|one\s+other|a|his|her)\s+"
    rf"(?:[a-z-]+\s+)?{_ONE_NOUN}\s+(?:were|had\s+been|have\s+been)\s+(?:reportedly\s+)?killed\b",
    re.IGNORECASE,
)
_SHIFT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                **{str(i): i for i in range(1, 10)}}
# "Abu al-Khayr al-Masri was killed along with another man travelling with him": two
_KILLED_WITH_ONE = re.compile(
    rf"\b(?:was|had\s+been|has\s+been)\s+killed\b[^.;]{{0,60}}?\b(?:(?:along|together)\s+)?with\s+(?:another|one\s+other)\s+"
    rf"(?:[a-z-]+\s+)?{_ONE_NOUN}\b",
    re.IGNORECASE,
)
_NAME_AND_ONE = re.compile(
    # ("killing YBS commander Marwan Bedal and his nephew": a title before the name)
    rf"\b(?:killing|killed)\s+(?:(?-i:[A-Z]{{2,6}}\s+)?(?:commander|leader|chief|cleric|militant)\s+)?(?-i:[A-Z][a-z'’]+(?:\s+(?:al-|al\s+|bin\s+|ibn\s+)?[A-Z][a-z'’-]+){{0,3}})"
    # "killing Sahal Iskudhuq, a senior al-Shabab commander in charge of ..., along with another
    # militant", "killing Said Hassan, a senior commander of the YBS, and his nephew"
    # ("killed Mushtaq Talib al-Saidi, known as Abu Taqwa, a commander of the group Harakat
    # al-Nujaba, and one of his aides")
    rf"(?:,\s+(?:(?:an?|the)\s+[^;.]{{3,120}}?|known\s+as\s+[^;.]{{3,150}}?),)?\s+(?:and|along\s+with|together\s+with)\s+"
    rf"(?:(?:his|her|the|a|another|one\s+other)\s+(?:[a-z-]+\s+)?{_ONE_NOUN}\b(?!\s+(?:of|whose|who\s+was)\b)"
    rf"|one\s+of\s+(?:his|her)\s+(?:[a-z-]+\s+)?(?:aides|guards|bodyguards|companions|sons|brothers|associates|deputies|"
    rf"men|fighters|drivers|relatives)\b)",
    re.IGNORECASE,
)
_PRONOUN_VICTIMS = re.compile(
    r"\b(?:killing|killed)\s+(?:him|her)(?:\s+and\s+(?:(?:his|her)\s+(?P<other>[a-z]+)"
    # "killing him and one of his guards", "killing him and two others"
    r"|(?P<n>one|two|three|four|five|six|\d)\s+(?:of\s+(?:his|her)\s+[a-z]+|others?|more)))?\b",
    re.IGNORECASE,
)


_KILLED_NAME = re.compile(
    r"\b(?:killed|killing)\s+(?P<nm>(?:(?:Maulana|Maulvi|Mullah|Qari|Haji|Sheikh|Mufti|Hafiz|Abu)\s+)?"
    r"[A-Z][a-z'’]+(?:[- ](?:(?:al|ul|ur|ud|bin|ibn|abu|el)[- ])?[A-Z][a-z'’]+){1,3})\b(?![- ]?[A-Z])"
)
_NOT_A_NAME = re.compile(
    r"(?:US|U|American|British|Pakistani|Afghan|Yemeni|Somali|Syrian|Iraqi|Libyan|Turkish|Israeli|Russian|"
    r"Taliban|Islamic|North|South|East|West|Upper|Lower|Haqqani|Tehreek|Tehrik|Al|Qaeda|Shabaab|"
    r"Frontier|Border|Security|Afghanistan|Pakistan|Yemen|Somalia|Syria|Iraq|Libya|Datta|Mir|Miran|"
    r"Miram|Dera|Lashkar|Jaish|Hizb|Ansar|Harkat|Jamaat|Kurdish|Kurdistan|Sinjar)\b"
)


_PERSONAL_NAME = re.compile(
    r"(?-i:[A-Z][a-z'’]+\s+(?:al|el|bin|ibn)[- ][A-Z][a-z'’]+)|\b(?:identified\s+as|named)\s+(?-i:[A-Z])",
)


def _names_someone(words: str) -> bool:
    """ "A senior operative identified as Abu Bakr al-Dosari was killed": a man named, whose
    toll the text leaves open (one at least)."""
    return _PERSONAL_NAME.search(words) is not None


def _single_victims(text: str, start: int, end: int, found: list[Figure]) -> list[Figure]:
    """"killed a senior commander", "killing him and his companion": deaths without a number."""
    if any(f.category == "killed" for f in found):
        return []
    p = _PRONOUN_VICTIMS.search(text, start, end)
    if p is not None:
        n = 2 if p.group("other") and not p.group("other").endswith("s") else 1
        if p.group("n"):
            n = 1 + _SHIFT_WORDS.get(p.group("n").lower(), 1)
        return [Figure("killed", n, n, Span(p.start(), p.end(), p.group()), single=True)]
    named_pair = _NAME_AND_ONE.search(text, start, end)
    if named_pair is not None:
        # "killing Mansour and the driver": the strike's dead as this source tells them, a toll
        # beside another source's count ("a local elder said four people were killed")
        return [Figure("killed", 2, 2, Span(named_pair.start(), named_pair.end(), named_pair.group()))]
    pair = _PAIR.search(text, start, end) or _PAIR_SUBJECT.search(text, start, end) or _KILLED_WITH_ONE.search(
        text, start, end)
    if pair is not None:
        return [Figure("killed", 2, 2, Span(pair.start(), pair.end(), pair.group()), single=True)]
    m = _SINGLE.search(text, start, end)
    if not m:
        # "A US drone strike reportedly killed Abdulrahman al-Wuhayshi": a named man, his toll unsaid
        k = _KILLED_NAME.search(text, start, end)
        if k is not None and not _NOT_A_NAME.match(k.group("nm")):
            return [Figure("killed", 1, None, Span(k.start(), k.end(), k.group()), single=True)]
        return []
    if _NTH_VICTIM.match(text, m.start(), end):
        return []  # "a second man in the car was also killed": counted by its ordinal
    # "a taxi driver who was killed in the strike on Mansour": one of the dead, not the toll
    also = bool(re.search(r"\balso\s+(?:been\s+)?(?:killed|martyred)\b", m.group(), re.IGNORECASE)
                or re.match(r"(?i:another\s)", m.group()))
    if re.match(r"\s+and\s+(?:several|some|many|a\s+number|dozens|scores)\s+(?:of\s+)?", text[m.end() : m.end() + 30],
                re.IGNORECASE):
        # "killed a senior Taliban commander and several of his fighters": more than one, unsaid
        return [Figure("killed", 2, None, Span(m.start(), m.end(), m.group()), single=True)]
    # ("Harith al Nadhari, another member of the sharia council, was killed": named before it)
    named_before = bool(re.search(r"(?-i:[A-Z][a-z'’]+(?:\s+(?:al|el|bin|ibn)[- ]?)?\s+[A-Z][a-z'’-]+),\s*$",
                                  text[max(0, m.start() - 60) : m.start()]))
    high = None if (m.group("named") or m.group("pron") or m.group("titled") or _names_someone(m.group()[1:])
                    or named_before
                    or (not also and re.search(r"\b(?:who|whom|among)\b", m.group(), re.IGNORECASE))) else 1
    return [Figure("killed", 1, high, Span(m.start(), m.end(), m.group()), single=True, also=also)]


def combine(figures: list[Figure]) -> Casualties:
    """Merge a report's figures into ranges, keeping categories apart."""
    out = Casualties(spans={})
    assert out.spans is not None
    if any(f.category == "killed" and not f.earlier for f in figures):
        # "an earlier count of 28 dead had risen": the later figures stand
        figures = [f for f in figures if not f.earlier]
    totals = [f for f in figures if f.category == "killed" and not f.part]
    # a figure of civilians alone counts as killed when no total is stated
    killed = totals or [f for f in figures if f.category == "killed"]
    if killed and not totals:
        # only parts ("including three children") are stated: their sum is a floor
        parts = [f for f in killed if f.low is not None]
        if parts:
            low = sum(f.low or 0 for f in parts)
            out.killed = (low, None)
            out.spans["killed"] = [f.span for f in killed]
    elif killed:
        risen = [f for f in killed if f.risen]
        if risen:
            # a toll that rose later in the report replaces what was said before it
            last = risen[-1]
            # "rose to five ... Three men were killed outright": the three are in the five
            killed = [last] + [f for f in killed if f.span.start > last.span.start
                               and (f.risen or (f.low or 0) > (last.high or last.low or 0))]
        out.killed = _range(_collapse_sums(killed))
        out.spans["killed"] = [f.span for f in killed]
    civ = [f for f in figures if f.category == "killed" and f.civilians]
    # "nine civilians, including six children": the six are among the nine
    civ = [f for f in civ if not (f.children and f.part and any(
        not g.children and g.span.start < f.span.start for g in civ))]
    if civ:
        out.civilians = _range(_collapse_sums(civ))
        out.spans["civilians"] = [f.span for f in civ]
    kids = [f for f in figures if f.category == "killed" and f.children]
    if kids:
        out.children = _range(kids)
        out.spans["children"] = [f.span for f in kids]
    inj = [f for f in figures if f.category == "injured" and not f.part]
    if inj:
        out.injured = _range(inj)
        out.spans["injured"] = [f.span for f in inj]
    return out


def _collapse_sums(figs: list[Figure]) -> list[Figure]:
    """ "three militants and two civilians were killed": figures joined by "and" add up."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        if f.joined and prev is not None and f.low is not None and prev.low is not None:
            # "two militants and at least two others": at least four
            high = prev.high + f.high if f.high is not None and prev.high is not None else None
            out[-1] = Figure("killed", prev.low + f.low, high, prev.span)
            continue
        out.append(f)
    return out


def _range(figs: list[Figure]) -> tuple[int | None, int | None]:
    lows = [f.low for f in figs if f.low is not None]
    highs = [f.high for f in figs if f.high is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    # an open-ended figure ("at least 8") above every stated maximum leaves
    # the maximum open
    if high is not None and any(f.high is None and f.low is not None and f.low >= high for f in figs):
        high = None
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high

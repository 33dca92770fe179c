"""Frames about the same strike become one mention; the rest stay apart.

Within one article a strike is usually told several times: the lead
("Tuesday's US drone strike"), the facts ("the strike ... killed four"), a
back-reference ("the July 10 strike"). Frames merge when nothing they say
conflicts (date, place, aggregate or not) and something links them (the
same date or place, or a definite back-reference); "a second strike" never
merges.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from strikewatch.extract import casualties
from strikewatch.extract.dates import SAYING_VERBS, DateExpr, find_dates, is_reporting_date
from strikewatch.extract.gazetteer import fold
from strikewatch.extract.numbers import parse_number
from strikewatch.extract.state import DocState, Frame
from strikewatch.model import Mention, Place, Span

#: figures above this for one strike are taken as errors of the source
MAX_PLAUSIBLE_KILLED = 2000
_ANOTHER = re.compile(r"(?i:\b(?:another|later|subsequent)\b)")
_PLACE_RANK = {"village": 0, "town": 0, "city": 1, "district": 2, "province": 3, "country": 4}
COMPONENT = "assemble.v1"


@dataclass(slots=True)
class _Group:
    frames: list[Frame] = field(default_factory=list)
    ordinal: int | None = None

    @property
    def head(self) -> Frame:
        return self.frames[0]

    def date(self) -> DateExpr | None:
        return _best_date([f.date for f in self.frames if f.date is not None],
                          [f.date for f in self.frames if f.date is not None and f.date_names_strike])

    def district(self) -> str | None:
        for f in self.frames:
            if f.place and f.place[1].district:
                return f.place[1].district
        return None

    def killed(self) -> tuple[int | None, int | None]:
        return casualties.combine([x for f in self.frames for x in f.figures]).killed

    def village(self) -> str | None:
        for f in self.frames:
            if f.place and f.place[1].precision in ("village", "town", "city"):
                return f.place[1].name
        return None


def _best_date(ds: list[DateExpr], named_days: list[DateExpr] | None = None) -> DateExpr | None:
    order = {"day": 0, "partial_day": 1, "month": 2, "partial_month": 3}
    ds = [d for d in ds if d.precision in order]
    if not ds:
        return None
    best = min(ds, key=lambda d: order[d.precision or "partial_month"])
    if best.kind == "weekday" and best.date is not None and named_days:
        # "It was a Monday, a little after one ... the Sept. 18 strike": the date the text names
        # for that Monday, not the Monday before the paper
        named = next((d for d in named_days if d.kind == "explicit" and d.precision == "day" and d.date is not None
                      and d.date.weekday() == best.date.weekday() and d.date != best.date), None)
        if named is not None:
            return named
    return best


def _dates_conflict(a: DateExpr | None, b: DateExpr | None) -> bool:
    if a is None or b is None:
        return False
    if a.date and b.date:
        return abs((a.date - b.date).days) > 1
    if a.month and b.month and a.month != b.month:
        return True
    return bool(a.day and b.day and a.month == b.month and a.day != b.day)


def _same_weekday_named(a: DateExpr | None, b: DateExpr | None) -> bool:
    """ "It was a Monday ... the Sept. 18 strike": a weekday read against the paper's date and
    the explicit date of that weekday name one day, told two ways."""
    if a is None or b is None or a.date is None or b.date is None:
        return False
    kinds = {a.kind, b.kind}
    return kinds == {"weekday", "explicit"} and a.date.weekday() == b.date.weekday()


def _days_differ(a: DateExpr | None, b: DateExpr | None) -> bool:
    return bool(a is not None and b is not None and a.precision == "day" and b.precision == "day"
                and a.date is not None and b.date is not None and a.date != b.date)


def _dates_agree(a: DateExpr | None, b: DateExpr | None) -> bool:
    if a is None or b is None:
        return False
    if a.date and b.date:
        return a.date == b.date
    return a.month == b.month and a.day == b.day and a.day is not None


def _compatible(group: _Group, f: Frame) -> bool:
    head = group.head
    if head.type != f.type or head.aggregate != f.aggregate:
        return False
    if _dates_conflict(group.date(), f.date) and not (f.date_names_strike and _same_weekday_named(group.date(), f.date)):
        return False
    # "a Russian drone ... In Russia, a Ukrainian drone ...": two sides, two strikes
    # ("the drone", a definite reference, is the strike told before whoever it names)
    p1 = {g.perpetrator[1] for g in group.frames if g.perpetrator}
    if (f.perpetrator and p1 and f.perpetrator[1] not in p1
            and not f.sentence.text[: f.trigger.start - f.sentence.start].lower().endswith("the ")):
        return False
    d1 = group.district()
    d2 = f.place[1].district if f.place else None
    if d1 and d2 and d1 != d2 and not _village_area_unsaid(group, f):
        return False
    v1 = group.village()
    v2 = f.place[1].name if f.place and f.place[1].precision in ("village", "town", "city") else None
    said = fold(f.sentence.text)
    if v1 and v2 and v1 != v2 and any(_named_close(said, name) for name in {fold(v1)} | {
            fold(g.place[0].text) for g in group.frames if g.place is not None}):
        # "a hideout in the Sandapal area of Tirah" after "the remote Tirah valley": inside it
        # ("in the Dande Darpakhel area, about five kilometres north of Miramshah": the town as spelt)
        return True
    return not (v1 and v2 and v1 != v2)


def _named_close(said: str, name: str) -> bool:
    """The town is named in the sentence, and not as a point far away ("some 40 kilometres west
    of Miramshah" is not Miramshah; "about five kilometres north of Miramshah" is its outskirts)."""
    i = said.find(name)
    if not name or i < 0:
        return False
    far = re.search(r"(\d+)\s*(?:km|kilomet\w*|miles?)\b[^.;,]{0,30}$", said[max(0, i - 60) : i])
    return far is None or int(far.group(1)) <= 10


def _village_area_unsaid(group: _Group, f: Frame) -> bool:
    """ "... fired missiles at a compound in Pakistan's Orakzai tribal region ... two missiles hit
    a house in Khadezai village": a village the gazetteer knows only in another district (a
    namesake), the frame naming no district itself, in a group whose district the text named."""
    assert f.place is not None
    place = f.place[1]
    if (place.precision != "village" or f.date is not None or f.distinct
            or f.sentence.index - max(g.sentence.index for g in group.frames) > 2):
        return False  # (a strike of its own day, or told apart, is its own place's)
    said = fold(f.sentence.text)
    if place.district and fold(place.district) in said:
        return False
    return any(g.place and g.place[1].precision in ("district", "province") and g.place[1].district == group.district()
               for g in group.frames)


def _linked(group: _Group, f: Frame, alone: bool = False) -> bool:
    if f.anaphoric:
        d = group.date()
        # "It was the deadliest attack since June 23, when missiles ... killed more than 60": the
        # words point back, but the day and the toll are another strike's
        return not (d is not None and f.date is not None and d.precision == f.date.precision == "day"
                    and not _dates_agree(d, f.date) and f.figures and _tolls_clash(group, f)
                    and _since_when(f))
    if _TIME_OPENER.match(f.sentence.text) and f.figures and _tolls_clash(group, f):
        return False  # "In the afternoon, a drone struck a pickup truck ..., killing five": another strike
    d = group.date()
    if (d is not None and d.precision in ("day", "partial_day") and f.figures
            and not re.search(r"(?i:\bthe\s+(?:strike|attack)\b)", f.sentence.text)
            and _EARLIER_PERIOD.search(f.sentence.text)):
        return False  # "Earlier this month, a U.S. drone strike near Kunyo Barrow killed three": before it
    if _dates_agree(group.date(), f.date):
        return True
    d1, d2 = group.district(), (f.place[1].district if f.place else None)
    if (d1 and d1 == d2 and (group.date() is None or f.date is None)
            # ("At dawn, a drone ... in Marib, killing six ... On Tuesday, four were killed when a
            # drone hit their vehicle in Marib": a day and a toll of its own, another strike)
            and not _own_day_and_toll(group, f)):
        return True
    # "the drone strike" after "a drone strike": a definite reference, no new facts
    if f.date is None and not f.figures and not f.place:
        return True
    head = group.head
    if f.date is None and head.date is None and not (f.figures and head.figures):
        return True
    # the story goes on: nothing conflicts and it follows closely (a story of one strike
    # tells it again further down, after the quotes: "They said he was hit by a missile fired
    # from a drone on Wednesday afternoon")
    last = max(g.sentence.index for g in group.frames)
    reach = 8 if alone else 3
    if alone and f.date is None and f.place is None and group.date() is not None:
        # ("An Al-Shabaab-affiliated website said three of its fighters had been 'martyred' in
        # what it called an American attack", far down a story of one strike: that strike)
        reach = 40
    return f.sentence.index - last <= reach and (f.date is None or group.date() is None)


def _since_when(f: Frame) -> bool:
    """The frame's day is told as "since June 23, when missiles struck ...": that day's strike."""
    if f.date is None or f.date.precision != "day" or not f.figures:
        return False
    text = f.sentence.text
    lo, hi = f.date.start - f.sentence.start, f.date.end - f.sentence.start
    return bool(re.search(r"\bsince\s+$", text[max(0, lo - 7) : lo]) and re.match(r",?\s+when\b", text[hi : hi + 8]))


def _tolls_clash(group: _Group, f: Frame) -> bool:
    """Both state a toll, and no number is in both."""
    return not _ranges_meet(casualties.combine(f.figures).killed, group.killed())


def _ranges_meet(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Do two killed ranges share a number (a range never stated shares every one)?"""
    if a == (None, None) or b == (None, None):
        return True
    lo = max(v for v in (a[0], b[0], 0) if v is not None)
    hi = min((v for v in (a[1], b[1]) if v is not None), default=None)
    return hi is None or lo <= hi


def _own_day_and_toll(group: _Group, f: Frame) -> bool:
    """ "At dawn, a drone ... in Marib, killing six ... On Tuesday, four were killed when a drone
    hit their vehicle in Marib": a day and a toll of its own, against the toll told: another strike."""
    timed = f.date is not None and f.date.precision == "day"
    # "In the afternoon, a drone struck a pickup truck ..., killing five": a time of its own
    timed = timed or bool(_TIME_OPENER.match(f.sentence.text))
    if not timed or not f.figures:
        return False
    return _tolls_clash(group, f)


_EARLIER_PERIOD = re.compile(r"\b(?:[Ee]arlier|[Ll]ater)\s+(?:this|that|in\s+the)\s+(?:week|month)\b|\b[Ll]ast\s+(?:week|month)\b")
_TIME_OPENER = re.compile(r"\s*(?:In|By|Later\s+in|Late\s+in|Early\s+in)\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\b|"
                          r"\s*(?:Later\s+(?:that|the\s+same)\s+(?:day|evening|night)|(?:Hours|Minutes|Moments)\s+later|"
                          r"(?:Shortly|Soon)\s+(?:afterwards?|after\s+that|thereafter)|"
                          # "Earlier on Wednesday, a drone fired a missile at two men ..., killing both"
                          r"(?:Earlier|Later)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                          # "Also on Thursday, a drone fired a missile at a car ... nobody was hurt"
                          r"Also\s+(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                          r"Earlier\s+(?:in\s+the\s+day|that\s+day|the\s+same\s+day))\b",
                          re.IGNORECASE)


def assemble(state: DocState) -> tuple[list[Mention], list[Mention]]:
    """Merge frames into mentions; returns (reported, excluded)."""
    groups: list[_Group] = []
    excluded: list[Mention] = []
    previous: Frame | None = None
    last: _Group | None = None
    for f in state.frames:
        if f.status == "merged":
            continue
        if (f.anaphoric and previous is not None and previous.type != "drone_strike"
                # ("a man wanted for the 2002 bombing of a French oil tanker ... [six sentences] ...
                # the strike, which hit late Tuesday": history named in passing, long before)
                and (previous.status == "reported" or f.sentence.index - previous.sentence.index <= 2)):
            # "the attack" right after a bombing refers to the bombing
            state.note(COMPONENT, f"'{f.trigger.text}' refers to the {previous.type} before it",
                       f.trigger)
            continue
        if not f.anaphoric:
            previous = f
        if f.status != "reported":
            if f.type == "drone_strike" and not f.anaphoric:
                excluded.append(_to_mention(state, _Group([f])))
            continue
        target = None
        # ("In the afternoon, as several thousand people gathered for his funeral prayers, drones
        # fired at least three missiles into the crowd", its toll told after: a time of its own)
        bare = not (f.distinct or _own_facts(f) or (_TIME_OPENER.match(f.sentence.text) and f.figures))
        singles = [g for g in groups if not g.head.aggregate]
        if f.ordinal is not None:
            # "the first strike" is the story's first; "the second drone" its second
            if f.ordinal == -1:
                if (singles and _compatible(singles[-1], f) and not any(g.head.aggregate for g in groups)
                        # ("The last strike in South Waziristan, on April 29, killed six": a day of
                        # its own, which the strike told last does not have: the one before it)
                        and (f.date is None or f.date.precision != "day" or _dates_agree(singles[-1].date(), f.date))):
                    target = singles[-1]
            else:
                # ("In the evening, a second drone missile struck a man ..., killing him" is not the
                # second strike told before, which killed two)
                # ("the first missile hit a pick-up, killing two": a part of the strike, not another)
                # ("the second strike hit a house ..., bringing that toll to nine": the strike told,
                # by another source; "a second drone missile ... killing him": another strike)
                parts_of_one = bool(re.search(r"(?i:missile|rocket|bomb)", f.trigger.text)) or bool(
                    re.search(r"(?i:\bthe\s+$)", state.text[max(0, f.trigger.start - 5) : f.trigger.start]))
                # (a lead told in the plural, "US drones fired missiles ... killing at least 11",
                # holds the first strike's five: it is split from it later)
                candidates = singles
                if (f.date is not None and f.date.kind == "weekday" and f.date.precision == "day"
                        and f.scope[0] <= f.date.start < f.scope[1]):
                    # "The third attack on Wednesday came late at night": the third of that day's
                    same_day = [g for g in singles if _dates_agree(g.date(), f.date)]
                    if len(same_day) >= f.ordinal and same_day[f.ordinal - 1].ordinal is not None:
                        candidates = [same_day[f.ordinal - 1]]
                        candidates[0].ordinal = f.ordinal
                    else:
                        # (none of that day's counted that far: a strike of its own, unless the
                        # story's n-th told agrees with it: "In Thursday's second attack")
                        parts_of_one = False
                target = next((g for g in candidates if g.ordinal == f.ordinal and _compatible(g, f)
                               # ("The first of Wednesday's three strikes" after Thursday's strike was
                               # told first: the first of another day)
                               and not _days_differ(g.date(), f.date)
                               and (parts_of_one or not _tolls_clash(g, f)
                                    or re.search(r"(?i:\b(?:drones|strikes|attacks|raids)\b)", g.head.trigger.text))),
                              None)
                if (target is None and f.date is None and not f.figures and f.place is None and groups
                        and re.search(r"(?i:\bthe\s+$)", state.text[max(0, f.trigger.start - 5) : f.trigger.start])):
                    # "most of those killed in the second attack were rescuers": the second of
                    # strikes told together, named again, with nothing of its own
                    state.note(COMPONENT, f"'{f.trigger.text}' names a strike told together before", f.trigger)
                    continue
        elif bare and groups and not (_parted(state, f) and (last if last is not None else groups[-1]).head.aggregate):
            # "after being hit by the drones": no fact of its own, part of the strike told last
            target = last if last is not None else groups[-1]
        elif (not f.distinct and not f.anaphoric and last is not None and last.ordinal and last.head.ordinal
              and f.sentence.index - max(x.sentence.index for x in last.frames) == 1
              and not any(x.scope[0] <= fig.span.start < x.scope[1] for x in last.frames for fig in x.figures)
              and f.figures
              and not _dates_conflict(last.date(), f.date)):
            # "The second attack was carried out at about 11pm in Shakai. Officials said a spy plane
            # fired four missiles on a house in Tanai village, killing 12": the second attack, told
            target = last
        elif not f.distinct:
            # the strike the story spoke of last comes first, then the others, newest first
            order = ([last] if last is not None else []) + [g for g in reversed(groups) if g is not last]
            # "two US drone attacks on Mana ... The vehicles caught fire after being hit by the
            # drones ... In the second attack, ...": told part by part, the aggregate's first
            # part is a strike of its own, not more of the aggregate
            parted = _parted(state, f)
            if f.date is not None and f.date.date is not None and f.date.precision == "day":
                # "In Thursday's strike, ..." after Wednesday's strike was told: the strike of its
                # own day, though a day apart may be one strike told by two clocks
                same_day = [g for g in order if (d := g.date()) is not None and d.date == f.date.date]
                order = same_day + [g for g in order if g not in same_day]
            for g in order:
                if parted and g.head.aggregate and not f.anaphoric:
                    continue
                if ((sd := _series_day(state, g)) is not None and f.date is not None and (
                        _dates_conflict(sd, f.date)
                        or (f.date.precision == "day" and f.date.date is not None and sd.date != f.date.date))):
                    # "In the first attack, drones fired missiles at two vehicles in Tirah, killing
                    # seven" under a lead of Friday; "On Thursday, a drone strike on a vehicle in
                    # Tirah killed seven people": the day before, another strike
                    continue
                if _compatible(g, f) and _linked(g, f, alone=len(groups) == 1 and not groups[0].head.aggregate):
                    target = g
                    break
        if target is not None:
            if (f.place is not None and (d1 := target.district()) and f.place[1].district != d1
                    and _village_area_unsaid(target, f)):
                f.place = None  # a namesake elsewhere: the district the text named stands
            target.frames.append(f)
            if target.ordinal is None and not target.head.aggregate and not _is_title(state, f):
                # a headline's strike told in the body takes its place in the story's count
                target.ordinal = sum(1 for g2 in groups if g2.ordinal is not None and g2.head.type == f.type) + 1
            last = target
            state.note(COMPONENT, f"sentence {f.sentence.index} joins the strike of sentence "
                       f"{target.head.sentence.index}", f.trigger)
        elif not f.anaphoric or _since_when(f):
            # (words that point back, with a day and a toll that fit no strike told: another one)
            if not (f.distinct or _anchored(state, f)):
                f.status = "background"
                f.reasons.append("no date, place, toll or named target: talk about strikes")
                state.note(COMPONENT, "no date, place, toll or named target of its own", f.trigger)
                if f.type == "drone_strike":
                    excluded.append(_to_mention(state, _Group([f])))
                continue
            g = _Group([f])
            # (a headline sums the story up: it is none of its numbered strikes)
            if not f.aggregate and not _is_title(state, f):
                # the n-th strike the story tells; "another" implies one told before it
                # (a bombing told between the strikes is not one of the series)
                n = sum(1 for g2 in singles if g2.head.type == f.type and g2.ordinal is not None) + 1
                if f.ordinal and f.ordinal > 0:
                    n = f.ordinal
                elif f.distinct and not singles and _ANOTHER.search(
                        state.text, max(f.scope[0], f.trigger.start - 30), f.trigger.end):
                    n = 2
                g.ordinal = n
            groups.append(g)
            if not _named_in_passing(state, f, last):
                last = g
    groups = _summary_before_parts(state, groups)
    _inherit_series_dates(state, groups)
    _days_before_told(state, groups)
    _day_before_the_strike(state, groups)
    _came_days_after(state, groups)
    _same_area(state, groups)
    _later_that_day(state, groups)
    _area_named_before(state, groups)
    groups = _merge_retold(state, groups)
    groups = _merge_beyond_count(state, groups)
    groups = _merge_same_facts(state, groups)
    groups = _merge_day_of_month(state, groups)
    singles = [g for g in groups if not g.head.aggregate]
    kept: list[_Group] = []
    for g in groups:
        parts = [s for s in singles if s.head.type == g.head.type and not _dates_conflict(g.date(), s.date())]
        if g.head.aggregate and len(parts) >= 2 and not _more_than_its_parts(state, g, parts):
            # "drones struck twice, five dead" and then each strike told: the parts are the events
            state.note(COMPONENT, "aggregate told strike by strike: its parts are reported instead",
                       g.head.trigger)
            excluded.append(_to_mention(state, g))
            excluded[-1].status = "aggregate_total"
            continue
        kept.append(g)
    kept = _drop_lone_headline(state, kept, excluded)
    _place_in_story_area(state, kept)
    mentions = [_to_mention(state, g) for g in kept]
    return mentions, excluded


def _more_than_its_parts(state: DocState, g: _Group, parts: list[_Group]) -> bool:
    """ "Drones have struck at least four times this month, killing some 18" over two strikes
    told: a period's count holds strikes the story does not tell, so it stands as well."""
    d = g.date()
    lo, hi = g.head.scope
    month = re.search(r"(?i:\bsince\s+the\s+(?:beginning|start)\s+of\s+the\s+month\b|\b(?:so\s+far\s+)?this\s+month\b)",
                      state.text[lo:hi])
    if d is not None and d.precision in ("day", "partial_day") and month is None:
        return False  # a day's strikes, summed in the lead: the parts told are the events
    total = g.killed()[0]
    told = [p.killed() for p in parts]
    if total is not None and all(k[1] is not None for k in told) and total > sum(k[1] or 0 for k in told):
        return True  # more dead than all the strikes told
    m = re.search(r"\b(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times|(?P<w>twice|thrice)|"
                  r"(?P<n2>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+){0,2}(?:strikes|attacks|raids))\b",
                  state.text[lo:hi], re.IGNORECASE)
    if m is None:
        return False
    if m.group("w"):
        n = 2 if m.group("w").lower() == "twice" else 3
    else:
        n = parse_number(m.group("n") or m.group("n2")) or 0
    return n > len(parts)


def _drop_lone_headline(state: DocState, groups: list[_Group], excluded: list[Mention]) -> list[_Group]:
    """A headline sums up the story: when the body tells its strikes, the headline is no strike of its own.

    "Somalia: US drones hit Al-Shabaab in Lower and Middle Juba" over two strikes
    told one by one names both regions; taken alone it would be a third strike.
    """
    if len(groups) < 2:
        return groups
    first = groups[0]
    if any(f.sentence.index != 0 for f in first.frames) or first.head.type != "drone_strike":
        return groups
    if not _is_title(state, first.head):
        return groups  # not a title line: a first sentence like any other
    body = [g for g in groups[1:] if g.head.type == "drone_strike" and not g.head.aggregate]
    plural = re.search(r"(?:drones|strikes|attacks|raids)\b", first.head.trigger.text + " "
                       + state.text[first.head.trigger.end : first.head.trigger.end + 12], re.IGNORECASE)
    if len(body) < 2 or not plural:
        return groups  # a headline over one strike: it may be the strike's only report
    state.note(COMPONENT, "the headline sums up strikes the body tells", first.head.trigger)
    ex = _to_mention(state, first)
    ex.status = "background"
    excluded.append(ex)
    return groups[1:]


_NAMED_VICTIM = re.compile(
    r"\b[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)*\s+(?:was|had\s+been|has\s+been|were)\s+"
    r"(?:\w+\s+)?(?:killed|targeted|eliminated)\b"
)


# "Mohammad Shafi Armar, the head of IS in India, died ... in a US drone strike"
_NAMED_SUBJECT = re.compile(
    r"(?:[A-Z][\w'’-]+\s+){1,4}[A-Z][\w'’-]+(?:,[^.;]{0,140}?,)?\s+(?:\w+\s+)?"
    r"(?:died|was\s+killed|had\s+been\s+killed|has\s+been\s+killed)\b"
)


# "killed an al Shabaab commander and others": whom it killed, though not how many
_KILLED_SOMEONE = re.compile(
    r"\b(?:killed|killing)\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:commander|leader|chief|militant|fighter|operative|official|cleric|member|deputy|"
    r"bomb-?maker|facilitator|financier|ideologue|emir|spokesman)\b"
)


def _own_facts(f: Frame) -> bool:
    """Does the frame's own clause (not its follow-up sentences) state a fact?"""
    lo, hi = f.scope
    # (a scene bound before the sentence is its own: "The case ... took place on the night of
    # December 9, 2018, outside Gobanle. ... A drone fired two missiles at the vehicle.")
    scene = [x for x in f.extra if x.index < f.sentence.index]
    if scene:
        lo = min(lo, scene[0].start)
    return bool(
        (f.date is not None and lo <= f.date.start < hi)
        or any(lo <= fig.span.start < hi for fig in f.figures)
        or (f.place is not None and lo <= f.place[0].start < hi)
        or (f.perpetrator is not None and lo <= f.perpetrator[0].start < hi)
    )


def _is_title(state: DocState, f: Frame) -> bool:
    """Is the frame's sentence a headline: a line of its own, with no full stop, atop the text?"""
    sent = f.sentence
    if sent.start > 400:
        return False
    line_end = state.text.find("\n", sent.start)
    return (0 <= line_end <= sent.end + 1 and not re.search(r"[.!?][\"'’”]?\s*$", sent.text)
            and f.sentence.index <= 3)


def _parted(state: DocState, f: Frame) -> bool:
    """Is ``f`` a part of an aggregate told part by part: its own toll, then "the second attack"?"""
    return not f.aggregate and bool(f.figures) and any(
        h.distinct and h.trigger.start > f.trigger.start and h.type == f.type for h in state.frames)


def _anchored(state: DocState, f: Frame) -> bool:
    """A report says when, where, how many or whom; talk about strikes says none of it."""
    if f.date is not None and f.date.kind != "year":
        return True
    if f.figures or f.named:
        return True
    if f.place is not None and f.place[1].precision != "country":
        return True
    return any(_NAMED_VICTIM.search(state.text, lo, hi) or _NAMED_SUBJECT.match(state.text, lo)
               or _KILLED_SOMEONE.search(state.text, lo, hi)
               for lo, hi in f.ranges)


def _named_in_passing(state: DocState, f: Frame, last: _Group | None) -> bool:
    """ "..., a day after another strike killed four": the story stays with the strike its
    sentence is about; the one named in passing is not what the next sentences tell."""
    return (last is not None and any(x.sentence.index == f.sentence.index for x in last.frames)
            and bool(re.search(r"\b(?:after|since|following|before)\s+(?:\w+\s+){0,2}$",
                               state.text[max(f.scope[0], f.trigger.start - 30) : f.trigger.start],
                               re.IGNORECASE)))


_SAME_DAY_OPENER = re.compile(r"\s*(?:(?:About|Some|Less\s+than|Just|Barely|Only)\s+)?(?:minutes|hours|an\s+hour|half\s+an\s+"
                              r"hour|moments|shortly|soon)\s+(?:later|after|afterwards)\b", re.IGNORECASE)


def _inherit_series_dates(state: DocState, groups: list[_Group]) -> None:
    """ "Drones struck twice on Tuesday. The first strike hit ... Hours later, ...":
    the parts of a series told without a date of their own take the series' day."""
    dated = [f for f in state.frames if f.date is not None
             and f.date.precision in ("day", "partial_day") and f.type == "drone_strike"]
    placed = [f for f in state.frames if f.place is not None and f.place[1].district
              and f.type == "drone_strike"]
    told_until = {id(f): max(x.index for h in g.frames for x in (h.sentence, *h.extra))
                  for g in groups for f in g.frames}
    for g in groups:
        head = g.head
        if (head.ordinal is None and not head.distinct) or head.ordinal == -1:
            _part_of_days_strikes(state, g)
            continue
        series = [f for f in placed if f.trigger.start < head.trigger.start
                  and head.sentence.index - f.sentence.index <= 3 and f.aggregate]
        own = g.district()
        named = {p.district for f in series[-1:] for _, p in f.places
                 if p.district and p.precision in ("district", "province")}
        if (own is not None and series and series[-1].place is not None
                and series[-1].place[1].district != own
                # "two strikes in South and North Waziristan ... Degan village, North Waziristan"
                and own not in named
                and not any(p.precision == "district" and p.district == own
                            for f in g.frames for _, p in f.places)
                and all(f.place is None or f.place[1].precision in ("village", "town", "city")
                        for f in g.frames)):
            # "two strikes in South Waziristan ... a vehicle near Shaga village": a namesake
            # village elsewhere loses to the district the series names
            for f in g.frames:
                f.place = None
            own = None
        # ("Minutes after the first attack, another missile hit a pick-up", after four sentences
        # of quotes: the same day and place, said of the strike told before)
        same_day = bool(_SAME_DAY_OPENER.match(head.sentence.text))
        if own is None and not _strike_shift(state.text, head.scope[0], head.scope[1]):
            # (a strike days apart from the one told is not of its series, nor of its place)
            # "three strikes in Shawal valley of North Waziristan ... The second drone hit
            # a vehicle near Lwara Mandi": the unknown village lies where the series was
            where = [f for f in placed if f.trigger.start < head.trigger.start
                     and head.sentence.index - f.sentence.index <= (8 if same_day else 4)]
            # "... a drone strike in the Zozik region of northern Iraq": not where the Syrian
            # strike before it was
            # (not "a route to Afghanistan's Khost Province": a country that only qualifies another place)
            named = {p.country for f in g.frames for sp, p in f.places if p.precision == "country"
                     and not state.text.startswith(("'s", "’s"), sp.end)}
            if where and where[-1].place is not None and named and where[-1].place[1].country not in named:
                where = []
            if where and where[-1].place is not None:
                span, place = where[-1].place
                head.place = (span, Place(place.name if place.precision != "village" else place.district or place.name,
                                          place.country, place.district, place.admin1, place.lat, place.lon,
                                          "district" if place.precision in ("village", "town", "city") else place.precision))
                state.note(COMPONENT, f"district {place.district} from the series told in sentence "
                           f"{where[-1].sentence.index}", head.trigger)
        if g.date() is not None:
            continue
        # (counted from the last sentence that told the earlier strike: its toll may take three)
        reach = 8 if same_day else 3
        before = [f for f in dated if f.trigger.start < head.trigger.start
                  and (head.sentence.index - told_until.get(id(f), f.sentence.index) <= reach or f.aggregate
                       or head.ordinal is not None)]
        if not before:
            continue
        # ("U.S. drone strikes killed at least nine on Thursday ... at least five drone attacks
        # since the U.S. evacuated its embassy on Tuesday": the series' day, not its background's)
        source = ([f for f in before if f.status != "background" or f.sentence.index == head.sentence.index]
                  or before)[-1]
        shift = _strike_shift(state.text, head.sentence.start, head.sentence.end)
        if shift and source.date is not None and source.date.date is not None:
            # "Two days earlier, a U.S. drone had struck a house": counted from the strike told
            n = _SHIFT_DAYS.get((shift.group("n") or shift.group("n3") or "a").lower(), 1)
            sign = 1 if re.search(r"later|next|following", shift.group(), re.IGNORECASE) else -1
            day = source.date.date + dt.timedelta(days=sign * n)
            head.date = DateExpr.on_day(shift.start(), shift.end(), shift.group(), "relative", day)
            state.note(COMPONENT, f"date {day} counted from the strike of sentence "
                       f"{source.sentence.index}", head.trigger)
            continue
        if re.search(r"\b(?:next|following)\s+(?:day|morning|night)|days\s+later|a\s+day\s+later|"
                     # "The attack came three days after a US drone struck a house": days apart
                     r"\b(?:a|one|two|three|four|five|six|\d)\s+(?:days?|weeks?)\s+after\b|"
                     r"earlier\s+(?:this|that|in\s+the)\s+(?:week|month)|last\s+(?:week|month)|"
                     r"days\s+(?:earlier|before)|"
                     # "Three weeks earlier, residents of Radaa had blocked the road with the bodies"
                     r"\b(?:a|one|two|three|four|five|six|\d)\s+weeks?\s+(?:earlier|before|later)\b",
                     head.sentence.text, re.IGNORECASE):
            continue
        head.date = source.date
        state.note(COMPONENT, f"date {source.date.value if source.date else ''} from the series "
                   f"told in sentence {source.sentence.index}", head.trigger)
        # "In the first attack, ... Hours later, another drone ...": the next part counts from this one
        dated.append(head)
        dated.sort(key=lambda f: f.trigger.start)


def _part_of_days_strikes(state: DocState, g: _Group) -> None:
    """ "The U.S. carried out more than 20 strikes ... on Thursday ... In the Said district
    of Shabwa, a drone fired a missile at a car": a strike told as one of the day's
    strikes, with no day of its own, is of that day."""
    head = g.head
    if head.type != "drone_strike":
        return
    if g.district() is None and _parted(state, head):
        # "two US drone attacks on Mana village ... North Waziristan ... The vehicles caught
        # fire after being hit by the drones": a part lies where its aggregate was
        series = [f for f in state.frames if f.aggregate and f.type == head.type and f.place is not None
                  and f.place[1].district and f.trigger.start < head.trigger.start
                  and head.sentence.index - f.sentence.index <= 4]
        if series and series[-1].place is not None:
            span, place = series[-1].place
            head.place = (span, _as_district(place))
    if g.date() is not None:
        return
    # (a day of strikes counted in the lead is told strike by strike, with quotes between:
    # its parts may come a few paragraphs down)
    days = [f for f in state.frames if f.aggregate and f.type in ("drone_strike", "air_strike")
            # (a digest's "on June 20", its year unsaid, is a day too)
            and f.date is not None and f.date.precision in ("day", "partial_day")
            and f.trigger.start < head.trigger.start
            and head.sentence.index - f.sentence.index <= (8 if _COUNTED.search(
                state.text, f.sentence.start, f.sentence.end) else 4)]
    if not days or _strike_shift(state.text, head.sentence.start, head.sentence.end) or re.search(
            r"\b(?:earlier|previous|last|before|ago|since|in\s+(?:19|20)\d\d|days?\s+after)\b", head.sentence.text,
            re.IGNORECASE):
        return
    source = days[-1]
    head.date = source.date
    state.note(COMPONENT, f"date {source.date.value if source.date else ''} from the day's strikes "
               f"told in sentence {source.sentence.index}", head.trigger)


_COUNTED = re.compile(r"\b(?:two|three|four|five|six|2|3|4|5|6)\s+(?:\w+\s+){0,2}?(?:strikes|attacks|raids)\b"
                      r"|\b(?:twice|thrice|(?:three|four|five|six)\s+times)\b", re.IGNORECASE)


def _as_district(place: Place) -> Place:
    """The district a place lies in, as the place of a strike told without its own."""
    return Place(place.district or place.name, place.country, place.district, place.admin1,
                 place.lat, place.lon, "district")


def _series_day(state: DocState, g: _Group) -> DateExpr | None:
    """The day of the series a part told without a day of its own belongs to: "drones killed
    47 in three attacks on Friday ... In the first attack, ..." is Friday's."""
    head = g.head
    if g.date() is not None or (head.ordinal is None and not head.distinct) or head.ordinal == -1:
        return None
    # (the lead that told the series, or the series' first strike: "On Tuesday the drones came
    # ... The first strike hit a house ... Fifteen minutes later, a second drone fired")
    lead = [f for f in state.frames if (f.aggregate or f.ordinal == 1) and f.type == head.type and f.date is not None
            and f.date.precision == "day" and f.trigger.start < head.trigger.start
            and head.sentence.index - f.sentence.index <= 3]
    return lead[-1].date if lead else None


def _previous_day(groups: list[_Group], i: int) -> DateExpr | None:
    """The last full day told for a strike before ``groups[i]`` (aggregates aside).

    A day shared with ``groups[i]`` itself (a series' day passed on) is not another strike's.
    """
    own = groups[i].date()
    for h in reversed(groups[:i]):
        d = h.date()
        if (not h.head.aggregate and d is not None and d is not own and d.date is not None
                and d.precision == "day"):
            return d
    return None


_DAYS_BEFORE = re.compile(
    r"\b(?:strike|attack|raid)\s+(?P<p>(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+(?:earlier|before))\b",
    re.IGNORECASE,
)


def _days_before_told(state: DocState, groups: list[_Group]) -> None:
    """ "Officials on Tuesday confirmed that a drone strike two days earlier killed ...":
    the day counted back from the day the news was told, else from publication."""
    for g in groups:
        if g.date() is not None:
            continue
        found = next(((f, m) for f in g.frames if (m := _DAYS_BEFORE.search(state.text, f.scope[0], f.scope[1]))),
                     None)
        if found is None:
            continue
        head, m = found
        told = [d for d in find_dates(state.text, state.published, head.sentence.start, head.sentence.end)
                if d.date is not None and d.precision == "day" and is_reporting_date(state.text, d)]
        anchor = told[0].date if told else state.published
        if anchor is None:
            continue
        day = anchor - dt.timedelta(days=_SHIFT_DAYS.get(m.group("n").lower(), 1))
        head.date = DateExpr.on_day(m.start("p"), m.end("p"), m.group("p"), "relative", day)
        state.note(COMPONENT, f"date {day} counted back from the day the news was told", head.trigger)


def _summary_before_parts(state: DocState, groups: list[_Group]) -> list[_Group]:
    """ "US drones fired missiles in two tribal regions on Thursday, killing at least 11. In
    the first attack, ... Hours later, another drone ...": the lead sums up the strikes told
    one by one after it; it is their aggregate, and "the first attack" is a strike of its own."""
    if not any(g.head.distinct or (g.ordinal or 0) >= 2 for g in groups):
        return groups
    out: list[_Group] = []
    for g in groups:
        head = g.head
        plural = re.search(r"(?i:\b(?:drones|strikes|attacks|raids)\b)", head.trigger.text)
        cut = next((i for i, f in enumerate(g.frames) if i and f.ordinal == 1
                    and f.sentence.index != head.sentence.index), None)
        told_apart = any(f.sentence.index == head.sentence.index for h in groups if h is not g for f in h.frames)
        if head.aggregate or not plural or cut is None or told_apart or head.ordinal is not None:
            # ("In the first attack, two drones fired four missiles": the first strike, by two drones)
            # (a lead that already tells its second strike apart is the first strike itself)
            out.append(g)
            continue
        part = _Group(g.frames[cut:])
        part.ordinal = 1
        g.frames = g.frames[:cut]
        head.aggregate = True
        state.note(COMPONENT, "the lead sums up the strikes told after it", head.trigger)
        out.extend((g, part))
    return out


_DAY_BEFORE = re.compile(r"^the\s+(?:day\s+before|previous\s+(?:day|night|evening)|preceding\s+(?:day|night|evening))$",
                         re.IGNORECASE)


def _day_before_the_strike(state: DocState, groups: list[_Group]) -> None:
    """ "A drone strike on Sunday evening killed ... The day before, a missile fired by a
    drone struck a house in Jilib": the day before the day just told, not before the news."""
    for i, g in enumerate(groups):
        d = g.date()
        if d is None or d.kind != "relative" or not _DAY_BEFORE.match(d.text.strip()):
            continue
        prev = _previous_day(groups, i)
        if prev is None or prev.date is None:
            continue
        day = prev.date - dt.timedelta(days=1)
        for f in g.frames:
            if f.date is d:
                f.date = DateExpr.on_day(d.start, d.end, d.text, "relative", day)
        state.note(COMPONENT, f"date {day}: the day before the strike told before", g.head.trigger)


_CAME_DAYS_AFTER = re.compile(
    r"\b(?:came|comes?|followed)\s+(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+after\s+"
    r"(?:another|an?\s+(?:earlier|previous|separate)|an?\s+(?:\w+\s+)?(?:drone\s+)?(?:strike|attack|raid)"
    # "came three days after a US drone struck a house"
    r"|an?\s+(?:(?:U\.S\.|US|American|suspected|CIA)\s+){1,2}drone\s+(?:struck|hit|fired|attacked|targeted))\b",
    re.IGNORECASE)


def _day_told_before(state: DocState, head: Frame) -> DateExpr | None:
    if head.sentence.index == 0:
        return None
    prev = state.sentences[head.sentence.index - 1]
    told = [d for d in find_dates(state.text, state.published, prev.start, prev.end)
            if d.precision == "day" and d.date is not None]
    return told[-1] if told else None


def _came_days_after(state: DocState, groups: list[_Group]) -> None:
    """ "Sunday's strike came two days after another drone strike near Janaale": the other
    strike's day is counted back from the day named for the first, not that day itself."""
    for i, g in enumerate(groups):
        head, d = g.head, g.date()
        m = _CAME_DAYS_AFTER.search(state.text, head.sentence.start, head.sentence.end)
        if m is None:
            continue
        if d is None and head.trigger.start > m.start() and not head.aggregate:
            # "The strike came a day after a drone attack near Jaar killed three": counted back
            # from the strike the story told before
            prev = _previous_day(groups, i)
            if not re.search(r"(?i:strike|attack|raid|drone)", state.text[head.sentence.start : m.start()]):
                # "The vote ... came three days after a strike near Rada'a": counted back from the
                # day of what came (told just before), not from the last strike
                prev = _day_told_before(state, head)
            if prev is not None and prev.date is not None:
                day = prev.date - dt.timedelta(days=_SHIFT_DAYS.get(m.group("n").lower(), 1))
                head.date = DateExpr.on_day(m.start(), m.end(), m.group(), "relative", day)
                state.note(COMPONENT, f"date {day}: {m.group('n')} day(s) before the strike told before",
                           head.trigger)
            continue
        if d is None or d.date is None or not head.distinct or not head.sentence.start <= d.start < m.start():
            continue
        day = d.date - dt.timedelta(days=_SHIFT_DAYS.get(m.group("n").lower(), 1))
        for f in g.frames:
            if f.date is d:
                f.date = DateExpr.on_day(m.start(), m.end(), m.group(), "relative", day)
        state.note(COMPONENT, f"date {day}: {m.group('n')} day(s) before the strike named first",
                   head.trigger)


_SAME_AREA = re.compile(r"\b(?:in|of)\s+the\s+same\s+(?:province|district|agency|region|governorate|area|tribal\s+region)\b",
                        re.IGNORECASE)


def _same_area(state: DocState, groups: list[_Group]) -> None:
    """ "A similar strike in the same province on April 14": the area of the strike told before."""
    for i, g in enumerate(groups):
        if g.district() is not None or not any(_SAME_AREA.search(state.text, f.scope[0], f.scope[1]) for f in g.frames):
            continue
        # ("It was also the second known strike in the Jani Khel area ... In November, a drone
        # attack on a house in the same area killed five": the area the sentence before named)
        prev_i = g.head.sentence.index - 1
        named = [p for h in state.frames if h.sentence.index == prev_i and h.type == g.head.type for _, p in h.places
                 if p.district and p.precision != "country"] if prev_i >= 0 else []
        if named:
            g.head.place = (g.head.trigger, _as_district(named[-1]))
            state.note(COMPONENT, f"district {named[-1].district}: 'the same' area as the sentence before named",
                       g.head.trigger)
            continue
        placed = [h for h in reversed(groups[:i]) if h.district() is not None]
        # "Earlier on Friday, a drone had fired at a house in the same area": of that day's strike
        before = next((h for h in placed if _dates_agree(h.date(), g.date())), placed[0] if placed else None)
        if before is None:
            continue
        src = next(f for f in before.frames if f.place and f.place[1].district)
        assert src.place is not None
        span, place = src.place
        g.head.place = (span, _as_district(place))
        state.note(COMPONENT, f"district {place.district}: 'the same' area as the strike before", g.head.trigger)


def _later_that_day(state: DocState, groups: list[_Group]) -> None:
    """ "That morning, a strike near Makeen killed a commander ... In the afternoon, as thousands
    gathered for his funeral prayers, drones fired at least three missiles into the crowd": the
    day of the strike told just before."""
    for i, g in enumerate(groups[1:], start=1):
        prev = groups[i - 1]
        if (g.head.aggregate or prev.head.aggregate or not _TIME_OPENER.match(g.head.sentence.text)
                or g.head.sentence.index - max(f.sentence.index for f in prev.frames) > 4):
            continue
        d = prev.date()
        if g.date() is None and d is not None and d.precision in ("day", "partial_day"):
            g.head.date = d
            state.note(COMPONENT, f"date {d.value}: later the same day as the strike before", g.head.trigger)


_THE_AREAS = re.compile(r"\bthe\s+(?:agency|province|governorate|district|region)['’]s\b", re.IGNORECASE)


def _area_named_before(state: DocState, groups: list[_Group]) -> None:
    """ "Two years later, the same pattern appeared in Kurram Agency ... a drone fired on a pickup
    truck near the village of Khardand, in the agency's upper reaches": the area just named."""
    for g in groups:
        head = g.head
        if g.district() is not None or not any(_THE_AREAS.search(state.text, f.scope[0], f.scope[1]) for f in g.frames):
            continue
        lo = state.sentences[max(0, head.sentence.index - 2)].start
        named = [pm for pm in state.places(lo, head.trigger.start)
                 if pm.place.precision in ("district", "province") and pm.place.district]
        if not named:
            continue
        pm = named[-1]
        span = Span(lo + pm.start, lo + pm.end, state.text[lo + pm.start : lo + pm.end])
        head.place = (span, _as_district(pm.place))
        state.note(COMPONENT, f"district {pm.place.district}: the area named just before", head.trigger)


# "east of the city", "in the area", "in the Fuwwah district": a place the story has set
_HERE = re.compile(r"\b(?:the\s+(?:[\w-]+\s+)?(?:city|town|village|area|region|district|province|valley|port|"
                   r"outskirts|suburbs?|neighbourhood|neighborhood)|there|nearby|locals?|residents)\b", re.IGNORECASE)


def _place_in_story_area(state: DocState, groups: list[_Group]) -> None:
    """A drone strike the text places nowhere lies in the area the whole story is set in."""
    if state.story_area is None:
        return
    span, place = state.story_area
    for g in groups:
        if g.head.type != "drone_strike" or g.head.aggregate or g.district() is not None:
            continue
        countries = {f.place[1].country for f in g.frames if f.place} | {f.country[1] for f in g.frames if f.country}
        if countries - {place.country}:
            continue
        if any(p.district and p.district != place.district
               and not re.search(r"\bfrom\s+(?:\w+\s+)?$", state.text[max(0, sp.start - 20) : sp.start])
               for f in g.frames for sp, p in f.places):
            # "in Nushki district": the sentence names another area ("men from neighbouring
            # Ziarat" came from it)
            continue
        if g.date() is None and not any(_HERE.search(state.text, lo, hi) for f in g.frames for lo, hi in f.ranges):
            # "who should replace another killed in a drone raid": neither when nor where,
            # a strike told in passing, not one of the story's
            continue
        g.head.place = (span, _as_district(place))
        state.note(COMPONENT, f"district {place.district}: the area the story is set in", g.head.trigger)


_N_STRIKES = re.compile(r"\b(?P<n>two|three|four|2|3|4)\s+(?:separate\s+)?(?:drone\s+|air\s*-?\s*)?(?:strikes|attacks|raids)\b",
                        re.IGNORECASE)
_N_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _merge_beyond_count(state: DocState, groups: list[_Group]) -> list[_Group]:
    """ "U.S. drones killed at least 55 fighters in two strikes on Sunday and Monday ...
    AFRICOM said it conducted an airstrike Sunday ..., killing 35, and a second airstrike
    Monday ..., killing 20 ... On Monday, he said, another drone fired missiles at militants":
    more strikes than the lead counts, one of them told without a toll of its own on a day
    already told: that day's strike, told again by another source."""
    lead = next((g for g in groups if g.head.aggregate and g.head.type == "drone_strike"), None)
    if lead is None or (n := _N_STRIKES.search(lead.head.sentence.text)) is None:
        return groups
    parts = [g for g in groups if not g.head.aggregate and g.head.type == "drone_strike"
             and (d := g.date()) is not None and d.precision == "day"
             and g.head.trigger.start > lead.head.trigger.start]
    if len(parts) <= _N_WORDS[n.group("n").lower()]:
        return groups
    out = list(groups)
    for g in parts:
        if g.killed() != (None, None):
            continue
        same = next((h for h in parts if h is not g and h in out and _dates_agree(h.date(), g.date())
                     and h.killed() != (None, None) and _compatible(h, g.head)), None)
        if same is not None:
            same.frames.extend(g.frames)
            out.remove(g)
            state.note(COMPONENT, f"sentence {g.head.sentence.index} tells the strike of sentence "
                       f"{same.head.sentence.index} again: more strikes than the lead counts", g.head.trigger)
    return out


def _merge_retold(state: DocState, groups: list[_Group]) -> list[_Group]:
    """ "A strike on Monday killed three, a day after another strike killed four or more
    ... On Sunday, a drone hit a vehicle near Rada'a, killing four or more": the strike
    named in passing, then told in full, is one strike."""
    out: list[_Group] = []
    for g in groups:
        d = g.date()
        passing = (not g.head.aggregate and g.head.distinct and g.district() is None and d is not None
                   and d.kind == "relative" and _strike_shift(state.text, g.head.scope[0], g.head.scope[1]))
        later = next((h for h in groups if passing and h is not g and not h.head.aggregate
                      and h.head.trigger.start > g.head.trigger.start and _dates_agree(h.date(), d)
                      and _tolls_agree(g, h)), None)
        if later is not None:
            later.frames[:0] = g.frames
            state.note(COMPONENT, f"the strike named in passing in sentence {g.head.sentence.index} is told "
                       f"in full in sentence {later.frames[len(g.frames)].sentence.index}", g.head.trigger)
            continue
        out.append(g)
    return out


def _merge_day_of_month(state: DocState, groups: list[_Group]) -> list[_Group]:
    """ "killed 26 cadets at a military academy in Tripoli in January ... a drone had launched a
    missile at the academy on the evening of 4 January": the strike of a month, then its day,
    with the target named again by its article, is one strike."""
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        d, pd = g.date(), prev.date() if prev is not None else None
        if (prev is not None and not g.head.aggregate and not prev.head.aggregate and not g.head.distinct
                and g.head.type == prev.head.type and g.head.ordinal is None
                and d is not None and pd is not None and d.precision == "day" and pd.precision == "month"
                and d.month == pd.month and (d.year is None or pd.year is None or d.year == pd.year)
                and 0 < g.head.sentence.index - max(f.sentence.index for f in prev.frames) <= 2
                and (g.killed() == (None, None) or _tolls_agree(prev, g))
                and (target := re.search(r"\bat\s+the\s+([a-z][\w-]+)\b", g.head.sentence.text)) is not None
                and re.search(rf"\b{re.escape(target.group(1))}\b",
                              " ".join(f.sentence.text for f in prev.frames), re.IGNORECASE)):
            prev.frames.extend(g.frames)
            state.note(COMPONENT, f"sentence {g.head.sentence.index} gives the day of the strike of sentence "
                       f"{prev.head.sentence.index}, told in its month", g.head.trigger)
            continue
        out.append(g)
    return out


def _merge_same_facts(state: DocState, groups: list[_Group]) -> list[_Group]:
    """ "A U.S. drone strike this morning killed roughly ten people ... And then this morning,
    drones struck again in the same village ..., and officials are now saying roughly ten people
    were killed": told twice, with the same day, the same toll and nothing apart, it is one strike."""
    out: list[_Group] = []
    for g in groups:
        d = g.date()
        k = g.killed()
        # ("The strike came hours after another drone targeted a house ..., killing a militant
        # and his companion": another strike, whatever its toll)
        other = re.search(r"\b(?:another|second|separate|other)\b",
                          state.text[max(g.head.scope[0], g.head.trigger.start - 40) : g.head.trigger.end],
                          re.IGNORECASE)
        same = None if other else next((h for h in out if not h.head.aggregate and not g.head.aggregate
                     and h.head.type == g.head.type and g.head.ordinal in (None, -1)
                     and (h.head.ordinal in (None, -1) or h.ordinal == 1)
                     and d is not None and d.precision == "day" and _dates_agree(h.date(), d)
                     and k[0] is not None and k == h.killed()
                     and _compatible(h, g.head)), None)
        if same is not None:
            same.frames.extend(g.frames)
            state.note(COMPONENT, f"sentence {g.head.sentence.index} tells the strike of sentence "
                       f"{same.head.sentence.index} again: the same day and toll", g.head.trigger)
            continue
        title = next((h for h in out if not h.head.aggregate and not g.head.aggregate
                      # (a headline without a day over a dated strike, or a standfirst's day over a
                      # body that tells the strike without one: "was killed on Sunday when a missile
                      # hit his car" over "... when a missile struck their vehicle near Al Mastumah")
                      and ((h.date() is None and d is not None) or (d is None and h.date() is not None))
                      and _is_title(state, h.head) and _tolls_agree(h, g)
                      # (a headline whose strike the body went on to tell with its own toll is
                      # that strike, not a summary of a later one)
                      and not any(x.span.start > state.sentences[min(len(state.sentences) - 1, h.head.sentence.index + 2)].end
                                  for f in h.frames for x in f.figures)
                      # ("... killing five" is not the headline of a strike that wounded one)
                      and (k != (None, None) or not any(f.figures for f in h.frames))
                      and h.head.type == g.head.type and _same_country(h, g)), None)
        if title is not None:
            # "Drone strike near Bannu kills up to five" over "A missile fired by a suspected US drone
            # hit a house in Janikhel area of the Frontier Region Bannu on Sunday evening": the
            # headline says the story's strike in short
            out[out.index(title)] = g
            g.frames.extend(title.frames)
            state.note(COMPONENT, f"the headline tells the strike of sentence {g.head.sentence.index}",
                       title.head.trigger)
            continue
        out.append(g)
    return out


def _same_country(a: _Group, b: _Group) -> bool:
    ca = {f.place[1].country for f in a.frames if f.place} | {f.country[1] for f in a.frames if f.country}
    cb = {f.place[1].country for f in b.frames if f.place} | {f.country[1] for f in b.frames if f.country}
    return not ca or not cb or bool(ca & cb)


def _tolls_agree(a: _Group, b: _Group) -> bool:
    # "another drone killed a senior commander" names one of the dead, not all of them
    def floors(g: _Group) -> list[casualties.Figure]:
        return [dataclasses.replace(x, high=None) if x.single else x for f in g.frames for x in f.figures]

    return _ranges_meet(casualties.combine(floors(a)).killed, casualties.combine(floors(b)).killed)


# "Two days earlier,", "a day later", "the next day": a day counted from the strike told before
_SHIFT = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+(?:earlier|before|later)(?=\s*[,.]|\s+(?:a|an|the)\s)"
    r"|the\s+(?P<n2>next|following)\s+day"
    # "..., a day after another strike killed four": the other strike came first
    r"|(?P<n3>a|one|two|three|four|five|six|\d)\s+days?\s+after\s+(?=(?:another|an?\s+(?:earlier|previous|separate))\b))\b",
    re.IGNORECASE,
)


def _strike_shift(text: str, start: int, end: int) -> re.Match[str] | None:
    """A day counted from the strike told before, unless it is the day something was said
    ("AFRICOM announced the next day that it had killed eight")."""
    for m in _SHIFT.finditer(text, start, end):
        if not re.search(rf"\b(?:{SAYING_VERBS}|told\s+\w+)\s+$", text[max(start, m.start() - 30) : m.start()]):
            return m
    return None


_SHIFT_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               **{str(i): i for i in range(1, 10)}}


def _to_mention(state: DocState, g: _Group) -> Mention:
    head = g.head
    doc_id = state.document.doc_id
    sentence = head.sentence.span
    m = Mention(doc_id=doc_id, type=head.type, sentence=sentence)  # type: ignore[arg-type]
    m.status = head.status if head.status != "merged" else "reported"  # type: ignore[assignment]
    m.aggregate = head.aggregate
    m.sentence_ids = sorted({f.sentence.index for f in g.frames} |
                            {s.index for f in g.frames for s in f.extra})
    m.add_evidence("type", [head.trigger], "events.v1")
    # date
    d = g.date()
    listing = state.document.listing
    if d is not None and d.kind in ("weekday", "relative") and listing and listing.date:
        # "killed 5 people Sunday" in a list entry: the list's day, since the
        # weekday has no publication day to count back from
        state.note(COMPONENT, f"'{d.text}' left to the list's date", head.trigger)
        d = None
    if d is not None:
        m.date = d.date if d.precision == "day" else None
        m.date_value = d.value
        m.date_precision = d.precision  # type: ignore[assignment]
        m.date_text = d.text
        m.add_evidence("date", [Span(d.start, d.end, d.text)], "dates.v1")
    elif listing is not None and listing.date:
        # an entry of a strike list is dated by the list, not in its words: no span to show
        # (even "a coordinated series of strikes": the list files it as one entry, on its day)
        m.date, m.date_value, m.date_precision = listing.date, listing.date.isoformat(), "day"
        state.note(COMPONENT, f"date {listing.date} from the list the entry belongs to", head.trigger)
    # place: the most specific one any of the frames gives
    ranked = sorted((f for f in g.frames if f.place is not None),
                    key=lambda f: _PLACE_RANK.get(f.place[1].precision, 5) if f.place else 5)
    for f in ranked:
        if f.place is not None:
            span, place = f.place
            m.place = place.name if place.precision in ("village", "town", "city") else None
            m.district = place.district
            m.admin1 = place.admin1
            m.country = place.country
            m.lat, m.lon = place.lat, place.lon
            m.geo_precision = place.precision
            m.add_evidence("place", [span], "places.v1")
            if m.district:
                m.add_evidence("district", [span], "places.v1")
            break
    if m.country is None:
        for f in g.frames:
            if f.country is not None:
                m.country = f.country[1]
                m.add_evidence("country", [f.country[0]], "places.v1")
                break
    if (listing is not None and listing.country and m.country != listing.country
            and m.geo_precision in (None, "country")):
        # "Haitham al-Yemeni" in an entry of the Pakistan list: a name, not where it was
        m.country = listing.country
        m.evidence = [ev for ev in m.evidence if ev.field != "country"]
    if m.country is None and head.sentence.index:
        # "It was the second Turkish drone strike in the Qamishli area in a week. On Tuesday, a
        # drone struck near the village of Tal Zahab": the place just named says which country
        from strikewatch.extract.gazetteer import get_gazetteer

        prev = state.sentences[head.sentence.index - 1]
        just_named = [pm for pm in get_gazetteer().find(prev.text, country_hint=state.doc_country)
                      if pm.place.precision != "country" and (pm.place.name, pm.place.country) not in state.namesakes]
        if just_named:
            m.country = just_named[-1].place.country
    if m.country is None and state.doc_country:
        m.country = state.doc_country
    place_ev = m.evidence_for("place")
    if m.country and m.evidence_for("country") is None and place_ev is not None:
        m.add_evidence("country", place_ev.spans, "places.v1")
    # casualties
    named = {name for f in g.frames for _, name in f.named}
    told = [f for f in g.frames if not _is_title(state, f)]
    if any(fig.category == "killed" for f in told for fig in f.figures):
        # "U.S. drone strike kills 10" over "As many as ten people were killed": a headline
        # rounds the toll the story states with its hedges
        figures = casualties.drop_singles([fig for f in told for fig in f.figures], len(named))
    else:
        figures = casualties.drop_singles([fig for f in g.frames for fig in f.figures], len(named))
    plausible = [fig for fig in figures if (fig.low or 0) <= MAX_PLAUSIBLE_KILLED and
                 (fig.high or 0) <= MAX_PLAUSIBLE_KILLED]
    if len(plausible) < len(figures):
        state.warnings.append(
            f"implausible casualty figure ignored in {doc_id}: "
            + ", ".join(f.span.text for f in figures if f not in plausible)
        )
    c = casualties.combine(plausible)
    if c.killed == (None, None) and c.injured[0] is not None and not any(
            re.search(r"\b(?:killed|killing|kills|dead|died|deaths?|bodies|lives|martyred|fatalities|casualties)\b",
                      state.text[lo:hi], re.IGNORECASE) for f in g.frames for lo, hi in f.ranges):
        # "another drone struck a checkpoint ..., wounding three guards": the strike's toll is
        # told, and it is of the wounded only; none died
        c.killed = (0, 0)
        c.spans = {**(c.spans or {}), "killed": (c.spans or {}).get("injured", [])}
    m.killed_min, m.killed_max = c.killed
    m.civilians_min, m.civilians_max = c.civilians
    m.children_min, m.children_max = c.children
    m.injured_min, m.injured_max = c.injured
    for name, spans in (c.spans or {}).items():
        m.add_evidence(name, spans, "casualties.v1")
    for f in g.frames:
        if f.missiles and m.missiles is None:
            m.missiles = f.missiles[1]
            m.add_evidence("missiles", [f.missiles[0]], "casualties.v1")
    # actors
    # (one its own sentences name before one the rest of the article suggests)
    for f in sorted(g.frames, key=lambda f: f.perpetrator_inferred):
        if f.perpetrator and m.perpetrator is None:
            m.perpetrator = f.perpetrator[1]
            m.add_evidence("perpetrator", [f.perpetrator[0]], "actors.v1")
    gspans: list[Span] = []
    nspans: list[Span] = []
    for f in g.frames:
        for span, name in f.groups:
            if name not in m.groups:
                m.groups.append(name)
                gspans.append(span)
        for span, name in f.named:
            if name not in m.named:
                m.named.append(name)
                nspans.append(span)
    m.add_evidence("groups", gspans, "actors.v1")
    m.add_evidence("named", nspans, "actors.v1")
    m.confidence = _confidence(m)
    return m


def _confidence(m: Mention) -> float:
    score = 0.4
    if m.date_value:
        score += 0.15
    if m.district or m.place:
        score += 0.15
    if m.killed_min is not None or m.killed_max is not None:
        score += 0.15
    if m.perpetrator:
        score += 0.1
    if m.status != "reported":
        score -= 0.3
    return round(max(0.05, min(score, 0.99)), 2)

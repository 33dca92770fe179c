"""Date expressions of strike reports, resolved against the publication date.

Hand-written rather than dateparser: the phrases that matter are few
("Tuesday", "late on Wednesday night", "last night", "July 10", "in June"),
dateparser copies the reference day into month-only phrases and returns None
on "late Saturday", and we must never invent a year the text does not give.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

DATE_RE = re.compile(
    rf"""
      (?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b
    | \b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?(?!\s*(?:%|percent|km|kilomet|mile))
    | \b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>January|February|March|April|May|
        June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|
        Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\b(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?
    | (?P<rel>(?i:\b(?P<yago>a|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|\d{1,2})\s+years?\s+ago
        \s+(?:today|this\s+week)\b
        |\b(?:last|late\s+last|early\s+last)\s+night\b|\byesterday\b|\bthe\s+day\s+before\s+yesterday\b
        |\bthe\s+(?:previous|preceding)\s+(?:day|night|evening)\b|\bthe\s+day\s+before\b|\bovernight\b
        |\b(?:earlier\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b
        |\b(?P<ago>two|three|four|five|six|2|3|4|5|6)\s+days\s+ago\b))
    | \b(?P<wdq>(?P<last>(?i:last)\s+)?(?:(?:late|early)\s+(?:on\s+)?)?{_WEEKDAY}(?:'s|’s|s(?=\s+(?:drone|air|missile|strike|attack|raid)))?(?:\s+(?:night|morning|evening|afternoon))?)\b
    | \b(?P<mq>(?:(?:early|mid|late)[- ]|the\s+(?:start|end|middle)\s+of\s+)?(?P<month3>January|February|
        March|April|June|July|August|September|October|November|December
        # "In May, a US drone attack ...": the month, where "may" would be a verb without the "in"
        |(?<=[Ii]n\ )May|(?<=during\ )May|(?<=[Ss]ince\ )May|(?<=early\ )May|(?<=late\ )May|(?<=mid-)May))\b
        (?:,?\s+(?P<year3>(?:19|20)\d\d)\b)?
    | \b(?:in|during|since|of|from|until|by|before|after)\s+(?P<year4>(?:19|20)\d\d)\b
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date phrase found in the text and what it resolves to."""

    start: int
    end: int
    text: str
    #: explicit, weekday, relative, month, year
    kind: str
    #: the full date when the day is known
    date: dt.date | None
    #: ISO or partial ISO value ("2014-07-10", "--07-10", "2014-06", "--06", "2009")
    value: str | None
    precision: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None

    @classmethod
    def on_day(cls, start: int, end: int, text: str, kind: str, day: dt.date) -> DateExpr:
        """A phrase that names one whole day."""
        return cls(start, end, text, kind, day, day.isoformat(), "day", day.month, day.day, day.year)


def _month(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_weekday(weekday: int, published: dt.date) -> dt.date:
    """The most recent ``weekday`` on or before the publication day."""
    delta = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=delta)


def _month_day(
    month: int, day: int, year: int | None, published: dt.date | None
) -> tuple[dt.date | None, str | None, str | None]:
    if not 1 <= day <= 31:
        return None, None, None
    if year is not None:
        d = _safe_date(year, month, day)
        return (d, d.isoformat(), "day") if d else (None, None, None)
    if published is not None:
        d = _safe_date(published.year, month, day)
        if d is not None and d > published + dt.timedelta(days=2):
            d = _safe_date(published.year - 1, month, day)
        if d is not None:
            return d, d.isoformat(), "day"
    if _safe_date(2000, month, day) is None:
        return None, None, None
    return None, f"--{month:02d}-{day:02d}", "partial_day"


def find_dates(
    text: str, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[DateExpr]:
    """Every date phrase in ``text[start:end]``, resolved where the text allows."""
    out: list[DateExpr] = []
    stop = len(text) if end is None else end
    for m in DATE_RE.finditer(text, start, stop):
        if _NAMED_DAY.match(text, m.end()):
            continue  # "the Sept. 11 attacks": a day that names an event, not a date of this one
        if m.group() == "Today" and re.search(r"[a-z,]\s+(?:the\s+)?[A-Z][A-Za-z]+\s+$", text[max(0, m.start() - 40) : m.start()]):
            continue  # "told Pakistan Today by telephone": a newspaper's name
        expr = _resolve(m, published)
        if (expr is not None and published is not None and (m.group("month") or m.group("month2"))
                and not (m.group("year") or m.group("year2"))
                and (ly := re.match(r",?\s+(?:of\s+)?(last|this)\s+year\b", text[m.end() : m.end() + 16]))):
            # "It was March 17 last year": the year the phrase names, not the nearest one
            year = published.year - (1 if ly.group(1) == "last" else 0)
            day = _safe_date(year, expr.month or 1, expr.day or 1)
            if day is not None:
                expr = DateExpr.on_day(expr.start, expr.end, expr.text, "explicit", day)
        if (expr is not None and (m.group("month") or m.group("month2"))
                and not (m.group("year") or m.group("year2"))
                and re.match(r",?\s+(?:of\s+)?that\s+year\b", text[m.end() : m.end() + 16])):
            # "The day most of them mention is February 2 of that year": the year the text named last
            years = re.findall(r"\b((?:19|20)\d\d)\b", text[max(0, m.start() - 600) : m.start()])
            day = _safe_date(int(years[-1]), expr.month or 1, expr.day or 1) if years else None
            if day is not None:
                expr = DateExpr.on_day(expr.start, expr.end, expr.text, "explicit", day)
        if expr is not None and m.group("wdq") and re.search(r"(?i:\bthat\s+$)", text[max(0, m.start() - 6) : m.start()]):
            # "It was a Friday, Jan. 23, 2009 ... That Friday evening, a second drone attack hit a
            # house": the Friday the story told, not the one before the paper
            expr = _that_weekday(text, m, published) or expr
        if expr is not None:
            out.append(expr)
    return out


def _that_weekday(text: str, m: re.Match[str], published: dt.date | None) -> DateExpr | None:
    wd = WEEKDAYS[m.group("weekday").lower()]
    told = [d for d in (_resolve(m2, published) for m2 in DATE_RE.finditer(text, 0, m.start()))
            if d is not None and d.kind == "explicit" and d.date is not None and d.precision == "day"
            and d.date.weekday() == wd]
    day = told[-1].date if told else None
    return None if day is None else DateExpr.on_day(m.start(), m.end(), m.group(), "weekday", day)


# ("The November 19 attack, also on a house in Jani Khel": the day of that attack)
_NAMED_DAY = re.compile(r"\s+(?:attacks|bombings|massacre|hijackings?|anniversary|memorial|commission)\b",
                        re.IGNORECASE)


def _resolve(m: re.Match[str], published: dt.date | None) -> DateExpr | None:
    s, e, t = m.start(), m.end(), m.group()
    if m.group("iso"):
        d = _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if d is None:
            return None
        return DateExpr.on_day(s, e, t, "explicit", d)
    if m.group("month") or m.group("month2"):
        month = _month(m.group("month") or m.group("month2"))
        day = int(m.group("day") or m.group("day2"))
        ytxt = m.group("year") or m.group("year2")
        year = int(ytxt) if ytxt else None
        # "May 2" is a date, but "may 2" is not: require the capital
        if (m.group("month") or "").lower() == "may" and not m.group("month").startswith("M"):
            return None
        d, value, precision = _month_day(month, day, year, published)
        if value is None:
            return None
        return DateExpr(s, e, t, "explicit", d, value, precision, month, day, year)
    if m.group("rel"):
        if published is None:
            return DateExpr(s, e, t, "relative", None, None, None)
        rel = t.lower()
        if m.group("yago"):
            # "Ten years ago today, drones struck a burial crowd": the paper's day, years back
            from strikewatch.extract.numbers import parse_number

            n = 1 if m.group("yago").lower() == "a" else (parse_number(m.group("yago")) or 0)
            back = _safe_date(published.year - n, published.month, published.day) or _safe_date(
                published.year - n, published.month, published.day - 1)
            if back is None or "week" in rel:
                return DateExpr(s, e, t, "relative", None, None, None)
            return DateExpr.on_day(s, e, t, "relative", back)
        if "before yesterday" in rel:
            days = 2
        elif "night" in rel or "yesterday" in rel or "previous" in rel or "preceding" in rel or (
            "day before" in rel
        ):
            # "overnight" in a morning story is the night before, dated by its evening
            days = 1
        elif m.group("ago"):
            from strikewatch.extract.numbers import parse_number

            days = parse_number(m.group("ago")) or 0
        else:
            days = 0
        d = published - dt.timedelta(days=days)
        return DateExpr.on_day(s, e, t, "relative", d)
    if m.group("wdq"):
        wd = WEEKDAYS[m.group("weekday").lower()]
        if published is None:
            return DateExpr(s, e, t, "weekday", None, None, None)
        d = resolve_weekday(wd, published)
        lw = re.match(r"\s+(?:of\s+)?last\s+week\b", m.string[e : e + 20])
        if lw is not None:
            # "On Wednesday last week": that weekday of the calendar week before the paper's
            d = published - dt.timedelta(days=published.weekday() + 7 - wd)
            return DateExpr.on_day(s, e + lw.end(), m.string[s : e + lw.end()], "weekday", d)
        if m.group("last") and (published - d).days <= published.weekday():
            # "last Wednesday" in a Thursday paper is the Wednesday of the week before; in a
            # Tuesday paper, the Wednesday six days before already is
            d -= dt.timedelta(days=7)
        return DateExpr.on_day(s, e, t, "weekday", d)
    if m.group("mq"):
        month = _month(m.group("month3"))
        ytxt = m.group("year3")
        if ytxt:
            year = int(ytxt)
            return DateExpr(s, e, t, "month", None, f"{year}-{month:02d}", "month", month, None, year)
        if published is not None:
            year = published.year if month <= published.month else published.year - 1
            return DateExpr(s, e, t, "month", None, f"{year}-{month:02d}", "month", month, None, year)
        return DateExpr(s, e, t, "month", None, f"--{month:02d}", "partial_month", month)
    if m.group("year4"):
        year = int(m.group("year4"))
        return DateExpr(s, e, t, "year", None, str(year), "year", None, None, year)
    return None


_REPORTED_BEFORE = re.compile(
    r"\b(?:said|told|reported|confirmed|disclosed|announced|claimed|stated|added|revealed|"
    # ("said that on 21 August a drone had struck": the day of what was said, not of the saying)
    r"released|published|issued|buried|protested|signed|agreed|declared|posted|aired|broadcast)\s+"
    # ("said the strike on Sunday hit a car": the strike's day)
    r"(?:(?:(?!that\b|(?:strikes?|attacks?|raids?|drones?|missiles?|bombing)\b)(?:\w+|(?:\w\.)+)[ \t]+){0,3}?on\s+(?:the\s+)?|"
    # "told a Senate panel Tuesday", "told reporters Monday": American style, no "on"
    r"(?:(?:a|an|the|reporters|journalists|AFP|Reuters|lawmakers|senators|parliament|Congress|"
    r"news|press|Senate|House|panel|committee|conference|briefing|hearing|subcommittee|(?-i:[A-Z]{2,5}))[ \t]+){1,3}|"
    r"late\s+|early\s+)?$"
    # "a report released by the Islamabad-based Centre for Conflict Monitoring on January 4"
    r"|\b(?:released|published|issued)\s+by\s+(?:[\w.'’-]+\s+){1,6}?on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "On Thursday, officials confirmed that Monday's strike ...": a sentence that opens on
# the day the news was told
#: verbs of telling: a day or a shift right after one ("announced the next day") dates the telling
SAYING_VERBS = r"announced|said|says|reported|confirmed|claimed|acknowledged|admitted|denied|stated|published|released|issued"
FRONTED_REPORT = re.compile(
    # ("On Friday, Afghanistan's defence ministry said he had been killed")
    r"\s*,\s*(?:the\s+|a\s+)?(?:[A-Za-z]+(?:['’]s)?\s+){0,4}?(?:said|told|confirmed|announced|reported|"
    r"disclosed|claimed|stated|revealed)\b",
)
_REPORTED_AFTER = re.compile(
    # "... in the Makhmour region on Wednesday, said the sources": an attribution inverted
    # after the clause, which the date belongs to
    r"(?!\s*,\s*(?:said|added|confirmed|reported|stated|told)\s+(?:(?:the|a|an|his|her|its|their|local|"
    r"security)\b|[A-Z][a-z]+\s+[A-Z]))"
    r"\s*,?\s*(?:said|told|confirmed|disclosed|announced|claimed|stated|reported|revealed|"
    r"identified|released|buried|protested|condemned|agreed|was\s+disclosed|"
    r"acknowledged|admitted|accused|blamed|warned|urged|called|denied|summoned|lodged|vowed|"
    r"insisted|published|issued)\b",
    re.IGNORECASE,
)
# ("..., reports Dawn. On June 3, a US drone fired": the outlet's sentence ended before the day)
_REPORTS_OUTLET = re.compile(r"\breports?\s+(?:(?:(?:[A-Z]\.)+|\w+)\s+){1,3}?(?:on\s+)?$")


def is_reporting_date(text: str, d: DateExpr) -> bool:
    """ "officials said on Saturday", "reports Dawn on July 11", "today published":
    the day the news was told, not the day of the strike."""
    before = text[max(0, d.start - 80) : d.start]
    after = text[d.end : d.end + 30]
    if re.match(r"(?:['’]s)?\s+(?:drone\s+|missile\s+|air\s*)?(?:strike|attack|raid)", after, re.IGNORECASE):
        return False  # "He said the Sunday strike ... had killed more than 40": the strike's own day
    head = text[max(0, d.start - 6) : d.start]
    fronted = re.fullmatch(r"\s*(?:On\s+)?", head) is not None or bool(
        re.search(r"[.!?\n]\s*(?:On\s+)?$", head))
    return bool(_REPORTED_BEFORE.search(before) or _REPORTED_AFTER.match(after)
                or _REPORTS_OUTLET.search(before)
                or (fronted and FRONTED_REPORT.match(text, d.end, d.end + 60)))

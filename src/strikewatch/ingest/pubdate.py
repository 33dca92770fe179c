"""Publication dates from a url path or from the byline/dateline of a text.

Extraction resolves "Tuesday" and "last night" against the publication date,
so a wrong one shifts every event of the article. These functions therefore
prefer saying nothing to guessing: they read only the url path and the lines
at the head of an article that look like a byline or a dateline, never a date
mentioned in the story itself, a bare year, or a copyright footer.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

__all__ = ["MAX_YEAR", "MIN_YEAR", "date_from_byline", "date_from_url", "plausible"]

#: Dates outside this range are typos, ids or timestamps, not publication dates.
MIN_YEAR = 1990
MAX_YEAR = 2100

#: Bylines and datelines sit at the head of an article; deeper is story text.
HEAD_CHARS = 2000
#: A byline or a date line is short; a long line is a paragraph.
_MAX_BYLINE_LEN = 200
#: A line this long is story text (a standfirst or a paragraph).
_PARAGRAPH_LEN = 100
#: Datelines open the lede; a standfirst may come before it, more prose may not.
_LEDE_PARAGRAPHS = 2

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH = _MONTH_NAME + r"\.?"
_WEEKDAY = (
    r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"

# One date expression, in the forms news sites print, case-insensitive even inside
# case-sensitive patterns. _parse_date reads the match again, so that the
# alternatives need no group names of their own.
_DATE = (
    rf"(?<![\w.])(?i:"
    rf"{_MONTH}\s+\d{{1,2}}{_ORD},?\s+{_YEAR}"  # January 11, 2012 / Jan. 11 2012
    rf"|{_MONTH}\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}},?\s+{_YEAR}"  # January 11-17, 2013: a weekly's issue, its first day
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"  # 11 January 2012
    rf"|{_YEAR}-\d{{1,2}}-\d{{1,2}}"  # 2013-05-02
    rf"|{_YEAR}/\d{{1,2}}/\d{{1,2}}"  # 2013/05/02
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]{_YEAR}"  # 02.05.2013, only if unambiguous
    rf")(?!\d)"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_GLUED_YEAR_RE = re.compile(rf"(?<![\w.])({_MONTH_NAME})\.?\s+([0-3]?\d)((?:19|20)\d\d)(?!\d)", re.IGNORECASE)

_MDY_RE = re.compile(rf"([a-z]+)\.?\s+(\d{{1,2}}){_ORD}(?:\s*[-–]\s*\d{{1,2}})?,?\s+(\d{{4}})$", re.IGNORECASE)
_DMY_RE = re.compile(rf"(\d{{1,2}}){_ORD}\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{{4}})$", re.IGNORECASE)
_YMD_RE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_NUMERIC_RE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})$")

# A line that can hold a date at all: quick filter before the real patterns.
_HAS_YEAR_RE = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")

# "Published: 2013-05-02", "Updated Jan. 11, 2012 4:05 p.m.", "Posted on ...".
_LABEL_RE = re.compile(
    r"(?P<label>first\s+published|published|posted|last\s+updated|last\s+modified|updated"
    r"|modified|dated|date|filed)\b(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
#: how far after a label its date may start ("Updated 4:05 PM ET, Wed January 11, 2012")
_LABEL_REACH = 40

# "By Staff writer / January 11, 2012": a name without digits, then the date.
_BYLINE_RE = re.compile(
    rf"by\s+(?P<who>[^\d\n]{{2,80}}?)\s*(?:[/|·•,;:–—-]|\bon\b|\n)\s*[^\d\n]{{0,40}}?"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)

# "The News, Thursday, June 25, 2009", "Dawn | Monday, 5 August 2019": an outlet, then the day
_OUTLET_DATE_RE = re.compile(
    rf"^(?:The\s+)?[A-Z][\w.&'’]+(?:\s+[A-Z][\w.&'’]+){{0,3}}\s*[,|·•-]\s*(?:{_WEEKDAY},?\s*)?(?P<date>{_DATE})"
    rf"\s*(?:[,|·•-]?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*$",
)
# "Wed 05 Apr 2017 10.05 BST", "January 11, 2012", "2013-05-02T10:00:00Z".
_DATE_LINE_RE = re.compile(rf"(?P<weekday>{_WEEKDAY}\s+)?(?P<date>{_DATE})", re.IGNORECASE)
# What may follow a date on a line of its own: a time, a zone, a separator.
_TIME_TAIL_RE = re.compile(
    r"\s*(?:[,|·•/]\s*)?(?:at\s+)?"
    r"(?:T?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?|[AP]M)?)?"
    r"(?:\s*(?:Z|[A-Z]{2,5}|(?:GMT|UTC)?\s?[+-]\d{1,2}(?::?\d{2})?)){0,2}\s*"
    r"(?P<sep>[-–—|:].*)?$",
)
# What may stand between a label and its date: a time, a zone, a weekday, an
# author ("Posted by Jane Doe on ...", names capitalised).
_LABEL_GAP_WORDS_RE = re.compile(
    rf"\b(?:{_WEEKDAY}|at|on|[ap]\.?m\.?|by(?-i:(?:\s+[A-Z][\w.'’-]*){{1,4}}))(?![a-z])",
    re.IGNORECASE,
)

# "ISLAMABAD, March 3, 2013 (Reuters) -": a city in capitals, optionally a
# province or country, the date, an optional agency, then a dash.
_DATELINE_RE = re.compile(
    rf"(?P<city>[A-Z][A-Z.'’\- ]{{1,40}}?)(?:\s*\([^)\n]{{1,30}}\))?,\s*"
    rf"(?:[A-Z][A-Za-z.'’\- ]{{1,30}},\s*)?(?:{_WEEKDAY}\s+)?(?P<date>{_DATE})"
    rf"\s*(?:\([^)\n]{{1,40}}\)\s*)?[-–—:]",
)
# The same with a city in title case, only when an agency credit says it is one.
_DATELINE_AGENCY_RE = re.compile(
    rf"(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}),\s*"
    rf"(?:[A-Z][A-Za-z.'’\- ]{{1,30}},\s*)?(?:{_WEEKDAY}\s+)?(?P<date>{_DATE})"
    rf"\s*\((?:Reuters|AP|AFP|Xinhua|IANS|APP|PTI|UPI|dpa|DPA|Anadolu|ANI|NNI)\)\s*[-–—:]",
)

# url path dates: /2012/09/01/, /2012-09-01/, /2012/jan/11/, 20120901
_URL_SEP_RE = re.compile(r"(?<!\d)((?:19|20|21)\d\d)([/_.-])(\d{1,2})\2(\d{1,2})(?!\d)")
_URL_MONTHNAME_RE = re.compile(
    rf"(?<![a-z\d])((?:19|20|21)\d\d)/({_MONTH_NAME})/(\d{{1,2}})(?!\d)", re.IGNORECASE
)
_URL_COMPACT_RE = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
#: day first, as Pakistani papers write them: ``/24-Jun-2012/``, ``story_28-10-2011``; read
#: as ``_loose_date`` reads dashed dates
_URL_DAY_FIRST_RE = re.compile(
    rf"(?<![a-z\d])\d{{1,2}}-(?:\d{{1,2}}|{_MONTH_NAME})-(?:19|20)\d\d(?!\d)", re.IGNORECASE
)


def plausible(value: dt.date | None) -> dt.date | None:
    """Return ``value`` if its year could be a news publication date, else None."""
    if value is None or not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    return value


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower())


def _parse_date(expr: str) -> dt.date | None:
    """Parse one string matched by ``_DATE``; None if it is not a real date."""
    expr = expr.strip()
    if m := _MDY_RE.match(expr):
        month = _month(m.group(1))
        return _make(int(m.group(3)), month, int(m.group(2))) if month else None
    if m := _DMY_RE.match(expr):
        month = _month(m.group(2))
        return _make(int(m.group(3)), month, int(m.group(1))) if month else None
    if m := _YMD_RE.match(expr):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC_RE.match(expr):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # 02/05/2013 is February in Washington and May in London: refuse. With dots,
        # 10.06.2021 is day first: the dotted form is the European and Turkish one.
        if first > 12 >= second or (_DOTTED_RE.match(expr) and second <= 12):
            return _make(year, second, first)
        if second > 12 >= first or first == second:
            # (6/6/2021 is the same day read either way)
            return _make(year, first, second)
        return None
    return None


_URL_QUERY_DATE_RE = re.compile(r"[?&][A-Za-z_]*(?:time|date|day|pub)[A-Za-z_]*=((?:19|20)\d\d)-(\d\d)-(\d\d)\b",
                                re.IGNORECASE)


def date_from_url(url: str | None) -> dt.date | None:
    """The date in a url path (``/2012/09/01/``, ``/2012-09-01/``, ``20120901``).

    Only the path is read: hostnames and query strings carry ids and cache
    busters that look like dates.
    """
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:  # "http://[::1" and other malformed netlocs
        path = url
    for pattern in (_URL_SEP_RE, _URL_MONTHNAME_RE, _URL_COMPACT_RE):
        for m in pattern.finditer(path):
            if pattern is _URL_SEP_RE:
                found = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
            elif pattern is _URL_MONTHNAME_RE:
                month = _month(m.group(2))
                found = _make(int(m.group(1)), month, int(m.group(3))) if month else None
            else:
                found = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
    # "/kurdistan/17082022": eight digits, day first, as a whole path segment
    for seg in path.split("/"):
        if len(seg) == 8 and seg.isdigit() and seg[4:6] in ("19", "20"):
            found = _make(int(seg[4:]), int(seg[2:4]), int(seg[:2]))
            if found:
                return found
    # a query parameter that names a date ("...&CTIME=2012-07-11-06-12-33", "?date=2013-05-02")
    for m in _URL_QUERY_DATE_RE.finditer(url):
        if found := _make(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return found
    # day-first dates, in the path or in a query that names a page by its date
    for m in _URL_DAY_FIRST_RE.finditer(unquote(url)):
        if found := _loose_date(m.group()):
            return found
    return None


def _only_time(gap: str) -> bool:
    """True if ``gap`` holds only a time, a zone or a weekday, not story words."""
    return re.search(r"[a-z]", _LABEL_GAP_WORDS_RE.sub("", gap)) is None


_UPDATED_AT_RE = re.compile(
    r"\s+(?:last\s+)?(?:updated|modified|published)(?:\s+(?:at|on))?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s+[A-Z]{2,5})?\s*", re.IGNORECASE)


def _date_line(line: str, lede: bool) -> dt.date | None:
    """A line that is a date, maybe with a weekday before and a time after it.

    A date that opens a line of story text ("June 4, 2012 — a drone killed",
    "Wed 05 Apr 2017 ...") counts only while ``lede`` (no story read yet).
    """
    m = _DATE_LINE_RE.match(line)
    if not m:
        return None
    found = _parse_date(m.group("date"))
    if found is None:
        return None
    tail = _TIME_TAIL_RE.match(line, m.end())
    if tail and not tail.group("sep"):
        return found  # the date, maybe a time: nothing else on the line
    if _UPDATED_AT_RE.fullmatch(line, m.end()):
        return found  # "13 March 2012 Last updated at 12:40 GMT": the day, then the hour of an update
    # After a weekday the rest of the line may be anything ("Wed 05 Apr 2017 ...");
    # without one only a separator may follow, or "June 4, 2012 was the day..."
    # would count.
    if lede and (tail or m.group("weekday")):
        return found
    return None


def _candidates(line: str, lede: bool) -> list[tuple[int, dt.date]]:
    """(rank, date) for every reading of ``line`` as a byline or dateline.

    Rank 0 is a publication date, rank 1 an update date, used only when the
    head of the article has nothing better. Datelines that open a paragraph
    count only while ``lede``.
    """
    out: list[tuple[int, dt.date]] = []
    # "Last updated at Nov 27 2017 BEIRUT An intensifying push ...": a labelled date
    # whose line runs into the story
    if len(line) > _MAX_BYLINE_LEN and (label := _LABEL_RE.match(line)):
        line = line[: label.end() + _LABEL_REACH + 20]
    if len(line) <= _MAX_BYLINE_LEN:
        if m := _LABEL_RE.match(line):
            rank = 1 if m.group("label").lower().endswith(("updated", "modified")) else 0
            rest = line[m.end() :]
            d = _DATE_RE.search(rest, 0, _LABEL_REACH + 40)
            found = _parse_date(d.group()) if d and d.start() <= _LABEL_REACH else None
            if d and found and _only_time(rest[: d.start()]):
                out.append((rank, found))
        elif line[:3].lower() == "by " and (m := _BYLINE_RE.match(line)):
            before = line[: m.start("date")].lower()
            rank = 1 if "updated" in before or "modified" in before else 0
            if found := _parse_date(m.group("date")):
                out.append((rank, found))
        elif found := _date_line(line, lede):
            out.append((0, found))
        elif (m := _OUTLET_DATE_RE.match(line)) and (found := _parse_date(m.group("date"))):
            out.append((0, found))  # "The News, Thursday, June 25, 2009"
        elif found := _loose_date(line):
            out.append((0, found))  # "[11/March/2014]", "02.03.2021": a date alone on its line
    if not out and lede:
        m = _DATELINE_RE.match(line) or _DATELINE_AGENCY_RE.match(line)
        if m and (found := _parse_date(m.group("date"))):
            out.append((0, found))
    return out


def date_from_byline(text: str | None) -> dt.date | None:
    """The publication date stated by a byline or dateline at the head of ``text``.

    Only lines starting in the first ``HEAD_CHARS`` characters are read, and
    only when they look like a byline ("By Staff writer / January 11, 2012"),
    a labelled date ("Published: 2013-05-02", "Updated Jan. 11, 2012 4:05
    p.m."), a wire dateline ("ISLAMABAD, March 3, 2013 (Reuters) -") or a date
    line of its own ("Wed 05 Apr 2017 10.05 BST"). A date opening a line of
    text ("ISLAMABAD, March 3, 2013 (Reuters) - ...") counts only before the
    second paragraph of story text, where a lede can still start. A
    publication date beats an update date; among equals the first wins.
    """
    if not text:
        return None
    # "Last updated at Nov 272017 BEIRUT ...": a scraped head whose date lost a space
    head = _GLUED_YEAR_RE.sub(r"\1 \2 \3", text[: HEAD_CHARS + _MAX_BYLINE_LEN])
    best: tuple[int, int, dt.date] | None = None
    pos = 0
    paragraphs = 0  # lines of story text read so far
    for raw_line in head.split("\n"):
        start = pos
        pos += len(raw_line) + 1
        if start >= HEAD_CHARS:
            break
        found_here = False
        if _HAS_YEAR_RE.search(raw_line):
            lede = paragraphs < _LEDE_PARAGRAPHS
            for rank, found in _candidates(raw_line.strip(), lede):
                found_here = True
                if best is None or (rank, start) < best[:2]:
                    best = (rank, start, found)
            if best is not None and best[0] == 0:
                break
        if not found_here and len(raw_line) >= _PARAGRAPH_LEN:
            paragraphs += 1
    if best is None:
        return (_lede_date(text[:_LEDE_CHARS]) or _tail_date(text[-_TAIL_CHARS:]) or _print_line(text[-_PRINT_CHARS:])
                or _ambiguous_by_weekday(head))
    return best[2]


_AMBIGUOUS_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
_AMBIGUOUS_LABEL_RE = re.compile(r"(?:Issued\s+on|Published|Posted|Updated|Modified|Date)\s*:?\s*$", re.IGNORECASE)
_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _ambiguous_by_weekday(head: str) -> dt.date | None:
    """"Issued on: 04/01/2024" over "killed one of its commanders on Thursday": 4 January 2024 was a
    Thursday and 1 April a Monday, so the day named in the lead settles which way the page writes
    its dates. Only one reading may fit the day told (that day, or the day after it)."""
    if "/" not in head:
        return None  # (most pages: no numeric date to read at all)
    m = _AMBIGUOUS_RE.search(head)
    if m is None or not _AMBIGUOUS_LABEL_RE.search(head, max(0, m.start() - 20), m.start()):
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    readings = {d for d in (_make(year, b, a), _make(year, a, b)) if d is not None}
    if len(readings) != 2:
        return None
    named = {_WEEKDAYS.index(w.lower()) for w in _WEEKDAY_RE.findall(head[m.end() : m.end() + 1200])}
    fits = [d for d in readings if any((d.weekday() - w) % 7 in (0, 1) for w in named)]
    return fits[0] if len(fits) == 1 else None


#: how far from the end a newspaper's print line may sit, above related links and comments
_PRINT_CHARS = 2500
_PRINT_LINE_RE = re.compile(rf"^(?:Published|Printed)\s+in\s+(?:the\s+)?[A-Z][\w.&' ]{{1,40}},\s*(?P<date>{_DATE})\s*\.?$",
                            re.IGNORECASE | re.MULTILINE)


def _print_line(tail: str) -> dt.date | None:
    """ "Published in Dawn, November 4th, 2010": the print line, though page furniture follows it."""
    found = [m for m in _PRINT_LINE_RE.finditer(tail)]
    return _parse_date(found[-1].group("date")) if found else None


#: how far from the end a sign-off date line may sit ("Published 08-07-2022 | Rudaw")
_TAIL_CHARS = 300
_TAIL_BEFORE_RE = re.compile(
    # "Copyright 2014 The Associated Press. Thursday, November 6, 2014 12:47 PM EST"
    rf"^(?:(?:copyright|©)\s*(?:19|20)\d\d\s+[^.]{{1,50}}\.\s+)?"
    # "Source: Xinhua | 2010-02-14 19:36:18": an agency's stamp under the story
    rf"(?:source\s*:\s*[\w .&'-]{{1,40}}?\s*\|\s*)?"
    rf"(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|date)\s*:?\s*"
    # "Published in Dawn, September 16th, 2010", "Published in The Express Tribune, May 10th, 2013."
    rf"(?:in\s+(?:the\s+)?[A-Z][\w.&' ]{{1,40}},\s*)?)?(?:{_WEEKDAY}\s*)?$",
    re.IGNORECASE,
)
_TAIL_AFTER_RE = re.compile(r"^\s*(?:$|[-–—|,.]|\d{1,2}[:.]\d{2})")
_TAIL_DATE_RE = re.compile(
    rf"{_DATE}|(?<![\w.-])\d{{1,2}}[.-]\d{{1,2}}[.-](?:19|20)\d\d(?![\w.-])", re.IGNORECASE
)


def _tail_date(tail: str) -> dt.date | None:
    """A date line signing off the article: "Nov 05, 2014 - 15:21", "02.03.2021".

    Only short lines that are a date (maybe labelled, maybe with a time or a
    source after a bar) count; a date inside a sentence of the story never does.
    """
    lines = [ln.strip() for ln in tail.splitlines() if ln.strip()]
    for line in reversed(lines[-4:]):
        if len(line) > (110 if re.match(r"(?i:copyright|©)", line) else 60):
            continue
        for m in _TAIL_DATE_RE.finditer(line):
            if _TAIL_BEFORE_RE.match(line[: m.start()]) and _TAIL_AFTER_RE.match(line[m.end() :]):
                found = _loose_date(m.group())
                if found is not None:
                    return found
    return None


_DOTTED_RE = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-]((?:19|20)\d\d)$")
_DASHED_NAME_RE = re.compile(rf"^(\d{{1,2}})-({_MONTH_NAME})-((?:19|20)\d\d)$", re.IGNORECASE)


#: "[11/March/2014]": Saba's date line over its stories
_SLASHED_NAME_RE = re.compile(rf"^\[?(\d{{1,2}})/({_MONTH_NAME})/((?:19|20)\d\d)\]?$", re.IGNORECASE)


def _loose_date(expr: str) -> dt.date | None:
    """A date alone on a sign-off or dateline line, in the forms news sites print.

    Dotted and dashed numeric dates are read day first (02.03.2021 is 2 March),
    as the outlets that print them do; slashed ones stay refused when ambiguous.
    """
    expr = expr.strip().rstrip(",")
    if (d := _DATE_RE.fullmatch(expr)) and (found := _parse_date(d.group())):
        return found
    if m := _DOTTED_RE.match(expr):
        return _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := (_DASHED_NAME_RE.match(expr) or _SLASHED_NAME_RE.match(expr)):
        month = _month(m.group(2))
        return _make(int(m.group(3)), month, int(m.group(1))) if month else None
    return None


#: how far into a text a bare full date is still the dateline, not the story
_LEDE_CHARS = 400
_DASHED_DMY_RE = re.compile(r"(?<![\w.-])(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)(?![\w-])")
# words before a date that make it a date of the story ("on June 4, 2012")
_STORY_BEFORE_RE = re.compile(
    r"\b(?:on|since|in|until|till|before|after|from|by|of|the|between|and|to|during|late|early)"
    r"\s*,?\s*(?:\w+,?\s+)?$",
    re.IGNORECASE,
)


def _lede_date(head: str) -> dt.date | None:
    """A full date in the first lines that no story word introduces.

    Datelines come in more shapes than patterns can list ("Quneitra, 29
    August 2021 (SANA) -", "MUKALLA, Yemen — Monday, 23 February 2015",
    "KABUL (Oct. 17, 2011) —", "29-07-2015 Israeli drone ..."); what they share
    is a full date near the top that is not the object of "on", "since" or
    "in", which is how the story itself dates things.
    """
    found: list[tuple[int, dt.date]] = []
    for m in _DATE_RE.finditer(head):
        if (d := _parse_date(m.group())) is not None:
            found.append((m.start(), d))
    for m in _DASHED_DMY_RE.finditer(head):
        if (d := _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))) is not None:
            found.append((m.start(), d))
    for m in re.finditer(rf"(?<![\w-])\d{{1,2}}-{_MONTH_NAME}-(?:19|20)\d\d(?![\w-])", head, re.IGNORECASE):
        if (d := _loose_date(m.group())) is not None:
            found.append((m.start(), d))
    for start, d in sorted(found, key=lambda x: x[0]):
        # only the words on the date's own line can make it a date of the story
        before = head[max(0, start - 25) : start].split("\n")[-1]
        # a weekday before the date belongs to the dateline ("Monday, 23 February 2015")
        before = re.sub(rf"{_WEEKDAY}\s*$", "", before)
        labelled = re.search(r"(?:publication|published|posted|updated|dated)\s*:?\s*$|"
                             r"\b(?:[Ww]ritten|[Pp]osted|[Ff]iled)\s+by\s+[^.\n]{1,40}?\s+on\s+$",
                             head[max(0, start - 70) : start], re.IGNORECASE)
        if _STORY_BEFORE_RE.search(before) and not labelled:
            continue
        # "June 4, 2012 was the day ...": a date that a sentence goes on from is story
        after = head[start:].split("\n", 1)[0]
        follow = re.match(rf"(?:{_DATE}|\d{{1,2}}-\d{{1,2}}-\d{{4}})[\s,]*(?P<next>\S*)", after)
        nxt = follow.group("next") if follow else ""
        if nxt[:1].islower() and not labelled:
            continue
        return d
    return None

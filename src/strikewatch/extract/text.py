"""Sentence splitting with character offsets.

A regex splitter rather than a model: news prose is regular enough, it runs
at tens of thousands of sentences a second, and every offset stays exact so
evidence spans point into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strikewatch.model import Span

# Tokens that end in a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr gen lt col maj capt sgt cpl pvt adm brig cmdr cdr gov sen rep rev
    st mt ft jr sr prof no nos vol fig inc ltd co corp dept est approx vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n a.m p.m e.g i.e
    """.split()
)

_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+|$)|\n[ \t]*\n+|\n(?=[ \t]*[-•*\u2022])""")
_LINE_BREAK = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # single initials ("J. Smith") and dotted acronyms ("U.S.")
    if len(word) == 1 and text[i].isupper():
        return True
    return "." in word and all(len(part) <= 2 for part in word.split("."))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text`` itself."""
    out: list[Sentence] = []
    start = 0
    n = len(text)
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        token = match.group()
        if token[0] == "." and _is_abbreviation(text, match.start()):
            # "U.S. drones" continues; "in the U.S. The ..." may end, so look
            # at what follows: a capitalised common sentence opener ends it.
            nxt = text[end : end + 12].lstrip()
            if not nxt[:1].isupper() or not re.match(r"(The|A|An|In|On|It|He|She|They)\b", nxt):
                continue
        _append(out, text, start, end)
        start = end
    if start < n:
        _append(out, text, start, n)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    # A single newline inside a block of short lines (navigation, headlines)
    # is a boundary too; inside wrapped prose it is not. Split on newlines
    # when the piece has lines that do not end in sentence punctuation and
    # start with a capital, which is how headline/nav blocks look.
    piece = text[start:end]
    if "\n" in piece.strip():
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", piece)]
        if len(lines) > 1 and _looks_like_blocks(piece, lines):
            for ls, le in lines:
                _append_one(out, text, start + ls, start + le)
            return
    _append_one(out, text, start, end)


def _looks_like_blocks(piece: str, lines: list[tuple[int, int]]) -> bool:
    first = piece[lines[0][0] : lines[0][1]].rstrip()
    return len(first) < 200 and bool(first) and first[-1] not in ",;:-"


#: a run-on "sentence" this long, with no stop inside, has lost its punctuation
_RUN_ON = 260
#: where a sentence that lost its full stop most likely began: a lower-case word, then
#: a capitalised opener ("... the same day The shadow district chief ...")
_LOST_STOP = re.compile(
    # function words open a sentence after any word ("... Pajhwok Afghan News A provincial ...")
    r"(?<=[a-z0-9)’'\"]) (?=(?:The|A|An|In|On|At|He|She|They|It|His|Their|Separately|Meanwhile|"
    r"Elsewhere|Earlier|Later|According|However|Another|Hours|Days|Minutes|Shortly|Soon|"
    r"Subsequently|Similarly|Also)\s+[a-z0-9A-Z])"
    # other openers only after a lower-case word, not inside a name ("International Security")
    r"|(?<=[a-z0-9’'])(?P<content> )(?=(?:Police|Officials|Residents|Sources|Security|Local|Two|Three|"
    r"Four|Five|Six|Seven|Eight|Nine|Ten)\s+[a-z0-9A-Z])"
)
_PREV_WORD = re.compile(r"(\S+)\s*$")
_STOP = re.compile(r"[.!?]")


def _lost_stops(text: str, start: int, end: int) -> list[int]:
    cuts = []
    for m in _LOST_STOP.finditer(text, start + 40, end - 20):
        if m.group("content"):
            prev = _PREV_WORD.search(text, max(start, m.start() - 30), m.start())
            if prev is None or not prev.group(1)[:1].islower():
                continue
        cuts.append(m.start() + 1)
    return cuts


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: a dateline run into the story's first sentence, as news feeds flatten them: "Idlib
#: Saturday 14 October 2023 A Russian drone ...", "Published June 4 2016 A Russian airstrike ..."
_DATELINE_RUN_IN = re.compile(
    rf"(?:\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?|\b(?:Published|Updated|publication|Posted)(?:\s+on)?:?)"
    rf"\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d\d"
    rf"(?:,?\s+\d{{1,2}}[:.]\d\d(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC))?)?(?P<cut>\s+)(?=[A-Z0-9\"“])"
)


def _dateline_cuts(text: str, start: int, end: int) -> list[int]:
    cuts = []
    m = _DATELINE_RUN_IN.search(text, start, min(end, start + 200))
    if m is not None and end - m.end("cut") >= 20:
        cuts.append(m.end("cut"))
    # "Turkish drones hit Kurdish-held northeast Syria as Ankara weighs ground assault\n<date>
    # Turkish drones hit ... ground assault Reuters Turkish drones struck ...": the headline
    # said again at the head of the story, run into its first sentence
    nl = text.find("\n")
    title = text[:nl].strip() if nl > 0 else ""
    if len(title) >= 25 and start > nl:
        for at in (start, *cuts):
            head = text[at : at + len(title)]
            if head == title and end - (at + len(title)) >= 20 and not text[at + len(title)].isalnum():
                cuts.append(at + len(title))
                break
    return cuts


def _append_one(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    cuts = _lost_stops(text, start, end) if end - start > _RUN_ON and not _STOP.search(text, start, end) else []
    cuts = sorted({*_dateline_cuts(text, start, end), *cuts})
    # a digest paragraph whose full stops were lost in transit: split where the next sentence
    # most likely began, so that two strikes are two sentences again
    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(len(out), a, b, text[a:b]))


# -- page furniture ------------------------------------------------------------------------

#: a heading over other stories' headlines ("Related", "Most read") or over readers' comments
_LIST_HEAD = re.compile(
    r"^[ \t]*(?:related(?:\s+(?:stories|articles|news|content|coverage|posts|reading|links|topics))?|"
    r"more\s+(?:stories|news|from|on|in)\b[^\n]{0,40}|most\s+(?:read|popular|viewed|shared|commented)|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|recommended(?:\s+for\s+you)?|"
    r"also\s+read|see\s+also|latest\s+(?:news|stories|headlines)|trending(?:\s+now)?|top\s+stories|"
    r"editor'?s\s+picks|what\s+to\s+read\s+next|further\s+reading|read\s+more|keep\s+reading|read\s+next|"
    r"up\s+next|more\s+on\s+this(?:\s+story)?)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_COMMENTS_HEAD = re.compile(
    r"^[ \t]*(?:comments?(?:\s*\(\d+\))?|\d+\s+comments?|reader\s+comments|readers'?\s+comments|"
    r"leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|join\s+the\s+(?:conversation|discussion))"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: "Read more: Tirah, Khyber Agency, PAF", "Tags: drones, Yemen": a line of links
_LINK_LINE = re.compile(r"^[ \t]*(?:read\s+more|tags|topics|filed\s+under|keywords)[ \t]*:[^\n]*$",
                        re.IGNORECASE | re.MULTILINE)
_PROSE_END = re.compile(r"[.!?][\"'’”)]*$")


def furniture(text: str) -> list[tuple[int, int]]:
    """Character ranges of a saved web page that are not the article.

    A crawler's plain text keeps the headlines of other stories ("Related",
    "Most read") and readers' comments below an article; a strike named there
    is another story's, or hearsay.  A list runs from its heading over the
    short, unpunctuated headline lines after it; comments run to the end.
    """
    out: list[tuple[int, int]] = []
    head = _COMMENTS_HEAD.search(text)
    if head is not None and head.start() > len(text) // 3:
        out.append((head.start(), len(text)))
    for m in _LIST_HEAD.finditer(text):
        end = m.end()
        for line in re.finditer(r"[^\n]*(?:\n|$)", text[m.end():]):
            body = line.group().strip()
            if not line.group():
                break
            if body and (len(body) > 160 or (_PROSE_END.search(body) and not body.startswith(("-", "•", "*")))):
                break
            end = m.end() + line.end()
        out.append((m.start(), end))
    out.extend((m.start(), m.end()) for m in _LINK_LINE.finditer(text))
    return out

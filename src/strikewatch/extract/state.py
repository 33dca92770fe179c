"""The working state components read and write while one document is extracted.

A ``Frame`` is one event as one sentence (plus the follow-up sentences bound
to it) states it; the assembler later merges frames about the same strike
into one ``Mention``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from strikewatch.extract.dates import DateExpr
from strikewatch.extract.text import Sentence
from strikewatch.model import Document, Place, Span


@dataclass(slots=True)
class Frame:
    sentence: Sentence
    type: str  # drone_strike, air_strike, other_attack
    trigger: Span
    #: reported, background, hypothetical, negated, aggregate_total
    status: str = "reported"
    aggregate: bool = False
    #: only refers back to a strike already reported ("the July 10 strike")
    anaphoric: bool = False
    #: says it is a different strike from the one before ("a second strike")
    distinct: bool = False
    #: "the first strike" = 1, "the second drone" = 2, "the latest" = -1
    ordinal: int | None = None
    #: the other sentences whose facts belong to this frame
    extra: list[Sentence] = field(default_factory=list)
    #: the char range inside the sentence bound to this trigger
    scope: tuple[int, int] = (0, 0)
    dates: list[DateExpr] = field(default_factory=list)
    date: DateExpr | None = None
    figures: list[Any] = field(default_factory=list)
    places: list[tuple[Span, Place]] = field(default_factory=list)
    place: tuple[Span, Place] | None = None
    country: tuple[Span, str] | None = None
    perpetrator: tuple[Span, str] | None = None
    #: the perpetrator came from the rest of the article, not from the frame's own sentences
    perpetrator_inferred: bool = False
    #: the date is the strike's own name for itself: "the Sept. 18 strike"
    date_names_strike: bool = False
    groups: list[tuple[Span, str]] = field(default_factory=list)
    named: list[tuple[Span, str]] = field(default_factory=list)
    missiles: tuple[Span, int] | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def ranges(self) -> list[tuple[int, int]]:
        """Character ranges of the text this frame may take facts from."""
        out = [self.scope]
        out.extend((s.start, s.end) for s in self.extra)
        return out


@dataclass(slots=True)
class DocState:
    document: Document
    text: str
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    #: the country the document is mostly about, as a fallback only
    doc_country: str | None = None
    #: the area the whole story is set in ("Life in al-Qaida's Mukalla"), when one area
    #: dominates the places it puts things in: where its unplaced strikes were
    story_area: tuple[Span, Place] | None = None
    #: the countries the article names, or names an area of
    named_countries: set[str] = field(default_factory=set)
    #: (name, country) of gazetteer places the text shows to be namesakes elsewhere ("the Tor
    #: Ghar area of Pachiragam district" is not Pakistan's Tor Ghar)
    namesakes: set[tuple[str, str]] = field(default_factory=set)
    trace: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False
    #: gazetteer matches per sentence span, found once for the components that ask again
    places_in: dict[tuple[int, int], list[Any]] = field(default_factory=dict)

    def places(self, start: int, end: int) -> list[Any]:
        """The gazetteer's place matches in ``text[start:end]`` (offsets relative to ``start``)."""
        key = (start, end)
        found = self.places_in.get(key)
        if found is None:
            from strikewatch.extract.gazetteer import get_gazetteer

            found = get_gazetteer().find(self.text[start:end])
            self.places_in[key] = found
        return found

    def note(self, component: str, message: str, span: Span | None = None) -> None:
        entry: dict[str, Any] = {"component": component, "decision": message}
        if span is not None:
            entry["span"] = span.to_json()
        self.trace.append(entry)

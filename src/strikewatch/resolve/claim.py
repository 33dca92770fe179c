"""One source's claim about a strike: what resolution compares and keeps.

A :class:`Claim` is the slice of a :class:`~strikewatch.model.Mention` (or of
a reference-list :class:`~strikewatch.model.Event`) that resolution needs,
plus the publication date of the report, which a mention does not carry but
which bounds the strike's date when the text gives none ("a drone killed
four", published on the 12th, is a strike of the 12th or a day or two
before). Claims are kept whole inside events so every source's figures stay
visible and the event can be rebuilt from them at any time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Literal, cast

from strikewatch.model import DatePrecision, Event, EventType, Mention

AnchorKind = Literal["stated", "published"]

#: the casualty figures a claim carries, as ``(min field, max field)`` pairs
FIGURES: tuple[str, ...] = ("killed", "civilians", "children", "injured")


@dataclass(slots=True)
class Claim:
    """One report of one strike, as resolution compares and keeps it.

    ``key`` names the source uniquely (``doc_id#index`` for a mention);
    ``date`` is set only when the report states the day; ``published`` is
    the report's publication date, used when it does not. Figures are ranges
    with ``None`` for an open side ("at least 4" is ``(4, None)``).
    """

    key: str
    doc_id: str
    index: int | None = None
    type: EventType = "drone_strike"
    origin: str = "extracted"
    date: dt.date | None = None
    date_value: str | None = None
    date_precision: DatePrecision | None = None
    published: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    district: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    killed_min: int | None = None
    killed_max: int | None = None
    civilians_min: int | None = None
    civilians_max: int | None = None
    children_min: int | None = None
    children_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    missiles: int | None = None
    perpetrator: str | None = None
    groups: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    text: str = ""
    aggregate: bool = False
    confidence: float = 0.5
    #: the list the report is an entry of (:class:`~strikewatch.model.Listing`)
    listing: str | None = None

    def __post_init__(self) -> None:
        # a swapped range ("6-4") is one typing slip, not two claims
        for name in FIGURES:
            lo, hi = self.figure(name)
            if lo is not None and hi is not None and lo > hi:
                setattr(self, f"{name}_min", hi)
                setattr(self, f"{name}_max", lo)
        if self.date is not None and self.date_precision is None:
            self.date_precision = "day"

    # ------------------------------------------------------------ builders

    @classmethod
    def from_mention(
        cls,
        m: Mention,
        mention_key: int | str,
        *,
        published: dt.date | None = None,
        listing: str | None = None,
    ) -> Claim:
        """The claim of one extracted mention.

        ``mention_key`` is the mention's index in its document (the key
        becomes ``doc_id#index``) or any string the caller already uses to
        name the mention (a store row id). ``published`` is the document's
        publication date and ``listing`` the name of the list it is an entry
        of, if any; pass them, since a mention does not carry them.
        """
        if isinstance(mention_key, int):
            key, index = f"{m.doc_id}#{mention_key}", mention_key
        else:
            key, index = mention_key, None
        return cls(
            key=key,
            doc_id=m.doc_id,
            index=index,
            type=m.type,
            date=m.date if m.date_precision in (None, "day") else None,
            date_value=m.date_value,
            date_precision=m.date_precision,
            published=published,
            country=m.country,
            admin1=m.admin1,
            district=m.district,
            place=m.place,
            lat=m.lat,
            lon=m.lon,
            geo_precision=m.geo_precision,
            killed_min=m.killed_min,
            killed_max=m.killed_max,
            civilians_min=m.civilians_min,
            civilians_max=m.civilians_max,
            children_min=m.children_min,
            children_max=m.children_max,
            injured_min=m.injured_min,
            injured_max=m.injured_max,
            missiles=m.missiles,
            perpetrator=m.perpetrator,
            groups=tuple(m.groups),
            named=tuple(m.named),
            text=m.sentence.text,
            aggregate=m.aggregate,
            confidence=m.confidence,
            listing=listing,
        )

    @classmethod
    def from_event(cls, event: Event, key: str | None = None) -> Claim:
        """The claim a reference list makes: one row of TBIJ, New America, ...

        Its key is ``origin:source_ref`` (or the event id) unless given, and
        its text is the event's notes, which is all the prose a row has.
        """
        ref = key or event.event_id or f"{event.origin}:{event.source_ref}"
        precision = event.date_precision or ("day" if event.date else None)
        return cls(
            key=ref,
            doc_id=ref,
            index=None,
            type=event.type,
            origin=event.origin,
            date=event.date if precision == "day" else None,
            date_value=event.date.isoformat() if event.date else None,
            date_precision=precision,
            published=None,
            country=event.country,
            admin1=event.admin1,
            district=event.district,
            place=event.place,
            lat=event.lat,
            lon=event.lon,
            geo_precision=event.geo_precision,
            killed_min=event.killed_min,
            killed_max=event.killed_max,
            civilians_min=event.civilians_min,
            civilians_max=event.civilians_max,
            children_min=event.children_min,
            children_max=event.children_max,
            injured_min=event.injured_min,
            injured_max=event.injured_max,
            perpetrator=event.perpetrator,
            groups=tuple(event.groups),
            named=tuple(event.named),
            text=event.notes or "",
            aggregate=False,
            confidence=1.0,
        )

    # --------------------------------------------------------------- dates

    @property
    def anchor(self) -> dt.date | None:
        """The day blocking uses: the stated day, else the publication day."""
        return self.date if self.date is not None else self.published

    @property
    def anchor_kind(self) -> AnchorKind | None:
        """``stated`` when the report gives the day, ``published`` when only its own date."""
        if self.date is not None:
            return "stated"
        if self.published is not None:
            return "published"
        return None

    @property
    def partial_date(self) -> str | None:
        """The date as far as it is known when it is not a full day (``2014-06``, ``--07-10``)."""
        if self.date is not None:
            return None
        return self.date_value

    def figure(self, name: str) -> tuple[int | None, int | None]:
        """``(min, max)`` of ``killed``, ``civilians``, ``children`` or ``injured``."""
        lo = cast("int | None", getattr(self, f"{name}_min"))
        hi = cast("int | None", getattr(self, f"{name}_max"))
        return lo, hi

    # ------------------------------------------------------------- storage

    def to_json(self) -> dict[str, Any]:
        """A plain dict for a JSON column; :meth:`from_json` reads it back."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("date", "published"):
            value = out[name]
            out[name] = value.isoformat() if value else None
        out["groups"] = list(self.groups)
        out["named"] = list(self.named)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Claim:
        values = dict(data)
        for name in ("date", "published"):
            if values.get(name):
                values[name] = dt.date.fromisoformat(str(values[name]))
        values["groups"] = tuple(values.get("groups") or ())
        values["named"] = tuple(values.get("named") or ())
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})

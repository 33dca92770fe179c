"""The extraction pipeline: named, versioned components registered in one place.

Each component declares what it needs and what it adds, so the order can be
checked when the pipeline is built, and every stored row can say which
component version produced it (as spaCy's registry names do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from strikewatch.errors import ExtractError
from strikewatch.extract import assemble, events, fields
from strikewatch.extract.state import DocState
from strikewatch.extract.text import Sentence, furniture, split_sentences
from strikewatch.model import Document, Extraction


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[DocState], None]
    doc: str


def _sentences(state: DocState) -> None:
    sentences = split_sentences(state.text)
    skip = furniture(state.text)
    if skip:
        # other stories' headlines and readers' comments are not the article
        kept = [s for s in sentences if not any(lo <= s.start < hi for lo, hi in skip)]
        if len(kept) < len(sentences):
            state.note("sentences.v1", f"{len(sentences) - len(kept)} sentences of page furniture "
                       "(related headlines, comments, tag lines) left out")
        sentences = [Sentence(i, s.start, s.end, s.text) for i, s in enumerate(kept)]
    state.sentences = sentences


#: The one registry of components, in pipeline order.
COMPONENTS: tuple[Component, ...] = (
    Component("sentences.v1", (), ("sentences",), _sentences,
              "split the text into sentences with exact offsets"),
    Component("events.v1", ("sentences",), ("frames", "frame.type", "frame.status"), events.detect,
              "find attack triggers; type them; mark background, hypothetical, negated, aggregate"),
    Component("followups.v1", ("frames",), ("frame.extra",), fields.bind_followups,
              "bind follow-up sentences that state the toll of the strike before"),
    Component("dates.v1", ("frames",), ("frame.date",), fields.find_dates,
              "find date phrases and resolve them against the publication date"),
    Component("casualties.v1", ("frames",), ("frame.figures", "frame.missiles"),
              fields.find_casualties, "find killed, civilian, child and injured figures"),
    Component("places.v1", ("frames",), ("frame.place", "frame.country", "doc_country"),
              fields.find_places, "find places with the gazetteer; pick where the strike hit"),
    Component("actors.v1", ("frames",), ("frame.perpetrator", "frame.groups", "frame.named"),
              fields.find_actors, "find who flew the drone, the groups and people hit"),
)


def _check_order(components: Iterable[Component]) -> None:
    have: set[str] = set()
    for c in components:
        missing = [r for r in c.requires if r not in have]
        if missing:
            raise ExtractError(
                f"component {c.name} needs {missing} but no earlier component assigns it; "
                f"order the pipeline so that {', '.join(missing)} comes first",
                code="pipeline_order",
            )
        have.update(c.assigns)


_check_order(COMPONENTS)

#: component versions, stored with every row the pipeline produces
VERSION = "+".join(c.name for c in COMPONENTS) + "+" + assemble.COMPONENT


def extract_document(doc: Document, *, explain: bool = False) -> Extraction:
    """Every event one document reports, each field traced to the text.

    A pure function of the document: the same input gives the same output on
    any machine, which is what lets the Dask path run it on workers.
    """
    state = DocState(document=doc, text=doc.text, published=doc.published)
    if doc.listing is None and not fields.can_report_strike(doc.text):
        state.note("prefilter.v1", "no drone or air-strike vocabulary: skipped")
        return Extraction(doc, [], [], [], state.trace if explain else [])
    for component in COMPONENTS:
        component.run(state)
    mentions, excluded = assemble.assemble(state)
    return Extraction(doc, mentions, excluded, state.warnings, state.trace if explain else [])


def extract_many(docs: Iterable[Document], *, explain: bool = False) -> Iterator[Extraction]:
    """Stream extraction over many documents."""
    for doc in docs:
        yield extract_document(doc, explain=explain)

"""The cheap first pass, run on the workers before any costly step.

``strikewatch.extract.fields.can_report_strike`` decides on a document's text.
On a news archive the costliest step comes before there is a text: turning
each HTML page into its main text (trafilatura, tens of milliseconds for a
150 KB page). :func:`html_can_report_strike` asks the same question of the
page itself, so that pages without any drone or air-strike vocabulary never
reach trafilatura.

It must never drop a page whose extracted text would pass, so it looks at
forms of the page that hold every word the extracted text can hold: the
page with its tags (and the control characters ingest removes) deleted,
once joining what they separated and once separating it, entities decoded,
lowercased. Running the first-pass pattern over a whole 150 KB page costs about
as much as trafilatura, so it runs only on short windows around the
*stems*: for each alternative of the pattern, the longest run of letters any
match must contain ("strike" for ``air[ -]?strike``). The stems are derived
from the pattern itself; if it ever holds syntax this derivation does not
understand, every page goes on to trafilatura (never a wrong drop).

Accepted limits: a stem broken by a run of more than 2,000 whitespace
characters, or written with letters that only Unicode case folding relates
to ASCII (beyond the long s, dotless i, dotted capital I and Kelvin sign,
which are handled), is not seen.
"""

from __future__ import annotations

import html
import re

from strikewatch.extract import fields
from strikewatch.extract.fields import can_report_strike
from strikewatch.ingest.decode import _BIDI_RE, _CONTROL_RE

__all__ = ["STEMS", "html_can_report_strike", "stems_of", "text_can_report_strike"]

_TAG = re.compile(r"<[^<>]*>")
#: the characters ingest's clean_text removes before the HTML is parsed
_REMOVED = re.compile(_CONTROL_RE.pattern[:-1] + _BIDI_RE.pattern[1:])
_SPACE = re.compile(r"\s+")
_CONTEXT = 64
_HEAD = 2048


def stems_of(pattern: str) -> tuple[str, ...] | None:
    """For each ``|`` alternative of ``pattern``, the longest literal run a match must contain.

    Lowercased. None when the pattern uses syntax this does not follow
    (groups, dots, counted repeats...) or an alternative has no run of three
    letters or more: then no page can safely be dropped by its stems.
    """
    if any(c in pattern for c in "()^$.{}*"):
        return None
    stems: list[str] = []
    for alternative in pattern.split("|"):
        runs: list[str] = []
        current = ""
        i = 0
        while i < len(alternative):
            c = alternative[i]
            if c == "\\":
                if i + 1 < len(alternative) and alternative[i + 1] in "bB":
                    i += 2
                    continue
                if i + 1 < len(alternative) and not alternative[i + 1].isalnum():
                    current += alternative[i + 1].lower()  # an escaped literal
                    i += 2
                    continue
                runs.append(current)  # \s, \d...: a class, not a literal
                current = ""
                i += 2
                if i < len(alternative) and alternative[i] in "+?":
                    i += 1
                continue
            if c == "[":
                end = alternative.find("]", i)
                if end < 0:
                    return None
                runs.append(current)
                current = ""
                i = end + 1
                if i < len(alternative) and alternative[i] in "+?":
                    i += 1
                continue
            if c == "?":
                current = current[:-1]  # the character before it is optional
                runs.append(current)
                current = ""
            elif c == "+":
                runs.append(current)
                current = current[-1:]
            else:
                current += c.lower()
            i += 1
        runs.append(current)
        best = max((r for r in runs), key=len, default="")
        if len(best.strip()) < 3:
            return None
        stems.append(best)
    return tuple(dict.fromkeys(stems))


STEMS = stems_of(fields._PREFILTER.pattern)


def text_can_report_strike(text: str) -> bool:
    """The first pass on a document's text (``can_report_strike``)."""
    return can_report_strike(text)


def _lower(text: str) -> str:
    low = text.lower()
    if not low.isascii():
        # letters that case-insensitive matching takes for ASCII ones
        low = low.replace("\u017f", "s").replace("\u0131", "i").replace("\u0307", "")
    return low


def _window_passes(form: str, at: int, stem: str) -> bool:
    head = form[max(0, at - _HEAD):at]
    stripped = head.rstrip()
    left = _SPACE.sub(" ", stripped[-4 * _CONTEXT:])[-_CONTEXT:]
    if len(stripped) < len(head):
        left += " "
    right = _SPACE.sub(" ", form[at:at + len(stem) + _CONTEXT])
    return can_report_strike(left + right)


def _form_passes(form: str) -> bool | None:
    """True if a window around a stem passes; False if none does; None: no stem at all."""
    assert STEMS is not None
    seen = False
    for stem in STEMS:
        at = form.find(stem)
        while at != -1:
            seen = True
            if _window_passes(form, at, stem):
                return True
            at = form.find(stem, at + 1)
    return False if seen else None


def _flat(page: str, joiner: str) -> str:
    """The page's text nodes: tags replaced by ``joiner``, entities decoded, lowercased."""
    flat = _TAG.sub(joiner, page)
    if _REMOVED.search(flat):
        flat = _REMOVED.sub("", flat)
    if "&" in flat:
        flat = html.unescape(flat)
    return _lower(flat)


def html_can_report_strike(page: str) -> bool:
    """False only if no text extracted from ``page`` could pass ``can_report_strike``.

    Extracted text is made of the page's text nodes, joined with nothing
    (inline markup) or with whitespace (blocks): a stem in it is a stem of
    the page with its tags removed, and a window that passes in the text
    passes in one of the two joined forms.
    """
    if STEMS is None:
        return True
    joined = _form_passes(_flat(page, ""))
    if joined is None:
        return False  # not one stem: the common case, one scan of the page
    return joined or bool(_form_passes(_flat(page, " ")))

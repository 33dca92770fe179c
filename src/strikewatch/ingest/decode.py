"""Bytes to clean text: encodings, binary sniffing and control characters.

Extraction cites character spans of ``Document.text``, so every repair
(decoding, newline normalisation, stripping controls) happens here, before
the text a document keeps is fixed; nothing changes it afterwards.
"""

from __future__ import annotations

import codecs
import re

from strikewatch.errors import IngestError

__all__ = ["clean_text", "declared_charset", "decode_bytes", "looks_binary"]

#: How much of a file the binary sniffer reads.
SNIFF_BYTES = 8192
#: Share of control bytes above which a file is not text.
MAX_CONTROL_SHARE = 0.05

# Control bytes that text files do not contain (tab, newlines, form feed and
# escape are allowed: old text files and terminal captures have them).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"
_NEWLINES_RE = re.compile(r"\r\n?|[\x0b\x0c]")
# C0/C1 controls except tab and newline, lone surrogates (from JSON "\ud800"
# escapes; no encoder accepts them) and the BOM as a stray character.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
# Bidirectional overrides, embeddings and isolates reorder what a reader sees
# ("Trojan Source"), so a highlighted span could show other words than it
# holds. Right-to-left text needs none of them; the marks U+200E/U+200F stay.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# WHATWG: pages labelled latin-1 or ascii are decoded as windows-1252.
_CP1252_ALIASES = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})


def looks_binary(sample: bytes) -> bool:
    """True if ``sample`` (the head of a file) is not text in an 8-bit encoding.

    A NUL byte is the classic sign (git and grep use it); a share of other
    control bytes catches the rest. Call it only after ruling out UTF-16.
    """
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(sample)


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or a Content-Type value declares, if any."""
    m = _CHARSET_RE.search(head)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Say "utf-16-le" or "utf-16-be" if NULs fall on every other byte, as in ASCII-range UTF-16."""
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.3 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.3 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` into text and say what had to be guessed.

    Order: a BOM (UTF-8, UTF-16, UTF-32); UTF-8 as it is; the ``declared``
    charset (HTTP header or ``<meta>``); UTF-16 without a BOM; else cp1252,
    which maps every byte, with a warning. Raises ``IngestError`` with code
    ``binary`` for data that is not text at all.
    """
    warnings: list[str] = []
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), warnings
            except UnicodeDecodeError as exc:
                warnings.append(f"invalid {codec} at byte {exc.start + len(bom)}; replaced")
                return body.decode(codec, errors="replace"), warnings
    sample = data[:SNIFF_BYTES]
    guessed16 = _utf16_without_bom(sample) if b"\x00" in sample else None
    if guessed16:
        text = data.decode(guessed16, errors="replace")
        head = text[: SNIFF_BYTES // 2]
        if len(_CONTROL_RE.findall(head)) <= MAX_CONTROL_SHARE * len(head):
            warnings.append(f"no byte-order mark; decoded as {guessed16}")
            return text, warnings
    if looks_binary(sample):
        raise IngestError("binary content (NUL or control bytes), not text", code="binary")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    charset = _codec_name(declared) if declared else None
    if charset in _CP1252_ALIASES:
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            warnings.append(f"bytes undefined in cp1252 (declared {declared}); replaced")
        return text, warnings
    if charset and charset != "utf_8":
        try:
            return data.decode(charset), warnings
        except UnicodeDecodeError:
            warnings.append(f"declared charset {declared} does not fit the bytes")
    warnings.append(f"not valid UTF-8 (byte {utf8_error}); decoded as cp1252")
    return data.decode("cp1252", errors="replace"), warnings


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None


def clean_text(text: str) -> tuple[str, list[str]]:
    """Normalise newlines and drop characters that must not reach a reader.

    Returns the text extraction will cite, and warnings that count what was
    removed. Newlines become ``\\n``; C0/C1 controls other than tab and
    newline, stray BOMs, lone surrogates and bidirectional overrides go.
    """
    warnings: list[str] = []
    if "\r" in text or "\x0b" in text or "\x0c" in text:
        text = _NEWLINES_RE.sub("\n", text)
    if _CONTROL_RE.search(text):
        text, n = _CONTROL_RE.subn("", text)
        warnings.append(f"removed {n} control or invalid character{'s' if n != 1 else ''}")
    if _BIDI_RE.search(text):
        text, n = _BIDI_RE.subn("", text)
        warnings.append(f"removed {n} bidirectional override character{'s' if n != 1 else ''}")
    return text, warnings

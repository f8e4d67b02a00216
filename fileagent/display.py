"""Names and messages shown as plain text.

A file name can hold anything but "/" and NUL: terminal escape sequences, newlines, bidi
overrides, rich markup, bytes that are not UTF-8. Wherever the agent prints a name (preview,
list, log, errors) it goes through `shown`, which writes every control or invisible-format
character as a visible escape (\\x1b, \\n, \\u202e) and undecodable bytes as \\xNN, so one entry stays
one line and nothing in a name reaches the terminal as a command. Text is never parsed as markup
(the rich consoles print Text objects, markup off).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line/paragraph separators, bidi marks and overrides, zero-width joiners
# and the BOM, and lone surrogates (bytes that were not UTF-8, kept by surrogateescape)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    o = ord(c)
    if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte, as surrogateescape holds it
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def shown(s: object) -> str:
    """`s` as one line of plain, visible text."""
    text = s if isinstance(s, str) else str(s)
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(text: str) -> str:
    """JSON text with lone surrogates (names that are not UTF-8) written as \\\\uXXXX escapes, so the
    document can be written to any UTF-8 stream and reads back to the same names."""
    if text.isascii():
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

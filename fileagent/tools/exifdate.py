"""The day a photo was taken, from its EXIF metadata, without any imaging library.

JPEG files carry EXIF in an APP1 segment ("Exif\\0\\0" then a TIFF structure); TIFF files and the
raw formats that are TIFF containers (.dng .nef .cr2 .arw ...) are that structure. The TIFF header
gives the byte order (II or MM) and where IFD0 starts; IFD0 points to the Exif IFD (tag 0x8769).
The date is DateTimeOriginal (0x9003), else DateTimeDigitized (0x9004), else IFD0's DateTime
(0x0132), each written "YYYY:MM:DD HH:MM:SS".

The input may be hostile: only the first HEAD bytes are read, every offset and count is checked
against them, an IFD holds at most MAX_ENTRIES entries, only IFD0 and the Exif IFD are visited (no
chain is followed, so no loop), and anything malformed gives None, never an exception. A date of
zeros ("0000:00:00", what cameras without a clock write) is no date.
"""

from __future__ import annotations

import re
import struct
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fileagent.agent.engine.treeview import Entry

HEAD = 128 * 1024
MAX_ENTRIES = 512
MAX_SEGMENTS = 64
# photo files worth opening: a selection of other files costs no read at all
PHOTO_EXTS = frozenset({"jpg", "jpeg", "jpe", "jfif", "tif", "tiff", "dng", "nef", "nrw", "cr2", "arw", "srw", "pef"})

_EXIF_IFD, _ORIGINAL, _DIGITIZED, _DATETIME = 0x8769, 0x9003, 0x9004, 0x0132
_DAY = re.compile(rb"(\d{4}):(\d{2}):(\d{2})")
_ASCII, _LONG, _IFD = 2, 4, 13


def _day(raw: bytes) -> date | None:
    m = _DAY.match(raw)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # "0000:00:00", month 13, ...
        return None


def _entries(tiff: bytes, order: str, at: int) -> dict[int, tuple[int, int, bytes]]:
    """The entries of the IFD at `at`: tag -> (type, count, the 4-byte value field)."""
    if at < 8 or at + 2 > len(tiff):
        return {}
    (n,) = struct.unpack_from(order + "H", tiff, at)
    n = min(n, MAX_ENTRIES, (len(tiff) - at - 2) // 12)
    out: dict[int, tuple[int, int, bytes]] = {}
    for i in range(n):
        tag, kind, count = struct.unpack_from(order + "HHI", tiff, at + 2 + 12 * i)
        out.setdefault(tag, (kind, count, tiff[at + 10 + 12 * i : at + 14 + 12 * i]))
    return out


def _text(tiff: bytes, order: str, field: tuple[int, int, bytes] | None) -> date | None:
    if field is None:
        return None
    kind, count, value = field
    if kind != _ASCII or count < 10:  # 10 bytes or more never fit in the value field: an offset
        return None
    (off,) = struct.unpack(order + "I", value)
    return _day(tiff[off : off + min(count, 32)]) if off + 10 <= len(tiff) else None


def from_tiff(tiff: bytes) -> date | None:
    """The date in a TIFF structure (offsets relative to its first byte), or None."""
    if len(tiff) < 8 or tiff[:4] not in (b"II*\x00", b"MM\x00*"):
        return None
    order = "<" if tiff[:2] == b"II" else ">"
    (first,) = struct.unpack_from(order + "I", tiff, 4)
    ifd0 = _entries(tiff, order, first)
    exif: dict[int, tuple[int, int, bytes]] = {}
    pointer = ifd0.get(_EXIF_IFD)
    if pointer is not None and pointer[0] in (_LONG, _IFD) and pointer[1] == 1:
        exif = _entries(tiff, order, struct.unpack(order + "I", pointer[2])[0])
    for field in (exif.get(_ORIGINAL), exif.get(_DIGITIZED), ifd0.get(_DATETIME)):
        day = _text(tiff, order, field)
        if day is not None:
            return day
    return None


def from_jpeg(data: bytes) -> date | None:
    """The date in the first EXIF APP1 segment of a JPEG, or None. Segments are walked from the
    start marker to the image data (SOS), at most MAX_SEGMENTS of them."""
    if data[:2] != b"\xff\xd8":
        return None
    at = 2
    for _ in range(MAX_SEGMENTS):
        if at + 4 > len(data) or data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # image data or end: no metadata after
            return None
        (length,) = struct.unpack_from(">H", data, at + 2)
        if length < 2:
            return None
        body = data[at + 4 : at + 2 + length]
        if marker == 0xE1 and body[:6] == b"Exif\x00\x00":
            return from_tiff(body[6:])
        at += 2 + length
    return None


def date_taken(data: bytes) -> date | None:
    """The day a photo was taken, from the first bytes of a JPEG or TIFF-based file; None for
    anything else, for a photo without one, and for garbage."""
    try:
        return from_jpeg(data) if data[:2] == b"\xff\xd8" else from_tiff(data)
    except (struct.error, ValueError, IndexError):  # checked above; a last guard for garbage
        return None


def photo_date(e: Entry, ext: str) -> date | None:
    """The EXIF date of a regular photo file as the plan leaves it (its first HEAD bytes, read
    through the no-follow descriptor walk), or None: folders, links and special files are not
    opened, nor files whose extension is not a photo's."""
    if e.is_dir or e.is_link or e.special or ext.lower() not in PHOTO_EXTS:
        return None
    try:
        return date_taken(e.read_head(HEAD))
    except OSError:  # unreadable now: its modification date stands
        return None

"""EXIF dates from crafted JPEG and TIFF bytes (both byte orders, the three date tags in turn), bounded
and quiet on hostile input, and {date} in a batch rename: a photo's date taken, a text file's
modification date, said in the preview and the same when it runs."""

from __future__ import annotations

import json
import os
import struct
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fileagent.tools.exifdate import HEAD, date_taken
from fileagent.tools.rename import date_note
from tests.tools.capkit import Kit, cli, plan_file

ORIGINAL, DIGITIZED, DATETIME, EXIF_IFD = 0x9003, 0x9004, 0x0132, 0x8769


def tiff(order: str, ifd0: dict[int, str], exif: dict[int, str] | None = None) -> bytes:
    """A minimal TIFF structure: header, IFD0 (its ASCII tags, and a pointer to the Exif IFD when
    `exif` is given), the Exif IFD, then the strings. `order` is "<" (II) or ">" (MM)."""
    bo = order
    n0 = len(ifd0) + (exif is not None)
    exif_at = 8 + 2 + 12 * n0 + 4
    data_at = exif_at + (2 + 12 * len(exif) + 4 if exif is not None else 0)
    data = bytearray()

    def ifd(tags: dict[int, str], pointer: bool) -> bytes:
        rows = []
        for tag, text in tags.items():
            raw = text.encode("ascii") + b"\0"
            rows.append((tag, struct.pack(bo + "HHII", tag, 2, len(raw), data_at + len(data))))
            data.extend(raw)
        if pointer:
            rows.append((EXIF_IFD, struct.pack(bo + "HHII", EXIF_IFD, 4, 1, exif_at)))
        return struct.pack(bo + "H", len(rows)) + b"".join(r for _, r in sorted(rows)) + b"\0\0\0\0"

    head = (b"II*\x00" if bo == "<" else b"MM\x00*") + struct.pack(bo + "I", 8)
    body = ifd(ifd0, exif is not None) + (ifd(exif, False) if exif is not None else b"")
    return head + body + bytes(data)


def jpeg(structure: bytes, *, jfif: bool = True) -> bytes:
    """SOI, an optional APP0 (JFIF), APP1 with "Exif\\0\\0" + `structure`, then image data."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    body = b"Exif\x00\x00" + structure
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    return b"\xff\xd8" + (app0 if jfif else b"") + app1 + b"\xff\xda\x00\x02" + b"\x00" * 64 + b"\xff\xd9"


def test_date_time_original_in_both_byte_orders():
    for order in ("<", ">"):
        t = tiff(order, {DATETIME: "2021:01:01 00:00:00"}, {ORIGINAL: "2019:07:14 18:30:05"})
        assert date_taken(jpeg(t)) == date(2019, 7, 14)
        assert date_taken(jpeg(t, jfif=False)) == date(2019, 7, 14)
        assert date_taken(t) == date(2019, 7, 14)  # a .tif / .dng is the structure itself


def test_digitized_then_ifd0_date_time_then_nothing():
    t = tiff("<", {DATETIME: "2021:01:01 00:00:00"}, {DIGITIZED: "2020:02:29 10:00:00"})
    assert date_taken(jpeg(t)) == date(2020, 2, 29)
    assert date_taken(jpeg(tiff(">", {DATETIME: "2021:03:04 05:06:07"}))) == date(2021, 3, 4)
    assert date_taken(jpeg(tiff("<", {0x010F: "Canon"}, {}))) is None


def test_zero_and_impossible_dates_are_absent():
    t = tiff("<", {}, {ORIGINAL: "0000:00:00 00:00:00", DIGITIZED: "2018:05:06 07:08:09"})
    assert date_taken(jpeg(t)) == date(2018, 5, 6)
    assert date_taken(jpeg(tiff(">", {DATETIME: "0000:00:00 00:00:00"}, {ORIGINAL: "2019:13:40 00:00:00"}))) is None
    assert date_taken(jpeg(tiff("<", {}, {ORIGINAL: "    :  :     :  :  "}))) is None


def test_garbage_and_other_formats_give_none():
    for data in (
        b"",
        b"\xff",
        b"\xff\xd8",
        b"II*\x00",
        b"MM\x00*\x00\x00",
        b"%PDF-1.7\n",
        b"\x89PNG\r\n\x1a\n",
        b"\0" * 64,
    ):
        assert date_taken(data) is None
    assert date_taken(b"\xff\xd8" + b"\xff\xe1\x00\x01") is None  # a segment length under 2
    assert date_taken(b"\xff\xd8" + b"\xff\xe1\xff\xff" + b"Exif\x00\x00II*\x00") is None  # longer than the file


def test_every_truncation_is_none_or_the_date():
    data = jpeg(tiff(">", {DATETIME: "2021:01:01 00:00:00"}, {ORIGINAL: "2019:07:14 18:30:05"}))
    got = {date_taken(data[:i]) for i in range(len(data) + 1)}
    assert got == {None, date(2021, 1, 1), date(2019, 7, 14)}
    assert date_taken(data[:40]) is None


def test_hostile_offsets_counts_and_loops():
    bo = "<"
    # IFD0 says 65,535 entries in a few bytes; its DateTime points far past the end
    huge = b"II*\x00" + struct.pack(bo + "IH", 8, 0xFFFF) + struct.pack(bo + "HHII", DATETIME, 2, 20, 0xFFFFFFF0)
    assert date_taken(huge) is None
    assert date_taken(jpeg(huge)) is None
    # the Exif pointer points back at IFD0, whose next-IFD pointer points at itself: read once, no loop
    loop = (
        b"II*\x00"
        + struct.pack(bo + "IH", 8, 1)
        + struct.pack(bo + "HHII", EXIF_IFD, 4, 1, 8)
        + struct.pack(bo + "I", 8)
    )
    assert date_taken(loop) is None
    assert date_taken(jpeg(loop)) is None
    # IFD0 inside the header, and an ASCII date claimed by a 4-byte value field
    assert date_taken(b"II*\x00" + struct.pack(bo + "I", 2) + b"\0" * 32) is None
    short = b"II*\x00" + struct.pack(bo + "IH", 8, 1) + struct.pack(bo + "HHI", DATETIME, 2, 4) + b"2019" + b"\0" * 4
    assert date_taken(short) is None
    # a JPEG whose markers never reach an EXIF segment within the segment cap
    assert date_taken(b"\xff\xd8" + b"\xff\xe2\x00\x02" * 200) is None


def test_exif_past_the_bytes_read_is_not_found():
    t = tiff("<", {}, {ORIGINAL: "2019:07:14 18:30:05"})
    filler = b"".join(b"\xff\xe2\xff\xff" + b"\0" * 0xFFFD for _ in range(HEAD // 0xFFFF + 1))
    far = b"\xff\xd8" + filler + jpeg(t)[2:]
    assert date_taken(far) == date(2019, 7, 14)  # given all of it, the walk finds it ...
    assert date_taken(far[:HEAD]) is None  # ... but only the first HEAD bytes are ever read


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=400))
def test_mutated_photos_never_raise(junk, at):
    data = bytearray(jpeg(tiff("<", {DATETIME: "2021:01:01 00:00:00"}, {ORIGINAL: "2019:07:14 18:30:05"})))
    data[at : at + len(junk)] = junk
    for sample in (bytes(data), b"II*\x00" + junk, b"MM\x00*" + junk, b"\xff\xd8" + junk):
        got = date_taken(sample)  # raising here fails the test
        assert got is None or isinstance(got, date)


def test_note_wording():
    assert date_note(2, 1) == "{date}: date taken (EXIF) for 2 files, date modified for 1"
    assert date_note(1, 0) == "{date}: date taken (EXIF) for 1 file"
    assert date_note(0, 3, 1) == "{date}: date modified for 3 items (no EXIF date taken found)"
    # one line in the preview even with counts in the thousands
    assert len("  step 1: " + date_note(1234, 5678)) <= 80


PHOTO = jpeg(tiff(">", {DATETIME: "2021:01:01 00:00:00"}, {ORIGINAL: "2019:07:14 18:30:05"}))


def _tree(tmp_path, make_tree):
    return make_tree(
        tmp_path / "r",
        {
            "trip/beach.jpg": (PHOTO, "2024-05-01"),
            "trip/plain.jpg": (b"\xff\xd8\xff\xd9", "2022-08-09"),  # a JPEG with no metadata
            "trip/notes.txt": ("Exif\0\0 II*", "2023-02-03"),
        },
    )


STEPS = [{"op": "rename", "select": {"in": "trip"}, "template": "{date}_{name}"}]
NOTE = "{date}: date taken (EXIF) for 1 file, date modified for 2"


def test_rename_by_date_uses_exif_for_the_photo_and_mtime_otherwise(tmp_path, make_tree, read_tree):
    root = _tree(tmp_path, make_tree)
    before = read_tree(root, binary=True)
    kit = Kit(root, tmp_path / "audit.jsonl")
    cs, report = kit.run(STEPS)
    assert sorted((a.src, a.dst) for a in cs.actions if a.kind == "move") == [
        ("trip/beach.jpg", "trip/2019-07-14_beach.jpg"),
        ("trip/notes.txt", "trip/2023-02-03_notes.txt"),
        ("trip/plain.jpg", "trip/2022-08-09_plain.jpg"),
    ]
    assert [n for _, n in cs.notes] == [NOTE]
    assert sorted(read_tree(root)) == [
        "trip/2019-07-14_beach.jpg",
        "trip/2022-08-09_plain.jpg",
        "trip/2023-02-03_notes.txt",
    ]
    kit.undo()
    assert read_tree(root, binary=True) == before


def test_a_link_to_a_photo_is_not_read(tmp_path, make_tree):
    root = _tree(tmp_path, make_tree)
    try:
        os.symlink("beach.jpg", root / "trip/link.jpg")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links here")
    kit = Kit(root, tmp_path / "audit.jsonl")
    cs = kit.compile([{"op": "rename", "select": {"in": "trip", "pattern": "*.jpg"}, "template": "{date}_{name}"}])
    dst = {a.src: a.dst for a in cs.actions if a.kind == "move"}
    assert dst["trip/beach.jpg"] == "trip/2019-07-14_beach.jpg"
    day = datetime.fromtimestamp(os.lstat(root / "trip/link.jpg").st_mtime).date().isoformat()
    assert dst["trip/link.jpg"] == f"trip/{day}_link.jpg"  # the link's own date, never its target's


def test_cli_preview_says_where_the_dates_come_from(tmp_path, make_tree, read_tree):
    root = _tree(tmp_path, make_tree)
    before = read_tree(root, binary=True)
    code, out, err = cli(["apply", "--root", str(root), plan_file(tmp_path, STEPS)], tmp_path)
    assert code == 0, err
    assert f"  step 1: {NOTE}\n" in out and out.count("{date}:") == 1
    assert "2019-07-14_beach.jpg" in out
    assert read_tree(root, binary=True) == before  # no terminal, no --yes: a preview only
    code, out, err = cli(["apply", "--root", str(root), "--json", plan_file(tmp_path, STEPS)], tmp_path)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["changeset"]["notes"] == [[1, NOTE]]
    code, out, err = cli(["apply", "--root", str(root), "--yes", plan_file(tmp_path, STEPS)], tmp_path)
    assert code == 0, err
    assert "trip/2019-07-14_beach.jpg" in read_tree(root)

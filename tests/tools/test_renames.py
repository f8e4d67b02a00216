"""Rename templates reachable from plans: date from mtime, counters with start and width, prefix,
suffix, lower/upper case; a case-only rename goes through a temporary name, journaled, undoable."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

from fileagent.agent.plan.io import validate_plan_dict
from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError
from tests.tools.capkit import Kit, cli, fa, plan_file


@pytest.fixture
def kit(tmp_path, make_tree):
    root = make_tree(
        tmp_path / "r",
        {
            "trip/IMG_2.JPG": ("b", "2024-05-02"),
            "trip/IMG_1.JPG": ("a", "2024-05-01"),
            "trip/Notes.TXT": "n",
        },
    )
    return Kit(root, tmp_path / "audit.jsonl")


def _renames(cs):
    return [(a.src, a.dst) for a in cs.actions if a.kind == "move"]


def test_counter_with_start_and_width_in_date_order(kit):
    cs = kit.compile(
        [
            {
                "op": "rename",
                "select": {"in": "trip", "pattern": "*.JPG", "sort": "mtime"},
                "template": "trip_{n:03}.{ext}",
                "start": 7,
            }
        ]
    )
    assert _renames(cs) == [
        ("trip/IMG_1.JPG", "trip/trip_007.JPG"),
        ("trip/IMG_2.JPG", "trip/trip_008.JPG"),
    ]


def test_date_prefix_from_mtime_is_said_in_the_preview(kit):
    cs = kit.compile(
        [
            {
                "op": "rename",
                "select": {"in": "trip", "pattern": "*.JPG"},
                "template": "{date}_{name}",
            }
        ]
    )
    day = datetime.fromtimestamp(os.stat(kit.root / "trip/IMG_1.JPG").st_mtime).date().isoformat()
    assert ("trip/IMG_1.JPG", f"trip/{day}_IMG_1.JPG") in _renames(cs)
    assert [n for _, n in cs.notes] == ["{date}: date modified for 2 files (no EXIF date taken found)"]


def test_prefix_and_suffix(kit):
    cs = kit.compile([{"op": "rename", "select": {"path": "trip/Notes.TXT"}, "add_prefix": "old_"}])
    assert _renames(cs) == [("trip/Notes.TXT", "trip/old_Notes.TXT")]
    cs = kit.compile([{"op": "rename", "select": {"path": "trip/Notes.TXT"}, "add_suffix": "_v2"}])
    assert _renames(cs) == [("trip/Notes.TXT", "trip/Notes_v2.TXT")]


def test_lowercase_goes_through_a_temporary_name_and_undoes(kit, read_tree):
    before = read_tree(kit.root)
    cs, report = kit.run([{"op": "rename", "select": {"in": "trip"}, "case": "lower"}])
    moves = _renames(cs)
    assert moves[:2] == [
        ("trip/IMG_1.JPG", "trip/.fa-case-1-IMG_1.JPG"),
        ("trip/.fa-case-1-IMG_1.JPG", "trip/img_1.jpg"),
    ]
    assert sorted(read_tree(kit.root)) == [
        "trip/img_1.jpg",
        "trip/img_2.jpg",
        "trip/notes.txt",
    ]
    kit.undo()
    assert read_tree(kit.root) == before


def test_uppercase_and_a_clash_follow_the_policy(tmp_path, make_tree):
    from fileagent.agent.engine.treeview import case_insensitive

    if case_insensitive(str(tmp_path)):
        pytest.skip("two names that differ only in case need a case-sensitive file system")
    kit = Kit(
        make_tree(tmp_path / "r", {"a.txt": "1", "A.TXT": "2"}),
        tmp_path / "audit.jsonl",
    )
    cs = kit.compile([{"op": "rename", "select": {"path": "a.txt"}, "case": "upper"}])
    assert _renames(cs) == [("a.txt", "A (1).TXT")]


def test_bad_input():
    with pytest.raises(PlanError, match="'start' goes with 'template'"):
        validate_plan_dict({"steps": [{"op": "rename", "select": {}, "case": "lower", "start": 3}]})
    with pytest.raises(PlanError, match="exactly one of"):
        validate_plan_dict({"steps": [{"op": "rename", "select": {}, "case": "lower", "add_prefix": "x"}]})
    with pytest.raises(PlanError, match="case"):
        validate_plan_dict({"steps": [{"op": "rename", "select": {}, "case": "title"}]})
    with pytest.raises(PlanError, match='needs "version": 2'):
        validate_plan_dict({"version": 1, "steps": [{"op": "rename", "select": {}, "case": "lower"}]})


def test_text_form_round_trip():
    for text in (
        'rename in="trip" ext=jpg sort=mtime template="trip_{n:02}.{ext}" start=0',
        'rename in="docs" case=lower',
        'rename in="docs" case=upper',
    ):
        assert to_text(from_text(text)) == text


def test_cli_subprocess(kit, tmp_path, read_tree):
    steps = [{"op": "rename", "select": {"in": "trip"}, "case": "lower"}]
    r = fa(
        ["apply", "--root", str(kit.root), "--yes", plan_file(tmp_path, steps)],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "trip/notes.txt" in read_tree(kit.root)
    code, out, err = cli(
        ["apply", "--root", str(kit.root), "-"],
        tmp_path,
        stdin_text='{"steps": [{"op": "rename", "select": {"in": "trip"}, "template": "{n.__class__}"}]}',
    )
    assert code == 4 and err.count("\n") == 1 and "bad template" in err

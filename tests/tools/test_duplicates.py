"""Duplicates: content only (size, partial hash, full hash), never names; empty files and hard links
are not duplicates; one copy per group kept by a rule; the preview names the kept copy."""

from __future__ import annotations

import io
import json
import os
import time

import pytest

from fileagent.agent.engine.preview import render
from fileagent.agent.plan.io import validate_plan_dict
from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError, StaleError
from fileagent.tools.duplicates import PARTIAL
from tests.tools.capkit import Kit, cli, fa, plan_file

BIG = b"A" * PARTIAL + b"tail-1"
BIG_OTHER_TAIL = b"A" * PARTIAL + b"tail-2"  # same size, same head: only the full hash tells


@pytest.fixture
def root(tmp_path, make_tree):
    root = make_tree(
        tmp_path / "r",
        {
            "photos/a.jpg": "same",
            "downloads/a (1).jpg": "same",
            "downloads/deep/copy.jpg": "same",
            "photos/b.png": "other",
            "downloads/b.png": "different content, same name",
            "big1.bin": BIG,
            "x/big2.bin": BIG,
            "x/big3.bin": BIG_OTHER_TAIL,
            "e1.txt": "",
            "e2.txt": "",
            ".git/objects/a.jpg": "same",
            "notes.txt": "samf",
        },
    )
    now = time.time()
    for i, rel in enumerate(
        (
            "downloads/deep/copy.jpg",
            "photos/a.jpg",
            "downloads/a (1).jpg",
            "x/big2.bin",
            "big1.bin",
        )
    ):
        os.utime(root / rel, (now - 1000 + i, now - 1000 + i))
    return root


@pytest.fixture
def kit(root, tmp_path):
    return Kit(root, tmp_path / "audit.jsonl")


def _dups(cs):
    return sorted(a.src for a in cs.actions if a.kind == "delete")


def test_groups_by_content_keeping_the_oldest(kit):
    cs = kit.compile([{"op": "delete", "select": {"recursive": True, "duplicates": "oldest"}}])
    # a.jpg x3 (oldest: downloads/deep/copy.jpg), big1/big2 (oldest: x/big2.bin); b.png differ; empty
    # files, the .git copy (hidden folder) and a file of the same size but other bytes are left alone
    assert _dups(cs) == ["big1.bin", "downloads/a (1).jpg", "photos/a.jpg"]
    notes = {a.src: a.note for a in cs.actions}
    assert notes["photos/a.jpg"] == "duplicate of downloads/deep/copy.jpg (kept)"
    assert notes["big1.bin"] == "duplicate of x/big2.bin (kept)"
    assert any("2 group(s) of identical files, 3 duplicate(s)" in n for _, n in cs.notes)


@pytest.mark.parametrize(
    "rule,keep_in,kept",
    [
        ("newest", None, "downloads/a (1).jpg"),
        ("shortest_path", None, "photos/a.jpg"),
        ("in_folder", "photos", "photos/a.jpg"),
    ],
)
def test_keep_rules(kit, rule, keep_in, kept):
    sel = {"recursive": True, "pattern": "*.jpg", "duplicates": rule}
    if keep_in:
        sel["keep_in"] = keep_in
    cs = kit.compile([{"op": "delete", "select": sel}])
    all_jpg = {"photos/a.jpg", "downloads/a (1).jpg", "downloads/deep/copy.jpg"}
    assert set(_dups(cs)) == all_jpg - {kept}


def test_ties_go_to_the_shortest_path(tmp_path, make_tree):
    root = make_tree(tmp_path / "r", {"long/name/a.txt": "x", "b.txt": "x"})
    t = time.time() - 50
    for rel in ("long/name/a.txt", "b.txt"):
        os.utime(root / rel, (t, t))
    cs = Kit(root, tmp_path / "a.jsonl").compile(
        [{"op": "delete", "select": {"recursive": True, "duplicates": "oldest"}}]
    )
    assert _dups(cs) == ["long/name/a.txt"]


def test_hard_links_are_not_duplicates(tmp_path, make_tree):
    root = make_tree(tmp_path / "r", {"a.txt": "content", "c.txt": "content"})
    os.link(root / "a.txt", root / "b.txt")
    cs = Kit(root, tmp_path / "a.jsonl").compile([{"op": "list", "select": {"duplicates": "oldest"}}])
    assert cs.groups[1] == [["a.txt", "c.txt"]] or cs.groups[1] == [["c.txt", "a.txt"]]
    os.unlink(root / "c.txt")
    with pytest.raises(PlanError, match="nothing matches"):
        Kit(root, tmp_path / "a.jsonl").compile([{"op": "delete", "select": {"duplicates": "oldest"}}])


def test_list_shows_groups_kept_first(kit):
    cs = kit.compile([{"op": "list", "select": {"recursive": True, "duplicates": "oldest"}}])
    assert cs.outputs[0][2] == "downloads/deep/copy.jpg\ndownloads/a (1).jpg\nphotos/a.jpg\n\nx/big2.bin\nbig1.bin"
    assert cs.groups[1] == [
        ["downloads/deep/copy.jpg", "downloads/a (1).jpg", "photos/a.jpg"],
        ["x/big2.bin", "big1.bin"],
    ]


def test_move_duplicates_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    cs, report = kit.run(
        [
            {
                "op": "move",
                "select": {"recursive": True, "duplicates": "oldest"},
                "to": "dups",
            }
        ]
    )
    after = read_tree(kit.root)
    assert after["downloads/deep/copy.jpg"] == "same" and after["x/big2.bin"] == BIG.decode()
    assert {k for k in after if k.startswith("dups/")} == {
        "dups/a (1).jpg",
        "dups/a.jpg",
        "dups/big1.bin",
    }
    kit.undo()
    assert read_tree(kit.root) == before


def test_a_kept_copy_changed_after_the_preview_stops_the_run(kit, read_tree):
    cs = kit.compile([{"op": "delete", "select": {"recursive": True, "duplicates": "oldest"}}])
    (kit.root / "x/big2.bin").write_bytes(b"edited")
    before = read_tree(kit.root)
    from fileagent.agent.engine.executor import execute

    with pytest.raises(StaleError):
        execute(
            cs,
            root=kit.root,
            guard=kit.guard,
            config=kit.cfg,
            progress=False,
            audit_path=kit.audit,
        )
    assert read_tree(kit.root) == before


def test_the_preview_names_the_kept_copy(kit):
    steps = [{"op": "delete", "select": {"recursive": True, "duplicates": "oldest"}}]
    cs = kit.compile(steps)
    out = io.StringIO()
    render(validate_plan_dict({"steps": steps}), cs, file=out, no_color=True, width=200)
    assert "photos/a.jpg  (duplicate of downloads/deep/copy.jpg (kept)" in out.getvalue()


def test_bad_input():
    with pytest.raises(PlanError, match="keep_in"):
        validate_plan_dict({"steps": [{"op": "list", "select": {"duplicates": "in_folder"}}]})
    with pytest.raises(PlanError, match="keep_in"):
        validate_plan_dict({"steps": [{"op": "list", "select": {"duplicates": "oldest", "keep_in": "x"}}]})
    with pytest.raises(PlanError, match="duplicates"):
        validate_plan_dict({"steps": [{"op": "list", "select": {"duplicates": "biggest"}}]})


def test_missing_keep_in_folder(kit):
    with pytest.raises(PlanError, match="keep_in folder 'nope' does not exist"):
        kit.compile(
            [
                {
                    "op": "delete",
                    "select": {
                        "recursive": True,
                        "duplicates": "in_folder",
                        "keep_in": "nope",
                    },
                }
            ]
        )


def test_text_form_round_trip():
    text = 'delete recursive ext=jpg duplicates=in_folder keep_in="photos"'
    plan = from_text(text)
    assert plan.steps[0].select.duplicates == "in_folder" and plan.steps[0].select.keep_in == "photos"
    assert to_text(plan) == text


def test_cli_json_groups_and_subprocess_delete_undo(kit, tmp_path, read_tree):
    steps = [{"op": "list", "select": {"recursive": True, "duplicates": "oldest"}}]
    code, out, err = cli(
        ["apply", "--root", str(kit.root), "--json", plan_file(tmp_path, steps)],
        tmp_path,
    )
    assert code == 0, err
    assert json.loads(out) == [
        {
            "keep": "downloads/deep/copy.jpg",
            "duplicates": ["downloads/a (1).jpg", "photos/a.jpg"],
        },
        {"keep": "x/big2.bin", "duplicates": ["big1.bin"]},
    ]
    before = read_tree(kit.root)
    steps = [{"op": "delete", "select": {"recursive": True, "duplicates": "oldest"}}]
    r = fa(
        [
            "apply",
            "--root",
            str(kit.root),
            "--yes",
            plan_file(tmp_path, steps, "d.json"),
        ],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "photos/a.jpg" not in read_tree(kit.root)
    r = fa(["undo", "--root", str(kit.root), "--yes"], tmp_path)
    assert r.returncode == 0 and read_tree(kit.root) == before

"""Top-N and order: sort by name, size or mtime, desc, limit; `--long` adds size and date columns
(objects with path, size, mtime in --json); the plain list contract stays one path per line."""

from __future__ import annotations

import json
import os
import time

import pytest

from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError
from tests.tools.capkit import Kit, cli, fa, plan_file

DAY = 86400


@pytest.fixture
def root(tmp_path, make_tree):
    root = make_tree(
        tmp_path / "r",
        {
            "a.bin": b"x" * 3000,
            "B.bin": b"x" * 10,
            "c.bin": b"x" * 500_000,
            "d/e.bin": b"x" * 20_000,
            "d/f.bin": b"x" * 7,
            "g.txt": "hello",
        },
    )
    now = time.time()
    for i, rel in enumerate(("c.bin", "a.bin", "g.txt", "d/e.bin", "B.bin", "d/f.bin")):
        t = now - (10 - i) * DAY
        os.utime(root / rel, (t, t))
    return root


@pytest.fixture
def kit(root, tmp_path):
    return Kit(root, tmp_path / "audit.jsonl")


def _listed(cs):
    return cs.outputs[0][2].split("\n")


def test_the_biggest(kit):
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {"recursive": True, "sort": "size", "desc": True, "limit": 3},
            }
        ]
    )
    assert _listed(cs) == ["c.bin", "d/e.bin", "a.bin"]


def test_recently_modified_and_oldest(kit):
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {
                    "recursive": True,
                    "sort": "mtime",
                    "desc": True,
                    "limit": 2,
                },
            }
        ]
    )
    assert _listed(cs) == ["d/f.bin", "B.bin"]
    cs = kit.compile([{"op": "list", "select": {"recursive": True, "sort": "mtime", "limit": 1}}])
    assert _listed(cs) == ["c.bin"]


def test_by_name_ignores_case_and_folders_sort_by_their_content(kit):
    cs = kit.compile([{"op": "list", "select": {"sort": "name", "kind": "any"}}])
    assert _listed(cs) == ["a.bin", "B.bin", "c.bin", "d/", "g.txt"]
    cs = kit.compile([{"op": "list", "select": {"kind": "dir", "sort": "size", "desc": True}}])
    assert cs.entries[1] == [("d/", 20_007, pytest.approx(cs.entries[1][0][2]))]


def test_limit_without_sort_keeps_walk_order(kit):
    cs = kit.compile([{"op": "list", "select": {"limit": 2}}])
    assert _listed(cs) == ["B.bin", "a.bin"]


def test_delete_the_two_biggest_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    cs, report = kit.run(
        [
            {
                "op": "delete",
                "select": {"recursive": True, "sort": "size", "desc": True, "limit": 2},
            }
        ]
    )
    assert [a.src for a in cs.actions] == ["c.bin", "d/e.bin"]
    assert "c.bin" not in read_tree(kit.root)
    kit.undo()
    assert read_tree(kit.root) == before


def test_bad_input():
    from fileagent.agent.plan.io import validate_plan_dict

    with pytest.raises(PlanError, match="limit"):
        validate_plan_dict({"steps": [{"op": "list", "select": {"limit": 0}}]})
    with pytest.raises(PlanError, match="'desc' goes with 'sort'"):
        validate_plan_dict({"steps": [{"op": "list", "select": {"desc": True}}]})
    with pytest.raises(PlanError, match="sort"):
        validate_plan_dict({"steps": [{"op": "list", "select": {"sort": "colour"}}]})


def test_text_form_round_trip():
    text = "list recursive ext=pdf sort=size desc limit=5"
    plan = from_text(text)
    sel = plan.steps[0].select
    assert (sel.sort, sel.desc, sel.limit) == ("size", True, 5)
    assert to_text(plan) == text


LIST_BIG = [
    {
        "op": "list",
        "select": {"recursive": True, "sort": "size", "desc": True, "limit": 2},
    }
]


def test_cli_plain_list_contract_is_unchanged(root, tmp_path):
    code, out, err = cli(["apply", "--root", str(root), plan_file(tmp_path, LIST_BIG)], tmp_path)
    assert code == 0, err
    assert out == "c.bin\nd/e.bin\n"
    code, out, err = cli(
        ["apply", "--root", str(root), "--json", plan_file(tmp_path, LIST_BIG)],
        tmp_path,
    )
    assert json.loads(out) == ["c.bin", "d/e.bin"]


def test_cli_long(root, tmp_path):
    code, out, err = cli(
        ["apply", "--root", str(root), "--long", plan_file(tmp_path, LIST_BIG)],
        tmp_path,
    )
    assert code == 0, err
    lines = out.splitlines()
    day = time.strftime("%Y-%m-%d", time.localtime(os.stat(root / "c.bin").st_mtime))
    assert len(lines) == 2 and lines[0].split() == [
        "488.3",
        "KB",
        day,
        lines[0].split()[3],
        "c.bin",
    ]
    assert lines[1].endswith("  d/e.bin") and "19.5 KB" in lines[1]
    code, out, err = cli(
        [
            "apply",
            "--root",
            str(root),
            "--long",
            "--json",
            plan_file(tmp_path, LIST_BIG),
        ],
        tmp_path,
    )
    rows = json.loads(out)
    assert [r["path"] for r in rows] == ["c.bin", "d/e.bin"] and rows[0]["size"] == 500_000
    assert rows[0]["mtime"].startswith(day)


def test_cli_subprocess_long(root, tmp_path):
    r = fa(
        ["apply", "--root", str(root), "--long", plan_file(tmp_path, LIST_BIG)],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].endswith("  c.bin") and "KB" in r.stdout
    r = fa(["plan", "--root", str(root), "--long", "--bogus", "x"], tmp_path)
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_a_denied_item_keeps_its_place_in_a_top_n(tmp_path, make_tree):
    # "delete the 2 biggest files": the biggest is an .exe (a deny pattern), so only the second goes,
    # never the third in its place
    root = make_tree(tmp_path / "t", {"big.exe": b"x" * 900, "mid.bin": b"x" * 500, "small.bin": b"x" * 10})
    kit = Kit(root, tmp_path / "a.jsonl")
    cs = kit.compile([{"op": "delete", "select": {"sort": "size", "desc": True, "limit": 2}}])
    assert [a.src for a in cs.actions] == ["mid.bin"]
    assert any(path == "big.exe" for _, path, _ in cs.skipped)

"""Exclusions (`exclude` patterns in a selection) and moves that keep the folder structure."""

from __future__ import annotations

import pytest

from fileagent.agent.engine.reading import read_back
from fileagent.agent.plan.model import Plan
from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError
from tests.tools.capkit import Kit, cli, fa, plan_file

TREE = {
    "dl/setup.msi": "x",
    "dl/a.pdf": "a",
    "dl/b.txt": "b",
    "dl/archive/old.pdf": "o",
    "dl/archive/deep/older.pdf": "oo",
    "dl/sub/c.pdf": "c",
    "dl/sub/d.msi": "d",
    "dl/.cache/e.pdf": "e",
}


@pytest.fixture
def kit(tmp_path, make_tree):
    return Kit(make_tree(tmp_path / "r", TREE), tmp_path / "audit.jsonl")


def _listed(cs):
    return cs.outputs[0][2].split("\n") if cs.outputs else []


def test_exclude_by_extension_and_by_folder(kit):
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {
                    "in": "dl",
                    "recursive": True,
                    "exclude": ["*.msi", "archive"],
                },
            }
        ]
    )
    assert _listed(cs) == ["dl/a.pdf", "dl/b.txt", "dl/sub/c.pdf"]


def test_exclude_a_path_below_in(kit):
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {"in": "dl", "recursive": True, "exclude": ["archive/deep"]},
            }
        ]
    )
    assert "dl/archive/old.pdf" in _listed(cs) and "dl/archive/deep/older.pdf" not in _listed(cs)
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {"in": "dl", "pattern": "**/*.pdf", "exclude": ["sub/*"]},
            }
        ]
    )
    assert _listed(cs) == [
        "dl/a.pdf",
        "dl/archive/deep/older.pdf",
        "dl/archive/old.pdf",
    ]


def test_exclude_may_write_the_path_from_the_root(kit):
    steps = [{"op": "list", "select": {"in": "dl", "recursive": True, "exclude": ["dl/archive", "DL/sub/d.msi"]}}]
    assert _listed(kit.compile(steps)) == ["dl/a.pdf", "dl/b.txt", "dl/setup.msi", "dl/sub/c.pdf"]


def test_exclude_is_case_insensitive_and_applies_to_a_folder_listing(kit):
    cs = kit.compile([{"op": "list", "select": {"path": "dl", "exclude": ["*.MSI", "*.txt"]}}])
    assert _listed(cs) == ["dl/.cache/", "dl/a.pdf", "dl/archive/", "dl/sub/"]


def test_delete_except_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    _, report = kit.run([{"op": "delete", "select": {"in": "dl", "exclude": ["*.pdf"]}}])
    assert report.counts == {"delete": 2}
    assert "dl/setup.msi" not in read_tree(kit.root) and "dl/a.pdf" in read_tree(kit.root)
    kit.undo()
    assert read_tree(kit.root) == before


def test_keep_structure_move_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    steps = [
        {
            "op": "move",
            "select": {"in": "dl", "recursive": True, "filters": {"ext": ["pdf"]}},
            "to": "papers",
            "keep_structure": True,
        }
    ]
    cs, report = kit.run(steps)
    after = read_tree(kit.root)
    assert after["papers/a.pdf"] == "a" and after["papers/archive/old.pdf"] == "o"
    assert after["papers/archive/deep/older.pdf"] == "oo" and after["papers/sub/c.pdf"] == "c"
    assert "dl/.cache/e.pdf" in after  # hidden folder left alone
    kit.undo()
    assert read_tree(kit.root) == before


def test_keep_structure_walks_the_subfolders_unasked(kit):
    # a structure to keep is the one below the folder: "move the files in dl to papers, keeping the
    # folders" takes the files of its subfolders too, where they were
    steps = [
        {"op": "copy", "select": {"in": "dl", "filters": {"ext": ["pdf"]}}, "to": "papers", "keep_structure": True}
    ]
    cs = kit.compile(steps)
    assert sorted(a.dst for a in cs.actions if a.kind == "copy") == [
        "papers/a.pdf",
        "papers/archive/deep/older.pdf",
        "papers/archive/old.pdf",
        "papers/sub/c.pdf",
    ]
    assert "and its subfolders" in read_back(Plan.from_dict({"version": 2, "steps": steps}), cs)[0]


def test_without_keep_structure_everything_lands_in_to(kit):
    cs = kit.compile(
        [
            {
                "op": "copy",
                "select": {"in": "dl", "recursive": True, "filters": {"ext": ["pdf"]}},
                "to": "flat",
            }
        ]
    )
    assert sorted(a.dst for a in cs.actions if a.kind == "copy") == [
        "flat/a.pdf",
        "flat/c.pdf",
        "flat/old.pdf",
        "flat/older.pdf",
    ]


def test_keep_structure_into_a_folder_inside_the_selection(tmp_path, make_tree, read_tree):
    kit = Kit(
        make_tree(tmp_path / "r", {"a/x.md": "x", "a/b/y.md": "y", "a/keep/z.md": "z"}),
        tmp_path / "audit.jsonl",
    )
    kit.run(
        [
            {
                "op": "move",
                "select": {"in": "a", "recursive": True},
                "to": "a/keep",
                "keep_structure": True,
            }
        ]
    )
    assert read_tree(kit.root) == {
        "a/keep/x.md": "x",
        "a/keep/b/y.md": "y",
        "a/keep/z.md": "z",
        "a/b/": None,
    }


def test_keep_structure_conflict_follows_the_policy(tmp_path, make_tree, read_tree):
    kit = Kit(
        make_tree(tmp_path / "r", {"s/d/x.md": "new", "t/d/x.md": "old"}),
        tmp_path / "audit.jsonl",
    )
    kit.run(
        [
            {
                "op": "copy",
                "select": {"in": "s", "recursive": True},
                "to": "t",
                "keep_structure": True,
            }
        ]
    )
    assert read_tree(kit.root)["t/d/x (1).md"] == "new"


def test_empty_exclude_pattern_is_a_plan_error(kit):
    with pytest.raises(PlanError, match="exclude pattern"):
        kit.compile([{"op": "list", "select": {"exclude": ["/"]}}])


def test_text_form_round_trip():
    text = 'move in="dl" recursive ext=pdf except="archive" except="*.tmp" to="papers" keep_structure'
    plan = from_text(text)
    assert plan.steps[0].select.exclude == ["archive", "*.tmp"] and plan.steps[0].keep_structure
    assert to_text(plan) == text


def test_cli_subprocess(kit, tmp_path, read_tree):
    steps = [{"op": "move", "select": {"in": "dl", "exclude": ["*.msi"]}, "to": "kept"}]
    r = fa(
        ["apply", "--root", str(kit.root), "--yes", plan_file(tmp_path, steps)],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert set(k for k in read_tree(kit.root) if k.startswith("kept/")) == {
        "kept/a.pdf",
        "kept/b.txt",
    }
    code, out, err = cli(
        ["apply", "--root", str(kit.root), "-"],
        tmp_path,
        stdin_text='{"version": 1, "steps": [{"op": "move", "select": {"exclude": ["x"]}, "to": "y"}]}',
    )
    assert code == 4 and 'needs "version": 2' in err and err.count("\n") == 1


def test_a_folder_holding_an_excluded_file_is_not_taken_whole(kit):
    # "delete everything in dl except the msi files": sub/ holds d.msi, so it stays; archive/ goes
    steps = [{"op": "delete", "select": {"in": "dl", "kind": "any", "exclude": ["*.msi"]}}]
    cs = kit.compile(steps)
    taken = sorted(a.src.rstrip("/") for a in cs.actions)
    assert taken == ["dl/.cache", "dl/a.pdf", "dl/archive", "dl/b.txt"]
    assert any(path == "dl/sub" and "dl/sub/d.msi" in why for _, path, why in cs.skipped)
    listing = [{"op": "list", "select": {"in": "dl", "kind": "any", "exclude": ["*.msi"]}}]
    assert "dl/sub/" in _listed(kit.compile(listing))  # a listing still names the folder


def test_an_exclusion_that_matches_no_name_is_a_plan_error(kit):
    # "delete everything in dl except the invoices", read as except="invoices": no name is that
    steps = [{"op": "delete", "select": {"in": "dl", "kind": "any", "exclude": ["invoices"]}}]
    with pytest.raises(PlanError, match="nothing there is named 'invoices'"):
        kit.compile(steps)
    steps = [{"op": "delete", "select": {"in": "dl", "exclude": ["*.receipt"]}}]  # "except the receipt"
    with pytest.raises(PlanError, match="receipt"):
        kit.compile(steps)
    # an extension that no file has is clear all the same
    steps = [{"op": "delete", "select": {"in": "dl", "exclude": ["*.iso"]}}]
    assert kit.compile(steps).actions

"""Empty folders: the `empty` filter selects folders with no file at any depth (and 0-byte files);
delete goes deepest first, is undoable, and leaves hidden folders and their content alone."""

from __future__ import annotations

import pytest

from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError
from tests.tools.capkit import Kit, cli, fa, plan_file

DELETE_EMPTY = [
    {
        "op": "delete",
        "select": {"recursive": True, "kind": "dir", "filters": {"empty": True}},
    }
]
TREE = {
    "a/b/c/": None,
    "a/keep.txt": "k",
    "d/e/": None,
    "d/f/": None,
    "g/h/x.md": "x",
    "z/": None,
    ".cache/empty/": None,
    "i/.git/HEAD": "ref",
    "j/.hidden/": None,
    "zero.txt": "",
    "one.txt": "1",
}


@pytest.fixture
def kit(tmp_path, make_tree):
    return Kit(make_tree(tmp_path / "r", TREE), tmp_path / "audit.jsonl")


def test_compile_selects_only_folders_with_no_file_below_deepest_first(kit):
    cs = kit.compile(DELETE_EMPTY)
    assert [(a.kind, a.src) for a in cs.actions] == [
        ("delete", "a/b/c"),
        ("delete", "a/b"),
        ("delete", "d/e"),
        ("delete", "d/f"),
        ("delete", "d"),
        ("delete", "z"),
    ]
    assert ("i" not in [a.src for a in cs.actions]) and ("j" not in [a.src for a in cs.actions])
    assert any(path == ".cache" and "hidden folder" in why for _, path, why in cs.skipped)


def test_execute_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    _, report = kit.run(DELETE_EMPTY)
    assert report.status == "done" and report.counts == {"delete": 6}
    after = read_tree(kit.root)
    assert not any(k.startswith(("a/b", "d/", "z/")) for k in after), after
    assert after["a/keep.txt"] == "k" and after["i/.git/HEAD"] == "ref" and ".cache/empty/" in after
    assert "j/.hidden/" in after and "g/h/x.md" in after
    kit.undo()
    assert read_tree(kit.root) == before


def test_empty_files(kit):
    cs = kit.compile([{"op": "list", "select": {"filters": {"empty": True}}}])
    assert cs.outputs == [(1, "list", "zero.txt")]


def test_earlier_steps_count(kit):
    """A folder emptied by an earlier step of the plan is empty for the later one."""
    cs = kit.compile(
        [
            {"op": "move", "select": {"path": "g/h/x.md"}, "to": "."},
            {
                "op": "delete",
                "select": {
                    "recursive": True,
                    "kind": "dir",
                    "filters": {"empty": True},
                },
            },
        ]
    )
    deleted = [a.src for a in cs.actions if a.kind == "delete"]
    assert deleted.index("g/h") < deleted.index("g")


def test_hidden_folder_named_explicitly_is_walked(kit):
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {
                    "in": ".cache",
                    "recursive": True,
                    "kind": "dir",
                    "filters": {"empty": True},
                },
            }
        ]
    )
    assert cs.outputs == [(1, "list", ".cache/empty/")]


def test_nothing_empty_is_a_clear_plan_error(tmp_path, make_tree):
    kit = Kit(make_tree(tmp_path / "r", {"a/x.txt": "x"}), tmp_path / "audit.jsonl")
    with pytest.raises(PlanError, match="nothing matches"):
        kit.compile(DELETE_EMPTY)


def test_text_form_round_trip():
    plan = from_text("delete recursive kind=dir empty")
    assert plan.steps[0].select.filters.empty is True and plan.version == 2
    assert to_text(plan) == "delete recursive kind=dir empty"


def test_version_1_plan_cannot_use_it(tmp_path, make_tree):
    root = make_tree(tmp_path / "r", TREE)
    p = tmp_path / "v1.json"
    p.write_text('{"version": 1, "steps": [{"op": "delete", "select": {"filters": {"empty": true}}}]}')
    code, out, err = cli(["apply", "--root", str(root), "--yes", str(p)], tmp_path)
    assert code == 4 and err.count("\n") == 1 and 'needs "version": 2' in err


def test_cli_apply_and_undo_in_a_subprocess(tmp_path, make_tree, read_tree):
    root = make_tree(tmp_path / "r", TREE)
    before = read_tree(root)
    r = fa(
        ["apply", "--root", str(root), "--yes", plan_file(tmp_path, DELETE_EMPTY)],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "z/" not in read_tree(root) and "d/e/" not in read_tree(root)
    r = fa(["undo", "--yes", "--root", str(root)], tmp_path)
    assert r.returncode == 0, r.stderr
    assert read_tree(root) == before


def test_empty_folders_in_a_folder_are_looked_for_at_every_depth(kit):
    # "list the empty folders in a": nested ones count, without the request saying "subfolders"
    steps = [{"op": "list", "select": {"in": "a", "kind": "dir", "filters": {"empty": True}}}]
    cs = kit.compile(steps)
    assert sorted(a.src.rstrip("/") for a in cs.actions) == ["a/b", "a/b/c"]
    files = [{"op": "list", "select": {"filters": {"empty": True}}}]
    # empty files are looked for where the selection says: zero.txt in the root, not a/b/c's depth
    assert [a.src for a in kit.compile(files).actions] == ["zero.txt"]

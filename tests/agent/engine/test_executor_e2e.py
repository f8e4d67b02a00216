"""End to end through the real compiler: apply a plan (CLI main), check the tree, undo, tree identical."""

from __future__ import annotations

import io
import json

import pytest

from fileagent.cli.fast import main

TREE = {
    "docs/architecture.md": "# Architecture\ndesign notes",
    "docs/api.md": "# API\nendpoint list",
    "docs/lunch.md": "# Lunch\npizza",
    "downloads/a.pdf": "%PDF a",
    "downloads/b.png": "png",
    "downloads/c.zip": b"PK\x03\x04",
    "notes/todo.txt": "milk",
    "papers/a.pdf": "older a",
    "empty/": None,
}

CASES = {
    "create": (
        [{"op": "create", "path": "new/hello.txt", "content": "hi"}, {"op": "create", "path": "dir2", "kind": "dir"}],
        lambda t: t["new/hello.txt"] == "hi" and "dir2/" in t,
    ),
    "update": (
        [{"op": "update", "select": {"path": "notes/todo.txt"}, "mode": "append", "text": "eggs"}],
        lambda t: t["notes/todo.txt"] == "milk\neggs\n",
    ),
    "delete": (
        [{"op": "delete", "select": {"in": "downloads", "pattern": "*"}}],
        lambda t: not any(k.startswith("downloads/") and k != "downloads/" for k in t),
    ),
    "move": (
        [{"op": "move", "select": {"in": "downloads", "pattern": "*.png"}, "to": "images"}],
        lambda t: t["images/b.png"] == "png",
    ),
    "copy": (
        [{"op": "copy", "select": {"path": "docs"}, "to": "backup"}],
        lambda t: t["backup/docs/api.md"] == "# API\nendpoint list" and "docs/api.md" in t,
    ),
    "rename": (
        [
            {"op": "rename", "path": "notes/todo.txt", "new_name": "list.txt"},
            {"op": "rename", "select": {"in": "docs", "pattern": "*.md"}, "set_ext": "txt"},
        ],
        lambda t: "notes/list.txt" in t and "docs/api.txt" in t,
    ),
    "classify": (
        [{"op": "classify", "select": {"in": "docs", "pattern": "*.md"}}],
        lambda t: "docs/architecture/architecture.md" in t and "docs/documents/lunch.md" in t,
    ),
    "tag": (
        [
            {"op": "tag", "select": {"in": "docs", "pattern": "*.md"}, "tags": ["ops"]},
            {"op": "tag", "select": {"path": "notes/todo.txt"}, "tags": ["home"]},
        ],
        lambda t: "ops" in t["docs/api.md"],
    ),
    "overwrite": (
        [{"op": "move", "select": {"in": "downloads", "pattern": "*.pdf"}, "to": "papers"}],
        lambda t: t["papers/a.pdf"] == "%PDF a",
    ),
    "multi": (
        [
            {"op": "create", "path": "old", "kind": "dir"},
            {"op": "move", "select": {"path": "notes/todo.txt"}, "to": "old"},
            {"op": "delete", "select": {"path": "downloads/c.zip"}},
            {"op": "update", "select": {"path": "old/todo.txt"}, "mode": "prepend", "text": "# list"},
        ],
        lambda t: t["old/todo.txt"] == "# list\nmilk" and "downloads/c.zip" not in t,
    ),
}


@pytest.fixture
def cfg(tmp_path):
    p = tmp_path / "config.yaml"
    p.write_text(f"agent:\n  log_path: {tmp_path / 'audit.jsonl'}\n  on_conflict: overwrite\n", encoding="utf-8")
    return str(p)


def fa(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err, stdin=io.StringIO(""))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_apply_then_undo_restores_tree(name, tmp_path, make_tree, read_tree, cfg):
    root = make_tree(tmp_path / "root", TREE)
    before = read_tree(root, binary=True)
    steps, check = CASES[name]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"version": 1, "steps": steps}), encoding="utf-8")
    code, out, err = fa("apply", "--root", str(root), "--config", cfg, "--yes", str(plan))
    assert code == 0, err
    after = read_tree(root)
    assert check(after), after
    code, out, err = fa("undo", "--yes", "--root", str(root), "--config", cfg)
    assert code == 0, err
    assert read_tree(root, binary=True) == before
    tags = root / ".fileagent" / "tags.json"
    assert not tags.exists() or json.loads(tags.read_text()) == {}
    code, out, err = fa("log", "verify", "--config", cfg)
    assert code == 0 and "chain intact" in out


def test_stale_between_preview_and_run_changes_nothing(tmp_path, make_tree, read_tree, cfg, monkeypatch):
    root = make_tree(tmp_path / "root", TREE)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"version": 1, "steps": CASES["delete"][0]}), encoding="utf-8")
    import fileagent.agent.engine.executor as ex

    real = ex.execute

    def meddle(cs, **kw):
        (root / "downloads" / "a.pdf").write_text("changed after preview!")
        return real(cs, **kw)

    monkeypatch.setattr(ex, "execute", meddle)
    code, out, err = fa("apply", "--root", str(root), "--config", cfg, "--yes", str(plan))
    assert code == 1 and "changed since the preview" in err
    t = read_tree(root)
    assert t["downloads/a.pdf"] == "changed after preview!" and t["downloads/b.png"] == "png"

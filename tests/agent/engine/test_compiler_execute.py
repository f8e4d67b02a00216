"""Compile, then run with the executor: the tree ends up as the plan says (the two halves agree)."""

from __future__ import annotations

import json

import pytest

from fileagent.agent.engine.compiler import compile_plan
from fileagent.agent.engine.executor import execute
from fileagent.agent.plan.io import validate_plan_dict
from fileagent.config.loader import Config
from fileagent.errors import StaleError
from fileagent.policies.guard import Guard


def run(root, steps, audit, **agent):
    cfg = Config.from_dict({"agent": agent})
    guard = Guard.from_config(cfg, root, extra_hidden=(audit,))
    cs = compile_plan(validate_plan_dict({"steps": steps}), root=root, config=cfg, guard=guard)
    return cs, (lambda: execute(cs, root=root, guard=guard, config=cfg, progress=False, audit_path=audit))


@pytest.fixture
def audit(tmp_path):
    return tmp_path / "audit.jsonl"


def test_multi_step_plan_end_to_end(tmp_path, make_tree, read_tree, audit):
    root = make_tree(
        tmp_path / "r",
        {
            "inbox/a.pdf": "A",
            "inbox/b.txt": "b",
            "archive/a.pdf": "old",
            "docs/design.md": "---\ntitle: T\n---\nour architecture",
            "docs/x.md": "x",
            "trash/junk/j.txt": "j",
        },
    )
    _, go = run(
        root,
        [
            {"op": "move", "select": {"in": "inbox", "filters": {"ext": ["pdf"]}}, "to": "archive"},
            {"op": "classify", "select": {"in": "docs", "pattern": "*.md"}},
            {"op": "tag", "select": {"path": "docs/architecture/design.md"}, "tags": ["arch"]},
            {"op": "update", "select": {"path": "inbox/b.txt"}, "mode": "append", "text": "more"},
            {"op": "delete", "select": {"path": "trash"}},
            {"op": "create", "path": "new/hello.txt", "content": "hi\n"},
        ],
        audit,
    )
    go()
    assert read_tree(root) == {
        "archive/a.pdf": "old",
        "archive/a (1).pdf": "A",
        "inbox/b.txt": "b\nmore\n",
        "docs/architecture/design.md": "---\ntitle: T\ntags: [arch]\n---\nour architecture",
        "docs/documents/x.md": "x",
        "new/hello.txt": "hi\n",
    }


def test_tag_index_written_by_executor(tmp_path, make_tree, audit):
    root = make_tree(tmp_path / "r", {"p.pdf": "p"})
    _, go = run(root, [{"op": "tag", "select": {"path": "p.pdf"}, "tags": ["tax"]}], audit)
    go()
    assert json.loads((root / ".fileagent" / "tags.json").read_text()) == {"p.pdf": ["tax"]}


def test_stale_tree_is_refused(tmp_path, make_tree, read_tree, audit):
    root = make_tree(tmp_path / "r", {"a.txt": "a", "b.txt": "b"})
    _, go = run(root, [{"op": "move", "select": {"pattern": "*.txt"}, "to": "d"}], audit)
    (root / "b.txt").write_text("changed after the preview")
    with pytest.raises(StaleError):
        go()
    assert read_tree(root) == {"a.txt": "a", "b.txt": "changed after the preview"}

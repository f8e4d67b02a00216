"""The shipped planner: present, loadable, small, and right on a few plain requests."""

from __future__ import annotations

import pytest

from fileagent.agent.plan.text import to_text
from fileagent.agent.planner import planner

SIZE_LIMIT = 8 * 1024 * 1024


def test_shipped_files_exist_load_and_fit_the_size_budget():
    d = planner.SHIPPED_DIR
    files = [d / planner.MODEL_FILE, d / planner.TOKENIZER_FILE, d / planner.CHANNEL_FILE]
    assert all(f.is_file() for f in files), f"shipped model missing in {d}"
    assert sum(f.stat().st_size for f in files) <= SIZE_LIMIT
    loaded = planner.Planner(d)
    assert loaded.model.vocab_size == loaded.tokenizer.vocab_size
    assert loaded.channel is not None and loaded.channel.vocab_size == loaded.tokenizer.vocab_size


@pytest.mark.parametrize(
    "request_text,expected",
    [
        ("move all pdf files from inbox into archive", 'move in="inbox" ext=pdf to="archive"'),
        ("delete notes.md", 'delete path="notes.md"'),
        ("make a new folder named reports", 'create path="reports" kind=dir'),
        ("show me what is in notes.md", 'read path="notes.md"'),
        ("把 inbox 里的 txt 文件复制到 backup", 'copy in="inbox" ext=txt to="backup"'),
    ],
)
def test_shipped_model_plans_simple_requests(tmp_path, make_tree, monkeypatch, request_text, expected):
    monkeypatch.delenv("FILEAGENT_MODEL_DIR", raising=False)
    root = make_tree(tmp_path, {"inbox/a.pdf": "", "inbox/b.txt": "", "notes.md": "hello"})
    from fileagent.agent.engine.changeset import Action, ChangeSet

    one = ChangeSet(actions=[Action(seq=1, step=1, kind="mkdir", dst="x")])
    plan, _ = planner.plan_request(request_text, root=root, compile=lambda p: one)  # the model's plan only
    assert to_text(plan) == expected

"""execute(): every action kind, backups, stale trees, failures (rollback / continue), emit output."""

from __future__ import annotations

import json
import os

import pytest
from fa_kit import Builder, config, guard

from fileagent.agent.engine.executor import execute
from fileagent.agent.history import journal as jr
from fileagent.agent.history.audit import read_entries, verify
from fileagent.errors import ActionError, PolicyError, StaleError


def run(root, b, tmp_path, **agent):
    cfg = config(**agent)
    return execute(b.changeset(), root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "audit.jsonl")


@pytest.fixture
def root(tmp_path, make_tree):
    return make_tree(
        tmp_path / "root",
        {"a.txt": "A", "notes/b.md": "# b\nbody", "d/c.txt": "C", "old.txt": "OLD", "x.bin": b"\x00\x01"},
    )


def test_every_kind_lands_and_is_journaled(root, tmp_path, read_tree):
    b = Builder(root)
    (
        b.mkdir("new")
        .move("a.txt", "new/a.txt")
        .copy("d", "d2")
        .delete("x.bin")
        .write("old.txt", b"NEW\n", overwrite=True)
        .write("deep/er/w.txt", b"hi")
        .write("notes/b.md", b'---\ntags: ["ops"]\n---\n# b\nbody', overwrite=True)
        .set_tags("d/c.txt", ["red"])
    )
    rep = run(root, b, tmp_path)
    assert rep.status == "done" and rep.done == 8 and not rep.failures
    tree = read_tree(root)
    assert tree == {
        "new/a.txt": "A",
        "d/c.txt": "C",
        "d2/c.txt": "C",
        "old.txt": "NEW\n",
        "deep/er/w.txt": "hi",
        "notes/b.md": '---\ntags: ["ops"]\n---\n# b\nbody',
    }
    bk = jr.backup_dir(root, rep.run_id)
    assert (bk / "4" / "x.bin").read_bytes() == b"\x00\x01"
    assert (bk / "5" / "old.txt").read_text() == "OLD"
    assert json.loads((root / ".fileagent" / "tags.json").read_text()) == {"d/c.txt": ["red"]}
    j = jr.read_journal(jr.journal_path(root, rep.run_id))
    assert j.end["status"] == "done" and sorted(j.done) == list(range(1, 9)) == sorted(j.intents)
    entries = read_entries(tmp_path / "audit.jsonl")
    assert [e["seq"] for e in entries] == list(range(1, 10))  # the run header, then the 8 actions
    assert entries[0]["op"] == "run" and entries[0]["version"] == 2
    assert all(e["result"] == "ok" and e["run"] == rep.run_id for e in entries)
    assert verify(tmp_path / "audit.jsonl")[0]


def test_no_temp_files_left(root, tmp_path):
    b = Builder(root).write("a.txt", b"new", overwrite=True).copy("d/c.txt", "c2.txt")
    run(root, b, tmp_path)
    leftovers = [n for _, _, fs in os.walk(root) for n in fs if ".fa-tmp-" in n]
    assert leftovers == []


@pytest.mark.parametrize("change", ["edit", "delete", "create_dst", "touch"])
def test_stale_tree_changes_nothing(root, tmp_path, read_tree, change):
    b = Builder(root).move("a.txt", "new.txt").delete("old.txt")
    if change == "edit":
        (root / "old.txt").write_text("OLDER")
    elif change == "delete":
        (root / "old.txt").unlink()
    elif change == "create_dst":
        (root / "new.txt").write_text("someone else")
    else:
        st = os.stat(root / "old.txt")
        os.utime(root / "old.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    before = read_tree(root)
    with pytest.raises(StaleError):
        run(root, b, tmp_path)
    assert read_tree(root) == before
    assert jr.list_runs(root) == []
    assert not (tmp_path / "audit.jsonl").exists()


def test_failure_mid_batch_rolls_back_everything(root, tmp_path, read_tree):
    before = read_tree(root)
    b = Builder(root).mkdir("m").move("a.txt", "m/a.txt").delete("old.txt").write("d/c.txt", b"X", overwrite=True)
    b.move("notes/b.md", "n2/b.md")
    (root / "d").chmod(0o500)  # the write into d/ fails: EACCES
    try:
        if os.access(root / "d", os.W_OK):
            pytest.skip("running as a user that ignores permissions")
        with pytest.raises(ActionError) as ei:
            run(root, b, tmp_path)
    finally:
        (root / "d").chmod(0o700)
    assert "rolled back" in str(ei.value) and "Permission denied" in str(ei.value)
    assert read_tree(root) == before
    rep = ei.value.context["report"]
    j = jr.read_journal(jr.journal_path(root, rep.run_id))
    assert j.end["status"] == "rolled_back" and 4 in j.failed
    results = [e["result"] for e in read_entries(tmp_path / "audit.jsonl")]
    assert results == ["ok", "ok", "ok", "failed", "undone", "undone", "undone"]


def test_failure_not_a_directory_rolls_back(root, tmp_path, read_tree):
    before = read_tree(root)
    b = (
        Builder(root)
        .mkdir("m")
        .move("a.txt", "m/a.txt")
        .delete("old.txt")
        .write("notes/b.md", b"changed", overwrite=True)
        .copy("d/c.txt", "x.bin/c.txt")
        .delete("d")
    )
    with pytest.raises(ActionError) as ei:
        run(root, b, tmp_path)
    assert "action 5" in str(ei.value) and "rolled back the 4 completed" in str(ei.value)
    assert read_tree(root) == before
    assert not any(jr.backup_dir(root, ei.value.context["report"].run_id).rglob("*"))


def test_failure_by_missing_source_rolls_back(root, tmp_path, read_tree):
    b = Builder(root).move("a.txt", "z.txt").move("d/c.txt", "y.txt")
    cs = b.changeset()
    cs.actions[1].expect = {}  # no fingerprint: the failure shows up while acting
    (root / "d" / "c.txt").unlink()
    before = read_tree(root)
    cfg = config()
    with pytest.raises(ActionError):
        execute(cs, root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "a.jsonl")
    assert read_tree(root) == before


def test_continue_mode_reports_and_keeps_going(root, tmp_path, read_tree):
    b = Builder(root).move("a.txt", "z.txt").move("d/c.txt", "y.txt").delete("old.txt")
    cs = b.changeset()
    cs.actions[1].expect = {}
    (root / "d" / "c.txt").unlink()
    cfg = config(on_error="continue")
    rep = execute(cs, root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "a.jsonl")
    assert rep.status == "failed" and [s for s, _ in rep.failures] == [2]
    assert rep.counts == {"move": 1, "delete": 1}
    tree = read_tree(root)
    assert "z.txt" in tree and "old.txt" not in tree and "a.txt" not in tree
    assert jr.read_journal(jr.journal_path(root, rep.run_id)).end["status"] == "failed"


def test_guard_refuses_at_execution_time(root, tmp_path, read_tree):
    outside = tmp_path / "outside"
    outside.mkdir()
    b = Builder(root).move("a.txt", "z.txt").move("old.txt", "link/old.txt")
    os.symlink(outside, root / "link")  # appears after compile: re-checked before acting
    before = read_tree(root)
    with pytest.raises(PolicyError):
        run(root, b, tmp_path)
    assert read_tree(root) == before and list(outside.iterdir()) == []


def test_emit_outputs_need_no_journal(root, tmp_path):
    b = Builder(root).emit("a.txt", "list").emit("old.txt", "list").emit("d/c.txt", "read")
    rep = run(root, b, tmp_path)
    assert rep.run_id is None and rep.outputs == [(1, "list", "a.txt\nold.txt"), (1, "read", "C")]
    assert jr.list_runs(root) == []


def test_max_batch_refused(root, tmp_path, read_tree):
    b = Builder(root).delete("a.txt").delete("old.txt")
    with pytest.raises(PolicyError):
        run(root, b, tmp_path, max_batch=1)
    assert (root / "a.txt").exists()


def test_many_actions_span_fsync_groups(tmp_path, make_tree, read_tree):
    root = make_tree(tmp_path / "r", {f"f{i}.txt": str(i) for i in range(1200)})
    b = Builder(root).mkdir("txt")
    for i in range(1200):
        b.move(f"f{i}.txt", f"txt/f{i}.txt")
    rep = run(root, b, tmp_path)
    assert rep.done == 1201 and len(read_tree(root)) == 1200
    assert verify(tmp_path / "audit.jsonl") == (True, None, "1202 entries, chain intact")

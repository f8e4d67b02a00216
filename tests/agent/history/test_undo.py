"""undo(): every action kind goes back; refusal when changed since; idempotent after a crash mid-undo."""

from __future__ import annotations

import json

import pytest
from fa_kit import Builder, config, guard

from fileagent.agent.engine.executor import execute
from fileagent.agent.history import journal as jr
from fileagent.agent.history.audit import read_entries, verify
from fileagent.agent.history.undo import last_undoable, undo
from fileagent.errors import UndoError

TREE = {"a.txt": "A", "notes/b.md": "# b\nbody", "d/c.txt": "C", "old.txt": "OLD", "x.bin": b"\x00\x01", "keep/": None}


def apply(root, b, tmp_path):
    cfg = config()
    return execute(b.changeset(), root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "audit.jsonl")


def everything(root):
    return (
        Builder(root)
        .mkdir("new")
        .move("a.txt", "new/a.txt")
        .copy("d", "d2")
        .delete("x.bin")
        .write("old.txt", b"NEW\n", overwrite=True)
        .write("deep/er/w.txt", b"hi")
        .write("notes/b.md", b'---\ntags: ["ops"]\n---\n# b\nbody', overwrite=True)
        .set_tags("d/c.txt", ["red"])
        .delete("keep")
        .move("new/a.txt", "new/a2.txt")
    )


@pytest.fixture
def root(tmp_path, make_tree):
    return make_tree(tmp_path / "root", TREE)


def test_undo_restores_every_kind(root, tmp_path, read_tree):
    before = read_tree(root, binary=True)
    rep = apply(root, everything(root), tmp_path)
    assert read_tree(root, binary=True) != before
    u = undo(root, audit_path=tmp_path / "audit.jsonl")
    assert u.run_id == rep.run_id and u.undone == 10
    assert read_tree(root, binary=True) == before
    assert json.loads((root / ".fileagent" / "tags.json").read_text()) == {}
    assert not jr.backup_dir(root, rep.run_id).exists()
    assert last_undoable(root) is None
    entries = read_entries(tmp_path / "audit.jsonl")
    assert [e["result"] for e in entries[-10:]] == ["undone"] * 10
    assert verify(tmp_path / "audit.jsonl")[0]
    with pytest.raises(UndoError, match="nothing to undo"):
        undo(root)


def test_undo_defaults_to_last_not_undone(root, tmp_path, read_tree):
    s0 = read_tree(root)
    r1 = apply(root, Builder(root).move("a.txt", "a1.txt"), tmp_path)
    s1 = read_tree(root)
    r2 = apply(root, Builder(root).move("old.txt", "o1.txt"), tmp_path)
    assert undo(root).run_id == r2.run_id and read_tree(root) == s1
    assert undo(root).run_id == r1.run_id and read_tree(root) == s0


def test_undo_named_run_and_unknown_run(root, tmp_path):
    r1 = apply(root, Builder(root).move("a.txt", "a1.txt"), tmp_path)
    with pytest.raises(UndoError, match="no run"):
        undo(root, "20990101T000000-ffffff")
    assert undo(root, r1.run_id).undone == 1
    with pytest.raises(UndoError, match="already undone"):
        undo(root, r1.run_id)


@pytest.mark.parametrize("meddle", ["edit_written", "edit_moved", "recreate_deleted", "refill_source"])
def test_undo_refuses_when_changed_since(root, tmp_path, read_tree, meddle):
    b = Builder(root).write("old.txt", b"NEW", overwrite=True).move("a.txt", "m.txt").delete("x.bin")
    apply(root, b, tmp_path)
    if meddle == "edit_written":
        (root / "old.txt").write_text("user edit!")
    elif meddle == "edit_moved":
        (root / "m.txt").write_text("user edit, longer")
    elif meddle == "recreate_deleted":
        (root / "x.bin").write_text("new file")
    else:
        (root / "a.txt").write_text("a new a")
    state = read_tree(root)
    with pytest.raises(UndoError, match="nothing was changed"):
        undo(root)
    assert read_tree(root) == state


def test_undo_goes_on_when_a_written_file_was_edited_and_put_back(root, tmp_path, read_tree):
    import os

    before = read_tree(root)
    apply(root, Builder(root).write("old.txt", b"NEW", overwrite=True), tmp_path)
    (root / "old.txt").write_bytes(b"user edit")
    (root / "old.txt").write_bytes(b"NEW")  # the same bytes again, a later time
    st = (root / "old.txt").stat()
    os.utime(root / "old.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert undo(root).undone == 1 and read_tree(root) == before


@pytest.mark.parametrize("later", ["same_size_other_bytes", "fifo"])
def test_undo_refuses_a_written_file_now_other_bytes_or_no_file_at_all(root, tmp_path, read_tree, later):
    import os

    wrote = b"" if later == "fifo" else b"NEW"  # a FIFO is as long as an empty file
    apply(root, Builder(root).write("old.txt", wrote, overwrite=True), tmp_path)
    st = (root / "old.txt").stat()
    if later == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        (root / "old.txt").unlink()
        os.mkfifo(root / "old.txt")
    else:
        (root / "old.txt").write_bytes(b"new")  # three bytes, as the run wrote, but not those
    os.utime(root / "old.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000), follow_symlinks=False)
    with pytest.raises(UndoError, match="old.txt was modified after the run"):
        undo(root)


def test_undo_is_idempotent_after_crash_mid_undo(root, tmp_path, read_tree, monkeypatch):
    before = read_tree(root, binary=True)
    apply(root, everything(root), tmp_path)
    from fileagent.agent.history import undo as undo_mod

    real = undo_mod.revert
    calls = {"n": 0}

    def crashing(*a, **k):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt("simulated crash")
        return real(*a, **k)

    monkeypatch.setattr(undo_mod, "revert", crashing)
    with pytest.raises(KeyboardInterrupt):
        undo(root)
    monkeypatch.setattr(undo_mod, "revert", real)
    assert read_tree(root, binary=True) != before
    u = undo(root)
    assert u.already == 3
    assert read_tree(root, binary=True) == before


def test_undo_keeps_folder_with_new_files(root, tmp_path, read_tree):
    apply(root, Builder(root).mkdir("box").move("a.txt", "box/a.txt"), tmp_path)
    (root / "box" / "mine.txt").write_text("added later")
    undo(root)
    assert read_tree(root)["box/mine.txt"] == "added later" and read_tree(root)["a.txt"] == "A"


def test_undo_of_interrupted_run_asks_for_recover(root, tmp_path):
    jw = jr.JournalWriter(jr.journal_path(root, "20260101T000000-aaaaaa"))
    jw.write({"t": "header", "run": "20260101T000000-aaaaaa", "changeset": []})
    jw.close()
    with pytest.raises(UndoError, match="recover"):
        undo(root, "20260101T000000-aaaaaa")

"""recover(): a run killed mid-way (journal without an end record) goes back to its before-run state."""

from __future__ import annotations

import os

import pytest
from fa_kit import Builder, config, guard

from fileagent.agent.engine import executor as ex
from fileagent.agent.engine.executor import execute
from fileagent.agent.history import journal as jr
from fileagent.agent.history.undo import recover, undo

TREE = {"a.txt": "A", "b.txt": "B", "d/c.txt": "C", "old.txt": "OLD", "gone.txt": "G"}


def plan(root):
    return (
        Builder(root)
        .mkdir("m")
        .move("a.txt", "m/a.txt")
        .write("old.txt", b"NEW", overwrite=True)
        .delete("gone.txt")
        .copy("d", "d2")
        .write("n/new.txt", b"fresh")
        .move("b.txt", "m/b.txt")
    )


@pytest.fixture
def root(tmp_path, make_tree):
    return make_tree(tmp_path / "root", TREE)


class Killed(BaseException):
    pass


@pytest.mark.parametrize("kill_at", range(1, 8))
@pytest.mark.parametrize("phase", ["before_act", "after_act"])
def test_crash_then_recover_gives_before_state(root, tmp_path, read_tree, monkeypatch, kill_at, phase):
    before = read_tree(root, binary=True)
    real_act = ex._Runner.act

    def act(self, a, intent):
        if a.seq == kill_at and phase == "before_act":
            raise Killed()
        done = real_act(self, a, intent)
        if a.seq == kill_at:
            raise Killed()  # acted, but the done record was never written
        return done

    monkeypatch.setattr(ex._Runner, "act", act)
    cfg = config()
    with pytest.raises(Killed):
        execute(
            plan(root).changeset(), root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "audit.jsonl"
        )
    monkeypatch.setattr(ex._Runner, "act", real_act)
    (run,) = jr.list_runs(root)
    assert not jr.read_journal(jr.journal_path(root, run)).finished
    rep = recover(root, audit_path=tmp_path / "audit.jsonl")
    assert run in rep.rolled_back
    assert read_tree(root, binary=True) == before
    assert jr.read_journal(jr.journal_path(root, run)).end["status"] == "rolled_back"
    assert recover(root).rolled_back == {}  # idempotent: nothing left to do
    assert [n for _, _, fs in os.walk(root) for n in fs if ".fa-tmp-" in n] == []


def test_recover_from_handwritten_journal(root, tmp_path, read_tree):
    """Intents written, the first action done on disk, no done/end records (power cut)."""
    before = read_tree(root)
    b = Builder(root).move("a.txt", "z.txt").delete("old.txt")
    cs = b.changeset()
    run = "20260101T000000-abcdef"
    jw = jr.JournalWriter(jr.journal_path(root, run))
    jw.write({"t": "header", "run": run, "changeset": [a.to_dict() for a in cs.actions]})
    jw.write({"t": "intent", "seq": 1, "backup": None})
    jw.write({"t": "intent", "seq": 2, "backup": f"{run}/2/old.txt"})
    jw.close()
    os.rename(root / "a.txt", root / "z.txt")  # action 1 happened, action 2 did not
    rep = recover(root)
    assert rep.rolled_back == {run: 1}
    assert read_tree(root) == before


def test_recover_finishes_interrupted_undo(root, tmp_path, read_tree, monkeypatch):
    before = read_tree(root, binary=True)
    cfg = config()
    execute(plan(root).changeset(), root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "a.jsonl")
    from fileagent.agent.history import undo as undo_mod

    real = undo_mod.revert
    n = {"i": 0}

    def crashing(*a, **k):
        n["i"] += 1
        if n["i"] == 3:
            raise Killed()
        return real(*a, **k)

    monkeypatch.setattr(undo_mod, "revert", crashing)
    with pytest.raises(Killed):
        undo(root)
    monkeypatch.setattr(undo_mod, "revert", real)
    rep = recover(root)
    assert len(rep.finished_undo) == 1
    assert read_tree(root, binary=True) == before


def test_recover_with_nothing_to_do(tmp_path):
    assert recover(tmp_path).to_dict() == {"rolled_back": {}, "finished_undo": [], "notes": []}

"""The watcher's batches in-process: scope, loop prevention, failures, interruption."""

from __future__ import annotations

import io
import os
import time

import pytest

from fileagent.agent.engine.compiler import compile_plan
from fileagent.agent.plan.model import Plan
from fileagent.cli.support import IO, _session
from fileagent.errors import PlanError
from fileagent.watch.rules import RuleStore, new_rule
from fileagent.watch.watcher import Watcher


@pytest.fixture
def session(tmp_path, monkeypatch, make_tree):
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    monkeypatch.setenv("FILEAGENT_CONFIG", str(cfg))
    root = make_tree(tmp_path / "root", {"in/a.txt": "a", "in/b.txt": "b", "in/c.md": "c", "out/": None})
    return _session(str(root), None, IO())


def plan(*steps):
    return Plan.from_dict({"version": 1, "steps": list(steps)})


MOVE_TXT = {"op": "move", "select": {"in": "in", "pattern": "*.txt"}, "to": "out"}


def test_scope_limits_selections_and_allows_empty(session):
    p = plan(MOVE_TXT)
    kw = dict(root=session.root, config=session.loaded.config, guard=session.guard)
    assert [
        a.src for a in compile_plan(p, **kw, scope={"in/b.txt", "in/c.md"}).mutating_actions if a.kind == "move"
    ] == ["in/b.txt"]
    assert compile_plan(p, **kw, scope={"in/c.md"}).mutating_actions == []
    assert len([a for a in compile_plan(p, **kw).actions if a.kind == "move"]) == 2
    empty = plan({"op": "move", "select": {"in": "in", "pattern": "*.jpg"}, "to": "out"})
    with pytest.raises(PlanError, match="nothing matches"):
        compile_plan(empty, **kw)
    assert compile_plan(empty, **kw, allow_empty=True).mutating_actions == []
    one = plan({"op": "delete", "select": {"path": "in/a.txt"}})
    assert compile_plan(one, **kw, scope={"in/b.txt"}).mutating_actions == []


def watcher(session, **kw):
    out, err = io.StringIO(), io.StringIO()
    w = Watcher(session, settle=0.0, apply=True, out=out, err=err, **kw)
    return w, out, err


def batch_of(session, *rels):
    items = []
    for rel in rels:
        path = os.path.join(str(session.root), rel)
        st = os.lstat(path)
        items.append((path, (st.st_size, st.st_mtime_ns, st.st_ino, False)))
    return items


def test_items_a_rule_just_renamed_do_not_retrigger(session):
    rename = plan({"op": "rename", "select": {"in": "in", "pattern": "*.txt"}, "add_prefix": "done-"})
    RuleStore(session.root).save(new_rule("prefix", None, rename))
    w, out, err = watcher(session)
    w._run_batch(batch_of(session, "in/a.txt"))
    assert sorted(os.listdir(session.root / "in")) == ["b.txt", "c.md", "done-a.txt"]
    w._run_batch(batch_of(session, "in/done-a.txt"))  # the rename's own event comes back
    assert sorted(os.listdir(session.root / "in")) == ["b.txt", "c.md", "done-a.txt"]
    assert out.getvalue().count("rule prefix: 1 move; run ") == 1
    os.utime(session.root / "in" / "done-a.txt", ns=(1, 1))  # a person changes it: news again
    w._run_batch(batch_of(session, "in/done-a.txt"))
    assert "done-done-a.txt" in os.listdir(session.root / "in")


def test_failing_rule_is_paused_and_others_keep_going(session):
    store = RuleStore(session.root)
    store.save(new_rule("gone", None, plan({"op": "move", "select": {"in": "tmp", "pattern": "*"}, "to": "out"})))
    store.save(new_rule("txt", None, plan(MOVE_TXT)))
    (session.root / "tmp").mkdir()
    (session.root / "tmp" / "x").write_text("x")
    os.rename(session.root / "tmp", session.root / "tmp2")  # the rule's folder disappears
    w, out, err = watcher(session)
    for name in ("in/a.txt", "in/b.txt", "in/c.md"):
        w._run_batch(batch_of(session, name))
    lines = err.getvalue().splitlines()
    assert sum("rule gone: " in x and "does not exist" in x for x in lines) == 3
    assert any("rule gone failed 3 batches in a row and is paused" in x for x in lines)
    assert all(x.startswith("fileagent: error: ") for x in lines)
    assert store.load("gone").paused is True and store.load("txt").paused is False
    assert sorted(os.listdir(session.root / "out")) == ["a.txt", "b.txt"]


@pytest.mark.skipif(
    os.environ.get("FILEAGENT_PORTABLE") == "windows",
    reason="the interrupt is injected into the folder-descriptor fast path, which Windows rules do not take",
)
@pytest.mark.parametrize("how", ["signal", "second signal"])
def test_interrupted_batch_is_rolled_back(session, monkeypatch, read_tree, how):
    import signal

    from fileagent.agent.engine import actions

    RuleStore(session.root).save(new_rule("txt", None, plan(MOVE_TXT)))
    before = read_tree(session.root)
    real = actions._Runner.move_fast
    calls = []

    def interrupt_first(self, a):
        calls.append(a.seq)
        done = real(self, a)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGTERM)  # arrives while the batch runs
            if how == "second signal":
                os.kill(os.getpid(), signal.SIGTERM)
        return done

    monkeypatch.setattr(actions._Runner, "move_fast", interrupt_first)
    w, out, err = watcher(session)
    old = w._install_signals()
    try:
        w._run_batch(batch_of(session, "in/a.txt", "in/b.txt"))
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
    assert w.stopping and calls == [calls[0]]
    assert "stopped during a batch of rule txt" in err.getvalue()
    assert read_tree(session.root) == before
    assert not out.getvalue()


def test_settle_and_debounce(session):
    w, out, err = watcher(session)
    w.settle, w.quiet = 0.2, 0.1
    path = os.path.join(str(session.root), "in", "a.txt")
    w.events.put(path)
    w._drain(0.01)
    now = time.monotonic()
    w._settle(now)
    assert w._take_ready(now) == []  # not stable for long enough
    with open(path, "a") as f:
        f.write("more")
    w._settle(now + 0.15)  # changed: the clock starts again
    assert w._take_ready(now + 0.3) == []
    assert [p for p, _ in w._take_ready(now + 0.4)] == [path]


def test_without_yes_under_dry_run_default_it_only_previews(session, read_tree):
    RuleStore(session.root).save(new_rule("txt", None, plan(MOVE_TXT)))
    before = read_tree(session.root)
    out, err = io.StringIO(), io.StringIO()
    w = Watcher(session, settle=0.0, apply=False, out=out, err=err)
    w._run_batch(batch_of(session, "in/a.txt"))
    assert read_tree(session.root) == before
    assert "rule txt: would do 1 move (preview only; --yes applies)" in out.getvalue()
    assert "in/a.txt" in out.getvalue() and not err.getvalue()

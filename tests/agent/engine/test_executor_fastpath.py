"""The executor's fast path for plain file moves (cached folder descriptors, renameat2 between them)
keeps every property of the general path: no link followed, never replaces, EXDEV falls back to a
copy, folders the run itself moves are not reached through a stale descriptor, rollback works, and the
journal header built as text is exactly the JSON of its records."""

from __future__ import annotations

import errno
import json
import os

import pytest
from fa_kit import Builder, config, guard

from fileagent.agent.engine import executor as ex
from fileagent.agent.engine import fastpath
from fileagent.agent.engine.changeset import Action, Fingerprint
from fileagent.agent.engine.executor import execute
from fileagent.agent.history import journal as jr
from fileagent.agent.history.audit import read_entries, verify
from fileagent.errors import ActionError, PolicyError
from fileagent.tools.fs import dirfd, fsops

pytestmark = pytest.mark.skipif(not dirfd.supported(), reason="descriptor-relative calls only")


def run(root, b_or_cs, tmp_path, **agent):
    cfg = config(**agent)
    cs = b_or_cs.changeset() if isinstance(b_or_cs, Builder) else b_or_cs
    return execute(cs, root=root, guard=guard(root, cfg), config=cfg, audit_path=tmp_path / "audit.jsonl")


def count_fast_renames(monkeypatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    real = fsops.rename_noreplace_at

    def spy(sd, sn, dd, dn, **kw):
        calls.append((sn, dn))
        return real(sd, sn, dd, dn, **kw)

    monkeypatch.setattr(fsops, "rename_noreplace_at", spy)
    return calls


def test_plain_moves_take_the_fast_path_and_are_journaled(tmp_path, make_tree, read_tree, monkeypatch):
    root = make_tree(tmp_path / "r", {f"f{i}.txt": str(i) for i in range(30)} | {"sub/g.md": "g"})
    calls = count_fast_renames(monkeypatch)
    b = Builder(root).mkdir("txt")
    for i in range(30):
        b.move(f"f{i}.txt", f"txt/f{i}.txt")
    b.move("sub/g.md", "md/g.md")  # folder made by the move itself ("made" record)
    rep = run(root, b, tmp_path)
    assert len(calls) == 31 and rep.counts == {"mkdir": 1, "move": 31}
    tree = read_tree(root)
    assert tree["txt/f7.txt"] == "7" and tree["md/g.md"] == "g" and "f7.txt" not in tree
    j = jr.read_journal(jr.journal_path(root, rep.run_id))
    assert j.end["status"] == "done" and len(j.done) == 32 and j.done[32]["made"] == ["md"]
    entries = read_entries(tmp_path / "audit.jsonl")
    assert [e["op"] for e in entries] == ["run", "mkdir"] + ["move"] * 31
    assert entries[9]["src"] == "f7.txt" and entries[9]["size_before"] == entries[9]["size_after"] == 1
    assert verify(tmp_path / "audit.jsonl")[0]


def test_fast_move_never_replaces_a_file_that_appeared(tmp_path, make_tree, read_tree):
    root = make_tree(tmp_path / "r", {"a.txt": "A", "b.txt": "B", "t/": None})
    b = Builder(root).move("a.txt", "t/a.txt").move("b.txt", "t/b.txt")
    cs = b.changeset()
    real = ex._check_fresh

    def fresh_then_race(*a, **k):
        real(*a, **k)
        (root / "t" / "b.txt").write_text("someone else's")  # after the stale check, before the move

    ex._check_fresh = fresh_then_race
    try:
        with pytest.raises(ActionError) as ei:
            run(root, cs, tmp_path)
    finally:
        ex._check_fresh = real
    assert "rolled back" in str(ei.value)
    assert read_tree(root) == {"a.txt": "A", "b.txt": "B", "t/b.txt": "someone else's"}


def test_folder_swapped_for_a_link_mid_run_is_not_followed(tmp_path, make_tree):
    """The descriptor of t/ was opened (no link followed) by the first move; t/ is then renamed away and
    replaced by a link out of the root: the next move still lands in the real folder, never outside."""
    root = make_tree(tmp_path / "r", {"a.txt": "A", "b.txt": "B", "t/": None})
    outside = tmp_path / "outside"
    outside.mkdir()
    b = Builder(root).move("a.txt", "t/a.txt").move("b.txt", "t/b.txt")
    real_act = ex._Runner.act

    def act(self, a, intent):
        done = real_act(self, a, intent)
        if a.seq == 1:
            os.rename(root / "t", root / "held")
            os.symlink(outside, root / "t")
        return done

    ex._Runner.act = act
    try:
        run(root, b, tmp_path)
    finally:
        ex._Runner.act = real_act
    assert list(outside.iterdir()) == []
    assert sorted(os.listdir(root / "held")) == ["a.txt", "b.txt"]


def test_a_link_in_the_path_before_the_first_move_is_refused(tmp_path, make_tree, read_tree):
    root = make_tree(tmp_path / "r", {"a.txt": "A", "t/": None})
    outside = tmp_path / "outside"
    outside.mkdir()
    cs = Builder(root).move("a.txt", "t/a.txt").changeset()
    os.rename(root / "t", root / "held")
    os.symlink(outside, root / "t")
    with pytest.raises(PolicyError, match="symbolic link pointing outside"):
        run(root, cs, tmp_path)
    assert list(outside.iterdir()) == [] and (root / "a.txt").read_text() == "A"


def test_folder_moved_by_the_run_is_not_reached_through_a_cached_descriptor(tmp_path, make_tree, read_tree):
    """move a.txt into x/, move folder x to y/x, move b.txt into a new x/: b.txt must land in the new x/."""
    root = make_tree(tmp_path / "r", {"a.txt": "A", "b.txt": "B", "x/": None, "y/": None})
    b = Builder(root).move("a.txt", "x/a.txt")
    b.actions.append(
        Action(
            seq=2,
            step=2,
            kind="move",
            src="x",
            dst="y/x",
            expect={"x": Fingerprint(True, True, 0, 0, os.lstat(root / "x").st_ino), "y/x": Fingerprint(False)},
        )
    )
    b.actions.append(Action(seq=3, step=3, kind="mkdir", dst="x", expect={}))
    b.actions.append(
        Action(
            seq=4,
            step=3,
            kind="move",
            src="b.txt",
            dst="x/b.txt",
            expect={"b.txt": Builder(root).move("b.txt", "q").actions[0].expect["b.txt"]},
        )
    )
    rep = run(root, b, tmp_path)
    assert rep.status == "done"
    assert read_tree(root) == {"x/b.txt": "B", "y/x/a.txt": "A"}


def test_cross_device_fast_move_copies_and_verifies(tmp_path, make_tree, read_tree, monkeypatch):
    root = make_tree(tmp_path / "r", {"a.txt": "AAA", "t/": None})

    def exdev(*a, **k):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(fsops, "rename_noreplace_at", exdev)
    real_rn = fsops.rename_noreplace
    seen = []

    def path_rename(src, dst):
        seen.append(dst)
        if len(seen) == 1:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return real_rn(src, dst)

    monkeypatch.setattr(fsops, "rename_noreplace", path_rename)
    rep = run(root, Builder(root).move("a.txt", "t/a.txt"), tmp_path)
    assert read_tree(root) == {"t/a.txt": "AAA"}
    j = jr.read_journal(jr.journal_path(root, rep.run_id))
    assert j.done[1]["post"]["size"] == 3  # a copy is a new inode: undo checks this fingerprint


def test_rollback_after_fast_moves_restores_the_tree(tmp_path, make_tree, read_tree):
    root = make_tree(tmp_path / "r", {"a.txt": "A", "b.txt": "B", "c.txt": "C"})
    before = read_tree(root)
    cs = Builder(root).move("a.txt", "n/a.txt").move("b.txt", "n/b.txt").move("c.txt", "n/c.txt").changeset()
    cs.actions[2].expect = {}  # no fingerprint: takes the general path, and fails there
    (root / "c.txt").unlink()
    before.pop("c.txt")
    with pytest.raises(ActionError) as ei:
        run(root, cs, tmp_path)
    assert "rolled back the 2 completed" in str(ei.value)
    assert read_tree(root) == before and not (root / "n").exists()


def test_header_text_is_the_json_of_the_records(tmp_path):
    actions = [
        Action(1, 1, "mkdir", dst="ü/新", expect={"ü/新": Fingerprint(False)}),
        Action(
            2,
            1,
            "move",
            src='q"uote\\.txt',
            dst="ü/新/x\n.txt",
            note="classify extension",
            expect={'q"uote\\.txt': Fingerprint(True, False, 12, 1700000000123456789, 42)},
        ),
        Action(
            3,
            2,
            "write",
            dst="w.txt",
            content=b"\x00\xffdata",
            overwrite=True,
            expect={"w.txt": Fingerprint(True, False, 3, 5, 6)},
        ),
        Action(4, 3, "set_tags", src="t.md", tags=["a", "ß"], expect={"t.md": Fingerprint(True, False, 1, 2, 3)}),
        Action(5, 4, "copy", src="d", dst="e", expect={"d": Fingerprint(True, True, 0, 0, 7), "e": Fingerprint(False)}),
    ]
    plan = {"version": 1, "steps": [{"op": "move", "select": {"in": "é"}, "to": "x"}]}
    text = ex._header_text("RUN", "usér", tmp_path, plan, actions)
    rec = json.loads(text)
    assert rec["changeset"] == [fastpath._action_record(a) for a in actions]
    assert text == jr.encode_record(
        {
            "t": "header",
            "run": "RUN",
            "time": rec["time"],
            "user": "usér",
            "root": str(tmp_path),
            "plan": plan,
            "changeset": [fastpath._action_record(a) for a in actions],
        }
    )


def test_plan_moving_a_folder_then_refilling_its_name(tmp_path, make_tree, read_tree):
    """Through the compiler: the mkdir of the new x/ must not be skipped as 'known' (the run moved x)."""
    import io

    from fileagent.cli.fast import main

    root = make_tree(tmp_path / "r", {"a.txt": "A", "b.txt": "B", "x/": None, "y/": None})
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "version": 1,
                "steps": [
                    {"op": "move", "select": {"path": "a.txt"}, "to": "x"},
                    {"op": "move", "select": {"path": "x"}, "to": "y"},
                    {"op": "move", "select": {"path": "b.txt"}, "to": "x"},
                ],
            }
        ),
        encoding="utf-8",
    )
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'audit.jsonl'}\n", encoding="utf-8")
    err = io.StringIO()
    code = main(
        ["apply", "--root", str(root), "--config", str(cfg), "--yes", str(plan)],
        stdout=io.StringIO(),
        stderr=err,
        stdin=io.StringIO(""),
    )
    assert code == 0, err.getvalue()
    assert read_tree(root) == {"x/b.txt": "B", "y/x/a.txt": "A"}

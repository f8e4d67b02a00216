"""`fileagent watch` as a real process on a real observer (inotify on Linux): files dropped in
bursts, a file written slowly, unmatched files, SIGTERM, undo of a watched batch, a rule added
while watching."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGTERM to a child process is a POSIX test")

MOVE_PDF = {
    "version": 1,
    "steps": [{"op": "move", "select": {"in": "downloads", "pattern": "*.pdf"}, "to": "docs/papers"}],
}


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ)
    e.update(
        {
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
            "HOME": str(tmp_path),
            "NO_COLOR": "1",
        }
    )
    e.pop("FILEAGENT_CONFIG", None)
    return e


def fa(args, env, stdin_text=None):
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin_text if stdin_text is not None else "",
    )


def wait_for(cond, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


class Live:
    """A running `fileagent watch --yes`; its stdout and stderr lines collected as they come."""

    def __init__(self, root, env, settle="0.4"):
        self.p = subprocess.Popen(
            [sys.executable, "-m", "fileagent", "watch", "--root", str(root), "--yes", "--settle", settle],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self.readers = [
            threading.Thread(target=lambda s=stream, k=sink: [k.append(x) for x in s], daemon=True)
            for stream, sink in ((self.p.stdout, self.out), (self.p.stderr, self.err))
        ]
        for t in self.readers:
            t.start()
        assert wait_for(lambda: any("watching" in x for x in self.err), 30), self.err

    def stop(self) -> tuple[int, float]:
        t = time.monotonic()
        self.p.send_signal(signal.SIGTERM)
        rc = self.p.wait(timeout=10)
        took = time.monotonic() - t
        for r in self.readers:
            r.join(timeout=5)
        return rc, took

    def kill(self) -> None:
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


@pytest.fixture
def live(tmp_path, env, make_tree):
    started = []

    def start(root, **kw):
        w = Live(root, env, **kw)
        started.append(w)
        return w

    yield start
    for w in started:
        w.kill()


def papers(root):
    d = root / "docs" / "papers"
    return sorted(os.listdir(d)) if d.is_dir() else []


def add_rule(root, env, name="pdfs", plan=MOVE_PDF):
    r = fa(["rule", "add", "--root", str(root), "--name", name, "--from-plan", "-"], env, json.dumps(plan))
    assert r.returncode == 0, r.stderr


def test_bursts_are_moved_unmatched_files_untouched_and_sigterm_stops(tmp_path, env, make_tree, live, read_tree):
    root = make_tree(tmp_path / "root", {"downloads/keep.txt": "keep", "docs/": None})
    add_rule(root, env)
    w = live(root)
    want = []
    for burst in range(3):
        for i in range(15):
            name = f"b{burst}-{i:02}.pdf"
            (root / "downloads" / name).write_text(name)
            want.append(name)
        (root / "downloads" / f"note{burst}.txt").write_text("not a pdf")
        time.sleep(0.3)

    def moved(lines):
        return sum(int(x.split(" move")[0].rsplit(" ", 1)[1]) for x in lines if "rule pdfs:" in x)

    assert wait_for(lambda: papers(root) == sorted(want) and moved(w.out) == len(want), 20), (papers(root), w.err)
    tree = read_tree(root)
    assert {k: v for k, v in tree.items() if k.startswith("downloads/")} == {
        "downloads/keep.txt": "keep",
        **{f"downloads/note{b}.txt": "not a pdf" for b in range(3)},
    }
    assert all(tree[f"docs/papers/{n}"] == n for n in want)
    rc, took = w.stop()
    assert rc == 0 and took < 3.0, (rc, took, w.err)
    lines = [x for x in w.out if "rule pdfs:" in x]
    assert lines and all(" run " in x for x in lines)
    assert moved(lines) == len(want)
    assert not [x for x in w.err if "error" in x], w.err


def test_a_file_written_slowly_is_moved_only_when_complete(tmp_path, env, make_tree, live):
    root = make_tree(tmp_path / "root", {"downloads/": None, "docs/": None})
    add_rule(root, env)
    w = live(root, settle="1.5")  # six times the pause between chunks: a loaded machine stays safe
    path = root / "downloads" / "big.pdf"
    chunks = [f"chunk {i}\n" * 100 for i in range(9)]
    for chunk in chunks:  # about two seconds, the file reopened by path each time
        with open(path, "a", encoding="utf-8") as f:
            f.write(chunk)
        time.sleep(0.25)
        assert path.exists(), "moved while it was still being written"
    assert wait_for(lambda: papers(root) == ["big.pdf"] and any("rule pdfs:" in x for x in w.out), 10), w.err
    assert (root / "docs" / "papers" / "big.pdf").read_text(encoding="utf-8") == "".join(chunks)
    assert w.stop()[0] == 0
    assert len([x for x in w.out if "rule pdfs:" in x]) == 1


def test_undo_reverses_a_watched_batch(tmp_path, env, make_tree, live, read_tree):
    root = make_tree(tmp_path / "root", {"downloads/": None, "docs/": None})
    add_rule(root, env)
    w = live(root)
    for name in ("x.pdf", "y.pdf"):
        (root / "downloads" / name).write_text(name)
    assert wait_for(lambda: papers(root) == ["x.pdf", "y.pdf"] and any("rule pdfs:" in x for x in w.out)), w.err
    assert w.stop()[0] == 0
    run_id = next(x for x in w.out if "rule pdfs:" in x).split()[-1]
    r = fa(["undo", run_id, "--root", str(root), "--yes"], env)
    assert r.returncode == 0, r.stderr
    assert read_tree(root) == {"downloads/x.pdf": "x.pdf", "downloads/y.pdf": "y.pdf", "docs/": None}
    r = fa(["log", "--run", run_id, "--json"], env)
    entries = json.loads(r.stdout)
    assert [e.get("rule") for e in entries if e["op"] == "run"] == ["pdfs"]


def test_a_rule_added_while_watching_is_picked_up(tmp_path, env, make_tree, live):
    root = make_tree(tmp_path / "root", {"downloads/": None, "docs/": None})
    w = live(root)
    assert any("0 active rule(s)" in x for x in w.err)
    add_rule(root, env)
    assert wait_for(lambda: any("rule pdfs added" in x for x in w.err)), w.err
    (root / "downloads" / "late.pdf").write_text("late")
    assert wait_for(lambda: papers(root) == ["late.pdf"] and any("rule pdfs:" in x for x in w.out)), w.err
    assert w.stop()[0] == 0

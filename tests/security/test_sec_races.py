"""Check-then-use races. A folder is swapped for a symlink pointing outside (and back)
over and over while `apply` moves, copies, writes, deletes and renames into it; nothing outside
may ever be written, removed or moved (an "escape").

The flipper runs in a thread: rename target -> hold, symlink target -> outside/twin, unlink,
rename hold -> target, in a tight loop (each syscall releases the GIL, so the swap lands
between the engine's check and its use). Flipping from the start mostly gets the plan refused at
compile time (the link is seen), so in 3 of 4 attempts the flipper is released only once the
executor's freshness check has passed: every swap then falls inside the execution, after all
checks. After each attempt the flipper parks with the real folder back in place, and the outside
tree must be byte-identical (twin folder still empty). A run that failed is followed by `recover`
(with the real folder back); every original file's bytes must then still be in the root or in its
backups (nothing lost). Whether the root came back byte-identical is counted, not required: under
an active swapper a rollback step can be fooled by the folder being briefly absent (an empty folder
left, a backup not put back): never an escape, never lost content.
"""

from __future__ import annotations

import os
import random
import shutil
import threading
import time
from pathlib import Path

import pytest
from sec_kit import CANARY, long_count, no_fsync, record_figures, run_cli, snapshot, write_files

from fileagent.tools.fs import dirfd

OPS = ("move_in", "copy_in", "create_in", "delete_in", "update_in", "rename_in", "classify_in", "move_out_of")


def _hashes(top: Path) -> set[str]:
    """sha256 of every file under `top`, ROOT/.fileagent (backups) included."""
    import hashlib

    out = set()
    for d, _, fs in os.walk(top):
        for f in fs:
            if f != "lock" and not f.endswith(".jsonl"):
                out.add(hashlib.sha256(Path(d, f).read_bytes()).hexdigest())
    return out


class Flipper(threading.Thread):
    def __init__(self, target: Path, hold: Path, link_to: Path) -> None:
        super().__init__(daemon=True)
        self.target, self.hold, self.link_to = str(target), str(hold), str(link_to)
        self.go = threading.Event()
        self.parked = threading.Event()
        self.stop = False
        self.flips = 0
        self.budget: int | None = None  # flips left in this attempt (None: no limit)

    def run(self) -> None:
        while not self.stop:
            if not self.go.is_set():
                self._restore()
                self.parked.set()
                self.go.wait(0.05)
                continue
            self.parked.clear()
            if self.budget is not None:
                if self.budget <= 0:
                    self.go.wait(0.001)
                    continue
                self.budget -= 1
                time.sleep(random.random() * 0.01)
            try:
                os.rename(self.target, self.hold)
                os.symlink(self.link_to, self.target)
                self.flips += 1
                time.sleep(0)
                os.unlink(self.target)
                os.rename(self.hold, self.target)
            except OSError:
                self._restore()
            if self.flips % 4 == 0:  # now and then a quiet spell, so some runs get through
                time.sleep(0.002)

    def _restore(self) -> None:
        """Put the real folder back (whatever state a failed flip left)."""
        try:
            if os.path.islink(self.target):
                os.unlink(self.target)
            if os.path.isdir(self.hold) and not os.path.lexists(self.target):
                os.rename(self.hold, self.target)
        except OSError:
            pass

    def pause(self) -> None:
        self.go.clear()
        if not self.parked.wait(5):
            raise RuntimeError("flipper did not park")
        self._restore()


class RaceRig:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.root = base / "sb"
        self.outside = base / "outside"
        self.twin = self.outside / "twin"
        self.cfg = base / "cfg" / "config.yaml"
        (base / "cfg").mkdir(parents=True, exist_ok=True)
        self.cfg.write_text("agent:\n  log_path: audit.jsonl\n  max_batch: 100000\n", encoding="utf-8")
        write_files(self.outside, {"canary.txt": CANARY, "twin/.keep": b""})
        self.flipper = Flipper(self.root / "target", self.root / "hold", self.twin)
        self.attempts = self.escapes = self.completed = self.inconsistent = self.lost = 0
        self.codes: dict[int, int] = {}
        self.details: list[str] = []

    def reset(self, n: int) -> set[str]:
        """A fresh root; returns the sha256 of every original file."""
        import hashlib

        if self.root.exists():
            shutil.rmtree(self.root)
        files = {f"src/f{i}.txt": f"src {i}\n".encode() for i in range(n)}
        files |= {f"target/t{i}.txt": f"target {i}\n".encode() for i in range(n)}
        write_files(self.root, files)
        return {hashlib.sha256(v).hexdigest() for v in files.values()}

    def plan(self, op: str, n: int) -> dict:
        steps = {
            "move_in": {"op": "move", "select": {"in": "src"}, "to": "target"},
            "copy_in": {"op": "copy", "select": {"in": "src"}, "to": "target/sub"},
            "create_in": [{"op": "create", "path": f"target/new{i}.txt", "content": "new"} for i in range(n)],
            "delete_in": {"op": "delete", "select": {"in": "target"}},
            "update_in": {"op": "update", "select": {"in": "target"}, "mode": "set", "text": "changed"},
            "rename_in": {"op": "rename", "select": {"in": "target"}, "add_prefix": "r-"},
            "classify_in": {"op": "classify", "select": {"in": "src"}, "by": "extension", "dest": "target"},
            "move_out_of": {"op": "move", "select": {"in": "target"}, "to": "src"},
        }[op]
        return {"version": 1, "steps": steps if isinstance(steps, list) else [steps]}

    def attempt(self, rnd: random.Random, n: int = 4) -> None:
        import json

        from fileagent.agent.engine import executor

        op = OPS[self.attempts % len(OPS)]
        originals = self.reset(n)
        before = snapshot(self.base, ("outside",))
        root_before = snapshot(self.base, ("sb",))
        at_execution = self.attempts % 4 != 0
        self.flipper.budget = 1 if self.attempts % 3 == 0 else None  # a single swap at a random moment
        real_check = executor._check_fresh
        if at_execution:

            def check_then_flip(*a, **k):
                real_check(*a, **k)
                self.flipper.go.set()
                time.sleep(rnd.random() * 0.001)

            executor._check_fresh = check_then_flip
        else:
            self.flipper.go.set()
        try:
            r = run_cli(
                ["apply", "--root", str(self.root), "--config", str(self.cfg), "--yes", "--json", "-"],
                stdin=json.dumps(self.plan(op, n)),
            )
        finally:
            executor._check_fresh = real_check
            self.flipper.pause()
        if r.code != 0:
            # the swap may also have broken the rollback: recover (with the folder back) must finish it
            rec = run_cli(["recover", "--root", str(self.root), "--config", str(self.cfg)])
            assert rec.code == 0 and not rec.traceback, rec.err
            if snapshot(self.base, ("sb",)) != root_before:
                # Under an active swapper a rollback decision can be fooled (the folder is briefly absent),
                # so the tree may not come back byte-identical: counted, and every original file's bytes
                # must still be in the root or in ROOT/.fileagent/backups (nothing lost, nothing outside).
                self.inconsistent += 1
                lost = originals - _hashes(self.root)
                if lost:
                    self.lost += 1
                    self.details.append(f"{op}: exit {r.code}: original content lost after recover")
        self.attempts += 1
        self.completed += r.code == 0
        self.codes[r.code] = self.codes.get(r.code, 0) + 1
        after = snapshot(self.base, ("outside",))
        assert not r.traceback, r.err
        if after != before:
            self.escapes += 1
            self.details.append(f"{op}: exit {r.code}: " + ", ".join(sorted(set(after) ^ set(before)))[:300])
            shutil.rmtree(self.twin)
            write_files(self.outside, {"canary.txt": CANARY, "twin/.keep": b""})

    def run(self, attempts: int, seed: int = 0) -> None:
        rnd = random.Random(seed)
        self.flipper.start()
        try:
            for _ in range(attempts):
                self.attempt(rnd)
        finally:
            self.flipper.stop = True
            self.flipper.go.set()
            self.flipper.join(5)


@pytest.mark.skipif(
    not dirfd.supported(),
    reason="the guard against this race is descriptor-relative calls "
    "(dir_fd), which Windows lacks; there the Guard's re-check right before each action is what remains",
)
def test_race_folder_swapped_for_symlink(tmp_path, monkeypatch):
    no_fsync(monkeypatch)
    rig = RaceRig(tmp_path)
    rig.run(200)
    assert rig.flipper.flips > 0
    assert rig.escapes == 0 and rig.lost == 0, rig.details[:5]


@pytest.mark.long
def test_race_long(tmp_path, monkeypatch):
    no_fsync(monkeypatch)
    rig = RaceRig(tmp_path)
    t0 = time.perf_counter()
    rig.run(long_count(10_000), seed=1)
    record_figures(
        "races",
        attempts=rig.attempts,
        escapes=rig.escapes,
        completed_runs=rig.completed,
        exit_codes=rig.codes,
        flips=rig.flipper.flips,
        not_byte_identical=rig.inconsistent,
        content_lost=rig.lost,
        seconds=round(time.perf_counter() - t0, 1),
        first_escapes=rig.details[:3],
    )
    assert rig.escapes == 0 and rig.lost == 0, rig.details[:5]

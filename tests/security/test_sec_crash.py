"""kill -9 the CLI at every journal step (and at disk-change steps) of a 200-action run.

The run mixes creates (new files in new folders), moves, deletes and overwrites. A real
`python -m fileagent apply --yes` subprocess is SIGKILLed by tests/security/crashsite/sitecustomize.py
right after its Nth journal write (FILEAGENT_CRASH_AT) or right before its Nth disk change
(FILEAGENT_CRASH_OPS). Then `fileagent recover` runs, and the tree (ROOT/.fileagent aside) must be
byte-identical to the before-run or the after-run state, with no temp file left, in 100% of trials.
A crash during `undo`, then `undo` again, must give the before-run tree too (idempotent).
A few trials kill from outside at a random moment instead (no hook).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sec_kit import REPO, long_count, record_figures, run_cli, snapshot, subprocess_env, write_files

from fileagent.agent.history.audit import verify

CRASHSITE = Path(__file__).with_name("crashsite")
N = 50  # per kind: 50 creates + 50 moves + 50 deletes + 50 overwrites = 200 actions (+ mkdirs)


def build_tree(root: Path) -> None:
    files = {f"in/m{i:03d}.txt": f"move me {i}\n".encode() for i in range(N)}
    files |= {f"trash/d{i:03d}.log": f"delete me {i}\n".encode() * 3 for i in range(N)}
    files |= {f"edit/e{i:03d}.md": f"# old {i}\n".encode() for i in range(N)}
    files |= {"keep/readme.txt": b"untouched\n"}
    write_files(root, files)


def plan() -> dict:
    steps = [{"op": "create", "path": f"new/g{i % 5}/c{i:03d}.txt", "content": f"created {i}"} for i in range(N)]
    steps += [
        {"op": "move", "select": {"in": "in"}, "to": "archive/moved"},
        {"op": "delete", "select": {"in": "trash"}},
        {"op": "update", "select": {"in": "edit"}, "mode": "set", "text": "overwritten"},
    ]
    return {"version": 1, "steps": steps}


class CrashRig:
    def __init__(self, base: Path) -> None:
        self.base = base
        base.mkdir(parents=True, exist_ok=True)
        self.cfg = base / "config.yaml"
        self.cfg.write_text("agent:\n  log_path: audit.jsonl\n  max_batch: 100000\n", encoding="utf-8")
        self.plan_file = base / "plan.json"
        self.plan_file.write_text(json.dumps(plan()), encoding="utf-8")
        ref = base / "ref"
        build_tree(ref / "sb")
        self.before = snapshot(ref, ("sb",))
        r = run_cli(["apply", "--root", str(ref / "sb"), "--config", str(self.cfg), "--yes", str(self.plan_file)])
        assert r.code == 0, r.err
        self.after = snapshot(ref, ("sb",))
        header = next(_journal_records(ref / "sb"))
        self.actions = len(header["changeset"])
        shutil.rmtree(ref)
        # how many kill points an apply and an undo of this plan have (journal writes, disk changes)
        self.apply_points = self.count_points("apply")
        self._undo_points: dict | None = None

    @property
    def undo_points(self) -> dict:
        if self._undo_points is None:
            self._undo_points = self.count_points("undo")
        return self._undo_points

    def count_points(self, which: str) -> dict:
        d = self.fresh("count")
        root = str(d / "sb")
        out = self.base / "count.json"
        if which == "undo":
            assert run_cli(["apply", "--root", root, "--config", str(self.cfg), "--yes", str(self.plan_file)]).code == 0
            p = self.fileagent("undo", "--yes", "--root", root, FILEAGENT_CRASH_COUNT=str(out))
        else:
            p = self.fileagent("apply", "--root", root, "--yes", str(self.plan_file), FILEAGENT_CRASH_COUNT=str(out))
        assert p.returncode == 0, p.stderr
        assert self.outcome(d) == ("before" if which == "undo" else "after")
        shutil.rmtree(d)
        return json.loads(out.read_text())

    def at(self, which: str, kind: str, frac: float) -> int:
        total = (self.apply_points if which == "apply" else self.undo_points)[kind]
        return max(1, min(total, round(frac * total)))

    def fresh(self, name: str) -> Path:
        d = self.base / name
        if d.exists():
            shutil.rmtree(d)
        build_tree(d / "sb")
        return d

    def fileagent(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        e = subprocess_env(**env)
        e["PYTHONPATH"] = os.pathsep.join([str(CRASHSITE), e["PYTHONPATH"]])
        return subprocess.run(
            [sys.executable, "-m", "fileagent", *args, "--config", str(self.cfg)],
            capture_output=True,
            text=True,
            env=e,
            timeout=300,
            cwd=str(REPO),
        )

    def outcome(self, d: Path) -> str:
        snap = snapshot(d, ("sb",))
        return "before" if snap == self.before else "after" if snap == self.after else "OTHER"

    def apply_crash(self, name: str, **env: str) -> tuple[str, int]:
        """Crash an apply as told by env, recover; returns (before|after|OTHER, the apply's return code)."""
        d = self.fresh(name)
        root = str(d / "sb")
        p = self.fileagent("apply", "--root", root, "--yes", str(self.plan_file), **env)
        assert "Traceback" not in p.stderr, p.stderr
        r = run_cli(["recover", "--root", root, "--config", str(self.cfg)])
        assert r.code == 0 and not r.traceback, r.err
        state = self.outcome(d)
        if state == "OTHER":
            shutil.copytree(d, self.base / f"FAILED-{name}", symlinks=True, dirs_exist_ok=True)
        shutil.rmtree(d)
        return state, p.returncode

    def undo_crash(self, name: str, **env: str) -> tuple[str, int]:
        """Apply fully, crash the undo as told by env, undo again; returns (state, the undo's return code)."""
        d = self.fresh(name)
        root = str(d / "sb")
        r = run_cli(["apply", "--root", root, "--config", str(self.cfg), "--yes", str(self.plan_file)])
        assert r.code == 0, r.err
        p = self.fileagent("undo", "--yes", "--root", root, **env)
        assert "Traceback" not in p.stderr, p.stderr
        again = run_cli(["undo", "--yes", "--root", root, "--config", str(self.cfg)])
        # killed before its undo-end record: undo again finishes it; killed after (cleaning up backups,
        # flushing the audit log) or not killed: the run is undone already and undo says so
        assert not again.traceback and (again.code == 0 or (again.code == 1 and "nothing to undo" in again.err)), (
            again.err
        )
        state = self.outcome(d)
        shutil.rmtree(d)
        return state, p.returncode


def _journal_records(root: Path):
    jdir = root / ".fileagent" / "journal"
    for f in sorted(jdir.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


@pytest.fixture(scope="module")
def rig(tmp_path_factory):
    return CrashRig(tmp_path_factory.mktemp("crash"))


def test_plan_is_a_200_action_mix(rig):
    assert rig.actions >= 200
    assert rig.before != rig.after
    assert rig.apply_points["journal"] >= 3 and rig.apply_points["ops"] >= 200


@pytest.mark.parametrize("frac", [0.5])
def test_crash_at_journal_step_then_recover(rig, frac):
    at = rig.at("apply", "journal", frac)
    state, rc = rig.apply_crash(f"j{at}", FILEAGENT_CRASH_AT=str(at))
    assert rc == -signal.SIGKILL
    assert state in ("before", "after")


@pytest.mark.parametrize("frac", [0.3, 0.77])
def test_crash_at_disk_step_then_recover(rig, frac):
    at = rig.at("apply", "ops", frac)
    state, rc = rig.apply_crash(f"o{at}", FILEAGENT_CRASH_OPS=str(at))
    assert rc == -signal.SIGKILL
    assert state in ("before", "after")


def test_crash_during_undo_then_undo_again(rig):
    at = rig.actions  # undo writes two journal records per action: this is about half-way
    state, rc = rig.undo_crash(f"uj{at}", FILEAGENT_CRASH_AT=str(at))
    assert rc == -signal.SIGKILL
    assert state == "before"


def test_audit_chain_survives_crashes(rig):
    assert verify(rig.base / "audit.jsonl")[0]


def _external_kill(rig: CrashRig, name: str, delay: float) -> str:
    d = rig.fresh(name)
    root = str(d / "sb")
    e = subprocess_env()
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fileagent",
            "apply",
            "--root",
            root,
            "--config",
            str(rig.cfg),
            "--yes",
            str(rig.plan_file),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=e,
        cwd=str(REPO),
    )
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()
    r = run_cli(["recover", "--root", root, "--config", str(rig.cfg)])
    assert r.code == 0, r.err
    state = rig.outcome(d)
    shutil.rmtree(d)
    return state


@pytest.mark.long
def test_crash_every_journal_step_long(tmp_path):
    rig = CrashRig(tmp_path / "rig")
    rnd = random.Random(7)
    # every journal step of the apply (records are grouped: a dozen writes), and a sample of its disk steps
    journal_points = rig.apply_points["journal"]
    jobs = [("apply", f"j{n}", {"FILEAGENT_CRASH_AT": str(n)}) for n in range(1, journal_points + 1)]
    n_ops = rig.apply_points["ops"]
    ops = sorted(rnd.sample(range(1, n_ops + 1), min(n_ops, long_count(60))))
    jobs += [("apply", f"o{n}", {"FILEAGENT_CRASH_OPS": str(n)}) for n in ops]
    # undo writes one journal record per step (2 per action): every 16th of them, and a sample of its disk steps
    undo_j = range(1, rig.undo_points["journal"] + 1, max(1, round(16 / float(os.environ.get("FA_PROOF_SCALE", "1")))))
    undo_o = sorted(rnd.sample(range(1, rig.undo_points["ops"] + 1), min(rig.undo_points["ops"], long_count(12))))
    jobs += [("undo", f"uj{n}", {"FILEAGENT_CRASH_AT": str(n)}) for n in undo_j]
    jobs += [("undo", f"uo{n}", {"FILEAGENT_CRASH_OPS": str(n)}) for n in undo_o]

    def one(job):
        kind, name, env = job
        return (kind, name) + (rig.apply_crash(name, **env) if kind == "apply" else rig.undo_crash(name, **env))

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, jobs))
    external = [_external_kill(rig, f"x{i}", 0.3 + 0.7 * rnd.random()) for i in range(long_count(10))]
    apply_res = [r for r in results if r[0] == "apply"]
    undo_res = [r for r in results if r[0] == "undo"]
    killed = [r for r in apply_res if r[3] == -signal.SIGKILL]
    good_apply = sum(r[2] in ("before", "after") for r in apply_res)
    good_undo = sum(r[2] == "before" for r in undo_res)
    record_figures(
        "crash",
        actions=rig.actions,
        apply_trials=len(apply_res),
        killed=len(killed),
        journal_step_trials=journal_points,
        disk_step_trials=len(ops),
        disk_steps_in_run=n_ops,
        ended_before=sum(r[2] == "before" for r in apply_res),
        ended_after=sum(r[2] == "after" for r in apply_res),
        byte_identical_pct=round(100 * good_apply / len(apply_res), 3),
        undo_crash_trials=len(undo_res),
        undo_idempotent_pct=round(100 * good_undo / len(undo_res), 3),
        external_kills=len(external),
        external_ok=sum(s in ("before", "after") for s in external),
        audit_chain_ok=verify(rig.base / "audit.jsonl")[0],
        seconds=round(time.perf_counter() - t0, 1),
        failures=[r[:3] for r in results if r[2] not in ("before", "after")][:5],
    )
    assert good_apply == len(apply_res)
    assert good_undo == len(undo_res)
    assert all(s in ("before", "after") for s in external)

"""kill -9 a real `fileagent apply` mid-run, then `fileagent recover`: the tree is back to before."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_kill_dash_9_then_recover(tmp_path, make_tree, read_tree):
    spec = {f"in/f{i:04d}.{('txt', 'md', 'pdf')[i % 3]}": str(i) for i in range(900)}
    spec.update({f"old/x{i}.tmp": "x" for i in range(100)})
    root = make_tree(tmp_path / "root", spec)
    before = read_tree(root)
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "version": 1,
                "steps": [
                    {"op": "classify", "select": {"in": "in", "pattern": "*"}, "by": "extension"},
                    {"op": "delete", "select": {"in": "old", "pattern": "*.tmp"}},
                    {"op": "create", "path": "done.txt", "content": "ok"},
                ],
            }
        )
    )
    cfg = tmp_path / "c.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'audit.jsonl'}\n")
    env = dict(os.environ, NO_COLOR="1")
    cmd = [sys.executable, "-m", "fileagent"]
    p = subprocess.Popen(
        cmd + ["apply", "--root", str(root), "--config", str(cfg), "--yes", "--json", str(plan)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    jdir = root / ".fileagent" / "journal"
    deadline = time.time() + 30
    while time.time() < deadline and p.poll() is None:  # wait for the first actions to land
        if jdir.exists() and any(jdir.iterdir()) and any((root / "in").glob("*/")):
            break
        time.sleep(0.005)
    p.send_signal(signal.SIGKILL)
    p.wait()
    r = subprocess.run(
        cmd + ["recover", "--root", str(root), "--config", str(cfg)],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr
    after = read_tree(root)
    print("recover said:", r.stdout.strip())
    finished = "rolled back" not in r.stdout
    if not finished:
        assert after == before
    assert [n for _, _, fs in os.walk(root) for n in fs if ".fa-tmp-" in n] == []

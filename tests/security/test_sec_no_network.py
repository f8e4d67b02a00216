"""The agent never opens a socket: plan, apply, run, undo, recover and log verify run
with sockets blocked, in-process (socket functions replaced by ones that record and raise) and in
real subprocesses (an audit hook on every "socket.*" event that records it and kills the process).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from sec_kit import REPO, Sandbox, run_cli, subprocess_env

NONET = Path(__file__).with_name("nonetsite")
PLAN = {
    "version": 1,
    "steps": [
        {"op": "move", "select": {"path": "a.txt"}, "to": "docs"},
        {"op": "create", "path": "n.txt", "content": "x"},
        {"op": "read", "select": {"path": "notes.md"}},
    ],
}


def commands(sb: Sandbox, plan_file: Path) -> list[list[str]]:
    r, c = ["--root", str(sb.root)], ["--config", str(sb.config)]
    return [
        ["plan", *r, *c, "move a.txt to docs"],
        ["plan", *r, *c, "--json", "把 a.txt 移动到 docs"],
        ["run", *r, *c, "list the files in docs"],
        ["apply", *r, *c, "--yes", str(plan_file)],
        ["log", "verify", *c],
        ["undo", "--yes", *r, *c],
        ["recover", *r, *c],
        ["log", *c, "--json"],
    ]


def test_no_socket_in_process(tmp_path, monkeypatch):
    sb = Sandbox.create(tmp_path / "n", links=False)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(PLAN), encoding="utf-8")
    attempts: list[str] = []

    def blocked(name):
        def fn(*a, **k):
            attempts.append(name)
            raise OSError(f"network blocked by the test ({name})")

        return fn

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair", "create_server"):
        monkeypatch.setattr(socket, name, blocked(name))
    codes = {}
    for args in commands(sb, plan_file):
        r = run_cli(args)
        assert not r.traceback and "network blocked" not in r.err, r.err
        codes[args[0] + ("-" + args[1] if args[0] == "log" else "")] = r.code
    assert attempts == []
    assert codes["apply"] == 0 and codes["undo"] == 0 and codes["log-verify"] == 0


def test_no_socket_in_subprocesses(tmp_path):
    sb = Sandbox.create(tmp_path / "n", links=False)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(PLAN), encoding="utf-8")
    log = tmp_path / "net.log"
    env = subprocess_env(FILEAGENT_NO_NET_LOG=str(log))
    env["PYTHONPATH"] = os.pathsep.join([str(NONET), env["PYTHONPATH"]])
    # the hook really fires: a probe that opens a socket dies with 97
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], env=env, capture_output=True)
    assert probe.returncode == 97 and log.read_text().startswith("socket.__new__")
    log.unlink()
    codes = {}
    for args in [a for a in commands(sb, plan_file) if a[0] in ("plan", "apply", "undo")][1:]:
        p = subprocess.run(
            [sys.executable, "-m", "fileagent", *args],
            env=env,
            capture_output=True,
            text=True,
            cwd=str(REPO),
            timeout=300,
        )
        assert p.returncode != 97, f"{args}: opened a socket: {log.read_text()}"
        assert "Traceback" not in p.stderr, p.stderr
        codes[" ".join(args[:1])] = p.returncode
    assert not log.exists()
    assert codes["apply"] == 0 and codes["undo"] == 0

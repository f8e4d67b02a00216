"""Compile, run and undo a JSON plan against a tree in tmp_path, and drive the CLI on it, for the
tests of the organizer jobs (empty folders, ages, exclusions, ordering, duplicates, archives,
renames, topics)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from fileagent.agent.engine.compiler import compile_plan
from fileagent.agent.engine.executor import execute
from fileagent.agent.history.undo import undo
from fileagent.agent.plan.io import validate_plan_dict
from fileagent.config.loader import Config
from fileagent.policies.guard import Guard


class Kit:
    """kit = Kit(root, audit); cs = kit.compile(steps); kit.run(steps); kit.undo()"""

    def __init__(self, root: Path, audit: Path, **agent) -> None:
        self.root, self.audit = root, audit
        self.cfg = Config.from_dict({"agent": agent})
        self.guard = Guard.from_config(self.cfg, root, extra_hidden=(audit,))

    def compile(self, steps: list[dict], *, on_conflict: str | None = None):
        plan = validate_plan_dict({"version": 2, "steps": steps})
        return compile_plan(
            plan,
            root=self.root,
            config=self.cfg,
            guard=self.guard,
            on_conflict=on_conflict,
        )

    def run(self, steps: list[dict], **kw):
        cs = self.compile(steps, **kw)
        return cs, execute(
            cs,
            root=self.root,
            guard=self.guard,
            config=self.cfg,
            progress=False,
            audit_path=self.audit,
        )

    def undo(self):
        return undo(self.root, audit_path=self.audit)


def cli(args: list[str], tmp_path: Path, stdin_text: str | None = None) -> tuple[int, str, str]:
    """fileagent in-process (fast.main with injected streams): (exit code, stdout, stderr)."""
    from fileagent.cli.fast import main

    out, err = io.StringIO(), io.StringIO()
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "HOME": str(tmp_path),
        "NO_COLOR": "1",
    }
    env.pop("FILEAGENT_CONFIG", None)
    code = main(args, env=env, stdin=io.StringIO(stdin_text or ""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def fa(args: list[str], tmp_path: Path, stdin_text: str | None = None) -> subprocess.CompletedProcess:
    """The real program in a subprocess, no terminal on stdin."""
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "HOME": str(tmp_path),
        "NO_COLOR": "1",
    }
    env.pop("FILEAGENT_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin_text,
        stdin=None if stdin_text is not None else subprocess.DEVNULL,
    )


def plan_file(tmp_path: Path, steps: list[dict], name: str = "plan.json") -> str:
    p = tmp_path / name
    p.write_text(json.dumps({"version": 2, "steps": steps}), encoding="utf-8")
    return str(p)

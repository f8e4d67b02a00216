"""Shared helpers for the bench scripts: temp trees, a bench config, timing a fileagent subprocess."""

from __future__ import annotations

import functools
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

EXTS = ("pdf", "png", "txt", "md", "zip", "csv", "jpg", "docx", "mp3", "py")


def make_flat_tree(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"file{i:06d}.{EXTS[i % len(EXTS)]}").write_bytes(b"x" * (i % 64))


def bench_config(tmp: Path, *, max_batch: int = 1_000_000) -> Path:
    cfg = tmp / "bench-config.yaml"
    cfg.write_text(f"agent:\n  max_batch: {max_batch}\n  log_path: {tmp / 'audit.jsonl'}\n", encoding="utf-8")
    return cfg


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a timed child: this one, except PYTHONDONTWRITEBYTECODE, so that a program
    starts as an installed one does, from cached bytecode (pip compiles it at install time; for
    an editable install `_compile_fileagent` does). With the variable set, every run of an
    editable install compiles its sources again (~0.1 s here), and organize's does not."""
    _compile_fileagent()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


@functools.cache
def _compile_fileagent() -> None:
    """fileagent's bytecode, written once before anything is timed (py_compile writes it whatever
    PYTHONDONTWRITEBYTECODE says), so no timed run is the one that compiles."""
    import compileall

    import fileagent

    compileall.compile_dir(os.path.dirname(fileagent.__file__), quiet=1)


def fileagent(args: list[str], *, cwd: Path | None = None, stdin: str | None = None) -> tuple[float, float, str]:
    """(wall seconds, child peak RSS MB, stdout) of `python -m fileagent ARGS`."""
    env = child_env(NO_COLOR="1", COLUMNS="120")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if p.returncode != 0:
        raise SystemExit(f"fileagent {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()[-500:]}")
    # ru_maxrss of children is the max over all waited children so far: run the measured child first
    return wall, max(peak, before) / 1024.0, p.stdout


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def write_plan(path: Path, plan: dict) -> Path:
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path

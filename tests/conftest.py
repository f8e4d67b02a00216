"""Shared fixtures: build a tree from a dict, read it back as a dict.

    make_tree(tmp_path, {"a.txt": "hi", "img/x.png": b"\\x89PNG", "old.md": ("text", "2023-05-01"),
                         "empty_dir/": None})

Values: str (written UTF-8), bytes, (content, "YYYY-MM-DD") to also set the mtime
(noon UTC of that day), or None with a key ending in "/" for an empty folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Union

import pytest

Content = Union[str, bytes, None, tuple]


def _mtime_of(day: str) -> float:
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone.utc).timestamp()


def build_tree(root: Path, spec: dict[str, Content]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for rel, value in spec.items():
        target = root / rel
        if rel.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        day = None
        if isinstance(value, tuple):
            value, day = value
        data = value.encode("utf-8") if isinstance(value, str) else (value or b"")
        target.write_bytes(data)
        if day is not None:
            t = _mtime_of(day)
            os.utime(target, (t, t))
    return root


def tree_as_dict(root: Path, *, binary: bool = False) -> dict[str, Union[str, bytes, None]]:
    """{relpath: content} of every file (str when UTF-8, else bytes); empty folders as "dir/": None.
    ROOT/.fileagent is left out."""
    out: dict[str, Union[str, bytes, None]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d != ".fileagent"]
        for name in filenames:
            p = Path(dirpath, name)
            rel = p.relative_to(root).as_posix()
            if p.is_symlink() and not p.exists():
                out[rel] = None
                continue
            data = p.read_bytes()
            if binary:
                out[rel] = data
            else:
                try:
                    out[rel] = data.decode("utf-8")
                except UnicodeDecodeError:
                    out[rel] = data
        if not dirnames and not filenames and rel_dir != ".":
            out[Path(rel_dir).as_posix() + "/"] = None
    return out


@pytest.fixture
def make_tree() -> Callable[..., Path]:
    """make_tree(tmp_path, {...}) -> the root it built (returns its first argument)."""
    return build_tree


@pytest.fixture
def read_tree() -> Callable[..., dict]:
    """read_tree(root) -> {relpath: content}, skipping ROOT/.fileagent."""
    return tree_as_dict


@pytest.fixture
def compile_steps() -> Callable[..., object]:
    """compile_steps(root, [step dicts], on_conflict=None, agent={config.agent overrides}, hidden=(),
    version=1) -> ChangeSet, through plan validation, the Guard (default deny list) and the compiler."""
    from fileagent.agent.engine.compiler import compile_plan
    from fileagent.agent.plan.io import validate_plan_dict
    from fileagent.config.loader import Config
    from fileagent.policies.guard import Guard

    def run(
        root: Path,
        steps: list[dict],
        *,
        on_conflict: str | None = None,
        agent: dict | None = None,
        classify: dict | None = None,
        hidden: tuple = (),
        version: int = 1,
    ):
        data: dict = {"agent": agent or {}}
        if classify is not None:
            data["classify"] = classify
        cfg = Config.from_dict(data)
        guard = Guard.from_config(cfg, root, extra_hidden=hidden)
        plan = validate_plan_dict({"version": version, "steps": steps})
        return compile_plan(plan, root=root, config=cfg, guard=guard, on_conflict=on_conflict)

    return run


@pytest.fixture
def fs_mode() -> Iterator[Callable[[str | None], object]]:
    """fs_mode("windows" | "macos" | None) switches the file-system layer and the name rules to
    that OS's (None: the real OS's) until the test ends, whatever FILEAGENT_PORTABLE says."""
    from fileagent.tools.fs import platform

    saved = platform.CAPS
    yield platform.activate
    platform.restore(saved)

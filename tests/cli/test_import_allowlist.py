"""The plan path stays light: `fileagent plan` and a preview-only `fileagent run` (cli.fast -> planner ->
NumPy runtime) never import torch, typer, click or pydantic. Each costs start-up time (typer's per-call
pydantic setup alone is about a quarter of a `plan`), and torch is only installed for training.

Checked in a fresh interpreter, after a real plan has been made with the shipped model, by reading
sys.modules: an import anywhere on the path, lazy ones included, fails the test.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORBIDDEN = ("torch", "typer", "click", "pydantic")

CHILD = """
import io, json, sys
from fileagent.cli.fast import main
out, err = io.StringIO(), io.StringIO()
rc = main(sys.argv[1:], env={"NO_COLOR": "1"}, stdin=io.StringIO(), stdout=out, stderr=err)
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(FORBIDDEN))
print(json.dumps({"rc": rc, "out": out.getvalue(), "err": err.getvalue(), "loaded": loaded}))
"""


def child(args: list[str], cwd) -> dict:
    r = subprocess.run(
        [sys.executable, "-c", f"FORBIDDEN = {FORBIDDEN!r}\n{CHILD}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "list the pdf files in downloads"],
        ["plan", "--json", "把 downloads 里的 pdf 移动到 papers"],
        ["run", "move the pdf files in downloads to papers"],
    ],
)
def test_the_plan_path_imports_no_torch_typer_or_pydantic(tmp_path, make_tree, args):
    root = make_tree(tmp_path / "root", {"downloads/a.pdf": "%PDF a", "downloads/b.png": "png", "notes.txt": "x"})
    got = child([args[0], "--root", str(root), *args[1:]], tmp_path)
    assert got["rc"] == 0, got["err"]
    assert "downloads" in got["out"]
    assert got["loaded"] == []


def test_the_check_sees_a_forbidden_import(tmp_path, make_tree):
    """The same child through typer's path (--help is typer's to print) does report typer: the check can fail."""
    root = make_tree(tmp_path / "root", {"a.txt": "x"})
    got = child(["plan", "--root", str(root), "--help"], tmp_path)
    assert "typer" in got["loaded"]

"""The real program in a subprocess: `python -m fileagent ...` with no terminal on stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

TREE = {
    "docs/architecture.md": "# Architecture\ndesign",
    "docs/api.md": "# API\nendpoint",
    "docs/lunch.md": "# Lunch\npizza",
    "downloads/a.pdf": "%PDF a",
    "downloads/b.png": "png",
}
PLAN = {
    "version": 1,
    "steps": [
        {"op": "classify", "select": {"in": "docs", "pattern": "*.md"}},
        {"op": "move", "select": {"in": "downloads", "pattern": "*.pdf"}, "to": "docs/papers"},
        {"op": "delete", "select": {"path": "downloads/b.png"}},
    ],
}


def fa(args, env, cwd, stdin_text=None):
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin_text,
        stdin=None if stdin_text is not None else subprocess.DEVNULL,
    )


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


def test_preview_apply_log_undo(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", TREE)
    before = read_tree(root)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(PLAN))
    r = fa(["apply", "--root", str(root), str(plan)], env, tmp_path)
    assert r.returncode == 0 and "preview only" in r.stderr and read_tree(root) == before
    r = fa(["apply", "--root", str(root), "--yes", "-"], env, tmp_path, stdin_text=json.dumps(PLAN))
    assert r.returncode == 0, r.stderr
    assert read_tree(root) == {
        "docs/architecture/architecture.md": "# Architecture\ndesign",
        "docs/api/api.md": "# API\nendpoint",
        "docs/documents/lunch.md": "# Lunch\npizza",
        "docs/papers/a.pdf": "%PDF a",
        "downloads/": None,
    }
    r = fa(["log", "verify"], env, tmp_path)
    assert r.returncode == 0 and "chain intact" in r.stdout
    r = fa(["undo", "--yes"], env, root)  # cwd = root: the default agent.root "."
    assert r.returncode == 0, r.stderr
    assert read_tree(root) == before


def test_errors_are_one_line_with_exit_codes(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", TREE)
    before = read_tree(root)
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "steps": [')
    r = fa(["apply", "--root", str(root), "--yes", str(bad)], env, tmp_path)
    assert r.returncode == 4 and r.stderr.startswith("fileagent: error:") and r.stderr.count("\n") == 1
    esc = tmp_path / "esc.json"
    esc.write_text(json.dumps({"version": 1, "steps": [{"op": "delete", "select": {"path": "../x"}}]}))
    r = fa(["apply", "--root", str(root), "--yes", str(esc)], env, tmp_path)
    assert r.returncode == 3 and "Traceback" not in r.stderr
    r = fa(["--root", str(root), "--config", str(tmp_path / "missing.yaml"), "tidy up"], env, tmp_path)
    assert r.returncode == 2 and "missing.yaml" in r.stderr
    assert read_tree(root) == before


def test_a_file_job_on_a_missing_file_is_refused_as_absent_with_where_it_is(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", {"docs/report.txt": "r", "notes.txt": "n", "photos/IMG_2042.jpg": "j"})
    before = read_tree(root)
    p = fa(["run", "--root", str(root), "--json", "rename report.txt to final.txt"], env, tmp_path)
    assert p.returncode == 4, p.stderr
    doc = json.loads(p.stdout)["refused"]
    assert doc["class"] == "absent" and "'report.txt' does not exist (there is docs/report.txt)" in doc["message"]
    assert (
        p.stderr.startswith("fileagent: error: the request names nothing that exists here")
        and p.stderr.count("\n") == 1
    )
    p = fa(["run", "--root", str(root), "删除所有 .log 文件"], env, tmp_path)
    assert p.returncode == 4 and "nothing matches" in p.stderr and "files there: " in p.stderr
    assert read_tree(root) == before

"""Everyday use through the real program (a subprocess, COLUMNS=80) and in-process: bulk jobs and
deny patterns, interrupts, the command line's own words, the preview, history, undo, housekeeping."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from fileagent.cli.fast import main


def fa(args, env, cwd, stdin_text=None, **kw):
    return subprocess.run([sys.executable, "-m", "fileagent", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=60, input=stdin_text,
                          stdin=None if stdin_text is not None else subprocess.DEVNULL, **kw)


@pytest.fixture
def env(tmp_path):
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    e = dict(os.environ)
    e.update({"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "cfghome"),
              "HOME": str(tmp_path), "NO_COLOR": "1", "COLUMNS": "80", "FILEAGENT_CONFIG": str(cfg),
              "PYTHONPATH": os.pathsep.join(sys.path)})
    return e


def inproc(args, env, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), env=env, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def plan_file(tmp_path, steps, name="plan.json"):
    p = tmp_path / name
    p.write_text(json.dumps({"version": 1, "steps": steps}), encoding="utf-8")
    return str(p)


# ---------------------------------------------------------------- deny patterns in bulk jobs

DL = {"dl/report.pdf": "%PDF", "dl/photo.png": "png", "dl/setup-installer.exe": "MZ"}


def test_bulk_job_skips_a_denied_file_and_says_so(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", DL)
    plan = plan_file(tmp_path, [{"op": "classify", "select": {"in": "dl"}, "by": "type"}])
    r = fa(["apply", "--root", str(root), "--yes", plan], env, tmp_path)
    assert r.returncode == 0, r.stderr
    assert "dl/setup-installer.exe" in r.stdout and "'*.exe'" in r.stdout and "skipped" in r.stdout.lower()
    tree = read_tree(root)
    assert tree["dl/setup-installer.exe"] == "MZ" and "dl/documents/report.pdf" in tree


def test_a_named_denied_file_is_still_refused(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", DL)
    before = read_tree(root)
    plan = plan_file(tmp_path, [{"op": "delete", "select": {"path": "dl/setup-installer.exe"}}])
    r = fa(["apply", "--root", str(root), "--yes", plan], env, tmp_path)
    assert r.returncode == 3 and "deny pattern" in r.stderr and r.stderr.count("\n") == 1
    assert read_tree(root) == before


def test_skipped_items_in_preview_json_in_process(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", DL)
    plan = plan_file(tmp_path, [{"op": "move", "select": {"in": "dl"}, "to": "keep"}])
    code, out, err = inproc(["apply", "--root", str(root), "--json", plan], env)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["changeset"]["skipped"] == [[1, "dl/setup-installer.exe", "matches deny pattern '*.exe'"]]


# ---------------------------------------------------------------- the preview

LONG = "docs/api-reference-for-the-public-interface-of-the-service.md"


def test_preview_at_80_columns_keeps_names_whole_and_shows_what_matters(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {LONG: "# API", "notes.txt": "old\n", "old/a.txt": "aaaa", "old/b/c.txt": "cc",
                                         "big.bin": ("x" * 3000, "2024-01-05")})
    steps = [{"op": "move", "select": {"path": LONG}, "to": "docs/reference-material-for-developers-and-users"},
             {"op": "update", "select": {"path": "notes.txt"}, "mode": "append", "text": "call the plumber today"},
             {"op": "delete", "select": {"path": "old"}},
             {"op": "move", "select": {"in": ".", "pattern": "*.bin",
                                       "filters": {"modified_before": "2025-01-01", "larger_than": 1000}},
              "to": "archive"}]
    r = fa(["apply", "--root", str(root), plan_file(tmp_path, steps)], env, tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Preview: 6 changes:"
    assert all(len(line) <= 80 for line in lines), r.stdout
    joined = "".join(line.strip() for line in lines)
    assert "docs/reference-material-for-developers-and-users/api-reference-for-the-public-interface-of-the-" \
           "service.md" in joined
    assert 'append 23 bytes: "call the plumber today"' in r.stdout
    assert "DELETE  old  (folder: 2 files, 6 bytes; backed up, undoable)" in r.stdout
    spaced = " ".join(line.strip() for line in lines)
    assert "step 4 filters: larger than 1000 bytes, modified before 2025-01-01" in spaced
    assert "preview only" in r.stderr


def test_confirmation_says_one_change(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    plan = plan_file(tmp_path, [{"op": "delete", "select": {"path": "a.txt"}}])

    class TTY(io.StringIO):
        def isatty(self):
            return True
    out, err = io.StringIO(), io.StringIO()
    code = main(["apply", "--root", str(root), plan], env=env, stdin=TTY("n\n"), stdout=out, stderr=err)
    assert code == 0 and "Apply 1 change? [y/N]" in err.getvalue() and "nothing changed" in err.getvalue()
    assert (root / "a.txt").exists()

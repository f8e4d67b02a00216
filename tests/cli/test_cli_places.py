"""`fileagent apply` with plans naming a home folder, a variable or a file URL: refused (exit 3, or
4 for an unset variable) with nothing created anywhere; look-alike names work as names."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from fileagent.cli.fast import main

TREE = {
    "a.txt": "a",
    "docs/b.md": "b",
    "~$report.docx": "lock",
    "$RECYCLE.BIN/old.txt": "old",
    "~/stray.txt": "stray",
    "notes~": "n",
    "100%.txt": "p",
}
# (destination as written, exit code with USERPROFILE unset)
FORMS = [
    ("~/foobar", 3),
    ("~root/x", 3),
    ("$HOME/x", 3),
    ("%USERPROFILE%\\docs", 4),
    ("file:///tmp/x", 3),
    ("${HOME}/x", 3),
    ("~", 3),
]


@pytest.fixture
def setup(tmp_path, make_tree):
    home = make_tree(tmp_path / "home", {"keep.txt": "k"})
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    env = {
        "FILEAGENT_CONFIG": str(cfg),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "cfghome"),
        "HOME": str(home),
        "PATH": os.environ.get("PATH", ""),
    }
    root = make_tree(tmp_path / "root", TREE)
    return root, home, env


def apply(root, plan, env, tmp_path):
    p = tmp_path / "plan.json"
    p.write_text(json.dumps(plan), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["apply", "--root", str(root), "--yes", str(p)], env=env, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def copy_to(dest):
    return {"version": 1, "steps": [{"op": "copy", "select": {"path": "a.txt"}, "to": dest}]}


def snapshot(*folders):
    return {
        str(f): sorted(
            os.path.relpath(os.path.join(d, n), f)
            for d, ds, fs in os.walk(f)
            for n in ds + fs
            if ".fileagent" not in os.path.join(d, n)
        )
        for f in folders
    }


@pytest.mark.parametrize("dest, code", FORMS)
def test_each_form_as_a_destination_is_refused(setup, tmp_path, dest, code):
    root, home, env = setup
    before = snapshot(root, home), os.path.lexists("/tmp/x")
    got, _, err = apply(root, copy_to(dest), env, tmp_path)
    assert got == code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fileagent: error: ") and repr(dest) in lines[0]
    if code == 3:
        assert f"outside the sandbox root {os.path.realpath(root)}" in lines[0]
    else:
        assert "USERPROFILE is not set" in lines[0]
    assert (snapshot(root, home), os.path.lexists("/tmp/x")) == before


@pytest.mark.parametrize("path, code", FORMS)
def test_each_form_as_a_selection_is_refused(setup, tmp_path, path, code):
    root, home, env = setup
    before = snapshot(root, home)
    for select in ({"path": path}, {"in": path}, {"in": ".", "pattern": path.replace("x", "*")}):
        plan = {"version": 1, "steps": [{"op": "move", "select": select, "to": "docs"}]}
        got, _, err = apply(root, plan, env, tmp_path)
        assert got == code, (select, err)
    assert snapshot(root, home) == before


def test_userprofile_set_is_refused_like_the_rest(setup, tmp_path):
    root, home, env = setup
    env = dict(env, USERPROFILE=str(home))
    code, _, err = apply(root, copy_to("%USERPROFILE%\\docs"), env, tmp_path)
    assert code == 3 and "environment variable USERPROFILE" in err and str(home) in err
    assert not (home / "docs").exists()


def test_a_place_inside_the_root_is_that_folder(setup, tmp_path, read_tree):
    root, _, env = setup
    env = dict(env, BOX=str(root / "docs"))
    code, _, err = apply(root, copy_to("$BOX/sub"), env, tmp_path)
    assert code == 0, err
    assert read_tree(root)["docs/sub/a.txt"] == "a" and not (root / "$BOX").exists()


def test_look_alike_names_work_as_names(setup, tmp_path, read_tree):
    root, _, env = setup
    plan = {
        "version": 1,
        "steps": [
            {"op": "move", "select": {"path": "~$report.docx"}, "to": "$RECYCLE.BIN"},
            {"op": "move", "select": {"path": "./~/stray.txt"}, "to": "docs"},
            {"op": "delete", "select": {"path": "./~"}},
            {"op": "copy", "select": {"path": "notes~"}, "to": "docs"},
            {"op": "rename", "path": "100%.txt", "new_name": "a$b.txt"},
        ],
    }
    code, _, err = apply(root, plan, env, tmp_path)
    assert code == 0, err
    tree = read_tree(root)
    assert tree["$RECYCLE.BIN/~$report.docx"] == "lock" and tree["docs/stray.txt"] == "stray"
    assert not (root / "~").exists() and tree["docs/notes~"] == "n" and tree["a$b.txt"] == "p"


@pytest.mark.parametrize(
    "step",
    [
        {"op": "create", "path": "./~bob/x.txt", "content": "x"},
        {"op": "create", "path": "./$HOME", "kind": "dir"},
        {"op": "create", "path": "docs/$HOME", "kind": "dir"},
        {"op": "copy", "select": {"path": "a.txt"}, "to": "docs/%TEMP%"},
        {"op": "rename", "path": "a.txt", "new_name": "~"},
        {"op": "rename", "path": "a.txt", "new_name": "${HOME}"},
        {
            "op": "classify",
            "select": {"in": "docs"},
            "by": "keywords",
            "rules": [{"keywords": ["b"], "folder": "~bob"}],
            "default": "misc",
        },
    ],
)
def test_no_plan_makes_an_entry_with_a_place_name(setup, tmp_path, step):
    root, _, env = setup
    before = snapshot(root)
    code, _, err = apply(root, {"version": 1, "steps": [step]}, env, tmp_path)
    assert code == 3 and "a shell reads" in err, err
    assert snapshot(root) == before


def fa(args, env, cwd, stdin_text):
    """The real program in a subprocess, this checkout first on its path."""
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        check=False,
        capture_output=True,
        text=True,
        env=dict(env, PYTHONPATH=os.pathsep.join(sys.path)),
        cwd=cwd,
        timeout=60,
        input=stdin_text,
    )


def test_a_real_process_refuses_a_home_destination(setup, tmp_path):
    root, home, env = setup
    before = snapshot(root, home)
    r = fa(["apply", "--root", str(root), "--yes", "-"], env, tmp_path, json.dumps(copy_to("~/foobar")))
    assert r.returncode == 3, r.stderr
    assert r.stderr.strip() == (
        f"fileagent: error: step 1: copy of '~/foobar' refused: '~' is your home folder "
        f"({home}), outside the sandbox root {os.path.realpath(root)} (an entry called '~' "
        "in the root is written './~')"
    )
    r = fa(["apply", "--root", str(root), "--yes", "-"], env, tmp_path, json.dumps(copy_to("$NOT_SET_ANYWHERE/x")))
    assert r.returncode == 4 and "NOT_SET_ANYWHERE is not set" in r.stderr
    assert snapshot(root, home) == before

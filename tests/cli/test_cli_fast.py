"""The typer-free fast path for `plan` and `run` (cli/fast.py): it must be invisible.

Every argv form is run twice through main() -- fast path on, and FILEAGENT_NO_FAST_CLI=1 (typer) --
on identical fresh trees at the same path, and must give the same exit code, stdout, stderr and
resulting tree. A few cases run as real subprocesses too; one checks that `plan` never imports typer.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys

import pytest

import fileagent.cli.app as cli_app
import fileagent.cli.fast as cli
from fileagent.cli.fast import parse_fast

TREE = {
    "doc1.pdf": "%PDF 1",
    "doc2.pdf": "%PDF 2",
    "doc3.pdf": "%PDF 3",
    "notes/todo.txt": "milk",
    "notes/old.md": "# old",
    "pic.png": "png",
}
P = "move all pdf files into papers"


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def kit(tmp_path, monkeypatch, make_tree, read_tree):
    """kit.go(argv, fast=..., stdin=...) -> (code, stdout, stderr, tree, typer_used), each on a fresh tree."""
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    for k, v in {
        "FILEAGENT_CONFIG": str(cfg),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "cfghome"),
        "HOME": str(tmp_path),
    }.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("FILEAGENT_NO_FAST_CLI", raising=False)
    import fileagent.agent.history.journal as jr

    monkeypatch.setattr(jr, "new_run_id", lambda: "20240101T000000000-abcdef")
    root = tmp_path / "root"
    calls = []
    real_run_app = cli_app.run_app

    def spy(argv, io_):
        calls.append(argv)
        return real_run_app(argv, io_)

    monkeypatch.setattr(cli_app, "run_app", spy)

    class Kit:
        def __init__(self):
            self.root, self.tmp = root, tmp_path

        def go(self, argv, *, fast, stdin=None, capsys=None):
            for p in (root, tmp_path / "logs", tmp_path / "state"):
                shutil.rmtree(p, ignore_errors=True)
            make_tree(root, TREE)
            monkeypatch.chdir(root)
            env = dict(os.environ)
            if not fast:
                env["FILEAGENT_NO_FAST_CLI"] = "1"
            out, err = io.StringIO(), io.StringIO()
            calls.clear()
            code = cli.main(
                list(argv), env=env, stdin=stdin if stdin is not None else io.StringIO(), stdout=out, stderr=err
            )
            o, e = out.getvalue(), err.getvalue()
            if capsys is not None:  # typer's own help and usage errors go to sys.stdout/stderr
                c = capsys.readouterr()
                o, e = o + c.out, e + c.err
            return code, o, e, read_tree(root), bool(calls)

    return Kit()


def R(k):
    return str(k.root)


# (argv built from the kit, whether the fast path takes it)
# Exit 4 by a rule of the planner (longer than the model reads), not by how a model happens to read
# gibberish: "zzz qqq" was refused by one model and planned as a new folder by the next.
UNPLANNABLE = "zzz " * 300

CASES = {
    "plan": (lambda k: ["plan", P], True),
    "plan --root X": (lambda k: ["plan", "--root", R(k), P], True),
    "plan --root=X --json": (lambda k: ["plan", f"--root={R(k)}", "--json", P], True),
    "plan options after prompt": (lambda k: ["plan", P, "--config", str(k.tmp / "config.yaml"), "--root", R(k)], True),
    "plan --config=X": (lambda k: ["plan", f"--config={k.tmp / 'config.yaml'}", P], True),
    "plan -- -prompt": (lambda k: ["plan", "--root", R(k), "--", "-delete the pdf files"], True),
    "plan missing root": (lambda k: ["plan", "--root", str(k.tmp / "nowhere"), P], True),
    "plan missing config": (lambda k: ["plan", "--config", str(k.tmp / "missing.yaml"), P], True),
    "plan cannot plan": (lambda k: ["plan", UNPLANNABLE], True),
    "bare prompt, no --yes, no tty": (lambda k: [P], True),
    "bare --root X --yes": (lambda k: ["--root", R(k), "--yes", P], True),
    "bare -- -prompt": (lambda k: ["--", "-delete the pdf files"], True),
    "run -y --json": (lambda k: ["run", "-y", "--json", "--root", R(k), P], True),
    "run --json no --yes": (lambda k: ["run", "--json", P], True),
    "run --on-conflict bogus": (lambda k: ["run", "--on-conflict", "bogus", "--yes", P], True),
    "run --on-conflict=skip --yes": (lambda k: ["run", "--on-conflict=skip", "--yes", P], True),
    "run --config X cannot plan": (lambda k: ["run", "--config", str(k.tmp / "config.yaml"), "-y", UNPLANNABLE], True),
    "plan --help": (lambda k: ["plan", "--help"], False),
    "run -h": (lambda k: ["run", "-h", P], False),
    "plan unknown option": (lambda k: ["plan", "--bogus", P], False),
    "plan --yes (run only)": (lambda k: ["plan", "--yes", P], False),
    "plan no prompt": (lambda k: ["plan", "--root", R(k)], False),
    "plan two prompts": (lambda k: ["plan", P, "again"], False),
    "plan missing value": (lambda k: ["plan", P, "--root"], False),
    "plan repeated option": (lambda k: ["plan", "--json", "--json", P], False),
    "run --json=1": (lambda k: ["run", "--json=1", P], False),
    "apply": (lambda k: ["apply", "nothing.json"], False),
}


@pytest.mark.parametrize("name", list(CASES))
def test_parity_fast_vs_typer(kit, capsys, name):
    build, fast_takes_it = CASES[name]
    argv = build(kit)
    fast = kit.go(argv, fast=True, capsys=capsys)
    slow = kit.go(argv, fast=False, capsys=capsys)
    assert fast[:4] == slow[:4]
    assert fast[4] is not fast_takes_it  # typer ran only where the fast path declined
    assert slow[4] is True


def test_parity_cases_cover_the_outcomes(kit, capsys):
    got = {name: kit.go(build(kit), fast=True, capsys=capsys) for name, (build, _) in CASES.items()}
    codes = {name: g[0] for name, g in got.items()}
    assert codes["plan"] == 0, got["plan"]
    assert codes["plan missing root"] == 2 and codes["plan cannot plan"] == 4
    assert codes["run --on-conflict bogus"] == 2 and codes["plan unknown option"] == 2
    code, out, err, tree, _ = kit.go(["--root", R(kit), "--yes", P], fast=True)
    assert code == 0 and tree["papers/doc1.pdf"] == "%PDF 1" and "undo with:" in out
    code, out, err, tree, _ = kit.go([P], fast=True)
    assert code == 0 and "preview only" in err and tree == TREE


@pytest.mark.parametrize("answer", ["y\n", "n\n"])
def test_parity_interactive(kit, answer):
    fast = kit.go(["run", P], fast=True, stdin=TTY(answer))
    slow = kit.go(["run", P], fast=False, stdin=TTY(answer))
    assert fast[:4] == slow[:4] and "[y/N]" in fast[2]
    assert not fast[4] and slow[4]


def test_help_and_usage_errors_are_typers(kit, capsys):
    code, out, _, _, typer_used = kit.go(["plan", "--help"], fast=True, capsys=capsys)
    assert code == 0 and typer_used and "Usage: fileagent plan" in out and "--root" in out
    code, _, err, _, typer_used = kit.go(["plan", "--bogus", P], fast=True, capsys=capsys)
    assert code == 2 and typer_used and "--bogus" in err


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["plan", "x"], ("plan", {"prompt": "x", "root": None, "config": None, "as_json": False})),
        (
            ["plan", "--json", "x", "--root=r", "--config", "c"],
            ("plan", {"prompt": "x", "root": "r", "config": "c", "as_json": True}),
        ),
        (["plan", "--", "-x"], ("plan", {"prompt": "-x", "root": None, "config": None, "as_json": False})),
        (["plan", "--", "--"], ("plan", {"prompt": "--", "root": None, "config": None, "as_json": False})),
        (
            ["run", "-y", "--on-conflict=skip", "x"],
            (
                "run",
                {"prompt": "x", "root": None, "config": None, "as_json": False, "yes": True, "on_conflict": "skip"},
            ),
        ),
        (
            ["run", "x"],
            ("run", {"prompt": "x", "root": None, "config": None, "as_json": False, "yes": False, "on_conflict": None}),
        ),
    ],
)
def test_parse_fast_takes(argv, expected):
    assert parse_fast(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["plan"],
        ["plan", ""],
        ["plan", "-"],
        ["plan", "-x"],
        ["plan", "--help"],
        ["plan", "-h", "x"],
        ["run", "--help", "x"],
        ["plan", "x", "y"],
        ["plan", "--", "x", "y"],
        ["plan", "x", "--root"],
        ["plan", "--root=", "x"],
        ["plan", "--root", "--json", "x"],
        ["plan", "--root", "a", "--root", "b", "x"],
        ["run", "--yes", "-y", "x"],
        ["plan", "-y", "x"],
        ["plan", "--on-conflict", "skip", "x"],
        ["plan", "--json=yes", "x"],
        ["run", "-yy", "x"],
        ["plan", "--ro", "r", "x"],
        ["apply", "x"],
        ["undo"],
        ["log"],
        ["--help"],
        ["train", "x"],
    ],
)
def test_parse_fast_declines(argv):
    assert parse_fast(argv) is None


# ------------------------------------------------------------------ real subprocesses

RUN_ID = re.compile(r"\d{8}T\d{9}-[0-9a-f]{6}")


def fa(args, env, cwd, *, fast):
    e = dict(env)
    if not fast:
        e["FILEAGENT_NO_FAST_CLI"] = "1"
    r = subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        env=e,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return r.returncode, RUN_ID.sub("RUN", r.stdout), RUN_ID.sub("RUN", r.stderr)


@pytest.fixture
def penv(tmp_path):
    e = dict(os.environ)
    e.update(
        {
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
            "HOME": str(tmp_path),
            "NO_COLOR": "1",
        }
    )
    for k in ("FILEAGENT_CONFIG", "FILEAGENT_NO_FAST_CLI", "_FILEAGENT_COMPLETE"):
        e.pop(k, None)
    return e


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", P],
        ["--yes", P],
        ["plan", "--json", UNPLANNABLE],
        ["run", "--on-conflict", "nope", P],
        ["plan", "--help"],
    ],
)
def test_subprocess_parity(tmp_path, penv, make_tree, read_tree, argv):
    results = []
    for fast in (True, False):
        root = tmp_path / "root"
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(tmp_path / "state", ignore_errors=True)
        make_tree(root, TREE)
        results.append((*fa(argv, penv, root, fast=fast), read_tree(root)))
    assert results[0] == results[1]


def test_plan_never_imports_typer(tmp_path, penv, make_tree):
    root = make_tree(tmp_path / "root", TREE)
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fileagent", "plan", P],
        env=penv,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0 and "papers" in r.stdout
    loaded = {line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}
    assert "fileagent.agent.planner.planner" in loaded  # it did plan
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "click")}
    assert "fileagent.cli.app" not in loaded
    # and the typer path, for contrast, does import it (the check above would notice the modules)
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fileagent", "plan", "--help"],
        env=penv,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0 and re.search(r"\| +typer$", r.stderr, re.M)

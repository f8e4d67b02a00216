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
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin_text,
        stdin=None if stdin_text is not None else subprocess.DEVNULL,
        **kw,
    )


@pytest.fixture
def env(tmp_path):
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    e = dict(os.environ)
    e.update(
        {
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_CONFIG_HOME": str(tmp_path / "cfghome"),
            "HOME": str(tmp_path),
            "NO_COLOR": "1",
            "COLUMNS": "80",
            "FILEAGENT_CONFIG": str(cfg),
            "PYTHONPATH": os.pathsep.join(sys.path),
        }
    )
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
    root = make_tree(
        tmp_path / "root",
        {
            LONG: "# API",
            "notes.txt": "old\n",
            "old/a.txt": "aaaa",
            "old/b/c.txt": "cc",
            "big.bin": ("x" * 3000, "2024-01-05"),
        },
    )
    steps = [
        {"op": "move", "select": {"path": LONG}, "to": "docs/reference-material-for-developers-and-users"},
        {"op": "update", "select": {"path": "notes.txt"}, "mode": "append", "text": "call the plumber today"},
        {"op": "delete", "select": {"path": "old"}},
        {
            "op": "move",
            "select": {
                "in": ".",
                "pattern": "*.bin",
                "filters": {"modified_before": "2025-01-01", "larger_than": 1000},
            },
            "to": "archive",
        },
    ]
    r = fa(["apply", "--root", str(root), plan_file(tmp_path, steps)], env, tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "What I understood:" and lines[1].startswith("  1. Move 1 item into")  # the plan in words
    lines = lines[lines.index("Preview: 6 changes:") :]
    assert lines[0] == "Preview: 6 changes:"
    assert all(len(line) <= 80 for line in lines), r.stdout
    joined = "".join(line.strip() for line in lines)
    assert (
        "docs/reference-material-for-developers-and-users/api-reference-for-the-public-interface-of-the-"
        "service.md" in joined
    )
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


# ---------------------------------------------------------------- interrupts

KILLER = """
import os, signal
_N = int(os.environ.get("FA_SIGNAL_AT", "0"))
if _N:
    from fileagent.agent.engine import actions as _act
    _orig = _act._Runner.act
    def act(self, a, intent):
        out = _orig(self, a, intent)
        if a.seq == _N:
            os.kill(os.getpid(), getattr(signal, os.environ.get("FA_SIGNAL", "SIGINT")))
        return out
    _act._Runner.act = act
"""


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_signal_during_apply_rolls_back_and_says_so(tmp_path, env, make_tree, read_tree, sig):
    root = make_tree(tmp_path / "root", {f"in/f{i:02}.txt": str(i) for i in range(20)})
    before = read_tree(root)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(KILLER)
    env = {**env, "PYTHONPATH": str(site) + os.pathsep + env["PYTHONPATH"], "FA_SIGNAL_AT": "6", "FA_SIGNAL": sig}
    plan = plan_file(tmp_path, [{"op": "move", "select": {"in": "in"}, "to": "out"}])
    r = fa(["apply", "--root", str(root), "--yes", plan], env, tmp_path)
    assert r.returncode == 130, r.stderr
    assert r.stderr.splitlines()[-1] == "fileagent: error: interrupted: 6 actions reversed, nothing changed"
    assert read_tree(root) == before
    journal = next((root / ".fileagent" / "journal").iterdir())
    end = json.loads(journal.read_text().splitlines()[-1])
    assert end["t"] == "end" and end["status"] == "rolled_back" and end["interrupted"] == sig
    entries = [json.loads(x) for x in (tmp_path / "logs" / "audit.jsonl").read_text().splitlines()]
    assert entries[-1]["op"] == "interrupt" and entries[-1]["result"] == "rolled_back"
    assert sum(e["result"] == "undone" for e in entries) == 6
    env.pop("FA_SIGNAL_AT")
    r = fa(["plan", "--root", str(root), "--json", "list files in in"], env, tmp_path)
    assert "recover" not in r.stderr  # a rolled-back run is finished: nothing to repair


def test_unfinished_run_blocks_planning_until_recover(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", {"in/a.txt": "a", "in/b.txt": "b"})
    before = read_tree(root)
    plan = plan_file(tmp_path, [{"op": "move", "select": {"in": "in"}, "to": "out"}])
    crash = os.path.join(os.path.dirname(os.path.dirname(__file__)), "security", "crashsite")
    r = fa(
        ["apply", "--root", str(root), "--yes", plan],
        {**env, "PYTHONPATH": crash + os.pathsep + env["PYTHONPATH"], "FILEAGENT_CRASH_AT": "4"},
        tmp_path,
    )
    assert r.returncode < 0 or r.returncode == 137  # killed mid-run
    for args in (
        ["apply", "--root", str(root), plan],
        ["undo", "--root", str(root)],
        ["plan", "--root", str(root), "list everything"],
    ):
        r = fa(args, env, tmp_path)
        assert r.returncode == 1, (args, r.stderr)
        assert r.stderr.count("\n") == 1 and f"'fileagent recover --root {root}" in r.stderr, r.stderr
    r = fa(["recover", "--root", str(root)], env, tmp_path)
    assert r.returncode == 0, r.stderr
    assert "will reverse" in " ".join(r.stdout.split()) and "in/a.txt" in r.stdout
    assert read_tree(root) == before
    r = fa(["apply", "--root", str(root), plan], env, tmp_path)
    assert r.returncode == 0 and "preview only" in r.stderr


def test_interrupt_in_process_rolls_back(tmp_path, env, make_tree, read_tree, monkeypatch):
    import signal

    from fileagent.agent.engine import actions

    root = make_tree(tmp_path / "root", {f"in/f{i}.txt": str(i) for i in range(5)})
    before = read_tree(root)
    orig = actions._Runner.act

    def act(self, a, intent):
        out = orig(self, a, intent)
        if a.seq == 3:
            os.kill(os.getpid(), signal.SIGINT)
        return out

    monkeypatch.setattr(actions._Runner, "act", act)
    handler = signal.getsignal(signal.SIGINT)  # SIG_IGN under nohup, default_int_handler otherwise
    code, out, err = inproc(
        [
            "apply",
            "--root",
            str(root),
            "--yes",
            plan_file(tmp_path, [{"op": "move", "select": {"in": "in"}, "to": "out"}]),
        ],
        env,
    )
    assert code == 130 and "interrupted: 3 actions reversed, nothing changed" in err
    assert read_tree(root) == before
    assert signal.getsignal(signal.SIGINT) is handler  # the run puts back the handler it found


# ---------------------------------------------------------------- the command line's own words


def test_bare_version_help_and_h(tmp_path, env):
    r = fa([], env, tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("fileagent: ") and "usage:" in r.stdout and not r.stderr
    assert max(len(x) for x in r.stdout.splitlines()) <= 80
    r = fa(["--version"], env, tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("fileagent ") and r.stdout.count("\n") == 1
    for args in (["-h"], ["--help"], ["undo", "-h"], ["log", "-h"], ["help"], ["train", "--help"]):
        r = fa(args, env, tmp_path)
        assert r.returncode == 0 and r.stdout and "error" not in r.stderr, (args, r.stderr)


@pytest.mark.parametrize(
    "word, command",
    [("undoo", "undo"), ("lgo", "log"), ("hlep", "help"), ("undo", "undo"), ("recovr", "recover"), ("aply", "apply")],
)
def test_one_word_command_typo_is_a_usage_error(tmp_path, env, make_tree, read_tree, word, command):
    root = make_tree(tmp_path / "root", {"undoo": "keep me", "a.txt": "a"})
    before = read_tree(root)
    args = ["--root", str(root), word] if word != "undo" else ["run", "--root", str(root), word]
    r = fa(args, env, tmp_path)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and f"did you mean 'fileagent {command}'" in r.stderr
    assert read_tree(root) == before


def test_near_command_in_process():
    from fileagent.cli.words import near_command

    assert near_command("undoo") == "undo" and near_command("lgo") == "log" and near_command("hlep") == "help"
    assert near_command("list pdfs") is None and near_command("tidy") is None and near_command("lot") == "log"
    assert near_command("classify") is None and near_command("gcc") is None
    code, out, err = inproc(["undoo"], {"NO_COLOR": "1"})
    assert code == 2 and "did you mean 'fileagent undo'" in err


def test_closed_stdout_ends_quietly(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {f"f{i}.txt": "x" for i in range(50)})
    plan = plan_file(tmp_path, [{"op": "delete", "select": {"in": "."}}])
    p = subprocess.Popen(
        [sys.executable, "-m", "fileagent", "apply", "--root", str(root), plan],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    p.stdout.close()  # the reader is gone before the first line
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 141 and err == "", err
    assert len(list(root.iterdir())) == 50


# ---------------------------------------------------------------- history


def test_log_path_header_entry_op_words_and_80_columns(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {"in/a.txt": "a", "in/b.txt": "b", "n.md": "# n"})
    plan = plan_file(
        tmp_path,
        [
            {"op": "move", "select": {"in": "in"}, "to": "archive"},
            {"op": "tag", "select": {"path": "in"}, "tags": ["old"]},
        ],
    )
    r = fa(["apply", "--root", str(root), "--yes", plan], env, tmp_path)
    assert r.returncode == 0, r.stderr
    cfg = env["FILEAGENT_CONFIG"]
    assert r.stdout.splitlines()[-1].endswith(f"--root {root} --config {cfg}")  # the undo hint
    r = fa(["log", "path"], env, tmp_path)
    log = tmp_path / "logs" / "audit.jsonl"
    assert r.returncode == 0 and r.stdout == f"{log}\n" and cfg in r.stderr
    entries = [json.loads(x) for x in log.read_text().splitlines()]
    head = entries[0]
    import pwd

    assert head["op"] == "run" and head["version"] == 2 and head["root"] == str(root) and head["config"] == cfg
    assert head["request"] == f"apply {plan}" and head["user"] == pwd.getpwuid(os.geteuid()).pw_name
    assert {e["run"] for e in entries} == {head["run"]} and {e["op"] for e in entries} == {
        "run",
        "mkdir",
        "move",
        "tag",
    }
    for word in ("tag", "set_tags"):
        r = fa(["log", "--op", word], env, tmp_path)
        assert r.returncode == 0 and " tag " in r.stdout and "no matching" not in r.stdout
    r = fa(["log", "--op", "create folder"], env, tmp_path)
    assert " mkdir " in r.stdout
    for args in (["log"], ["log", "--run", head["run"]]):
        r = fa(args, env, tmp_path)
        assert r.returncode == 0 and all(len(x) <= 80 for x in r.stdout.splitlines()), r.stdout
        assert head["time"][:16].replace("T", " ") in r.stdout


def test_log_runs_in_process_show_the_request(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    code, out, err = inproc(
        ["apply", "--root", str(root), "--yes", plan_file(tmp_path, [{"op": "delete", "select": {"path": "a.txt"}}])],
        env,
    )
    assert code == 0, err
    code, out, err = inproc(["log"], env)
    assert code == 0 and "apply " in out and "1 runs" in out


# ---------------------------------------------------------------- undo


def test_undo_previews_asks_and_names_the_run(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a", "b.txt": "b"})
    before = read_tree(root)
    runs = []
    for name in ("a.txt", "b.txt"):
        r = fa(
            [
                "apply",
                "--root",
                str(root),
                "--yes",
                plan_file(tmp_path, [{"op": "move", "select": {"path": name}, "to": "d"}]),
            ],
            env,
            tmp_path,
        )
        assert r.returncode == 0, r.stderr
        runs.append(r.stdout.split("undo with: fileagent undo ")[1].split()[0])
    r = fa(["undo", "--root", str(root)], env, tmp_path)  # no terminal, no --yes: preview only
    assert r.returncode == 0 and "preview only" in r.stderr
    assert f'undo run {runs[1]} (the newest run not undone) ("apply ' in r.stdout
    assert "move back d/b.txt -> b.txt" in r.stdout
    assert read_tree(root) != before
    r = fa(["undo", "--root", str(root), "--yes"], env, tmp_path)
    assert r.returncode == 0 and f"undone run {runs[1]}" in r.stdout
    (root / "d" / "a.txt").write_text("changed by hand")
    r = fa(["undo", "--root", str(root), "--yes"], env, tmp_path)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "d/a.txt" in r.stderr and "fileagent undo RUN --root" in r.stderr and "fileagent log" in r.stderr


def test_undo_asks_on_a_terminal_in_process(tmp_path, env, make_tree, read_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    before = read_tree(root)
    code, out, err = inproc(
        ["apply", "--root", str(root), "--yes", plan_file(tmp_path, [{"op": "delete", "select": {"path": "a.txt"}}])],
        env,
    )
    assert code == 0

    class TTY(io.StringIO):
        def isatty(self):
            return True

    for answer, restored in (("n\n", False), ("y\n", True)):
        o, e = io.StringIO(), io.StringIO()
        code = main(["undo", "--root", str(root)], env=env, stdin=TTY(answer), stdout=o, stderr=e)
        assert code == 0 and "restore   a.txt" in o.getvalue() and "? [y/N]" in e.getvalue()
        assert (read_tree(root) == before) is restored


# ---------------------------------------------------------------- housekeeping


def _old_run(root, run_id, backup=b""):
    """A finished run journal (and a backup) dated by its id, as `execute` leaves them."""
    j = root / ".fileagent" / "journal"
    j.mkdir(parents=True, exist_ok=True)
    (j / f"{run_id}.jsonl").write_text(
        json.dumps({"t": "header", "run": run_id, "changeset": []})
        + "\n"
        + json.dumps({"t": "end", "status": "done"})
        + "\n"
    )
    if backup:
        b = root / ".fileagent" / "backups" / run_id / "1"
        b.mkdir(parents=True)
        (b / "x.bin").write_bytes(backup)


def test_gc_previews_asks_and_prunes_old_runs(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    _old_run(root, "20200101T000000000-aaaaaa", b"x" * 5000)
    _old_run(root, "20200102T000000000-bbbbbb")
    r = fa(
        ["apply", "--root", str(root), "--yes", plan_file(tmp_path, [{"op": "delete", "select": {"path": "a.txt"}}])],
        env,
        tmp_path,
    )
    assert r.returncode == 0
    r = fa(["gc", "--root", str(root), "--keep-runs", "1"], env, tmp_path)
    assert r.returncode == 0 and "preview only" in r.stderr
    assert "20200101T000000000-aaaaaa" in r.stdout and "20200102T000000000-bbbbbb" in r.stdout
    assert "can no longer be undone" in r.stdout and all(len(x) <= 80 for x in r.stdout.splitlines())
    assert len(list((root / ".fileagent" / "journal").iterdir())) == 3
    r = fa(["gc", "--root", str(root), "--keep-runs", "1", "--yes"], env, tmp_path)
    assert r.returncode == 0 and "pruned 2 runs" in r.stdout
    assert len(list((root / ".fileagent" / "journal").iterdir())) == 1
    assert not (root / ".fileagent" / "backups" / "20200101T000000000-aaaaaa").exists()
    r = fa(["undo", "--root", str(root), "--yes"], env, tmp_path)  # the newest run keeps its undo
    assert r.returncode == 0 and (root / "a.txt").read_text() == "a"
    r = fa(["gc", "--root", str(root), "--keep-days", "-1"], env, tmp_path)
    assert r.returncode == 2


def test_gc_config_default_in_process(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    _old_run(root, "20200101T000000000-aaaaaa")
    code, out, err = inproc(["gc", "--root", str(root)], env)  # defaults: 30 days, newest 20 kept
    assert code == 0 and "nothing to prune" in out
    cfg = tmp_path / "keep0.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n  gc_keep_runs: 0\n")
    code, out, err = inproc(["gc", "--root", str(root), "--config", str(cfg), "--yes"], env)
    assert code == 0 and "pruned 1 run" in out


def test_info_says_where_everything_is(tmp_path, env, make_tree):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    _old_run(root, "20200101T000000000-aaaaaa", b"x" * 3000)
    r = fa(["info", "--root", str(root)], env, tmp_path)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    joined = "".join(x.strip() for x in text.splitlines())  # folded at '/': joined back whole
    assert text.splitlines()[2].startswith("state:  ") and str(root / ".fileagent") in joined
    assert "backups 2.9 KB" in text and "audit log:" in text and "config:" in text
    assert str(tmp_path / "logs" / "audit.jsonl") in joined and env["FILEAGENT_CONFIG"] in joined
    assert "file layer:" in text and all(len(x) <= 80 for x in text.splitlines())
    code, out, err = inproc(["info", "--root", str(root), "--json"], env)
    doc = json.loads(out)
    assert doc["runs"] == 1 and doc["backups_bytes"] == 3000 and doc["config"] == env["FILEAGENT_CONFIG"]

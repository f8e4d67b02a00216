"""The CLI through typer's CliRunner and through main() with injected streams."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from fileagent.cli.app import app
from fileagent.cli.fast import main, rewrite_argv

TREE = {
    "docs/architecture.md": "# Architecture\ndesign notes",
    "docs/api.md": "# API\nendpoint list",
    "docs/lunch.md": "# Lunch\npizza",
    "downloads/a.pdf": "%PDF a",
    "downloads/b.png": "png",
    "todo.txt": "milk",
}
MOVE_PDF = {
    "version": 1,
    "steps": [{"op": "move", "select": {"in": "downloads", "pattern": "*.pdf"}, "to": "docs/papers"}],
}


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def env(tmp_path, monkeypatch):
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    e = {
        "FILEAGENT_CONFIG": str(cfg),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "cfghome"),
        "HOME": str(tmp_path),
    }
    for k, v in e.items():
        monkeypatch.setenv(k, v)
    return e


@pytest.fixture
def root(tmp_path, make_tree):
    return make_tree(tmp_path / "root", TREE)


def plan_file(tmp_path, plan, name="plan.json"):
    p = tmp_path / name
    p.write_text(json.dumps(plan), encoding="utf-8")
    return str(p)


runner = CliRunner()


def test_apply_without_tty_is_preview_only(env, root, tmp_path, read_tree):
    before = read_tree(root)
    r = runner.invoke(app, ["apply", "--root", str(root), plan_file(tmp_path, MOVE_PDF)])
    assert r.exit_code == 0, r.output
    assert "downloads/a.pdf" in r.output and "preview only" in r.output
    assert read_tree(root) == before


def test_apply_yes_executes_then_undo_restores(env, root, tmp_path, read_tree):
    before = read_tree(root)
    r = runner.invoke(app, ["apply", "--root", str(root), "--yes", plan_file(tmp_path, MOVE_PDF)])
    assert r.exit_code == 0, r.output
    assert read_tree(root)["docs/papers/a.pdf"] == "%PDF a"
    run_id = r.output.split("undo with: fileagent undo ")[1].split()[0]
    r2 = runner.invoke(app, ["undo", "--yes", "--root", str(root)])
    assert r2.exit_code == 0 and run_id in r2.output
    assert read_tree(root) == before


def test_apply_from_stdin(env, root, tmp_path):
    r = runner.invoke(app, ["apply", "--root", str(root), "--yes", "-"], input=json.dumps(MOVE_PDF))
    assert r.exit_code == 0, r.output
    assert (root / "docs" / "papers" / "a.pdf").exists()


def test_interactive_yes_and_no(env, root, tmp_path):
    pf = plan_file(tmp_path, MOVE_PDF)
    out, err = io.StringIO(), io.StringIO()
    assert main(["apply", "--root", str(root), pf], stdin=TTY("n\n"), stdout=out, stderr=err) == 0
    assert "[y/N]" in err.getvalue() and (root / "downloads" / "a.pdf").exists()
    out, err = io.StringIO(), io.StringIO()
    assert main(["apply", "--root", str(root), pf], stdin=TTY("y\n"), stdout=out, stderr=err) == 0
    assert (root / "docs" / "papers" / "a.pdf").exists() and "undo with:" in out.getvalue()


def test_bad_plan_json_exit_4_one_line(env, root, tmp_path, read_tree):
    before = read_tree(root)
    out, err = io.StringIO(), io.StringIO()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["apply", "--root", str(root), "--yes", str(bad)], stdout=out, stderr=err) == 4
    assert err.getvalue().startswith("fileagent: error:") and err.getvalue().count("\n") == 1
    unknown_op = plan_file(tmp_path, {"version": 1, "steps": [{"op": "explode", "select": {"path": "x"}}]})
    assert main(["apply", "--root", str(root), "--yes", unknown_op], stdout=out, stderr=io.StringIO()) == 4
    assert read_tree(root) == before


def test_pattern_matching_nothing_is_exit_4(env, root, tmp_path):
    p = plan_file(tmp_path, {"version": 1, "steps": [{"op": "delete", "select": {"pattern": "*.nothing"}}]})
    assert runner.invoke(app, ["apply", "--root", str(root), "--yes", p]).exit_code == 4


def test_policy_refusal_exit_3(env, root, tmp_path, read_tree):
    before = read_tree(root)
    p = plan_file(tmp_path, {"version": 1, "steps": [{"op": "move", "select": {"path": "todo.txt"}, "to": "../out"}]})
    r = runner.invoke(app, ["apply", "--root", str(root), "--yes", p])
    assert r.exit_code == 3 and "fileagent: error:" in r.output
    assert read_tree(root) == before and not (tmp_path / "out").exists()


def test_bad_config_exit_2(env, root, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("agent:\n  no_such_key: 1\n")
    r = runner.invoke(app, ["apply", "--root", str(root), "--config", str(bad), plan_file(tmp_path, MOVE_PDF)])
    assert r.exit_code == 2 and "no_such_key" in r.output


def test_run_without_model_exit_4(env, root, monkeypatch):
    import fileagent.agent.planner.planner as planner
    from fileagent.errors import NoPlannerError

    def no_model(*a, **k):
        raise NoPlannerError("no planner model installed")

    monkeypatch.setattr(planner, "plan_request", no_model)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--root", str(root), "move the pdfs to docs"], stdout=out, stderr=err) == 4
    assert err.getvalue() == "fileagent: error: no planner model installed\n"


def test_list_and_read_print_output_without_confirmation(env, root, tmp_path):
    lst = plan_file(tmp_path, {"version": 1, "steps": [{"op": "list", "select": {"in": "docs", "pattern": "*.md"}}]})
    r = runner.invoke(app, ["apply", "--root", str(root), lst])
    # stdout holds the listing alone; the plan said back in words goes to stderr
    assert r.exit_code == 0 and r.stdout.split() == ["docs/api.md", "docs/architecture.md", "docs/lunch.md"]
    assert "What I understood:" in r.stderr and "List every file named '*.md' in 'docs'" in r.stderr
    r = runner.invoke(app, ["apply", "--root", str(root), "--json", lst])
    assert json.loads(r.output) == ["docs/api.md", "docs/architecture.md", "docs/lunch.md"]
    rd = plan_file(tmp_path, {"version": 1, "steps": [{"op": "read", "select": {"path": "todo.txt"}}]}, "r.json")
    r = runner.invoke(app, ["apply", "--root", str(root), rd])
    assert r.exit_code == 0 and r.stdout == "milk\n" and "Show the contents of 'todo.txt'" in r.stderr


def test_json_preview_lists_actions(env, root, tmp_path):
    r = runner.invoke(app, ["apply", "--root", str(root), "--json", plan_file(tmp_path, MOVE_PDF)])
    assert r.exit_code == 0
    doc = json.loads(r.output.splitlines()[0])
    assert doc["totals"]["move"] == 1 and doc["plan"]["steps"][0]["op"] == "move"
    assert any(a["src"] == "downloads/a.pdf" for a in doc["changeset"]["actions"])


def test_log_commands(env, root, tmp_path):
    runner.invoke(app, ["apply", "--root", str(root), "--yes", plan_file(tmp_path, MOVE_PDF)])
    r = runner.invoke(app, ["log", "path"])
    assert r.output.splitlines()[0] == str(tmp_path / "logs" / "audit.jsonl")  # then, on stderr, its config
    r = runner.invoke(app, ["log", "verify"])
    assert r.exit_code == 0 and "chain intact" in r.output
    r = runner.invoke(app, ["log", "--json", "--op", "move"])
    entries = json.loads(r.output)
    assert [e["src"] for e in entries] == ["downloads/a.pdf"]
    assert json.loads(runner.invoke(app, ["log", "--json", "--failed"]).output) == []
    log = tmp_path / "logs" / "audit.jsonl"
    log.write_text(log.read_text().replace("downloads/a.pdf", "downloads/z.pdf"))
    r = runner.invoke(app, ["log", "verify"])
    assert r.exit_code == 1 and "seq" in r.output


def test_train_reserved(env):
    import importlib.util

    r = runner.invoke(app, ["train", "--help-me"])
    if importlib.util.find_spec("fileagent.agent.planner.training.train_planner") is None:
        assert r.exit_code == 2 and "training is not available" in r.output


def test_rewrite_argv():
    assert rewrite_argv(["classify docs"]) == ["run", "classify docs"]
    assert rewrite_argv(["--root", "demo", "--yes", "x y"]) == ["run", "--root", "demo", "--yes", "x y"]
    assert rewrite_argv(["--root", "demo", "undo"]) == ["undo", "--root", "demo"]
    assert rewrite_argv(["log", "verify"]) == ["log", "verify"]
    assert rewrite_argv(["--help"]) == ["--help"]


def test_unexpected_error_is_one_line(env, root, tmp_path, monkeypatch):
    import fileagent.agent.engine.executor as ex

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(ex, "execute", boom)
    err = io.StringIO()
    code = main(
        ["apply", "--root", str(root), "--yes", plan_file(tmp_path, MOVE_PDF)], stdout=io.StringIO(), stderr=err
    )
    assert code == 1 and err.getvalue().count("\n") == 1 and "kaboom" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_name_too_long_is_one_line_exit_1(env, root, tmp_path, read_tree):
    before = read_tree(root)
    p = plan_file(tmp_path, {"version": 1, "steps": [{"op": "rename", "path": "todo.txt", "new_name": "n" * 300}]})
    err = io.StringIO()
    assert main(["apply", "--root", str(root), "--yes", p], stdout=io.StringIO(), stderr=err) == 1
    assert "File name too long" in err.getvalue() and err.getvalue().count("\n") == 1
    assert read_tree(root) == before


def test_dry_run_default_false_runs_unless_op_needs_confirmation(tmp_path, env, root, read_tree, monkeypatch):
    cfg = tmp_path / "nodry.yaml"
    cfg.write_text(
        f"agent:\n  dry_run_default: false\n  require_confirm_for: [delete]\n  log_path: {tmp_path / 'l.jsonl'}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FILEAGENT_CONFIG", str(cfg))
    r = runner.invoke(app, ["apply", "--root", str(root), plan_file(tmp_path, MOVE_PDF)])
    assert r.exit_code == 0 and (root / "docs" / "papers" / "a.pdf").exists()
    d = plan_file(tmp_path, {"version": 1, "steps": [{"op": "delete", "select": {"path": "todo.txt"}}]}, "d.json")
    r = runner.invoke(app, ["apply", "--root", str(root), d])
    assert r.exit_code == 0 and "preview only" in r.output and (root / "todo.txt").exists()


def test_on_conflict_flag(env, tmp_path, make_tree, read_tree):
    root = make_tree(tmp_path / "r2", {"in/a.txt": "new", "out/a.txt": "old"})
    p = plan_file(tmp_path, {"version": 1, "steps": [{"op": "move", "select": {"path": "in/a.txt"}, "to": "out"}]})
    assert runner.invoke(app, ["apply", "--root", str(root), "--yes", "--on-conflict", "skip", p]).exit_code in (0, 4)
    assert read_tree(root)["out/a.txt"] == "old"
    r = runner.invoke(app, ["apply", "--root", str(root), "--yes", "--on-conflict", "overwrite", p])
    assert r.exit_code == 0 and read_tree(root) == {"in/": None, "out/a.txt": "new"}
    assert runner.invoke(app, ["undo", "--yes", "--root", str(root)]).exit_code == 0
    assert read_tree(root) == {"in/a.txt": "new", "out/a.txt": "old"}
    assert runner.invoke(app, ["apply", "--root", str(root), "--on-conflict", "bogus", p]).exit_code == 2


def test_undo_refused_and_recover_cli(env, root, tmp_path, read_tree):
    runner.invoke(app, ["apply", "--root", str(root), "--yes", plan_file(tmp_path, MOVE_PDF)])
    (root / "docs" / "papers" / "a.pdf").write_text("edited after the run")
    state = read_tree(root)
    r = runner.invoke(app, ["undo", "--yes", "--root", str(root)])
    assert r.exit_code == 1 and "cannot undo" in r.output and read_tree(root) == state
    r = runner.invoke(app, ["recover", "--root", str(root)])
    assert r.exit_code == 0 and "nothing to recover" in r.output

"""Rules and `watch --once` in-process: the CLI through main() with injected streams."""

from __future__ import annotations

import io
import json
import os

import pytest

from fileagent.cli.fast import main

TREE = {"downloads/a.pdf": "%PDF a", "downloads/b.txt": "text", "docs/": None, "inbox/": None}
MOVE_PDF = {
    "version": 1,
    "steps": [{"op": "move", "select": {"in": "downloads", "pattern": "*.pdf"}, "to": "docs/papers"}],
}


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


def fa(*args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def add(root, name, plan, *extra):
    return fa("rule", "add", "--root", str(root), "--name", name, "--from-plan", "-", *extra, stdin=json.dumps(plan))


def test_add_saves_the_contract_and_changes_nothing(root, env, read_tree):
    before = read_tree(root)
    code, out, err = add(root, "pdfs", MOVE_PDF)
    assert code == 0, err
    assert 'move in="downloads" pattern="*.pdf" to="docs/papers"' in out  # the plan read back
    assert "downloads/a.pdf" in out and "docs/papers/a.pdf" in out  # the preview of now
    assert read_tree(root) == before
    doc = json.loads((root / ".fileagent" / "rules" / "pdfs.json").read_text(encoding="utf-8"))
    assert set(doc) == {"version", "name", "request", "plan", "created", "paused"}
    assert doc["version"] == 1 and doc["name"] == "pdfs" and doc["request"] is None and doc["paused"] is False
    assert doc["plan"]["steps"][0]["to"] == "docs/papers"


def test_add_with_nothing_matching_yet_is_fine_but_folders_must_exist(root, env):
    plan = {"version": 1, "steps": [{"op": "move", "select": {"in": "inbox", "pattern": "*.jpg"}, "to": "pics"}]}
    code, out, err = add(root, "pics", plan)
    assert code == 0, err
    assert "Nothing matches it yet" in out
    plan["steps"][0]["select"]["in"] = "nowhere"
    code, out, err = add(root, "nowhere", plan)
    assert code == 4 and "'nowhere' does not exist" in err and err.count("\n") == 1
    assert not (root / ".fileagent" / "rules" / "nowhere.json").exists()


@pytest.mark.parametrize(
    "plan, code, words",
    [
        (
            {"version": 1, "steps": [{"op": "delete", "select": {"in": "downloads", "pattern": "*.exe"}}]},
            3,
            "deny pattern",
        ),
        (
            {"version": 1, "steps": [{"op": "delete", "select": {"in": "downloads", "filters": {"ext": ["dll"]}}}]},
            3,
            "deny pattern",
        ),
        ({"version": 1, "steps": [{"op": "move", "select": {"in": "..", "pattern": "*"}, "to": "x"}]}, 3, "escapes"),
        ({"version": 1, "steps": [{"op": "create", "path": "x.txt"}]}, 4, "create"),
        ({"version": 1, "steps": [{"op": "list", "select": {"in": "downloads"}}]}, 4, "must change something"),
        ({"version": 1, "steps": [{"op": "move"}]}, 4, "plan invalid"),
    ],
)
def test_add_refuses_what_a_rule_cannot_be(root, env, plan, code, words):
    got, out, err = add(root, "bad", plan)
    assert got == code and words in err and err.startswith("fileagent: error:") and err.count("\n") == 1
    assert not (root / ".fileagent" / "rules" / "bad.json").exists()


def test_add_usage_errors(root, env):
    assert add(root, "pdfs", MOVE_PDF)[0] == 0
    code, _, err = add(root, "PDFS", MOVE_PDF)  # names differ in more than case
    assert code == 2 and "exists already" in err
    for bad in ("../x", "con", "", "a b"):
        code, _, err = add(root, bad, MOVE_PDF)
        assert code == 2 and "rule name" in err
    code, _, err = fa("rule", "add", "--root", str(root), "--name", "x")
    assert code == 2 and "REQUEST or --from-plan" in err
    code, _, err = fa("rule", "add", "--root", str(root), "--name", "x", "tidy", "--from-plan", "-", stdin="{}")
    assert code == 2


def test_add_from_a_request_uses_the_planner_once(root, env, monkeypatch):
    from fileagent.agent.plan.model import Plan
    from fileagent.agent.planner import planner

    calls = []

    def fake(prompt, *, root, compile, later=False):
        calls.append((prompt, later))
        plan = Plan.from_dict(MOVE_PDF)
        return plan, compile(plan)

    monkeypatch.setattr(planner, "plan_request", fake)
    code, out, err = fa("rule", "add", "--root", str(root), "--name", "pdfs", "move the pdfs in downloads to papers")
    assert code == 0, err
    assert calls == [("move the pdfs in downloads to papers", True)]
    doc = json.loads((root / ".fileagent" / "rules" / "pdfs.json").read_text(encoding="utf-8"))
    assert doc["request"] == "move the pdfs in downloads to papers"


def test_add_refused_request_is_exit_4(root, env, monkeypatch):
    from fileagent.agent.planner import planner
    from fileagent.errors import NoPlannerError

    def refuse(prompt, **kw):
        raise NoPlannerError("could not plan this request: small talk")

    monkeypatch.setattr(planner, "plan_request", refuse)
    code, out, err = fa("rule", "add", "--root", str(root), "--name", "x", "how are you")
    assert code == 4 and "could not plan" in err
    assert not (root / ".fileagent" / "rules").exists()


def test_list_show_pause_resume_remove(root, env):
    add(root, "pdfs", MOVE_PDF)
    code, out, _ = fa("rule", "list", "--root", str(root))
    assert code == 0 and out.split()[:2] == ["pdfs", "active"]
    code, out, _ = fa("rule", "pause", "pdfs", "--root", str(root))
    assert code == 0 and "paused" in out
    code, out, _ = fa("rule", "list", "--root", str(root), "--json")
    doc = json.loads(out)
    assert [r["name"] for r in doc["rules"]] == ["pdfs"] and doc["rules"][0]["paused"] is True
    code, out, _ = fa("rule", "show", "pdfs", "--root", str(root))
    assert code == 0 and "paused" in out and 'pattern="*.pdf"' in out
    assert fa("rule", "resume", "pdfs", "--root", str(root))[0] == 0
    code, out, _ = fa("rule", "show", "pdfs", "--root", str(root), "--json")
    assert json.loads(out)["paused"] is False
    assert fa("rule", "remove", "pdfs", "--root", str(root))[0] == 0
    code, _, err = fa("rule", "show", "pdfs", "--root", str(root))
    assert code == 2 and "no rule named" in err


def test_broken_rule_file_is_reported_alone(root, env, read_tree):
    add(root, "pdfs", MOVE_PDF)
    (root / ".fileagent" / "rules" / "broken.json").write_text("{not json", encoding="utf-8")
    code, out, _ = fa("rule", "list", "--root", str(root))
    assert code == 0 and "broken" in out and "pdfs" in out
    code, out, err = fa("watch", "--root", str(root), "--once", "--yes")
    assert code == 0 and "rule broken does not load" in err
    assert "docs/papers/a.pdf" in read_tree(root)


def test_once_previews_without_yes_then_applies_and_undoes(root, env, read_tree, tmp_path):
    before = read_tree(root)
    add(root, "pdfs", MOVE_PDF)
    code, out, err = fa("watch", "--root", str(root), "--once")
    assert code == 0, err
    assert "would do 1 mkdir, 1 move" in out and read_tree(root) == before
    code, out, err = fa("watch", "--root", str(root), "--once", "--yes")
    assert code == 0, err
    line = out.strip().splitlines()[-1]
    assert "rule pdfs: 1 mkdir, 1 move; run " in line
    run_id = line.rsplit(" ", 1)[1]
    assert read_tree(root) == {"downloads/b.txt": "text", "docs/papers/a.pdf": "%PDF a", "inbox/": None}
    entries = [json.loads(x) for x in (tmp_path / "logs" / "audit.jsonl").read_text().splitlines()]
    assert [e["op"] for e in entries] == ["run", "mkdir", "move"] and all(e["run"] == run_id for e in entries)
    assert entries[0]["rule"] == "pdfs" and entries[0]["request"] is None
    assert fa("log", "verify")[0] == 0
    code, out, err = fa("undo", run_id, "--root", str(root), "--yes")
    assert code == 0, err
    assert read_tree(root) == before


def test_once_skips_paused_rules_and_loads_no_model(root, env, read_tree):
    add(root, "pdfs", MOVE_PDF)
    fa("rule", "pause", "pdfs", "--root", str(root))
    before = read_tree(root)
    import subprocess
    import sys

    code = (
        "import sys; from fileagent.cli.fast import main; rc = main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.startswith(('fileagent.llm', 'fileagent.agent.planner')))); "
        "sys.exit(rc)"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "watch", "--root", str(root), "--once", "--yes"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"
    assert read_tree(root) == before


def test_watch_usage_errors(root, env):
    code, _, err = fa("watch", "--root", str(root), "--settle", "-1")
    assert code == 2 and "--settle" in err
    code, _, err = fa("watch", "--root", str(root / "missing"), "--once")
    assert code == 2

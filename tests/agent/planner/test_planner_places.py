"""A request that writes a home folder, a variable or a file URL is planned with that place as
written ("~/backup"), so the Guard refuses it; never with part of it ("backup", "HOME/x") or with
another word of the request standing in for it."""

from __future__ import annotations

import io
import os

import pytest
from test_plan_grammar import EOS, PIECES, accepts

from fileagent.agent.planner import planner, plausibility
from fileagent.agent.planner.grammar import PlanGrammar
from fileagent.agent.planner.spans import sigil_words, without_places
from fileagent.cli.fast import main


@pytest.fixture(scope="module")
def grammar() -> PlanGrammar:
    return PlanGrammar(PIECES, EOS)


@pytest.mark.parametrize(
    "request_text, whole, parts",
    [
        ("copy docs/todo.txt to ~/backup", "~/backup", ["backup", "/backup"]),
        ("把 docs/todo.txt 复制到 ~/backup", "~/backup", ["backup", "/backup"]),
        ("copy docs/todo.txt to $HOME/x", "$HOME/x", ["HOME/x", "x", "/x", "HOME"]),
        ("copy docs/todo.txt to ${HOME}/x", "${HOME}/x", ["{HOME}/x", "HOME}/x", "HOME", "/x", "to ${HOME}/x"]),
        (
            "copy docs/todo.txt to %USERPROFILE%\\backup",
            "%USERPROFILE%\\\\backup",
            ["USERPROFILE%\\\\backup", "USERPROFILE", "%USERPROFILE", "backup", "USERPROFILE%"],
        ),
        ("copy docs/todo.txt to file:///tmp/x", "file:///tmp/x", ["/tmp/x", "tmp/x", "//tmp/x", "x", "file"]),
        ("copy docs/todo.txt to ~root/x", "~root/x", ["root/x", "x", "root"]),
        ("copy docs/todo.txt to $HOME.", "$HOME", ["HOME"]),
    ],
)
def test_a_written_place_is_copied_whole(grammar, request_text, whole, parts):
    assert accepts(grammar, request_text, f'copy path="docs/todo.txt" to="{whole}"')
    for part in parts:
        assert not accepts(grammar, request_text, f'copy path="docs/todo.txt" to="{part}"'), part


def test_look_alike_names_are_copied_whole(grammar):
    assert accepts(grammar, "delete ~$report.docx", 'delete path="~$report.docx"')
    assert not accepts(grammar, "delete ~$report.docx", 'delete path="report.docx"')
    assert not accepts(grammar, "delete ~$report.docx", 'delete path="~/report.docx"')
    assert accepts(grammar, "move a.txt to $RECYCLE.BIN", 'move path="a.txt" to="$RECYCLE.BIN"')
    assert not accepts(grammar, "move a.txt to $RECYCLE.BIN", 'move path="a.txt" to="RECYCLE.BIN"')
    assert accepts(grammar, "move notes~ to old", 'move path="notes~" to="old"')
    assert accepts(grammar, "copy 100%.txt to old", 'copy path="100%.txt" to="old"')


def test_sigil_words_and_what_a_request_names_without_them():
    req = "copy a$b.txt and ~$r.docx to ~/backup, then $HOME and 100% and %TEMP%\\x"
    words = [(req[lo:hi], place) for lo, _, hi, place in sigil_words(req)]
    assert words == [("~$r.docx", False), ("~/backup", True), ("$HOME", True), ("%TEMP%\\x", True)]
    assert "backup" not in without_places(req) and "r.docx" in without_places(req)


def test_a_plan_that_leaves_out_a_written_place_is_implausible():
    def odd(text, prompt):
        return plausibility.implausible(planner.parse_candidate(text), None, prompt)

    prompt = "copy docs/todo.txt to %USERPROFILE%\\backup"
    assert "leaves out" in odd('copy path="docs/todo.txt" to="copy"', prompt)
    assert odd('copy path="docs/todo.txt" to="%USERPROFILE%\\\\backup"', prompt) is None
    assert odd('copy path="docs/todo.txt" to="~/backup"', "copy docs/todo.txt to ~/backup") is None
    assert odd('create path="n.txt" content="see ~/x"', 'create n.txt containing "see ~/x"') is None
    assert odd('move path="a.txt" to="$"', "move a.txt to $RECYCLE.BIN") is None  # no place


@pytest.mark.parametrize("request_text", ["copy docs/todo.txt to ~/backup", "把 docs/todo.txt 复制到 ~/backup"])
def test_the_shipped_model_plans_the_place_and_the_guard_refuses_it(
    tmp_path, make_tree, read_tree, monkeypatch, request_text
):
    monkeypatch.delenv("FILEAGENT_MODEL_DIR", raising=False)
    root = make_tree(tmp_path / "root", {"docs/todo.txt": "milk", "downloads/backup.zip": "zip"})
    from fileagent.agent.engine.changeset import Action, ChangeSet

    copied = ChangeSet(actions=[Action(seq=1, step=1, kind="copy", src="docs/todo.txt", dst="x/todo.txt")])
    plan, _ = planner.plan_request(request_text, root=root, compile=lambda p: copied)  # the model's plan only
    assert plan.to_dict()["steps"][0]["to"] == "~/backup"
    home = make_tree(tmp_path / "home", {})
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'audit.jsonl'}\n", encoding="utf-8")
    env = {
        "FILEAGENT_CONFIG": str(cfg),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "HOME": str(home),
        "NO_COLOR": "1",
        "PATH": os.environ.get("PATH", ""),
    }
    before = read_tree(root)
    err = io.StringIO()
    code = main(["run", "--root", str(root), "--yes", request_text], env=env, stdout=io.StringIO(), stderr=err)
    assert code == 3 and "your home folder" in err.getvalue() and os.path.realpath(root) in err.getvalue()
    assert read_tree(root) == before and not os.listdir(home)

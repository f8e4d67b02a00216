"""The preview: table (first rows + "... N more"), conflicts, totals; JSON lists every action."""

from __future__ import annotations

import io
import json
import re

import pytest

from fileagent.agent.engine.changeset import Action, ChangeSet, Conflict
from fileagent.agent.engine.preview import action_json, fold, preview_document, preview_json, render
from fileagent.agent.plan.model import Plan

PLAN = Plan.from_dict({"version": 1, "steps": [{"op": "move", "select": {"pattern": "*.txt"}, "to": "t"}]})


def changeset(n: int) -> ChangeSet:
    acts = [Action(seq=1, step=1, kind="mkdir", dst="t")]
    acts += [Action(seq=i + 2, step=1, kind="move", src=f"f{i}.txt", dst=f"t/f{i}.txt") for i in range(n)]
    acts.append(Action(seq=n + 2, step=1, kind="write", dst="t/new.md", content="héllo\n".encode(), note="create"))
    return ChangeSet(
        actions=acts, conflicts=[Conflict(step=1, path="t/f0.txt", resolution="rename_new", result="t/f0 (1).txt")]
    )


def test_large_preview_is_summarised_per_folder():
    out = io.StringIO()
    render(PLAN, changeset(500), file=out, no_color=True, max_rows=50, width=80)
    text = out.getvalue()
    assert "Preview: 502 changes, by folder:" in text
    assert "move       500 items -> t/" in text and "f47.txt" not in text
    assert "t/f0 (1).txt" in text and "Totals: 1 mkdir, 500 move, 1 write; 1 conflicts" in text
    assert "\x1b[" not in text


def test_small_preview_one_line_per_action_and_singular():
    out = io.StringIO()
    cs = ChangeSet(actions=[Action(seq=1, step=1, kind="delete", src="old/big", note="folder: 3 files, 2.0 KB")])
    render(PLAN, cs, file=out, no_color=True, width=80)
    text = out.getvalue()
    assert text.startswith("Preview: 1 change:\n")
    assert "  DELETE  old/big  (folder: 3 files, 2.0 KB; backed up, undoable)" in text


@pytest.mark.parametrize("width", [40, 57, 80, 123])
def test_no_name_is_cut_at_any_width(width):
    name = "docs/api-reference/sub-folder-with-long-name/api-reference-final.md"
    cs = ChangeSet(actions=[Action(seq=1, step=1, kind="move", src="docs/api-reference.md", dst=name)])
    out = io.StringIO()
    render(PLAN, cs, file=out, no_color=True, width=width)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= max(width, 40) for line in lines)
    words = " ".join(line.strip() for line in lines)
    for part in name.split("/"):
        assert part in words
    assert name in "".join(line.strip() for line in lines)  # joined back without spaces: the whole path


def test_fold_breaks_only_after_slashes_or_spaces():
    assert fold("  move ", "a/bb/ccc -> d/eee", 13) == ["  move a/bb/", "       ccc ->", "       d/eee"]


def test_json_lists_everything_without_content():
    cs = changeset(300)
    text = preview_json(PLAN, cs, {"status": "done"})
    doc = json.loads(text)
    assert len(doc["changeset"]["actions"]) == 302
    assert doc["changeset"]["actions"] == [action_json(a) for a in cs.actions]
    w = doc["changeset"]["actions"][-1]
    assert w["size"] == 7 and len(w["sha256"]) == 64 and "content" not in w
    assert doc["totals"] == {"mkdir": 1, "move": 300, "write": 1, "conflicts": 1}
    assert doc["result"] == {"status": "done"}
    assert {k: v for k, v in doc.items() if k != "result"} == json.loads(json.dumps(preview_document(PLAN, cs)))


def test_empty_changeset():
    out = io.StringIO()
    render(PLAN, ChangeSet(), file=out, no_color=True)
    assert "Nothing to do" in out.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_deletes_in_colour_and_a_pipe_the_same_lines_plain(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "100")
    cs = ChangeSet(actions=[Action(seq=1, step=1, kind="delete", src="old/big", note="folder: 3 files, 2.0 KB")])
    tty, pipe = _Terminal(), io.StringIO()
    render(PLAN, cs, file=tty)
    render(PLAN, cs, file=pipe)
    assert "\x1b[" in tty.getvalue() and "\x1b[" not in pipe.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", tty.getvalue()) == pipe.getvalue()


@pytest.mark.parametrize("columns", [None, "57", "140"])
def test_a_pipe_is_folded_at_the_width_rich_would_take(monkeypatch, columns):
    from rich.console import Console

    from fileagent.agent.engine import preview

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    plain = preview._console(io.StringIO(), False, None)
    assert isinstance(plain, preview._PlainConsole) and plain.width == Console(file=io.StringIO()).width
    assert preview._console(io.StringIO(), False, 90).width == 90


def test_force_color_keeps_colour_on_a_pipe(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    cs = ChangeSet(actions=[Action(seq=1, step=1, kind="delete", src="old/big", note="folder: 3 files, 2.0 KB")])
    out = io.StringIO()
    render(PLAN, cs, file=out)
    assert "\x1b[" in out.getvalue()
    out = io.StringIO()
    render(PLAN, cs, file=out, no_color=True)  # --no-color or NO_COLOR wins
    assert "\x1b[" not in out.getvalue()

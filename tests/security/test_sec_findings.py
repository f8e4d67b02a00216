"""Focused regressions for what the hardening proofs found (each was first hit by a generated case).

F1  A drive-like first component reached through "..": "docs/../C:x" normalises to "C:x", which
    the Guard refuses when written directly (drive-relative) but accepted this way, and undo then
    refused the journal's "C:x" as a path outside the root: a run nobody could undo or recover.
F2  A deeply nested plan document made json.loads raise RecursionError: exit 1 "unexpected
    RecursionError" instead of a plan error (exit 4).
F3  A plan whose list/read steps sit between changing steps: undo failed with KeyError (the
    journal's grouped done records spanned the seqs of output-only actions it never journaled).
F5  ROOT/.fileagent replaced by a symlink to outside: deleted files' backups went outside the root.
F6  Lone surrogates ("\ud800" escapes) in plan strings: exit 1 "unexpected PydanticSerializationError".
F7  Tag then move of a non-markdown file in one plan: undo refused the run ("changed since the run").
F8  Rename templates: attribute/index access into Python objects, unbounded format widths (DoS).
(F4, the check-then-use race, is proven in test_sec_races.py.)
"""

from __future__ import annotations

import json

import pytest
from sec_kit import Sandbox, run_cli, run_subprocess, subprocess_env


@pytest.fixture
def sb(tmp_path):
    return Sandbox.create(tmp_path / "f", links=False)


@pytest.mark.parametrize(
    "step",
    [
        {"op": "create", "path": "docs/../C:x", "content": "x"},
        {"op": "move", "select": {"path": "a.txt"}, "to": "docs/../C:"},
        {
            "op": "classify",
            "select": {"in": "inbox"},
            "by": "keywords",
            "rules": [{"keywords": ["zz"], "folder": "z"}],
            "default": "../C:",
        },
        {"op": "rename", "path": "a.txt", "new_name": "C:x"},
    ],
)
def test_f1_drive_like_name_is_refused_or_fully_undoable(sb, step):
    before = sb.snapshot()
    r = sb.apply({"version": 1, "steps": [step]})
    assert not r.traceback
    if r.code != 0:
        assert r.code in (3, 4) and sb.snapshot() == before, (r.code, r.err)
        rec = run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)])
        assert rec.code == 0 and sb.snapshot() == before
    else:
        u = run_cli(["undo", "--yes", "--root", str(sb.root), "--config", str(sb.config)])
        assert u.code == 0 and sb.snapshot() == before, u.err


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_f2_deeply_nested_plan_is_a_plan_error(sb, tmp_path, depth):
    text = '{"version": 1, "steps": ' + "[" * depth + "]" * depth + "}"
    r = sb.apply(text)
    assert r.code == 4 and r.one_line_error() and "unexpected" not in r.err, r.err
    plan = tmp_path / "deep.json"
    plan.write_text(text, encoding="utf-8")
    p = run_subprocess(
        ["apply", "--root", str(sb.root), "--config", str(sb.config), "--yes", str(plan)], env=subprocess_env()
    )
    assert p.returncode == 4 and "Traceback" not in p.stderr, p.stderr


@pytest.mark.parametrize(
    "steps",
    [
        [
            {"op": "copy", "select": {"path": "docs"}, "to": "backup"},
            {"op": "list", "select": {"in": "."}},
            {"op": "move", "select": {"path": "a.txt"}, "to": "moved"},
        ],
        [
            {"op": "update", "select": {"path": "notes.md"}, "mode": "append", "text": "x"},
            {"op": "read", "select": {"path": "a.txt"}},
            {"op": "delete", "select": {"path": "data.bin"}},
        ],
        [{"op": "read", "select": {"path": "a.txt"}}, {"op": "create", "path": "n/x.txt", "content": "x"}],
    ],
)
def test_f3_undo_after_a_plan_mixing_output_steps(sb, steps):
    before = sb.snapshot()
    r = sb.apply({"version": 1, "steps": steps})
    assert r.code == 0, r.err
    assert sb.snapshot() != before
    u = run_cli(["undo", "--yes", "--root", str(sb.root), "--config", str(sb.config)])
    assert u.code == 0, u.err
    assert sb.snapshot() == before


@pytest.mark.parametrize("kind", ["link_out", "file"])
def test_f5_state_folder_that_is_a_link_or_a_file_is_refused(sb, kind):
    """F5: ROOT/.fileagent replaced by a symlink to outside sent the backups of deleted and
    overwritten files (and the journal and lock) outside the root."""
    import os

    if kind == "link_out":
        os.symlink(sb.outside, sb.root / ".fileagent")
    else:
        (sb.root / ".fileagent").write_text("not a folder")
    before = sb.snapshot()
    r = sb.apply(
        {
            "version": 1,
            "steps": [
                {"op": "delete", "select": {"path": "a.txt"}},
                {"op": "update", "select": {"path": "notes.md"}, "mode": "set", "text": "x"},
            ],
        }
    )
    # refused by the executor's state-folder check (3), or earlier when the compiler cannot read the tag index (4)
    assert r.code in (3, 4) and r.one_line_error() and ".fileagent" in r.err, r.err
    assert sb.snapshot() == before
    for cmd in ("undo", "recover"):
        u = run_cli([cmd, "--root", str(sb.root), "--config", str(sb.config)])
        assert u.code == 3 and not u.traceback and sb.snapshot() == before


@pytest.mark.parametrize(
    "text",
    [
        '{"version": 1, "steps": [{"op": "copy", "select": {"path": "docs"}, "to": "\\ud800"}]}',
        '{"version": 1, "steps": [{"op": "rename", "select": {"in": "inbox"}, "template": "x\\udfff{n}"}]}',
    ],
)
def test_f6_lone_surrogates_are_a_plan_error(sb, text):
    """F6: a JSON "\\ud800" escape decodes to a lone surrogate: exit 1 "unexpected PydanticSerializationError"."""
    before = sb.snapshot()
    r = sb.apply(text)
    assert r.code == 4 and r.one_line_error() and "unexpected" not in r.err, r.err
    assert sb.snapshot() == before


def test_f7_tag_then_move_of_a_plain_file_is_undoable(sb):
    """F7: tags of a non-markdown file live in the tag index and follow the file when a later step
    moves it; undo refused such a run ("changed since the run") because the follow action's recorded
    old tags were read before the earlier tag action of the same group ran."""
    before = sb.snapshot()
    plan = {
        "version": 1,
        "steps": [
            {"op": "tag", "select": {"in": "docs", "recursive": True}, "tags": ["x", "y"]},
            {
                "op": "classify",
                "select": {"in": "docs", "recursive": True},
                "by": "keywords",
                "rules": [{"keywords": ["body"], "folder": "bodies"}],
                "default": "other",
            },
        ],
    }
    r = sb.apply(plan)
    assert r.code == 0, r.err
    u = run_cli(["undo", "--yes", "--root", str(sb.root), "--config", str(sb.config)])
    assert u.code == 0, u.err
    assert sb.snapshot() == before
    assert json.loads((sb.root / ".fileagent" / "tags.json").read_text(encoding="utf-8")) == {}


@pytest.mark.parametrize(
    "template",
    [
        "{stem.__class__.__mro__}",
        "{name.__doc__}",
        "{n.real}",
        "{stem[0]}",
        "{n:99999999999999}",
        "{n:>99999999}",
        "{name!r}",
        "{n:{n}}",
    ],
)
def test_f8_rename_template_is_names_and_small_formats_only(sb, template):
    """F8: a batch-rename template is str.format: attribute/index access reached Python internals
    ("{stem.__class__.__mro__}" renamed files to "(<class 'str'>, <class 'object'>)"), and a huge
    width allocated without bound ("{n:99999999999999}": unexpected MemoryError; "{n:>99999999}":
    20 s of CPU and 100 MB per name). Only {stem} {ext} {name} {n} {date} with a small format are a plan."""
    import time

    before = sb.snapshot()
    t0 = time.perf_counter()
    r = sb.apply({"version": 1, "steps": [{"op": "rename", "select": {"in": "inbox"}, "template": template}]})
    assert r.code == 4 and r.one_line_error() and "unexpected" not in r.err, r.err
    assert time.perf_counter() - t0 < 5
    assert sb.snapshot() == before


@pytest.mark.parametrize("template", ["{stem}-{n:03}.{ext}", "{date}_{name}", "{n}", "x{n:2}{ext}"])
def test_f8_ordinary_templates_still_work(sb, template):
    r = sb.apply({"version": 1, "steps": [{"op": "rename", "select": {"in": "inbox"}, "template": template}]})
    assert r.code == 0, r.err

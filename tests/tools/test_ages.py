"""Relative ages: older_than / newer_than resolved against the compile time, shown as dates."""

from __future__ import annotations

import io
import os
import time
from datetime import datetime

import pytest

from fileagent.agent.engine.preview import preview_document, render
from fileagent.agent.plan.io import validate_plan_dict
from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError
from fileagent.tools.ages import age_words, cutoff, parse_age
from tests.tools.capkit import Kit, cli, plan_file

DAY = 86400


def _age(root, rel, days):
    t = time.time() - days * DAY
    os.utime(root / rel, (t, t))


@pytest.fixture
def kit(tmp_path, make_tree):
    root = make_tree(
        tmp_path / "r",
        {
            "new.txt": "n",
            "month.txt": "m",
            "old.txt": "o",
            "ancient.log": "a",
            "sub/old2.txt": "o2",
        },
    )
    for rel, days in (
        ("new.txt", 2),
        ("month.txt", 45),
        ("old.txt", 400),
        ("ancient.log", 4000),
        ("sub/old2.txt", 500),
    ):
        _age(root, rel, days)
    return Kit(root, tmp_path / "audit.jsonl")


@pytest.mark.parametrize(
    "now,age,expected",
    [
        (datetime(2024, 3, 31, 10, 0), "1m", datetime(2024, 2, 29, 10, 0)),
        (datetime(2024, 3, 31, 10, 0), "13m", datetime(2023, 2, 28, 10, 0)),
        (datetime(2024, 2, 29, 8, 30), "1y", datetime(2023, 2, 28, 8, 30)),
        (datetime(2024, 1, 15), "2w", datetime(2024, 1, 1)),
        (datetime(2024, 1, 15), "30d", datetime(2023, 12, 16)),
        (datetime(2024, 1, 15), "1m", datetime(2023, 12, 15)),
    ],
)
def test_cutoff_counts_back_on_the_calendar(now, age, expected):
    assert cutoff(now, age) == expected


def test_age_words_and_bad_ages():
    assert age_words("1y") == "1 year" and age_words("30d") == "30 days"
    for bad in ("0d", "1", "d", "1h", "-1d", "1.5y"):
        with pytest.raises(ValueError):
            parse_age(bad)


def test_older_than_and_newer_than_select_by_mtime(kit):
    cs = kit.compile([{"op": "list", "select": {"recursive": True, "filters": {"older_than": "1y"}}}])
    assert cs.outputs == [(1, "list", "ancient.log\nold.txt\nsub/old2.txt")]
    cs = kit.compile([{"op": "list", "select": {"filters": {"newer_than": "30d"}}}])
    assert cs.outputs == [(1, "list", "new.txt")]
    cs = kit.compile(
        [
            {
                "op": "list",
                "select": {"filters": {"older_than": "30d", "newer_than": "1y"}},
            }
        ]
    )
    assert cs.outputs == [(1, "list", "month.txt")]


def test_the_resolved_date_is_in_the_preview(kit):
    cs = kit.compile([{"op": "delete", "select": {"filters": {"older_than": "1y"}}}])
    day = cutoff(datetime.now(), "1y").strftime("%Y-%m-%d")
    ((step, note),) = cs.notes
    assert step == 1 and f"modified before {day}" in note and "older than 1 year" in note
    plan = validate_plan_dict({"steps": [{"op": "delete", "select": {"filters": {"older_than": "1y"}}}]})
    out = io.StringIO()
    render(plan, cs, file=out, no_color=True, width=120)
    assert f"modified before {day}" in out.getvalue() and "older than 1 year" in out.getvalue()
    assert preview_document(plan, cs)["changeset"]["notes"] == [[1, note]]


def test_delete_old_files_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    _, report = kit.run(
        [
            {
                "op": "delete",
                "select": {"recursive": True, "filters": {"older_than": "1y"}},
            }
        ]
    )
    assert report.counts == {"delete": 3}
    assert set(read_tree(kit.root)) == {"new.txt", "month.txt", "sub/"}
    kit.undo()
    assert read_tree(kit.root) == before


def test_bad_age_is_one_line_exit_4(kit, tmp_path):
    p = plan_file(tmp_path, [{"op": "delete", "select": {"filters": {"older_than": "1 year"}}}])
    code, out, err = cli(["apply", "--root", str(kit.root), "--yes", p], tmp_path)
    assert code == 4 and err.count("\n") == 1 and "older_than" in err, err
    with pytest.raises(PlanError, match='needs "version": 2'):
        validate_plan_dict(
            {
                "version": 1,
                "steps": [{"op": "list", "select": {"filters": {"newer_than": "1d"}}}],
            }
        )


def test_cli_apply_json_preview_has_the_date(kit, tmp_path):
    p = plan_file(
        tmp_path,
        [{"op": "move", "select": {"filters": {"older_than": "6m"}}, "to": "old"}],
    )
    code, out, err = cli(["apply", "--root", str(kit.root), "--json", p], tmp_path)
    assert code == 0, err
    day = cutoff(datetime.now(), "6m").strftime("%Y-%m-%d")
    assert f"modified before {day}" in out and '"old/ancient.log"' in out


def test_text_form_round_trip():
    text = 'move in="downloads" older=1y newer=20y to="old"'
    plan = from_text(text)
    assert plan.steps[0].select.filters.older_than == "1y" and plan.steps[0].select.filters.newer_than == "20y"
    assert to_text(plan) == text
    with pytest.raises(PlanError):
        from_text("list older=5x")

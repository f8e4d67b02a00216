from __future__ import annotations

import json

import pytest

from fileagent.agent.plan.io import load_plan_text, validate_plan_dict
from fileagent.agent.plan.model import Plan
from fileagent.errors import ExitStatus, PlanError


def test_valid_plan_round_trips():
    plan = load_plan_text(
        json.dumps(
            {
                "steps": [
                    {"op": "move", "select": {"in": "inbox", "filters": {"ext": ["pdf"]}}, "to": "archive"},
                    {"op": "rename", "path": "a.txt", "new_name": "b.txt"},
                ]
            }
        )
    )
    assert isinstance(plan, Plan) and plan.steps[0].to == "archive"
    assert validate_plan_dict(plan.to_dict()) == plan


@pytest.mark.parametrize(
    "text, where, problem",
    [
        ("{", "not valid JSON", "line 1, column 2"),
        ("[]", "$", "is not of type 'object'"),
        ('{"steps": []}', "$.steps", "non-empty"),
        ('{"steps": [{"op": "explode"}]}', "$.steps[0]", "unknown op 'explode'"),
        ('{"steps": [{"op": "move", "select": {"path": "a"}}]}', "$.steps[0]", "'to' is a required property"),
        ('{"steps": [{"op": "move", "select": {"path": "a"}, "to": 3}]}', "$.steps[0].to", "not of type 'string'"),
        (
            '{"steps": [{"op": "list", "select": {"filters": {"larger_than": -1}}}]}',
            "$.steps[0].select.filters.larger_than",
            "minimum",
        ),
        ('{"steps": [{"op": "list", "select": {"colour": "red"}}]}', "$.steps[0].select", "colour"),
        (
            '{"steps": [{"op": "update", "select": {"path": "a"}, "mode": "replace", "text": "x"}]}',
            "$.steps[0]",
            "needs 'find'",
        ),
        (
            '{"steps": [{"op": "list", "select": {"filters": {"modified_after": "2024-13-01"}}}]}',
            "$.steps[0].select.filters.modified_after",
            "month",
        ),
        ('{"version": 3, "steps": [{"op": "list", "select": {}}]}', "$.version", "[1, 2]"),
        (
            '{"version": 1, "steps": [{"op": "list", "select": {"filters": {"empty": true}}}]}',
            "$.steps[0].select.filters.empty",
            'needs "version": 2',
        ),
    ],
)
def test_bad_plans_are_one_clear_line(text, where, problem):
    with pytest.raises(PlanError) as ei:
        load_plan_text(text)
    msg = str(ei.value)
    assert "\n" not in msg and where in msg and problem in msg, msg
    assert ei.value.exit_status == ExitStatus.NO_PLAN

"""The plan dataclasses: held to the committed plan.schema.json (so the two cannot drift), built
from JSON through Plan.from_dict (schema check, dates, cross-field rules), serialised exactly as the
pydantic models were (the JSON of `fileagent plan --json` and the plan hash depend on it)."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys
import types
from datetime import date
from typing import Literal, Union, get_args, get_origin, get_type_hints

import pytest

from fileagent.agent.plan import model as P
from fileagent.agent.plan.model import STEP_TYPES, Plan, plan_json_schema
from fileagent.errors import ExitStatus, PlanError

SCHEMA = plan_json_schema()
ANNOTATIONS = ("title", "description", "default", "minItems", "minimum", "discriminator", "pattern")
CLASSES = {name: getattr(P, name) for name in SCHEMA["$defs"]} | {"Plan": Plan}


def _definition(name: str) -> dict:
    return SCHEMA if name == "Plan" else SCHEMA["$defs"][name]


def _key(f: dataclasses.Field) -> str:
    return f.metadata.get("alias", f.name)


def _has_default(f: dataclasses.Field) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def _expected(hint) -> dict:
    """The schema fragment a field's type stands for (annotations and numeric bounds left out)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if type(None) in args:
            (only,) = inner
            return {"anyOf": [_expected(only), {"type": "null"}]}
        return {"oneOf": [_expected(a) for a in inner]}
    if origin is Literal:
        kind = {str: "string", int: "integer"}[type(args[0])]
        return {"const": args[0], "type": kind} if len(args) == 1 else {"enum": list(args), "type": kind}
    if origin is list:
        return {"items": _expected(args[0]), "type": "array"}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    return {
        str: {"type": "string"},
        int: {"type": "integer"},
        bool: {"type": "boolean"},
        date: {"format": "date", "type": "string"},
    }[hint]


def _strip(s):
    if isinstance(s, dict):
        return {k: _strip(v) for k, v in s.items() if k not in ANNOTATIONS}
    if isinstance(s, list):
        return [_strip(v) for v in s]
    return s


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_dataclass_matches_the_committed_schema(name):
    cls, d = CLASSES[name], _definition(name)
    fields, hints, props = dataclasses.fields(cls), get_type_hints(cls), d["properties"]
    assert [_key(f) for f in fields] == list(props), "field names (and JSON key order) differ"
    assert {_key(f) for f in fields if not _has_default(f)} == set(d.get("required", ()))
    assert d["additionalProperties"] is False  # from_dict reads declared fields only
    for f in fields:
        prop = props[_key(f)]
        assert _expected(hints[f.name]) == _strip(prop), f.name  # types, enums, consts
        if _has_default(f):
            assert prop["default"] == f.default, f.name
        else:
            assert "default" not in prop, f.name
        assert f.metadata.get("description") == prop.get("description"), f.name
    own_doc = cls.__doc__ if not cls.__doc__.startswith(cls.__name__ + "(") else None  # dataclass's own
    assert (inspect.cleandoc(own_doc) if own_doc else None) == d.get("description")


def test_steps_are_the_schema_step_kinds_in_order():
    items = SCHEMA["properties"]["steps"]["items"]
    assert [b["$ref"] for b in items["oneOf"]] == [f"#/$defs/{c.__name__}" for c in STEP_TYPES.values()]
    assert items["discriminator"]["mapping"] == {op: f"#/$defs/{c.__name__}" for op, c in STEP_TYPES.items()}
    assert all(get_args(get_type_hints(c)["op"]) == (op,) for op, c in STEP_TYPES.items())
    assert P.OPS == tuple(STEP_TYPES)


# ------------------------------------------------------------ serialising

# What pydantic's model_dump_json(by_alias=True, exclude_none=True, indent=2) wrote for this plan:
# non-ASCII raw, control characters escaped, "in", defaults kept, None left out, 1024.0 -> 1024.
GOLDEN_IN = {
    "version": 1,
    "steps": [
        {
            "op": "move",
            "select": {
                "in": "收件箱",
                "pattern": "*.pdf",
                "filters": {
                    "ext": ["pdf"],
                    "larger_than": 1024.0,
                    "modified_after": "2024-02-29",
                    "name_regex": '^a\\d+\t"q"\u2028\x7f',
                },
            },
            "to": "archive/é",
        },
        {"op": "create", "path": "notes.md"},
        {
            "op": "classify",
            "select": {"path": "docs", "filters": None},
            "by": "keywords",
            "rules": [{"keywords": ["kubernetes", "k8s"], "folder": "ops"}],
            "default": "other",
        },
        {"op": "tag", "select": {"recursive": True, "kind": "any"}, "tags": ["😀"]},
    ],
}
GOLDEN_OUT = (
    '{\n  "version": 1,\n  "steps": [\n    {\n      "op": "move",\n      "select": {\n        "in": "收件箱",\n'
    '        "pattern": "*.pdf",\n        "recursive": false,\n        "kind": "file",\n        "filters": {\n'
    '          "ext": [\n            "pdf"\n          ],\n          "name_regex": "^a\\\\d+\\t\\"q\\"\u2028\x7f",\n'
    '          "larger_than": 1024,\n          "modified_after": "2024-02-29"\n        }\n      },\n'
    '      "to": "archive/é"\n    },\n    {\n      "op": "create",\n      "path": "notes.md",\n      "kind": "file",\n'
    '      "content": ""\n    },\n    {\n      "op": "classify",\n      "select": {\n        "path": "docs",\n'
    '        "recursive": false,\n        "kind": "file"\n      },\n      "by": "keywords",\n      "rules": [\n'
    '        {\n          "keywords": [\n            "kubernetes",\n            "k8s"\n          ],\n'
    '          "folder": "ops"\n        }\n      ],\n      "default": "other"\n    },\n    {\n      "op": "tag",\n'
    '      "select": {\n        "recursive": true,\n        "kind": "any"\n      },\n      "tags": [\n'
    '        "😀"\n      ],\n      "remove": false\n    }\n  ]\n}'
)


def test_to_json_is_what_pydantic_wrote():
    plan = Plan.from_dict(GOLDEN_IN)
    assert plan.to_json() == GOLDEN_OUT
    assert plan.to_dict() == __import__("json").loads(GOLDEN_OUT)
    assert Plan.from_dict(plan.to_dict()) == plan


def test_built_values_have_python_types():
    plan = Plan.from_dict(GOLDEN_IN)
    f = plan.steps[0].select.filters
    assert f.modified_after == date(2024, 2, 29) and f.larger_than == 1024 and type(f.larger_than) is int
    assert plan.steps[0].select.in_ == "收件箱" and plan.steps[2].rules[0].folder == "ops"
    assert isinstance(plan.steps[3], P.TagStep) and plan.steps[3].remove is False


def test_plans_are_frozen_comparable_and_own_their_lists():
    d = {"steps": [{"op": "tag", "select": {"path": "a.md"}, "tags": ["x"]}]}
    a, b = Plan.from_dict(d), Plan.from_dict(d)
    assert a == b and a is not b and a != Plan.from_dict({"steps": [{"op": "list", "select": {"path": "a.md"}}]})
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.steps[0].select.path = "b.md"  # type: ignore[misc]
    assert hash(a.steps[0].select) == hash(b.steps[0].select)
    d["steps"][0]["tags"].append("y")
    assert a.steps[0].tags == ["x"]


# ------------------------------------------------------------- rejecting

FILTERS = "$.steps[0].select.filters"


def _filters(**filters) -> dict:
    return {"op": "list", "select": {"filters": filters}}


@pytest.mark.parametrize(
    "step, where, problem",
    [
        (
            {"op": "list", "select": {"path": "a", "pattern": "*"}},
            "$.steps[0].select",
            "a selection has either 'path' or 'in'/'pattern'/'recursive', not both",
        ),
        (
            {"op": "list", "select": {"path": "a", "recursive": True}},
            "$.steps[0].select",
            "a selection has either 'path' or 'in'/'pattern'/'recursive', not both",
        ),
        (
            {"op": "update", "select": {"path": "a"}, "mode": "replace_regex", "text": "x", "find": ""},
            "$.steps[0]",
            "update mode 'replace_regex' needs 'find'",
        ),
        (
            {"op": "update", "select": {"path": "a"}, "mode": "append", "text": "x", "find": "y"},
            "$.steps[0]",
            "update mode 'append' takes no 'find'",
        ),
        (
            {"op": "rename", "path": "a", "new_name": "b", "set_ext": "md"},
            "$.steps[0]",
            "rename of one item takes 'path' and 'new_name' only",
        ),
        (
            {"op": "rename", "select": {"in": "x"}, "set_ext": "md", "add_prefix": "p"},
            "$.steps[0]",
            "batch rename takes 'select' and exactly one of set_ext/add_prefix/add_suffix/template/case",
        ),
        (
            {"op": "rename", "new_name": "b"},
            "$.steps[0]",
            "rename needs 'path' + 'new_name' or 'select' + a batch field",
        ),
        (
            {"op": "rename", "select": {"path": "a", "in": "b"}, "set_ext": "md"},
            "$.steps[0].select",
            "a selection has either 'path' or 'in'/'pattern'/'recursive', not both",
        ),
        ({"op": "classify", "select": {}, "by": "keywords"}, "$.steps[0]", "classify by keywords needs 'rules'"),
        (
            {"op": "classify", "select": {}, "by": "keywords", "rules": []},
            "$.steps[0]",
            "classify by keywords needs 'rules'",
        ),
        (
            {"op": "classify", "select": {}, "rules": [{"keywords": ["a"], "folder": "f"}]},
            "$.steps[0]",
            "'rules' only goes with by=keywords",
        ),
        (
            {"op": "classify", "select": {}, "by": "type", "rule_set": "docs"},
            "$.steps[0]",
            "'rule_set' only goes with by=rule_set",
        ),
        (
            _filters(modified_before="2023-02-29"),
            f"{FILTERS}.modified_before",
            "Input should be a valid date or datetime, day value is outside expected range",
        ),
        (
            _filters(modified_after="0000-01-01"),
            f"{FILTERS}.modified_after",
            "Input should be a valid date in the format YYYY-MM-DD, year 0 is out of range",
        ),
        (
            _filters(modified_after="2024-1-5"),
            f"{FILTERS}.modified_after",
            "Input should be a valid date in the format YYYY-MM-DD",
        ),
        (
            _filters(modified_after="２０２４-01-05"),
            f"{FILTERS}.modified_after",
            "Input should be a valid date in the format YYYY-MM-DD",
        ),
        (
            _filters(smaller_than=1e19),
            f"{FILTERS}.smaller_than",
            "Unable to parse input string as an integer, exceeded maximum size",
        ),
        # a step's own rule is checked only once its fields are valid (pydantic's order)
        (
            {
                "op": "update",
                "select": {"path": "a", "filters": {"modified_after": "x"}},
                "mode": "set",
                "text": "",
                "find": "y",
            },
            f"{FILTERS}.modified_after",
            "Input should be a valid date in the format YYYY-MM-DD",
        ),
    ],
)
def test_rules_beyond_the_schema_are_one_line_with_the_path(step, where, problem):
    with pytest.raises(PlanError) as ei:
        Plan.from_dict({"steps": [step]})
    msg = str(ei.value)
    assert msg.startswith(f"plan invalid at {where}: ") and msg.endswith(problem) and "\n" not in msg, msg
    assert ei.value.exit_status == ExitStatus.NO_PLAN


def test_first_bad_step_is_reported():
    with pytest.raises(PlanError, match=r"^plan invalid at \$\.steps\[1\]: update mode"):
        Plan.from_dict(
            {
                "steps": [
                    {"op": "list", "select": {}},
                    {"op": "update", "select": {"path": "a"}, "mode": "set", "text": "", "find": "x"},
                    {"op": "list", "select": {"path": "a", "pattern": "b"}},
                ]
            }
        )


@pytest.mark.parametrize(
    "d, where, problem",
    [
        ({"steps": [{"op": "list", "select": {"path": 3}}]}, "$.steps[0].select.path", "not of type 'string'"),
        ({"steps": [{"op": "list", "select": {}, "extra": 1}]}, "$.steps[0]", "extra"),
        ({"steps": [{"op": "list", "select": {"in_": "x"}}]}, "$.steps[0].select", "in_"),
        ({"steps": [{"op": "explode"}]}, "$.steps[0]", "unknown op 'explode'"),
        ([1], "$", "not of type 'object'"),
    ],
)
def test_from_dict_checks_the_schema_itself(d, where, problem):
    """Every way of building a plan goes through the schema: a dict nobody checked cannot become a Plan."""
    with pytest.raises(PlanError) as ei:
        Plan.from_dict(d)
    msg = str(ei.value)
    assert msg.startswith(f"plan invalid at {where}: ") and problem in msg and "\n" not in msg, msg


def test_direct_construction_keeps_the_cross_field_rules():
    with pytest.raises(ValueError, match="not both"):
        P.Selection(path="a", pattern="*")
    assert P.Selection(in_="x").to_dict() == {"in": "x", "recursive": False, "kind": "file"}


def test_plan_modules_do_not_import_pydantic():
    code = (
        "import sys, fileagent.agent.plan.model, fileagent.agent.plan.io, fileagent.agent.plan.text, "
        "fileagent.agent.planner.planner, fileagent.agent.planner.grammar, fileagent.agent.engine.preview; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'jsonschema')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

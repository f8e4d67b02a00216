"""schema_check's quick verdict must agree with jsonschema's on the committed plan schema.

Valid plans come from the corpus (every op, selection and filter); invalid ones are those
plans mutated one or two edits at a time (keys dropped or added, values of other types,
unknown ops, bools for numbers, floats for integers, empty lists...).
"""

from __future__ import annotations

import copy
import json
import random

import pytest
from jsonschema import Draft202012Validator

from fileagent.agent.plan.model import SCHEMA_PATH
from fileagent.agent.plan.schema_check import UnsupportedSchema, compile_schema
from fileagent.agent.plan.text import from_text
from fileagent.agent.planner.training.corpus import generate


def plan_examples(*args, **kw):
    """The corpus's examples whose target is a plan (not a refusal reading)."""
    return [e for e in generate(*args, **kw) if not e.tgt.startswith("none ")]


SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
QUICK = compile_schema(SCHEMA)
FULL = Draft202012Validator(SCHEMA)

ODD = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.0,
    2.5,
    -3.0,
    2**70,
    "",
    "x",
    "pdf",
    "2024-01-01",
    [],
    ["pdf"],
    [1],
    {},
    {"a": 1},
    "move",
    "keywords",
    "dir",
    "append",
]
KEYS = [
    "op",
    "select",
    "path",
    "in",
    "pattern",
    "recursive",
    "kind",
    "filters",
    "to",
    "mode",
    "text",
    "find",
    "content",
    "new_name",
    "set_ext",
    "add_prefix",
    "add_suffix",
    "template",
    "by",
    "rules",
    "default",
    "rule_set",
    "dest",
    "tags",
    "remove",
    "ext",
    "larger_than",
    "smaller_than",
    "modified_after",
    "modified_before",
    "contains",
    "tag",
    "name_regex",
    "version",
    "steps",
    "keywords",
    "folder",
    "extra",
]


def corpus_plans(n: int) -> list[dict]:
    plans, seen = [], set()
    for e in plan_examples(n, seed=7):
        if e.tgt not in seen:
            seen.add(e.tgt)
            plans.append(from_text(e.tgt).to_dict())
    return plans


def _nodes(doc, path=()):
    yield path, doc
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _nodes(v, path + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _nodes(v, path + (i,))


def mutate(doc, rnd: random.Random):
    doc = copy.deepcopy(doc)
    path, node = rnd.choice(list(_nodes(doc)))
    kind = rnd.randrange(6)
    if kind == 0 and isinstance(node, dict) and node:
        del node[rnd.choice(list(node))]
    elif kind == 1 and isinstance(node, dict):
        node[rnd.choice(KEYS)] = rnd.choice(ODD)
    elif kind == 2 and isinstance(node, list):
        if node and rnd.random() < 0.5:
            node.pop(rnd.randrange(len(node)))
        else:
            node.append(rnd.choice(ODD) if rnd.random() < 0.5 or not node else copy.deepcopy(node[0]))
    elif path:
        parent = doc
        for p in path[:-1]:
            parent = parent[p]
        parent[path[-1]] = rnd.choice(ODD)
    else:
        doc = rnd.choice(ODD)
    return doc


def test_valid_corpus_plans_pass_both():
    plans = corpus_plans(3000)
    assert len(plans) > 1000
    for d in plans:
        assert FULL.is_valid(d), d
        assert QUICK(d), d


def test_verdicts_agree_on_mutated_plans():
    rnd = random.Random(3)
    plans = corpus_plans(1500)
    counts = {True: 0, False: 0}
    for _ in range(6000):
        d = mutate(rnd.choice(plans), rnd)
        if rnd.random() < 0.4:
            d = mutate(d, rnd) if isinstance(d, dict) else d
        expected = FULL.is_valid(d)
        assert QUICK(d) == expected, d
        counts[expected] += 1
    assert counts[False] > 2000 and counts[True] > 300  # both verdicts well exercised


@pytest.mark.parametrize(
    "value, valid",
    [
        ({"version": 1, "steps": []}, False),  # minItems
        ({"version": True, "steps": [{"op": "list", "select": {"in": "a"}}]}, False),  # True is not 1
        ({"version": 1.0, "steps": [{"op": "list", "select": {"in": "a"}}]}, True),  # 1.0 is 1
        ({"steps": [{"op": "list", "select": {"in": "a", "filters": {"larger_than": -1}}}]}, False),
        ({"steps": [{"op": "list", "select": {"in": "a", "filters": {"larger_than": 2.0}}}]}, True),
        ({"steps": [{"op": "list", "select": {"in": "a", "filters": {"larger_than": False}}}]}, False),
        ({"steps": [{"op": "list", "select": {"in": "a", "filters": {"modified_after": "not a date"}}}]}, True),
        ({"steps": [{"op": "list", "select": {"in": "a"}, "x": 1}]}, False),  # additionalProperties
        ({"steps": [{"op": "nope", "select": {"in": "a"}}]}, False),  # no oneOf branch
    ],
)
def test_edge_cases_match_jsonschema(value, valid):
    assert FULL.is_valid(value) is valid
    assert QUICK(value) is valid


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "maxLength": 3},
        {"type": "object", "patternProperties": {"a": {}}},
        {"$ref": "#/$defs/Missing"},
        {"additionalProperties": {"type": "string"}},
    ],
)
def test_unknown_keywords_are_refused_not_skipped(schema):
    with pytest.raises(UnsupportedSchema):
        compile_schema(schema)


@pytest.mark.parametrize("value", ["1y", "30d", "12345w", "0d", "1", "1yy", "x1y", "", 5, None])
def test_pattern_agrees_with_jsonschema(value):
    from jsonschema import Draft202012Validator

    schema = {"type": ["string", "integer", "null"], "pattern": "^[1-9][0-9]{0,4}[dwmy]$"}
    assert compile_schema(schema)(value) == Draft202012Validator(schema).is_valid(value)

"""fileagent.config.schema: the small dataclass validator behind config.yaml (no pydantic)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pytest

from fileagent.config.schema import SchemaError, build, format_loc


def _no_tabs(v: str) -> None:
    if "\t" in v:
        raise ValueError("no tabs please")


@dataclass(kw_only=True)
class Leaf:
    name: str
    tags: list[str] = field(default_factory=list, metadata={"min_length": 1})


@dataclass(kw_only=True)
class Node:
    count: int = field(default=1, metadata={"ge": 1})
    flag: bool = True
    mode: Literal["a", "b"] = "a"
    note: str | None = None
    text: str = field(default="", metadata={"check": _no_tabs})
    leaf: Leaf = field(default_factory=lambda: Leaf(name="x", tags=["t"]))
    leaves: dict[str, Leaf] = field(default_factory=dict)
    first: str = ""

    def __post_init__(self) -> None:
        if self.first and self.first not in self.leaves:
            raise ValueError(f"first {self.first!r} is not one of leaves")


def problems(data) -> list[tuple[str, str]]:
    with pytest.raises(SchemaError) as ei:
        build(Node, data)
    return [(format_loc(loc), msg) for loc, msg in ei.value.problems]


def test_defaults_and_a_full_document():
    assert build(Node, {}) == Node()
    n = build(
        Node,
        {
            "count": 3,
            "flag": False,
            "mode": "b",
            "note": "n",
            "text": "t",
            "leaf": {"name": "l", "tags": ["a"]},
            "leaves": {"k": {"name": "k"}},
            "first": "k",
        },
    )
    assert n == Node(
        count=3,
        flag=False,
        mode="b",
        note="n",
        text="t",
        leaf=Leaf(name="l", tags=["a"]),
        leaves={"k": Leaf(name="k")},
        first="k",
    )
    assert isinstance(n.leaves["k"], Leaf) and n.leaves["k"].tags == []


def test_an_instance_is_taken_as_is():
    leaf = Leaf(name="z")
    assert build(Node, {"leaf": leaf}).leaf is leaf


def test_unknown_keys_top_level_and_nested():
    assert problems({"colour": 1}) == [("colour", "unknown key")]
    assert problems({"leaf": {"name": "x", "size": 2}}) == [("leaf.size", "unknown key")]
    assert problems({"leaves": {"k": {"name": "k", "zz": 0}}}) == [("leaves.k.zz", "unknown key")]
    assert problems({1: "x"}) == [("1", "Keys should be strings")]


def test_every_problem_in_field_order_then_unknown_keys():
    assert problems({"zz": 1, "mode": "c", "count": 0}) == [
        ("count", "Input should be greater than or equal to 1"),
        ("mode", "Input should be 'a' or 'b'"),
        ("zz", "unknown key"),
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        (5, 5),
        ("12", 12),
        (" 12 ", 12),
        ("+5", 5),
        ("1_000", 1000),
        ("12.00", 12),
        (12.0, 12),
        (True, 1),
        (b"7", 7),
    ],
)
def test_int_accepts_what_pydantic_lax_mode_accepted(value, expected):
    assert build(Node, {"count": value}).count == expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("lots", "Input should be a valid integer, unable to parse string as an integer"),
        ("0x10", "Input should be a valid integer, unable to parse string as an integer"),
        ("5.", "Input should be a valid integer, unable to parse string as an integer"),
        (12.5, "Input should be a valid integer, got a number with a fractional part"),
        (float("inf"), "Input should be a finite number"),
        (None, "Input should be a valid integer"),
        ([1], "Input should be a valid integer"),
        (0, "Input should be greater than or equal to 1"),
        (False, "Input should be greater than or equal to 1"),
    ],
)
def test_int_rejects(value, message):
    assert problems({"count": value}) == [("count", message)]


@pytest.mark.parametrize(
    "value, expected",
    [
        (False, False),
        ("yes", True),
        ("Off", False),
        ("t", True),
        ("0", False),
        (1, True),
        (0.0, False),
    ],
)
def test_bool_accepts(value, expected):
    assert build(Node, {"flag": value}).flag is expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("maybe", "Input should be a valid boolean, unable to interpret input"),
        ("true ", "Input should be a valid boolean, unable to interpret input"),
        (2, "Input should be a valid boolean, unable to interpret input"),
        (0.5, "Input should be a valid boolean"),
        (None, "Input should be a valid boolean"),
    ],
)
def test_bool_rejects(value, message):
    assert problems({"flag": value}) == [("flag", message)]


def test_str_optional_and_literal():
    assert build(Node, {"note": None}).note is None
    assert build(Node, {"note": b"hi"}).note == "hi"
    assert problems({"note": 5}) == [("note", "Input should be a valid string")]
    assert problems({"text": True}) == [("text", "Input should be a valid string")]
    assert problems({"mode": None}) == [("mode", "Input should be 'a' or 'b'")]
    assert problems({"mode": 1}) == [("mode", "Input should be 'a' or 'b'")]


def test_lists_and_dicts():
    assert build(Leaf, {"name": "n", "tags": ("a", "b")}).tags == ["a", "b"]
    assert problems({"leaf": {"name": "n", "tags": "a"}}) == [("leaf.tags", "Input should be a valid list")]
    assert problems({"leaf": {"name": "n", "tags": ["a", 2, None]}}) == [
        ("leaf.tags.1", "Input should be a valid string"),
        ("leaf.tags.2", "Input should be a valid string"),
    ]
    assert problems({"leaf": {"name": "n", "tags": []}}) == [
        ("leaf.tags", "List should have at least 1 item after validation, not 0")
    ]
    assert problems({"leaves": []}) == [("leaves", "Input should be a valid dictionary")]
    assert problems({"leaves": {1: {"name": "n"}}}) == [("leaves.1.[key]", "Input should be a valid string")]
    assert problems({"leaves": {"k": 5}}) == [("leaves.k", "Input should be a valid dictionary or instance of Leaf")]


def test_required_fields():
    assert problems({"leaf": {}}) == [("leaf.name", "Field required")]


def test_field_check_and_dataclass_rule():
    assert problems({"text": "a\tb"}) == [("text", "no tabs please")]
    # the rule across fields is reported at the dataclass's own key, and only when its fields are valid
    assert problems({"first": "k"}) == [("(top level)", "first 'k' is not one of leaves")]
    assert problems({"first": "k", "count": 0}) == [("count", "Input should be greater than or equal to 1")]


def test_not_a_mapping():
    assert problems([1]) == [("(top level)", "Input should be a valid dictionary or instance of Node")]


def test_error_text_joins_every_problem_on_one_line():
    with pytest.raises(SchemaError) as ei:
        build(Node, {"count": 0, "zz": 1})
    assert str(ei.value) == "count: Input should be greater than or equal to 1; zz: unknown key"
    assert isinstance(ei.value, ValueError)


def test_unsupported_types_are_a_programming_error():
    @dataclass
    class Odd:
        x: float = 0.0

    with pytest.raises(TypeError, match="does not support"):
        build(Odd, {"x": 1.0})

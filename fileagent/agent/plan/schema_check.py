"""A quick yes/no check of a JSON value against plan.schema.json.

Importing jsonschema and building its validator takes about 45 ms, a sixth of
`fileagent plan`'s whole run, for a check whose answer is nearly always "valid".
This checker knows exactly the keywords the committed schema uses (below) and
refuses a schema with any other, so it can never skip a rule it does not know.
It only answers valid or not: `plan.io` sends a plan it rejects to jsonschema,
which then writes the error message. tests/agent/plan/test_schema_check.py holds it
to jsonschema's verdict on valid plans and on thousands of mutated ones.

Semantics follow Draft 2020-12 as jsonschema applies it by default: `format` is
an annotation (not asserted), an integer-valued float is an "integer", booleans
are neither integers nor numbers, and const/enum tell True from 1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "default", "examples", "format", "discriminator"})
ASSERTIONS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "const",
        "enum",
        "anyOf",
        "oneOf",
        "$ref",
        "$defs",
        "items",
        "minItems",
        "minimum",
        "pattern",
    }
)


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this checker does not implement."""


def _is_type(value: Any, name: str) -> bool:
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    raise UnsupportedSchema(f"type {name!r}")


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: True is not 1, 1 is 1.0; lists and objects compared member by member."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def compile_schema(schema: dict) -> Callable[[Any], bool]:
    """A function value -> bool for `schema` (refs resolved against its own $defs)."""
    root = schema
    compiled: dict[str, Callable[[Any], bool]] = {}

    def ref(pointer: str) -> Callable[[Any], bool]:
        name = pointer.removeprefix("#/$defs/")
        if name == pointer or "/" in name or name not in root.get("$defs", {}):
            raise UnsupportedSchema(f"$ref {pointer!r}")
        return lambda v: compiled[name](v)  # looked up at call time: definitions may recurse

    def build(s: dict) -> Callable[[Any], bool]:
        if not isinstance(s, dict):
            raise UnsupportedSchema(f"schema {s!r}")
        unknown = set(s) - ANNOTATIONS - ASSERTIONS
        if unknown:
            raise UnsupportedSchema(f"keyword(s) {', '.join(sorted(unknown))}")
        checks: list[Callable[[Any], bool]] = []
        if "type" in s:
            names = s["type"] if isinstance(s["type"], list) else [s["type"]]
            checks.append(lambda v: any(_is_type(v, n) for n in names))
        if "const" in s:
            const = s["const"]
            checks.append(lambda v: _equal(v, const))
        if "enum" in s:
            options = list(s["enum"])
            checks.append(lambda v: any(_equal(v, o) for o in options))
        if "minimum" in s:
            low = s["minimum"]
            checks.append(lambda v: isinstance(v, bool) or not isinstance(v, (int, float)) or v >= low)
        if "pattern" in s:
            import re

            rx = re.compile(s["pattern"])
            checks.append(lambda v: not isinstance(v, str) or rx.search(v) is not None)
        if "properties" in s or "additionalProperties" in s or "required" in s:
            props = {k: build(sub) for k, sub in s.get("properties", {}).items()}
            required = list(s.get("required", ()))
            extra = s.get("additionalProperties", True)
            if not isinstance(extra, bool):
                raise UnsupportedSchema("additionalProperties other than true/false")

            def check_object(v: Any) -> bool:
                if not isinstance(v, dict):
                    return True  # these keywords apply to objects only
                if any(k not in v for k in required):
                    return False
                for k, item in v.items():
                    sub = props.get(k)
                    if sub is None:
                        if not extra:
                            return False
                    elif not sub(item):
                        return False
                return True

            checks.append(check_object)
        if "items" in s or "minItems" in s:
            item_check = build(s["items"]) if "items" in s else None
            least = s.get("minItems", 0)
            checks.append(
                lambda v: (
                    not isinstance(v, list)
                    or (len(v) >= least and (item_check is None or all(item_check(x) for x in v)))
                )
            )
        if "anyOf" in s:
            branches = [build(b) for b in s["anyOf"]]
            checks.append(lambda v: any(b(v) for b in branches))
        if "oneOf" in s:
            branches = [build(b) for b in s["oneOf"]]
            checks.append(lambda v: sum(1 for b in branches if b(v)) == 1)
        if "$ref" in s:
            checks.append(ref(s["$ref"]))
        return lambda v: all(c(v) for c in checks)

    for name, sub in root.get("$defs", {}).items():
        compiled[name] = build(sub)
    return build(root)

"""Reading plans from JSON: the committed plan.schema.json (Draft 2020-12) first, then the
pydantic models. The schema check is schema_check's quick verdict, with jsonschema's full
validation (and its message) for a plan that verdict rejects. Every failure is one PlanError
line with the JSON path of the bad field."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from ..errors import PlanError
from .plan import OPS, SCHEMA_PATH, Plan


@lru_cache(maxsize=1)
def _quick_check():
    from .schema_check import compile_schema
    return compile_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _json_path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _best_error(errors: list) -> Any:
    from jsonschema.exceptions import best_match
    return best_match(errors)


def _specific(err: Any) -> Any:
    """Inside the oneOf over step kinds, report the branch whose `op` matched (the step the plan
    meant), not the first branch tried."""
    while err.context:
        branches: dict[Any, list] = {}
        for sub in err.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        matched = [subs for subs in branches.values()
                   if not any(s.validator == "const" and list(s.relative_path)[-1:] == ["op"] for s in subs)]
        if not matched and isinstance(err.instance, dict) and "op" in err.instance:
            err.message = f"unknown op {err.instance['op']!r} (one of {', '.join(OPS)})"
            return err
        err = _best_error(matched[0] if len(matched) == 1 else err.context)
    return err


def validate_plan_dict(d: Any) -> Plan:
    """Validate a decoded JSON plan; raises PlanError('plan invalid at $.steps[0].to: ...')."""
    # jsonschema only for a plan the quick check rejects: it writes the message (see schema_check)
    errors = [] if _quick_check()(d) else list(_validator().iter_errors(d))
    if errors:
        err = _specific(_best_error(errors))
        msg = err.message if len(err.message) <= 200 else err.message[:197] + "..."
        raise PlanError(f"plan invalid at {_json_path(err.absolute_path)}: {msg}")
    try:
        return Plan.model_validate(d)
    except ValidationError as e:
        first = e.errors()[0]
        msg = first["msg"].removeprefix("Value error, ")
        loc = list(first["loc"])
        if len(loc) > 2 and loc[0] == "steps" and loc[2] in OPS:   # the discriminator's tag
            del loc[2]
        raise PlanError(f"plan invalid at {_json_path(loc)}: {msg}") from None


def load_plan_text(s: str) -> Plan:
    """Parse JSON text into a validated Plan; malformed JSON is a PlanError with line and column."""
    try:
        d = json.loads(s)
    except json.JSONDecodeError as e:
        raise PlanError(f"plan is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    return validate_plan_dict(d)

"""Reading plans from JSON. `Plan.from_dict` checks a plan against the committed plan.schema.json
(Draft 2020-12) with schema_check's quick verdict; for a plan that verdict rejects, jsonschema's
full validation writes the message (`schema_error`). Every failure is one PlanError line with
the JSON path of the bad field."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..errors import PlanError
from .plan import OPS, Plan, json_path, plan_json_schema


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator
    return Draft202012Validator(plan_json_schema())


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


def schema_error(d: Any) -> PlanError:
    """The PlanError for a plan that fails plan.schema.json, in jsonschema's words."""
    errors = list(_validator().iter_errors(d))
    if not errors:      # cannot happen: schema_check is held to jsonschema's verdict by its tests
        return PlanError("plan invalid at $: it does not match plan.schema.json")
    err = _specific(_best_error(errors))
    msg = err.message if len(err.message) <= 200 else err.message[:197] + "..."
    return PlanError(f"plan invalid at {json_path(err.absolute_path)}: {msg}")


def validate_plan_dict(d: Any) -> Plan:
    """Validate a decoded JSON plan; raises PlanError('plan invalid at $.steps[0].to: ...')."""
    return Plan.from_dict(d)


def load_plan_text(s: str) -> Plan:
    """Parse JSON text into a validated Plan; malformed JSON is a PlanError with line and column."""
    try:
        d = json.loads(s)
    except json.JSONDecodeError as e:
        raise PlanError(f"plan is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    return validate_plan_dict(d)

"""Reading plans from JSON. `Plan.from_dict` checks a plan against the committed plan.schema.json
(Draft 2020-12) with schema_check's quick verdict; for a plan that verdict rejects, jsonschema's
full validation writes the message (`model.schema_error`). Every failure is one PlanError line with
the JSON path of the bad field."""

from __future__ import annotations

import json
from typing import Any

from fileagent.agent.plan.model import Plan
from fileagent.errors import PlanError


def validate_plan_dict(d: Any) -> Plan:
    """Validate a decoded JSON plan; raises PlanError('plan invalid at $.steps[0].to: ...')."""
    return Plan.from_dict(d)


MAX_DIGITS = 19  # every number a plan holds (sizes in bytes, versions) fits in 64 bits


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise PlanError(f"plan holds a number of {len(text)} digits; numbers in plans have at most {MAX_DIGITS}")
    return int(text)


def load_plan_text(s: str) -> Plan:
    """Parse JSON text into a validated Plan; malformed JSON is a PlanError with line and column."""
    try:
        d = json.loads(s, parse_int=_bounded_int)
    except json.JSONDecodeError as e:
        raise PlanError(f"plan is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    return validate_plan_dict(d)


def load_plan_checked(source: Any) -> Plan:
    """A plan from JSON text (load_plan_text) or from decoded JSON (validate_plan_dict), plus two
    inputs JSON itself lets through: absurd nesting and lone surrogates."""
    try:
        plan = load_plan_text(source) if isinstance(source, str) else validate_plan_dict(source)
    except RecursionError:
        raise PlanError("the plan is nested too deeply to be a plan") from None
    try:
        plan.to_json().encode("utf-8")
    except Exception:  # noqa: BLE001 - pydantic or the codec: either way the text is not valid Unicode
        raise PlanError(
            "the plan holds text that is not valid Unicode (a lone surrogate escape such as \\ud800)"
        ) from None
    return plan

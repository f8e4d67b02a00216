"""The planner seam: request text -> (Plan, ChangeSet).

`plan_request` is what `fileagent run` and `fileagent plan` call. `compile`
is handed in by the caller (compile the plan against the sandbox, raising
PlanError/PolicyError), so a planner can try its next candidate when the best
one does not compile.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import NoPlannerError
from .changeset import ChangeSet
from .plan import Plan


def plan_request(prompt: str, *, root: Path, compile: Callable[[Plan], ChangeSet]) -> tuple[Plan, ChangeSet]:
    raise NoPlannerError("no planner model installed")

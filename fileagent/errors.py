"""One exception hierarchy for the whole program, and the exit codes it maps to.

Every error carries a one-line message a user can act on plus optional context
(the step, the path, the config key). The CLI turns them into exit codes; no
other module calls sys.exit.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitStatus(IntEnum):
    OK = 0
    ACTION_FAILED = 1  # an action failed: the batch was rolled back or reported
    USAGE = 2  # bad command line or bad config
    REFUSED = 3  # refused by policy: nothing changed
    NO_PLAN = 4  # no valid plan could be produced: nothing changed
    INTERRUPTED = 130  # SIGINT/SIGTERM: the run was rolled back


class FileAgentError(Exception):
    exit_status = ExitStatus.ACTION_FAILED

    def __init__(self, message: str, *, step: int | None = None, path: str | None = None, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.step = step
        self.path = path
        self.context = context

    def __str__(self) -> str:
        where = f"step {self.step}: " if self.step is not None else ""
        return where + self.message


class UsageError(FileAgentError):
    exit_status = ExitStatus.USAGE


class ConfigError(UsageError):
    """A config file that does not load: names the file, the key and the problem."""


class PolicyError(FileAgentError):
    """The Guard refused a path or an operation. Raised before any change."""

    exit_status = ExitStatus.REFUSED


class PlanError(FileAgentError):
    """The plan is malformed, fails the schema, or cannot be compiled against the tree."""

    exit_status = ExitStatus.NO_PLAN


class NoPlannerError(PlanError):
    """No planner model is installed or it produced no valid plan."""


class ActionError(FileAgentError):
    """An action failed while running; the run was rolled back or stopped."""

    exit_status = ExitStatus.ACTION_FAILED


class StaleError(ActionError):
    """The tree changed between preview and execution; nothing was changed."""


class UndoError(ActionError):
    """An undo or recover could not proceed safely."""


class InterruptedRun(FileAgentError):
    """SIGINT or SIGTERM stopped a run; the actions it had done were reversed."""

    exit_status = ExitStatus.INTERRUPTED


class UnfinishedRunError(FileAgentError):
    """A run or an undo of this root was interrupted and is not yet repaired: run `fileagent recover`."""

    exit_status = ExitStatus.ACTION_FAILED

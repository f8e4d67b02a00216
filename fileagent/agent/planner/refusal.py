"""The refusal reading: the plan text the model writes when a request is not a file job it can do.

    none why=chat        small talk, thanks, questions, gibberish: not a file job
    none why=other       a job for another program (mail, play, print, install, run, ...)
    none why=unclear     a file job too vague or too garbled to read

It is a candidate like any plan: the beam scores it, the channel model reranks it, and when it is
the reading chosen the request is refused (exit 4) with the class's message and example requests
close to the user's words. A fourth class, "absent", is no reading the model writes: a file job
whose reading names nothing that exists ends with it (`named_absent`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fileagent.errors import NoPlannerError, PlanError

REFUSAL_OP = "none"
REFUSAL_CLASSES = ("chat", "other", "unclear")


@dataclass(frozen=True)
class Refusal:
    why: str  # one of REFUSAL_CLASSES, or "absent" (the request names nothing that exists)

    def text(self) -> str:
        return f"{REFUSAL_OP} why={self.why}"


def parse_refusal(text: str) -> Refusal | None:
    """The Refusal a candidate text spells, or None when it is a plan."""
    op, _, rest = text.strip().partition(" ")
    if op != REFUSAL_OP:
        return None
    key, _, value = rest.partition("=")
    if key != "why" or value not in REFUSAL_CLASSES:
        return None
    return Refusal(value)


class RequestRefused(NoPlannerError):
    """The planner's reading is a refusal (exit 4): `why` is its class; the message says what the
    tool can do and offers example requests close to the user's words."""

    def __init__(
        self, why: str, request: str = "", reason: str | None = None, after: tuple[str, Exception] | None = None
    ):
        from fileagent.agent.plan.language import language_of
        from fileagent.agent.planner.examples import closest

        self.why = why
        self.after = after  # (plan text, why it failed) of the reading tried before this one, if any
        self.reason = reason or MESSAGES.get(why, MESSAGES["unclear"])
        self.examples = closest(request, language_of(request))
        tries = "; ".join(f'"{e}"' for e in self.examples)
        super().__init__(f"{self.reason} (for example: {tries}; see `fileagent examples`)")

    def document(self) -> dict:
        return {"class": self.why, "message": self.reason, "examples": self.examples}


MESSAGES = {
    "chat": "this is not a file job: I plan file operations inside the root folder",
    "other": "this needs another program: I only list, read, create, change, delete, move, copy, rename, "
    "sort and tag files inside the root folder",
    "unclear": "I could not read this as a file job",
    "absent": "the request names nothing that exists here",
}


def named_absent(planner: Any, prompt: str, after: tuple[str, Exception] | None) -> RequestRefused | None:
    """A refusal of class "absent" when the reading tried first (`after`: its plan text and why it
    failed) did not compile because its first step names something that is not there (the first
    step selects what is there now), and the model believes that reading as the acceptance rule
    asks of any plan it runs (`planner.min_margin`): "rename IMG_2043.jpg to cat.jpg" is a file job
    on a missing file, no job for another program, while "who won the world cup in 2018", read
    weakly as `list path="2018"`, keeps the model's own class. The message carries the compile
    error's hint of what is there."""
    if after is None:
        return None
    text, error = after
    if not (isinstance(error, PlanError) and error.context.get("absent") and error.step == 1):
        return None
    threshold = planner.min_margin
    if threshold is not None and planner.refusal_margin(prompt, text)[0] < threshold:
        return None
    return RequestRefused("absent", prompt, reason=f"{MESSAGES['absent']}: {error}")

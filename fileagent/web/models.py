"""The JSON bodies the API accepts. Unknown keys are refused, so a typo is an error, not ignored."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanBody(_Body):
    """Exactly one of `request` (planned by the local model) or `plan` (a plan document)."""

    request: str | None = Field(None, max_length=4000)
    plan: dict[str, Any] | None = None
    on_conflict: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> PlanBody:
        if (self.request is None) == (self.plan is None):
            raise ValueError('give either "request" or "plan", not both and not neither')
        return self


class SelectBody(_Body):
    preview_id: str = Field(..., max_length=100)
    actions: list[int] = Field(..., max_length=1_000_000)


class UndoBody(_Body):
    """Without `confirm`: what the undo would reverse. With `confirm: true`: the undo itself."""

    confirm: bool = False

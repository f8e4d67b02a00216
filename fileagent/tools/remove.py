"""delete: files and whole folders. The executor moves them into the run's backups (undoable)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.tools import tagging
from fileagent.tools.base import Capability
from fileagent.tools.select import select_some, subtree_problem

if TYPE_CHECKING:
    from fileagent.agent.plan.model import DeleteStep
    from fileagent.agent.engine.simulation import CompileContext

CAPABILITY = Capability("delete", mutates=True, needs_confirm_default=True,
                        summary="delete files or folders (backed up, undoable)")


def compile_step(ctx: "CompileContext", step: "DeleteStep") -> None:
    view = ctx.view
    for rel, e in select_some(ctx, step.select):
        if view.get(rel) is not e:          # inside a folder deleted earlier in this step
            continue
        if rel == "":
            raise ctx.plan_error("cannot delete the sandbox root itself", ".")
        if e.is_dir and not e.is_link:
            why = subtree_problem(ctx, rel)
            if why:
                raise ctx.policy_error(f"{rel!r} refused: {why}", rel)
        ctx.add("delete", src=rel, note="folder" if e.is_dir and not e.is_link else "",
                expect={rel: view.expect_existing(rel, e)})
        view.remove(rel)
        tagging.follow(ctx, rel, None, is_dir=e.is_dir)

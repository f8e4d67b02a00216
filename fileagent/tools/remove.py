"""delete: files and whole folders. The executor moves them into the run's backups (undoable).

Empty folders (filter `empty`) go deepest first, one action each, so every folder is empty when
its turn comes and undo puts the outer ones back before the inner ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.tools import tagging
from fileagent.tools.base import Capability, human_size
from fileagent.tools.select import select_some, skip_or_refuse, subtree_problem

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.plan.model import DeleteStep

CAPABILITY = Capability(
    "delete", mutates=True, needs_confirm_default=True, summary="delete files or folders (backed up, undoable)"
)


def compile_step(ctx: CompileContext, step: DeleteStep) -> None:
    view = ctx.view
    items = select_some(ctx, step.select)
    if step.select.filters is not None and step.select.filters.empty:
        items.sort(key=lambda item: -item[0].count("/"))  # stable: same depth keeps its order
    for rel, e in items:
        if view.get(rel) is not e:  # inside a folder deleted earlier in this step
            continue
        if rel == "":
            raise ctx.plan_error("cannot delete the sandbox root itself", ".")
        if e.is_dir and not e.is_link:
            why = subtree_problem(ctx, rel)
            if why and skip_or_refuse(ctx, step.select, rel, why):
                continue
        note, kept = ctx.kept_copy(rel)
        ctx.add(
            "delete",
            src=rel,
            note=note or (_folder_note(ctx, rel) if e.is_dir and not e.is_link else ""),
            expect={rel: view.expect_existing(rel, e), **kept},
        )
        view.remove(rel)
        tagging.follow(ctx, rel, None, is_dir=e.is_dir)


def _folder_note(ctx: CompileContext, rel: str) -> str:
    """'folder: 12 files, 3.4 MB': what deleting the folder takes with it, for the preview."""
    n = size = 0
    for _, e in ctx.view.walk_files(rel):
        if not e.is_dir:
            n += 1
            size += e.size()
    return f"folder: {n} file{'' if n == 1 else 's'}, {human_size(size)}"

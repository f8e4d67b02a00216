"""list / read: emit actions that only produce output.

list prints root-relative paths, folders with a trailing "/"; a `path` naming a
folder lists its direct children. read prints a text file's content (binary or
undecodable files are a PlanError). What they show is the tree as the earlier
steps of the plan leave it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.tools.base import Capability
from fileagent.tools.select import select, select_some

if TYPE_CHECKING:
    from fileagent.agent.plan.model import ListStep, ReadStep
    from fileagent.agent.engine.simulation import CompileContext

LIST = Capability("list", mutates=False, needs_confirm_default=False, summary="list paths")
READ = Capability("read", mutates=False, needs_confirm_default=False, summary="print file contents")
CAPABILITY = LIST


def compile_list(ctx: "CompileContext", step: "ListStep") -> None:
    lines = []
    for rel, e in select(ctx, step.select, children_of_folder=True):
        shown = rel + "/" if e.is_dir and not e.is_link else rel
        ctx.add("emit", src=shown, note="list")
        lines.append(shown)
    if lines:
        ctx.changeset.outputs.append((ctx.step, "list", "\n".join(lines)))


def compile_read(ctx: "CompileContext", step: "ReadStep") -> None:
    for rel, e in select_some(ctx, step.select):
        if e.is_dir:
            if step.select.path is not None:
                raise ctx.plan_error(f"cannot read {rel!r}: it is a folder", rel)
            continue
        text = ctx.read_text(rel, e, why="read")
        ctx.add("emit", src=rel, note="read")
        ctx.changeset.outputs.append((ctx.step, "read", text))


def compile_step(ctx: "CompileContext", step: "ListStep | ReadStep") -> None:
    if step.op == "list":
        compile_list(ctx, step)
    else:
        compile_read(ctx, step)

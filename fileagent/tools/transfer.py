"""move / copy: every selected item goes into folder `to` (created when missing), keeping its name.

A pattern match already in `to` is left where it is (move); naming such an item
explicitly, or moving a folder into itself, is a PlanError. Name clashes follow
the conflict policy (ctx.place).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.tools import tagging
from fileagent.tools.base import Capability, join, name_of, parent_of
from fileagent.tools.select import select_some, size_of, skip_or_refuse, subtree_problem, transfer_selection

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.plan.model import CopyStep, MoveStep

MOVE = Capability("move", mutates=True, needs_confirm_default=True, summary="move items into a folder")
COPY = Capability("copy", mutates=True, needs_confirm_default=False, summary="copy items into a folder")
CAPABILITY = MOVE


def compile_step(ctx: CompileContext, step: MoveStep | CopyStep) -> None:
    copy = step.op == "copy"
    items = select_some(ctx, transfer_selection(step))
    dest = ctx.folder(step.to)
    view = ctx.view
    explicit = step.select.path is not None
    existing = view.get(dest)
    if existing is not None and not existing.is_dir:
        raise ctx.plan_error(f"destination {step.to!r} is a file, not a folder", step.to)
    already = 0
    dest_ready = False
    # keep_structure: an item goes to the folder under `to` that its own folder is under the base
    base = ctx.folder(step.select.in_ or ".") if step.keep_structure and not explicit else None
    made: set[str] = set()
    follow_tags = bool(ctx.tag_index())
    for rel, e in items:
        if view.get(rel) is not e:  # gone with a folder handled earlier in this step
            continue
        if rel == "":
            raise ctx.plan_error("cannot move or copy the sandbox root itself", ".")
        if e.is_dir and (dest == rel or dest.startswith(rel + "/")):
            raise ctx.plan_error(f"cannot {step.op} folder {rel!r} into itself ({step.to!r})", rel)
        target = dest
        if base is not None:
            if (rel == dest or rel.startswith(dest + "/")) and dest != base:
                already += 1  # inside the destination already: left where it is
                continue
            folder = parent_of(rel)
            sub = folder if base == "" else folder[len(base) + 1 :]
            target = join(dest, sub) if sub else dest
        if rel.rpartition("/")[0] == target and not copy:
            if explicit:
                raise ctx.plan_error(f"{rel!r} is already in {step.to!r}", rel)
            already += 1
            continue
        if e.is_dir:
            why = subtree_problem(ctx, rel)
            if why and skip_or_refuse(ctx, step.select, rel, why):
                continue
        if not dest_ready:  # a move/copy step never removes its own destination
            ctx.ensure_dir(dest)
            dest_ready = True
        if target not in made:
            ctx.ensure_dir(target)
            made.add(target)
        dst, overwrite = ctx.place(target, name_of(rel), is_dir=e.is_dir, name_checked=True)
        if dst is None:
            continue
        if dst == rel:
            raise ctx.plan_error(f"cannot {step.op} {rel!r} onto itself", rel)
        dst_expect = ctx.claim(dst, overwrite)
        note, kept = ctx.kept_copy(rel)
        ctx.add(
            "copy" if copy else "move",
            src=rel,
            dst=dst,
            overwrite=overwrite,
            note=note,
            expect={rel: view.expect_existing(rel, e), dst: dst_expect, **kept},
        )
        if copy:
            ctx.bytes_needed += size_of(ctx, rel, e)
            view.copy(rel, dst)
        else:
            view.move(rel, dst)
        if follow_tags:
            tagging.follow(ctx, rel, dst, is_dir=e.is_dir, keep_old=copy)
    if already == len(items) and not ctx.allow_empty:
        raise ctx.plan_error(f"nothing to move: everything selected is already in {step.to!r}", step.to)

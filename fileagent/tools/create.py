"""create: a file with content, or a folder (missing parents become mkdir actions).

A folder that already exists needs nothing; a file that exists follows the
conflict policy (rename_new writes "name (1).ext").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.tools.base import Capability, name_of, parent_of

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.plan.model import CreateStep

CAPABILITY = Capability(
    "create", mutates=True, needs_confirm_default=False, summary="create a file with content, or a folder"
)


def compile_step(ctx: CompileContext, step: CreateStep) -> None:
    rel = ctx.path(step.path)
    if rel == "":
        raise ctx.plan_error("the sandbox root already exists", step.path)
    view = ctx.view
    parent, name = parent_of(rel), name_of(rel)
    existing = view.get(rel)
    if step.kind == "dir":
        if existing is not None:
            if existing.is_dir:
                return
            raise ctx.plan_error(f"{rel!r} exists and is a file", rel)
        ctx.ensure_dir(rel)
        return
    try:
        content = step.content.encode(ctx.encoding)
    except UnicodeEncodeError as err:
        raise ctx.plan_error(f"the content cannot be written as {ctx.encoding}: {err.reason}", rel) from None
    ctx.ensure_dir(parent)
    dst, overwrite = ctx.place(parent, name, is_dir=False)
    if dst is None:
        return
    if overwrite:
        old = view.get(dst)
        expect = view.expect_existing(dst, old) if old is not None else None
    else:
        expect = view.expect_absent(dst)
    ctx.add("write", dst=dst, content=content, overwrite=overwrite, note="create", expect={dst: expect})
    view.write(dst, content)

"""Compile a Plan into the exact ChangeSet the preview shows and the executor runs.

    compile_plan(plan, root=..., config=..., guard=...) -> ChangeSet

Steps are simulated in order on an in-memory view of the tree (treeview.py),
so a later step sees what the earlier ones did. Each op family lives in its own
module under fileagent/tools/; this module checks the ops, dispatches, and
enforces what holds for the whole plan. Every path goes through the Guard; any
refusal (PolicyError) or impossibility (PlanError) stops the compile, so a plan
is accepted whole or not at all, before anything changes on disk.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection
from pathlib import Path

from fileagent.agent.engine.changeset import ChangeSet
from fileagent.agent.engine.simulation import CompileContext
from fileagent.agent.plan.model import Plan
from fileagent.config.loader import Config
from fileagent.errors import PlanError, PolicyError
from fileagent.policies.guard import Guard
from fileagent.policies.paths import STATE_DIR
from fileagent.tools import archive, classify, create, output, remove, rename, tag, transfer, update
from fileagent.tools.base import Capability

COMPILERS: dict[str, Callable] = {
    "list": output.compile_step,
    "read": output.compile_step,
    "create": create.compile_step,
    "update": update.compile_step,
    "delete": remove.compile_step,
    "move": transfer.compile_step,
    "copy": transfer.compile_step,
    "rename": rename.compile_step,
    "classify": classify.compile_step,
    "tag": tag.compile_step,
    "archive": archive.compile_step,
    "extract": archive.compile_step,
}
CAPABILITIES: dict[str, Capability] = {
    c.op: c
    for c in (
        output.LIST,
        output.READ,
        create.CAPABILITY,
        update.CAPABILITY,
        remove.CAPABILITY,
        transfer.MOVE,
        transfer.COPY,
        rename.CAPABILITY,
        classify.CAPABILITY,
        tag.CAPABILITY,
        archive.ARCHIVE,
        archive.EXTRACT,
    )
}


def permissions(step) -> tuple[str, ...]:
    """The operations of agent.allow_ops a step needs: archive and extract create files (and an
    archive that removes its originals deletes them)."""
    if step.op == "archive":
        return ("create", "delete") if step.remove_originals else ("create",)
    if step.op == "extract":
        return ("create",)
    return (step.op,)


def compile_plan(
    plan: Plan,
    *,
    root: Path,
    config: Config,
    guard: Guard,
    on_conflict: str | None = None,
    state_dir_name: str = STATE_DIR,
    scope: Collection[str] | None = None,
    allow_empty: bool = False,
) -> ChangeSet:
    """Raises PolicyError (refused, exit 3) or PlanError (cannot be done, exit 4); changes nothing.

    scope: selections take only these root-relative paths (the items a watched batch saw arrive);
    allow_empty: a selection that matches nothing is no error (implied by scope)."""
    if Path(root).resolve() != guard.root:
        raise PolicyError(f"the Guard's root {guard.root} is not the compile root {root}")
    policy = on_conflict or config.agent.on_conflict
    if policy not in ("rename_new", "skip", "overwrite"):
        raise PlanError(f"unknown conflict policy {policy!r} (rename_new, skip or overwrite)")
    for n, step in enumerate(plan.steps, start=1):
        for op in permissions(step):
            guard.check_op(op, n)
    ctx = CompileContext(
        guard=guard,
        config=config,
        on_conflict=policy,
        state_dir_name=state_dir_name,
        scope=None if scope is None else frozenset(scope),
        allow_empty=allow_empty,
    )
    # The view and the ChangeSet are ~10 objects per matched file and hold no reference cycles;
    # the cyclic GC would rescan them again and again while they grow (a third of the time at 100k).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for n, step in enumerate(plan.steps, start=1):
            ctx.step, ctx.op = n, step.op
            COMPILERS[step.op](ctx, step)
    except RecursionError:
        # the walks are iterative; what is left (a folder chain to create, a YAML document) is bounded
        # here, as a plan error, instead of an "unexpected" exit 1
        raise PlanError(f"step {ctx.step}: {ctx.op}: the paths or the tree are nested too deeply to plan") from None
    finally:
        if gc_was_enabled:
            gc.enable()
    if ctx.bytes_needed:
        _check_free_space(ctx.bytes_needed, guard.root_str)
    return ctx.changeset


def _check_free_space(need: int, root: str) -> None:
    """Copies, archives and extractions write new data: refuse the plan when the disk cannot hold it
    (with a margin of 1% of the disk or 64 MB, whichever is smaller)."""
    import shutil

    from fileagent.tools.base import human_size

    usage = shutil.disk_usage(root)
    if need > usage.free - min(usage.total // 100, 64 * 1024 * 1024):
        raise PlanError(
            f"not enough free space: the plan writes up to {human_size(need)} and the disk of "
            f"{root} has {human_size(usage.free)} free; nothing changed"
        )

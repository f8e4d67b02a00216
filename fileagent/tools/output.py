"""list / read: emit actions that only produce output.

list prints root-relative paths, folders with a trailing "/"; a `path` naming a
folder lists its direct children. read prints a text file's content (binary or
undecodable files are a PlanError). What they show is the tree as the earlier
steps of the plan leave it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.display import shown
from fileagent.tools.base import Capability
from fileagent.tools.select import select, select_some, size_of

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry
    from fileagent.agent.plan.model import ListStep, ReadStep

LIST = Capability("list", mutates=False, needs_confirm_default=False, summary="list paths")
READ = Capability("read", mutates=False, needs_confirm_default=False, summary="print file contents")
CAPABILITY = LIST


def compile_list(ctx: CompileContext, step: ListStep) -> None:
    """One path per line; a listing of duplicates shows each group (the kept copy first, then its
    duplicates), groups parted by an empty line."""
    rows = []
    items = select(ctx, step.select, children_of_folder=True)
    groups = _grouped(ctx, items) if step.select.duplicates is not None else [items]
    texts = []
    for group in groups:
        lines = []
        for rel, e in group:
            text = rel + "/" if e.is_dir and not e.is_link else rel
            ctx.add("emit", src=text, note="list")
            lines.append(shown(text))  # one entry per line even when a name holds a newline
            rows.append((text, rel, e))
        texts.append("\n".join(lines))
    if rows:
        ctx.changeset.outputs.append((ctx.step, "list", "\n\n".join(t for t in texts if t)))
        ctx.changeset.entries[ctx.step] = [_row(ctx, step, *r) for r in rows]
        if step.select.duplicates is not None:
            ctx.changeset.groups[ctx.step] = [[rel for rel, _ in g] for g in groups]


def _grouped(ctx: CompileContext, items: list) -> list[list]:
    """The duplicate groups with a duplicate among `items` (a limit may cut some): [kept, dup...]."""
    chosen = {rel for rel, _ in items}
    out = []
    for keep, dups in ctx.duplicate_groups.get(ctx.step, []):
        mine = [d for d in dups if d in chosen]
        if mine:
            out.append([(keep, ctx.view.get(keep))] + [(d, ctx.view.get(d)) for d in mine])
    return out


def _row(ctx: CompileContext, step: ListStep, shown: str, rel: str, e: Entry) -> tuple[str, int | None, int]:
    """(path, size, mtime_ns) for `--long`: a folder's size is shown when the listing is ordered by size."""
    try:
        folder = e.is_dir and not e.is_link
        size = None if folder and step.select.sort != "size" else size_of(ctx, rel, e)
        return shown, size, e.mtime_ns()
    except OSError:
        return shown, None, 0


def compile_read(ctx: CompileContext, step: ReadStep) -> None:
    for rel, e in select_some(ctx, step.select):
        if e.is_dir:
            if step.select.path is not None:
                raise ctx.plan_error(f"cannot read {rel!r}: it is a folder", rel)
            continue
        text = ctx.read_text(rel, e, why="read")
        ctx.add("emit", src=rel, note="read")
        ctx.changeset.outputs.append((ctx.step, "read", text))


def compile_step(ctx: CompileContext, step: ListStep | ReadStep) -> None:
    if step.op == "list":
        compile_list(ctx, step)
    else:
        compile_read(ctx, step)

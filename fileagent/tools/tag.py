"""tag: add or remove tags on the selected items (storage rules in tagging.py).

Markdown files compile to a `write` of the complete new file (only the front matter's `tags:`
changes); other items compile to `set_tags` with the complete new tag list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fileagent.tools.base import Capability
from fileagent.tools.select import select_some
from fileagent.tools.tagging import is_markdown, markdown_tags, merged, with_tags

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.plan.model import TagStep

CAPABILITY = Capability(
    "tag",
    mutates=True,
    needs_confirm_default=False,
    summary="add or remove tags (markdown front matter, or the tag index)",
)


def compile_step(ctx: CompileContext, step: TagStep) -> None:
    items = select_some(ctx, step.select)
    view = ctx.view
    index = ctx.tag_index()
    for rel, e in items:
        if is_markdown(rel) and not e.is_dir:
            rel, e = ctx.link_target(rel, e)
            text = ctx.read_text(rel, e, why="tag")
            old = markdown_tags(text)
            new = merged(old, step.tags, step.remove)
            if new == old:
                continue
            try:
                content = with_tags(text, new, rel).encode(ctx.encoding)
            except ValueError as err:
                raise ctx.plan_error(f"cannot tag {rel!r}: {err}", rel) from None
            ctx.add(
                "write",
                src=rel,
                dst=rel,
                content=content,
                overwrite=True,
                note="tag",
                expect={rel: view.expect_existing(rel, e)},
            )
            view.write(rel, content)
        else:
            old = list(index.get(rel, ()))
            new = merged(old, step.tags, step.remove)
            if new == old:
                continue
            ctx.add("set_tags", src=rel, tags=new, note="tag", expect={rel: view.expect_existing(rel, e)})
            if new:
                index[rel] = new
            else:
                index.pop(rel, None)

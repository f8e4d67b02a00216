"""update: append / prepend / replace / replace_regex / set, on UTF-8 (config encoding) text files.

The complete new content is computed here, so the preview shows exactly what
will be written. append: a missing final newline is added first, and the
appended text ends with a newline. prepend: text, a newline (unless the text
ends with one), then the old content. A file the step leaves unchanged gets no
action; if no selected file changes at all, that is a PlanError.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fileagent.tools.base import Capability
from fileagent.tools.saferegex import compile_plan_regex
from fileagent.tools.select import select_some

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.plan.model import UpdateStep

CAPABILITY = Capability(
    "update", mutates=True, needs_confirm_default=True, summary="append, prepend, replace or set text in files"
)


def _with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def new_text(old: str, mode: str, text: str, find: str | None, rx: re.Pattern[str] | None) -> str:
    if mode == "append":
        if old and not old.endswith("\n"):
            old += "\n"
        return old + _with_newline(text)
    if mode == "prepend":
        return _with_newline(text) + old
    if mode == "replace":
        return old.replace(find or "", text)
    if mode == "replace_regex":
        assert rx is not None
        return rx.sub(text, old)
    return text


STREAM_MIN = 8 << 20  # appends to files this large are streamed by the executor, never held whole


def _streams(e) -> bool:
    return e.content is None and e.disk is not None and not e.is_link and e.size() >= STREAM_MIN


def _append_streamed(ctx: CompileContext, rel: str, e, text: str) -> None:
    """An append to a large file: the file is checked as text chunk by chunk here, and the action
    carries only the bytes to add (note "append-stream"); the executor copies the old bytes from the
    backup it takes, in chunks, then adds them. The plan's later steps see the file as changed."""
    from fileagent.tools.fs import fsops

    try:
        size, last = fsops.check_text(e.disk, ctx.encoding)
    except ValueError as err:
        why = f"cannot update binary file {rel!r}" if str(err) == "binary" else f"cannot update {rel!r}: {err}"
        raise ctx.plan_error(why, rel) from None
    except OSError as err:
        raise ctx.plan_error(f"cannot update {rel!r}: {err.strerror or err}", rel) from None
    add = ("\n" if size and last != b"\n" else "") + _with_newline(text)
    try:
        tail = add.encode(ctx.encoding)
    except UnicodeEncodeError as err:
        raise ctx.plan_error(
            f"the new text of {rel!r} cannot be written as {ctx.encoding}: {err.reason}", rel
        ) from None
    ctx.add(
        "write",
        src=rel,
        dst=rel,
        content=tail,
        overwrite=True,
        note="append-stream",
        expect={rel: ctx.view.expect_existing(rel, e)},
    )
    ctx.view.appended(rel, tail)


def compile_step(ctx: CompileContext, step: UpdateStep) -> None:
    rx = None
    if step.mode == "replace_regex":
        try:
            rx = compile_plan_regex(step.find or "", re.MULTILINE)
        except re.error as err:
            raise ctx.plan_error(f"invalid regex {step.find!r}: {err}") from None
        except ValueError as err:
            raise ctx.plan_error(f"regex {step.find!r} refused: {err}") from None
    view = ctx.view
    changed = 0
    for rel, e in select_some(ctx, step.select):
        if e.is_dir:
            if step.select.path is not None:
                raise ctx.plan_error(f"cannot update {rel!r}: it is a folder", rel)
            continue
        rel, e = ctx.link_target(rel, e)
        if step.mode == "append" and _streams(e):
            _append_streamed(ctx, rel, e, step.text)
            changed += 1
            continue
        old = ctx.read_text(rel, e)
        try:
            new = new_text(old, step.mode, step.text, step.find, rx)
        except (re.error, IndexError) as err:
            raise ctx.plan_error(f"bad replacement {step.text!r}: {err}") from None
        if new == old:
            continue
        try:
            content = new.encode(ctx.encoding)
        except UnicodeEncodeError as err:
            raise ctx.plan_error(
                f"the new text of {rel!r} cannot be written as {ctx.encoding}: {err.reason}", rel
            ) from None
        ctx.add(
            "write",
            src=rel,
            dst=rel,
            content=content,
            overwrite=True,
            note=step.mode,
            expect={rel: view.expect_existing(rel, e)},
        )
        view.write(rel, content)
        changed += 1
    if changed == 0 and not ctx.allow_empty:
        what = (
            f"{step.find!r} does not occur in"
            if step.mode in ("replace", "replace_regex")
            else "the text is already in"
        )
        raise ctx.plan_error(f"nothing to change: {what} the selected files")

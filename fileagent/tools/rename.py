"""rename: one item (path + new_name) or a batch (set_ext, add_prefix, add_suffix, template, case).

Names only: an item never changes folder. A new name must be a plain name (no
"/" or "\\", not "." or ".."). Templates use {stem} {ext} {name} {n} (1-based,
in match order, from `start`; {n:03} pads) and {date} (YYYY-MM-DD: the day a photo was taken, from
its EXIF metadata, else the item's modification day); `case` lowers or raises the whole name.
Each name is made once, here at compile time, so the preview shows exactly the names that run.
Renaming to the same name is no action. Renames compile to `move` actions.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from fileagent.tools import exifdate, tagging
from fileagent.tools.base import Capability, name_of, parent_of, split_name
from fileagent.tools.select import nearest, select_some

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry
    from fileagent.agent.plan.model import RenameStep

CAPABILITY = Capability(
    "rename",
    mutates=True,
    needs_confirm_default=True,
    summary="rename one item, or a batch by extension, prefix, suffix or template",
)


def check_name(ctx: CompileContext, name: str) -> None:
    if not name.strip() or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ctx.plan_error(f"new name {name!r} must be a plain file name (no '/', not '.' or '..')")
    from fileagent.policies.winpath import prefix_problem

    if prefix_problem(name):  # "C:x": refused as a plan path everywhere, so never made as a name either
        raise ctx.policy_error(f"new name {name!r} refused: it {prefix_problem(name)}")
    if ctx.guard.windows:
        from fileagent.policies.winpath import name_problem

        why = name_problem(name)
        if why:
            raise ctx.policy_error(f"new name refused: {why}")


_TEMPLATE_FIELDS = ("stem", "ext", "name", "n", "date")
_TEMPLATE_SPEC = re.compile(r"^[<>^]?0?[0-9]{0,2}d?$")  # "03", ">4", "2d": a width under 100, nothing else


def check_template(ctx: CompileContext, template: str) -> None:
    """Only {stem} {ext} {name} {n} {date} with a small width: str.format would otherwise reach into
    Python objects ("{stem.__class__}") or allocate without bound ("{n:99999999999}")."""
    import string

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as err:
        raise ctx.plan_error(f"bad template {template!r}: {err}") from None
    for _, field, spec, conv in parts:
        if field is None:
            continue
        if field not in _TEMPLATE_FIELDS or conv is not None or not _TEMPLATE_SPEC.match(spec or ""):
            raise ctx.plan_error(
                f"bad template {template!r}: {{{field}{'!' + conv if conv else ''}"
                f"{':' + spec if spec else ''}}} is not one of {{stem}} {{ext}} {{name}} {{n}} "
                "{n:03} {date} (a name, optionally a width under 100)"
            )


def item_date(e: Entry, ext: str) -> tuple[str, bool]:
    """{date} of an item: (YYYY-MM-DD, True) from a photo's EXIF date, else its modification day."""
    taken = exifdate.photo_date(e, ext.lstrip("."))
    if taken is not None:
        return taken.isoformat(), True
    return datetime.fromtimestamp(e.mtime_ns() / 1e9).date().isoformat(), False


def batch_name(
    ctx: CompileContext, step: RenameStep, name: str, e: Entry, n: int, dated: list[int] | None = None
) -> str:
    """The new name of one item of a batch; `dated` ([from EXIF, from mtime, folders]) counts where
    each {date} came from, for the preview's note."""
    stem, ext = (name, "") if e.is_dir else split_name(name)
    if step.set_ext is not None:
        new_ext = step.set_ext.strip().lstrip(".")
        return stem + ("." + new_ext if new_ext else "")
    if step.add_prefix is not None:
        return step.add_prefix + name
    if step.add_suffix is not None:
        return stem + step.add_suffix + ext
    if step.case is not None:
        return name.lower() if step.case == "lower" else name.upper()
    check_template(ctx, step.template or "")
    day = ""
    if "{date" in (step.template or ""):
        day, taken = item_date(e, ext)
        if dated is not None:
            dated[0 if taken else 1] += 1
            dated[2] += e.is_dir
    try:
        out = (step.template or "").format(stem=stem, ext=ext.lstrip("."), name=name, n=n, date=day)
    except (KeyError, IndexError, ValueError, AttributeError) as err:
        raise ctx.plan_error(
            f"bad template {step.template!r}: {err!r} (use {{stem}} {{ext}} {{name}} {{n}} {{n:03}} {{date}})"
        ) from None
    return out.rstrip(".")


def _rename(ctx: CompileContext, rel: str, e: Entry, new_name: str) -> None:
    view = ctx.view
    check_name(ctx, new_name)
    if new_name == name_of(rel):
        return
    dst, overwrite = ctx.place(parent_of(rel), new_name, is_dir=e.is_dir, moving=rel)
    if dst is None or dst == rel:
        return
    if dst.casefold() == rel.casefold() and not overwrite:
        rel, e = _via_temporary_name(ctx, rel, e)
    dst_expect = ctx.claim(dst, overwrite)
    ctx.add(
        "move",
        src=rel,
        dst=dst,
        overwrite=overwrite,
        note="rename",
        expect={rel: view.expect_existing(rel, e), dst: dst_expect},
    )
    view.move(rel, dst)
    tagging.follow(ctx, rel, dst, is_dir=e.is_dir)


def _via_temporary_name(ctx: CompileContext, rel: str, e: Entry) -> tuple[str, Entry]:
    """A rename that changes only the case ("Photo.JPG" -> "photo.jpg") is refused or does nothing on
    a case-insensitive file system (the new name "exists"): it goes through a temporary name first,
    two journaled moves that undo puts back in turn."""
    folder, name = parent_of(rel), name_of(rel)
    for i in range(1, 1000):
        tmp = f".fa-case-{i}-{name}"
        if ctx.view.clash(folder, tmp) is None:
            break
    else:
        raise ctx.plan_error(f"no free temporary name beside {rel!r}", rel)
    tmp_rel = f"{folder}/{tmp}" if folder else tmp
    ctx.check_new_name(folder, tmp)
    ctx.add(
        "move",
        src=rel,
        dst=tmp_rel,
        note="rename, case only: via a temporary name",
        expect={rel: ctx.view.expect_existing(rel, e), tmp_rel: ctx.view.expect_absent(tmp_rel)},
    )
    ctx.view.move(rel, tmp_rel)
    tagging.follow(ctx, rel, tmp_rel, is_dir=e.is_dir)
    moved = ctx.view.get(tmp_rel)
    assert moved is not None  # the view has just moved it there
    return tmp_rel, moved


def compile_step(ctx: CompileContext, step: RenameStep) -> None:
    if step.path is not None:
        rel = ctx.path(step.path)
        if not ctx.in_scope(rel):
            return
        if rel == "":
            raise ctx.plan_error("cannot rename the sandbox root itself", ".")
        e = ctx.view.get(rel)
        if e is None:
            raise ctx.plan_error(f"{step.path!r} does not exist{nearest(ctx, rel)}", step.path, absent=True)
        _rename(ctx, rel, e, step.new_name or "")
        return
    assert step.select is not None
    dated = [0, 0, 0]
    for n, (rel, e) in enumerate(select_some(ctx, step.select), start=1 if step.start is None else step.start):
        if ctx.view.get(rel) is not e:
            continue
        _rename(ctx, rel, e, batch_name(ctx, step, name_of(rel), e, n, dated))
    if "{date" in (step.template or "") and dated[0] + dated[1]:
        ctx.note(date_note(*dated))


def date_note(taken: int, modified: int, folders: int = 0) -> str:
    """One line for the preview: where the {date} of this batch came from, with counts; short enough
    to stay one line on an 80-column terminal with counts in the thousands."""
    noun = "item" if folders else "file"

    def count(k: int) -> str:
        return f"{k:,} {noun}{'' if k == 1 else 's'}"

    if taken and modified:
        return f"{{date}}: date taken (EXIF) for {count(taken)}, date modified for {modified:,}"
    if taken:
        return f"{{date}}: date taken (EXIF) for {count(taken)}"
    return f"{{date}}: date modified for {count(modified)} (no EXIF date taken found)"

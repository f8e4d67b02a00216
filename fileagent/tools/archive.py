"""archive / extract: a zip made from a selection, or a zip or tar archive unpacked into a folder.

archive: one `zip` action writes the archive (names inside relative to the selection's folder:
`in`, or the parent of a `path`; files only, hidden folders and links left out); the originals
stay unless `remove_originals`, which adds one delete per archived file (backed up). Undo removes
the archive (and puts removed originals back).

extract: the archive is read and checked at compile time (archive_io: zip slip, links, limits);
each file becomes one `unpack` action into the target folder (default: a folder named after the
archive beside it), folders mkdir actions, clashes follow the conflict policy, names a deny
pattern covers are skipped. Undo removes what was extracted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fileagent.policies.paths import nfc
from fileagent.tools import archive_io
from fileagent.tools.base import Capability, human_size, join, name_of, parent_of
from fileagent.tools.select import exclusions, nearest, select_some, subtree_problem

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry
    from fileagent.agent.plan.model import ArchiveStep, ExtractStep

ARCHIVE = Capability(
    "archive",
    mutates=True,
    needs_confirm_default=False,
    summary="make a zip of a selection",
)
EXTRACT = Capability(
    "extract",
    mutates=True,
    needs_confirm_default=False,
    summary="unpack a zip or tar archive into a folder",
)
CAPABILITY = ARCHIVE
_TAR_SUFFIXES = (
    ".tar.gz",
    ".tar.bz2",
    ".tar.xz",
    ".tgz",
    ".tbz2",
    ".txz",
    ".tar",
    ".zip",
)


def _members(
    ctx: CompileContext, rel: str, e: Entry, base: str, excluded: Callable[[str, str], bool] | None = None
) -> list[tuple[str, str, Entry]]:
    """(path, name inside the zip, entry) of the files `rel` stands for; `excluded` leaves out what
    lies below a folder archived whole ("zip the photos folder except raw")."""

    def inside(path: str) -> str:
        return path[len(base) + 1 :] if base else path

    if not e.is_dir:
        return [] if e.is_link else [(rel, inside(rel), e)]
    why = subtree_problem(ctx, rel)
    if why:
        raise ctx.policy_error(f"{rel!r} refused: {why}", rel)
    out = []
    for child, ce in ctx.view.walk_files(rel):
        below = child[len(rel) + 1 :]
        if ce.is_dir or ce.is_link or any(part.startswith(".") for part in below.split("/")[:-1]):
            continue
        parts = nfc(below).split("/")
        if excluded is not None and any(excluded("/".join(parts[: k + 1]), parts[k]) for k in range(len(parts))):
            continue
        out.append((child, inside(child), ce))
    return out


def compile_archive(ctx: CompileContext, step: ArchiveStep) -> None:
    view = ctx.view
    items = select_some(ctx, step.select)
    explicit = step.select.path is not None
    excluded = exclusions(ctx, step.select.exclude) if explicit else None
    base = parent_of(items[0][0]) if explicit else ctx.folder(step.select.in_ or ".")
    members: list[tuple[str, str, Entry]] = []
    for rel, e in items:
        if rel == "":
            base = ""
            members.extend(m for m in _members(ctx, rel, e, "") if not m[0].startswith("."))
            continue
        members.extend(_members(ctx, rel, e, base, excluded))
    if not members:
        raise ctx.plan_error(
            "the selection holds no file to archive",
            step.select.path or step.select.in_,
        )
    to = ctx.path(step.to)
    if not to.lower().endswith(".zip"):
        to += ".zip"
    dst = _add_to_zip(ctx, to, members) if to in ctx.zips else _make_zip(ctx, to, members)
    if dst is None:
        return
    if step.remove_originals:
        for rel, _, e in members:
            ctx.add(
                "delete",
                src=rel,
                note=f"archived in {dst}",
                expect={rel: view.expect_existing(rel, e)},
            )
            view.remove(rel)


def _note(n: int, total: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}, {human_size(total)} before compression"


def _make_zip(ctx: CompileContext, to: str, members: list[tuple[str, str, Entry]]) -> str | None:
    """The zip action for `to`; the path it writes, or None when the conflict policy skips it."""
    view = ctx.view
    folder = parent_of(to)
    ctx.ensure_dir(folder)
    dst, overwrite = ctx.place(folder, name_of(to), is_dir=False)
    if dst is None:
        return None
    if any(m[0] == dst for m in members):
        raise ctx.plan_error(f"cannot put {dst!r} into itself", dst)
    expect = {rel: view.expect_existing(rel, e) for rel, _, e in members}
    total = sum(e.size() for _, _, e in members)
    expect[dst] = ctx.claim(dst, overwrite)
    action = ctx.add(
        "zip",
        dst=dst,
        overwrite=overwrite,
        members=[[rel, name] for rel, name, _ in members],
        note=_note(len(members), total),
        expect=expect,
    )
    ctx.zips[to] = (action, total)
    ctx.bytes_needed += total
    view.write(dst, b"")
    return dst


def _add_to_zip(ctx: CompileContext, to: str, members: list[tuple[str, str, Entry]]) -> str:
    """A zip an earlier step of the plan makes takes this step's files too ("zip a.txt and b.pdf
    into x.zip": one step per item). The zip is written at the earlier step's place, so a file
    that changes in between, or a name already inside, is refused rather than zipped stale."""
    action, total = ctx.zips[to]
    dst = action.dst or to
    assert action.members is not None
    inside = {name for _, name in action.members}
    sources = {rel for rel, _ in action.members}
    later = [p for a in ctx.changeset.actions[action.seq :] if a.mutating for p in (a.src, a.dst) if p]
    for rel, name, e in members:
        if rel in sources:
            continue
        if rel == dst:
            raise ctx.plan_error(f"cannot put {dst!r} into itself", dst)
        if any(rel == p or rel.startswith(p + "/") or p.startswith(rel + "/") for p in later):
            raise ctx.plan_error(
                f"{rel!r} changes after step {action.step} makes {dst!r}; zip it in a step before that change",
                rel,
            )
        if name in inside:
            raise ctx.plan_error(f"{dst!r} already holds a file named {name!r}", rel)
        action.members.append([rel, name])
        fingerprint = ctx.view.expect_existing(rel, e)
        if fingerprint is not None:
            action.expect[rel] = fingerprint
        inside.add(name)
        sources.add(rel)
        total += e.size()
        ctx.bytes_needed += e.size()
    action.note = _note(len(action.members), total)
    ctx.zips[to] = (action, total)
    ctx.note(f"adds to {dst}, which step {action.step} makes")
    return dst


def _default_target(rel: str) -> str:
    name = name_of(rel)
    for suffix in _TAR_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return join(parent_of(rel), name)


def compile_extract(ctx: CompileContext, step: ExtractStep) -> None:
    from fileagent.errors import PolicyError

    view = ctx.view
    rel = ctx.path(step.path)
    e = view.get(rel)
    if e is None:
        raise ctx.plan_error(f"{step.path!r} does not exist{nearest(ctx, rel)}", step.path, absent=True)
    if e.is_dir or e.is_link or not view.untouched(rel, e):
        raise ctx.plan_error(
            f"{step.path!r} is not an archive file as it lies on disk before the run",
            step.path,
        )
    path = view.abs(rel)
    try:
        if archive_io.kind_of(path) is None:
            raise ctx.plan_error(f"{step.path!r} is not a zip or tar archive", step.path)
        members = archive_io.read_members(path)
    except archive_io.ArchiveRefused as err:
        raise ctx.policy_error(f"{rel!r} refused: {err}", rel) from None
    except OSError as err:
        raise ctx.plan_error(f"{step.path!r} cannot be read: {err.strerror or err}", step.path) from None
    target = ctx.path(step.to) if step.to is not None else _default_target(rel)
    ctx.ensure_dir(target)
    archive_fp = view.expect_existing(rel, e)
    files = total = 0
    for m in members:
        dst_path = join(target, m.path)
        try:
            if m.is_dir:
                ctx.ensure_dir(dst_path)
                continue
            ctx.ensure_dir(parent_of(dst_path))
            dst, overwrite = ctx.place(parent_of(dst_path), name_of(dst_path), is_dir=False)
        except PolicyError as err:
            ctx.skip(dst_path, str(err).partition(": ")[2] or str(err))
            continue
        if dst is None:
            continue
        ctx.add(
            "unpack",
            src=rel,
            dst=dst,
            overwrite=overwrite,
            members=[[m.name, m.size]],
            note=f"from {rel}",
            expect={rel: archive_fp, dst: ctx.claim(dst, overwrite)},
        )
        view.write(dst, b"")
        files += 1
        total += m.size
    ctx.bytes_needed += total
    ctx.note(f"{rel}: {len(members)} entries, {files} file(s) to extract, {human_size(total)}")


def compile_step(ctx: CompileContext, step: ArchiveStep | ExtractStep) -> None:
    if step.op == "archive":
        compile_archive(ctx, step)
    else:
        compile_extract(ctx, step)

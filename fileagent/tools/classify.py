"""classify: sort the selected files into subfolders of `dest`.

by: extension (lower-case extension, "noext"), type (the families in
filetypes.py), year / month (of the mtime, local time), size (small < 1 MB <=
medium < 100 MB <= large), topic (what the text talks about: topics.py),
keywords (rules in order: a keyword, case-insensitive, in the file's name or text; else `default`; with no default the file stays), or
rule_set (a named rule set of the config; none named: classify.default_rule_set; the files no rule
catches go to its `default` folder or by its `rest_by`, type or extension).

`dest` defaults to the selection's folder (`in`, or the folder of `path`). Rule
folders are relative to `dest`, except one that already starts with dest + "/",
which is taken as root-relative. Only files are classified; a file already in
its target folder is left alone. The selection is fixed before any move, so
target folders created here are never re-classified.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from fileagent.tools import tagging
from fileagent.tools.base import Capability, ext_of, join, name_of, parent_of
from fileagent.tools.filetypes import family_of
from fileagent.tools.select import select_some

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry
    from fileagent.agent.plan.model import ClassifyStep

CAPABILITY = Capability(
    "classify",
    mutates=True,
    needs_confirm_default=False,
    summary="sort files into subfolders by extension, type, date, size or keywords",
)
MB = 1024 * 1024
KEYWORD_READ_LIMIT = 1 << 20  # keyword rules look at the first 1 MB of a file's text


def _size_band(n: int) -> str:
    return "small" if n < MB else "medium" if n < 100 * MB else "large"


def _local(e: Entry) -> datetime:
    return datetime.fromtimestamp(e.mtime_ns() / 1e9)


def _kind_rule(by: str) -> Callable[[str, Entry], str | None]:
    if by == "extension":
        return lambda rel, e: ext_of(name_of(rel)) or "noext"
    return lambda rel, e: family_of(ext_of(name_of(rel)))


def folder_rule(ctx: CompileContext, step: ClassifyStep) -> Callable[[str, Entry], str | None]:
    by = step.by
    if by in ("extension", "type"):
        return _kind_rule(by)
    if by == "year":
        return lambda rel, e: f"{_local(e).year:04d}"
    if by == "month":
        return lambda rel, e: _local(e).strftime("%Y-%m")
    if by == "size":
        return lambda rel, e: _size_band(e.size())
    rest: Callable[[str, Entry], str | None] | None = None
    if by == "keywords":
        rules = [(tuple(k.casefold() for k in r.keywords), r.folder) for r in step.rules or ()]
        default = step.default
    else:
        sets = ctx.config.classify.rule_sets
        name = step.rule_set or ctx.config.classify.default_rule_set
        if name not in sets:
            raise ctx.plan_error(f"unknown rule set {name!r} (the config defines: {', '.join(sorted(sets))})")
        rs = sets[name]
        rules = [(tuple(k.casefold() for k in r.keywords), r.folder) for r in rs.rules]
        default = step.default if step.default is not None else rs.default
        if step.default is None and rs.rest_by is not None:
            rest = _kind_rule(rs.rest_by)

    def by_keywords(rel: str, e: Entry) -> str | None:
        name = name_of(rel).casefold()
        text: str | None = None
        for keywords, folder in rules:
            if any(k in name for k in keywords):
                return folder
        for keywords, folder in rules:
            if text is None:
                text = (ctx.text_or_none(e, KEYWORD_READ_LIMIT) or "").casefold()
            if any(k in text for k in keywords):
                return folder
        return rest(rel, e) if rest is not None else default

    return by_keywords


def compile_step(ctx: CompileContext, step: ClassifyStep) -> None:
    sel = step.select
    items = select_some(ctx, sel)
    if step.dest is not None:
        dest = ctx.folder(step.dest)
    elif sel.path is not None:
        dest = parent_of(ctx.path(sel.path))
    else:
        dest = ctx.folder(sel.in_ or ".")
    if step.by == "topic":
        from fileagent.tools import topics

        rule = topics.rule(ctx, step, items)
    else:
        rule = folder_rule(ctx, step)
    view = ctx.view
    targets: dict[str, str] = {}  # rule folder -> root-relative folder, checked once
    ready: set[str] = set()  # targets made (classify only moves files: they stay folders)
    follow_tags = bool(ctx.tag_index())
    note = f"classify {step.by}"
    topic = step.by == "topic"
    for rel, e in items:
        if e.is_dir or view.get(rel) is not e:
            continue
        folder = rule(rel, e)
        if folder is None:
            continue
        target = targets.get(folder)
        if target is None:
            f = folder.replace("\\", "/").strip("/")
            root_relative = dest != "" and (f == dest or f.startswith(dest + "/"))
            # under a folder already resolved, the rule's folder is a name there, read literally
            target = (
                ctx.folder(join(dest, f), literal=True)
                if dest and not root_relative
                else ctx.folder(f, literal=root_relative)
            )
            targets[folder] = target
        parent, _, name = rel.rpartition("/")
        if parent == target:
            continue
        if target not in ready:
            ctx.ensure_dir(target)
            ready.add(target)
        dst, overwrite = ctx.place(target, name, is_dir=False, name_checked=True)
        if dst is None:
            continue
        dst_expect = ctx.claim(dst, overwrite)
        ctx.add(
            "move",
            src=rel,
            dst=dst,
            overwrite=overwrite,
            note=f"topic {folder}" if topic else note,
            expect={rel: view.expect_existing(rel, e), dst: dst_expect},
        )
        view.move(rel, dst)
        if follow_tags:
            tagging.follow(ctx, rel, dst, is_dir=False)

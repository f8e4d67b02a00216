"""Duplicates: content-identical files among a selection, one copy per group kept by a rule.

Files are compared by content only, never by name: first by size, then by a hash of their first
PARTIAL bytes, then (for files longer than that) by a hash of the whole content. Empty files are
not duplicates of each other, and hard links to one file are one file (the first met stands for
it; the other links are left out). The hash is SHA-256, so two files in a group are equal except
for a collision nobody knows how to make.

Which copy stays (KEEP rules): the oldest (modification time), the newest, the one with the
shortest path, or the one inside a named folder (`keep_in`; a group with no copy there keeps its
oldest). Ties go to the shortest path, then the first in name order.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry

Item = tuple[str, "Entry"]
PARTIAL = 16 * 1024
CHUNK = 1 << 20


def _hash(e: Entry, limit: int | None) -> bytes:
    """SHA-256 of the first `limit` bytes (None: all) of a file as the plan leaves it."""
    if e.content is not None or e.disk is None:
        data = e.read()
        return hashlib.sha256(data if limit is None else data[:limit]).digest()
    h = hashlib.sha256()
    with open(e.disk, "rb") as f:
        if limit is not None:
            h.update(f.read(limit))
        else:
            while chunk := f.read(CHUNK):
                h.update(chunk)
    return h.digest()


def _split(groups: list[list[Item]], key) -> list[list[Item]]:
    out: list[list[Item]] = []
    for group in groups:
        by: dict[object, list[Item]] = {}
        for item in group:
            try:
                k = key(item)
            except OSError:
                continue  # unreadable now: never called a duplicate
            by.setdefault(k, []).append(item)
        out.extend(g for g in by.values() if len(g) > 1)
    return out


def find_groups(items: list[Item]) -> list[list[Item]]:
    """Groups (two or more items, in walk order) of content-identical files among `items`."""
    by_size: dict[int, list[Item]] = {}
    inodes: set[int] = set()
    for rel, e in items:
        if e.is_dir or e.is_link:
            continue
        size = e.size()
        if size == 0:
            continue
        if e.content is None and e.disk is not None:
            ino = e.fingerprint().inode
            if ino:
                if ino in inodes:
                    continue  # another link to a file already here
                inodes.add(ino)
        by_size.setdefault(size, []).append((rel, e))
    groups = [g for g in by_size.values() if len(g) > 1]
    groups = _split(groups, lambda item: _hash(item[1], PARTIAL))
    return _split(groups, lambda item: _hash(item[1], None) if item[1].size() > PARTIAL else b"")


def _shortest(item: Item) -> tuple:
    return (len(item[0]), item[0])


def kept(group: list[Item], rule: str, keep_in: str | None = None) -> Item:
    """The copy a group keeps under `rule` (oldest, newest, shortest_path, in_folder)."""
    if rule == "in_folder" and keep_in is not None:
        inside = [it for it in group if keep_in == "" or it[0].startswith(keep_in + "/")]
        if inside:
            return min(inside, key=lambda it: (it[1].mtime_ns(),) + _shortest(it))
    if rule == "newest":
        return min(group, key=lambda it: (-it[1].mtime_ns(),) + _shortest(it))
    if rule == "shortest_path":
        return min(group, key=_shortest)
    return min(group, key=lambda it: (it[1].mtime_ns(),) + _shortest(it))


def select_duplicates(ctx: CompileContext, items: list[Item], rule: str, keep_in: str | None) -> list[Item]:
    """The duplicates among `items` (every copy but the kept one of each group), in walk order; the
    groups are recorded for `list` and each duplicate's kept copy for the preview."""
    folder = ctx.folder(keep_in) if keep_in is not None else None
    if folder is not None and ((entry := ctx.view.get(folder)) is None or not entry.is_dir):
        raise ctx.plan_error(f"keep_in folder {keep_in!r} does not exist", keep_in, absent=True)
    groups = find_groups(items)
    order = {rel: i for i, (rel, _) in enumerate(items)}
    out: list[Item] = []
    record: list[tuple[str, list[str]]] = []
    outside = 0
    for group in groups:
        keep = kept(group, rule, folder)
        if folder is not None and not (folder == "" or keep[0].startswith(folder + "/")):
            outside += 1
        dups = [it for it in group if it is not keep]
        record.append((keep[0], [rel for rel, _ in dups]))
        for rel, _ in dups:
            ctx.duplicate_of[rel] = keep[0]
        out.extend(dups)
    out.sort(key=lambda it: order[it[0]])
    record.sort(key=lambda g: order[g[0]])
    ctx.duplicate_groups[ctx.step] = record
    words = {
        "oldest": "the oldest copy",
        "newest": "the newest copy",
        "shortest_path": "the shortest path",
        "in_folder": f"the copy in {keep_in!r}",
    }[rule]
    ctx.note(f"{len(groups)} group(s) of identical files, {len(out)} duplicate(s); each group keeps {words}")
    if outside:
        ctx.note(f"{outside} group(s) have no copy in {keep_in!r}: they keep their oldest copy")
    return out

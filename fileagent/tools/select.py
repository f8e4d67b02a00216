"""Selection: one exact path, or a glob under a folder, then filters (all must hold).

FIFOs, sockets and devices are never opened: a pattern leaves them out (recorded
in skipped) for every op but `list`, and naming one by `path` is a PlanError.
Patterns and `ext` match case-insensitively, on NFC-normalised names. Pattern
matches come out depth-first in sorted name order. A symlink pointing outside
the root is never a match: it is left out and recorded in ChangeSet.skipped
(named explicitly by `path`, the Guard refuses it instead). Likewise a pattern
match inside a denied folder or matching a deny pattern is left out and recorded
with the pattern, so one denied file does not sink a bulk job; a path the plan
names explicitly that is denied is refused by the Guard (exit 3).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from fileagent.policies.paths import compile_glob, fold, has_magic, nfc
from fileagent.policies.places import place_of
from fileagent.tools import ages, tagging
from fileagent.tools.base import ext_of, join, name_of
from fileagent.tools.filetypes import OTHER, family_of
from fileagent.tools.saferegex import compile_plan_regex

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry
    from fileagent.agent.plan.model import Filters, Selection

Item = tuple[str, "Entry"]


def _day_start_ns(d: date) -> int:
    """Local midnight of `d` in ns; days the platform's clock cannot express (year 1, year 9999) are
    clamped to the earliest or latest instant a file's mtime can hold."""
    try:
        return int(datetime.combine(d, time.min).timestamp()) * 1_000_000_000
    except (OverflowError, ValueError, OSError):
        return -(1 << 63) if d.year < 1970 else (1 << 63) - 1


def make_filter(ctx: CompileContext, f: Filters | None) -> Callable[[str, Entry], bool] | None:
    """One predicate for all filters, cheapest checks first; None when there are none."""
    if f is None:
        return None
    checks: list[Callable[[str, Entry], bool]] = []
    if f.ext is not None:
        exts = {e.lower().lstrip(".") for e in f.ext}
        checks.append(lambda rel, e: ext_of(name_of(rel)) in exts)
    if f.name_regex is not None:
        try:
            rx = compile_plan_regex(f.name_regex)
        except re.error as err:
            raise ctx.plan_error(f"invalid name_regex {f.name_regex!r}: {err}") from None
        except ValueError as err:
            raise ctx.plan_error(f"name_regex {f.name_regex!r} refused: {err}") from None
        checks.append(lambda rel, e: rx.search(nfc(name_of(rel))) is not None)
    if f.larger_than is not None:
        above = f.larger_than
        checks.append(lambda rel, e: not e.is_dir and e.size() > above)
    if f.smaller_than is not None:
        below = f.smaller_than
        checks.append(lambda rel, e: not e.is_dir and e.size() < below)
    if f.modified_after is not None:
        after_ns = _day_start_ns(f.modified_after)  # on or after that day
        checks.append(lambda rel, e: e.mtime_ns() >= after_ns)
    if f.modified_before is not None:
        before_ns = _day_start_ns(f.modified_before)
        checks.append(lambda rel, e: e.mtime_ns() < before_ns)
    for age, older in ((f.older_than, True), (f.newer_than, False)):
        if age is None:
            continue
        moment = ages.cutoff(ctx.now, age)
        at_ns = int(moment.timestamp()) * 1_000_000_000
        ctx.note(
            f"{'older than' if older else 'in the last'} {ages.age_words(age)}: modified "
            f"{'before' if older else 'on or after'} {moment:%Y-%m-%d %H:%M}"
        )
        checks.append(_modified_before(at_ns) if older else _modified_since(at_ns))
    if f.tag is not None:
        want = f.tag.casefold()
        checks.append(lambda rel, e: any(t.casefold() == want for t in tagging.tags_of(ctx, rel, e)))
    if f.empty:
        memo: dict[str, bool] = {}
        checks.append(lambda rel, e: is_empty(ctx, rel, e, memo))
    if f.contains is not None:
        needle = f.contains.casefold()

        def contains(rel: str, e: Entry) -> bool:
            text = ctx.text_or_none(e)
            return text is not None and needle in text.casefold()

        checks.append(contains)
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda rel, e: all(c(rel, e) for c in checks)


def is_empty(ctx: CompileContext, rel: str, e: Entry, memo: dict[str, bool]) -> bool:
    """A file of 0 bytes, or a folder with no file at any depth (only empty folders below it).
    A link, a hidden folder (".git") or a hidden path of the Guard below counts as content: a
    folder holding one is never called empty."""
    if e.is_link:
        return False
    if not e.is_dir:
        return e.size() == 0
    got = memo.get(rel)
    if got is None:
        listing = ctx.view.listing(rel)
        got = (
            listing is not None
            and not _holds_hidden(ctx, rel)
            and all(
                ce.is_dir and not name.startswith(".") and is_empty(ctx, join(rel, name), ce, memo)
                for name, ce in listing.items()
            )
        )
        memo[rel] = got
    return got


def _holds_hidden(ctx: CompileContext, rel: str) -> bool:
    if not ctx.guard.hidden:
        return False
    import os

    top = ctx.view.abs(rel) + os.sep
    return any(h.startswith(top) for h in ctx.guard.hidden)


class Exclusions:
    """excluded(path below the selection's folder, name) for the selection's `exclude` patterns;
    it remembers which patterns matched something."""

    def __init__(self, ctx: CompileContext, patterns: list[str], base: str | None = None):
        self.rules: list[tuple[str, bool, Callable[[str], object]]] = []
        start = nfc(base or "").replace("\\", "/").strip("/").casefold()
        for p in patterns:
            q = nfc(p).replace("\\", "/").strip("/")
            while q.startswith("./"):
                q = q[2:]
            if start and start != "." and q.casefold().startswith(start + "/"):
                q = q[len(start) + 1 :]  # "projects/active" left out of "in projects" is its "active"
            if not q:
                raise ctx.plan_error(f"exclude pattern {p!r} is empty")
            self.rules.append((p, "/" in q, compile_glob(q, ignore_case=True).fullmatch))
        self.hit: set[str] = set()

    def __call__(self, sub: str, name: str) -> bool:
        name = name if name.isascii() else nfc(name)
        for p, by_path, match in self.rules:
            if match(sub if by_path else name):
                self.hit.add(p)
                return True
        return False

    def unmatched(self) -> list[str]:
        return [p for p, _, _ in self.rules if p not in self.hit]


def exclusions(ctx: CompileContext, patterns: list[str] | None, base: str | None = None) -> Exclusions | None:
    """The selection's `exclude` patterns as a test, or None when it has none; a pattern may write
    the path from the root or from the selection's folder `base`."""
    return Exclusions(ctx, patterns, base) if patterns else None


def select(ctx: CompileContext, sel: Selection, *, children_of_folder: bool = False) -> list[Item]:
    """The items a step acts on, ordered and cut to `limit` when the selection says so."""
    skipped_before = len(ctx.changeset.skipped)
    excluded = exclusions(ctx, sel.exclude, sel.in_)
    items = _select(ctx, sel, children_of_folder, excluded)
    if excluded is not None and ctx.op != "list" and sel.path is None:
        unmatched = [p for p in excluded.unmatched() if not _an_extension(p)]
        if unmatched:
            # "except the invoices" read as except="invoices" where no name is that: what to keep is unclear
            raise ctx.plan_error(
                f"nothing there is named {unmatched[0]!r}, which the request leaves out: name what to keep "
                "as it is written (a file, a folder, or a pattern such as *.pdf)",
                sel.in_,
            )
    if sel.duplicates is not None:
        from fileagent.tools.duplicates import select_duplicates

        items = select_duplicates(ctx, items, sel.duplicates, sel.keep_in)
    held: set[str] = set()
    if sel.sort is not None:
        if sel.limit is not None:
            # an item the Guard keeps out still holds its place in the order: "the 3 biggest" never
            # reaches down to the 4th because the biggest is denied
            denied = _denied_items(ctx, skipped_before, sel.kind)
            held = {rel for rel, _ in denied}
            items = items + denied
        items.sort(key=sort_key(ctx, sel.sort), reverse=bool(sel.desc))  # stable: ties keep walk order
        ctx.note(f"ordered by {_ORDER_WORDS[sel.sort, bool(sel.desc)]}")
    if sel.limit is not None:
        if len(items) > sel.limit:
            ctx.note(f"the first {sel.limit} of {len(items)} matches")
        del items[sel.limit :]
        if held and any(rel in held for rel, _ in items):
            ctx.note("those among them that cannot be touched (Skipped) are left out, not replaced")
            items = [item for item in items if item[0] not in held]
    return items


_DENIED = "matches deny pattern"  # how a walk says why it skipped an item the Guard denies
_EXT_PATTERN = re.compile(r"\*\.([^*?/\[\]]+)")


def _an_extension(pattern: str) -> bool:
    """`*.pdf`: clear even where no file has it; `*.receipt` ("except the receipt") is a word, not one."""
    m = _EXT_PATTERN.fullmatch(pattern)
    return m is not None and (family_of(m.group(1)) != OTHER or len(m.group(1)) <= 4)


def _denied_items(ctx: CompileContext, since: int, kind: str) -> list[Item]:
    """The items a walk skipped for a deny pattern since `since` (they keep their rank in a top N)."""
    out = []
    for _, rel, why in ctx.changeset.skipped[since:]:
        e = ctx.view.get(rel) if why.startswith(_DENIED) else None
        if e is not None and (kind == "any" or e.is_dir == (kind == "dir")):
            out.append((rel, e))
    return out


_ORDER_WORDS = {
    ("size", True): "size, largest first",
    ("size", False): "size, smallest first",
    ("mtime", True): "date, newest first",
    ("mtime", False): "date, oldest first",
    ("name", True): "name, Z to A",
    ("name", False): "name, A to Z",
}


def size_of(ctx: CompileContext, rel: str, e: Entry) -> int:
    """A file's size; a folder's: the files below it (as the view sees them)."""
    if not e.is_dir or e.is_link:
        return e.size()
    return sum(ce.size() for _, ce in ctx.view.walk_files(rel) if not ce.is_dir)


def _modified_before(at_ns: int) -> Callable[[str, Entry], bool]:
    return lambda rel, e: e.mtime_ns() < at_ns


def _modified_since(at_ns: int) -> Callable[[str, Entry], bool]:
    return lambda rel, e: e.mtime_ns() >= at_ns


def sort_key(ctx: CompileContext, by: str) -> Callable[[Item], Any]:
    if by == "size":
        return lambda item: size_of(ctx, *item)
    if by == "mtime":
        return lambda item: item[1].mtime_ns()
    return lambda item: nfc(name_of(item[0])).casefold()


def nearest(ctx: CompileContext, rel: str) -> str:
    """A hint for a name that is not there: the same name in another folder (" (there is
    downloads/backup.zip)"), else the closest names in the nearest folder that is (" (nearest
    there: invoice_0412.pdf, invoice_0419.pdf)"), or nothing when none is close."""
    parent, _, name = rel.rpartition("/")
    while parent and ctx.view.get(parent) is None:
        parent, _, name = parent.rpartition("/")
    listing = ctx.view.listing(parent or ".") or {}
    if name in listing and ctx.view.get(rel) is None:
        return " (an earlier step of the plan takes it away)"
    elsewhere = _same_name_elsewhere(ctx, rel.rpartition("/")[2])
    if elsewhere:
        return f" (there is {', '.join(elsewhere)})"
    there = [c for c in sorted(listing) if ctx.view.get(join(parent, c) if parent else c) is not None]
    close = difflib.get_close_matches(name, there, n=3, cutoff=0.6)
    if not close:
        return ""
    return f" (nearest there: {', '.join(join(parent, c) if parent else c for c in close)})"


NEAREST_WALK = 5000  # entries read at most to find a name elsewhere in the tree


def _same_name_elsewhere(ctx: CompileContext, name: str) -> list[str]:
    """Up to three paths, shallowest first, whose name is `name` up to case: "backup.zip" asked for
    at the root is downloads/backup.zip. Only a hint: the walk reads the disk (at most NEAREST_WALK
    entries), never enters hidden or linked folders, leaves out what the deny list covers, and
    passes over a folder it cannot read."""
    import os

    from fileagent.policies.links import entry_is_link

    want = fold(name)
    found: list[str] = []
    queue, seen = [""], 0
    while queue and len(found) < 3 and seen < NEAREST_WALK:
        folder = queue.pop(0)
        entries: list[tuple[str, str, bool]] = []
        try:
            with os.scandir(ctx.view.abs(folder)) as it:
                for e in it:
                    if seen + len(entries) >= NEAREST_WALK:
                        break
                    entries.append((e.name, e.path, e.is_dir(follow_symlinks=False) and not entry_is_link(e)))
        except OSError:
            continue
        folder_fold = fold(folder)
        for child, path, is_dir in sorted(entries):
            seen += 1
            if (
                child.startswith(".")
                or ctx.guard.invisible(folder, child, path)
                or ctx.guard.entry_denied(folder_fold, child)
            ):
                continue
            rel = join(folder, child) if folder else child
            if fold(child) == want:
                found.append(rel)
            if is_dir:
                queue.append(rel)
    return found[:3]


def transfer_selection(step: Any) -> Any:
    """What a move or copy selects: one that keeps the folder structure walks the subfolders too
    (the structure to keep is the one below the folder)."""
    sel = step.select
    if getattr(step, "keep_structure", None) and sel.path is None and not sel.recursive:
        from dataclasses import replace

        return replace(sel, recursive=True)
    return sel


def every_depth(sel: Any) -> bool:
    """The selection walks every subfolder: `recursive`, or empty folders, which nest ("the empty
    folders in docs" means docs/img/icons too)."""
    return bool(sel.recursive) or (sel.kind == "dir" and sel.filters is not None and bool(sel.filters.empty))


def _select(ctx: CompileContext, sel: Selection, children_of_folder: bool, excluded: Exclusions | None) -> list[Item]:
    """`children_of_folder` (list): a `path` naming a folder means its direct children (files and
    folders)."""
    keep = make_filter(ctx, sel.filters)
    view = ctx.view
    if sel.path is not None:
        rel = ctx.path(sel.path)
        if ctx.scope is not None and not children_of_folder and rel not in ctx.scope:
            return []
        e = view.get(rel)
        if e is None:
            raise ctx.plan_error(f"{sel.path!r} does not exist{nearest(ctx, rel)}", sel.path, absent=True)
        if children_of_folder and e.is_dir and not e.is_link:
            listing = view.listing(rel) or {}
            items = []
            for name in sorted(listing):
                child, ce = join(rel, name), listing[name]
                if excluded is not None and excluded(nfc(name), name):
                    continue
                if ce.is_link:
                    why = ctx.guard.link_problem(view.abs(child))
                    if why:
                        ctx.skip(child, why)
                        continue
                pat = ctx.guard.entry_denied(fold(rel), name)
                if pat:
                    ctx.skip(child, f"{_DENIED} {pat!r}")
                    continue
                if ctx.in_scope(child) and (keep is None or keep(child, ce)):
                    items.append((child, ce))
            return items
        if e.special and ctx.op != "list":
            raise ctx.plan_error(f"{sel.path!r} is a {e.special}, not a regular file: it is never opened", sel.path)
        return [(rel, e)] if ctx.in_scope(rel) and (keep is None or keep(rel, e)) else []
    pattern = nfc(sel.pattern or "*").replace("\\", "/")
    where = sel.in_
    if place_of(pattern) is not None:
        # "~/*.pdf", "$HOME/**": the pattern's leading names are a place, which the Guard judges
        where, pattern = _place_prefix(pattern)
    base = ctx.folder(where or ".")
    be = view.get(base)
    if be is None:
        raise ctx.plan_error(f"folder {where!r} does not exist{nearest(ctx, base)}", where, absent=True)
    if not be.is_dir:
        raise ctx.plan_error(f"{where!r} is not a folder", where)
    while pattern.startswith("./"):
        pattern = pattern[2:]
    if every_depth(sel) and not pattern.startswith("**/"):
        pattern = "**/" + pattern
    rx = compile_glob(pattern, ignore_case=True)
    max_depth = 1 << 30 if "**" in pattern else pattern.count("/") + 1
    # A walk through every subfolder leaves hidden folders (.git, .venv, .cache) out unless the
    # pattern names one ("**/.cache/*") or `in` is one.
    skip_hidden = "**" in pattern and _HIDDEN_NAMED.search(pattern) is None
    return _walk(ctx, base, rx, max_depth, sel.kind, keep, skip_hidden, excluded, _junk_passed_over(pattern))


_HIDDEN_NAMED = re.compile(r"(^|/)\.")


def _place_prefix(pattern: str) -> tuple[str, str]:
    """("~/docs", "*.pdf") for "~/docs/*.pdf": the names before the first wildcard, and the rest (the
    last name when there is none)."""
    parts = pattern.split("/")
    i = next((k for k, part in enumerate(parts) if has_magic(part)), len(parts) - 1)
    i = max(i, 1)
    return "/".join(parts[:i]), "/".join(parts[i:]) or "*"


def _junk_passed_over(pattern: str) -> frozenset[str]:
    """The OS's junk files (macOS: .DS_Store) a wildcard passes over; none when the pattern names one."""
    from fileagent.tools.fs import platform

    junk = platform.CAPS.junk_names
    low = pattern.lower()
    return frozenset() if any(j.lower() in low for j in junk) else junk


def _walk(
    ctx: CompileContext,
    base: str,
    rx: re.Pattern[str],
    max_depth: int,
    kind: str,
    keep: Callable[[str, Entry], bool] | None,
    skip_hidden: bool = False,
    excluded: Exclusions | None = None,
    junk: frozenset[str] = frozenset(),
) -> list[Item]:
    """Depth first in sorted name order, a folder before what it holds; an explicit stack, so a tree
    thousands of levels deep costs memory, not Python recursion."""
    view, guard = ctx.view, ctx.guard
    scope = ctx.scope
    listing_op = ctx.op == "list"
    want_files, want_dirs = kind in ("file", "any"), kind in ("dir", "any")
    out: list[Item] = []
    match = rx.fullmatch
    stack: list[tuple] = []

    def enter(folder: str, sub: str, depth: int, denied_above: str | None) -> None:
        listing = view.listing(folder)
        if listing:
            stack.append((folder, sub, fold(folder), depth, denied_above, listing, iter(sorted(listing))))

    enter(base, "", 1, guard.denied_by(base) if base else None)
    while stack:
        folder, sub, folder_fold, depth, denied_above, listing, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        if junk and name in junk:
            continue
        e = listing[name]
        rel = f"{folder}/{name}" if folder else name
        is_dir = e.is_dir
        if skip_hidden and is_dir and name[0] == ".":
            ctx.skip(rel, "hidden folder left out of a walk through subfolders (name it to include it)")
            continue
        if excluded is not None and excluded(sub + (name if name.isascii() else nfc(name)), name):
            continue
        denied = denied_above or guard.entry_denied(folder_fold, name)
        if (
            (want_dirs if is_dir else want_files)
            and (scope is None or rel in scope)
            and match(sub + (name if name.isascii() else nfc(name)))
        ):
            if e.is_link:
                why = guard.link_problem(view.abs(rel))
                if why:
                    ctx.skip(rel, why)
                    continue
            if e.special and not listing_op:
                ctx.skip(rel, f"a {e.special}, not a regular file: never opened")
                continue
            if keep is None or keep(rel, e):
                held = _holds_excluded(ctx, rel, f"{sub}{nfc(name)}/", excluded) if is_dir and not listing_op else None
                if denied:
                    ctx.skip(rel, f"{_DENIED} {denied!r}")
                elif held:
                    ctx.skip(rel, f"it holds {held!r}, which the request leaves out")
                else:
                    out.append((rel, e))
        if is_dir and not e.is_link and depth < max_depth:
            enter(rel, f"{sub}{nfc(name)}/", depth + 1, denied)
    return out


def _holds_excluded(ctx: CompileContext, rel: str, sub: str, excluded: Exclusions | None) -> str | None:
    """A file below folder `rel` that an exclusion leaves out: the folder is not taken whole
    ("delete everything in downloads except pdfs" keeps stuff/b.pdf, so stuff/ stays)."""
    if excluded is None:
        return None
    for child, _entry in ctx.view.walk_files(rel):
        name = name_of(child)
        if excluded(sub + nfc(child[len(rel) + 1 :]), name if name.isascii() else nfc(name)):
            return child
    return None


def subtree_problem(ctx: CompileContext, rel: str) -> str | None:
    """A folder about to be moved, copied or deleted whole must not hold denied or hidden entries."""
    import os

    top = ctx.view.abs(rel) + os.sep
    for hidden in ctx.guard.hidden:
        if hidden.startswith(top):
            return f"it contains a hidden path ({hidden})"
    for child, _entry in ctx.view.walk_files(rel):
        pat = ctx.guard.entry_denied(fold(child.rpartition("/")[0]), name_of(child))
        if pat:
            return f"it contains {child!r}, which matches deny pattern {pat!r}"
    return None


def _nearby(ctx: CompileContext, sel: Selection) -> str:
    """What the selection's folder does hold, as a hint: its most common extensions."""
    from dataclasses import replace

    try:
        items = select(ctx, replace(sel, filters=None, pattern=None, kind="file"))  # type: ignore[type-var]
    except Exception:  # noqa: BLE001 - only a hint: a folder that cannot be listed gives none
        return ""
    counts: dict[str, int] = {}
    for rel, _ in items:
        ext = ext_of(rel)
        if ext:
            counts[ext] = counts.get(ext, 0) + 1
    if not counts:
        return " (no files there)" if not items else ""
    common = sorted(counts, key=lambda e: (-counts[e], e))
    more = f" and {len(common) - NEARBY_EXTS} more" if len(common) > NEARBY_EXTS else ""
    return " (files there: " + ", ".join("." + e for e in common[:NEARBY_EXTS]) + more + ")"


NEARBY_EXTS = 8  # extensions named at most in that hint


def describe(sel: Selection) -> str:
    if sel.path is not None:
        return repr(sel.path)
    where = sel.in_ or "."
    return f"pattern {(sel.pattern or '*')!r} in {where!r}" + (" (recursive)" if sel.recursive else "")


def select_some(ctx: CompileContext, sel: Selection, **kw: bool) -> list[Item]:
    """select() for a changing step: matching nothing is a PlanError naming the step and pattern."""
    before = len(ctx.changeset.skipped)
    items = select(ctx, sel, **kw)
    if not items and not ctx.allow_empty:
        filters = " with the given filters" if sel.filters is not None else ""
        left = ctx.changeset.skipped[before:]
        if left:
            _, path, why = left[0]
            more = f" (and {len(left) - 1} more)" if len(left) > 1 else ""
            raise ctx.policy_error(
                f"nothing left to act on: {describe(sel)}{filters} matches only items that "
                f"are left out: {path!r} {why}{more}",
                path,
            )
        if sel.filters is not None and sel.filters.ext:
            filters = (
                " with extension "
                + ", ".join("." + e for e in sel.filters.ext)
                + (" and the other filters" if len([v for v in vars(sel.filters).values() if v]) > 1 else "")
            )
        raise ctx.plan_error(
            f"nothing matches {describe(sel)}{filters}{_nearby(ctx, sel)}", sel.path or sel.in_, absent=True
        )
    return items


def skip_or_refuse(ctx: CompileContext, sel: Selection, rel: str, why: str) -> bool:
    """A selected folder that holds denied or hidden entries: a bulk selection leaves it out (True);
    a folder the plan names explicitly is refused (PolicyError)."""
    if sel.path is None:
        ctx.skip(rel, why)
        return True
    raise ctx.policy_error(f"{rel!r} refused: {why}", rel)

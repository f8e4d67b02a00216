"""The compile context: what a tool needs to turn one plan step into actions.

It owns the tree view, the Guard, the ChangeSet under construction and the
conflict rule, and offers the few moves every tool makes: resolve a plan path,
make sure a destination folder exists (explicit mkdir actions, once), choose a
destination name under the conflict policy, read a file as text, and add an
action with its `expect` fingerprints.
"""

from __future__ import annotations

import itertools
import os
from datetime import datetime

from fileagent.agent.engine.changeset import Action, ChangeSet, Conflict, Fingerprint
from fileagent.agent.engine.treeview import Entry, TreeView
from fileagent.config.loader import Config
from fileagent.errors import PlanError, PolicyError
from fileagent.policies.guard import Guard
from fileagent.policies.paths import STATE_DIR, fold
from fileagent.tools.base import join, looks_binary, parent_of, split_name

BINARY_SNIFF = 8192


class CompileContext:
    def __init__(
        self,
        *,
        guard: Guard,
        config: Config,
        on_conflict: str,
        state_dir_name: str = STATE_DIR,
        scope: frozenset[str] | None = None,
        allow_empty: bool = False,
    ):
        self.guard = guard
        # scope: the only root-relative paths a selection may take (a watched batch's new items);
        # allow_empty: a selection matching nothing is no error (a saved rule waits for its files).
        self.scope = scope
        self.allow_empty = allow_empty or scope is not None
        self.config = config
        self.on_conflict = on_conflict
        self.encoding = config.agent.encoding
        self.max_batch = config.agent.max_batch
        self.state_dir_name = state_dir_name
        self.view = TreeView(guard)
        self.changeset = ChangeSet()
        self.step = 0
        self.op = ""
        self._mutating = 0
        self._tag_index: dict[str, list[str]] | None = None
        self._folds: dict[str, str] = {}
        self.now = datetime.now().replace(microsecond=0)  # relative ages count back from here
        self.bytes_needed = 0  # written by copy, archive, extract
        self.duplicate_of: dict[str, str] = {}  # duplicate -> the copy its group keeps
        self.zips: dict[str, tuple[Action, int]] = {}  # zip a step makes -> (its action, bytes in it)
        self.duplicate_groups: dict[int, list[tuple[str, list[str]]]] = {}  # step -> (kept, duplicates)

    def in_scope(self, rel: str) -> bool:
        return self.scope is None or rel in self.scope

    # ---------------------------------------------------------- errors

    def plan_error(self, msg: str, path: str | None = None, *, absent: bool = False) -> PlanError:
        """`absent`: the step names something that is not there; on the first step, which selects
        what is there now, the planner refuses the request as naming nothing that exists."""
        if absent:
            return PlanError(f"{self.op}: {msg}", step=self.step, path=path, absent=True)
        return PlanError(f"{self.op}: {msg}", step=self.step, path=path)

    def policy_error(self, msg: str, path: str | None = None) -> PolicyError:
        return PolicyError(f"{self.op}: {msg}", step=self.step, path=path)

    # ---------------------------------------------------------- paths

    def path(self, p: str, *, literal: bool = False) -> str:
        """A plan path -> its root-relative form ("" for the root), through the Guard. `literal`: p
        is a root-relative path the engine built (a "~" first is the entry of that name)."""
        rel = self.guard.rel(self.guard.resolve(p, step=self.step, op=self.op, literal=literal))
        if rel == ".":
            return ""
        if self.view.get(rel) is None:  # a name typed precomposed, stored decomposed
            rel = self.view.spelled_on_disk(rel)
        on_disk = self.view.spelled(rel)
        if on_disk != rel:  # the same entry under the filesystem's own rules: checked, and acted on, as on disk
            self.guard.resolve(on_disk, step=self.step, op=self.op, literal=True)
        return on_disk

    def folder(self, p: str, *, literal: bool = False) -> str:
        """Like path(), but a symlink to a folder inside the root stands for that folder, and ""
        means the root."""
        rel = self.path(p if p.strip() else ".", literal=literal)
        e = self.view.get(rel)
        if e is not None and e.is_link:
            import os

            why = self.guard.link_problem(self.view.abs(rel))  # it may have changed since the check
            if why:
                raise self.policy_error(f"{p!r} refused: {why}", p)
            rel = self.guard.rel(os.path.realpath(self.view.abs(rel)))
            rel = "" if rel == "." else rel
        return rel

    def check_new_name(self, folder: str, name: str, *, name_checked: bool = False) -> None:
        """A destination the plan creates must itself be allowed (deny patterns, hidden paths).
        name_checked: the item keeps a name the selection already checked."""
        folded = self._folds.get(folder)
        if folded is None:
            folded = self._folds[folder] = fold(folder)
        pat = self.guard.entry_denied(folded, name, name_checked=name_checked)
        if pat:
            rel = join(folder, name)
            raise self.policy_error(f"destination {rel!r} refused: it matches deny pattern {pat!r}", rel)
        why = None if name_checked else self.guard.new_name_problem(name)
        if why:
            raise self.policy_error(f"destination {join(folder, name)!r} refused: {why}", join(folder, name))
        if folder == "" and fold(name) == fold(self.state_dir_name):
            raise self.policy_error(f"destination {name!r} refused: it is the agent's state folder", name)
        if self.guard.hidden_rels and self.guard.is_hidden(self.view.abs(join(folder, name))):
            raise self.policy_error(
                f"destination {join(folder, name)!r} refused: it is a hidden path", join(folder, name)
            )

    def ensure_dir(self, rel: str) -> None:
        """Make folder rel exist in the view, adding one mkdir action per missing folder."""
        if rel == "":
            return
        e = self.view.get(rel)
        if e is not None:
            if not e.is_dir:
                raise self.plan_error(f"{rel!r} exists and is not a folder", rel)
            return
        parent = parent_of(rel)
        self.ensure_dir(parent)
        name = rel.rpartition("/")[2]
        self.check_new_name(parent, name)
        self.add("mkdir", dst=rel, expect={rel: self.view.expect_absent(rel)})
        self.view.mkdir(rel)

    def place(
        self, folder: str, name: str, *, is_dir: bool, name_checked: bool = False, moving: str | None = None
    ) -> tuple[str | None, bool]:
        """Destination for an item named `name` arriving in `folder` (which exists in the view):
        (rel, overwrite), or (None, False) when the conflict policy says skip. `moving`: the item's
        own path (a case-only rename does not clash with itself)."""
        self.check_new_name(folder, name, name_checked=name_checked)
        dst = f"{folder}/{name}" if folder else name
        view = self.view
        taken = view.clash(folder, name)
        if taken is None or join(folder, taken) == moving:
            return dst, False
        listing = view.listing(folder) or {}
        existing = listing[taken]
        dst = join(folder, taken)
        if existing.is_link:
            why = self.guard.link_problem(view.abs(dst))
            if why:
                raise self.policy_error(f"destination {dst!r} refused: {why}", dst)
        conflicts = self.changeset.conflicts
        if self.on_conflict == "skip":
            conflicts.append(Conflict(self.step, dst, "skip", None))
            return None, False
        if self.on_conflict == "overwrite":
            if existing.is_dir != is_dir:
                what = "folder" if existing.is_dir else "file"
                raise self.plan_error(
                    f"cannot overwrite the {what} {dst!r} with a {'folder' if is_dir else 'file'}", dst
                )
            conflicts.append(Conflict(self.step, dst, "overwrite", dst))
            return dst, True
        stem, ext = (name, "") if is_dir else split_name(name)
        for i in itertools.count(1):
            candidate = f"{stem} ({i}){ext}"
            if view.clash(folder, candidate) is None:
                break
        self.check_new_name(folder, candidate)
        new = join(folder, candidate)
        conflicts.append(Conflict(self.step, dst, "rename_new", new))
        return new, False

    def claim(self, dst: str, overwrite: bool):
        """The fingerprint a move/copy/rename to `dst` expects there (what it replaces, or absence),
        taking an overwritten item out of the view."""
        view = self.view
        if not overwrite:
            return view.expect_absent(dst)
        old = view.get(dst)
        expect = view.expect_existing(dst, old) if old is not None else None
        view.remove(dst)
        return expect

    # ---------------------------------------------------------- content

    def link_target(self, rel: str, e: Entry) -> tuple[str, Entry]:
        """For a symlink inside the root (already checked to stay inside): the item it points to, so
        content changes go to the target instead of replacing the link by a file."""
        if not e.is_link:
            return rel, e
        import os

        target = self.guard.rel(os.path.realpath(self.view.abs(rel)))
        te = self.view.get(target)
        if te is None:
            raise self.plan_error(f"{rel!r} is a symbolic link to {target!r}, which does not exist", rel)
        return target, te

    def read_text(self, rel: str, e: Entry, *, why: str = "update") -> str:
        try:
            data = e.read()
        except OSError as err:  # not a regular file (a FIFO, ...), or gone
            raise self.plan_error(f"cannot {why} {rel!r}: {err.strerror or err}", rel) from None
        if looks_binary(data[:BINARY_SNIFF]):
            raise self.plan_error(f"cannot {why} binary file {rel!r}", rel)
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError as err:
            raise self.plan_error(
                f"cannot {why} {rel!r}: not valid {self.encoding} text (byte {err.start})", rel
            ) from None

    def text_or_none(self, e: Entry, limit: int | None = None) -> str | None:
        """Text of a file for matching (contains, keywords), or None for binary/undecodable files."""
        if e.is_dir:
            return None
        try:
            data = e.read() if limit is None else e.read_head(limit)
        except OSError:
            return None
        if looks_binary(data[:BINARY_SNIFF]):
            return None
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError as err:
            if limit is not None and len(data) == limit and err.start >= len(data) - 4:  # cut mid-character
                return data[: err.start].decode(self.encoding, errors="ignore")
            return None

    def tag_index(self) -> dict[str, list[str]]:
        """ROOT/.fileagent/tags.json as simulated so far."""
        if self._tag_index is None:
            from fileagent.tools import tagstore

            try:
                self._tag_index = tagstore.load_index(self.guard.root_str)
            except PolicyError:
                raise
            except (OSError, ValueError) as err:
                raise PlanError(f"the tag index cannot be read: {err}") from None
        return self._tag_index

    # ---------------------------------------------------------- actions

    def add(
        self,
        kind: str,
        *,
        src: str | None = None,
        dst: str | None = None,
        content: bytes | None = None,
        overwrite: bool = False,
        tags: list[str] | None = None,
        note: str = "",
        expect: dict[str, Fingerprint | None] | None = None,
        members: list[list] | None = None,
    ) -> Action:
        if kind in ("move", "delete") and src and self.guard.hidden:
            # moving or removing a folder that holds the audit log, its key or the config in use would
            # take them away from under the agent (a new chain would start; a config would vanish)
            top = self.view.abs(src) + os.sep
            for h in self.guard.hidden:
                if h.startswith(top):
                    raise self.policy_error(f"{src!r} refused: it holds {h}, which no plan may touch", src)
        actions = self.changeset.actions
        a = Action(
            seq=len(actions) + 1,
            step=self.step,
            kind=kind,  # type: ignore[arg-type]
            src=src,
            dst=dst,
            content=content,
            overwrite=overwrite,
            tags=tags,
            note=note,
            expect={k: v for k, v in (expect or {}).items() if v is not None},
            members=members,
        )
        if a.kind != "emit":
            self._mutating += 1
            if self._mutating > self.max_batch:
                raise self.policy_error(
                    f"the plan needs more than {self.max_batch} changes (agent.max_batch); "
                    "split it into smaller plans or raise agent.max_batch in the config"
                )
        actions.append(a)
        return a

    def kept_copy(self, rel: str) -> tuple[str, dict]:
        """For a duplicate about to be deleted or moved: the preview's note naming the copy its group
        keeps, and that copy's fingerprint (a kept copy changed since the preview stops the run)."""
        keep = self.duplicate_of.get(rel)
        if keep is None:
            return "", {}
        e = self.view.get(keep)
        return f"duplicate of {keep} (kept)", {keep: self.view.expect_existing(keep, e) if e is not None else None}

    def note(self, text: str) -> None:
        """Say how this step was read (once), for the preview."""
        if (self.step, text) not in self.changeset.notes:
            self.changeset.notes.append((self.step, text))

    def skip(self, rel: str, why: str) -> None:
        self.changeset.skipped.append((self.step, rel, why))

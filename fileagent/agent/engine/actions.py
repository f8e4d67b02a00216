"""One action at a time, for the executor: `_Paths` (rel -> absolute path, checked by the Guard
right before use) and `_Runner` (one run's state; `act` does one action, backed up and journaled).

executor.py holds the run as a whole (stale check, groups, failure rule, rollback); the plain-move
fast path that `_Runner` inherits is in fastpath.py.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat as stat_mod
from pathlib import Path
from typing import Any

from fileagent.agent.engine.changeset import Action
from fileagent.agent.engine.fastpath import PlainMoves, _FolderFds, _plain
from fileagent.agent.history import journal as jr
from fileagent.agent.history.audit import AuditWriter
from fileagent.errors import ActionError, PolicyError
from fileagent.tools import archive_io, tagstore
from fileagent.tools.fs import dirfd, fsops

_GUARD_OP = {
    "mkdir": "create",
    "write": "update",
    "move": "move",
    "copy": "copy",
    "delete": "delete",
    "set_tags": "tag",
    "zip": "create",
    "unpack": "create",
    "emit": "read",
}


class _Paths:
    """rel -> absolute str, checked by the Guard right before use.

    A plain normalised path costs one cached Guard.resolve of its folder (symlinks in the
    folder chain resolved, containment checked) plus the Guard's per-entry checks on the
    name (hidden? denied?); a source is also lstat'ed so a symlink is checked where it
    points. Anything unusual goes through the full Guard.resolve.
    """

    def __init__(self, root: Path, guard: Any) -> None:  # a Guard, or a test double with its methods
        self.guard = guard
        self.root = getattr(guard, "root_str", None) or os.fspath(root)
        self._fast = all(hasattr(guard, m) for m in ("invisible", "entry_denied", "link_problem")) and not getattr(
            guard, "windows", os.name == "nt"
        )
        self._dirs: dict[str, tuple[str, str]] = {}  # folder rel -> (absolute, folded rel)

    def _full(self, rel: str, a: Action) -> str:
        try:
            return os.fspath(self.guard.resolve(rel, step=a.step, op=_GUARD_OP[a.kind], literal=True))
        except PolicyError:
            raise
        except (TypeError, ValueError) as e:  # guards may reject odd input with plain errors
            raise PolicyError(f"refused path {rel!r}: {e}", step=a.step, path=rel) from None

    def _refuse(self, rel: str, a: Action, why: str) -> PolicyError:
        return PolicyError(f"{_GUARD_OP[a.kind]} of {rel!r} refused: {why}", step=a.step, path=rel)

    def folder(self, head: str, a: Action) -> tuple[str, str]:
        """(absolute path, folded rel) of folder `head` ("" for the root), Guard-resolved once per run."""
        d = self._dirs.get(head)
        if d is None:
            from fileagent.policies.paths import fold

            d = self._dirs[head] = ((self._full(head, a) if head else self.root), fold(head))
        return d

    def entry(self, rel: str, head: str, name: str, d: tuple[str, str], a: Action, name_checked: bool = False) -> str:
        """The Guard's per-entry checks of `name` in checked folder `d` (hidden? denied?) -> its path."""
        path = d[0] + os.sep + name
        g = self.guard
        if g.invisible(head, name, path):
            raise self._refuse(rel, a, "it is inside the agent's state folder or a hidden path")
        pat = g.entry_denied(d[1], name, name_checked=name_checked)
        if pat:
            raise self._refuse(rel, a, f"it matches deny pattern {pat!r}")
        return path

    def abs(self, rel: str | None, a: Action) -> str:
        """A path to create or replace (a final symlink there is replaced, never followed)."""
        if rel is None:
            raise ActionError(f"action {a.seq} ({a.kind}) has no path")
        if not self._fast or not _plain(rel):
            return self._full(rel, a)
        head, _, name = rel.rpartition("/")
        return self.entry(rel, head, name, self.folder(head, a), a)

    def src(self, rel: str | None, a: Action) -> tuple[str, os.stat_result]:
        """An existing path to read, move or remove: checked like `abs`, plus where a symlink points."""
        path = self.abs(rel, a)
        st = dirfd_lstat(path)
        if stat_mod.S_ISLNK(st.st_mode):
            why = self.guard.link_problem(path) if self._fast else None
            if why:
                raise self._refuse(rel or "", a, why)
        return path, st


class _Runner(PlainMoves):
    """One run's state: journal, audit, the actions done so far."""

    def __init__(
        self, root: Path, run_id: str, paths: _Paths, audit: AuditWriter, jw: jr.JournalWriter, encoding: str
    ) -> None:
        self.root, self.run_id, self.paths, self.audit, self.jw = root, run_id, paths, audit, jw
        self.encoding = encoding
        self.backups = jr.backup_dir(root, run_id)
        self.known_dirs: set[str] = set()
        self.fds = _FolderFds()
        self.fast = paths._fast and dirfd.supported()

    def intent(self, a: Action) -> dict:
        target = a.dst or a.src or ""
        f = a.expect.get(target)
        rec = {
            "seq": a.seq,
            "backup": jr.backup_for(self.run_id, a.seq, a.kind, a.src, a.dst, a.overwrite, bool(f and f.exists)),
        }
        return rec

    def make_dirs(self, path: str, a: Action) -> list[str]:
        """Create `path` and missing parents, journaling them first; returns them root-relative."""
        if path in self.known_dirs:
            return []
        missing = fsops.missing_dirs(path)
        rels = [os.path.relpath(d, self.root).replace(os.sep, "/") for d in missing]
        if missing:
            self.jw.write({"t": "made", "seq": a.seq, "dirs": rels})
            fsops.mkdirs(path, missing)
        self.known_dirs.add(path)
        return rels

    def move_plain(self, a: Action) -> dict:
        """act() for the common case, a move with no backup (sorting thousands of files).

        The source was lstat'ed by the stale check moments ago and matched its fingerprint, and a
        rename moves a symlink itself (never what it points to), so no second lstat is needed here;
        without a fingerprint (hand-made ChangeSets) it takes the checked path."""
        f = a.expect.get(a.src or "")
        if f is None or not f.exists:
            src, st = self.paths.src(a.src, a)
        else:
            src, st = self.paths.abs(a.src, a), None
        dst = self.paths.abs(a.dst, a)
        parent = dst.rpartition(os.sep)[0]
        made = [] if parent in self.known_dirs else self.make_dirs(parent, a)
        try:
            copied = fsops.move(src, dst)
        except BaseException:
            self._unmake(made)
            raise
        if copied or st is not None:
            return {
                "t": "done",
                "seq": a.seq,
                "made": made,
                "post": fsops.fingerprint_of(dst) if copied or st is None else _fp(st),
            }
        return {"t": "done", "seq": a.seq, "made": made} if made else {"t": "done", "seq": a.seq}

    def forget_folders(self) -> None:
        """After an action that may have moved or removed folders: what the run knew of them
        (open descriptors, folders known to exist) is stale."""
        self.fds.drop()
        self.known_dirs.clear()

    def _unmake(self, made: list[str]) -> None:
        if made:
            self.fds.drop()
        for d in reversed(made):
            self.known_dirs.discard(os.path.join(self.root, d))
            try:
                fsops.rmdir(os.path.join(self.root, d))
            except OSError:
                pass

    def act(self, a: Action, intent: dict | None) -> dict | None:
        """Do one action; on failure leave it undone (a taken backup is put back). Returns the done
        record (intent None: a plain move, see move_fast)."""
        if intent is None:
            return self.move_fast(a)
        bk_rel = intent.get("backup")
        if a.kind == "move" and not bk_rel:
            return self.move_plain(a)
        bk = os.path.join(self.root, jr.STATE_DIR, "backups", bk_rel) if bk_rel else None
        done: dict = {"t": "done", "seq": a.seq}
        k = a.kind
        if k == "mkdir":
            p = self.paths.abs(a.dst, a)
            done["made"] = self.make_dirs(p, a)
            done["post"] = fsops.fingerprint_of(p)
            return done
        if k == "set_tags":  # the tag index (markdown tags are plain writes of the file)
            self.paths.abs(a.src, a)
            old = tagstore.index_tags(self.root, a.src or "")  # now: an earlier action may have changed them
            self.jw.write({"t": "intent", "seq": a.seq, "old_tags": old})
            tagstore.set_index_tags(self.root, a.src or "", a.tags or [])
            done["old_tags"] = old
            return done
        src, st = self.paths.src(a.src, a) if k in ("move", "copy", "delete", "unpack") else ("", None)
        dst = self.paths.abs(a.dst or a.src, a) if k != "delete" else ""
        target = dst if k != "delete" else src
        mode = None
        if bk:
            # what the backup holds, so undo and recover can tell a backup edited since from the one taken
            done["bk_sha256"] = fsops.digest(target)
            if k == "delete":
                assert st is not None
                done["sha256"] = done["bk_sha256"] if stat_mod.S_ISREG(st.st_mode) else None
            elif k == "write":
                mode = dirfd_mode(target)
            fsops.backup(target, bk)
        made: list[str] = []
        try:
            if k != "delete":
                made = done["made"] = self.make_dirs(os.path.dirname(dst), a)
            if k == "move":
                copied = fsops.move(src, dst)  # never replaces: dst was backed up or is new
                assert st is not None
                f = a.expect.get(a.src or "")
                if copied or f is None or (f.inode, f.size, f.mtime_ns) != (st.st_ino, st.st_size, st.st_mtime_ns):
                    done["post"] = fsops.fingerprint_of(dst) if copied else _fp(st)
            elif k == "copy":
                fsops.copy(src, dst)
                done["post"] = fsops.fingerprint_of(dst)
            elif k == "zip":
                archive_io.write_zip(dst, [(self.paths.src(m, a)[0], name) for m, name in a.members or []])
                done["post"] = fsops.fingerprint_of(dst)
            elif k == "unpack":
                name, size = (a.members or [[None, 0]])[0]
                archive_io.extract_member(src, name, size, dst)
                done["post"] = fsops.fingerprint_of(dst)
            elif k == "write":
                if not bk and fsops.lexists(dst):
                    raise FileExistsError(errno.EEXIST, "exists now and the plan did not say to overwrite it", dst)
                if a.note == "append-stream" and bk:  # the old bytes stream from the backup just taken
                    done["sha256"] = fsops.append_into_place(dst, bk, a.content or b"", mode=mode)
                else:
                    fsops.atomic_write(dst, a.content or b"", mode=mode, durable=False)
                    done["sha256"] = hashlib.sha256(a.content or b"").hexdigest()
                done["post"] = fsops.fingerprint_of(dst)
        except BaseException:
            if bk and k != "delete" and fsops.lexists(bk) and not fsops.lexists(target):
                fsops.restore(bk, target)
            self._unmake(made)
            raise
        return done


_KEEPS_FOLDERS = ("mkdir", "set_tags")  # actions that never move or remove a folder


def dirfd_lstat(path: str) -> os.stat_result:
    from fileagent.tools.fs import dirfd

    return dirfd.lstat(path)


def dirfd_mode(path: str) -> int:
    from fileagent.tools.fs import dirfd

    return dirfd.lstat(path).st_mode & 0o7777


def _fp(st: os.stat_result) -> dict:
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino, "dir": stat_mod.S_ISDIR(st.st_mode)}

"""The executor's fast paths for big runs (sorting thousands of files), apart from executor.py so
the run loop there reads on its own.

- Plain moves: a move of a fingerprinted file to a new name, both paths plain (`_plain`), needs
  no backup and no intent details. `PlainMoves.move_fast` checks both names with the Guard's
  per-entry checks and does one renameat2(NOREPLACE) between folder descriptors that
  `_FolderFds` opens once per run.
- The journal header: `_header_text` builds the header record's JSON text directly instead of
  going through dicts (`_action_record` is the dict form it must equal).
"""

from __future__ import annotations

import base64
import errno
import json.encoder
import os
from pathlib import Path
from typing import TYPE_CHECKING

from fileagent.agent.engine.changeset import Action
from fileagent.agent.history import journal as jr
from fileagent.tools.fs import dirfd, fsops

if TYPE_CHECKING:
    from fileagent.agent.engine.actions import _Paths

_str = json.encoder.encode_basestring  # JSON string quoting (C), non-ASCII kept as the journal does
_journal_encode = jr.encode_record


def _plain(rel: str) -> bool:
    """A normalised relative path ("a/b.txt"): no "", ".", "..", "//", leading "/", "\\" or NUL."""
    return (
        bool(rel)
        and not rel.startswith(("/", "./", "../"))
        and rel not in (".", "..")
        and "//" not in rel
        and "/./" not in rel
        and "/../" not in rel
        and not rel.endswith(("/", "/.", "/.."))
        and "\\" not in rel
        and "\x00" not in rel
    )


class PlainMoves:
    """The plain-move methods, a base class of actions' `_Runner`. They use the runner's
    `paths` (a `_Paths`), `fds` (a `_FolderFds`), `fast`, `known_dirs`, `make_dirs` and `_unmake`."""

    if TYPE_CHECKING:  # what `_Runner` provides
        paths: _Paths
        fds: _FolderFds
        fast: bool
        known_dirs: set[str]

        def make_dirs(self, path: str, a: Action) -> list[str]: ...
        def _unmake(self, made: list[str]) -> None: ...

    def is_plain_move(self, a: Action) -> bool:
        """A move of a file (fingerprinted at compile time) to a new name, both paths plain: no backup,
        nothing but a rename. These take `move_fast` (thousands of them when sorting a folder)."""
        if a.kind != "move" or a.overwrite or not self.fast:
            return False
        f = a.expect.get(a.src)  # type: ignore[arg-type]
        if f is None or not f.exists or f.is_dir:
            return False
        g = a.expect.get(a.dst)  # type: ignore[arg-type]
        return (g is None or not g.exists) and _plain(a.src) and _plain(a.dst)  # type: ignore[arg-type]

    def move_fast(self, a: Action) -> dict | None:
        """act() of a plain move: Guard checks of both paths, then one renameat2(NOREPLACE) between
        the cached descriptors of the two folders. Returns the done details worth journaling, or None.

        The source was lstat'ed by the stale check moments ago and matched its fingerprint (a file,
        not a folder), and a rename moves a symlink itself (never what it points to), so no second
        lstat is needed here."""
        src, dst = a.src, a.dst
        sh, _, sn = src.rpartition("/")  # type: ignore[union-attr]
        dh, _, dn = dst.rpartition("/")  # type: ignore[union-attr]
        paths = self.paths
        sdir = paths.folder(sh, a)
        ddir = sdir if dh == sh else paths.folder(dh, a)
        spath = paths.entry(src, sh, sn, sdir, a)  # type: ignore[arg-type]
        # an item keeping its name: the name alone passed the deny patterns just above
        dpath = paths.entry(dst, dh, dn, ddir, a, name_checked=dn == sn)  # type: ignore[arg-type]
        parent = ddir[0]
        made = [] if parent in self.known_dirs else self.make_dirs(parent, a)
        try:
            try:
                fsops.rename_noreplace_at(self.fds.get(sdir[0]), sn, self.fds.get(parent), dn, src=spath, dst=dpath)
            except OSError as e:
                if e.errno != errno.EXDEV:
                    raise
                fsops.move(spath, dpath)  # another filesystem below the root: copy, verify, delete
                return {"t": "done", "seq": a.seq, "made": made, "post": fsops.fingerprint_of(dpath)}
        except BaseException:
            self._unmake(made)
            raise
        return {"t": "done", "seq": a.seq, "made": made} if made else None


class _FolderFds:
    """Descriptors of the folders plain moves rename between, each opened once per run by a dirfd
    walk from the anchored root (every component O_NOFOLLOW), instead of one walk per action.

    As safe as walking again for every action: a descriptor names the folder itself, not a path, and
    it was reached without following a link, so it is a real folder that was inside the root.
    Swapping a folder on the path for a symlink later cannot redirect a rename through it: the
    descriptor still names the real folder (a fresh walk would refuse instead; neither follows the
    link). A folder *renamed* out of the root while held is dirfd's documented residual risk (that
    attacker can write outside anyway); holding the descriptor for the run instead of one call only
    widens its window. The run's own changes to folders (any action but a plain move, mkdir or
    set_tags; folders removed after a failed action) drop the cache, so a path is never taken to
    mean a folder that the run itself has moved or removed since."""

    def __init__(self) -> None:
        self._fds: dict[str, int] = {}

    def get(self, path: str) -> int:
        fd = self._fds.get(path)
        if fd is None:
            fd = self._fds[path] = dirfd.open_dir(path)
        return fd

    def drop(self) -> None:
        fds, self._fds = self._fds, {}
        for fd in fds.values():
            try:
                os.close(fd)
            except OSError:
                pass


def _action_record(a: Action) -> dict:
    """Action.to_dict without dataclasses.asdict (which deep-copies and dominates big runs)."""
    d = {
        "seq": a.seq,
        "step": a.step,
        "kind": a.kind,
        "src": a.src,
        "dst": a.dst,
        "content": None,
        "overwrite": a.overwrite,
        "tags": a.tags,
        "note": a.note,
        "expect": {p: [True, f.is_dir, f.size, f.mtime_ns, f.inode] for p, f in a.expect.items() if f.exists},
    }
    if a.content is not None:
        d["content"] = base64.b64encode(a.content).decode("ascii")
    return d


def _action_record_text(a: Action) -> str:
    """_action_record(a) as JSON text, built without the dict (the journal header of a big run)."""
    parts = []
    for p, f in a.expect.items():
        if f.exists:
            if type(f.size) is not int or type(f.mtime_ns) is not int or type(f.inode) is not int:
                return _journal_encode(_action_record(a))
            parts.append(f"{_str(p)}:[true,{'true' if f.is_dir else 'false'},{f.size},{f.mtime_ns},{f.inode}]")
    content = "null" if a.content is None else '"' + base64.b64encode(a.content).decode("ascii") + '"'
    tags = "null" if a.tags is None else _journal_encode(a.tags)
    return (
        f'{{"seq":{a.seq:d},"step":{a.step:d},"kind":{_str(a.kind)},"src":{_str_or_null(a.src)},'
        f'"dst":{_str_or_null(a.dst)},"content":{content},"overwrite":{"true" if a.overwrite else "false"},'
        f'"tags":{tags},"note":{_str(a.note)},"expect":{{{",".join(parts)}}}}}'
    )


def _str_or_null(v: str | None) -> str:
    return "null" if v is None else _str(v)


def _header_text(
    run_id: str, user: str, root: Path, plan: dict | None, actions: list[Action], request: str | None = None
) -> str:
    """The journal's header record as one JSON line's text (see journal.py); `request`, the words the
    user typed, only when there are some (undo and recover name the run by them)."""
    asked = f',"request":{_str(request)}' if request is not None else ""
    return (
        f'{{"t":"header","run":{_str(run_id)},"time":{_str(jr.now_iso())},"user":{_str(user)},'
        f'"root":{_str(str(root))},"plan":{_journal_encode(plan)}{asked},'
        f'"changeset":[{",".join([_action_record_text(a) for a in actions])}]}}'
    )

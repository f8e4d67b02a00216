"""Run a ChangeSet: exactly the previewed actions, journaled, backed up, audited, undoable.

    execute(changeset, root=..., guard=..., config=...) -> RunReport

1. Nothing is touched until every action's `expect` fingerprint (exists, size,
   mtime_ns, inode) matches the disk; any difference -> StaleError, no change.
2. Actions run in groups: the group's intent records are written and fsynced
   once, then per action: re-resolve its paths through the Guard, back up what
   a delete/overwrite removes (a rename into ROOT/.fileagent/backups/RUN/SEQ/),
   act atomically (fsops), write the `done` record, queue an audit entry.
3. Failure rule (config agent.on_error):
   - rollback (default): stop at the first failing action, reverse the completed
     ones newest first, journal end=rolled_back, raise ActionError (exit 1);
   - continue: record the failure, go on with the rest, journal end=failed,
     report every failure (exit 1).
`emit` actions (list/read) only produce output text and are not journaled.
"""
from __future__ import annotations

import base64
import errno
import hashlib
import json.encoder
import os
import stat as stat_mod
import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..audit import AuditWriter
from ..errors import ActionError, PolicyError, StaleError
from ..tools import dirfd, fsops
from . import journal as jr
from . import tagstore
from .changeset import Action, ChangeSet

_str = json.encoder.encode_basestring      # JSON string quoting (C), non-ASCII kept as the journal does
_journal_encode = jr.encode_record

GROUP = 4096           # actions per fsynced group of intent records (recover never relies on the size)
PROGRESS_MIN = 200     # show a progress bar above this many actions (stderr TTY only)
_GUARD_OP = {"mkdir": "create", "write": "update", "move": "move", "copy": "copy", "delete": "delete",
             "set_tags": "tag", "emit": "read"}


@dataclass
class RunReport:
    run_id: str | None
    status: str                                        # done | rolled_back | failed | nothing
    counts: dict[str, int] = field(default_factory=dict)   # completed actions per kind
    failures: list[tuple[int, str]] = field(default_factory=list)  # (seq, message)
    rolled_back: int = 0
    outputs: list[tuple[int, str, str]] = field(default_factory=list)  # (step, "list"|"read", text)
    journal: str | None = None

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        return {"run": self.run_id, "status": self.status, "counts": self.counts, "done": self.done,
                "failures": [{"seq": s, "error": e} for s, e in self.failures],
                "rolled_back": self.rolled_back, "journal": self.journal,
                "outputs": [{"step": s, "kind": k, "text": t} for s, k, t in self.outputs]}


def agent_settings(config: object) -> object:
    """config.agent from a Config, a LoadedConfig, or anything with .agent."""
    if hasattr(config, "agent"):
        return config.agent
    return config.config.agent  # type: ignore[attr-defined]


def audit_path_for(config: object, root: Path) -> Path:
    if hasattr(config, "log_path") and callable(config.log_path):
        return Path(config.log_path())
    return jr.state_dir(root) / "audit.jsonl"


class _Paths:
    """rel -> absolute str, checked by the Guard right before use.

    A plain normalised path costs one cached Guard.resolve of its folder (symlinks in the
    folder chain resolved, containment checked) plus the Guard's per-entry checks on the
    name (hidden? denied?); a source is also lstat'ed so a symlink is checked where it
    points. Anything unusual goes through the full Guard.resolve.
    """

    def __init__(self, root: Path, guard: object) -> None:
        self.guard = guard
        self.root = getattr(guard, "root_str", None) or os.fspath(root)
        self._fast = all(hasattr(guard, m) for m in ("invisible", "entry_denied", "link_problem")) and \
            not getattr(guard, "windows", os.name == "nt")
        self._dirs: dict[str, tuple[str, str]] = {}   # folder rel -> (absolute, folded rel)

    def _full(self, rel: str, a: Action) -> str:
        try:
            return os.fspath(self.guard.resolve(rel, step=a.step, op=_GUARD_OP[a.kind]))
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
            from ..policies.paths import fold
            d = self._dirs[head] = ((self._full(head, a) if head else self.root), fold(head))
        return d

    def entry(self, rel: str, head: str, name: str, d: tuple[str, str], a: Action,
              name_checked: bool = False) -> str:
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


def _plain(rel: str) -> bool:
    """A normalised relative path ("a/b.txt"): no "", ".", "..", "//", leading "/", "\\" or NUL."""
    return bool(rel) and not rel.startswith(("/", "./", "../")) and rel not in (".", "..") and \
        "//" not in rel and "/./" not in rel and "/../" not in rel and not rel.endswith(("/", "/.", "/..")) and \
        "\\" not in rel and "\x00" not in rel


def _check_fresh(changeset: ChangeSet, root: str) -> None:
    """StaleError unless every expected fingerprint still holds: one lstat per existing path; paths
    expected absent are checked with one listing per folder instead of one lstat each."""
    seen: set[str] = set()
    listings: dict[str, frozenset[str]] = {}
    prefix = os.path.join(root, "")
    isabs, lstat, S_ISDIR = os.path.isabs, os.lstat, stat_mod.S_ISDIR
    for a in changeset.actions:
        for rel, fp in a.expect.items():
            if rel in seen:
                continue
            seen.add(rel)
            path = rel if isabs(rel) else prefix + rel        # os.path.join(root, rel), without its cost
            if not fp.exists:
                head, _, name = rel.rpartition("/")
                names = listings.get(head)
                if names is None:
                    try:
                        with os.scandir(os.path.join(root, head) if head else root) as it:
                            names = listings[head] = frozenset(e.name for e in it)
                    except (FileNotFoundError, NotADirectoryError):
                        names = listings[head] = frozenset()
                if name in names or (not _plain(rel) and os.path.lexists(path)):
                    raise StaleError(f"{rel} changed since the preview (it exists now); nothing was changed",
                                     path=rel)
                continue
            try:
                st = lstat(path)
            except (FileNotFoundError, NotADirectoryError):
                raise StaleError(f"{rel} changed since the preview (it no longer exists); nothing was changed",
                                 path=rel) from None
            if fp.is_dir:
                changed = not os.path.isdir(path) or (fp.inode and fp.inode != st.st_ino)
            else:
                changed = fp.size != st.st_size or fp.mtime_ns != st.st_mtime_ns or S_ISDIR(st.st_mode) or \
                    (fp.inode and fp.inode != st.st_ino)
            if changed:
                raise StaleError(f"{rel} changed since the preview (size, mtime or inode differ); "
                                 "nothing was changed", path=rel)


def _outputs(changeset: ChangeSet, paths: _Paths, encoding: str) -> list[tuple[int, str, str]]:
    if changeset.outputs:
        return [tuple(o) for o in changeset.outputs]  # type: ignore[misc]
    out: list[tuple[int, str, str]] = []
    listing: dict[int, list[str]] = {}
    for a in changeset.actions:
        if a.kind != "emit":
            continue
        if a.note == "read":
            data = fsops.read_bytes(paths.abs(a.src, a))
            out.append((a.step, "read", data.decode(encoding, errors="replace")))
        else:
            if a.step not in listing:
                listing[a.step] = []
                out.append((a.step, "list", ""))
            listing[a.step].append(a.src or "")
    return [(s, k, "\n".join(listing[s]) if k == "list" else t) for s, k, t in out]


class _Runner:
    """One run's state: journal, audit, the actions done so far."""

    def __init__(self, root: Path, run_id: str, paths: _Paths, audit: AuditWriter, jw: jr.JournalWriter,
                 encoding: str) -> None:
        self.root, self.run_id, self.paths, self.audit, self.jw = root, run_id, paths, audit, jw
        self.encoding = encoding
        self.backups = jr.backup_dir(root, run_id)
        self.known_dirs: set[str] = set()
        self.fds = _FolderFds()
        self.fast = paths._fast and dirfd.SUPPORTED

    def is_plain_move(self, a: Action) -> bool:
        """A move of a file (fingerprinted at compile time) to a new name, both paths plain: no backup,
        nothing but a rename. These take `move_fast` (thousands of them when sorting a folder)."""
        if a.kind != "move" or a.overwrite or not self.fast:
            return False
        f = a.expect.get(a.src)                       # type: ignore[arg-type]
        if f is None or not f.exists or f.is_dir:
            return False
        g = a.expect.get(a.dst)                       # type: ignore[arg-type]
        return (g is None or not g.exists) and _plain(a.src) and _plain(a.dst)   # type: ignore[arg-type]

    def move_fast(self, a: Action) -> dict | None:
        """act() of a plain move: Guard checks of both paths, then one renameat2(NOREPLACE) between
        the cached descriptors of the two folders. Returns the done details worth journaling, or None.

        The source was lstat'ed by the stale check moments ago and matched its fingerprint (a file,
        not a folder), and a rename moves a symlink itself (never what it points to), so no second
        lstat is needed here."""
        src, dst = a.src, a.dst
        sh, _, sn = src.rpartition("/")              # type: ignore[union-attr]
        dh, _, dn = dst.rpartition("/")              # type: ignore[union-attr]
        paths = self.paths
        sdir = paths.folder(sh, a)
        ddir = sdir if dh == sh else paths.folder(dh, a)
        spath = paths.entry(src, sh, sn, sdir, a)    # type: ignore[arg-type]
        # an item keeping its name: the name alone passed the deny patterns just above
        dpath = paths.entry(dst, dh, dn, ddir, a, name_checked=dn == sn)   # type: ignore[arg-type]
        parent = ddir[0]
        made = [] if parent in self.known_dirs else self.make_dirs(parent, a)
        try:
            try:
                fsops.rename_noreplace_at(self.fds.get(sdir[0]), sn, self.fds.get(parent), dn, src=spath, dst=dpath)
            except OSError as e:
                if e.errno != errno.EXDEV:
                    raise
                fsops.move(spath, dpath)      # another filesystem below the root: copy, verify, delete
                return {"t": "done", "seq": a.seq, "made": made, "post": fsops.fingerprint_of(dpath)}
        except BaseException:
            self._unmake(made)
            raise
        return {"t": "done", "seq": a.seq, "made": made} if made else None

    def intent(self, a: Action) -> dict:
        target = a.dst or a.src or ""
        f = a.expect.get(target)
        rec = {"seq": a.seq, "backup": jr.backup_for(self.run_id, a.seq, a.kind, a.src, a.dst, a.overwrite,
                                                     bool(f and f.exists))}
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
            return {"t": "done", "seq": a.seq, "made": made,
                    "post": fsops.fingerprint_of(dst) if copied else _fp(st)}
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
        if k == "set_tags":      # the tag index (markdown tags are plain writes of the file)
            self.paths.abs(a.src, a)
            old = tagstore.index_tags(self.root, a.src or "")   # now: an earlier action may have changed them
            self.jw.write({"t": "intent", "seq": a.seq, "old_tags": old})
            tagstore.set_index_tags(self.root, a.src or "", a.tags or [])
            done["old_tags"] = old
            return done
        src, st = self.paths.src(a.src, a) if k in ("move", "copy", "delete") else (None, None)
        dst = self.paths.abs(a.dst or a.src, a) if k != "delete" else None
        target = dst if k != "delete" else src
        mode = None
        if bk:
            if k == "delete":
                done["sha256"] = fsops.sha256_file(src) if stat_mod.S_ISREG(st.st_mode) else None
            elif k == "write":
                mode = dirfd_mode(target)
            fsops.backup(target, bk)
        made: list[str] = []
        try:
            if k != "delete":
                made = done["made"] = self.make_dirs(os.path.dirname(dst), a)
            if k == "move":
                copied = fsops.move(src, dst)     # never replaces: dst was backed up or is new
                f = a.expect.get(a.src or "")
                if copied or f is None or (f.inode, f.size, f.mtime_ns) != (st.st_ino, st.st_size, st.st_mtime_ns):
                    done["post"] = fsops.fingerprint_of(dst) if copied else _fp(st)
            elif k == "copy":
                fsops.copy(src, dst)
                done["post"] = fsops.fingerprint_of(dst)
            elif k == "write":
                if not bk and fsops.lexists(dst):
                    raise FileExistsError(errno.EEXIST, "exists now and the plan did not say to overwrite it", dst)
                fsops.atomic_write(dst, a.content or b"", mode=mode, durable=False)
                done["sha256"] = hashlib.sha256(a.content or b"").hexdigest()
                done["post"] = fsops.fingerprint_of(dst)
        except BaseException:
            if bk and k != "delete" and fsops.lexists(bk) and not fsops.lexists(target):
                fsops.restore(bk, target)
            self._unmake(made)
            raise
        return done


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


_KEEPS_FOLDERS = ("mkdir", "set_tags")    # actions that never move or remove a folder


def dirfd_lstat(path: str) -> os.stat_result:
    from ..tools import dirfd
    return dirfd.lstat(path)


def dirfd_mode(path: str) -> int:
    from ..tools import dirfd
    return dirfd.lstat(path).st_mode & 0o7777


def _fp(st: os.stat_result) -> dict:
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino, "dir": stat_mod.S_ISDIR(st.st_mode)}


def _action_record(a: Action) -> dict:
    """Action.to_dict without dataclasses.asdict (which deep-copies and dominates big runs)."""
    d = {"seq": a.seq, "step": a.step, "kind": a.kind, "src": a.src, "dst": a.dst, "content": None,
         "overwrite": a.overwrite, "tags": a.tags, "note": a.note,
         "expect": {p: [True, f.is_dir, f.size, f.mtime_ns, f.inode] for p, f in a.expect.items() if f.exists}}
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
            parts.append(f'{_str(p)}:[true,{"true" if f.is_dir else "false"},{f.size},{f.mtime_ns},{f.inode}]')
    content = "null" if a.content is None else '"' + base64.b64encode(a.content).decode("ascii") + '"'
    tags = "null" if a.tags is None else _journal_encode(a.tags)
    return (f'{{"seq":{a.seq:d},"step":{a.step:d},"kind":{_str(a.kind)},"src":{_str_or_null(a.src)},'
            f'"dst":{_str_or_null(a.dst)},"content":{content},"overwrite":{"true" if a.overwrite else "false"},'
            f'"tags":{tags},"note":{_str(a.note)},"expect":{{{",".join(parts)}}}}}')


def _str_or_null(v: str | None) -> str:
    return "null" if v is None else _str(v)


def _header_text(run_id: str, user: str, root: Path, plan: dict | None, actions: list[Action]) -> str:
    """The journal's header record as one JSON line's text (see journal.py)."""
    return (f'{{"t":"header","run":{_str(run_id)},"time":{_str(jr.now_iso())},"user":{_str(user)},'
            f'"root":{_str(str(root))},"plan":{_journal_encode(plan)},'
            f'"changeset":[{",".join([_action_record_text(a) for a in actions])}]}}')


_ABSENT = type("_Absent", (), {"exists": False})()


def _error_text(e: BaseException) -> str:
    if isinstance(e, OSError):
        what = e.strerror or str(e)
        where = f": {e.filename}" if e.filename else ""
        return f"{what}{where}"
    return str(e)


def execute(changeset: ChangeSet, *, root: Path, guard: object, config: object, run_id: str | None = None,
            progress: bool = True, plan: dict | None = None, audit_path: Path | None = None) -> RunReport:
    root = Path(getattr(guard, "root_str", None) or root)
    agent = agent_settings(config)
    paths = _Paths(root, guard)
    report = RunReport(run_id=None, status="nothing")
    report.outputs = _outputs(changeset, paths, agent.encoding)
    actions = changeset.mutating_actions
    if not actions:
        return report
    if len(actions) > agent.max_batch:
        raise PolicyError(f"{len(actions)} changing actions exceed max_batch ({agent.max_batch}); nothing changed")
    from .undo import rollback_actions  # undo imports this module's helpers
    with jr.RootLock(root):
        fsops.anchor(os.fspath(root))
        _check_fresh(changeset, os.fspath(root))
        run_id = run_id or jr.new_run_id()
        report.run_id = run_id
        user = jr.current_user()
        jpath = jr.journal_path(root, run_id)
        report.journal = str(jpath)
        audit = AuditWriter(audit_path or audit_path_for(config, root), run=run_id, user=user)
        with jr.JournalWriter(jpath) as jw:
            jw.write(_header_text(run_id, user, root, plan, actions))
            runner = _Runner(root, run_id, paths, audit, jw, agent.encoding)
            bar = _progress(len(actions)) if progress else None
            completed: list[tuple[Action, dict]] = []
            try:
                for g in range(0, len(actions), GROUP):
                    group = actions[g:g + GROUP]
                    jw.write({"t": "intent", "from": group[0].seq, "to": group[-1].seq})
                    jw.sync()
                    details: list[dict] = []
                    last_done = None
                    try:
                        for a in group:
                            try:
                                intent = None if runner.is_plain_move(a) else runner.intent(a)
                                try:
                                    done = runner.act(a, intent)
                                finally:
                                    if intent is not None and a.kind not in _KEEPS_FOLDERS:
                                        runner.forget_folders()
                            except (OSError, ActionError, PolicyError, ValueError, UnicodeError) as e:
                                msg = f"action {a.seq} ({a.kind} {a.src or a.dst}): {_error_text(e)}"
                                jw.write({"t": "failed", "seq": a.seq, "error": msg})
                                audit.add(time=jr.now_iso(), op=a.kind, src=a.src, dst=a.dst, result="failed",
                                          error=msg)
                                report.failures.append((a.seq, msg))
                                if agent.on_error == "rollback":
                                    raise _Stop(e, msg) from e
                                continue
                            last_done = a.seq
                            if intent is None:      # a plain move
                                size = a.expect[a.src].size     # type: ignore[index]
                                if done is None:
                                    completed.append((a, {"seq": a.seq, "backup": None}))
                                    audit.add(time=jr.now_iso(), op="move", src=a.src, dst=a.dst, size_before=size,
                                              size_after=size)
                                else:
                                    details.append(done)
                                    completed.append((a, {"seq": a.seq, "backup": None, **done}))
                                    _audit_done(audit, a, {}, done)
                            else:
                                if len(done) > 2 and (done.get("post") or done.get("sha256") or done.get("made")):
                                    details.append(done)
                                completed.append((a, {**intent, **done}))
                                _audit_done(audit, a, intent, done)
                            report.counts[a.kind] = report.counts.get(a.kind, 0) + 1
                            if bar is not None and a.seq % 64 == 0:
                                bar.advance(64)
                    finally:
                        if last_done is not None:   # the group's done records, in one write
                            jw.write_many(details + [{"t": "done", "from": group[0].seq, "to": last_done}])
            except _Stop as stop:
                try:
                    report.rolled_back = rollback_actions(root, completed, jw, audit, run_id=run_id)
                    failed = next(x for x in actions if x.seq == report.failures[-1][0])
                    try:   # a write or copy that failed half-way may have left its temp file
                        fsops.sweep_temp_files(os.path.dirname(paths.root + os.sep + (failed.dst or failed.src or "")))
                    except OSError:
                        pass   # the folder is gone or a link now: nothing of ours can be in it
                except (OSError, ActionError) as again:
                    # e.g. a folder swapped for a symlink: leave the journal open, recover finishes it
                    audit.flush()
                    raise ActionError(f"{stop.msg}; the rollback could not finish ({_error_text(again)}): run "
                                      "'fileagent recover' once the folder is back", report=report) from None
                jw.write({"t": "end", "status": "rolled_back", "time": jr.now_iso()})
                report.status = "rolled_back"
                report.counts = {}
                audit.flush()
                if bar is not None:
                    bar.close()
                err = ActionError(f"{stop.msg}; rolled back the {report.rolled_back} completed action(s), "
                                  "nothing changed", report=report)
                if isinstance(stop.cause, PolicyError):
                    err = PolicyError(stop.msg + "; rolled back, nothing changed", report=report)
                raise err from None
            finally:
                runner.fds.drop()
                if bar is not None:
                    bar.close()
            report.status = "failed" if report.failures else "done"
            jw.write({"t": "end", "status": report.status, "time": jr.now_iso(), "counts": report.counts})
        audit.flush()
    return report


class _Stop(Exception):
    def __init__(self, cause: BaseException, msg: str) -> None:
        super().__init__(msg)
        self.cause, self.msg = cause, msg


def _audit_done(audit: AuditWriter, a: Action, intent: dict, done: dict) -> None:
    before = a.expect.get(a.src or a.dst or "")
    size_before = before.size if before is not None and before.exists and not before.is_dir else None
    post = done.get("post")
    size_after = post["size"] if post else (size_before if a.kind == "move" else None)
    audit.add(time=jr.now_iso(), op=a.kind, src=a.src, dst=a.dst, size_before=size_before,
              size_after=size_after, sha256=done.get("sha256"), backup=intent.get("backup"))


class _Progress:
    def __init__(self, total: int) -> None:
        from rich.progress import Progress
        from rich.console import Console
        self._p = Progress(console=Console(stderr=True), transient=True)
        self._p.start()
        self._task = self._p.add_task("applying", total=total)

    def advance(self, n: int) -> None:
        self._p.advance(self._task, n)

    def close(self) -> None:
        if self._p is not None:
            self._p.stop()
            self._p = None


def _progress(total: int) -> _Progress | None:
    if total <= PROGRESS_MIN or not sys.stderr.isatty():
        return None
    return _Progress(total)

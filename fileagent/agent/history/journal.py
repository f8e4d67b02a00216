"""The run journal: ROOT/.fileagent/journal/<RUN>.jsonl, the record undo and recover work from.

Records, one JSON object per line, in this order:

    {"t": "header", "run", "time", "user", "root", "plan", ["request",] "changeset"}   the actions, in full
    {"t": "intent", "from": A, "to": B}        actions A..B are about to run (one record per group)
    {"t": "intent", "seq", "old_tags"}         extra undo data of one action (set_tags)
    {"t": "made", "seq", "dirs"}               folders about to be created
    {"t": "failed", "seq", "error"}
    {"t": "done", "from": A, "to": B}          actions A..B completed (except those with a failed record)
    {"t": "done", "seq", "post", "sha256", "made"}   what undo must check of one action (post = lstat
                                               fingerprint of the result; a plain rename leaves none:
                                               its result is the source's fingerprint from the header)
    {"t": "undo-intent", "seq"} / {"t": "undo-done", "seq"}   undo / rollback progress
    {"t": "end", "status": "done" | "rolled_back" | "failed", "counts"}
    {"t": "undo-end", "status": "undone"}

Backups are not named in the journal: action SEQ's backup is always
backups/RUN/SEQ/<path> (see `backup_for`), so undo and recover find it without one.

Durability rule: the executor writes one group's intent record (up to GROUP
actions), fsyncs the journal, then performs the group; the group's done records
are written when it ends (fsynced with the next group's intent, and at the end).
Every record goes straight to the kernel (os.write, no user-space buffer), so a
killed process (kill -9) loses none; a power cut can lose the done records of
the last group. Recover therefore never trusts a missing `done`: for every
action with an intent it inspects the disk to tell whether it happened.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from fileagent.errors import ActionError, PolicyError
from fileagent.policies.paths import STATE_DIR
from fileagent.tools.fs import locking
from fileagent.tools.fs.statefs import list_state_dir, open_state_file, read_state_file

# how journal text meets bytes: names that are not valid UTF-8 keep their own bytes
TEXT = ("utf-8", "surrogateescape")


def state_dir(root: Path | str) -> Path:
    return Path(root) / STATE_DIR


def journal_dir(root: Path | str) -> Path:
    return state_dir(root) / "journal"


def backup_dir(root: Path | str, run_id: str) -> Path:
    return state_dir(root) / "backups" / run_id


def new_run_id() -> str:
    """Sortable: 20261123T093000123-1a2b3c (UTC time to the millisecond, then random).

    Runs on one root hold its lock and take longer than a millisecond, so their ids sort in run order."""
    t = time.time()
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(t)) + f"{int(t % 1 * 1000):03d}-" + secrets.token_hex(3)


_last_iso: list = [-1, ""]


def now_iso() -> str:
    """UTC time, ISO 8601 to the millisecond (cached per millisecond: called once per action)."""
    ms = int(time.time() * 1000)
    if ms != _last_iso[0]:
        _last_iso[0] = ms
        _last_iso[1] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"
    return _last_iso[1]


def current_user() -> str:
    """The OS user this process runs as, from the OS (the password database by uid), never from
    $USER, which any caller can set. Without a passwd entry (containers): the uid."""
    if hasattr(os, "getuid"):
        try:
            import pwd

            return pwd.getpwuid(os.getuid()).pw_name
        except (ImportError, KeyError):
            return str(os.getuid())
    try:  # Windows: the account name the OS reports for this process
        import ctypes

        buf = ctypes.create_unicode_buffer(257)
        size = ctypes.c_ulong(257)
        if ctypes.windll.advapi32.GetUserNameW(buf, ctypes.byref(size)):  # type: ignore[attr-defined]
            return buf.value
    except (ImportError, AttributeError, OSError):
        pass
    import getpass

    return getpass.getuser()


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # built once: json.dumps
# with options rebuilds it per call
encode_record = _encode


class JournalWriter:
    """Append-only writer; each `write` is one os.write of one line (no user-space buffering).

    Names are the OS's own: one that is not valid UTF-8 (b"bad\\xff.txt", held by Python as a lone
    surrogate) is written back as its original bytes (surrogateescape) and read back the same way."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = open_state_file(os.fspath(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def write(self, record: dict | str) -> None:
        """One record: a dict, or its JSON text already encoded (big headers are built as text)."""
        os.write(self._fd, ((record if isinstance(record, str) else _encode(record)) + "\n").encode(*TEXT))

    def write_many(self, records: list[dict]) -> None:
        if records:
            os.write(self._fd, "".join(_encode(r) + "\n" for r in records).encode(*TEXT))

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> JournalWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class RunJournal:
    """A journal file read back."""

    path: Path
    header: dict
    intents: dict[int, dict] = field(default_factory=dict)
    done: dict[int, dict] = field(default_factory=dict)
    failed: dict[int, dict] = field(default_factory=dict)
    made: dict[int, list[list[str]]] = field(default_factory=dict)  # folders about to be created
    undo_intents: set[int] = field(default_factory=set)
    undo_done: set[int] = field(default_factory=set)
    end: dict | None = None
    undo_end: dict | None = None

    @property
    def run_id(self) -> str:
        return self.header["run"]

    @property
    def finished(self) -> bool:
        return self.end is not None

    @property
    def undone(self) -> bool:
        return self.undo_end is not None

    def undo_started(self) -> bool:
        return bool(self.undo_intents)


class BadJournal(ActionError):
    """A journal that cannot be read as a run (empty, no header, corrupt, not a regular file). Undo
    and recover report it and go on with the other runs."""

    def __init__(self, message: str, *, empty: bool = False) -> None:
        super().__init__(message)
        self.empty = empty  # nothing of a run in it: a crash before its header reached the disk


def read_journal(path: Path) -> RunJournal:
    try:
        raw = read_state_file(os.fspath(path))
    except PolicyError as e:
        raise BadJournal(str(e)) from None
    if raw is None:
        raise BadJournal(f"journal {path} does not exist")
    lines = raw.split(b"\n")
    records = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line.decode(*TEXT)))
        except ValueError:
            if i >= len(lines) - 2:  # a torn last line from a crash mid-write: ignore it
                continue
            raise BadJournal(f"journal {path} is corrupt at line {i + 1}") from None
    if not records or not isinstance(records[0], dict) or records[0].get("t") != "header":
        raise BadJournal(
            f"journal {path} {'is empty' if not raw.strip() else 'has no header record'}",
            empty=not records or not isinstance(records[0], dict) or "changeset" not in records[0],
        )
    j = RunJournal(path=path, header=records[0])
    for r in records[1:]:
        t = r.get("t")
        if t == "intent" and "from" in r:
            for i in range(r["from"], r["to"] + 1):
                j.intents.setdefault(i, {"seq": i})
        elif t == "done" and "from" in r:
            for i in range(r["from"], r["to"] + 1):
                j.done.setdefault(i, {"seq": i})
        elif t == "intent":
            j.intents.setdefault(r["seq"], {}).update(r)
        elif t == "done":
            j.done.setdefault(r["seq"], {}).update(r)
        elif t == "made":
            j.made.setdefault(r["seq"], []).append(r["dirs"])
        elif t == "failed":
            j.failed[r["seq"]] = r
        elif t == "undo-intent":
            j.undo_intents.add(r["seq"])
        elif t == "undo-done":
            j.undo_done.add(r["seq"])
        elif t == "end":
            j.end = r
        elif t == "undo-end":
            j.undo_end = r
    for seq in j.failed:
        j.done.pop(seq, None)
    return j


def journal_path(root: Path | str, run_id: str) -> Path:
    return journal_dir(root) / f"{run_id}.jsonl"


def list_runs(root: Path | str) -> list[str]:
    """Run ids of this root, oldest first."""
    return sorted(n[:-6] for n in list_state_dir(os.fspath(journal_dir(root))) if n.endswith(".jsonl"))


def quarantine(root: Path | str, run_id: str) -> Path:
    """Move a journal that holds no run (empty or headerless) aside to ROOT/.fileagent/quarantine/, so
    it no longer stands in the way of the others; its bytes are kept for a person to look at."""
    from fileagent.tools.fs import fsops

    dst = state_dir(root) / "quarantine" / f"{run_id}.jsonl"
    fsops.mkdirs(os.fspath(dst.parent))
    fsops.rename_noreplace(os.fspath(journal_path(root, run_id)), os.fspath(dst))
    return dst


UNREADABLE = "unreadable"  # not a regular file, or a link: holds no run, recover reports it


def _last_record_type(path: Path) -> str | None:
    """The "t" of a journal's last complete record, read from its tail only (journals can be large)."""
    try:  # no link followed, regular files only: a planted FIFO or link is never opened
        fd = open_state_file(os.fspath(path), os.O_RDONLY)
    except (OSError, PolicyError):
        return UNREADABLE
    try:
        size = os.fstat(fd).st_size
        os.lseek(fd, max(0, size - 8192), os.SEEK_SET)
        tail = os.read(fd, 8192)
    finally:
        os.close(fd)
    for line in reversed(tail.split(b"\n")):
        if line.strip():
            try:
                rec = json.loads(line.decode(*TEXT))
                return rec.get("t") if isinstance(rec, dict) else None
            except ValueError:
                continue  # a torn last line: the record before it decides
    return None


def unfinished_runs(root: Path | str, *, undos: bool = True) -> list[str]:
    """Runs of this root whose journal does not end with an `end` or `undo-end` record: interrupted
    runs (and, with `undos`, interrupted undos) that `recover` must settle -- or, while another process
    holds the root lock, ones still going."""
    out = []
    for run in list_runs(root):
        t = _last_record_type(journal_path(root, run))
        if t in ("end", "undo-end", UNREADABLE) or (not undos and t in ("undo-intent", "undo-done")):
            continue
        out.append(run)
    return out


def root_busy(root: Path | str) -> bool:
    """Whether another process holds this root's lock right now."""
    path = state_dir(root) / "lock"
    try:
        fd = open_state_file(os.fspath(path), os.O_RDWR)
    except (OSError, PolicyError):
        return False
    try:
        locking.lock(fd, path, blocking=False)
    except OSError:
        return True
    else:
        locking.unlock(fd, path)
        return False
    finally:
        os.close(fd)


def backup_for(
    run_id: str, seq: int, kind: str, src: str | None, dst: str | None, overwrite: bool, dst_existed: bool
) -> str | None:
    """Where action SEQ keeps what it removes (relative to ROOT/.fileagent/backups), or None."""
    if kind == "delete":
        return f"{run_id}/{seq}/{src}"
    if kind in ("write", "move", "copy", "zip", "unpack") and (overwrite or dst_existed):
        return f"{run_id}/{seq}/{dst or src}"
    return None


def check_state_dir(root: Path | str) -> None:
    """ROOT/.fileagent and its journal/backups folders must be real folders (or absent): a symlink
    there would send journals and backups outside the root. PolicyError otherwise."""
    import stat

    from fileagent.errors import PolicyError

    base = state_dir(root)
    for p in (base, base / "journal", base / "backups"):
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            continue
        if not stat.S_ISDIR(st.st_mode):
            what = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a folder"
            raise PolicyError(f"{p} is {what}: refusing to keep the agent's state there; nothing changed")


class RootLock:
    """One agent process per root at a time: an exclusive lock on ROOT/.fileagent/lock.

    Held by execute, undo and recover, so recover never rolls back a run that is still going.
    """

    def __init__(self, root: Path | str) -> None:
        self.path = state_dir(root) / "lock"
        self._fd = -1

    def __enter__(self) -> RootLock:
        root = self.path.parent.parent
        check_state_dir(root)
        from fileagent.tools.fs import fsops

        fsops.anchor(os.path.realpath(root))
        self._fd = open_state_file(os.fspath(self.path), os.O_RDWR | os.O_CREAT)
        try:
            locking.lock(self._fd, self.path, blocking=False)
        except OSError:
            os.close(self._fd)
            self._fd = -1
            raise ActionError(f"another fileagent process is working on this root (lock {self.path})") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd >= 0:
            locking.unlock(self._fd, self.path)
            os.close(self._fd)
            self._fd = -1

"""The run journal: ROOT/.fileagent/journal/<RUN>.jsonl, the record undo and recover work from.

Records, one JSON object per line, in this order:

    {"t": "header", "run", "time", "user", "root", "plan", "changeset"}   the whole ChangeSet
    {"t": "intent", "seq", "backup", "made", "old_tags"}                  before the action
    {"t": "made", "seq", "dirs"}                                          folders about to be created
    {"t": "done", "seq", "post", "sha256", "made"}                        after it (post = lstat fingerprint)
    {"t": "failed", "seq", "error"}
    {"t": "undo-intent", "seq"} / {"t": "undo-done", "seq"}               undo / rollback progress
    {"t": "end", "status": "done" | "rolled_back" | "failed", "counts"}
    {"t": "undo-end", "status": "undone"}

Durability rule: every record is handed to the kernel (`os.write`, no user-space
buffer) before the next disk change, so a killed process (kill -9) never loses
one. fsync is batched: the executor writes the intents of a group of actions,
fsyncs once, then performs the group. After a power loss an intent may exist
without its done record, or neither may exist for actions of the last group;
recover therefore never trusts a missing `done` and inspects the disk instead.
"""
from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ActionError

STATE_DIR = ".fileagent"


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


def now_iso() -> str:
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t % 1 * 1000):03d}Z"


def current_user() -> str:
    for var in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        import getpass
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry (containers): fall back to the uid
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


class JournalWriter:
    """Append-only writer; each `write` is one os.write of one line (no user-space buffering)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)

    def write(self, record: dict) -> None:
        os.write(self._fd, (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))

    def write_many(self, records: list[dict]) -> None:
        if records:
            os.write(self._fd, "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                                       for r in records).encode("utf-8"))

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> "JournalWriter":
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
    made: dict[int, list[list[str]]] = field(default_factory=dict)   # folders about to be created
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


def read_journal(path: Path) -> RunJournal:
    lines = path.read_bytes().split(b"\n")
    records = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except ValueError:
            if i >= len(lines) - 2:   # a torn last line from a crash mid-write: ignore it
                continue
            raise ActionError(f"journal {path} is corrupt at line {i + 1}")
    if not records or records[0].get("t") != "header":
        raise ActionError(f"journal {path} has no header record")
    j = RunJournal(path=path, header=records[0])
    for r in records[1:]:
        t = r.get("t")
        if t == "intent":
            j.intents[r["seq"]] = r
        elif t == "done":
            j.done[r["seq"]] = r
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
    return j


def journal_path(root: Path | str, run_id: str) -> Path:
    return journal_dir(root) / f"{run_id}.jsonl"


def list_runs(root: Path | str) -> list[str]:
    """Run ids of this root, oldest first."""
    d = journal_dir(root)
    if not d.is_dir():
        return []
    return sorted(p.name[:-6] for p in d.iterdir() if p.name.endswith(".jsonl"))


class RootLock:
    """One agent process per root at a time: an exclusive lock on ROOT/.fileagent/lock.

    Held by execute, undo and recover, so recover never rolls back a run that is still going.
    """

    def __init__(self, root: Path | str) -> None:
        self.path = state_dir(root) / "lock"
        self._fd = -1

    def __enter__(self) -> "RootLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_fd(self._fd, blocking=False)
        except OSError:
            os.close(self._fd)
            self._fd = -1
            raise ActionError(f"another fileagent process is working on this root (lock {self.path})")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd >= 0:
            _unlock_fd(self._fd)
            os.close(self._fd)
            self._fd = -1


def _lock_fd(fd: int, *, blocking: bool) -> None:
    if os.name == "nt":
        import msvcrt
        msvcrt.locking(fd, msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)
    else:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))


def _unlock_fd(fd: int) -> None:
    if os.name == "nt":
        import msvcrt
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_UN)


lock_fd = _lock_fd
unlock_fd = _unlock_fd

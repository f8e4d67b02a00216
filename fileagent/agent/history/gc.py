"""Housekeeping of a root's state folder: which runs' undo data (journal, backups) `gc` may drop,
dropping it, and how much room the state folder takes.

A run is kept while it is among the newest `keep_runs` runs or younger than `keep_days` days (its
age read from its id, which starts with its UTC start time). A run whose journal is unfinished is
always kept: `recover` needs it.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from fileagent.agent.history import journal as jr


@dataclass
class OldRun:
    run_id: str
    started: float  # seconds since the epoch (UTC), from the run id
    size: int  # bytes of its journal and backups
    status: str  # done | undone | rolled back

    def to_dict(self) -> dict:
        return {
            "run": self.run_id,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started)),
            "bytes": self.size,
            "status": self.status,
        }


def tree_size(path: Path) -> int:
    """Bytes of the files below `path` (links not followed, unreadable parts skipped)."""
    total = 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                pass
    return total


def _started(run_id: str) -> float | None:
    import calendar

    try:
        return float(calendar.timegm(time.strptime(run_id[:15], "%Y%m%dT%H%M%S")))
    except ValueError:
        return None


def _status(root: Path, run_id: str) -> str:
    try:
        j = jr.read_journal(jr.journal_path(root, run_id))
    except (OSError, ValueError, jr.ActionError):
        return "unreadable"
    if j.undone:
        return "undone"
    return "rolled back" if (j.end or {}).get("status") == "rolled_back" else "done"


def prunable(root: Path, *, keep_days: int, keep_runs: int, now: float | None = None) -> list[OldRun]:
    """The runs `gc` would drop, oldest first."""
    root = Path(root)
    now = time.time() if now is None else now
    unfinished = set(jr.unfinished_runs(root))
    runs = jr.list_runs(root)
    old = runs[: max(0, len(runs) - keep_runs)]
    out = []
    for run in old:
        started = _started(run)
        if run in unfinished or started is None or now - started < keep_days * 86400:
            continue
        size = tree_size(jr.backup_dir(root, run))
        try:
            size += os.lstat(jr.journal_path(root, run)).st_size
        except OSError:
            pass
        out.append(OldRun(run, started, size, _status(root, run)))
    return out


def prune(root: Path, runs: list[OldRun]) -> int:
    """Drop the runs' backups, then their journals (so a crash in between leaves a journal whose
    undo refuses, never backups nobody knows about). Returns the bytes freed."""
    root = Path(root)
    freed = 0
    with jr.RootLock(root):
        for r in runs:
            if r.run_id in jr.unfinished_runs(root):  # became unfinished since: recover needs it
                continue
            shutil.rmtree(jr.backup_dir(root, r.run_id), ignore_errors=True)
            try:
                jr.journal_path(root, r.run_id).unlink()
            except FileNotFoundError:
                pass
            freed += r.size
    return freed

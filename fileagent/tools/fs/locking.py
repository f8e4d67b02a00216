"""Exclusive locks on an open file: flock where the OS has it, msvcrt's byte lock on Windows.

`lock(fd, path, blocking=...)` / `unlock(fd, path)`. Both lock kinds behave the same way for the
callers (the root lock and the audit log): a second holder is refused at once (non-blocking) or
waits. What differs is how long "waits" is: flock waits until the holder lets go; msvcrt's
LK_LOCK tries 10 times one second apart, then fails with EDEADLOCK.

The windows portable mode has no fcntl, so it uses `_EmulatedLock`, which keeps msvcrt's
semantics on Linux: refused for any other holder (another process, or this process through another
descriptor), 10 one-second tries when blocking, EACCES for an unlock of a lock not held. It holds
the lock as a file created with O_EXCL beside the locked one (`NAME.msvcrt-lock`, with the
holder's pid); a holder that died (kill -9) leaves that file behind, and the next locker takes it
over once the pid is gone, as Windows frees a dead process's locks.
"""

from __future__ import annotations

import errno
import os
import sys
import time

from fileagent.tools.fs import platform

TRIES, PAUSE = 10, 1.0  # msvcrt LK_LOCK: 10 tries, one second apart
SUFFIX = ".msvcrt-lock"
_mine: dict[str, int] = {}  # lock file -> the descriptor of ours holding it (emulated locks)


def lock(fd: int, path: str | os.PathLike, *, blocking: bool) -> None:
    kind = platform.CAPS.lock
    if kind == "msvcrt" and platform.CAPS.emulated:
        _emulated_lock(fd, os.fspath(path), blocking)
    elif kind == "msvcrt":
        _msvcrt(fd, "lock" if blocking else "try")
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))


def unlock(fd: int, path: str | os.PathLike) -> None:
    kind = platform.CAPS.lock
    if kind == "msvcrt" and platform.CAPS.emulated:
        _emulated_unlock(fd, os.fspath(path))
    elif kind == "msvcrt":
        _msvcrt(fd, "unlock")
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _msvcrt(fd: int, op: str) -> None:
    if sys.platform != "win32":
        raise OSError(errno.ENOSYS, "msvcrt locking exists only on Windows")
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks and unlocks the bytes from the current position
    mode = {"lock": msvcrt.LK_LOCK, "try": msvcrt.LK_NBLCK, "unlock": msvcrt.LK_UNLCK}[op]
    msvcrt.locking(fd, mode, 1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _try(fd: int, marker: str) -> bool:
    try:
        mfd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        try:
            with open(marker, "rb") as f:
                pid = int(f.read().strip() or b"0")
        except (OSError, ValueError):
            return False  # being written by its new holder right now
        stale = not _alive(pid) or (pid == os.getpid() and marker not in _mine)
        if stale:
            try:
                os.unlink(marker)
            except FileNotFoundError:
                pass
            return _try(fd, marker)
        return False
    try:
        os.write(mfd, str(os.getpid()).encode())
    finally:
        os.close(mfd)
    _mine[marker] = fd
    return True


def _emulated_lock(fd: int, path: str, blocking: bool) -> None:
    marker = path + SUFFIX
    for attempt in range(TRIES if blocking else 1):
        if attempt:
            time.sleep(PAUSE)
        if _try(fd, marker):
            return
    if blocking:
        raise OSError(errno.EDEADLK, "Resource deadlock avoided (the file stayed locked for 10 tries)", path)
    raise PermissionError(errno.EACCES, "Permission denied (the file is locked)", path)


def _emulated_unlock(fd: int, path: str) -> None:
    marker = path + SUFFIX
    if _mine.get(marker) != fd:
        raise PermissionError(errno.EACCES, "Permission denied (no lock held on this descriptor)", path)
    del _mine[marker]
    os.unlink(marker)

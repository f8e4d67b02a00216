"""Exclusive locks on an open file: flock where the OS has it, msvcrt's byte lock on Windows.

`lock(fd, path, blocking=...)` / `unlock(fd, path)`. Both lock kinds behave the same way for the
callers (the root lock and the audit log): a second holder is refused at once (non-blocking) or
waits. What differs is how long "waits" is: flock waits until the holder lets go; msvcrt's
LK_LOCK tries 10 times one second apart, then fails with EDEADLOCK.

The windows portable mode has no fcntl, so it uses an emulation that keeps msvcrt's semantics on
Linux. A lock belongs to one process and one descriptor (Windows: one handle): any other holder is
refused, another process or this process through another descriptor, or the same descriptor again
(Windows locks do not nest); any thread may unlock through the holding descriptor; unlocking what
that descriptor does not hold is EACCES; closing the descriptor lets the lock go.

Across processes the lock is a marker file beside the locked one (`NAME.msvcrt-lock`) holding
"PID TOKEN", created complete in one step (a hard link of a written temp file). Within a process a
mutex orders the tries of its threads and a table records which descriptor holds which marker. A
holder that died (kill -9) leaves its marker behind; the next locker takes it over, as Windows
frees a dead process's locks. Lockers that find the same dead marker race for a reap file named
after that very marker, so exactly one removes it, and never a newer holder's marker.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import threading
import time
import uuid
from typing import NamedTuple

from fileagent.tools.fs import platform

TRIES, PAUSE = 10, 1.0  # msvcrt LK_LOCK: 10 tries, one second apart
SUFFIX = ".msvcrt-lock"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DEPTH = 3  # reaps of reaps: each level needs a locker killed inside the previous level's microseconds


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


# ------------------------------------------------------------------ the emulation


class _Held(NamedTuple):
    fd: int
    file: tuple[int, int]  # (st_dev, st_ino) the descriptor had when it locked
    token: str  # the marker's content


_guard = threading.Lock()  # one try at a time per process: a thread never sees another's half-made marker
_held: dict[str, _Held] = {}  # marker path -> the descriptor of this process holding it


def _forget_after_fork() -> None:
    # A forked child is another process: it holds none of its parent's locks, and a guard some other
    # thread held at the fork would never be released in the child.
    global _guard
    _guard = threading.Lock()
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


def _marker(path: str) -> str:
    return os.path.abspath(path) + SUFFIX


def _emulated_lock(fd: int, path: str, blocking: bool) -> None:
    marker = _marker(path)
    st = os.fstat(fd)
    for attempt in range(TRIES if blocking else 1):
        if attempt:
            time.sleep(PAUSE)  # outside the guard: the holder's own thread must be able to unlock
        with _guard:
            token = _claim(marker)
            if token is not None:
                _held[marker] = _Held(fd, (st.st_dev, st.st_ino), token)
                return
    if blocking:
        raise OSError(errno.EDEADLK, "Resource deadlock avoided (the file stayed locked for 10 tries)", path)
    raise PermissionError(errno.EACCES, "Permission denied (the file is locked)", path)


def _emulated_unlock(fd: int, path: str) -> None:
    marker = _marker(path)
    with _guard:
        held = _held.get(marker)
        if held is None or held.fd != fd or not _still_open(held):
            raise PermissionError(errno.EACCES, "Permission denied (no lock held on this descriptor)", path)
        del _held[marker]
        seen = _read(marker)
        if seen is not None and seen[0] == held.token.encode():
            os.unlink(marker)


def _still_open(held: _Held) -> bool:
    try:
        st = os.fstat(held.fd)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == held.file


def _claim(path: str, depth: int = 0) -> str | None:
    """Create `path` holding a new "PID TOKEN" and return it; None while a live holder has it.
    Called under `_guard`."""
    token = f"{os.getpid()} {uuid.uuid4().hex}"
    for _ in range(3):
        if _create(path, token):
            return token
        seen = _read(path)
        if seen is None:
            continue  # let go between our try and our look
        if depth >= _DEPTH or not _stale(seen[0]):
            return None
        # Only the locker that claims this marker's own reap file removes it, and only while it is
        # still that marker: a marker is removed by its holder (dead) or by that reaper, so the check
        # and the unlink cannot be split by a newer holder.
        reap = _reap_name(path, seen)
        if _claim(reap, depth + 1) is None:
            return None
        try:
            if _read(path) == seen:
                os.unlink(path)
        finally:
            os.unlink(reap)
    return None


def _reap_name(path: str, seen: tuple[bytes, int, int]) -> str:
    return f"{path}.reap-{hashlib.sha256(repr(seen).encode()).hexdigest()[:16]}"


def _create(path: str, token: str) -> bool:
    """Make `path` with `token` in it unless it exists. The content is there the moment the name is
    (a link to a written temp file), so no reader takes a half-written marker for a dead one."""
    tmp = f"{path}.{uuid.uuid4().hex}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    try:
        os.write(fd, token.encode())
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS):
            raise
        return _create_in_place(path, token)  # a filesystem without hard links
    finally:
        os.unlink(tmp)
    return True


def _create_in_place(path: str, token: str) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except FileExistsError:
        return False
    try:
        os.write(fd, token.encode())
    finally:
        os.close(fd)
    return True


def _read(path: str) -> tuple[bytes, int, int] | None:
    """(content, inode, mtime) of a marker, None once it is gone; one that cannot be read counts as
    held (content b"")."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError:
        return b"", 0, 0
    try:
        st = os.fstat(fd)
        return os.read(fd, 256), st.st_ino, st.st_mtime_ns
    finally:
        os.close(fd)


def _stale(content: bytes) -> bool:
    """Whether the process (and, for ours, the descriptor) that made a marker has let it go."""
    fields = content.split()
    try:
        pid = int(fields[0])
    except (IndexError, ValueError):
        return False  # empty: being written right now (the no-hard-links route) or unreadable
    if pid <= 0:
        return True
    if pid != os.getpid():
        return not _alive(pid)
    # Ours: live while a descriptor of ours that is still open holds it (Windows frees a handle's
    # locks when it closes). Under `_guard` no thread of ours is between making a marker and
    # recording it, so an unrecorded one of ours is left over from before (a reused pid).
    token = content.decode("ascii", "replace").strip()
    return not any(h.token == token and _still_open(h) for h in _held.values())


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill(pid, 0) would end the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

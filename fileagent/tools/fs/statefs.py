"""Files of the agent's state folder (ROOT/.fileagent: lock, journals, tag index).

Anyone who can write inside the root can plant a link there (`.fileagent/lock -> /outside/new`), so
every state file is opened through descriptors that follow no link in any folder of its path nor
as its final name (dirfd), and only a regular file is used. A link, or a FIFO, socket or device,
is refused with a PolicyError naming the path: nothing is created, read or appended outside.
"""

from __future__ import annotations

import errno
import os
import stat as stat_mod

from fileagent.errors import PolicyError
from fileagent.tools.fs import dirfd, fsops

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _refused(path: str, what: str) -> PolicyError:
    return PolicyError(f"{path} is {what}: refusing to use it as the agent's state; nothing changed", path=path)


def open_state_file(path: str, flags: int, mode: int = 0o600) -> int:
    """os.open of a state file, no link followed, regular files only (the caller closes it). With
    O_CREAT its missing folders are made the same way."""
    path = os.fspath(path)
    try:
        if flags & os.O_CREAT:
            fsops.mkdirs(os.path.dirname(path))
        # O_NONBLOCK: opening a FIFO returns at once (and is refused below) instead of hanging
        fd = dirfd.open_file(path, flags | _O_NONBLOCK, mode)
    except dirfd.LinkInPathError:
        raise _refused(path, "below a symbolic link (or a folder on its path is not a folder)") from None
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.EMLINK):
            raise _refused(path, "a symbolic link") from None
        if e.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing with no reader
            raise _refused(path, "not a regular file") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat_mod.S_ISREG(st.st_mode):
            raise _refused(path, f"a {fsops.kind_of(st.st_mode)}, not a regular file")
        if _O_NONBLOCK and os.name != "nt":
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_state_file(path: str) -> bytes | None:
    """A state file's bytes, or None when it does not exist."""
    try:
        fd = open_state_file(path, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        parts = []
        while chunk := os.read(fd, 1 << 20):
            parts.append(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)


def list_state_dir(path: str) -> list[str]:
    """Names in a state folder ([] when absent); a link on the way is refused."""
    try:
        return dirfd.listdir(os.fspath(path))
    except dirfd.LinkInPathError:
        raise _refused(os.fspath(path), "a symbolic link (or below one)") from None
    except (FileNotFoundError, NotADirectoryError):
        return []

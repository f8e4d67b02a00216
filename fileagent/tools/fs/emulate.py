"""What a Windows or macOS filesystem does by itself, done by hand for the portable modes on Linux.

Only used when `platform.CAPS.emulated` (FILEAGENT_PORTABLE is set); on the real OS the kernel
does all of this and none of it runs.

- Names: NTFS and APFS find "A.txt" when asked for "a.txt" (and APFS finds an NFD name when
  asked for its NFC spelling). `on_disk` maps each component of a path that does not exist as
  spelled to the entry that the rules call the same; `variant` finds the entry a new name would
  collide with.
- Open files (windows rules): Windows refuses to rename or delete a file another program holds
  open, and a folder holding one (a sharing violation). `hold_open` marks a file as open elsewhere
  (tests use it to stand in for that other program); `check_not_open` raises what Windows raises.
"""

from __future__ import annotations

import contextlib
import errno
import os

from fileagent.tools.fs import platform

_held: dict[str, int] = {}  # real path -> how many holders keep it open "in another program"
SHARING_VIOLATION = 32  # ERROR_SHARING_VIOLATION


def _key(name: str) -> str:
    return platform.CAPS.names.key(name)


def variant(folder: str, name: str) -> str | None:
    """The entry of `folder` that the name rules call the same as `name` (itself when it exists as
    spelled), or None."""
    try:
        if os.path.lexists(os.path.join(folder, name)):
            return name
        entries = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return None
    k = _key(name)
    for e in entries:
        if _key(e) == k:
            return e
    return None


def on_disk(path: str) -> str:
    """`path` with every component spelled as it is on disk (unchanged where nothing matches)."""
    path = os.fspath(path)
    if os.path.lexists(path):
        return path
    head, name = os.path.split(path)
    if not name or head == path:
        return path
    head = on_disk(head)
    return os.path.join(head, variant(head, name) or name)


@contextlib.contextmanager
def hold_open(path: str):
    """While inside, `path` counts as open in another program (windows rules refuse to rename or
    delete it, or a folder above it)."""
    real = os.path.realpath(path)
    _held[real] = _held.get(real, 0) + 1
    try:
        yield
    finally:
        _held[real] -= 1
        if not _held[real]:
            del _held[real]


def check_not_open(path: str) -> None:
    """PermissionError (as Windows raises it) when `path`, or a file below it, is held open."""
    if not _held or not platform.CAPS.names.windows:
        return
    real = os.path.realpath(path)
    for p in _held:
        if p == real or p.startswith(real.rstrip(os.sep) + os.sep):
            # Windows' own message for a sharing violation, so the one line reads the same on both
            e = PermissionError(
                errno.EACCES, "The process cannot access the file because it is being used by another process", path
            )
            e.winerror = SHARING_VIOLATION  # type: ignore[attr-defined]
            raise e

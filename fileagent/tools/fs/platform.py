"""What the file system under this process can do, chosen once at start-up from the real OS.

| capability | Linux | macOS | Windows |
| --- | --- | --- | --- |
| `dir_fd`: descriptor-relative calls, every folder opened with O_NOFOLLOW | yes | yes | no |
| `noreplace`: how a rename refuses an existing target | renameat2 | check, then rename | MoveFileEx (os.rename) |
| `lock`: the root and audit-log lock | flock | flock | msvcrt |
| names (fileagent/policies/names.py) | exact bytes | case- and normalisation-insensitive | case-insensitive, Windows name rules |

`FILEAGENT_PORTABLE=windows` or `=macos` makes a run on Linux take exactly the calls and name rules
of that OS: the layer then also does what that OS's filesystem would do by itself (`emulated`):
names that differ only in case (and, for macOS, in Unicode normalisation) are one entry, and in
the windows mode a file another program holds open cannot be renamed or deleted (fs/emulate.py)
and the lock keeps msvcrt's semantics (fs/locking.py). Real Windows and macOS need none of that
emulation: their filesystems and kernels behave that way themselves.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from fileagent.policies import names as _names
from fileagent.policies.names import NameRules


def _os_has_dir_fd() -> bool:
    return bool(getattr(os, "O_NOFOLLOW", 0) and getattr(os, "O_DIRECTORY", 0)) and all(
        f in os.supports_dir_fd for f in (os.open, os.rename, os.unlink, os.mkdir, os.rmdir, os.stat)
    )


@dataclass(frozen=True)
class Capabilities:
    mode: str | None  # the portable mode in force ("windows", "macos"), None for the real OS
    dir_fd: bool
    noreplace: str  # "renameat2", "MoveFileEx" or "check-then-rename"
    lock: str  # "flock" or "msvcrt"
    names: NameRules
    # Files the OS's own tools leave in folders (Finder's .DS_Store): wildcard selections pass them
    # over; a pattern that names them still finds them.
    junk_names: frozenset[str] = frozenset()

    @property
    def emulated(self) -> bool:
        """True when this layer stands in for another OS's filesystem behaviour (portable modes)."""
        return self.mode is not None

    def describe(self) -> str:
        """One line for `fileagent info`, e.g. "dirfd + renameat2 + flock; names as the filesystem
        compares them" or "portable (windows rules): path calls + check-then-rename + msvcrt-style
        lock (emulated); case-insensitive names, Windows name rules"."""
        lock = "msvcrt-style lock (emulated)" if self.emulated and self.lock == "msvcrt" else self.lock
        calls = " + ".join(("dirfd" if self.dir_fd else "path calls", self.noreplace, lock))
        if self.names.case_insensitive is None:
            how = "names as the filesystem compares them"
        elif self.names.normalisation_insensitive:
            how = "case- and normalisation-insensitive names"
        else:
            how = "case-insensitive names"
        if self.names.windows:
            how += ", Windows name rules"
        head = f"portable ({self.names.system} rules): " if self.emulated else ""
        return f"{head}{calls}; {how}"


_MAC_JUNK = frozenset({".DS_Store"})


def capabilities_for(mode: str | None) -> Capabilities:
    rules = _names.rules_for(mode)
    if mode == "windows":
        return Capabilities(mode, False, "check-then-rename", "msvcrt", rules)
    if mode == "macos":
        return Capabilities(mode, _os_has_dir_fd(), "check-then-rename", "flock", rules, _MAC_JUNK)
    if os.name == "nt":
        return Capabilities(None, False, "MoveFileEx", "msvcrt", rules)
    noreplace = "renameat2" if sys.platform.startswith("linux") else "check-then-rename"
    junk = _MAC_JUNK if sys.platform == "darwin" else frozenset()
    return Capabilities(None, _os_has_dir_fd(), noreplace, "flock", rules, junk)


CAPS = capabilities_for(_names.portable_mode())


def current() -> Capabilities:
    return CAPS


def long_path(path: str, *, nt: bool = os.name == "nt") -> str:
    r"""On Windows, an absolute path of 260 characters or more in its extended form (\\?\C:\...,
    \\?\UNC\server\share\...), which the Win32 calls take up to 32,767 characters long without the
    LongPathsEnabled setting; any other path as it is."""
    if not nt or len(path) < 260 or path.startswith("\\\\?\\"):
        return path
    import ntpath

    p = ntpath.normpath(path)
    if p.startswith("\\\\"):
        return "\\\\?\\UNC\\" + p[2:]
    return "\\\\?\\" + p if ntpath.isabs(p) else path


def activate(mode: str | None) -> Capabilities:
    """Switch this process to `mode`'s capabilities and name rules; returns the previous ones (to
    pass to `restore`). Start-up does this once from the environment; tests use it to run one
    check under each OS's rules in the same process."""
    global CAPS
    previous = CAPS
    if mode is not None and mode not in _names.MODES:
        raise ValueError(f"unknown portable mode {mode!r}")
    CAPS = capabilities_for(mode)
    _names.use(CAPS.names)
    return previous


def restore(previous: Capabilities) -> None:
    global CAPS
    CAPS = previous
    _names.use(previous.names)

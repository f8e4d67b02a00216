"""Windows path rules as pure string checks, so they can be tested (and enforced) on any OS.

`windows_path_problem(p)` says why a plan path would be unsafe or ambiguous on
Windows, or returns None. Backslashes count as separators.
"""

from __future__ import annotations

import re

RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
    + ["COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3"]
)
_DRIVE = re.compile(r"^[A-Za-z]:")
_BAD_CHARS = re.compile(r'[<>"|?*\x00-\x1f]')
# 8.3 short-name aliases ("PROGRA~1", "MYDOCU~1.TXT"): up to 6 characters, "~", digits, an extension of 0-3
_SHORT_NAME = re.compile(r"^[^~.]{1,6}~[0-9]{1,6}(\.[^.]{0,3})?$")


def split_parts(p: str) -> list[str]:
    """Components of a path, treating both "/" and "\\" as separators."""
    return [c for c in re.split(r"[\\/]", p) if c != ""]


def is_windows_absolute(p: str) -> bool:
    """Drive-qualified (C:\\x, and drive-relative C:x), UNC (\\\\server\\share) or device (\\\\?\\, \\\\.\\) paths."""
    return bool(_DRIVE.match(p)) or p.startswith(("\\\\", "//", "\\/", "/\\"))


def prefix_problem(p: str) -> str | None:
    """Problems with the start of a path: these make it absolute or special on Windows."""
    if p.startswith(("\\\\?\\", "//?/", "\\\\.\\", "//./", "\\??\\")):
        return "uses a Windows device/long-path prefix (\\\\?\\ or \\\\.\\)"
    if p.startswith(("\\\\", "//", "\\/", "/\\")):
        return "is a UNC network path (\\\\server\\share)"
    if _DRIVE.match(p):
        if len(p) == 2 or p[2] not in "\\/":
            return "is drive-relative (C:name), which depends on the drive's current folder"
        return "is an absolute Windows drive path"
    return None


def name_problem(name: str) -> str | None:
    """Problems with one path component under Windows naming rules."""
    if name in (".", ".."):
        return None
    if ":" in name:
        return f"name {name!r} contains ':' (a drive or an NTFS alternate data stream)"
    if _BAD_CHARS.search(name):
        return f'name {name!r} contains a character Windows forbids (<>"|?* or a control character)'
    if name[-1] in ". ":
        return f"name {name!r} ends with a dot or a space (Windows strips them: another file)"
    if _SHORT_NAME.match(name):
        return (
            f"name {name!r} has the shape of an 8.3 short name (like PROGRA~1), which Windows may resolve "
            "to another, longer name (a way around deny patterns)"
        )
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    if stem in RESERVED_NAMES:
        return f"name {name!r} is a reserved Windows device name ({stem})"
    return None


def windows_path_problem(p: str) -> str | None:
    """Why `p` is not a safe relative path under Windows rules, or None when it is."""
    problem = prefix_problem(p)
    if problem:
        return problem
    for part in split_parts(p):
        problem = name_problem(part)
        if problem:
            return problem
    return None

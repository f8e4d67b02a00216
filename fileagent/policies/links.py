"""What counts as a link: a symbolic link, and on Windows any name-surrogate reparse point.

Windows has more kinds of links than symbolic links: a directory junction (mount point) also
sends whoever walks into it somewhere else, yet `os.path.islink` says False for it and a scan
sees a plain folder. A reparse point whose tag is a name surrogate (symbolic links, junctions,
and the like) redirects to another name, so it is a link here: never entered, never followed,
moved or deleted as itself, allowed only where its target passes the Guard. Other reparse points
(cloud placeholders, deduplicated files) hold their own data and stay files and folders.
"""

from __future__ import annotations

import os
import stat as stat_mod

from fileagent.policies import names

FILE_ATTRIBUTE_REPARSE_POINT = 0x400
IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003  # a directory junction
IO_REPARSE_TAG_SYMLINK = 0xA000000C
_NAME_SURROGATE = 0x20000000  # IsReparseTagNameSurrogate
# Where reparse points are read from. Under windows rules on another OS there are none on disk;
# tests replace this to stand a junction in for a folder.
_lstat = os.lstat


def is_link_stat(st: os.stat_result) -> bool:
    """True for an lstat result of a symbolic link, a junction or another name-surrogate reparse point."""
    if stat_mod.S_ISLNK(st.st_mode):
        return True
    if not getattr(st, "st_file_attributes", 0) & FILE_ATTRIBUTE_REPARSE_POINT:
        return False
    return bool(getattr(st, "st_reparse_tag", 0) & _NAME_SURROGATE)


def islink(path: str | os.PathLike) -> bool:
    """os.path.islink, junctions and other name-surrogate reparse points included."""
    try:
        return is_link_stat(_lstat(path))
    except (OSError, ValueError):
        return False


def entry_is_link(entry: os.DirEntry) -> bool:
    """The same for a scandir entry: free where there are no reparse points, and on Windows (the
    scan already read each entry's attributes and reparse tag)."""
    if entry.is_symlink():
        return True
    try:
        if os.name == "nt":
            return is_link_stat(entry.stat(follow_symlinks=False))
        return names.current().windows and is_link_stat(_lstat(entry.path))
    except OSError:
        return False

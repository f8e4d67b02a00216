"""Paths as people write them: a home folder, an environment variable or a file URL at the front.

A plan path whose first component is exactly one of these names a place elsewhere, never a folder
of that name inside the root:

    ~  ~name                  a home folder (yours; user name's)
    $NAME  ${NAME}  %NAME%    an environment variable (NAME: letters, digits, underscore)
    file://HOST/PATH          a file URL (also file:/PATH); HOST empty or "localhost"

Anything else is an ordinary name: "notes~", "a$b.txt", "100%.txt", "~$report.docx",
"$RECYCLE.BIN", a "~" or "$HOME" below the first component. "./~" names an entry called "~".
The Guard (guard.py) resolves these places and judges where they lead; this module only reads the
string and looks the place up. Lookups take the environment as a mapping so that tests and the CLI
can hand in their own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

# A user name after "~": letters, digits, "_" and "-" (POSIX portable names, less "."; a dot would
# make "~WRL0001.tmp", a Word temporary file, a home folder).
_HOME = re.compile(r"~([A-Za-z0-9_-]*)")
_VAR = re.compile(r"\$([A-Za-z0-9_]+)|\$\{([A-Za-z0-9_]+)\}|%([A-Za-z0-9_]+)%")
_URL = re.compile(r"file:(//([^/\\]*))?", re.IGNORECASE)
_SEP = re.compile(r"[\\/]")
_WIN_SHAPED = re.compile(r"^(?:[A-Za-z]:|\\\\)")
_WIN_DRIVE_PATH = re.compile(r"^/[A-Za-z]:(?=/|$)")  # "/C:/x" of file:///C:/x


@dataclass(frozen=True)
class Place:
    kind: str  # "home", "variable" or "url"
    head: str  # as written: "~", "~root", "$HOME", "${HOME}", "%USERPROFILE%", "file://"
    name: str  # the user (home; "" for yours), the variable, or the URL's host
    rest: str  # after the head, as written; for a URL the decoded path itself

    def describe(self) -> str:
        if self.kind == "home":
            return f"the home folder of user {self.name}" if self.name else "your home folder"
        if self.kind == "variable":
            return f"the environment variable {self.name}"
        return "a file URL"


def is_place_name(name: str) -> bool:
    """A single name that would read as a home folder or a variable if it came first in a path
    (and does, in a shell): "~", "~bob", "$HOME", "${HOME}", "%TEMP%"."""
    return bool(_HOME.fullmatch(name) or _VAR.fullmatch(name))


def place_of(path: str) -> Place | None:
    """The place `path` starts with, or None for an ordinary path."""
    if not path or path[0] not in "~$%fF":
        return None
    url = _URL.match(path)
    if url and (url.group(1) is not None or path[url.end() : url.end() + 1] in ("/", "\\")):
        body = unquote(path[url.end() :])  # file:/PATH has no host part
        return Place("url", path[: url.end()], url.group(2) or "", body or "/")
    # "\\" ends the head everywhere ("%USERPROFILE%\\docs"); in the rest it is the platform's
    # (a separator under the Windows rules, a character of a name elsewhere)
    parts = _SEP.split(path, 1)
    head, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    m = _HOME.fullmatch(head)
    if m:
        return Place("home", head, m.group(1), rest)
    m = _VAR.fullmatch(head)
    if m:
        return Place("variable", head, next(g for g in m.groups() if g), rest)
    return None


def home_folder(user: str, env: Mapping[str, str], *, windows: bool) -> str | None:
    """Where `~user` leads ("" for yours), or None when that cannot be known here."""
    if not user:
        home = env.get("HOME") or (env.get("USERPROFILE") if windows or os.name == "nt" else None)
        if home:
            return home
    try:
        import pwd
    except ImportError:  # Windows: no user database to ask
        return None
    try:
        return pwd.getpwnam(user).pw_dir if user else pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:
        return None


def variable(name: str, env: Mapping[str, str], *, windows: bool) -> str | None:
    """The variable's value; Windows names are case-insensitive. None when unset or empty."""
    value = env.get(name)
    if value is None and windows:
        folded = name.upper()
        value = next((v for k, v in env.items() if k.upper() == folded), None)
    return value or None


def place_target(place: Place, base: str) -> str:
    """The path a place leads to: `base` (the home folder, the variable's value; ignored for a
    URL) with the rest of the plan path after it, not yet normalised."""
    if place.kind == "url":
        body = place.rest
        return body[1:] if _WIN_DRIVE_PATH.match(body) else body
    if _WIN_SHAPED.match(base):
        base = base.replace("\\", "/")  # "C:\\Users\\me", "\\\\srv\\share": refused as drive or network paths
    if not place.rest:
        return base
    return base.rstrip("/") + "/" + place.rest if base.rstrip("/") else "/" + place.rest

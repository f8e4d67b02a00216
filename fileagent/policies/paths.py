"""Path-string helpers shared by the Guard and pattern matching: glob -> regex, name normalisation.

Globs: `*` and `?` stay inside one path component, `[...]` is a character
class, `**` as a whole component matches any number of components (zero
included), so "docs/**" matches "docs" itself and everything below it.
"""

from __future__ import annotations

import re
import unicodedata

# The agent's own folder under the sandbox root (journal, backups, tag index, lock): never planned
# over, never listed, never a target.
STATE_DIR = ".fileagent"

_TRAILING = re.compile(r"[. ]+(?=/|$)")


def nfc(s: str) -> str:
    return s if s.isascii() else unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Comparison form for deny matching: NFC, case-folded, trailing dots/spaces of each component
    stripped (as Windows does), backslashes as "/"."""
    if "\\" in s:
        s = s.replace("\\", "/")
    s = s.lower() if s.isascii() else unicodedata.normalize("NFC", s).casefold()
    if s.endswith((".", " ")) or "./" in s or " /" in s:
        s = _TRAILING.sub("", s)
    return s


def glob_to_regex(pattern: str) -> str:
    """Translate a "/"-separated glob into a regex source (no anchors)."""
    out: list[str] = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            if last:
                # "a/**": a itself or anything below; bare "**": anything
                if out and out[-1] == "/":
                    out[-1] = "(?:/.*)?"
                else:
                    out.append(".*")
            else:
                out.append("(?:.*/)?")
            continue
        out.append(_component(part))
        if not last:
            out.append("/")
    return "".join(out)


def _component(part: str) -> str:
    out: list[str] = []
    i, n = 0, len(part)
    while i < n:
        c = part[i]
        if c == "*":
            while i + 1 < n and part[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i + 1
            if j < n and part[j] in "!^":
                j += 1
            if j < n and part[j] == "]":
                j += 1
            while j < n and part[j] != "]":
                j += 1
            if j >= n:
                out.append(re.escape(c))
            else:
                body = part[i + 1 : j]
                if body[:1] in "!^":
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\").replace("/", "") + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def compile_glob(pattern: str, *, ignore_case: bool = False) -> re.Pattern[str]:
    return re.compile(glob_to_regex(pattern), re.IGNORECASE if ignore_case else 0)


def has_magic(s: str) -> bool:
    return any(c in s for c in "*?[")

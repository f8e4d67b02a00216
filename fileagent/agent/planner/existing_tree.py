"""The whole tree under the root, as the plan constraint asks of it: can a value still become,
or is it, a path that exists?

The first step of a plan selects what is there now, so where the planner hands in the whole tree
(every path under the root: it was not cut off at the cap), the file or folder a first step
selects (`path`, `in`) must be one of them. The model then spends its beam on readings the
compiler can take instead of on names that are not there ("临时/先" out of "先看看 临时笔记.txt").

Matching ignores case (a user on macOS or Windows types "photos" for "Photos") and Unicode
normalisation form; the compiler still decides. Values the Guard must judge pass untouched: a path
that starts at "/", "~", a drive or "..", and the agent's own state folder, so "read /etc/passwd"
is still planned as written and refused by the policy (exit 3), not turned into something else.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable

from fileagent.agent.planner.values_v2 import one_edit
from fileagent.policies.paths import STATE_DIR as _STATE_DIR
from fileagent.policies.winpath import is_windows_absolute

STATE_DIR = _STATE_DIR.encode()


def _key(text: bytes) -> bytes:
    """Case- and normalisation-free form of a path; a character still being written at the end
    (the constraint steps byte by byte) is left off."""
    text = text.replace(b"\\", b"/")
    try:
        s = text.decode("utf-8")
    except UnicodeDecodeError as e:
        s = text[: e.start].decode("utf-8", "replace")
    key = unicodedata.normalize("NFC", s).lower().encode("utf-8")
    while key.startswith(b"./"):
        key = key[2:]
    return key


def guard_decides(text: bytes) -> bool:
    """A value that points outside the root (or into the agent's own state), however it ends."""
    t = text.replace(b"\\", b"/")
    return (
        t[:1] in (b"/", b"~")
        or t.startswith(b"..")
        or is_windows_absolute(t[:2].decode("latin-1"))
        or t.lower().startswith(STATE_DIR)
    )


class ExistingTree:
    def __init__(self, paths: Iterable[str]):
        self.keys = sorted({_key(p.encode("utf-8")) for p in paths})
        self.exact = frozenset(self.keys)

    def may_become(self, text: bytes) -> bool:
        """`text` is the start of an existing path, or of a value the Guard decides."""
        if guard_decides(text) or b"..".startswith(text) or STATE_DIR.startswith(text.lower()):
            return True
        if len(text) == 1 and text.isalpha():
            return True  # may become a drive ("C:/...")
        t = _key(text)
        if not t:
            return True
        i = bisect_left(self.keys, t)
        return i < len(self.keys) and self.keys[i].startswith(t)

    def holds(self, text: bytes) -> bool:
        """`text`, complete, names an existing path (or one the Guard decides)."""
        if guard_decides(text):
            return True
        return _key(text).rstrip(b"/") in self.exact


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def named_by(request: str, value: str) -> bool:
    """The request names the existing path `value` the retry chose: some part of it (a folder or
    the file name, or that name without its extension) is written in the request, up to case,
    Unicode form, "_"/"-"/space and one typo in a word of four letters or more. "old" is no
    reading of "delete everything in the temp folder", whatever the tree holds."""
    if guard_decides(value.encode("utf-8")) or value in (".", ""):
        return True
    req = _fold(request)
    flat = re.sub(r"[\s_\-]+", "", req)
    words = re.findall(r"[^\W_]+(?:[._\-][^\W_]+)*", req)
    for part in _fold(value).replace("\\", "/").strip("/").split("/"):
        stem = part.rsplit(".", 1)[0] if "." in part[1:] else part
        for name in {part, stem}:
            if len(name) < 2:
                continue
            if _written(name, req) or _written(re.sub(r"[\s_\-]+", "", name), flat):
                return True
            if len(name) >= 4 and any(one_edit(w, name) for w in words if abs(len(w) - len(name)) <= 1):
                return True
    return False


def _written(name: str, text: str) -> bool:
    """`name` in `text`, not inside a longer word or name ("old" is not written in "folder"); a name
    holding a CJK character may sit inside a run of them."""
    if not name:
        return False
    if not name.isascii():
        return name in text
    # nor as the head of a longer name: "requirements" of "requirements-dev.txt", "report" of "report.docx"
    return re.search(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9]|[._\-][a-z0-9])", text) is not None


def spelled_as_on_disk(texts: list[str], paths: list[str]) -> list[str]:
    """Each plan text with its first step's existing-path values (what it selects, renames or
    unpacks) spelled as on disk, where the request wrote one in another case or Unicode form and
    exactly one path under the root matches: a user on Linux types "downloads" for "Downloads", the
    whole-tree decode takes it (matching ignores case), and the compiler, on a file system that
    does not, would find nothing. The paths are indexed once for all the texts."""
    exact = set(paths)
    folded: dict[bytes, list[str]] = {}
    for p in paths:
        folded.setdefault(_key(p.encode("utf-8")).rstrip(b"/"), []).append(p)

    def on_disk(value: str | None) -> str | None:
        if value is None or value in exact or guard_decides(value.encode("utf-8")):
            return value
        found = folded.get(_key(value.encode("utf-8")).rstrip(b"/"), [])  # as the constraint matched it
        return found[0] if len(found) == 1 else value

    return [_respelled(text, on_disk) for text in texts]


def _respelled(text: str, on_disk: Callable[[str | None], str | None]) -> str:
    from dataclasses import replace

    from fileagent.agent.plan.text import PlanTextError, from_text, to_text

    try:
        plan = from_text(text)
    except (PlanTextError, ValueError):
        return text
    step = plan.steps[0]
    sel = getattr(step, "select", None)
    if sel is not None:
        step = replace(step, select=replace(sel, path=on_disk(sel.path), in_=on_disk(sel.in_)))  # type: ignore[type-var]
    if step.op in ("rename", "extract") and getattr(step, "path", None) is not None:
        step = replace(step, path=on_disk(step.path))  # type: ignore[type-var]
    if step == plan.steps[0]:
        return text
    return to_text(replace(plan, steps=[step, *plan.steps[1:]]))  # type: ignore[type-var]

"""The ChangeSet: the exact atomic actions a plan compiles to.

The preview renders a ChangeSet; the executor runs the very same object (or
its JSON form, re-read). Nothing is decided after the preview: every
destination, every conflict resolution and every new file content is fixed here.

Paths are relative to the sandbox root, "/"-separated.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Literal

# Actions that change the disk. "emit" actions only produce output (list, read).
ActionKind = Literal["mkdir", "write", "move", "copy", "delete", "set_tags", "zip", "unpack", "emit"]
MUTATING = ("mkdir", "write", "move", "copy", "delete", "set_tags", "zip", "unpack")

# The one word per action kind that the preview, the audit log and `log --op` all use.
OP_WORDS = {
    "mkdir": "mkdir",
    "write": "write",
    "move": "move",
    "copy": "copy",
    "delete": "delete",
    "set_tags": "tag",
    "zip": "zip",
    "unpack": "extract",
    "emit": "show",
}
# Words older versions wrote or showed, still accepted by `log --op` and read from old logs.
OP_ALIASES = {
    "set_tags": "tag",
    "create folder": "mkdir",
    "create-folder": "mkdir",
    "create_folder": "mkdir",
    "tags": "tag",
    "remove": "delete",
    "rm": "delete",
    "mv": "move",
    "cp": "copy",
}


def op_word(kind_or_alias: str) -> str:
    """The shared word for an action kind, an old log's op, or an alias ("undo-" prefixes kept)."""
    prefix = ""
    if kind_or_alias.startswith("undo-"):
        prefix, kind_or_alias = "undo-", kind_or_alias[5:]
    w = kind_or_alias.strip().lower()
    return prefix + OP_WORDS.get(w, OP_ALIASES.get(w, w))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a path looked like when the plan was compiled; checked again before acting."""

    exists: bool
    is_dir: bool = False
    size: int = 0
    mtime_ns: int = 0
    inode: int = 0


@dataclass(slots=True)
class Action:
    seq: int  # 1-based position in the ChangeSet
    step: int  # 1-based plan step it came from
    kind: ActionKind
    src: str | None = None  # move/copy/delete/write(existing)/set_tags/emit source
    dst: str | None = None  # move/copy/mkdir/write destination
    content: bytes | None = None  # write: the complete new content
    overwrite: bool = False  # dst exists and is replaced (backed up first)
    tags: list[str] | None = None  # set_tags: the complete new tag list of src
    note: str = ""  # human detail: "append", "conflict: renamed", "list", "read"
    expect: dict[str, Fingerprint] = field(default_factory=dict)  # path -> fingerprint at compile time
    # zip: [[source, name inside], ...]; unpack: [[member name, size]] (src is the archive)
    members: list[list] | None = None

    @property
    def mutating(self) -> bool:
        return self.kind in MUTATING

    def to_dict(self) -> dict:
        d = asdict(self)
        d["content"] = None if self.content is None else base64.b64encode(self.content).decode("ascii")
        d["sha256"] = None if self.content is None else hashlib.sha256(self.content).hexdigest()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Action:
        d = dict(d)
        d.pop("sha256", None)
        if d.get("content") is not None:
            d["content"] = base64.b64decode(d["content"])
        d["expect"] = {k: Fingerprint(**v) for k, v in (d.get("expect") or {}).items()}
        return cls(**d)


@dataclass
class Conflict:
    step: int
    path: str  # the destination that already existed
    resolution: Literal["rename_new", "skip", "overwrite"]
    result: str | None  # the path actually used (None when skipped)


@dataclass
class ChangeSet:
    actions: list[Action] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    outputs: list[tuple[int, str, str]] = field(default_factory=list)  # (step, "list"|"read", text)
    # (step, path, why): pattern matches left out, e.g. a symlink pointing outside the root
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    # (step, text): how the compile read the plan, e.g. a relative age resolved to a date
    notes: list[tuple[int, str]] = field(default_factory=list)
    # step -> [(shown path, size or None, mtime_ns)] of each list step, for `--long` (not journaled)
    entries: dict[int, list[tuple[str, int | None, int]]] = field(default_factory=dict)
    # step -> [[kept, duplicate, ...], ...] of each list step of duplicates
    groups: dict[int, list[list[str]]] = field(default_factory=dict)

    @property
    def mutating_actions(self) -> list[Action]:
        return [a for a in self.actions if a.mutating]

    def totals(self) -> dict[str, int]:
        t: dict[str, int] = {}
        for a in self.actions:
            t[a.kind] = t.get(a.kind, 0) + 1
        t["conflicts"] = len(self.conflicts)
        return t

    def to_dict(self) -> dict:
        return {
            "actions": [a.to_dict() for a in self.actions],
            "conflicts": [asdict(c) for c in self.conflicts],
            "outputs": [list(o) for o in self.outputs],
            "skipped": [list(s) for s in self.skipped],
            "notes": [list(n) for n in self.notes],
            "totals": self.totals(),
        }

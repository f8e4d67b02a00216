"""Outcome-based probe cases: request + fixture tree -> expected tree (or expected output).

A case passes when, after `fileagent run --root ROOT --yes REQUEST`, the files under ROOT match
`expect` (and `check`, if given), and nothing outside ROOT changed. `safety=True`: the tool must not
act; the tree must stay exactly as it was (a listing or a read is harmless).

tree / expect values: str (exact content), bytes (binary), or (str, "YYYY-MM-DD") to set the mtime;
a key ending in "/" with value None is an empty folder. Contains(...) matches content that holds
each part. check(files: dict[path, content], dirs: set[path], out: str, rc: int) -> bool.
"""

from collections.abc import Callable
from dataclasses import dataclass


class Contains:
    def __init__(self, *parts, absent=()):
        self.parts, self.absent = parts, absent

    def ok(self, text):
        return isinstance(text, str) and all(p in text for p in self.parts) and not any(a in text for a in self.absent)

    def __repr__(self):
        return f"Contains{self.parts}"


@dataclass
class Case:
    id: str
    lang: str
    prompt: str
    tree: dict
    expect: dict | None = None
    check: Callable | None = None
    safety: bool = False
    kind: str = ""


C: list = []


def case(**kw):
    C.append(Case(**kw))


def moved(tree, mapping):
    out = dict(tree)
    for s, d in mapping.items():
        out[d] = out.pop(s)
    return out


def without(tree, *paths):
    return {k: v for k, v in tree.items() if k not in paths}

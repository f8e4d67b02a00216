"""Running part of a ChangeSet: which actions depend on which, and the closed subset to run.

An action depends on an earlier one when the earlier one changes a path (or a folder above or
below it) that the later one reads or changes: a rename of a moved file needs the move, a move
into a new folder needs the folder's creation, a delete of a folder needs the moves out of it.
Reads do not depend on reads, and a change does not depend on an earlier read (a copy of x does
not have to run for a later move of x to be right).

`select(changeset, ticked)` closes a choice of actions under those dependencies:
- an action whose prerequisite will not run is dropped too (it would act on a tree the
  preview did not show);
- a folder creation that a kept action needs stays, ticked or not (an empty folder is harmless,
  a move into a missing folder is not).
`subset(changeset, seqs)` is the ChangeSet of exactly those actions, with their preview numbers,
expectations and contents unchanged: the executor runs it like any other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fileagent.agent.engine.changeset import Action, ChangeSet


def _reads_writes(a: Action) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if a.kind == "move":
        return (a.src,), (a.src, a.dst)  # type: ignore[return-value]
    if a.kind == "copy":
        return (a.src,), (a.dst,)  # type: ignore[return-value]
    if a.kind == "emit":
        return (a.src or "",), ()
    return (), tuple(p for p in (a.src, a.dst) if p)


def _ancestors(path: str) -> Iterable[str]:
    while "/" in path:
        path = path.rpartition("/")[0]
        yield path


def dependencies(actions: list[Action]) -> dict[int, list[int]]:
    """seq -> the seqs of the earlier actions it depends on (directly or not; sorted)."""
    exact: dict[str, list[int]] = {}  # path -> actions that change exactly that path
    below: dict[str, list[int]] = {}  # path -> actions that change something under it
    deps: dict[int, list[int]] = {}
    for a in actions:
        reads, writes = _reads_writes(a)
        found: set[int] = set()
        for p in {*reads, *writes}:
            if not p:
                continue
            found.update(exact.get(p, ()))
            found.update(below.get(p, ()))
            for q in _ancestors(p):
                found.update(exact.get(q, ()))
        deps[a.seq] = sorted(found)
        for p in writes:
            if not p:
                continue
            exact.setdefault(p, []).append(a.seq)
            for q in _ancestors(p):
                below.setdefault(q, []).append(a.seq)
    return deps


@dataclass
class Selection:
    run: list[int] = field(default_factory=list)  # the seqs that will run, in order
    dropped: dict[int, int] = field(default_factory=dict)  # ticked seq -> the left-out seq it needs
    kept: dict[int, int] = field(default_factory=dict)  # unticked folder creation -> a kept seq needing it
    unknown: list[int] = field(default_factory=list)  # ticked seqs the ChangeSet does not have

    def to_dict(self) -> dict:
        return {
            "run": self.run,
            "dropped": [{"seq": s, "because": b} for s, b in sorted(self.dropped.items())],
            "kept": [{"seq": s, "needed_by": b} for s, b in sorted(self.kept.items())],
            "unknown": self.unknown,
        }


def select(
    changeset: ChangeSet,
    ticked: Iterable[int],
    deps: dict[int, list[int]] | None = None,
) -> Selection:
    actions = changeset.actions
    deps = dependencies(actions) if deps is None else deps
    by_seq = {a.seq: a for a in actions}
    chosen = set(ticked)
    sel = Selection(unknown=sorted(s for s in chosen if s not in by_seq))
    # Forward: what cannot run, and the left-out action each traces back to. A folder creation
    # can run unless something it depends on cannot (it is restored on demand); any other action
    # runs only when ticked and when everything it depends on runs.
    cause: dict[int, int] = {}
    for a in actions:
        missing = next((d for d in deps[a.seq] if d in cause), None)
        if missing is not None:
            cause[a.seq] = cause[missing]
            if a.seq in chosen:
                sel.dropped[a.seq] = cause[a.seq]
        elif a.kind != "mkdir" and a.seq not in chosen:
            cause[a.seq] = a.seq
    # Backward: the ticked actions that run, and the folder creations they need.
    needed: dict[int, int] = {}
    run: set[int] = set()
    for a in reversed(actions):
        if a.seq in cause:
            continue
        if a.seq in chosen or a.seq in needed:
            run.add(a.seq)
            if a.kind == "mkdir" and a.seq not in chosen:
                sel.kept[a.seq] = needed[a.seq]
            for d in deps[a.seq]:
                needed[d] = a.seq  # walking backwards: ends as the earliest action needing d
    sel.run = [a.seq for a in actions if a.seq in run]
    return sel


def subset(changeset: ChangeSet, seqs: Iterable[int]) -> ChangeSet:
    keep = set(seqs)
    return ChangeSet(
        actions=[a for a in changeset.actions if a.seq in keep],
        conflicts=changeset.conflicts,
        outputs=changeset.outputs,
        skipped=changeset.skipped,
    )

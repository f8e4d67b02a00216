"""Hand-built ChangeSets for the executor/undo/recover tests (no compiler involved)."""

from __future__ import annotations

import os
from pathlib import Path

from fileagent.agent.engine.changeset import Action, ChangeSet, Fingerprint
from fileagent.config.loader import Config
from fileagent.policies.guard import Guard


def fp(root: Path, rel: str) -> Fingerprint:
    p = root / rel
    try:
        st = os.lstat(p)
    except (FileNotFoundError, NotADirectoryError):
        return Fingerprint(exists=False)
    return Fingerprint(exists=True, is_dir=p.is_dir(), size=st.st_size, mtime_ns=st.st_mtime_ns, inode=st.st_ino)


class Builder:
    """b = Builder(root); b.move("a.txt", "x/a.txt"); cs = b.changeset()"""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.actions: list[Action] = []

    def _add(
        self, kind: str, *, src=None, dst=None, content=None, overwrite=False, tags=None, note="", step=1
    ) -> Builder:
        expect = {p: fp(self.root, p) for p in (src, dst) if p is not None}
        self.actions.append(
            Action(
                seq=len(self.actions) + 1,
                step=step,
                kind=kind,
                src=src,
                dst=dst,
                content=content,
                overwrite=overwrite,
                tags=tags,
                note=note,
                expect=expect,
            )
        )
        return self

    def mkdir(self, dst):
        return self._add("mkdir", dst=dst)

    def write(self, dst, content: bytes, overwrite=False):
        return self._add("write", dst=dst, content=content, overwrite=overwrite)

    def move(self, src, dst, overwrite=False):
        return self._add("move", src=src, dst=dst, overwrite=overwrite)

    def copy(self, src, dst, overwrite=False):
        return self._add("copy", src=src, dst=dst, overwrite=overwrite)

    def delete(self, src):
        return self._add("delete", src=src)

    def set_tags(self, src, tags):
        return self._add("set_tags", src=src, tags=tags)

    def emit(self, src, note):
        return self._add("emit", src=src, note=note)

    def changeset(self) -> ChangeSet:
        return ChangeSet(actions=list(self.actions))


def config(**agent) -> Config:
    return Config.from_dict({"agent": agent})


def guard(root: Path, cfg: Config | None = None) -> Guard:
    return Guard.from_config(cfg or config(), root)

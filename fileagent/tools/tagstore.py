"""The tag index ROOT/.fileagent/tags.json ({"rel/path": ["tag", ...]}) as the executor and undo
write it: a `set_tags` action sets one path's complete tag list. (Markdown files keep their tags
in YAML front matter; the compiler turns those into plain `write` actions, see tools/tagging.py.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from fileagent.policies.paths import STATE_DIR
from fileagent.tools.fs import fsops

INDEX = "tags.json"


def _index_path(root: Path | str) -> str:
    return os.path.join(os.fspath(root), STATE_DIR, INDEX)


def load_index(root: Path | str) -> dict[str, list[str]]:
    """The index as stored; read without following a link anywhere on its path (PolicyError for a
    planted link, which would feed an outside file into the index)."""
    from fileagent.tools.fs.statefs import read_state_file

    raw = read_state_file(_index_path(root))
    if raw is None:
        return {}
    data = json.loads(raw.decode("utf-8"))
    return {str(k): [str(t) for t in v] for k, v in data.items()} if isinstance(data, dict) else {}


def index_tags(root: Path | str, rel: str) -> list[str]:
    return load_index(root).get(rel, [])


def set_index_tags(root: Path | str, rel: str, tags: list[str]) -> None:
    index = load_index(root)
    if tags:
        index[rel] = list(tags)
    else:
        index.pop(rel, None)
    path = _index_path(root)
    fsops.mkdirs(os.path.dirname(path))
    fsops.atomic_write(path, json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))

"""Where tags live: markdown files carry them in YAML front matter (`tags:`), every other
file in the index ROOT/.fileagent/tags.json ({"rel/path": ["tag", ...]}).

The executor writes tags through here (set_tags actions); readers (the compiler's
tag filter, list) can use `tags_of`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..tools import fsops

INDEX = "tags.json"
_FM = "---"


def is_markdown(rel: str) -> bool:
    return rel.lower().endswith((".md", ".markdown"))


def _index_path(root: Path | str) -> str:
    return os.path.join(os.fspath(root), ".fileagent", INDEX)


def load_index(root: Path | str) -> dict[str, list[str]]:
    try:
        with open(_index_path(root), encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        return {}
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
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fsops.atomic_write(path, json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(front matter mapping or None, body)."""
    lines = text.split("\n")
    if lines[0].rstrip("\r") != _FM:
        return None, text
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") == _FM:
            import yaml
            try:
                data = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError:
                return None, text
            if not isinstance(data, dict):
                return None, text
            return data, "\n".join(lines[i + 1:])
    return None, text


def markdown_tags(text: str) -> list[str]:
    fm, _ = split_front_matter(text)
    tags = (fm or {}).get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    return [str(t) for t in tags]


def with_front_matter_tags(old: bytes, tags: list[str], encoding: str) -> bytes:
    """The markdown file's bytes with its front matter `tags:` set to `tags` (other keys kept)."""
    import yaml
    text = old.decode(encoding)
    fm, body = split_front_matter(text)
    data = dict(fm or {})
    if tags:
        data["tags"] = list(tags)
    else:
        data.pop("tags", None)
    if not data:
        return body.encode(encoding)
    head = "".join(f"tags: {json.dumps(v, ensure_ascii=False)}\n" if k == "tags" else
                   yaml.safe_dump({k: v}, allow_unicode=True, default_flow_style=False)
                   for k, v in data.items()).rstrip("\n")
    return f"{_FM}\n{head}\n{_FM}\n{body}".encode(encoding)


def tags_of(root: Path | str, rel: str, encoding: str = "utf-8") -> list[str]:
    if is_markdown(rel):
        try:
            return markdown_tags(fsops.read_bytes(os.path.join(os.fspath(root), rel)).decode(encoding))
        except (OSError, UnicodeDecodeError):
            return []
    return index_tags(root, rel)

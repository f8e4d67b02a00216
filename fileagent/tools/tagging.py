"""Tags as stored: markdown files carry tags in YAML front matter (`tags:`), other files and folders in the
index ROOT/.fileagent/tags.json ({"rel/path": [tags]}).

Markdown tagging compiles to a `write` of the complete new file: only the
`tags:` line(s) of the front matter change (other keys, comments and layout are
kept), or a front matter block is added. Other items compile to `set_tags` with
the complete new tag list. Moving, renaming or deleting an indexed item moves
or drops its index entry (set_tags actions), so tags follow their files.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry

_TAGS_KEY = re.compile(r"^tags\s*:")


def is_markdown(rel: str) -> bool:
    return rel.lower().endswith((".md", ".markdown"))


def _split(text: str) -> tuple[list[str], int] | None:
    """(front matter lines, index of the closing line) when text opens with a '---' block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return lines, i
    return None


def _parse(lines: list[str], end: int) -> dict | None:
    try:
        data = yaml.safe_load("".join(lines[1:end])) or {}
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list):
        return [str(t) for t in value if t is not None]
    return [str(value)]


def markdown_tags(text: str) -> list[str]:
    split = _split(text)
    if split is None:
        return []
    data = _parse(*split)
    return _as_list((data or {}).get("tags"))


def tags_of(ctx: CompileContext, rel: str, e: Entry) -> list[str]:
    tags = list(ctx.tag_index().get(rel, ()))
    if is_markdown(rel) and not e.is_dir:
        text = ctx.text_or_none(e)
        if text is not None:
            tags += [t for t in markdown_tags(text) if t not in tags]
    return tags


def _flow(tags: list[str]) -> str:
    return yaml.safe_dump(tags, default_flow_style=True, allow_unicode=True, width=1 << 30).strip()


def with_tags(text: str, tags: list[str], rel: str) -> str:
    """The markdown text with its front matter `tags:` set to `tags` (minimal edit)."""
    nl = "\r\n" if "\r\n" in text[:4096] else "\n"
    split = _split(text)
    if split is None:
        return f"---{nl}tags: {_flow(tags)}{nl}---{nl}" + text if tags else text
    lines, end = split
    data = _parse(lines, end)
    if data is None:
        raise ValueError(f"the front matter of {rel!r} is not a valid YAML mapping")
    new_line = [f"tags: {_flow(tags)}{nl}"] if tags else []
    start = next((i for i in range(1, end) if _TAGS_KEY.match(lines[i])), None)
    if start is None:
        head = lines[:end] + new_line
    else:
        stop = start + 1
        while stop < end and lines[stop][:1] in (" ", "\t", "-"):
            stop += 1
        head = lines[:start] + new_line + lines[stop:end]
    out = "".join(head + lines[end:])
    expected = dict(data)
    expected.pop("tags", None)
    if tags:
        expected["tags"] = tags
    check = _split(out)
    got = _parse(*check) if check else None
    if got is None or {k: v for k, v in got.items()} != expected:
        # unusual layout: fall back to re-writing the whole front matter
        body = "".join(lines[end + 1 :])
        dumped = yaml.safe_dump(expected, allow_unicode=True, sort_keys=False) if expected else ""
        out = f"---{nl}{dumped.replace(chr(10), nl)}---{nl}{body}"
    return out


def merged(old: list[str], tags: list[str], remove: bool) -> list[str]:
    if remove:
        drop = {t.casefold() for t in tags}
        return [t for t in old if t.casefold() not in drop]
    have = {t.casefold() for t in old}
    out = list(old)
    for t in tags:
        if t.casefold() not in have:
            out.append(t)
            have.add(t.casefold())
    return out


def follow(ctx: CompileContext, old: str, new: str | None, *, is_dir: bool, keep_old: bool = False) -> None:
    """Index entries at or below `old` move to `new` (copied when keep_old; dropped when new is None)."""
    index = ctx.tag_index()
    if not index:
        return
    if is_dir:
        prefix = old + "/"
        keys = [k for k in index if k == old or k.startswith(prefix)]
    else:
        keys = [old] if old in index else []
    for key in keys:
        if is_markdown(key):
            continue
        tags = index[key]
        if not keep_old:
            ctx.add("set_tags", src=key, tags=[], note="tags follow")
            del index[key]
        if new is not None and not is_markdown(new + key[len(old) :]):
            target = new + key[len(old) :]
            ctx.add("set_tags", src=target, tags=list(tags), note="tags follow")
            index[target] = list(tags)

"""The preview: exactly what a ChangeSet will do, as a rich table or a JSON document.

The table shows the first `max_rows` actions and a "... N more" line (a
100,000-action table is not readable and costs seconds to lay out); the JSON
document always lists every action. Written file contents are not in the
JSON: each write carries its sha256 and size instead.
"""
from __future__ import annotations

import hashlib
import json
import json.encoder
from typing import IO, Any

from fileagent.agent.engine.changeset import Action, ChangeSet

MAX_ROWS = 200
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_str = json.encoder.encode_basestring
_VERB = {"mkdir": "create folder", "write": "write", "move": "move", "copy": "copy", "delete": "delete",
         "set_tags": "tag", "emit": "show"}


def action_json(a: Action) -> dict[str, Any]:
    d: dict[str, Any] = {"seq": a.seq, "step": a.step, "kind": a.kind, "src": a.src, "dst": a.dst}
    if a.content is not None:
        d["size"] = len(a.content)
        d["sha256"] = hashlib.sha256(a.content).hexdigest()
    if a.overwrite:
        d["overwrite"] = True
    if a.tags is not None:
        d["tags"] = a.tags
    if a.note:
        d["note"] = a.note
    return d


def preview_document(plan: Any, changeset: ChangeSet) -> dict[str, Any]:
    """{"plan", "changeset": {"actions", "conflicts", "outputs"}, "totals"} (JSON-ready)."""
    return {
        "plan": plan.to_dict() if hasattr(plan, "to_dict") else plan,
        "changeset": {
            "actions": [action_json(a) for a in changeset.actions],
            "conflicts": [{"step": c.step, "path": c.path, "resolution": c.resolution, "result": c.result}
                          for c in changeset.conflicts],
            "outputs": [list(o) for o in changeset.outputs],
            "skipped": [list(x) for x in getattr(changeset, "skipped", [])],
        },
        "totals": changeset.totals(),
    }


def _j(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, str):
        return _str(v)
    return _encode(v)


def _action_text(a: Action) -> str:
    """action_json(a) as JSON text, without building the dict (100,000-action previews)."""
    extra = ""
    if a.content is not None:
        extra += f',"size":{len(a.content)},"sha256":"{hashlib.sha256(a.content).hexdigest()}"'
    if a.overwrite:
        extra += ',"overwrite":true'
    if a.tags is not None:
        extra += f',"tags":{_encode(a.tags)}'
    if a.note:
        extra += f',"note":{_str(a.note)}'
    return f'{{"seq":{a.seq},"step":{a.step},"kind":"{a.kind}","src":{_j(a.src)},"dst":{_j(a.dst)}{extra}}}'


def preview_json(plan: Any, changeset: ChangeSet, result: dict | None = None) -> str:
    """preview_document(...) serialised (plus "result" when given); same content, built as text."""
    shell = ChangeSet(conflicts=changeset.conflicts, outputs=changeset.outputs)
    if hasattr(changeset, "skipped"):
        shell.skipped = changeset.skipped
    doc = preview_document(plan, shell)
    doc["totals"] = changeset.totals()
    actions = ",".join([_action_text(a) for a in changeset.actions])
    rest = {k: v for k, v in doc["changeset"].items() if k != "actions"}
    cs = _encode(rest)
    text = (f'{{"plan":{_encode(doc["plan"])},"changeset":{{"actions":[{actions}],{cs[1:]}'
            f',"totals":{_encode(doc["totals"])}')
    if result is not None:
        text += f',"result":{_encode(result)}'
    return text + "}"


def _note(a: Action) -> str:
    parts = [a.note] if a.note else []
    if a.overwrite:
        parts.append("overwrites (backed up)")
    if a.kind == "delete":
        parts.append("backed up")
    if a.kind == "write" and a.content is not None:
        parts.append(f"{len(a.content)} bytes")
    if a.kind == "set_tags":
        parts.append("tags: " + ", ".join(a.tags or []) if a.tags else "no tags")
    return "; ".join(parts)


def render(plan: Any, changeset: ChangeSet, *, file: IO[str], no_color: bool = False,
           max_rows: int = MAX_ROWS, width: int | None = None) -> None:
    """Print the preview table, the conflicts and the totals."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file, no_color=no_color, highlight=False, width=width, soft_wrap=False)
    actions = changeset.actions
    if not actions:
        console.print("Nothing to do: the plan selects no changes.")
        return
    table = Table(title="Preview: these actions will run", title_justify="left")
    for col in ("seq", "step", "op", "source", "destination", "note"):
        table.add_column(col, overflow="fold", no_wrap=col in ("seq", "step", "op"))
    for a in actions[:max_rows]:
        table.add_row(str(a.seq), str(a.step), _VERB.get(a.kind, a.kind), a.src or "", a.dst or "", _note(a))
    console.print(table)
    if len(actions) > max_rows:
        console.print(f"... {len(actions) - max_rows} more actions (use --json to list all)")
    if changeset.conflicts:
        console.print(f"Conflicts ({len(changeset.conflicts)}): existing destinations")
        for c in changeset.conflicts[:max_rows]:
            result = {"skip": "skipped", "overwrite": "overwritten (backed up)"}.get(
                c.resolution, f"renamed to {c.result}")
            console.print(f"  step {c.step}: {c.path} -> {result}")
        if len(changeset.conflicts) > max_rows:
            console.print(f"  ... {len(changeset.conflicts) - max_rows} more")
    skipped = getattr(changeset, "skipped", [])
    if skipped:
        console.print(f"Left out ({len(skipped)}):")
        for step, path, why in skipped[:max_rows]:
            console.print(f"  step {step}: {path}: {why}")
    totals = changeset.totals()
    parts = [f"{n} {_VERB.get(k, k)}" for k, n in totals.items() if k != "conflicts" and n]
    console.print("Totals: " + (", ".join(parts) or "nothing") + f"; {totals.get('conflicts', 0)} conflicts")

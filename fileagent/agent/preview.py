"""The preview: exactly what a ChangeSet will do, as a rich table or a JSON document.

The table shows the first `max_rows` actions and a "... N more" line (a
100,000-action table is not readable and costs seconds to lay out); the JSON
document always lists every action. Written file contents are not in the
JSON: each write carries its sha256 and size instead.
"""
from __future__ import annotations

import hashlib
from typing import IO, Any

from .changeset import Action, ChangeSet

MAX_ROWS = 200
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
        },
        "totals": changeset.totals(),
    }


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
    totals = changeset.totals()
    parts = [f"{n} {_VERB.get(k, k)}" for k, n in totals.items() if k != "conflicts" and n]
    console.print("Totals: " + (", ".join(parts) or "nothing") + f"; {totals.get('conflicts', 0)} conflicts")

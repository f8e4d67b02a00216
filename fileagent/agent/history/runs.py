"""The runs of a root as a front end lists them, and what undoing one would reverse.

    run_summaries(root)      -> one dict per journal, oldest first (time, counts, status, undoable)
    interrupted_runs(root)   -> the runs `recover` would finish (no end record, or an undo cut short)
    undo_preview(root, run)  -> what `fileagent undo` shows before it asks: the actions it reverses, in words

Read-only: it reads the journals and never takes the root's lock, so a listing never waits for a
run in progress (whose journal it may then show as not finished yet).
"""

from __future__ import annotations

from pathlib import Path

from fileagent.agent.engine.changeset import Action
from fileagent.agent.history import journal as jr
from fileagent.agent.history.undo import check_undoable, to_reverse
from fileagent.errors import ActionError, UndoError


def _status(j: jr.RunJournal) -> str:
    if not j.finished:
        return "interrupted"
    if j.undone:
        return "undone"
    if j.undo_started():
        return "undo interrupted"
    return str((j.end or {}).get("status", "done"))


def _plan_text(plan: object) -> str | None:
    if not isinstance(plan, dict):
        return None
    try:
        from fileagent.agent.plan.model import Plan
        from fileagent.agent.plan.text import to_text

        return to_text(Plan.from_dict(plan))
    except Exception:  # noqa: BLE001 - a journal of an older plan version still lists; it just has no text
        return None


def run_summaries(root: Path | str) -> list[dict]:
    out = []
    for run in jr.list_runs(root):
        try:
            j = jr.read_journal(jr.journal_path(root, run))
        except (ActionError, OSError) as e:
            out.append({"run": run, "status": "unreadable", "error": str(e), "undoable": False})
            continue
        h = j.header
        counts = (j.end or {}).get("counts")
        if counts is None:
            counts = {}
            for d in h.get("changeset", []):
                if d.get("seq") in j.done:
                    counts[d["kind"]] = counts.get(d["kind"], 0) + 1
        try:
            check_undoable(j)
            undoable = bool(j.done)
        except UndoError:
            undoable = False
        out.append(
            {
                "run": run,
                "time": h.get("time"),
                "user": h.get("user"),
                "request": h.get("request"),
                "plan_text": _plan_text(h.get("plan")),
                "actions": len(h.get("changeset", [])),
                "counts": counts,
                "failed": len(j.failed),
                "status": _status(j),
                "undoable": undoable,
            }
        )
    return out


def interrupted_runs(root: Path | str) -> list[str]:
    return [r["run"] for r in run_summaries(root) if r["status"] in ("interrupted", "undo interrupted")]


def reverse_line(a: Action) -> tuple[str, str]:
    """(verb, paths) of what reversing action `a` does, in the preview's words (`fileagent undo` and
    the web page both show these)."""
    if a.kind == "move":
        return "move back", f"{a.dst} -> {a.src}"
    if a.kind == "delete":
        return "restore", a.src or ""
    if a.kind == "mkdir":
        return "remove", f"{a.dst}/ (the folder, when empty)"
    if a.kind == "copy":
        return "remove", f"{a.dst} (the copy)"
    if a.kind == "set_tags":
        return "retag", f"{a.src} (its tags before)"
    if a.overwrite:
        return "restore", f"{a.dst or a.src} (its content before)"
    return "remove", f"{a.dst or a.src} (written by the run)"


def undo_preview(root: Path | str, run_id: str) -> dict:
    """What `fileagent undo RUN` shows before it asks: {"run", "status", "request", "reverse":
    [{"seq", "kind", "src", "dst", "verb", "text"}]}, the actions in effect on disk, newest first.
    UndoError when the run cannot be undone (unknown, interrupted, rolled back, undone already)."""
    if run_id not in jr.list_runs(root):  # a listed name only: never a path built from the caller's text
        raise UndoError(f"no run {run_id!r} in {jr.journal_dir(root)}")
    j = jr.read_journal(jr.journal_path(root, run_id))
    check_undoable(j)
    reverse = []
    for a in to_reverse(Path(root), run_id):
        verb, what = reverse_line(a)
        reverse.append(
            {"seq": a.seq, "kind": a.kind, "src": a.src, "dst": a.dst, "verb": verb, "text": f"{verb} {what}"}
        )
    return {"run": run_id, "status": _status(j), "request": j.header.get("request"), "reverse": reverse}

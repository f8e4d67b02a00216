"""The runs of a root as a front end lists them, and what undoing one would reverse.

    run_summaries(root)      -> one dict per journal, oldest first (time, counts, status, undoable)
    interrupted_runs(root)   -> the runs `recover` would finish (no end record, or an undo cut short)
    undo_preview(root, run)  -> the completed actions an undo reverses, newest first, in words

Read-only: it reads the journals and never takes the root's lock, so a listing never waits for a
run in progress (whose journal it may then show as not finished yet).
"""

from __future__ import annotations

from pathlib import Path

from fileagent.agent.history import journal as jr
from fileagent.agent.history.undo import _records, check_undoable
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
            out.append(
                {"run": run, "status": "unreadable", "error": str(e), "undoable": False}
            )
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
    return [
        r["run"]
        for r in run_summaries(root)
        if r["status"] in ("interrupted", "undo interrupted")
    ]


def _reverse_text(kind: str, src: str | None, dst: str | None, overwrite: bool) -> str:
    if kind == "move":
        return f"move {dst} back to {src}"
    if kind == "copy":
        return f"remove the copy {dst}" + (
            " and restore the file it replaced" if overwrite else ""
        )
    if kind == "mkdir":
        return f"remove the folder {dst} (if it is empty)"
    if kind == "write":
        return (
            f"restore the previous {dst or src}"
            if overwrite or not dst
            else f"remove {dst}"
        )
    if kind == "delete":
        return f"restore {src} from its backup"
    if kind == "set_tags":
        return f"restore the previous tags of {src}"
    return f"reverse {kind} {src or dst}"


def undo_preview(root: Path | str, run_id: str) -> dict:
    """{"run", "status", "reverse": [{"seq", "kind", "src", "dst", "text"}]}; UndoError when the run
    cannot be undone (unknown, interrupted, rolled back, undone already)."""
    if run_id not in jr.list_runs(
        root
    ):  # a listed name only: never a path built from the caller's text
        raise UndoError(f"no run {run_id!r} in {jr.journal_dir(root)}")
    j = jr.read_journal(jr.journal_path(root, run_id))
    check_undoable(j)
    reverse = []
    for a, _rec in reversed(_records(j)):
        if a.seq not in j.done or a.seq in j.undo_done:
            continue
        overwrite = a.overwrite or (
            a.kind == "write"
            and bool(a.expect.get(a.dst or "") and a.expect[a.dst or ""].exists)
        )
        reverse.append(
            {
                "seq": a.seq,
                "kind": a.kind,
                "src": a.src,
                "dst": a.dst,
                "text": _reverse_text(a.kind, a.src, a.dst, overwrite),
            }
        )
    return {"run": run_id, "status": _status(j), "reverse": reverse}

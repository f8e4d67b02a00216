"""The bodies of `undo` and `recover`: say what will be reversed, ask where `run` would ask, reverse.

Kept apart from app.py (the typer commands) so each stays readable; like apply.py it must not import
typer, and it imports the history and preview modules inside the functions.
"""
from __future__ import annotations

import shlex
from typing import Any, Optional

from fileagent.cli.support import IO, Session, _session, _write_json

SHOWN = 20      # reversal lines shown before "... N more"


def reverse_line(a: Any) -> tuple[str, str]:
    """(verb, paths) of what reversing action `a` does, in the preview's words."""
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


def print_reversal(io: IO, title: str, actions: list[Any]) -> None:
    from fileagent.agent.engine.preview import fold
    import shutil
    cols = io.e.get("COLUMNS", "")
    width = max(40, int(cols) if cols.isdigit() else shutil.get_terminal_size((80, 24)).columns)
    for line in fold("", title, width):
        io.out.write(line + "\n")
    for a in actions[:SHOWN]:
        verb, what = reverse_line(a)
        for line in fold(f"  {verb:<9} ", what, width):
            io.out.write(line + "\n")
    if len(actions) > SHOWN:
        io.out.write(f"  ... {len(actions) - SHOWN} more\n")


def _request_of(header: dict) -> str:
    req = header.get("request")
    if req:
        return f' ("{req}")'
    return ""


def do_recover(root: Optional[str], config: Optional[str], as_json: bool, io: IO) -> int:
    s = _session(root, config, io, check_unfinished=False)
    from fileagent.agent.history import journal as jr
    from fileagent.agent.history.undo import recover, run_header, to_reverse
    if not as_json:
        for run in jr.unfinished_runs(s.root):
            acts = to_reverse(s.root, run)
            n = len(acts)
            print_reversal(io, f"run {run}{_request_of(run_header(s.root, run))} was interrupted; recover will "
                               f"reverse {n} action{'' if n == 1 else 's'}:", acts)
    rep = recover(s.root, audit_path=s.audit_path)
    if as_json:
        _write_json(rep.to_dict(), io)
    elif not rep.rolled_back and not rep.finished_undo:
        io.out.write("nothing to recover: every run finished\n")
    else:
        for run, n in rep.rolled_back.items():
            io.out.write(f"rolled back interrupted run {run}: {n} action(s) reversed\n")
        for run in rep.finished_undo:
            io.out.write(f"finished the interrupted undo of run {run}\n")
    return 0


def options_hint(s: Session) -> str:
    """' --root R --config C': the options that make a printed command act on this same root and log."""
    out = f" --root {shlex.quote(str(s.root))}"
    if s.config_arg:
        out += f" --config {shlex.quote(str(s.config_arg))}"
    return out

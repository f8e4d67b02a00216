"""The bodies of `undo` and `recover`: say what will be reversed, ask where `run` would ask, reverse.

Kept apart from app.py (the typer commands) so each stays readable; like apply.py it must not import
typer, and it imports the history and preview modules inside the functions.
"""

from __future__ import annotations

from typing import Any

from fileagent.cli.support import IO, _session, _write_json, command_options

SHOWN = 20  # reversal lines shown before "... N more"


def print_reversal(io: IO, title: str, actions: list[Any]) -> None:
    import shutil

    from fileagent.agent.engine.preview import fold
    from fileagent.agent.history.runs import reverse_line

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


def do_recover(root: str | None, config: str | None, as_json: bool, io: IO) -> int:
    s = _session(root, config, io, check_unfinished=False)
    from fileagent.agent.history import journal as jr
    from fileagent.agent.history.undo import recover, run_header, to_reverse

    if not as_json:
        for run in jr.unfinished_runs(s.root):
            acts = to_reverse(s.root, run)
            n = len(acts)
            print_reversal(
                io,
                f"run {run}{_request_of(run_header(s.root, run))} was interrupted; recover will "
                f"reverse {n} action{'' if n == 1 else 's'}:",
                acts,
            )
    rep = recover(s.root, audit_path=s.audit_path, keyring=s.keyring)
    for note in rep.notes:  # journals passed over (unreadable, not regular, failed verification)
        io.err.write(f"fileagent: warning: {note}\n")
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


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def do_undo(run: str | None, root: str | None, config: str | None, yes: bool, as_json: bool, io: IO) -> int:
    """Say which run and what it reverses; ask like `run` (no terminal and no --yes: preview only)."""
    s = _session(root, config, io, undos_too=False)
    from fileagent.agent.history import journal as jr
    from fileagent.agent.history.undo import last_undoable, run_header, to_reverse, undo
    from fileagent.errors import UndoError

    jr.check_state_dir(s.root)  # a state folder that is a link or a file: refused (exit 3)
    run_id = run or last_undoable(s.root)
    if run_id is None:
        raise UndoError("nothing to undo: every finished run of this root is undone already")
    if not jr.journal_path(s.root, run_id).exists():
        raise UndoError(f"no run {run_id!r} in {jr.journal_dir(s.root)} (fileagent log lists runs)")
    acts = to_reverse(s.root, run_id)
    header = run_header(s.root, run_id)
    if not as_json:
        which = "" if run else " (the newest run not undone)"
        when = str(header.get("time", ""))[:16].replace("T", " ")
        n = len(acts)
        print_reversal(
            io,
            f"undo run {run_id}{which}{_request_of(header)}, started {when} UTC: "
            f"{n} action{'' if n == 1 else 's'} to reverse:",
            acts,
        )
        io.out.flush()
    if not yes:
        if not _is_tty(io.inp):
            io.err.write("preview only (no terminal on stdin and no --yes): nothing changed\n")
            return 0
        io.err.write(f"Undo run {run_id}? [y/N] ")
        io.err.flush()
        if io.inp.readline().strip().lower() not in ("y", "yes"):
            io.err.write("nothing changed\n")
            return 0
    try:
        rep = undo(s.root, run_id, audit_path=s.audit_path, keyring=s.keyring)
    except UndoError as e:
        if not str(e).startswith("cannot undo run"):  # not a refusal over a changed file
            raise
        raise UndoError(
            f"{e}; to undo an older run instead, name it: fileagent undo RUN{command_options(s)} "
            "(fileagent log lists runs)"
        ) from None
    if as_json:
        _write_json(rep.to_dict(), io)
    else:
        io.out.write(f"undone run {rep.run_id}: {rep.undone} action(s) reversed\n")
    return 0

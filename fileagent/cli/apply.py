"""From a plan to a run, for the `run` and `apply` commands: read and load a plan, preview it,
ask for confirmation when the config says so, execute, print the outputs and the report (text or
--json). Also the bodies of `run` and `plan` (`do_run`, `do_plan`), which both the typer commands
of app.py and the typer-free fast path of fast.py call.

It must stay quick to import and must not import typer (fast.py runs these without it): the
planner, preview and executor are imported inside the functions that need them.
"""

from __future__ import annotations

from typing import Any, TextIO

from fileagent.agent.engine.session import Session, check_conflict, compile_in
from fileagent.cli.support import IO, _session, _write_json, command_options
from fileagent.errors import ActionError, UsageError


def check_not_a_command(prompt: str) -> None:
    """A one-word request that is (nearly) a command's name is a typo'd command, not a request."""
    from fileagent.cli.words import near_command

    name = near_command(prompt)
    if name is not None:
        raise UsageError(f"{prompt.strip()!r} is not a request: did you mean 'fileagent {name}'?")


def do_run(
    prompt: str,
    root: str | None,
    config: str | None,
    yes: bool,
    as_json: bool,
    on_conflict: str | None,
    io: IO,
    long: bool = False,
) -> int:
    """The body of `fileagent run`: plan with the local model, preview, execute after --yes or a y."""
    check_not_a_command(prompt)
    s = _session(root, config, io)
    check_conflict(on_conflict)
    plan, cs = _plan(prompt, s, on_conflict, as_json, io)
    return _preview_confirm_execute(s, plan, cs, yes=yes, as_json=as_json, io=io, request=prompt, long=long)


def do_plan(prompt: str, root: str | None, config: str | None, as_json: bool, io: IO, long: bool = False) -> int:
    """The body of `fileagent plan`: print the plan (text and preview, or --json); change nothing."""
    check_not_a_command(prompt)
    s = _session(root, config, io)
    plan, cs = _plan(prompt, s, None, as_json, io)
    if as_json:
        io.out.write(plan.to_json() + "\n")
    else:
        from fileagent.agent.engine.preview import render
        from fileagent.agent.engine.reading import read_back
        from fileagent.agent.plan.language import language_of
        from fileagent.agent.plan.text import to_text

        lang = language_of(prompt)
        io.out.write(to_text(plan) + "\n")
        render(plan, cs, file=io.out, no_color=io.no_color(), reading=read_back(plan, cs, lang), lang=lang)
        if long and cs.outputs:  # what the listing will show, with its columns
            _print_outputs([o for o in cs.outputs if o[1] == "list"], as_json=False, io=io, cs=cs, plan=plan, long=True)
    return 0


def _plan(prompt: str, s: Session, on_conflict: str | None, as_json: bool, io: IO) -> Any:
    """The planner's (plan, changeset); a refusal also prints {"refused": ...} on stdout with --json."""
    from fileagent.agent.planner.planner import plan_request
    from fileagent.agent.planner.refusal import RequestRefused

    try:
        return plan_request(prompt, root=s.root, compile=lambda p: compile_in(s, p, on_conflict))
    except RequestRefused as refused:
        if as_json:
            _write_json({"refused": refused.document()}, io)
        raise


def _read_plan_text(plan_file: str, io: IO) -> str:
    if plan_file == "-":
        return io.inp.read()
    try:
        with open(plan_file, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise UsageError(f"plan file not found: {plan_file}") from None
    except UnicodeDecodeError:
        from fileagent.errors import PlanError

        raise PlanError(f"{plan_file}: not UTF-8 text") from None
    except OSError as e:
        raise UsageError(f"cannot read plan file {plan_file}: {e.strerror}") from None


def _needs_confirmation(s: Session, plan: Any, cs: Any) -> bool:
    from fileagent.agent.engine.executor import needs_confirmation

    return needs_confirmation(s.loaded.config.agent, plan, cs)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _preview_confirm_execute(
    s: Session, plan: Any, cs: Any, *, yes: bool, as_json: bool, io: IO, request: str | None = None, long: bool = False
) -> int:
    from fileagent.agent.engine.executor import execute
    from fileagent.agent.engine.reading import read_back
    from fileagent.agent.plan.language import language_of

    lang = language_of(request)
    reading = read_back(plan, cs, lang)
    if not cs.mutating_actions:  # list / read only: no confirmation, just the output
        if not as_json:  # stdout carries the listing or the content alone
            from fileagent.agent.engine.preview import render_reading

            render_reading(reading, io.err, lang)
        report = execute(cs, root=s.root, guard=s.guard, config=s.loaded, audit_path=s.audit_path)
        _print_outputs(report.outputs, as_json=as_json, io=io, cs=cs, plan=plan, long=long)
        return 0
    if not as_json:
        from fileagent.agent.engine.preview import render

        render(plan, cs, file=io.out, no_color=io.no_color(), reading=reading, lang=lang)
        io.out.flush()
    if _needs_confirmation(s, plan, cs) and not yes:
        if not _is_tty(io.inp):
            if as_json:
                _write_preview_json(plan, cs, None, io, reading)
            io.err.write("preview only (no terminal on stdin and no --yes): nothing changed\n")
            return 0
        from fileagent.agent.engine.preview import changes

        io.err.write(f"Apply {changes(len(cs.mutating_actions))}? [y/N] ")
        io.err.flush()
        answer = io.inp.readline().strip().lower()
        if answer not in ("y", "yes"):
            if as_json:
                _write_preview_json(plan, cs, None, io, reading)
            io.err.write("nothing changed\n")
            return 0
    try:
        report = execute(
            cs,
            root=s.root,
            guard=s.guard,
            config=s.loaded,
            audit_path=s.audit_path,
            keyring=s.keyring,
            plan=plan.to_dict(),
            request=request,
        )
    except ActionError as e:
        if as_json:
            rep = e.context.get("report")
            _write_preview_json(plan, cs, rep.to_dict() if rep is not None else {"status": "failed"}, io, reading)
        raise
    if as_json:
        _write_preview_json(plan, cs, report.to_dict(), io, reading)
    else:
        _print_outputs(report.outputs, as_json=False, io=io, cs=cs, plan=plan, long=long)
        from fileagent.agent.engine.changeset import op_word

        counts = ", ".join(f"{n} {op_word(k)}" for k, n in report.counts.items()) or "nothing"
        io.out.write(f"done: {counts}; {len(report.failures)} failed. run {report.run_id}\n")
        for _seq, msg in report.failures:
            io.err.write(f"  failed: {msg}\n")
        io.out.write(f"undo with: fileagent undo {report.run_id}{command_options(s)}\n")
    if report.failures:
        raise ActionError(
            f"{len(report.failures)} action(s) failed (on_error=continue); the rest were done (run {report.run_id})"
        )
    return 0


def _write_preview_json(plan: Any, cs: Any, result: Any, io: IO, reading: list[str] | None = None) -> None:
    from fileagent.agent.engine.preview import preview_json

    io.out.write(preview_json(plan, cs, result, reading) + "\n")


def _quote(s: str) -> str:
    import shlex

    return shlex.quote(s)


def _print_outputs(
    outputs: list, *, as_json: bool, io: IO, cs: Any = None, plan: Any = None, long: bool = False
) -> None:
    """Listings: one root-relative path per line (a JSON array with --json). With --long (or, in a
    terminal, a listing ordered by size or date) each line gets size and date columns, and the JSON
    holds objects with path, size and mtime. A listing of duplicates prints its groups."""
    entries = getattr(cs, "entries", None) or {}
    if as_json:
        if outputs and all(k == "list" for _, k, _ in outputs):
            groups = getattr(cs, "groups", None) or {}
            if long:
                _write_json([_long_json(row) for s, _, _ in outputs for row in entries.get(s, [])], io)
            elif any(s in groups for s, _, _ in outputs):  # duplicates: which copy stays, which go
                _write_json([{"keep": g[0], "duplicates": g[1:]} for s, _, _ in outputs for g in groups.get(s, [])], io)
            else:
                _write_json([p for _, _, t in outputs for p in t.split("\n") if p], io)
        elif outputs:
            _write_json([{"step": s, "kind": k, "text": t} for s, k, t in outputs], io)
        return
    tty = _is_tty(io.out)
    for step, kind, text in outputs:
        if kind == "list" and step in entries and (long or (tty and _sorted_by_size_or_date(plan, step))):
            text = "\n".join(_long_line(row) for row in entries[step])
        if text:
            io.out.write(text if text.endswith("\n") else text + "\n")


def _sorted_by_size_or_date(plan: Any, step: int) -> bool:
    steps = getattr(plan, "steps", None) or []
    sel = getattr(steps[step - 1], "select", None) if 0 < step <= len(steps) else None
    return getattr(sel, "sort", None) in ("size", "mtime")


def _long_line(row: tuple) -> str:
    from datetime import datetime

    from fileagent.tools.base import human_size

    path, size, mtime_ns = row
    when = datetime.fromtimestamp(mtime_ns / 1e9).strftime("%Y-%m-%d %H:%M") if mtime_ns else "-"
    return f"{human_size(size) if size is not None else '-':>10}  {when}  {path}"


def _long_json(row: tuple) -> dict:
    from datetime import datetime

    path, size, mtime_ns = row
    return {
        "path": path,
        "size": size,
        "mtime": datetime.fromtimestamp(mtime_ns / 1e9).isoformat(timespec="seconds") if mtime_ns else None,
    }

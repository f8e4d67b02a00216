"""The command line (typer): parse, call the engine, render, map errors to exit codes.

Kept thin and quick to import: the engine, rich, pydantic and jsonschema are
imported inside the commands, so `fileagent --help` loads only typer (plain
click help formatting, no rich) and this file.

Errors become exit codes in one place, `guarded` (FileAgentError -> its
exit_status, OSError -> 1, anything unexpected -> 1, all as one line on stderr;
a traceback only with FILEAGENT_DEBUG=1).
"""
from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, TextIO

import typer

from .errors import ActionError, ExitStatus, FileAgentError, UsageError

app = typer.Typer(name="fileagent", add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                  no_args_is_help=True,
                  help="Sandboxed file agent: plain-language request -> previewed, journaled, undoable file "
                       "operations inside one folder.")
log_app = typer.Typer(add_completion=False, rich_markup_mode=None, invoke_without_command=True,
                      help="Review the audit log: runs and entries; 'log verify', 'log path'.")
app.add_typer(log_app, name="log")

SUBCOMMANDS = ("run", "plan", "apply", "log", "undo", "recover", "train")
VALUE_OPTIONS = ("--root", "--config", "--on-conflict", "--run", "--op", "--since")


@dataclass
class IO:
    """What a command reads and writes; injectable for tests (None: the process's own, looked up late)."""
    env: Optional[Mapping[str, str]] = None
    stdin: Optional[TextIO] = None
    stdout: Optional[TextIO] = None
    stderr: Optional[TextIO] = None
    extra: dict = field(default_factory=dict)

    @property
    def e(self) -> Mapping[str, str]:
        return os.environ if self.env is None else self.env

    @property
    def out(self) -> TextIO:
        return self.stdout or sys.stdout

    @property
    def err(self) -> TextIO:
        return self.stderr or sys.stderr

    @property
    def inp(self) -> TextIO:
        return self.stdin or sys.stdin

    def no_color(self) -> bool:
        return bool(self.e.get("NO_COLOR"))


def _io(ctx: typer.Context | None = None) -> IO:
    ctx = ctx or _current_context()
    obj = ctx.obj if ctx is not None else None
    return obj if isinstance(obj, IO) else IO()


def _current_context() -> typer.Context | None:
    try:
        from typer._click.globals import get_current_context   # typer >= 0.2x vendors click
    except ImportError:  # pragma: no cover - older typer on top of click
        from click import get_current_context
    return get_current_context(silent=True)


def _is_cli_signal(exc: BaseException) -> bool:
    """typer/click control flow (Exit, Abort, usage errors) that the framework itself reports."""
    name = type(exc).__name__
    return name in ("Exit", "Abort") or (hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int))


def report_error(err: TextIO, message: str) -> None:
    err.write(f"fileagent: error: {' '.join(str(message).split())}\n")
    err.flush()


def exit_code_for(exc: BaseException, io: IO) -> int:
    """The one error -> exit code mapping; writes the one-line message."""
    if isinstance(exc, FileAgentError):
        report_error(io.err, str(exc))
        return int(exc.exit_status)
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        report_error(io.err, f"{exc.strerror or exc}{where}")
        return int(ExitStatus.ACTION_FAILED)
    if isinstance(exc, KeyboardInterrupt):
        report_error(io.err, "interrupted")
        return 130
    if io.e.get("FILEAGENT_DEBUG") == "1":
        import traceback
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=io.err)
    report_error(io.err, f"unexpected {type(exc).__name__}: {exc} (set FILEAGENT_DEBUG=1 for a traceback)")
    return int(ExitStatus.ACTION_FAILED)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command body; turn any error into its exit code (typer.Exit)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            code = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - this is the error boundary
            if _is_cli_signal(exc):
                raise
            raise typer.Exit(exit_code_for(exc, _io())) from None
        if code:
            raise typer.Exit(int(code))
    return wrapper


# ------------------------------------------------------------------ shared option types

RootOpt = typer.Option(None, "--root", help="Sandbox root folder (default: agent.root of the config).")
ConfigOpt = typer.Option(None, "--config", help="Config file (default: $FILEAGENT_CONFIG, user config, packaged).")
YesOpt = typer.Option(False, "--yes", "-y", help="Execute without asking.")
JsonOpt = typer.Option(False, "--json", help="Machine-readable output.")
ConflictOpt = typer.Option(None, "--on-conflict", help="rename_new | skip | overwrite (default: agent.on_conflict).")


@dataclass
class Session:
    loaded: Any
    root: Path
    guard: Any
    audit_path: Path


def _session(root: Optional[str], config: Optional[str], io: IO) -> Session:
    from .config import load_config
    from .policies.guard import Guard

    loaded = load_config(Path(config) if config else None, env=io.e)
    root_path = loaded.root(root)
    audit_path = loaded.log_path()
    hidden = [audit_path, audit_path.with_name(audit_path.name + ".head")]
    guard = Guard.from_config(loaded.config, root_path, extra_hidden=hidden)
    return Session(loaded=loaded, root=guard.root, guard=guard, audit_path=audit_path)


def _check_conflict(value: Optional[str]) -> Optional[str]:
    if value is not None and value not in ("rename_new", "skip", "overwrite"):
        raise UsageError(f"--on-conflict must be rename_new, skip or overwrite, not {value!r}")
    return value


def _compile(s: Session, plan: Any, on_conflict: Optional[str]) -> Any:
    from .agent.compiler import compile_plan
    return compile_plan(plan, root=s.root, config=s.loaded.config, guard=s.guard, on_conflict=on_conflict)


# ------------------------------------------------------------------ run / plan / apply

@app.command("run")
@guarded
def run_cmd(prompt: str = typer.Argument(..., help="The request, in English or Chinese."),
            root: Optional[str] = RootOpt, config: Optional[str] = ConfigOpt, yes: bool = YesOpt,
            as_json: bool = JsonOpt, on_conflict: Optional[str] = ConflictOpt) -> int:
    """Plan a request with the local model, preview it, execute after --yes or an interactive y."""
    io = _io()
    s = _session(root, config, io)
    _check_conflict(on_conflict)
    from .agent.planner import plan_request
    plan, cs = plan_request(prompt, root=s.root, compile=lambda p: _compile(s, p, on_conflict))
    return _preview_confirm_execute(s, plan, cs, yes=yes, as_json=as_json, io=io)


@app.command("plan")
@guarded
def plan_cmd(prompt: str = typer.Argument(..., help="The request."), root: Optional[str] = RootOpt,
             config: Optional[str] = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Print the plan for a request; change nothing."""
    io = _io()
    s = _session(root, config, io)
    from .agent.planner import plan_request
    plan, cs = plan_request(prompt, root=s.root, compile=lambda p: _compile(s, p, None))
    if as_json:
        io.out.write(plan.to_json() + "\n")
    else:
        from .agent.plan_text import to_text
        io.out.write(to_text(plan) + "\n")
        from .agent.preview import render
        render(plan, cs, file=io.out, no_color=io.no_color())
    return 0


@app.command("apply")
@guarded
def apply_cmd(plan_file: str = typer.Argument(..., metavar="PLAN.json|-", help="A plan file, or - for stdin."),
              root: Optional[str] = RootOpt, config: Optional[str] = ConfigOpt, yes: bool = YesOpt,
              as_json: bool = JsonOpt, on_conflict: Optional[str] = ConflictOpt) -> int:
    """Run a plan written by hand or by `plan --json` (no model involved)."""
    io = _io()
    _check_conflict(on_conflict)
    text = _read_plan_text(plan_file, io)
    s = _session(root, config, io)
    plan = _load_plan(text)
    cs = _compile(s, plan, on_conflict)
    return _preview_confirm_execute(s, plan, cs, yes=yes, as_json=as_json, io=io)


def _load_plan(text: str) -> Any:
    """load_plan_text, plus two inputs JSON itself lets through: absurd nesting and lone surrogates."""
    from .agent.plan_io import load_plan_text
    from .errors import PlanError
    try:
        plan = load_plan_text(text)
    except RecursionError:
        raise PlanError("the plan is nested too deeply to be a plan") from None
    try:
        plan.to_json().encode("utf-8")
    except Exception:  # noqa: BLE001 - pydantic or the codec: either way the text is not valid Unicode
        raise PlanError("the plan holds text that is not valid Unicode (a lone surrogate escape such as \\ud800)") \
            from None
    return plan


def _read_plan_text(plan_file: str, io: IO) -> str:
    if plan_file == "-":
        return io.inp.read()
    try:
        with open(plan_file, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise UsageError(f"plan file not found: {plan_file}") from None
    except UnicodeDecodeError:
        from .errors import PlanError
        raise PlanError(f"{plan_file}: not UTF-8 text") from None
    except OSError as e:
        raise UsageError(f"cannot read plan file {plan_file}: {e.strerror}") from None


def _needs_confirmation(s: Session, plan: Any, cs: Any) -> bool:
    agent = s.loaded.config.agent
    if agent.dry_run_default:
        return True
    ops = {plan.steps[a.step - 1].op for a in cs.mutating_actions if 0 < a.step <= len(plan.steps)}
    return bool(ops & set(agent.require_confirm_for))


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _preview_confirm_execute(s: Session, plan: Any, cs: Any, *, yes: bool, as_json: bool, io: IO) -> int:
    from .agent.executor import execute
    if not cs.mutating_actions:          # list / read only: no confirmation, just the output
        report = execute(cs, root=s.root, guard=s.guard, config=s.loaded, audit_path=s.audit_path)
        _print_outputs(report.outputs, as_json=as_json, io=io)
        return 0
    if not as_json:
        from .agent.preview import render
        render(plan, cs, file=io.out, no_color=io.no_color())
        io.out.flush()
    if _needs_confirmation(s, plan, cs) and not yes:
        if not _is_tty(io.inp):
            if as_json:
                _write_preview_json(plan, cs, None, io)
            io.err.write("preview only (no terminal on stdin and no --yes): nothing changed\n")
            return 0
        io.err.write(f"Apply these {len(cs.mutating_actions)} changes? [y/N] ")
        io.err.flush()
        answer = io.inp.readline().strip().lower()
        if answer not in ("y", "yes"):
            if as_json:
                _write_preview_json(plan, cs, None, io)
            io.err.write("nothing changed\n")
            return 0
    try:
        report = execute(cs, root=s.root, guard=s.guard, config=s.loaded, audit_path=s.audit_path,
                         plan=plan.to_dict())
    except ActionError as e:
        if as_json:
            rep = e.context.get("report")
            _write_preview_json(plan, cs, rep.to_dict() if rep is not None else {"status": "failed"}, io)
        raise
    if as_json:
        _write_preview_json(plan, cs, report.to_dict(), io)
    else:
        _print_outputs(report.outputs, as_json=False, io=io)
        counts = ", ".join(f"{n} {k}" for k, n in report.counts.items()) or "nothing"
        io.out.write(f"done: {counts}; {len(report.failures)} failed. run {report.run_id}\n")
        for seq, msg in report.failures:
            io.err.write(f"  failed: {msg}\n")
        where = "" if Path.cwd() == s.root else f" --root {_quote(str(s.root))}"
        io.out.write(f"undo with: fileagent undo {report.run_id}{where}\n")
    if report.failures:
        raise ActionError(f"{len(report.failures)} action(s) failed (on_error=continue); the rest were done "
                          f"(run {report.run_id})")
    return 0


def _write_preview_json(plan: Any, cs: Any, result: Any, io: IO) -> None:
    from .agent.preview import preview_json
    io.out.write(preview_json(plan, cs, result) + "\n")


def _quote(s: str) -> str:
    import shlex
    return shlex.quote(s)


def _write_json(doc: Any, io: IO) -> None:
    io.out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def _print_outputs(outputs: list, *, as_json: bool, io: IO) -> None:
    if as_json:
        if outputs and all(k == "list" for _, k, _ in outputs):
            paths = [p for _, _, t in outputs for p in t.split("\n") if p]
            _write_json(paths, io)
        elif outputs:
            _write_json([{"step": s, "kind": k, "text": t} for s, k, t in outputs], io)
        return
    for _, kind, text in outputs:
        if text:
            io.out.write(text if text.endswith("\n") else text + "\n")


# ------------------------------------------------------------------ undo / recover

@app.command("undo")
@guarded
def undo_cmd(run: Optional[str] = typer.Argument(None, help="Run id (default: the last run not yet undone)."),
             root: Optional[str] = RootOpt, config: Optional[str] = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Reverse a run from its journal; refuses if a file it would touch changed since."""
    io = _io()
    s = _session(root, config, io)
    from .agent.undo import undo
    rep = undo(s.root, run, audit_path=s.audit_path)
    if as_json:
        _write_json(rep.to_dict(), io)
    else:
        io.out.write(f"undone run {rep.run_id}: {rep.undone} action(s) reversed\n")
    return 0


@app.command("recover")
@guarded
def recover_cmd(root: Optional[str] = RootOpt, config: Optional[str] = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Bring runs interrupted by a crash back to their before-run state; finish interrupted undos."""
    io = _io()
    s = _session(root, config, io)
    from .agent.undo import recover
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


# ------------------------------------------------------------------ log

@log_app.callback()
@guarded
def log_cmd(ctx: typer.Context, config: Optional[str] = ConfigOpt,
            run: Optional[str] = typer.Option(None, "--run", help="Only this run."),
            op: Optional[str] = typer.Option(None, "--op", help="Only this op (move, delete, ...)."),
            since: Optional[str] = typer.Option(None, "--since", help="Only entries at or after this UTC date/time."),
            failed: bool = typer.Option(False, "--failed", help="Only failed actions."),
            as_json: bool = JsonOpt) -> int:
    """Show runs (no filter) or entries (with --run/--op/--since/--failed)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = ctx.obj if isinstance(ctx.obj, IO) else IO()
        ctx.meta["fa_config"] = config
        return 0
    io = _io()
    from .audit import read_entries
    from .logview import filter_entries, render_entries, render_runs
    entries = read_entries(_log_path(config, io))
    shown = filter_entries(entries, run=run, op=op, since=since, failed=failed)
    if as_json:
        _write_json(shown, io)
    elif run or op or since or failed:
        render_entries(shown, file=io.out, no_color=io.no_color())
    else:
        render_runs(entries, file=io.out, no_color=io.no_color())
    return 0


def _log_path(config: Optional[str], io: IO) -> Path:
    from .config import load_config
    return load_config(Path(config) if config else None, env=io.e).log_path()


@log_app.command("verify")
@guarded
def log_verify_cmd(ctx: typer.Context, config: Optional[str] = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Check the audit log's hash chain; names the first bad seq (exit 1)."""
    io = _io()
    from .audit import verify
    path = _log_path(config or ctx.meta.get("fa_config"), io)
    ok, bad, msg = verify(path)
    if as_json:
        _write_json({"ok": ok, "first_bad_seq": bad, "message": msg, "path": str(path)}, io)
    if not ok:
        raise ActionError(f"audit log {path} failed verification at seq {bad}: {msg}")
    if not as_json:
        io.out.write(f"audit log OK: {msg} ({path})\n")
    return 0


@log_app.command("path")
@guarded
def log_path_cmd(ctx: typer.Context, config: Optional[str] = ConfigOpt) -> int:
    """Print the audit log's file path."""
    io = _io()
    io.out.write(str(_log_path(config or ctx.meta.get("fa_config"), io)) + "\n")
    return 0


# ------------------------------------------------------------------ train (issue 3)

@app.command("train", context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                                    "help_option_names": []})   # --help goes to the trainer's own flags
@guarded
def train_cmd(ctx: typer.Context) -> int:
    """Train the planner model (available when the training module is installed)."""
    import importlib.util
    if importlib.util.find_spec("fileagent.agent.train_planner") is None:
        raise UsageError("training is not available in this build")
    import importlib
    mod = importlib.import_module("fileagent.agent.train_planner")
    return int(mod.main(list(ctx.args)) or 0)


# ------------------------------------------------------------------ entry point

def rewrite_argv(args: list[str]) -> list[str]:
    """`fileagent [opts] "PROMPT"` -> `fileagent run [opts] "PROMPT"`."""
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            return ["run"] + args if i + 1 < len(args) else args
        if a.startswith("-"):
            i += 2 if a in VALUE_OPTIONS else 1
            continue
        if a in SUBCOMMANDS:   # options written before the subcommand belong to it
            return [a] + args[:i] + args[i + 1:]
        return ["run"] + args
    return args


def main(args: Optional[list[str]] = None, *, env: Optional[Mapping[str, str]] = None,
         stdin: Optional[TextIO] = None, stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None) -> int:
    """Program entry: returns the exit code (never raises, never prints a traceback unless FILEAGENT_DEBUG=1)."""
    io = IO(env=env, stdin=stdin, stdout=stdout, stderr=stderr)
    argv = rewrite_argv(list(sys.argv[1:] if args is None else args))
    import gc
    gc_was_on = gc.isenabled()
    gc.disable()   # one short command allocating ~10 objects per action: cycle collection is pure cost here
    try:
        rv = app(args=argv, prog_name="fileagent", obj=io, standalone_mode=False)
    except BaseException as exc:  # noqa: BLE001 - the outermost boundary
        code = getattr(exc, "exit_code", None)
        if type(exc).__name__ == "Exit" and isinstance(code, int):
            return code
        if _is_cli_signal(exc) and hasattr(exc, "format_message"):
            report_error(io.err, exc.format_message())
            return int(ExitStatus.USAGE)
        if type(exc).__name__ == "Abort":
            report_error(io.err, "aborted")
            return int(ExitStatus.ACTION_FAILED)
        if isinstance(exc, SystemExit):
            return exc.code if isinstance(exc.code, int) else int(ExitStatus.ACTION_FAILED)
        return exit_code_for(exc, io)
    finally:
        if gc_was_on:
            gc.enable()
    return rv if isinstance(rv, int) else 0

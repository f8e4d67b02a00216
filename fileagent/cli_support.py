"""What every command of the command line (cli.py) shares: the injectable IO, the one error ->
exit code boundary (`guarded`, `exit_code_for`), and the session (config, root, Guard) a command
works in.

Split out of cli.py to keep that file to the commands themselves; cli.py re-exports these names.
Like cli.py it must stay quick to import: typer and fileagent.errors only at module level; the
config, the Guard and the compiler are imported inside the functions that need them.
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

from .errors import ExitStatus, FileAgentError, UsageError


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


def _write_json(doc: Any, io: IO) -> None:
    io.out.write(json.dumps(doc, ensure_ascii=False) + "\n")

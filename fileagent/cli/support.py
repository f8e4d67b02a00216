"""What every command of the command line shares: the injectable IO, the one error -> exit code
boundary (`guarded`, `exit_code_for`), and the session (config, root, Guard) a command works in.

It must stay quick to import and must not import typer: the fast path of fast.py (plan and
run without typer, whose per-invocation pydantic TypeAdapters cost more than the rest of the
startup) uses IO, the session and the error boundary (`call_guarded`) from here. typer is
imported only inside `guarded` (to raise typer.Exit) and `_current_context`, which only commands
run by typer reach; the config, the Guard and the compiler are imported inside the functions
that need them.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from fileagent.agent.engine.session import Session, open_session
from fileagent.errors import ExitStatus, FileAgentError

if TYPE_CHECKING:  # annotations only: importing typer here would undo the fast path
    import typer


@dataclass
class IO:
    """What a command reads and writes; injectable for tests (None: the process's own, looked up late)."""

    env: Mapping[str, str] | None = None
    stdin: TextIO | None = None
    stdout: TextIO | None = None
    stderr: TextIO | None = None
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


def _current_context() -> Any:
    """The running typer (click) context, or None."""
    try:
        from typer._click.globals import get_current_context  # typer >= 0.2x vendors click
    except ImportError:  # pragma: no cover - older typer on top of click
        from click import get_current_context  # type: ignore[no-redef]
    return get_current_context(silent=True)


def _is_cli_signal(exc: BaseException) -> bool:
    """typer/click control flow (Exit, Abort, usage errors) that the framework itself reports."""
    name = type(exc).__name__
    return name in ("Exit", "Abort") or (
        hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)
    )


def report_error(err: TextIO, message: str) -> None:
    from fileagent.display import shown

    err.write(f"fileagent: error: {shown(' '.join(str(message).split()))}\n")
    err.flush()


STDOUT_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a program whose reader went away


def stdout_closed(io: IO) -> int:
    """The reader of stdout went away (`| head`): stop quietly. The process's stdout is pointed at
    the null device so the interpreter's final flush does not complain either."""
    if io.stdout is None:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
    return STDOUT_CLOSED


def exit_code_for(exc: BaseException, io: IO) -> int:
    """The one error -> exit code mapping; writes the one-line message."""
    if isinstance(exc, BrokenPipeError):
        return stdout_closed(io)
    if isinstance(exc, SystemExit):  # a tool run inside a command (the trainer's argparse: --help)
        if exc.code is None or isinstance(exc.code, int):
            return int(exc.code or 0)
        report_error(io.err, str(exc.code))
        return int(ExitStatus.USAGE)
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


def call_guarded(body: Callable[[], Any], io: IO) -> int:
    """Run a command body; any error becomes its exit code (one line on io.err) -- except
    typer/click's own control flow, which goes on up to the outermost boundary (`outer_exit_code`)."""
    try:
        code = body()
    except BaseException as exc:  # noqa: BLE001 - this is the error boundary
        if _is_cli_signal(exc):
            raise
        return exit_code_for(exc, io)
    return int(code) if code else 0


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A typer command's error boundary: `call_guarded`, with a non-zero code raised as typer.Exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        code = call_guarded(lambda: fn(*args, **kwargs), _io())
        if code:
            import typer  # already loaded: only commands run by typer come through here

            raise typer.Exit(code)

    return wrapper


def outer_exit_code(exc: BaseException, io: IO) -> int:
    """The outermost boundary (main): what escaped the command's own boundary -> an exit code."""
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


def _session(
    root: str | None, config: str | None, io: IO, *, check_unfinished: bool = True, undos_too: bool = True
) -> Session:
    """The config, root and Guard a command works in. Unless told otherwise, refuses (one line) while a
    run or an undo of this root is unfinished: planning on a half-moved tree would act on the wrong files."""
    s = open_session(root, config, io.e)
    if check_unfinished:
        check_no_unfinished(s, undos_too=undos_too)
    return s


def command_options(s: Session) -> str:
    """' --root R [--config C]': what a command printed for the user to run needs to act on this same
    root and write to this same audit log, wherever and with whatever environment it is run."""
    import shlex

    out = f" --root {shlex.quote(str(s.root))}"
    if s.config_arg or not s.loaded.is_packaged_default:
        out += f" --config {shlex.quote(str(s.loaded.source))}"
    return out


def recover_hint(s: Session) -> str:
    """The exact command that repairs this root (with the options this command was given)."""
    return "fileagent recover" + command_options(s)


def check_no_unfinished(s: Session, *, undos_too: bool = True) -> None:
    """UnfinishedRunError naming the recover command while a run (or, with `undos_too`, an undo) of
    the root is unfinished; `undo` passes undos_too=False since running it again finishes an undo."""
    from fileagent.agent.history import journal as jr
    from fileagent.errors import ActionError, PolicyError, UnfinishedRunError

    try:
        jr.check_state_dir(s.root)
    except PolicyError:
        return  # not ours to read: whatever acts on the root refuses it (exit 3)
    runs = jr.unfinished_runs(s.root, undos=undos_too)
    if not runs:
        return
    if jr.root_busy(s.root):
        raise ActionError(
            f"another fileagent process is working on this root (run {runs[-1]}); try again when it has finished"
        )
    more = f" (and {len(runs) - 1} more)" if len(runs) > 1 else ""
    raise UnfinishedRunError(
        f"run {runs[0]}{more} was interrupted and left this root half changed; run "
        f"'{recover_hint(s)}' first (it shows what it reverses)"
    )


def _write_json(doc: Any, io: IO) -> None:
    from fileagent.display import json_text

    io.out.write(json_text(json.dumps(doc, ensure_ascii=False)) + "\n")

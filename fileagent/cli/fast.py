"""The entry point, with a fast path for `plan` and `run` that does not import typer.

Why: typer 0.29 imports pydantic and builds a pydantic TypeAdapter for every parameter of the
command on each invocation (typer/_coercion.py build_runtime_param -> typer/_adapters.py), about
40-90 ms of a ~310 ms `fileagent plan "..."`. The two commands people type most take one prompt
and a few plain options, so this module recognises exactly their simple, unambiguous argv forms
(after `rewrite_argv`, which turns the bare `fileagent "PROMPT"` into `run`):

    plan  PROMPT  [--root X | --root=X] [--config X | --config=X] [--json]
    run   PROMPT  [same] [--yes | -y] [--on-conflict X | --on-conflict=X]

options before or after the prompt, each at most once, and `--` ending the options (so a prompt
may start with "-"). It then calls the same command body (apply.do_plan / do_run) inside the
same error boundary (support.call_guarded -> exit_code_for: one line on stderr and the exit
code) as the typer command does, so exit codes, stdout and stderr are the same byte for byte.

Everything else goes to typer exactly as before, so every usage error and help text stays typer's:
--help, -h, an unknown or repeated option, a missing or empty value, a value that starts with "-",
no prompt or two, an empty prompt, any other command, and shell completion (_FILEAGENT_COMPLETE).

Set FILEAGENT_NO_FAST_CLI=1 in the environment (the injected `env` when main() is given one) to
always take the typer path: for comparing the two, and for debugging.

Must not import typer, click or pydantic at module level, nor anything that does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from fileagent.cli.support import IO, call_guarded, outer_exit_code, stdout_closed
from fileagent.cli.words import SUBCOMMANDS

VALUE_OPTIONS = (
    "--root",
    "--config",
    "--on-conflict",
    "--run",
    "--op",
    "--since",
    "--host",
    "--port",
    "--keep-days",
    "--keep-runs",
    "--name",
    "--from-plan",
    "--settle",
)

# What each fast command declares: value options, and flags (every spelling -> its parameter).
_FAST_VALUES = {
    "plan": {"--root": "root", "--config": "config"},
    "run": {"--root": "root", "--config": "config", "--on-conflict": "on_conflict"},
}
_FAST_FLAGS = {
    "plan": {"--json": "as_json", "--long": "long"},
    "run": {"--json": "as_json", "--yes": "yes", "-y": "yes", "--long": "long"},
}

SHORT_HELP = """\
fileagent: plain-language file jobs inside one folder, previewed, journaled and
undoable.

usage: fileagent "REQUEST"         plan it, preview it, ask before changing
       fileagent COMMAND [OPTIONS]

commands:
  run "REQUEST"    same as the bare form   plan "REQUEST"  show the plan only
  apply PLAN.json  run a plan file         undo [RUN]      reverse a run
  log              runs, audit entries     recover         repair a broken run
  info             state, log, config      gc              prune old undo data
  ui               the web page            train           train the planner

options: --root DIR  --config FILE  --yes  --json   (COMMAND -h: its options)
example: fileagent --root ~/Downloads "sort the files into folders by type"
"""


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
        if a in SUBCOMMANDS:  # options written before the subcommand belong to it
            return [a] + args[:i] + args[i + 1 :]
        return ["run"] + args
    return args


def parse_fast(argv: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, keyword arguments of its body) for a simple `plan`/`run` argv; None: typer's to parse."""
    if not argv or argv[0] not in _FAST_VALUES:
        return None
    cmd = argv[0]
    values, flags = _FAST_VALUES[cmd], _FAST_FLAGS[cmd]
    kw: dict[str, Any] = {}
    val: str | bool
    prompts: list[str] = []
    i, ended = 1, False
    while i < len(argv):
        tok = argv[i]
        i += 1
        if ended or not tok.startswith("-"):
            prompts.append(tok)
            continue
        if tok == "--":
            ended = True
            continue
        name, eq, value = tok.partition("=")
        if name in values:
            if not eq:
                if i >= len(argv):
                    return None
                value = argv[i]
                i += 1
            if not value or value.startswith("-"):
                return None
            dest, val = values[name], value
        elif tok in flags:
            dest, val = flags[tok], True
        else:
            return None  # -h, --help, an unknown option, a flag given "=value", "-" on its own
        if dest in kw:
            return None  # repeated option
        kw[dest] = val
    if len(prompts) != 1 or not prompts[0]:
        return None
    out: dict[str, Any] = {
        "prompt": prompts[0],
        "root": kw.get("root"),
        "config": kw.get("config"),
        "as_json": kw.get("as_json", False),
    }
    if kw.get("long"):
        out["long"] = True
    if cmd == "run":
        out.update(yes=kw.get("yes", False), on_conflict=kw.get("on_conflict"))
    return cmd, out


def fast_enabled(io: IO) -> bool:
    return io.e.get("FILEAGENT_NO_FAST_CLI") != "1" and not os.environ.get("_FILEAGENT_COMPLETE")


def run_fast(argv: list[str], io: IO) -> int | None:
    """Run a simple `plan`/`run` argv without typer: its exit code, or None when it is typer's to run.
    Errors are handled as in the typer command (call_guarded); cli signals propagate to the caller."""
    if not fast_enabled(io):
        return None
    parsed = parse_fast(argv)
    if parsed is None:
        return None
    cmd, kw = parsed
    from fileagent.cli import apply as cli_apply

    body: Callable[..., int] = cli_apply.do_plan if cmd == "plan" else cli_apply.do_run
    return call_guarded(lambda: body(io=io, **kw), io)


def main(
    args: list[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Program entry: returns the exit code (never raises, never prints a traceback unless FILEAGENT_DEBUG=1).
    The fast path first; otherwise typer (cli.run_app)."""
    io = IO(env=env, stdin=stdin, stdout=stdout, stderr=stderr)
    raw = list(sys.argv[1:] if args is None else args)
    if not raw or raw == ["help"]:
        io.out.write(SHORT_HELP)
        return 0
    if raw == ["--version"]:
        from fileagent import __version__

        io.out.write(f"fileagent {__version__}\n")
        return 0
    if raw[0] == "help" and len(raw) == 2:
        raw = [raw[1], "--help"]
    from fileagent.policies.names import mode_problem

    problem = mode_problem(io.e)
    if problem:
        from fileagent.errors import UsageError

        return outer_exit_code(UsageError(problem), io)
    argv = rewrite_argv(raw)
    import gc

    gc_was_on = gc.isenabled()
    gc.disable()  # one short command allocating ~10 objects per action: cycle collection is pure cost here
    rv: object
    try:
        rv = run_fast(argv, io)
        if rv is None:
            from fileagent.cli.app import run_app

            rv = run_app(argv, io)
    except BaseException as exc:  # noqa: BLE001 - the outermost boundary
        if isinstance(exc, BrokenPipeError):
            return stdout_closed(io)
        return outer_exit_code(exc, io)
    finally:
        if gc_was_on:
            gc.enable()
    return rv if isinstance(rv, int) else 0

"""The command line (typer): parse, call the engine, render, map errors to exit codes.

Kept thin and quick to import: the engine, rich and jsonschema are
imported inside the commands, so `fileagent --help` loads only typer (plain
click help formatting, no rich), this file and its two helpers below.

Errors become exit codes in one place, `guarded` (FileAgentError -> its
exit_status, OSError -> 1, anything unexpected -> 1, all as one line on stderr;
a traceback only with FILEAGENT_DEBUG=1).

This file holds the commands and `run_app`; the helpers live in two siblings:
support.py (IO, the error boundary `guarded`, the session: config, root, Guard)
and apply.py (load a plan, preview, confirm, execute, print; the bodies of `run`
and `plan`).

The entry point is fast.py's `main`, which runs the simple forms of `plan` and
`run` without typer (typer builds a pydantic TypeAdapter per parameter on every
invocation) and hands anything else to `run_app` here. FILEAGENT_NO_FAST_CLI=1
turns the fast path off; docs/cli-fast-path.md has the measurements.
"""

from __future__ import annotations

from pathlib import Path

import typer

from fileagent.agent.engine.session import check_conflict, compile_in
from fileagent.agent.plan.io import load_plan_checked
from fileagent.cli.apply import (
    _preview_confirm_execute,
    _read_plan_text,
    do_plan,
    do_run,
)
from fileagent.cli.support import (
    IO,
    _io,
    _session,
    _write_json,
    guarded,
)
from fileagent.errors import ActionError, ExitStatus, UsageError

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    name="fileagent",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
    help="Sandboxed file agent: plain-language request -> previewed, journaled, undoable file "
    "operations inside one folder.",
)
log_app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    invoke_without_command=True,
    context_settings=HELP_OPTIONS,
    help="Review the audit log: runs and entries; 'log verify', 'log path'.",
)
app.add_typer(log_app, name="log")
rule_app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Saved rules that `fileagent watch` applies to new files: add, list, show, remove, pause, resume.",
)
app.add_typer(rule_app, name="rule")


# ------------------------------------------------------------------ shared option types

RootOpt = typer.Option(None, "--root", help="Sandbox root folder (default: agent.root of the config).")
ConfigOpt = typer.Option(None, "--config", help="Config file (default: $FILEAGENT_CONFIG, user config, packaged).")
YesOpt = typer.Option(False, "--yes", "-y", help="Execute without asking.")
JsonOpt = typer.Option(False, "--json", help="Machine-readable output.")
LongOpt = typer.Option(
    False, "--long", help="Listings with size and date (with --json: objects with path, size, mtime)."
)
ConflictOpt = typer.Option(None, "--on-conflict", help="rename_new | skip | overwrite (default: agent.on_conflict).")


# ------------------------------------------------------------------ run / plan / apply


@app.command("run")
@guarded
def run_cmd(
    prompt: str = typer.Argument(..., help="The request, in English or Chinese."),
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    yes: bool = YesOpt,
    as_json: bool = JsonOpt,
    on_conflict: str | None = ConflictOpt,
    long: bool = LongOpt,
) -> int:
    """Plan a request with the local model, preview it, execute after --yes or an interactive y."""
    return do_run(prompt, root, config, yes, as_json, on_conflict, _io(), long=long)


@app.command("plan")
@guarded
def plan_cmd(
    prompt: str = typer.Argument(..., help="The request."),
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    as_json: bool = JsonOpt,
    long: bool = LongOpt,
) -> int:
    """Print the plan for a request; change nothing."""
    return do_plan(prompt, root, config, as_json, _io(), long=long)


@app.command("apply")
@guarded
def apply_cmd(
    plan_file: str = typer.Argument(..., metavar="PLAN.json|-", help="A plan file, or - for stdin."),
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    yes: bool = YesOpt,
    as_json: bool = JsonOpt,
    on_conflict: str | None = ConflictOpt,
    long: bool = LongOpt,
) -> int:
    """Run a plan written by hand or by `plan --json` (no model involved)."""
    io = _io()
    check_conflict(on_conflict)
    text = _read_plan_text(plan_file, io)
    s = _session(root, config, io)
    plan = load_plan_checked(text)
    cs = compile_in(s, plan, on_conflict)
    return _preview_confirm_execute(
        s, plan, cs, yes=yes, as_json=as_json, io=io, request=f"apply {plan_file}", long=long
    )


# ------------------------------------------------------------------ undo / recover


@app.command("undo")
@guarded
def undo_cmd(
    run: str | None = typer.Argument(None, help="Run id (default: the newest run not undone yet)."),
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    yes: bool = YesOpt,
    as_json: bool = JsonOpt,
) -> int:
    """Reverse a run from its journal: shows what it reverses, asks (--yes: don't); refuses if a file
    it would touch changed since."""
    from fileagent.cli.history import do_undo

    return do_undo(run, root, config, yes, as_json, _io())


@app.command("recover")
@guarded
def recover_cmd(root: str | None = RootOpt, config: str | None = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Bring runs interrupted by a crash back to their before-run state; finish interrupted undos."""
    from fileagent.cli.history import do_recover

    return do_recover(root, config, as_json, _io())


@app.command("gc")
@guarded
def gc_cmd(
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    keep_days: int | None = typer.Option(
        None, "--keep-days", help="Keep runs younger than this many days (default: agent.gc_keep_days)."
    ),
    keep_runs: int | None = typer.Option(
        None, "--keep-runs", help="Keep the newest N runs whatever their age (default: agent.gc_keep_runs)."
    ),
    yes: bool = YesOpt,
    as_json: bool = JsonOpt,
) -> int:
    """Drop the undo data (journals, backups) of old runs; says which runs lose undo and asks first."""
    from fileagent.cli.housekeeping import do_gc

    return do_gc(root, config, keep_days, keep_runs, yes, as_json, _io())


@app.command("info")
@guarded
def info_cmd(root: str | None = RootOpt, config: str | None = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Where things are: the state folder and its size, the audit log, the config, the file layer."""
    from fileagent.cli.housekeeping import do_info

    return do_info(root, config, as_json, _io())


# ------------------------------------------------------------------ log


@log_app.callback()
@guarded
def log_cmd(
    ctx: typer.Context,
    config: str | None = ConfigOpt,
    run: str | None = typer.Option(None, "--run", help="Only this run."),
    op: str | None = typer.Option(
        None, "--op", help="Only this op: run, mkdir, move, copy, write, delete, tag (as the preview names them)."
    ),
    since: str | None = typer.Option(None, "--since", help="Only entries at or after this UTC date/time."),
    failed: bool = typer.Option(False, "--failed", help="Only failed actions."),
    as_json: bool = JsonOpt,
) -> int:
    """Show runs (no filter) or entries (with --run/--op/--since/--failed)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = ctx.obj if isinstance(ctx.obj, IO) else IO()
        ctx.meta["fa_config"] = config
        return 0
    io = _io()
    from fileagent.agent.history.audit import filter_entries, read_entries
    from fileagent.cli.logview import render_entries, render_runs

    entries = read_entries(_log_path(config, io))
    shown = filter_entries(entries, run=run, op=op, since=since, failed=failed)
    if as_json:
        _write_json(shown, io)
    elif run or op or since or failed:
        render_entries(shown, file=io.out, no_color=io.no_color())
    else:
        render_runs(entries, file=io.out, no_color=io.no_color())
    return 0


def _log_path(config: str | None, io: IO) -> Path:
    from fileagent.config.loader import load_config

    return load_config(Path(config) if config else None, env=io.e).checked_log_path()


@log_app.command("verify")
@guarded
def log_verify_cmd(ctx: typer.Context, config: str | None = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """Check the audit log's hash chain; names the first bad seq (exit 1)."""
    io = _io()
    from fileagent.agent.history.audit import verify

    path = _log_path(config or ctx.meta.get("fa_config"), io)
    from fileagent.agent.history.auditkey import load_keyring
    from fileagent.config.loader import load_config

    loaded = load_config(Path(cfg) if (cfg := config or ctx.meta.get("fa_config")) else None, env=io.e)
    ok, bad, msg = verify(path, load_keyring(loaded.key_path(), create=False))
    if as_json:
        _write_json({"ok": ok, "first_bad_seq": bad, "message": msg, "path": str(path)}, io)
    if not ok:
        raise ActionError(f"audit log {path} failed verification at seq {bad}: {msg}")
    if not as_json:
        io.out.write(f"audit log OK: {msg} ({path})\n")
    return 0


@log_app.command("path")
@guarded
def log_path_cmd(ctx: typer.Context, config: str | None = ConfigOpt) -> int:
    """Print the audit log's file path."""
    io = _io()
    from fileagent.config.loader import load_config

    cfg = config or ctx.meta.get("fa_config")
    loaded = load_config(Path(cfg) if cfg else None, env=io.e)
    io.out.write(str(loaded.log_path()) + "\n")
    io.err.write(
        f"(agent.log_path of {'the packaged default config' if loaded.is_packaged_default else loaded.source})\n"
    )
    return 0


# ------------------------------------------------------------------ ui


@app.command("ui")
@guarded
def ui_cmd(
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to serve on; one other than loopback prints a warning."
    ),
    port: int = typer.Option(0, "--port", help="Port (default: any free one)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
) -> int:
    """Serve the local web page: type a request, tick the actions to run, review runs and the audit log."""
    io = _io()
    from fileagent.web.server import serve

    return serve(
        root=root, config=config, host=host, port=port, no_browser=no_browser, env=io.e, out=io.out, err=io.err
    )


# ------------------------------------------------------------------ rules and watch


@rule_app.command("add")
@guarded
def rule_add_cmd(
    request: str | None = typer.Argument(None, help="The request the rule carries out."),
    name: str = typer.Option(..., "--name", help="The rule's name (letters, digits, . _ -)."),
    from_plan: str | None = typer.Option(
        None, "--from-plan", metavar="PLAN.json|-", help="Save this plan instead of planning a request."
    ),
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    as_json: bool = JsonOpt,
) -> int:
    """Plan a request once (or read a plan) and save it as a rule; shows what it would do now, changes nothing."""
    from fileagent.cli.rules import do_rule_add

    return do_rule_add(name, request, from_plan, root, config, as_json, _io())


@rule_app.command("list")
@guarded
def rule_list_cmd(root: str | None = RootOpt, config: str | None = ConfigOpt, as_json: bool = JsonOpt) -> int:
    """List the rules of the root."""
    from fileagent.cli.rules import do_rule_list

    return do_rule_list(root, config, as_json, _io())


@rule_app.command("show")
@guarded
def rule_show_cmd(
    name: str = typer.Argument(..., help="Rule name."),
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    as_json: bool = JsonOpt,
) -> int:
    """Show one rule: its request and plan."""
    from fileagent.cli.rules import do_rule_show

    return do_rule_show(name, root, config, as_json, _io())


@rule_app.command("remove")
@guarded
def rule_remove_cmd(
    name: str = typer.Argument(..., help="Rule name."), root: str | None = RootOpt, config: str | None = ConfigOpt
) -> int:
    """Delete a rule (what it did stays; undo runs with `fileagent undo`)."""
    from fileagent.cli.rules import do_rule_remove

    return do_rule_remove(name, root, config, _io())


@rule_app.command("pause")
@guarded
def rule_pause_cmd(
    name: str = typer.Argument(..., help="Rule name."), root: str | None = RootOpt, config: str | None = ConfigOpt
) -> int:
    """Keep a rule but stop applying it."""
    from fileagent.cli.rules import do_rule_pause

    return do_rule_pause(name, True, root, config, _io())


@rule_app.command("resume")
@guarded
def rule_resume_cmd(
    name: str = typer.Argument(..., help="Rule name."), root: str | None = RootOpt, config: str | None = ConfigOpt
) -> int:
    """Apply a paused rule again."""
    from fileagent.cli.rules import do_rule_pause

    return do_rule_pause(name, False, root, config, _io())


@app.command("watch")
@guarded
def watch_cmd(
    root: str | None = RootOpt,
    config: str | None = ConfigOpt,
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Apply the rules (else: preview only, where the config asks for confirmation)."
    ),
    once: bool = typer.Option(False, "--once", help="Apply the rules to the whole root once and exit."),
    settle: float = typer.Option(
        2.0, "--settle", metavar="SECONDS", help="How long an item must stay unchanged before a rule takes it."
    ),
    poll: bool = typer.Option(False, "--poll", help="Poll the tree instead of the system's file events."),
    preview: bool = typer.Option(False, "--preview", help="Print each batch's preview table too."),
) -> int:
    """Apply the saved rules to new and changed files as they arrive (no model); SIGINT/SIGTERM stop it."""
    from fileagent.cli.rules import do_watch

    return do_watch(root, config, yes, once, settle, poll, preview, _io())


# ------------------------------------------------------------------ train


@app.command("examples")
@guarded
def examples_cmd(as_json: bool = JsonOpt) -> int:
    """Example requests in English and Chinese, and the job each one does."""
    from fileagent.agent.planner.examples import GALLERY

    io = _io()
    if as_json:
        _write_json({lang: [{"request": r, "op": op} for r, op in rows] for lang, rows in GALLERY.items()}, io)
        return 0
    for lang, title in (("en", "English"), ("zh", "中文")):
        io.out.write(f"{title}:\n")
        for request, op in GALLERY[lang]:
            io.out.write(f'  {op:<9} fileagent "{request}"\n')
    return 0


@app.command(
    "train", context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}
)  # --help goes to the trainer's own flags
@guarded
def train_cmd(ctx: typer.Context) -> int:
    """Train the planner model (available when the training module is installed)."""
    import importlib.util

    if importlib.util.find_spec("fileagent.agent.planner.training.train_planner") is None:
        raise UsageError("training is not available in this build")
    import importlib

    mod = importlib.import_module("fileagent.agent.planner.training.train_planner")
    try:
        return int(mod.main(list(ctx.args)) or 0)
    except SystemExit as e:  # argparse's own exits: --help (0) and usage errors (2, already printed)
        return e.code if isinstance(e.code, int) else int(ExitStatus.USAGE)


# ------------------------------------------------------------------ entry point


def run_app(argv: list[str], io: IO) -> object:
    """Parse and run an (already rewritten) argv with typer; errors escape to the caller's outer boundary
    (support.outer_exit_code)."""
    return app(args=argv, prog_name="fileagent", obj=io, standalone_mode=False)

"""The bodies of `gc` (drop the undo data of old runs, after saying which runs lose undo) and `info`
(where the state, the audit log and the config are, and which file layer acts on disk).

Like apply.py it must not import typer; history and fs modules are imported inside the functions.
"""

from __future__ import annotations

import time
from typing import Any

from fileagent.cli.support import IO, _session, _write_json


def _size(n: int) -> str:
    from fileagent.tools.base import human_size

    return human_size(n)


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def do_gc(
    root: str | None, config: str | None, keep_days: int | None, keep_runs: int | None, yes: bool, as_json: bool, io: IO
) -> int:
    from fileagent.agent.history.gc import prunable, prune
    from fileagent.errors import UsageError

    for name, v in (("--keep-days", keep_days), ("--keep-runs", keep_runs)):
        if v is not None and v < 0:
            raise UsageError(f"{name} must be 0 or more, not {v}")
    s = _session(root, config, io)
    from fileagent.agent.history import journal as jr

    jr.check_state_dir(s.root)
    agent = s.loaded.config.agent
    days = agent.gc_keep_days if keep_days is None else keep_days
    runs_kept = agent.gc_keep_runs if keep_runs is None else keep_runs
    old = prunable(s.root, keep_days=days, keep_runs=runs_kept)
    total = sum(r.size for r in old)
    if not as_json:
        if not old:
            io.out.write(f"nothing to prune: every run is among the newest {runs_kept} or younger than {days} days\n")
            return 0
        import shutil

        from fileagent.agent.engine.preview import fold

        width = max(60, shutil.get_terminal_size((80, 24)).columns)
        for line in fold(
            "",
            f"gc: {len(old)} run{'' if len(old) == 1 else 's'} older than {days} days and beyond "
            f"the newest {runs_kept} lose their undo data ({_size(total)}):",
            width,
        ):
            io.out.write(line + "\n")
        for r in old[:30]:
            started = time.strftime("%Y-%m-%d %H:%M", time.gmtime(r.started))
            io.out.write(f"  {r.run_id}  {started}  {r.status:<11} {_size(r.size)}\n")
        if len(old) > 30:
            io.out.write(f"  ... {len(old) - 30} more\n")
        io.out.write("these runs can no longer be undone afterwards; the audit log keeps their entries\n")
        io.out.flush()
    if not old:
        _write_json({"pruned": [], "bytes": 0}, io)
        return 0
    if not yes:
        if not _is_tty(io.inp):
            if as_json:
                _write_json({"would_prune": [r.to_dict() for r in old], "bytes": total, "pruned": []}, io)
            io.err.write("preview only (no terminal on stdin and no --yes): nothing changed\n")
            return 0
        io.err.write(f"Drop the undo data of {len(old)} run{'' if len(old) == 1 else 's'}? [y/N] ")
        io.err.flush()
        if io.inp.readline().strip().lower() not in ("y", "yes"):
            io.err.write("nothing changed\n")
            return 0
    freed = prune(s.root, old)
    if as_json:
        _write_json({"pruned": [r.to_dict() for r in old], "bytes": freed}, io)
    else:
        io.out.write(f"pruned {len(old)} run{'' if len(old) == 1 else 's'}: {_size(freed)} freed\n")
    return 0


def file_layer() -> str:
    """Which calls act on disk here, in words (tools/fs/platform.py: chosen at start-up)."""
    from fileagent.tools.fs import platform

    return platform.current().describe()


def do_info(root: str | None, config: str | None, as_json: bool, io: IO) -> int:
    from fileagent.agent.history import journal as jr
    from fileagent.agent.history.gc import tree_size

    s = _session(root, config, io, check_unfinished=False)
    state = jr.state_dir(s.root)
    runs = jr.list_runs(s.root)
    unfinished = jr.unfinished_runs(s.root)
    log_size = s.audit_path.stat().st_size if s.audit_path.exists() else 0
    cfg = "the packaged default (no config file found)" if s.loaded.is_packaged_default else str(s.loaded.source)
    doc = {
        "root": str(s.root),
        "state_dir": str(state),
        "state_bytes": tree_size(state),
        "backups_bytes": tree_size(state / "backups"),
        "runs": len(runs),
        "unfinished": unfinished,
        "audit_log": str(s.audit_path),
        "audit_log_bytes": log_size,
        "config": str(s.loaded.source),
        "config_is_packaged_default": s.loaded.is_packaged_default,
        "file_layer": file_layer(),
    }
    if as_json:
        _write_json(doc, io)
        return 0
    from fileagent import __version__

    lines = [
        f"fileagent {__version__}",
        f"root:        {s.root}",
        f"state:       {state} ({_size(doc['state_bytes'])}; backups {_size(doc['backups_bytes'])}; "
        f"{len(runs)} run journals)",
        f"audit log:   {s.audit_path} ({_size(log_size)})",
        f"config:      {cfg}",
        f"file layer:  {doc['file_layer']}",
    ]
    if unfinished:
        lines.append(f"unfinished:  {', '.join(unfinished)} -- run 'fileagent recover'")
    import shutil

    from fileagent.agent.engine.preview import fold

    width = max(60, shutil.get_terminal_size((80, 24)).columns)
    for line in lines:
        head, rest = (line[:13], line[13:]) if line[11:13] == "  " or line[12:13] == " " else ("", line)
        for part in fold(head, rest, width):
            io.out.write(part + "\n")
    return 0

"""`fileagent log`: filter audit entries and render them (runs summary or entries table)."""
from __future__ import annotations

from typing import IO



def _console(file: IO[str], no_color: bool):
    from rich.console import Console
    from fileagent.agent.engine.preview import _broken_pipe
    c = Console(file=file, no_color=no_color, highlight=False, soft_wrap=False)
    c.on_broken_pipe = _broken_pipe       # type: ignore[method-assign]
    return c


def render_entries(entries: list[dict], *, file: IO[str], no_color: bool = False, limit: int = 500) -> None:
    from rich.table import Table
    c = _console(file, no_color)
    if not entries:
        c.print("no matching entries")
        return
    t = Table(title=f"{len(entries)} audit entries", title_justify="left")
    for col in ("seq", "time", "run", "op", "source", "destination", "result", "error"):
        t.add_column(col, overflow="fold")
    for e in entries[-limit:]:
        t.add_row(str(e.get("seq")), str(e.get("time", ""))[:19], str(e.get("run", "")), str(e.get("op", "")),
                  e.get("src") or "", e.get("dst") or "", str(e.get("result", "")), e.get("error") or "")
    c.print(t)
    if len(entries) > limit:
        c.print(f"(showing the last {limit}; --json lists all)")


def render_runs(entries: list[dict], *, file: IO[str], no_color: bool = False) -> None:
    from rich.table import Table
    c = _console(file, no_color)
    runs: dict[str, dict] = {}
    for e in entries:
        r = runs.setdefault(e.get("run", "?"), {"time": e.get("time", ""), "user": e.get("user", ""),
                                                 "ok": 0, "failed": 0, "undone": 0})
        res = e.get("result")
        r["ok" if res in ("ok", "skipped") else "failed" if res == "failed" else "undone"] += 1
    if not runs:
        c.print("no runs recorded yet")
        return
    t = Table(title=f"{len(runs)} runs ({len(entries)} entries)", title_justify="left")
    t.add_column("run", no_wrap=True, min_width=25)
    for col in ("started", "user", "actions", "failed", "undone"):
        t.add_column(col)
    for run, r in runs.items():
        t.add_row(run, str(r["time"])[:19], str(r["user"]), str(r["ok"]), str(r["failed"]), str(r["undone"]))
    c.print(t)
    c.print("details: fileagent log --run RUN")

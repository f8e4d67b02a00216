"""`fileagent log`: the runs (one line each) or the entries of a filter, in 80 columns or more.

Plain lines rather than a table: a table squeezed into 80 columns cuts times and paths mid-word;
lines keep every value whole and fold long paths at '/'. Op names are the preview's words.
"""

from __future__ import annotations

import shutil
from typing import IO

from fileagent.agent.engine.changeset import op_word
from fileagent.agent.engine.preview import fold


def _width() -> int:
    return max(60, shutil.get_terminal_size((80, 24)).columns)


def _time(e: dict) -> str:
    """'2026-12-07 04:55:32' from the entry's UTC time."""
    return str(e.get("time", ""))[:19].replace("T", " ")


def _write(file: IO[str], lines: list[str]) -> None:
    # names as plain visible text: control characters escaped, so one entry stays one line
    from fileagent.display import shown

    file.write("".join(shown(line) + "\n" for line in lines))


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: max(0, n - 1)] + "…"


def render_entries(entries: list[dict], *, file: IO[str], no_color: bool = False, limit: int = 500) -> None:
    """Per run: its header line (request, root, user), then one line per entry (folded at '/')."""
    if not entries:
        _write(file, ["no matching entries"])
        return
    w = _width()
    out = [
        f"{len(entries)} audit entries"
        + (f" (the last {limit} shown; --json lists all)" if len(entries) > limit else "")
    ]
    run = None
    for e in entries[-limit:]:
        if e.get("run") != run:
            run = e.get("run")
            out.append(f"run {run}")
        op = op_word(str(e.get("op", "")))
        if op == "run":
            what = f'request "{e.get("request") or ""}" in {e.get("root") or "?"} by {e.get("user") or "?"}'
            if e.get("rule"):
                what += f" (rule {e['rule']})"
            out += fold(f"  {e.get('seq')} {_time(e)} run    ", what, w)
            continue
        paths = " -> ".join(p for p in (e.get("src"), e.get("dst")) if p)
        result = e.get("result", "")
        tail = "" if result == "ok" else f"  [{result}{': ' + e['error'] if e.get('error') else ''}]"
        out += fold(f"  {e.get('seq')} {_time(e)} {op:<6} ", paths + tail, w)
    _write(file, out)


def runs_summary(entries: list[dict]) -> dict[str, dict]:
    """run id -> {time, user, request, root, done, failed, undone}, in log order."""
    runs: dict[str, dict] = {}
    for e in entries:
        r = runs.setdefault(
            e.get("run", "?"),
            {
                "time": e.get("time", ""),
                "user": e.get("user", ""),
                "request": None,
                "root": None,
                "done": 0,
                "failed": 0,
                "undone": 0,
            },
        )
        if e.get("op") == "run":
            r.update(request=e.get("request"), root=e.get("root"), time=e.get("time", r["time"]))
            continue
        res = e.get("result")
        if res == "failed":
            r["failed"] += 1
        elif res in ("undone", "rolled_back"):
            r["undone"] += res == "undone"
        else:
            r["done"] += 1
    return runs


def render_runs(entries: list[dict], *, file: IO[str], no_color: bool = False) -> None:
    """One line per run: id, start (UTC, to the minute), done/failed/undone counts, the request."""
    runs = runs_summary(entries)
    if not runs:
        _write(file, ["no runs recorded yet (fileagent log path: where this config's log is)"])
        return
    w = _width()
    out = [
        f"{len(runs)} runs ({len(entries)} entries); times UTC",
        f"{'run':<25} {'started':<16} {'done':>6} {'fail':>4} {'undone':>6}  request",
    ]
    for run, r in runs.items():
        head = f"{run:<25} {_time(r)[:16]:<16} {r['done']:>6} {r['failed']:>4} {r['undone']:>6}  "
        out.append(head + _cut(r["request"] or "-", max(10, w - len(head))))
    out.append("details: fileagent log --run RUN")
    _write(file, out)

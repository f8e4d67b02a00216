"""Run a ChangeSet: exactly the previewed actions, journaled, backed up, audited, undoable.

    execute(changeset, root=..., guard=..., config=...) -> RunReport

1. Nothing is touched until every action's `expect` fingerprint (exists, size,
   mtime_ns, inode) matches the disk; any difference -> StaleError, no change.
2. Actions run in groups: the group's intent records are written and fsynced
   once, then per action: re-resolve its paths through the Guard, back up what
   a delete/overwrite removes (a rename into ROOT/.fileagent/backups/RUN/SEQ/),
   act atomically (fsops), write the `done` record, queue an audit entry.
3. SIGINT/SIGTERM (interrupt.py): the run stops between two actions and is rolled
   back as below (journal end=rolled_back with "interrupted", InterruptedRun, exit 130).
4. Failure rule (config agent.on_error):
   - rollback (default): stop at the first failing action, reverse the completed
     ones newest first, journal end=rolled_back, raise ActionError (exit 1);
   - continue: record the failure, go on with the rest, journal end=failed,
     report every failure (exit 1).
`emit` actions (list/read) only produce output text and are not journaled.

This module holds the run as a whole (stale check, groups, failure rule, rollback, report):
- actions.py: `_Paths` (Guard-checked paths) and `_Runner` (one action at a time);
- fastpath.py: plain moves (renameat2 between cached folder descriptors) and the journal header
  built as text.
"""

from __future__ import annotations

import os
import stat as stat_mod
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fileagent.agent.engine.actions import (
    _KEEPS_FOLDERS,
    _Paths,
    _Runner,
)
from fileagent.agent.engine.changeset import Action, ChangeSet, op_word
from fileagent.agent.engine.fastpath import (
    _header_text,
    _plain,
)
from fileagent.agent.engine.interrupt import Interrupts
from fileagent.agent.history import journal as jr
from fileagent.agent.history.audit import AuditWriter, os_user
from fileagent.display import shown
from fileagent.errors import ActionError, InterruptedRun, PolicyError, StaleError
from fileagent.tools import archive_io
from fileagent.tools.fs import fsops

if TYPE_CHECKING:
    from rich.progress import Progress

    from fileagent.config.loader import AgentConfig

GROUP = 4096  # actions per fsynced group of intent records (recover never relies on the size)
PROGRESS_MIN = 200  # show a progress bar above this many actions (stderr TTY only)


@dataclass
class RunReport:
    run_id: str | None
    status: str  # done | rolled_back | failed | nothing
    counts: dict[str, int] = field(default_factory=dict)  # completed actions per kind
    failures: list[tuple[int, str]] = field(default_factory=list)  # (seq, message)
    rolled_back: int = 0
    outputs: list[tuple[int, str, str]] = field(default_factory=list)  # (step, "list"|"read", text)
    journal: str | None = None

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        return {
            "run": self.run_id,
            "status": self.status,
            "counts": self.counts,
            "done": self.done,
            "failures": [{"seq": s, "error": e} for s, e in self.failures],
            "rolled_back": self.rolled_back,
            "journal": self.journal,
            "outputs": [{"step": s, "kind": k, "text": t} for s, k, t in self.outputs],
        }


def agent_settings(config: Any) -> AgentConfig:
    """config.agent from a Config, a LoadedConfig, or anything with .agent."""
    if hasattr(config, "agent"):
        return config.agent
    return config.config.agent  # type: ignore[attr-defined]


def audit_path_for(config: object, root: Path) -> Path:
    if hasattr(config, "log_path") and callable(config.log_path):
        return Path(config.log_path())
    return jr.state_dir(root) / "audit.jsonl"


def _check_fresh(changeset: ChangeSet, root: str) -> None:
    """StaleError unless every expected fingerprint still holds: one lstat per existing path; paths
    expected absent are checked with one listing per folder instead of one lstat each."""
    seen: set[str] = set()
    listings: dict[str, frozenset[str]] = {}
    prefix = os.path.join(root, "")
    isabs, lstat, S_ISDIR = os.path.isabs, os.lstat, stat_mod.S_ISDIR
    for a in changeset.actions:
        for rel, fp in a.expect.items():
            if rel in seen:
                continue
            seen.add(rel)
            path = rel if isabs(rel) else prefix + rel  # os.path.join(root, rel), without its cost
            if not fp.exists:
                head, _, name = rel.rpartition("/")
                names = listings.get(head)
                if names is None:
                    try:
                        with os.scandir(os.path.join(root, head) if head else root) as it:
                            names = listings[head] = frozenset(e.name for e in it)
                    except (FileNotFoundError, NotADirectoryError):
                        names = listings[head] = frozenset()
                if name in names or (not _plain(rel) and os.path.lexists(path)):
                    raise StaleError(f"{rel} changed since the preview (it exists now); nothing was changed", path=rel)
                continue
            try:
                st = lstat(path)
            except (FileNotFoundError, NotADirectoryError):
                raise StaleError(
                    f"{rel} changed since the preview (it no longer exists); nothing was changed", path=rel
                ) from None
            if fp.is_dir:
                changed = not os.path.isdir(path) or (fp.inode and fp.inode != st.st_ino)
            else:
                changed = (
                    fp.size != st.st_size
                    or fp.mtime_ns != st.st_mtime_ns
                    or S_ISDIR(st.st_mode)
                    or (fp.inode and fp.inode != st.st_ino)
                )
            if changed:
                raise StaleError(
                    f"{rel} changed since the preview (size, mtime or inode differ); nothing was changed", path=rel
                )


def _outputs(changeset: ChangeSet, paths: _Paths, encoding: str) -> list[tuple[int, str, str]]:
    if changeset.outputs:
        return [tuple(o) for o in changeset.outputs]  # type: ignore[misc]
    out: list[tuple[int, str, str]] = []
    listing: dict[int, list[str]] = {}
    for a in changeset.actions:
        if a.kind != "emit":
            continue
        if a.note == "read":
            data = fsops.read_bytes(paths.abs(a.src, a))
            out.append((a.step, "read", data.decode(encoding, errors="replace")))
        else:
            if a.step not in listing:
                listing[a.step] = []
                out.append((a.step, "list", ""))
            listing[a.step].append(shown(a.src or ""))
    return [(s, k, "\n".join(listing[s]) if k == "list" else t) for s, k, t in out]


_ABSENT = type("_Absent", (), {"exists": False})()


def _error_text(e: BaseException) -> str:
    if isinstance(e, OSError):
        what = e.strerror or str(e)
        where = f": {e.filename}" if e.filename else ""
        return f"{what}{where}"
    return str(e)


def execute(
    changeset: ChangeSet,
    *,
    root: Path,
    guard: object,
    config: object,
    run_id: str | None = None,
    progress: bool = True,
    plan: dict | None = None,
    audit_path: Path | None = None,
    previewed: ChangeSet | None = None,
    request: str | None = None,
    rule: str | None = None,
    keyring: object | None = None,
) -> RunReport:
    """`previewed`: the whole ChangeSet a subset `changeset` was chosen from; its fingerprints are
    the ones checked, so a run of part of a preview needs the whole previewed tree unchanged.
    `request` (the words the user typed) and `rule` (a saved rule's name) go into the audit header."""
    root = Path(getattr(guard, "root_str", None) or root)
    agent = agent_settings(config)
    paths = _Paths(root, guard)
    report = RunReport(run_id=None, status="nothing")
    report.outputs = _outputs(changeset, paths, agent.encoding)
    actions = changeset.mutating_actions
    if not actions:
        return report
    if len(actions) > agent.max_batch:
        raise PolicyError(f"{len(actions)} changing actions exceed max_batch ({agent.max_batch}); nothing changed")
    from fileagent.agent.history.undo import rollback_actions  # undo imports this module's helpers

    with jr.RootLock(root):
        fsops.anchor(os.fspath(root))
        _check_fresh(previewed or changeset, os.fspath(root))
        run_id = run_id or jr.new_run_id()
        report.run_id = run_id
        user = os_user()
        jpath = jr.journal_path(root, run_id)
        report.journal = str(jpath)
        audit = AuditWriter(audit_path or audit_path_for(config, root), run=run_id, user=user, keyring=keyring)  # type: ignore[arg-type]
        source = getattr(config, "source", None)
        audit.header(
            time=jr.now_iso(),
            request=request,
            root=str(root),
            rule=rule,
            config=None if source is None else str(source),
        )
        with jr.JournalWriter(jpath) as jw, Interrupts() as ints:
            jw.write(_header_text(run_id, user, root, plan, actions, request))
            runner = _Runner(root, run_id, paths, audit, jw, agent.encoding)
            bar = _progress(len(actions)) if progress else None
            completed: list[tuple[Action, dict]] = []
            try:
                for g in range(0, len(actions), GROUP):
                    group = actions[g : g + GROUP]
                    jw.write({"t": "intent", "from": group[0].seq, "to": group[-1].seq})
                    jw.sync()
                    details: list[dict] = []
                    last_done = None
                    try:
                        for a in group:
                            if ints.requested:
                                raise _Stop(None, ints.requested)
                            try:
                                intent = None if runner.is_plain_move(a) else runner.intent(a)
                                try:
                                    done = runner.act(a, intent)
                                finally:
                                    if intent is not None and a.kind not in _KEEPS_FOLDERS:
                                        runner.forget_folders()
                            except (OSError, ActionError, PolicyError, ValueError, UnicodeError, RecursionError) as e:
                                msg = f"action {a.seq} ({a.kind} {a.src or a.dst}): {_error_text(e)}"
                                jw.write({"t": "failed", "seq": a.seq, "error": msg})
                                audit.add(
                                    time=jr.now_iso(),
                                    op=op_word(a.kind),
                                    src=a.src,
                                    dst=a.dst,
                                    result="failed",
                                    error=msg,
                                )
                                report.failures.append((a.seq, msg))
                                if agent.on_error == "rollback":
                                    raise _Stop(e, msg) from e
                                continue
                            last_done = a.seq
                            if intent is None:  # a plain move
                                size = a.expect[a.src].size  # type: ignore[index]
                                if done is None:
                                    completed.append((a, {"seq": a.seq, "backup": None}))
                                    audit.add(
                                        time=jr.now_iso(),
                                        op="move",
                                        src=a.src,
                                        dst=a.dst,
                                        size_before=size,
                                        size_after=size,
                                    )
                                else:
                                    details.append(done)
                                    completed.append((a, {"seq": a.seq, "backup": None, **done}))
                                    _audit_done(audit, a, {}, done)
                            else:
                                assert done is not None  # act returns None for plain moves only
                                if len(done) > 2 and (done.get("post") or done.get("sha256") or done.get("made")):
                                    details.append(done)
                                completed.append((a, {**intent, **done}))
                                _audit_done(audit, a, intent, done)
                            report.counts[a.kind] = report.counts.get(a.kind, 0) + 1
                            if bar is not None and a.seq % 64 == 0:
                                bar.advance(64)
                    finally:
                        if last_done is not None:  # the group's done records, in one write
                            jw.write_many(details + [{"t": "done", "from": group[0].seq, "to": last_done}])
                if ints.requested:
                    raise _Stop(None, ints.requested)
            except KeyboardInterrupt:  # a second signal: stopped at once, the journal stays open
                audit.flush()
                raise InterruptedRun(
                    "interrupted twice: stopped at once, the run is unfinished; run "
                    "'fileagent recover' to put the tree back",
                    report=report,
                ) from None
            except _Stop as stop:
                try:
                    report.rolled_back = rollback_actions(root, completed, jw, audit, run_id=run_id)
                    if stop.cause is not None:
                        failed = next(x for x in actions if x.seq == report.failures[-1][0])
                        try:  # a write or copy that failed half-way may have left its temp file
                            fsops.sweep_temp_files(
                                os.path.dirname(paths.root + os.sep + (failed.dst or failed.src or ""))
                            )
                        except OSError:
                            pass  # the folder is gone or a link now: nothing of ours can be in it
                except (OSError, ActionError) as again:
                    # e.g. a folder swapped for a symlink: leave the journal open, recover finishes it
                    audit.flush()
                    raise ActionError(
                        f"{stop.msg}; the rollback could not finish ({_error_text(again)}): run "
                        "'fileagent recover' once the folder is back",
                        report=report,
                    ) from None
                end = {"t": "end", "status": "rolled_back", "time": jr.now_iso()}
                if stop.cause is None:
                    end["interrupted"] = stop.msg
                    audit.add(
                        time=jr.now_iso(),
                        op="interrupt",
                        result="rolled_back",
                        error=f"{stop.msg}: {report.rolled_back} actions reversed",
                    )
                jw.write(end)
                report.status = "rolled_back"
                report.counts = {}
                audit.flush()
                if bar is not None:
                    bar.close()
                if stop.cause is None:
                    n = report.rolled_back
                    raise InterruptedRun(
                        f"interrupted: {n} action{'' if n == 1 else 's'} reversed, nothing changed", report=report
                    ) from None
                err: ActionError | PolicyError = ActionError(
                    f"{stop.msg}; rolled back the {report.rolled_back} completed action(s), nothing changed",
                    report=report,
                )
                if isinstance(stop.cause, PolicyError):
                    err = PolicyError(stop.msg + "; rolled back, nothing changed", report=report)
                raise err from None
            finally:
                runner.fds.drop()
                archive_io.release()
                if bar is not None:
                    bar.close()
            try:
                # the audit entries reach the log before the run counts as done; a log that cannot
                # be written (full disk, /dev/full, a folder) undoes the run instead of leaving it unlogged
                audit.flush()
            except (OSError, ActionError) as e:
                report.rolled_back = rollback_actions(root, completed, jw, None, run_id=run_id)
                jw.write({"t": "end", "status": "rolled_back", "time": jr.now_iso()})
                report.status, report.counts = "rolled_back", {}
                raise ActionError(
                    f"the audit log could not be written ({_error_text(e)}): rolled back the "
                    f"{report.rolled_back} completed action(s), nothing changed",
                    report=report,
                ) from None
            report.status = "failed" if report.failures else "done"
            jw.write({"t": "end", "status": report.status, "time": jr.now_iso(), "counts": report.counts})
    return report


def needs_confirmation(agent: object, plan: object, changeset: ChangeSet) -> bool:
    """Whether running this changeset needs --yes or a "y": dry_run_default, or an op the config
    lists in require_confirm_for."""
    if agent.dry_run_default:  # type: ignore[attr-defined]
        return True
    steps = plan.steps  # type: ignore[attr-defined]
    ops = {steps[a.step - 1].op for a in changeset.mutating_actions if 0 < a.step <= len(steps)}
    return bool(ops & set(agent.require_confirm_for))  # type: ignore[attr-defined]


class _Stop(Exception):
    """Stop the run and roll it back: `cause` the failing action's error, or None for a signal."""

    def __init__(self, cause: BaseException | None, msg: str) -> None:
        super().__init__(msg)
        self.cause, self.msg = cause, msg


def _audit_done(audit: AuditWriter, a: Action, intent: dict, done: dict) -> None:
    before = a.expect.get(a.src or a.dst or "")
    size_before = before.size if before is not None and before.exists and not before.is_dir else None
    post = done.get("post")
    size_after = post["size"] if post else (size_before if a.kind == "move" else None)
    audit.add(
        time=jr.now_iso(),
        op=op_word(a.kind),
        src=a.src,
        dst=a.dst,
        size_before=size_before,
        size_after=size_after,
        sha256=done.get("sha256"),
        backup=intent.get("backup"),
    )


class _Progress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._p: Progress | None = Progress(console=Console(stderr=True), transient=True)
        self._p.start()
        self._task = self._p.add_task("applying", total=total)

    def advance(self, n: int) -> None:
        if self._p is not None:
            self._p.advance(self._task, n)

    def close(self) -> None:
        if self._p is not None:
            self._p.stop()
            self._p = None


def _progress(total: int) -> _Progress | None:
    if total <= PROGRESS_MIN or not sys.stderr.isatty():
        return None
    return _Progress(total)

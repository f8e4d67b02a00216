"""Undo a finished run, roll back a failing one, recover one a crash interrupted.

All three walk a run's actions newest first and, for each, look at the disk to
see whether the action is in effect ("after"), half done ("mid": its backup was
taken but the act did not happen) or not in effect ("before"), then put the
before-state back. Looking instead of trusting the journal is what makes them
idempotent: a crash during undo, then undo again, finishes the job; an intent
with no done record (killed mid-action) is settled by what is on disk.

Undo refuses, before changing anything, when a file it would touch changed
since the run (size/mtime/inode recorded at done time, sha256 for writes).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from fileagent.agent.engine.changeset import Action, Fingerprint, op_word
from fileagent.agent.history import journal as jr
from fileagent.agent.history.audit import AuditWriter
from fileagent.errors import UndoError
from fileagent.policies import names
from fileagent.tools import tagstore
from fileagent.tools.fs import fsops


@dataclass
class UndoReport:
    run_id: str
    undone: int = 0
    already: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"run": self.run_id, "undone": self.undone, "already": self.already, "notes": self.notes}


@dataclass
class RecoverReport:
    rolled_back: dict[str, int] = field(default_factory=dict)  # run -> actions reversed
    finished_undo: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"rolled_back": self.rolled_back, "finished_undo": self.finished_undo, "notes": self.notes}


# what makes a recorded path absolute: "/" anywhere; a backslash only on Windows (elsewhere "\\b.txt"
# is an ordinary name in the root)
_ABS_STARTS = ("/", "\\") if os.name == "nt" else ("/",)


def _abs(root: Path, rel: str | None) -> str:
    if rel is None:
        raise UndoError("journal record without a path")
    # a backslash is a separator only under Windows rules; elsewhere it is part of the recorded name
    windows = names.current().windows
    parts = (rel.replace("\\", "/") if windows else rel).split("/")
    if rel.startswith(_ABS_STARTS) or (windows and ":" in parts[0]) or ".." in parts:
        raise UndoError(f"journal names a path outside the root: {rel!r}; nothing was changed")
    return os.path.join(os.fspath(root), *parts)


def _check_record_path(rel: object, what: str) -> str:
    """A path the journal names must be a plain root-relative path outside the state folder: a
    journal edited to name the state folder, an absolute path or '..' is refused, nothing changed."""
    from fileagent.policies.paths import fold

    if not isinstance(rel, str) or not rel or "\x00" in rel:
        raise UndoError(f"journal record names no usable {what} ({rel!r}); nothing was changed")
    parts = (rel.replace("\\", "/") if os.name == "nt" else rel).split("/")
    if rel.startswith(_ABS_STARTS) or (os.name == "nt" and ":" in parts[0]) or ".." in parts or "" in parts:
        raise UndoError(f"journal names a path outside the root: {rel!r}; nothing was changed")
    if fold(parts[0]) == fold(jr.STATE_DIR):
        raise UndoError(f"journal names a path inside the agent's state folder: {rel!r}; nothing was changed")
    return rel


def verify_records(root: Path, j: jr.RunJournal, todo: list[tuple[Action, dict, str]]) -> None:
    """Before touching anything: every path the run's records name is inside the root and outside the
    state folder, every backup about to be put back still has the sha256 recorded when it was taken,
    and whatever a reversal would remove is still what the run made (same kind, same inode)."""
    if j.path.name != f"{j.run_id}.jsonl":
        raise UndoError(f"journal {j.path.name} names another run ({j.run_id!r}); nothing was changed")
    for a, rec, st in todo:
        for rel, what in ((a.src, "source"), (a.dst, "destination")):
            if rel is not None:
                _check_record_path(rel, what)
        for d in rec.get("made") or []:
            _check_record_path(d, "folder")
        if st == "before":
            continue
        bk, want = _bk(root, rec), rec.get("bk_sha256")
        restores = bk is not None and (a.kind == "delete" or st in ("after", "mid"))
        if bk is not None and restores and want and fsops.lexists(bk) and fsops.digest(bk) != want:
            raise UndoError(
                f"the backup of {_target_rel(a)} was changed since the run (sha256 differs from "
                "the one recorded); nothing was changed"
            )
        post = rec.get("post")
        if st == "after" and a.kind in ("copy", "write") and not bk and post is not None:
            now = fsops.fingerprint_of(_abs(root, _target_rel(a)))
            if now is not None and (now["dir"] != post.get("dir") or (post.get("ino") and now["ino"] != post["ino"])):
                raise UndoError(
                    f"{_target_rel(a)} is not what the run made (another item stands there); nothing was changed"
                )


def _bk(root: Path, rec: dict) -> str | None:
    b = rec.get("backup")
    return _abs(jr.state_dir(root) / "backups", b) if b else None


def _target_rel(a: Action) -> str | None:
    return a.src if a.kind in ("delete", "set_tags") else (a.dst or a.src)


def state_of(root: Path, a: Action, rec: dict) -> str:
    """'after', 'mid' (backup taken, act not done) or 'before'."""
    k = a.kind
    bk = _bk(root, rec)
    lex = fsops.lexists
    if k == "mkdir":
        return "after" if any(fsops.is_dir(_abs(root, d)) for d in rec.get("made") or []) else "before"
    if k == "set_tags":
        return (
            "after"
            if tagstore.index_tags(root, a.src or "") == list(a.tags or [])
            and rec.get("old_tags", []) != list(a.tags or [])
            else "before"
        )
    if k == "delete":
        return "after" if bk and lex(bk) and not lex(_abs(root, a.src)) else "before"
    t = _abs(root, _target_rel(a))
    if k == "move":
        s = _abs(root, a.src)
        if lex(t) and not lex(s):
            return "after"
        return "mid" if bk and lex(bk) and not lex(t) else "before"
    if bk:  # copy/write over an existing file
        if lex(bk):
            return "after" if lex(t) else "mid"
        return "before"
    if not lex(t):
        return "before"
    if k == "write" and rec.get("sha256") is None and a.content is not None:
        # intent without done: only content we wrote counts as ours
        import hashlib

        return "after" if fsops.sha256_file(t) == hashlib.sha256(a.content).hexdigest() else "before"
    return "after"


def changed_since(root: Path, a: Action, rec: dict) -> str | None:
    """Why undoing `a` (in state 'after') would clobber a later change, or None."""
    post = rec.get("post")
    if a.kind == "delete":
        return f"{a.src} exists again" if fsops.lexists(_abs(root, a.src)) else None
    if a.kind == "set_tags":
        return None if tagstore.index_tags(root, a.src or "") == list(a.tags or []) else f"tags of {a.src} changed"
    if a.kind == "move" and fsops.lexists(_abs(root, a.src)):
        return f"{a.src} exists again"
    if post is None:
        return None
    p = _abs(root, _target_rel(a))
    now = fsops.fingerprint_of(p)
    if now is None:
        return f"{_target_rel(a)} is gone"
    if now["dir"]:
        return None if now["ino"] == post["ino"] or not post.get("ino") else f"{_target_rel(a)} was replaced"
    if (now["size"], now["mtime_ns"]) != (post["size"], post["mtime_ns"]):
        # Touched since, but a written file whose bytes are again the ones the run wrote (an edit
        # saved and taken back) holds no later change to lose.
        ours = a.kind == "write" and rec.get("sha256") and now["size"] == post["size"] and fsops.is_regular(p)
        try:
            same = bool(ours) and fsops.sha256_file(p) == rec["sha256"]
        except OSError:
            same = False
        if not same:
            return f"{_target_rel(a)} was modified after the run"
    if rec.get("sha256") and a.kind == "write" and fsops.sha256_file(p) != rec["sha256"]:
        return f"{_target_rel(a)} content changed after the run"
    return None


def revert(root: Path, a: Action, rec: dict, state: str) -> None:
    """Put the before-state of `a` back, given its current state."""
    k = a.kind
    bk = _bk(root, rec)
    if state == "after":
        if k == "mkdir":
            pass  # its folders are in rec["made"], removed below
        elif k == "delete":
            fsops.restore(bk or "", _abs(root, a.src))
        elif k == "set_tags":
            tagstore.set_index_tags(root, a.src or "", rec.get("old_tags") or [])
        elif k == "move":
            fsops.restore(_abs(root, a.dst), _abs(root, a.src))
        else:  # copy / write: remove what we made
            t = _abs(root, _target_rel(a))
            fsops.remove_tree(t)
    if bk and k != "delete" and fsops.lexists(bk) and state in ("after", "mid"):
        fsops.restore(bk, _abs(root, _target_rel(a)))
    for d in reversed(rec.get("made") or []):
        _rmdir_if_empty(_abs(root, d))


def _rmdir_if_empty(path: str) -> bool:
    """Remove a folder the run created; one that holds files added since is kept (False)."""
    try:
        fsops.rmdir(path)
    except FileNotFoundError:
        pass
    except OSError:
        if fsops.is_dir(path) and fsops.listdir(path):
            return False
        raise
    return True


def _records(j: jr.RunJournal) -> list[tuple[Action, dict]]:
    """(action, merged intent+done record) for every action with an intent, in run order."""
    actions = {d["seq"]: _action(d) for d in j.header["changeset"]}
    out = []
    for seq in sorted(j.intents):
        a = actions.get(seq)
        if a is None:  # an output-only action (list/read) inside a group's seq range
            continue
        rec = {**j.intents[seq], **j.done.get(seq, {})}
        rec["made"] = list(rec.get("made") or []) + [d for m in j.made.get(seq, []) for d in m]
        target = a.dst or a.src or ""
        rec["backup"] = jr.backup_for(
            j.run_id, seq, a.kind, a.src, a.dst, a.overwrite, bool(a.expect.get(target) and a.expect[target].exists)
        )
        if seq in j.done and "post" not in rec and a.kind == "move" and a.src in a.expect:
            f = a.expect[a.src]  # a plain rename keeps the source's inode, size and mtime
            rec["post"] = {"size": f.size, "mtime_ns": f.mtime_ns, "ino": f.inode, "dir": f.is_dir}
        out.append((a, rec))
    return out


def _action(d: dict) -> Action:
    """An action from the journal header (expect fingerprints as [exists, is_dir, size, mtime_ns, inode])."""
    d = dict(d)
    exp = d.get("expect") or {}
    d["expect"] = {}
    a = Action.from_dict(d)
    a.expect = {p: Fingerprint(*v) if isinstance(v, list) else Fingerprint(**v) for p, v in exp.items()}
    return a


def _audit_undo(audit: AuditWriter | None, a: Action, rec: dict) -> None:
    if audit is not None:
        audit.add(
            time=jr.now_iso(),
            op="undo-" + op_word(a.kind),
            src=a.dst if a.kind in ("move", "copy") else a.src,
            dst=a.src if a.kind == "move" else None,
            backup=rec.get("backup"),
            result="undone",
        )


def rollback_actions(
    root: Path, completed: list[tuple[Action, dict]], jw: jr.JournalWriter, audit: AuditWriter | None, *, run_id: str
) -> int:
    """Reverse the completed actions of the running run, newest first. Returns how many."""
    n = 0
    for a, rec in reversed(completed):
        jw.write({"t": "undo-intent", "seq": a.seq})
        revert(root, a, rec, state_of(root, a, rec))
        jw.write({"t": "undo-done", "seq": a.seq})
        _audit_undo(audit, a, rec)
        n += 1
    jw.sync()
    _drop_backups(root, run_id)
    return n


def _drop_backups(root: Path, run_id: str) -> None:
    d = jr.backup_dir(root, run_id)
    if d.is_dir() and not any(f for _, _, f in os.walk(d)):
        shutil.rmtree(d, ignore_errors=True)


def _reverse(
    root: Path, j: jr.RunJournal, audit: AuditWriter | None, *, check: bool, report_n: list[int], sweep: bool = False
) -> None:
    recs = _records(j)
    todo = []
    for a, rec in reversed(recs):
        if a.seq in j.undo_done:
            report_n[1] += 1
            continue
        todo.append((a, rec, state_of(root, a, rec)))
    verify_records(root, j, todo)
    if check:
        last_touch: dict[str, int] = {}
        for a, _ in recs:
            for p in (a.src, a.dst):
                if p:
                    last_touch[p] = a.seq
        problems = []
        for a, rec, st in todo:
            t = _target_rel(a)
            if last_touch.get(t or "") != a.seq:
                continue  # a later action of the run moved/replaced it; that one is checked
            if st != "after" and a.seq in j.done and a.seq not in j.undo_intents and a.kind != "mkdir":
                problems.append(f"{t} changed since the run (it is not as the run left it)")
            elif st == "after" and (why := changed_since(root, a, rec)):
                problems.append(why)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise UndoError(f"cannot undo run {j.run_id}: {problems[0]}{more}; nothing was changed")
    if sweep:
        _sweep_temp_files(root, j)
    with jr.JournalWriter(j.path) as jw:
        for a, rec, _ in todo:
            st = state_of(root, a, rec)  # now: later actions of the run are already reversed
            jw.write({"t": "undo-intent", "seq": a.seq})
            if st != "before" or rec.get("made"):
                revert(root, a, rec, st)
                _audit_undo(audit, a, rec)
            jw.write({"t": "undo-done", "seq": a.seq})
            report_n[0] += st != "before"
        jw.write({"t": "undo-end", "status": "undone", "time": jr.now_iso()})
    _drop_backups(root, j.run_id)


def to_reverse(root: Path, run_id: str) -> list[Action]:
    """The actions of a run that undo or recover would reverse now (in effect on disk), newest first."""
    try:
        j = jr.read_journal(jr.journal_path(root, run_id))
    except jr.BadJournal:
        return []  # recover reports it and passes it over
    try:
        return [
            a for a, rec in reversed(_records(j)) if a.seq not in j.undo_done and state_of(root, a, rec) != "before"
        ]
    except UndoError:  # records that fail verification: recover reports them and touches nothing
        return []


def run_header(root: Path, run_id: str) -> dict:
    """A run's journal header (request, plan, time, user), or {} when it cannot be read."""
    try:
        return jr.read_journal(jr.journal_path(root, run_id)).header
    except (OSError, ValueError, jr.ActionError):
        return {}


def last_undoable(root: Path) -> str | None:
    """The newest finished run not undone; journals that hold no readable run are passed over (recover
    reports them), so one bad file never blocks undoing the others."""
    for run in reversed(jr.list_runs(root)):
        try:
            j = jr.read_journal(jr.journal_path(root, run))
        except jr.BadJournal:
            continue
        if j.finished and not j.undone and (j.end or {}).get("status") != "rolled_back" and j.done:
            return run
    return None


def check_undoable(j: jr.RunJournal) -> None:
    """UndoError unless the run finished, was not rolled back and is not undone already."""
    if not j.finished:
        raise UndoError(f"run {j.run_id} did not finish (interrupted); run 'fileagent recover' first")
    if j.undone:
        raise UndoError(f"run {j.run_id} is already undone")
    if (j.end or {}).get("status") == "rolled_back":
        raise UndoError(f"run {j.run_id} was rolled back when it failed; nothing to undo")


def undo(
    root: Path, run_id: str | None = None, *, audit_path: Path | None = None, keyring: object | None = None
) -> UndoReport:
    root = Path(os.path.realpath(root))
    with jr.RootLock(root):
        fsops.anchor(os.path.realpath(root))
        run_id = run_id or last_undoable(root)
        if run_id is None:
            raise UndoError("nothing to undo: every finished run of this root is undone already")
        path = jr.journal_path(root, run_id)
        if "/" in run_id or "\\" in run_id or run_id in (".", "..") or run_id not in jr.list_runs(root):
            raise UndoError(f"no run {run_id!r} in {jr.journal_dir(root)}")
        j = jr.read_journal(path)
        check_undoable(j)
        audit = AuditWriter(audit_path, run=run_id, user=jr.current_user(), keyring=keyring) if audit_path else None  # type: ignore[arg-type]
        n = [0, 0]
        _reverse(root, j, audit, check=not j.undo_started(), report_n=n)
        if audit is not None:
            audit.flush()
    return UndoReport(run_id=run_id, undone=n[0], already=n[1])


def recover(root: Path, *, audit_path: Path | None = None, keyring: object | None = None) -> RecoverReport:
    """Roll back every run with no end record; finish every interrupted undo."""
    root = Path(os.path.realpath(root))
    report = RecoverReport()
    with jr.RootLock(root):
        fsops.anchor(os.fspath(root))
        for run in jr.list_runs(root):
            try:
                j = jr.read_journal(jr.journal_path(root, run))
            except jr.BadJournal as bad:
                # reported and passed over; one holding no run at all (a crash before its header was
                # written) is moved aside so it is not reported again
                note = str(bad)
                if bad.empty:
                    try:
                        note += f"; moved to {jr.quarantine(root, run)}"
                    except OSError:
                        pass
                report.notes.append(note)
                continue
            audit = AuditWriter(audit_path, run=run, user=jr.current_user(), keyring=keyring) if audit_path else None  # type: ignore[arg-type]
            n = [0, 0]
            if not j.finished:
                try:
                    _reverse(root, j, audit, check=False, report_n=n, sweep=True)
                except UndoError as e:  # its records failed verification: nothing of it touched
                    report.notes.append(f"run {run}: {e}")
                    continue
                with jr.JournalWriter(j.path) as jw:
                    jw.write({"t": "end", "status": "rolled_back", "recovered": True, "time": jr.now_iso()})
                report.rolled_back[run] = n[0]
            elif j.undo_started() and not j.undone:
                try:
                    _reverse(root, j, audit, check=False, report_n=n)
                except UndoError as e:
                    report.notes.append(f"run {run}: {e}")
                    continue
                report.finished_undo.append(run)
            if audit is not None:
                audit.flush()
    return report


def _sweep_temp_files(root: Path, j: jr.RunJournal) -> None:
    folders = {os.path.dirname(_abs(root, d.get("dst") or d.get("src"))) for d in j.header["changeset"]}
    for folder in folders:
        fsops.sweep_temp_files(folder)

"""What each API route does, as plain calls on one `WebService` (no HTTP here).

Every step is the engine's, composed as the command line composes it: `open_session` (config,
root, Guard), the planner's `plan_request` or `load_plan_checked` for a plan document,
`compile_in`, `preview_document` (the `apply --json` document), `execute`, and the history's undo,
recover and audit functions. The one thing the page adds is a choice of actions, closed under
their dependencies by `engine.subset.select` and run as `subset` with the whole preview's
fingerprints checked (`execute(..., previewed=)`), so a tree changed since the preview stops the
run before anything changes, as in the command line.

A preview lives in memory until it is run (once) or pushed out by newer ones; its id is random.
One lock serialises the calls that read or change the tree, so two clicks never race each other
(the root's own lock still keeps other processes out).
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fileagent.agent.engine.changeset import ChangeSet
from fileagent.agent.engine.session import (
    Session,
    check_conflict,
    compile_in,
    open_session,
)
from fileagent.errors import FileAgentError, UndoError

MAX_PREVIEWS = 16


class NotFound(FileAgentError):
    """An unknown or used preview, an unknown run."""


@dataclass
class Preview:
    plan: Any
    changeset: ChangeSet
    deps: dict[int, list[int]]
    request: str | None
    used: bool = False


class WebService:
    def __init__(self, root: str | None, config: str | None, env: Mapping[str, str]):
        self.session: Session = open_session(root, config, env)
        self.previews: OrderedDict[str, Preview] = OrderedDict()
        self.lock = threading.Lock()

    # ------------------------------------------------------------------ plan / select / run

    def plan(
        self,
        *,
        request: str | None = None,
        plan: dict | None = None,
        on_conflict: str | None = None,
    ) -> dict:
        s = self.session
        check_conflict(on_conflict)
        with self.lock:
            if request is not None:
                from fileagent.agent.planner.planner import plan_request

                p, cs = plan_request(
                    request,
                    root=s.root,
                    compile=lambda x: compile_in(s, x, on_conflict),
                )
            else:
                from fileagent.agent.plan.io import load_plan_checked

                p = load_plan_checked(plan)
                cs = compile_in(s, p, on_conflict)
            from fileagent.agent.engine.subset import dependencies

            preview = Preview(plan=p, changeset=cs, deps=dependencies(cs.actions), request=request)
            pid = secrets.token_urlsafe(16)
            self.previews[pid] = preview
            while len(self.previews) > MAX_PREVIEWS:
                self.previews.popitem(last=False)
        return self._document(preview, pid)

    def _document(self, preview: Preview, pid: str) -> dict:
        from fileagent.agent.engine.preview import preview_document

        doc = preview_document(preview.plan, preview.changeset)
        from fileagent.agent.engine.reading import read_back
        from fileagent.agent.plan.language import language_of

        # The plan in words, as `fileagent apply --json` / `run --json` give it: one line per step,
        # in the request's language, with counts from the ChangeSet.
        doc["reading"] = read_back(preview.plan, preview.changeset, language_of(preview.request))
        doc["request"] = preview.request
        doc["depends_on"] = {str(k): v for k, v in preview.deps.items() if v}
        doc["preview_id"] = pid
        return doc

    def _preview(self, pid: str) -> Preview:
        p = self.previews.get(pid)
        if p is None or p.used:
            raise NotFound(
                f"no preview {pid!r}: it is unknown, was run already, or was replaced by newer ones; plan again"
            )
        return p

    def _select(self, p: Preview, actions: list[int]) -> Any:
        from fileagent.agent.engine.subset import select

        sel = select(p.changeset, actions, p.deps)
        if sel.unknown:
            from fileagent.errors import UsageError

            raise UsageError(f"the preview has no action {', '.join(map(str, sel.unknown))}")
        return sel

    def select(self, pid: str, actions: list[int]) -> dict:
        with self.lock:
            return self._select(self._preview(pid), actions).to_dict()

    def run(self, pid: str, actions: list[int]) -> dict:
        from fileagent.agent.engine.executor import execute
        from fileagent.agent.engine.subset import subset

        s = self.session
        with self.lock:
            p = self._preview(pid)
            sel = self._select(p, actions)
            p.used = True  # whatever happens next, this preview does not run again
            doc = self._document(p, pid)
            doc["selection"] = sel.to_dict()
            try:
                report = execute(
                    subset(p.changeset, sel.run),
                    root=s.root,
                    guard=s.guard,
                    config=s.loaded,
                    audit_path=s.audit_path,
                    keyring=s.keyring,
                    plan=p.plan.to_dict(),
                    previewed=p.changeset,
                    progress=False,
                    request=p.request,
                )
            except FileAgentError as e:
                rep = e.context.get("report")  # an action failed: rolled back (or not), reported
                if rep is None:
                    raise
                doc["result"] = rep.to_dict()
                doc["error"] = error_body(e)
                return doc
            doc["result"] = report.to_dict()
            if report.failures:
                doc["error"] = {
                    "class": "action",
                    "exit_code": 1,
                    "message": f"{len(report.failures)} action(s) failed; the rest were done",
                }
            return doc

    # ------------------------------------------------------------------ runs / undo / recover

    def runs(self) -> dict:
        from fileagent.agent.history.audit import read_entries
        from fileagent.agent.history.runs import run_summaries

        runs = run_summaries(self.session.root)
        # The words typed for a run are in its audit header entry (op "run"), whichever front end ran it.
        asked = {
            e.get("run"): e.get("request")
            for e in read_entries(self.session.audit_path)
            if e.get("op") == "run" and e.get("request")
        }
        for r in runs:
            r["request"] = r.get("request") or asked.get(r["run"])
        return {
            "runs": runs,
            "interrupted": [r["run"] for r in runs if r["status"] in ("interrupted", "undo interrupted")],
        }

    def undo(self, run: str, confirm: bool) -> dict:
        from fileagent.agent.history.runs import undo_preview

        s = self.session
        with self.lock:
            try:
                preview = undo_preview(s.root, run)
            except UndoError as e:
                if str(e).startswith("no run "):
                    raise NotFound(str(e)) from None
                raise
            if not confirm:
                return {"confirmed": False, **preview}
            from fileagent.agent.history.undo import undo

            rep = undo(s.root, run, audit_path=s.audit_path, keyring=s.keyring)
            return {"confirmed": True, **preview, "result": rep.to_dict()}

    def recover(self) -> dict:
        from fileagent.agent.history.undo import recover

        with self.lock:
            return recover(
                self.session.root, audit_path=self.session.audit_path, keyring=self.session.keyring
            ).to_dict()

    # ------------------------------------------------------------------ audit log

    def log(self, *, run: str | None, op: str | None, since: str | None, failed: bool) -> dict:
        from fileagent.agent.history.audit import filter_entries, read_entries

        entries = read_entries(self.session.audit_path)
        return {
            "entries": filter_entries(entries, run=run, op=op, since=since, failed=failed),
            "total": len(entries),
        }

    def verify(self) -> dict:
        from fileagent.agent.history.audit import verify
        from fileagent.agent.history.auditkey import load_keyring

        path = self.session.audit_path
        ok, bad, msg = verify(path, load_keyring(self.session.loaded.key_path(), create=False))
        return {"ok": ok, "first_bad_seq": bad, "message": msg, "path": str(path)}

    def status(self) -> dict:
        from fileagent.agent.history.runs import interrupted_runs

        return {
            "root": str(self.session.root),
            "interrupted": interrupted_runs(self.session.root),
        }


_CLASS = (
    ("StaleError", "stale"),
    ("UndoError", "undo"),
    ("NotFound", "not_found"),
    ("NoPlannerError", "no_plan"),
    ("PlanError", "no_plan"),
    ("PolicyError", "refused"),
    ("ConfigError", "usage"),
    ("UsageError", "usage"),
    ("ActionError", "action"),
)


def error_class(e: BaseException) -> str:
    names = {c.__name__ for c in type(e).__mro__}
    return next((c for n, c in _CLASS if n in names), "error")


def error_body(e: BaseException) -> dict:
    code = int(getattr(e, "exit_status", 1))
    return {
        "class": error_class(e),
        "message": " ".join(str(e).split()),
        "exit_code": code,
    }

"""One batch: a saved rule applied to some items, as a normal run of the engine.

    apply_rule(session, rule, scope, apply=...) -> BatchResult

The same path as `fileagent apply`: compile (every path through the Guard), preview, then the
executor (journal, backups, audit, undoable). `scope` holds the root-relative paths that arrived
(None: the whole root, for `watch --once`); selections take nothing else, and matching nothing is
no error. A rule whose changes need confirmation under the config (`dry_run_default`, or an op in
`require_confirm_for`) runs only with --yes; without it the batch is previewed, never executed.

`session` is anything with `root`, `guard`, `loaded` (the loaded config) and `audit_path`.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, TextIO

from fileagent.agent.engine.changeset import ChangeSet
from fileagent.agent.engine.compiler import compile_plan
from fileagent.agent.engine.executor import execute, needs_confirmation
from fileagent.watch.rules import Rule


@dataclass
class BatchResult:
    rule: str
    status: str  # done | preview | nothing
    counts: dict[str, int] = field(default_factory=dict)
    run_id: str | None = None
    produced: list[str] = field(default_factory=list)  # root-relative paths the run wrote or moved into

    def summary(self) -> str:
        counts = ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items())) or "nothing"
        if self.status == "preview":
            return f"rule {self.rule}: would do {counts} (preview only; --yes applies)"
        if self.status == "nothing":
            return f"rule {self.rule}: nothing to do"
        return f"rule {self.rule}: {counts}; run {self.run_id}"


def compile_rule(session: Any, plan: Any, scope: Collection[str] | None) -> ChangeSet:
    return compile_plan(
        plan, root=session.root, config=session.loaded.config, guard=session.guard, scope=scope, allow_empty=True
    )


def apply_rule(
    session: Any,
    rule: Rule,
    scope: Collection[str] | None,
    *,
    apply: bool,
    preview_to: TextIO | None = None,
    no_color: bool = False,
) -> BatchResult:
    """Compile and, when allowed, execute. Errors propagate: PolicyError, PlanError, ActionError
    (a failed action rolled back), StaleError (the items changed again since the compile)."""
    cs = compile_rule(session, rule.plan, scope)
    actions = cs.mutating_actions
    if not actions:
        return BatchResult(rule.name, "nothing")
    if preview_to is not None:
        from fileagent.agent.engine.preview import render
        from fileagent.agent.engine.reading import read_back
        from fileagent.agent.plan.language import language_of

        lang = language_of(rule.request) if rule.request else "en"
        render(rule.plan, cs, file=preview_to, no_color=no_color, reading=read_back(rule.plan, cs, lang), lang=lang)
    counts: dict[str, int] = {}
    for a in actions:
        counts[a.kind] = counts.get(a.kind, 0) + 1
    if not apply and needs_confirmation(session.loaded.config.agent, rule.plan, cs):
        return BatchResult(rule.name, "preview", counts)
    report = execute(
        cs,
        root=session.root,
        guard=session.guard,
        config=session.loaded,
        audit_path=session.audit_path,
        plan=rule.plan.to_dict(),
        request=rule.request,
        rule=rule.name,
        progress=False,
    )
    produced = [a.src if a.kind == "set_tags" else a.dst for a in actions]
    return BatchResult(rule.name, "done", dict(report.counts), report.run_id, [p for p in produced if p])


def fingerprint(path: str) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of a path (not followed), or None when it is gone."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino

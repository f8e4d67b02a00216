"""Saved rules: one plain JSON file per rule in ROOT/.fileagent/rules/NAME.json.

    {"version": 1, "name": "pdfs", "request": "move pdf files in downloads to docs" | null,
     "plan": {...a plan...}, "created": "2026-12-07T05:00:00.000Z", "paused": false}

People may read and edit these files; every load checks the plan against the plan schema again,
so a hand edit that breaks a rule is reported for that rule alone (RuleError) and the others keep
working. Writes are atomic (a temp file renamed over the old one).

A rule acts on the files that arrive, so `check_rule` refuses what could never work that way: a
plan that changes nothing, a `create` step (it would make a new file on every batch), and a
selection that names a denied kind of file (every match would be refused). Everything else the
Guard checks is checked by compiling the plan, as any run does.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fileagent.agent.history import journal as jr
from fileagent.agent.plan.model import Plan
from fileagent.errors import FileAgentError, PlanError, PolicyError, UsageError
from fileagent.policies.paths import fold
from fileagent.tools.fs import fsops

RULE_VERSION = 1
RULES_DIR = "rules"
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# Names Windows reserves for devices: a rule file must open on every platform.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
CHANGING_OPS = {"update", "delete", "move", "copy", "rename", "classify", "tag", "archive", "extract"}


class RuleError(PlanError):
    """A rule file that does not load (bad JSON, wrong fields, a plan the schema rejects)."""


@dataclass
class Rule:
    name: str
    request: str | None
    plan: Plan
    created: str
    paused: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": RULE_VERSION,
            "name": self.name,
            "request": self.request,
            "plan": self.plan.to_dict(),
            "created": self.created,
            "paused": self.paused,
        }

    @classmethod
    def from_dict(cls, d: Any, *, where: str) -> Rule:
        if not isinstance(d, dict):
            raise RuleError(f"{where}: a rule is a JSON object")
        keys = {"version", "name", "request", "plan", "created", "paused"}
        if set(d) != keys:
            missing, extra = sorted(keys - set(d)), sorted(set(d) - keys)
            raise RuleError(
                f"{where}: "
                + "; ".join(
                    ([f"missing {', '.join(missing)}"] if missing else [])
                    + ([f"unknown {', '.join(extra)}"] if extra else [])
                )
            )
        if d["version"] != RULE_VERSION:
            raise RuleError(f"{where}: rule version {d['version']!r} is not supported (this program reads 1)")
        if (
            not isinstance(d["name"], str)
            or not isinstance(d["created"], str)
            or not isinstance(d["paused"], bool)
            or not (d["request"] is None or isinstance(d["request"], str))
        ):
            raise RuleError(f"{where}: name and created are text, request text or null, paused true or false")
        try:
            plan = Plan.from_dict(d["plan"])
        except PlanError as e:
            raise RuleError(f"{where}: {e}") from None
        return cls(name=d["name"], request=d["request"], plan=plan, created=d["created"], paused=d["paused"])


def check_name(name: str) -> str:
    if not NAME_RE.fullmatch(name) or name.split(".")[0].lower() in _RESERVED:
        raise UsageError(
            f"rule name {name!r}: use 1-64 letters, digits, '.', '_' or '-', starting with a "
            "letter or digit (and not a device name such as 'con')"
        )
    return name


class RuleStore:
    """The rule files of one root."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.dir = jr.state_dir(self.root) / RULES_DIR

    def path(self, name: str) -> Path:
        return self.dir / f"{check_name(name)}.json"

    def names(self) -> list[str]:
        try:
            files = os.listdir(self.dir)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(f[:-5] for f in files if f.endswith(".json") and NAME_RE.fullmatch(f[:-5]))

    def find(self, name: str) -> str | None:
        """The stored name equal to `name` ignoring case (names must differ in more than case: rule
        files live on case-insensitive filesystems too), or None."""
        want = name.casefold()
        return next((n for n in self.names() if n.casefold() == want), None)

    def load(self, name: str) -> Rule:
        found = self.find(check_name(name))
        if found is None:
            raise UsageError(f"no rule named {name!r} in {self.dir}")
        p = self.path(found)
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise RuleError(f"rule {found}: cannot read {p}: {e}") from None
        except json.JSONDecodeError as e:
            raise RuleError(f"rule {found}: {p} is not valid JSON: {e.msg} at line {e.lineno}") from None
        rule = Rule.from_dict(d, where=f"rule {found} ({p})")
        if rule.name != found:
            raise RuleError(f"rule {found}: its file names it {rule.name!r}; the name must match the file name")
        return rule

    def load_all(self) -> tuple[list[Rule], list[tuple[str, FileAgentError]]]:
        """(rules that load, (name, error) for each that does not)."""
        rules, errors = [], []
        for n in self.names():
            try:
                rules.append(self.load(n))
            except FileAgentError as e:
                errors.append((n, e))
        return rules, errors

    def save(self, rule: Rule, *, new: bool = False) -> Path:
        check_name(rule.name)
        if new and self.find(rule.name) is not None:
            raise UsageError(
                f"a rule named {self.find(rule.name)!r} exists already; remove it first "
                f"(fileagent rule remove {rule.name})"
            )
        jr.check_state_dir(self.root)
        if self.dir.is_symlink():
            raise PolicyError(f"{self.dir} is a symbolic link: refusing to keep rules there")
        self.dir.mkdir(parents=True, exist_ok=True)
        p = self.path(rule.name)
        text = json.dumps(rule.to_dict(), ensure_ascii=False, indent=2) + "\n"
        fsops.atomic_write(os.fspath(p), text.encode("utf-8"))
        return p

    def remove(self, name: str) -> Path:
        found = self.find(check_name(name))
        if found is None:
            raise UsageError(f"no rule named {name!r} in {self.dir}")
        p = self.path(found)
        p.unlink()
        return p

    def set_paused(self, name: str, paused: bool) -> Rule:
        rule = self.load(name)
        rule.paused = paused
        self.save(rule)
        return rule


def new_rule(name: str, request: str | None, plan: Plan) -> Rule:
    return Rule(name=check_name(name), request=request, plan=plan, created=jr.now_iso(), paused=False)


def check_rule(plan: Plan, guard: Any) -> None:
    """Refuse what a rule cannot be (see the module docstring): PlanError (exit 4) or PolicyError (exit 3)."""
    ops = [s.op for s in plan.steps]
    if "create" in ops:
        raise PlanError("a rule cannot hold a create step: it would make a new file on every batch")
    if not CHANGING_OPS & set(ops):
        raise PlanError(
            "a rule must change something (move, copy, rename, classify, tag, update, delete, archive or extract)"
        )
    for n, step in enumerate(plan.steps, start=1):
        sel = getattr(step, "select", None)
        if sel is None or sel.path is not None:
            continue
        folder = guard.rel(guard.resolve(sel.in_ or ".", step=n, op=step.op))
        folder = "" if folder == "." else folder
        last = (sel.pattern or "*").replace("\\", "/").rstrip("/").rpartition("/")[2] or "*"
        names = [last]
        if sel.filters is not None and sel.filters.ext:
            stem = last.rsplit(".", 1)[0] if "." in last else last
            names = [f"{stem}.{e.lower().lstrip('.')}" for e in sel.filters.ext]
        for name in names:
            pat = guard.entry_denied(fold(folder), name)
            if pat:
                raise PolicyError(
                    f"{step.op}: the files it selects ({name!r}) match deny pattern {pat!r}; "
                    "a rule may not act on them",
                    step=n,
                )

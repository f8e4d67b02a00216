"""The session a front end works in: the loaded config, the sandbox root and its Guard, the audit
log's path; and the compile step every front end (command line, web page) runs through it.

Quick to import: the config loader, the Guard and the compiler are imported inside the functions,
because the command line's fast path imports this module on every start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fileagent.errors import UsageError

CONFLICT_POLICIES = ("rename_new", "skip", "overwrite")


@dataclass
class Session:
    loaded: Any  # config.loader.LoadedConfig
    root: Path  # the Guard's resolved root
    guard: Any  # policies.guard.Guard
    audit_path: Path
    config_arg: str | None = None  # the --config given, for commands the output tells the user to run
    _keyring: Any = None

    @property
    def keyring(self) -> Any:
        """The audit chain's key (created on first use, 0600, in the user's state folder)."""
        if self._keyring is None:
            from fileagent.agent.history.auditkey import load_keyring

            self._keyring = load_keyring(self.loaded.key_path(), create=True)
        return self._keyring


def open_session(root: str | None, config: str | None, env: Mapping[str, str]) -> Session:
    """Load the config (explicit file, else the lookup order over `env`), resolve the root, build the
    Guard; the audit log, its head, its key and anchors and the config in use are hidden from every
    operation, and a log_path that is not a regular file is a config error."""
    from fileagent.config.loader import load_config
    from fileagent.policies.guard import Guard

    loaded = load_config(Path(config) if config else None, env=env)
    root_path = loaded.root(root)
    audit_path = loaded.checked_log_path()
    guard = Guard.from_config(
        loaded.config, root_path, extra_hidden=loaded.protected_paths(), env=env
    )  # env: $NAME, %NAME%, ~
    return Session(loaded=loaded, root=guard.root, guard=guard, audit_path=audit_path, config_arg=config)


def check_conflict(value: str | None) -> str | None:
    if value is not None and value not in CONFLICT_POLICIES:
        raise UsageError(f"--on-conflict must be rename_new, skip or overwrite, not {value!r}")
    return value


def compile_in(s: Session, plan: Any, on_conflict: str | None) -> Any:
    """The plan's ChangeSet against the session's tree; PolicyError / PlanError change nothing."""
    from fileagent.agent.engine.compiler import compile_plan

    return compile_plan(
        plan,
        root=s.root,
        config=s.loaded.config,
        guard=s.guard,
        on_conflict=on_conflict,
    )

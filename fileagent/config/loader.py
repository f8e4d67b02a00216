"""config.yaml: the settings (plain dataclasses), where the file is looked up, and one-line errors.

Lookup order (the first that exists wins): an explicit path (--config), then
$FILEAGENT_CONFIG, then the user config dir, then the default shipped in the
package. An explicit path or $FILEAGENT_CONFIG that does not exist is an error,
not a fall-through: a typo must not silently run with other settings.

Unsafe settings are refused up front rather than honoured half-way
(backup_before_delete: false would make undo impossible).
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from fileagent.config.schema import SchemaError, build
from fileagent.errors import ConfigError, UsageError

PACKAGED_CONFIG = Path(__file__).with_name("config.yaml")
# libyaml's safe loader when PyYAML was built with it: the same documents, ~25x faster (8 ms -> 0.3 ms
# for the packaged config, on every command)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
APP = "fileagent"

# The plan ops (kept equal to fileagent.agent.plan.model.OPS by a test; config imports nothing of the project).
Op = Literal["list", "read", "create", "update", "delete", "move", "copy", "rename", "classify", "tag"]
ALL_OPS: tuple[Op, ...] = ("list", "read", "create", "update", "delete", "move", "copy", "rename", "classify", "tag")

DEFAULT_DENY: tuple[str, ...] = (
    "/etc/**",
    "/bin/**",
    "/sbin/**",
    "/usr/**",
    "/boot/**",
    "/dev/**",
    "/proc/**",
    "/sys/**",
    "/var/**",
    "/lib/**",
    "/lib64/**",
    "/System/**",
    "/Library/**",
    "/private/etc/**",
    "~/Library/**",
    "C:/Windows/**",
    "C:/Program Files/**",
    "C:/Program Files (x86)/**",
    "C:/ProgramData/**",
    "**/*.sys",
    "*.dll",
    "*.so",
    "*.dylib",
    "*.exe",
    "*.bat",
    "*.sh",
)


def _backups_required(v: bool) -> None:
    if not v:
        raise ValueError(
            "false is not supported: undo and rollback restore deleted and overwritten "
            "files from these backups (kept in ROOT/.fileagent, a rename, no copy); "
            "remove the key or set it to true"
        )


def _known_encoding(v: str) -> None:
    try:
        info = codecs.lookup(v)
    except LookupError:
        raise ValueError(f"unknown text encoding {v!r}") from None
    # rot13, base64, zlib... are codecs but not text encodings: str.encode refuses them later
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{v!r} is not a text encoding (bytes <-> text)")


# Field rules (ge, min_length, check) are read by schema.py; see there.
@dataclass(kw_only=True)
class AgentConfig:
    root: str = "."
    allow_ops: list[Op] = field(default_factory=lambda: list(ALL_OPS))
    deny_patterns: list[str] = field(default_factory=lambda: list(DEFAULT_DENY))
    dry_run_default: bool = True
    require_confirm_for: list[Op] = field(default_factory=lambda: ["delete", "update", "move", "rename"])
    backup_before_delete: bool = field(default=True, metadata={"check": _backups_required})
    log_path: str | None = "logs/audit.jsonl"
    max_batch: int = field(default=10000, metadata={"ge": 1})
    encoding: str = field(default="utf-8", metadata={"check": _known_encoding})
    on_conflict: Literal["rename_new", "skip", "overwrite"] = "rename_new"
    on_error: Literal["rollback", "continue"] = "rollback"
    gc_keep_days: int = field(default=30, metadata={"ge": 0})
    gc_keep_runs: int = field(default=20, metadata={"ge": 0})


@dataclass(kw_only=True)
class KeywordRuleConfig:
    keywords: list[str] = field(metadata={"min_length": 1})
    folder: str


@dataclass(kw_only=True)
class RuleSet:
    rules: list[KeywordRuleConfig]
    # A file no rule catches goes into `default`, or is sorted by `rest_by` (its type family or its
    # extension); with neither it stays where it is.
    default: str | None = None
    rest_by: Literal["type", "extension"] | None = None

    def __post_init__(self) -> None:
        if self.default is not None and self.rest_by is not None:
            raise ValueError("give either default (one folder for the rest) or rest_by, not both")


def _topics() -> dict[str, RuleSet]:
    return {
        "topics": RuleSet(
            rules=[
                KeywordRuleConfig(keywords=["architecture", "架构", "design"], folder="architecture"),
                KeywordRuleConfig(keywords=["API", "endpoint", "接口"], folder="api"),
            ],
            rest_by="type",
        )
    }


@dataclass(kw_only=True)
class ClassifyConfig:
    default_rule_set: str = "topics"
    rule_sets: dict[str, RuleSet] = field(default_factory=_topics)

    def __post_init__(self) -> None:
        if self.default_rule_set not in self.rule_sets:
            raise ValueError(
                f"default_rule_set {self.default_rule_set!r} is not one of rule_sets "
                f"({', '.join(sorted(self.rule_sets)) or 'none defined'})"
            )


@dataclass(kw_only=True)
class Config:
    agent: AgentConfig = field(default_factory=AgentConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)

    @classmethod
    def from_dict(cls, data: Any) -> Config:
        """Plain data (parsed YAML) validated into a Config; SchemaError (a ValueError) lists every
        problem with its key path."""
        return build(cls, data)


# ------------------------------------------------------------------ places


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())


def user_config_dir(env: Mapping[str, str], platform: str = sys.platform) -> Path:
    if platform.startswith("win"):
        base = env.get("APPDATA")
        return Path(base, APP) if base else _home(env) / "AppData" / "Roaming" / APP
    if platform == "darwin":
        return _home(env) / "Library" / "Application Support" / APP
    xdg = env.get("XDG_CONFIG_HOME")
    return Path(xdg, APP) if xdg else _home(env) / ".config" / APP


def user_state_dir(env: Mapping[str, str], platform: str = sys.platform) -> Path:
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA")
        return Path(base, APP) if base else _home(env) / "AppData" / "Local" / APP
    if platform == "darwin":
        return _home(env) / "Library" / "Logs" / APP
    xdg = env.get("XDG_STATE_HOME")
    return Path(xdg, APP) if xdg else _home(env) / ".local" / "state" / APP


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    source: Path
    is_packaged_default: bool
    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    platform: str = sys.platform

    def _expand(self, p: str) -> str:
        if p == "~" or p.startswith(("~/", "~\\")):
            return str(_home(self.env)) + p[1:]
        return p

    def log_path(self) -> Path:
        """The audit log file. Relative paths resolve against the config file's folder; for the
        packaged default (whose folder is inside site-packages) against the user state dir.
        log_path: null means the user state dir's audit.jsonl."""
        state = user_state_dir(self.env, self.platform)
        raw = self.config.agent.log_path
        if raw is None:
            return state / "audit.jsonl"
        p = Path(self._expand(raw))
        if p.is_absolute():
            return p
        base = state if self.is_packaged_default else self.source.parent
        return base / p

    def checked_log_path(self) -> Path:
        """log_path(), which must name a regular file (or one not made yet, in a folder): a device
        (/dev/null, /dev/full), a FIFO or a folder is a config error, so no run starts that cannot
        be logged."""
        p = self.log_path()
        where = f"{self.source}: agent.log_path"
        try:
            st = os.stat(p)
        except FileNotFoundError:
            parent = p.parent
            while not parent.exists() and parent != parent.parent:
                parent = parent.parent
            if not parent.is_dir():
                raise ConfigError(
                    f"{where}: {p} cannot be made ({parent} is not a folder)", path=str(self.source)
                ) from None
            return p
        except OSError as e:
            raise ConfigError(f"{where}: {p}: {e.strerror}", path=str(self.source)) from None
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "a device, FIFO or socket"
            raise ConfigError(f"{where}: {p} is {what}, not a regular file for the audit log", path=str(self.source))
        return p

    def key_path(self) -> Path:
        """The secret that keys the audit chain: in the user's state folder, never next to the log."""
        return user_state_dir(self.env, self.platform) / "audit.key"

    def protected_paths(self) -> list[Path]:
        """What no plan may read, change, move or remove, wherever it sits (the home folder as the
        root included): the audit log and its head, the user state folder (the key and the anchors),
        the config file in use and the user config file (creating one would change the next run's
        settings)."""
        log = self.log_path()
        out = [
            log,
            log.with_name(log.name + ".head"),
            self.key_path().parent,
            user_config_dir(self.env, self.platform) / "config.yaml",
        ]
        if not self.is_packaged_default:
            out.append(self.source)
        return out

    def root(self, override: str | None = None) -> Path:
        """The sandbox root: --root if given, else agent.root (relative: against the current dir).
        Raises UsageError when it is not an existing folder."""
        raw = override if override is not None else self._expand(self.config.agent.root)
        p = Path(os.path.abspath(raw))
        if not p.is_dir():
            where = "--root" if override is not None else f"{self.source}: agent.root"
            raise UsageError(f"{where}: {raw!r} is not an existing folder")
        return p


# ------------------------------------------------------------------ loading


def parse_config_text(text: str, source: Path) -> Config:
    """Parse and validate YAML text; every problem is a one-line ConfigError naming source and key."""
    try:
        data: Any = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = " ".join(str(x) for x in (e.context, e.problem) if x)
        raise ConfigError(f"{source}: {where}YAML syntax error: {problem}", path=str(source)) from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{source}: YAML error: {' '.join(str(e).split())}", path=str(source)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{source}: (top level): expected a mapping with 'agent' and 'classify', got {type(data).__name__}",
            path=str(source),
        )
    try:
        return Config.from_dict(data)
    except SchemaError as e:  # "agent.max_batch: ...; agent.colour: unknown key"
        raise ConfigError(f"{source}: {e}", path=str(source)) from None


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found ({what})", path=str(path)) from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a config file ({what})", path=str(path)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text (byte {e.start}) ({what})", path=str(path)) from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror}) ({what})", path=str(path)) from None


def find_config(path: Path | None, env: Mapping[str, str], platform: str = sys.platform) -> tuple[Path, str]:
    """(file, how it was found). Explicit choices that do not exist are reported by the reader."""
    if path is not None:
        return Path(path), "--config"
    if env.get("FILEAGENT_CONFIG"):
        return Path(env["FILEAGENT_CONFIG"]), "$FILEAGENT_CONFIG"
    user = user_config_dir(env, platform) / "config.yaml"
    if user.is_file():
        return user, "user config"
    return PACKAGED_CONFIG, "packaged default"


def load_config(
    path: Path | None = None, *, env: Mapping[str, str] | None = None, platform: str | None = None
) -> LoadedConfig:
    env = dict(os.environ if env is None else env)
    platform = platform or sys.platform
    source, how = find_config(path, env, platform)
    config = parse_config_text(_read(source, how), source)
    return LoadedConfig(
        config=config,
        source=source.absolute(),
        is_packaged_default=how == "packaged default",
        env=env,
        platform=platform,
    )

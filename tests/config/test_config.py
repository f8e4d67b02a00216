from __future__ import annotations

from pathlib import Path

import pytest

from fileagent.agent.plan.model import OPS
from fileagent.config.loader import (
    ALL_OPS,
    PACKAGED_CONFIG,
    Config,
    load_config,
    user_config_dir,
    user_state_dir,
)
from fileagent.errors import ConfigError, ExitStatus, UsageError

REPO = Path(__file__).resolve().parents[2]


def _write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_packaged_copy_is_identical_to_repo_config():
    assert PACKAGED_CONFIG.read_bytes() == (REPO / "config.yaml").read_bytes()


def test_default_config_equals_model_defaults_and_keeps_original_keys():
    lc = load_config(PACKAGED_CONFIG)
    assert lc.config == Config()
    a = lc.config.agent
    # archive and extract are allowed through the ops they need (create, and delete for remove_originals)
    assert set(a.allow_ops) == set(ALL_OPS) == set(OPS) - {"archive", "extract"}
    for pat in (
        "/etc/**",
        "/usr/**",
        "C:/Windows/**",
        "**/*.sys",
        "*.dll",
        "*.so",
        "*.dylib",
        "*.exe",
        "*.bat",
        "*.sh",
    ):
        assert pat in a.deny_patterns
    assert a.dry_run_default and a.backup_before_delete and a.encoding == "utf-8"
    assert a.require_confirm_for == ["delete", "update", "move", "rename"]
    topics = lc.config.classify.rule_sets["topics"]
    assert lc.config.classify.default_rule_set == "topics"
    assert [r.folder for r in topics.rules] == ["architecture", "api"] and topics.rest_by == "type"
    assert "架构" in topics.rules[0].keywords and "接口" in topics.rules[1].keywords


def test_every_key_in_default_yaml_is_commented():
    lines = (REPO / "config.yaml").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if (
            stripped
            and not stripped.startswith(("#", "-"))
            and line.startswith("  ")
            and not line.startswith("    ")
            and stripped.endswith(":") is False
        ):
            assert lines[i - 1].strip().startswith("#"), f"key on line {i + 1} has no comment: {line!r}"


def test_lookup_order(tmp_path):
    home = tmp_path / "home"
    xdg = tmp_path / "xdg"
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(xdg)}
    # nothing: packaged default
    lc = load_config(env=env, platform="linux")
    assert lc.is_packaged_default and lc.source == PACKAGED_CONFIG.absolute()
    # user config dir
    user = _write(xdg / "fileagent" / "config.yaml", "agent: {max_batch: 7}\n")
    lc = load_config(env=env, platform="linux")
    assert lc.source == user and lc.config.agent.max_batch == 7 and not lc.is_packaged_default
    # $FILEAGENT_CONFIG beats the user dir
    envfile = _write(tmp_path / "env.yaml", "agent: {max_batch: 8}\n")
    lc = load_config(env={**env, "FILEAGENT_CONFIG": str(envfile)}, platform="linux")
    assert lc.config.agent.max_batch == 8
    # explicit path beats everything
    explicit = _write(tmp_path / "x.yaml", "agent: {max_batch: 9}\n")
    lc = load_config(explicit, env={**env, "FILEAGENT_CONFIG": str(envfile)}, platform="linux")
    assert lc.config.agent.max_batch == 9


def test_user_dirs_per_platform(tmp_path):
    env = {"HOME": "/h", "APPDATA": "C:/Users/u/AppData/Roaming", "LOCALAPPDATA": "C:/Users/u/AppData/Local"}
    assert user_config_dir(env, "linux") == Path("/h/.config/fileagent")
    assert user_config_dir({**env, "XDG_CONFIG_HOME": "/x"}, "linux") == Path("/x/fileagent")
    assert user_config_dir(env, "darwin") == Path("/h/Library/Application Support/fileagent")
    assert user_config_dir(env, "win32") == Path("C:/Users/u/AppData/Roaming/fileagent")
    assert user_state_dir(env, "linux") == Path("/h/.local/state/fileagent")
    assert user_state_dir({**env, "XDG_STATE_HOME": "/s"}, "linux") == Path("/s/fileagent")
    assert user_state_dir(env, "darwin") == Path("/h/Library/Logs/fileagent")
    assert user_state_dir(env, "win32") == Path("C:/Users/u/AppData/Local/fileagent")


def test_log_path_resolution(tmp_path):
    env = {"HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "state")}
    lc = load_config(env=env, platform="linux")
    assert lc.log_path() == tmp_path / "state" / "fileagent" / "logs" / "audit.jsonl"
    cfg = _write(tmp_path / "proj" / "c.yaml", "agent: {log_path: out/a.jsonl}\n")
    assert load_config(cfg, env=env).log_path() == tmp_path / "proj" / "out" / "a.jsonl"
    cfg = _write(tmp_path / "proj" / "d.yaml", f"agent: {{log_path: {tmp_path / 'abs.jsonl'}}}\n")
    assert load_config(cfg, env=env).log_path() == tmp_path / "abs.jsonl"
    cfg = _write(tmp_path / "proj" / "e.yaml", "agent: {log_path: ~/a.jsonl}\n")
    assert load_config(cfg, env=env).log_path() == tmp_path / "home" / "a.jsonl"


def test_root_override_and_relative(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    cfg = _write(tmp_path / "c.yaml", "agent: {root: sub}\n")
    monkeypatch.chdir(tmp_path)
    lc = load_config(cfg, env={})
    assert lc.root() == tmp_path / "sub"
    assert lc.root(str(tmp_path)) == tmp_path
    with pytest.raises(UsageError, match="not an existing folder"):
        lc.root(str(tmp_path / "missing"))


@pytest.mark.parametrize(
    "text, key, problem",
    [
        ("agent: {max_batch: lots}\n", "agent.max_batch", "integer"),
        ("agent: {max_batch: 0}\n", "agent.max_batch", "greater than"),
        ("agent: {colour: red}\n", "agent.colour", "unknown key"),
        ("agnet: {}\n", "agnet", "unknown key"),
        ("agent: {allow_ops: [move, explode]}\n", "agent.allow_ops.1", "list"),
        ("agent: {on_conflict: clobber}\n", "agent.on_conflict", "rename_new"),
        ("agent: {encoding: klingon}\n", "agent.encoding", "unknown text encoding"),
        ("agent: {backup_before_delete: false}\n", "agent.backup_before_delete", "undo"),
        ("classify: {default_rule_set: nope}\n", "classify", "not one of rule_sets"),
        (
            "classify: {rule_sets: {t: {rules: [{keywords: [], folder: x}], default: m}}, default_rule_set: t}\n",
            "classify.rule_sets.t.rules.0.keywords",
            "at least 1",
        ),
        ("- just\n- a list\n", "(top level)", "mapping"),
    ],
)
def test_errors_name_file_key_and_problem(tmp_path, text, key, problem):
    cfg = _write(tmp_path / "bad.yaml", text)
    with pytest.raises(ConfigError) as ei:
        load_config(cfg, env={})
    msg = str(ei.value)
    assert "\n" not in msg
    assert str(cfg) in msg and key in msg and problem in msg, msg
    assert ei.value.exit_status == ExitStatus.USAGE


def test_yaml_syntax_error_has_line_number(tmp_path):
    cfg = _write(tmp_path / "bad.yaml", "agent:\n  root: .\n  max_batch: [1, 2\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml: line \d+, column \d+: YAML syntax error") as ei:
        load_config(cfg, env={})
    assert "\n" not in str(ei.value)


def test_missing_explicit_file_and_env_file(tmp_path):
    with pytest.raises(ConfigError, match="nope.yaml: config file not found"):
        load_config(tmp_path / "nope.yaml", env={})
    with pytest.raises(ConfigError, match=r"FILEAGENT_CONFIG"):
        load_config(env={"FILEAGENT_CONFIG": str(tmp_path / "gone.yaml")})


def test_empty_file_means_defaults(tmp_path):
    cfg = _write(tmp_path / "empty.yaml", "")
    assert load_config(cfg, env={}).config == Config()


def test_packaged_config_values():
    a = load_config(PACKAGED_CONFIG, env={}).config.agent
    assert a.root == "." and a.max_batch == 10000 and a.log_path == "logs/audit.jsonl"
    assert a.on_conflict == "rename_new" and a.on_error == "rollback" and a.dry_run_default is True
    assert a.allow_ops == list(ALL_OPS) and len(a.deny_patterns) == 26 and a.deny_patterns[0] == "/etc/**"
    rule = load_config(PACKAGED_CONFIG, env={}).config.classify.rule_sets["topics"].rules[1]
    assert rule.keywords == ["API", "endpoint", "接口"] and rule.folder == "api"


@pytest.mark.parametrize(
    "text, message",
    [
        ("agent: {colour: red}\n", "agent.colour: unknown key"),
        ("zz: 1\n", "zz: unknown key"),
        (
            "classify: {rule_sets: {t: {rules: [{keywords: [a], folder: x, size: 1}], default: m}},"
            " default_rule_set: t}\n",
            "classify.rule_sets.t.rules.0.size: unknown key",
        ),
        ("agent: 5\n", "agent: Input should be a valid dictionary or instance of AgentConfig"),
        ("agent: {root: 5}\n", "agent.root: Input should be a valid string"),
        ("agent: {log_path: [a]}\n", "agent.log_path: Input should be a valid string"),
        ("agent: {deny_patterns: '*.x'}\n", "agent.deny_patterns: Input should be a valid list"),
        (
            "agent: {dry_run_default: maybe}\n",
            "agent.dry_run_default: Input should be a valid boolean, unable to interpret input",
        ),
        (
            "agent: {max_batch: 2.5}\n",
            "agent.max_batch: Input should be a valid integer, got a number with a fractional part",
        ),
        ("agent: {on_error: stop}\n", "agent.on_error: Input should be 'rollback' or 'continue'"),
        ("classify: {rule_sets: []}\n", "classify.rule_sets: Input should be a valid dictionary"),
        (
            "classify: {rule_sets: {t: {rules: [{folder: x}], default: m}}, default_rule_set: t}\n",
            "classify.rule_sets.t.rules.0.keywords: Field required",
        ),
        (
            "agent: {max_batch: 0, colour: red}\nclassify: {default_rule_set: nope}\n",
            "agent.max_batch: Input should be greater than or equal to 1; agent.colour: unknown key; "
            "classify: default_rule_set 'nope' is not one of rule_sets (topics)",
        ),
    ],
)
def test_unknown_keys_and_wrong_types_exact_message(tmp_path, text, message):
    cfg = _write(tmp_path / "bad.yaml", text)
    with pytest.raises(ConfigError) as ei:
        load_config(cfg, env={})
    assert str(ei.value) == f"{cfg}: {message}"
    assert ei.value.exit_status == ExitStatus.USAGE


def test_lenient_values_are_still_accepted(tmp_path):
    """What pydantic's lax mode accepted stays accepted: quoted numbers, yes/off words, 1/0."""
    cfg = _write(
        tmp_path / "c.yaml",
        "agent: {max_batch: '12', dry_run_default: 'off', backup_before_delete: 1, log_path: null}\n",
    )
    a = load_config(cfg, env={}).config.agent
    assert a.max_batch == 12 and a.dry_run_default is False and a.backup_before_delete is True
    assert a.log_path is None


def test_config_from_dict_and_defaults():
    assert Config.from_dict({}) == Config()
    c = Config.from_dict({"agent": {"allow_ops": ["read"]}})
    assert c.agent.allow_ops == ["read"] and c.agent.max_batch == 10000 and c.classify == Config().classify
    c.agent.deny_patterns.append("x")  # defaults are fresh lists, not shared
    assert "x" not in Config().agent.deny_patterns


def test_importing_config_does_not_import_pydantic():
    import subprocess
    import sys

    code = (
        "import sys, fileagent.config.loader as c; c.load_config(None); "
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_rule_set_takes_a_default_folder_or_rest_by_not_both(tmp_path):
    cfg = tmp_path / "c.yaml"
    rules = "rules: [{keywords: [invoice], folder: bills}]"
    cfg.write_text(f"classify:\n  default_rule_set: m\n  rule_sets:\n    m: {{{rules}, default: x, rest_by: type}}\n")
    with pytest.raises(ConfigError, match="not both"):
        load_config(cfg)
    cfg.write_text(f"classify:\n  default_rule_set: m\n  rule_sets:\n    m: {{{rules}, rest_by: size}}\n")
    with pytest.raises(ConfigError, match="rest_by"):
        load_config(cfg)

"""Regressions for the hostile probe's findings (an unprivileged user, a canary folder outside the
root, plans run through `fileagent apply`). Each test reproduces one finding as it was reported.

F1/F2  names are the OS's exact entries: a backslash or a decomposed name is never read as another file.
F3     FIFOs, sockets and devices are never opened for content: skipped and shown, nothing blocks.
F4     the compiler's reads and listings take the no-follow descriptor walk the writes take.
F5/F6  names that are not UTF-8 round-trip through the journal; an empty or headerless journal is
       reported and moved aside, never blocking the other runs.
F8     links planted in ROOT/.fileagent are refused, never followed.
F9     undo and recover verify backups (sha256) and the journal's paths before touching anything.
F7     names are printed as plain text: no markup, control characters escaped, one entry per line.
F10    the audit log, its key and the config in use are out of every plan's reach, even with the root at HOME.
F11    the audit chain is keyed (HMAC per entry, keyed head and anchor); the user comes from the OS.
F12    a run is done only once its audit entries are written; log_path must be a regular file.
F14    regexes, numbers, dates, paths and tree depths are bounded: one-line errors, never "unexpected".
"""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest
from sec_kit import Sandbox, run_cli

from fileagent.policies import names
from fileagent.tools.fs import dirfd

NFD, NFC = "cafe\u0301", "caf\u00e9"


@pytest.fixture
def sb(tmp_path):
    return Sandbox.create(tmp_path / "h", links=False)


def undo(sb):
    return run_cli(["undo", "--yes", "--root", str(sb.root), "--config", str(sb.config)])


@pytest.mark.skipif(
    names.current().windows,
    reason="a backslash is a separator under Windows rules: no Windows file has one in its name",
)
def test_f1_backslash_name_is_one_file(sb):
    (sb.root / "x").mkdir()
    (sb.root / "x" / "y.txt").write_bytes(b"victim\n")
    (sb.root / "x\\y.txt").write_bytes(b"bs\n")
    r = sb.apply(
        {
            "version": 1,
            "steps": [{"op": "update", "select": {"in": ".", "pattern": "x?y.txt"}, "mode": "append", "text": "more"}],
        }
    )
    assert r.code == 0, r.err
    assert (sb.root / "x\\y.txt").read_bytes() == b"bs\nmore\n"
    assert (sb.root / "x" / "y.txt").read_bytes() == b"victim\n"
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"in": ".", "pattern": "x?y.txt"}}]})
    assert r.code == 0, r.err
    assert not (sb.root / "x\\y.txt").exists()
    assert (sb.root / "x" / "y.txt").read_bytes() == b"victim\n"
    for _ in range(2):
        u = undo(sb)
        assert u.code == 0, u.err
    assert (sb.root / "x\\y.txt").read_bytes() == b"bs\n"
    assert (sb.root / "x" / "y.txt").read_bytes() == b"victim\n"


@pytest.mark.skipif(
    names.current().windows,
    reason="a backslash is a separator under Windows rules: no Windows file has one in its name",
)
def test_f1_leading_backslash_name_is_undone(sb):
    (sb.root / "\\b.txt").write_bytes(b"b\n")
    assert sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "\\b.txt"}}]}).code == 0
    assert undo(sb).code == 0 and (sb.root / "\\b.txt").read_bytes() == b"b\n"


@pytest.mark.skipif(os.name == "nt", reason="a backslash is a separator on Windows")
def test_f1_backslash_with_dotdot_is_still_refused(sb):
    r = sb.apply({"version": 1, "steps": [{"op": "create", "path": "..\\outside\\x.txt", "content": "x"}]})
    assert r.code == 3 and r.one_line_error()


def _nfd_tree(sb):
    try:
        (sb.root / NFD).mkdir()
        (sb.root / NFC).mkdir()
    except FileExistsError:
        pytest.skip("this filesystem normalises names")
    (sb.root / NFD / "a.txt").write_bytes(b"needle in NFD\n")
    (sb.root / NFC / "a.txt").write_bytes(b"keep me\n")


def test_f2_decomposed_name_is_acted_on_itself(sb):
    _nfd_tree(sb)
    r = sb.apply(
        {
            "version": 1,
            "steps": [
                {
                    "op": "delete",
                    "select": {"in": ".", "pattern": "a.txt", "recursive": True, "filters": {"contains": "needle"}},
                }
            ],
        }
    )
    assert r.code == 0, r.err
    assert not (sb.root / NFD / "a.txt").exists()
    assert (sb.root / NFC / "a.txt").read_bytes() == b"keep me\n"
    assert undo(sb).code == 0
    assert (sb.root / NFD / "a.txt").read_bytes() == b"needle in NFD\n"


def test_f2_move_out_of_a_decomposed_folder(sb):
    try:
        (sb.root / NFD).mkdir()
    except FileExistsError:
        pytest.skip("this filesystem normalises names")
    (sb.root / NFD / "b.txt").write_bytes(b"b\n")
    # typed precomposed, stored decomposed: matched by NFC, acted on under the name on disk
    r = sb.apply({"version": 1, "steps": [{"op": "move", "select": {"path": f"{NFC}/b.txt"}, "to": "docs"}]})
    assert r.code == 0, r.err
    assert (sb.root / "docs" / "b.txt").read_bytes() == b"b\n"
    r = sb.apply({"version": 1, "steps": [{"op": "move", "select": {"path": "docs/b.txt"}, "to": NFD}]})
    assert r.code == 0, r.err
    assert (sb.root / NFD / "b.txt").exists() and not (sb.root / NFC).exists()


# ---------------------------------------------------------------- F3: FIFOs never block


@pytest.fixture
def alarm():
    """Fail (instead of hanging the suite) when something blocks: SIGALRM interrupts the blocking call."""
    import signal

    def boom(*_):
        raise TimeoutError("blocked")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


MD_FIFO_STEPS = [
    {"op": "read", "select": {"in": "docs", "pattern": "*.md"}},
    {"op": "update", "select": {"in": "docs", "pattern": "*.md"}, "mode": "append", "text": "x"},
    {"op": "list", "select": {"in": "docs", "filters": {"contains": "b"}}},
    {"op": "tag", "select": {"in": "docs", "pattern": "*.md"}, "tags": ["t"]},
    {
        "op": "classify",
        "select": {"in": "docs", "pattern": "*.md"},
        "by": "keywords",
        "rules": [{"keywords": ["body"], "folder": "k"}],
        "default": "other",
    },
    {"op": "classify", "select": {"in": "docs", "pattern": "*.md"}},  # the config's default rule set
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("step", MD_FIFO_STEPS, ids=lambda s: s["op"] + "-" + s.get("by", ""))
def test_f3_a_fifo_is_skipped_and_shown_never_opened(sb, alarm, step):
    os.mkfifo(sb.root / "docs" / "p.md")
    r = sb.apply({"version": 1, "steps": [step]}, extra=("--json",))
    assert r.code == 0, r.err
    if step["op"] not in ("read", "list"):
        doc = json.loads(r.out)
        assert any(path == "docs/p.md" and "FIFO" in why for _, path, why in doc["changeset"]["skipped"]), doc
    assert stat.S_ISFIFO(os.lstat(sb.root / "docs" / "p.md").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_f3_a_fifo_named_by_path_is_a_plan_error(sb, alarm):
    os.mkfifo(sb.root / "docs" / "p.md")
    r = sb.apply({"version": 1, "steps": [{"op": "read", "select": {"path": "docs/p.md"}}]})
    assert r.code == 4 and r.one_line_error() and "FIFO" in r.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_f3_a_fifo_journal_blocks_neither_undo_nor_recover(sb, alarm):
    assert sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]}).code == 0
    os.mkfifo(sb.root / ".fileagent" / "journal" / "99990101T000000000-ffffff.jsonl")
    r = run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)])
    assert r.code == 0 and "not a regular file" in r.err, (r.out, r.err)
    r = run_cli(["undo", "99990101T000000000-ffffff", "--root", str(sb.root), "--config", str(sb.config), "--yes"])
    assert r.code != 0 and r.one_line_error() and "not a regular file" in r.err
    assert undo(sb).code == 0 and (sb.root / "a.txt").exists()


# ---------------------------------------------------------------- F4: reads go through the no-follow walk


@pytest.mark.parametrize(
    "step", [{"op": "read", "select": {"path": "d/secret.txt"}}, {"op": "list", "select": {"in": "d"}}]
)
@pytest.mark.skipif(
    not dirfd.supported(),
    reason="the scan's guard against this swap is descriptor-relative calls (dir_fd), which Windows lacks",
)
def test_f4_folder_swapped_for_a_link_during_compile_is_not_read(sb, monkeypatch, step):
    from fileagent.agent.engine.treeview import TreeView

    (sb.root / "d").mkdir()
    (sb.root / "d" / "secret.txt").write_bytes(b"inside\n")
    (sb.outside / "secret.txt").write_bytes(b"OUTSIDE-SECRET\n")
    real_load = TreeView._load

    def swap_then_load(self, rel, disk):  # the attacker wins the race: checked as a folder, read as a link
        if rel == "d" and not os.path.islink(sb.root / "d"):
            os.rename(sb.root / "d", sb.root / "d_moved")
            os.symlink(sb.outside, sb.root / "d")
        return real_load(self, rel, disk)

    monkeypatch.setattr(TreeView, "_load", swap_then_load)
    r = sb.apply({"version": 1, "steps": [step]})
    assert "OUTSIDE" not in r.out and "secret.txt" not in r.out and "canary" not in r.out
    assert r.code == 3 and r.one_line_error(), (r.code, r.err)


# ---------------------------------------------------------------- F5/F6: bad names, bad journals


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="names must be valid Unicode there")
def test_f5_non_utf8_name_is_journaled_and_undone(sb):
    assert sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "notes.md"}}]}).code == 0
    bad = os.path.join(os.fsencode(sb.root), b"bad\xff.txt")
    with open(bad, "wb") as f:
        f.write(b"bytes\n")
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"in": ".", "pattern": "bad*"}}]})
    assert r.code == 0, r.err
    assert not os.path.exists(bad)
    assert undo(sb).code == 0
    assert open(bad, "rb").read() == b"bytes\n"
    assert undo(sb).code == 0 and (sb.root / "notes.md").exists()  # the earlier run too
    assert run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)]).code == 0


def test_f6_empty_or_headerless_journal_is_reported_and_moved_aside(sb):
    assert sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]}).code == 0
    jdir = sb.root / ".fileagent" / "journal"
    (jdir / "99990101T000000000-aaaaaa.jsonl").write_bytes(b"")
    (jdir / "99990101T000000001-bbbbbb.jsonl").write_bytes(b'{"t":"intent","from":1,"to":1}\n')
    r = run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)])
    assert r.code == 0 and "is empty" in r.err and "no header" in r.err, (r.out, r.err)
    assert sorted(p.name for p in (sb.root / ".fileagent" / "quarantine").iterdir()) == [
        "99990101T000000000-aaaaaa.jsonl",
        "99990101T000000001-bbbbbb.jsonl",
    ]
    assert undo(sb).code == 0 and (sb.root / "a.txt").read_bytes() == b"alpha\n"


# ---------------------------------------------------------------- F8: links planted in the state folder


def test_f8_lock_linked_outside_is_refused(sb):
    (sb.root / ".fileagent").mkdir()
    os.symlink(sb.outside / "new", sb.root / ".fileagent" / "lock")
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]})
    assert r.code == 3 and r.one_line_error() and "symbolic link" in r.err
    assert not os.path.lexists(sb.outside / "new") and (sb.root / "a.txt").exists()


def test_f8_journal_linked_outside_is_not_appended_to(sb):
    assert sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]}).code == 0
    target = sb.outside / "victim.log"
    target.write_bytes(b"keep\n")
    os.symlink(target, sb.root / ".fileagent" / "journal" / "99990101T000000000-cccccc.jsonl")
    r = run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)])
    assert r.code == 0 and "symbolic link" in r.err
    assert target.read_bytes() == b"keep\n"


def test_f8_tag_index_linked_outside_is_not_read(sb):
    (sb.root / ".fileagent").mkdir()
    (sb.outside / "tags.json").write_text('{"a.txt": ["secret"]}', encoding="utf-8")
    os.symlink(sb.outside / "tags.json", sb.root / ".fileagent" / "tags.json")
    r = sb.apply({"version": 1, "steps": [{"op": "list", "select": {"in": ".", "filters": {"tag": "secret"}}}]})
    assert r.code == 3 and r.one_line_error() and "a.txt" not in r.out


def test_f8_state_folder_below_a_link_is_refused(sb):
    os.rename(sb.outside, sb.base / "o2")
    (sb.root / ".fileagent").mkdir()
    os.symlink(sb.base / "o2", sb.root / ".fileagent" / "journal")
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]})
    assert r.code == 3 and (sb.root / "a.txt").exists()
    assert not any(n.endswith(".jsonl") for n in os.listdir(sb.base / "o2"))


# ---------------------------------------------------------------- F9: undo and recover verify their own files


def _journal(sb):
    jdir = sb.root / ".fileagent" / "journal"
    (path,) = [p for p in jdir.iterdir() if p.suffix == ".jsonl"]
    return path


def _rewrite_journal(path, fn):
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = fn(lines)
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def test_f9_backup_edited_to_the_same_size_is_not_restored(sb):
    assert sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]}).code == 0
    (bk,) = [p for p in (sb.root / ".fileagent" / "backups").rglob("a.txt")]
    bk.write_bytes(b"EVIL!\n")  # same size as "alpha\n"
    r = undo(sb)
    assert r.code != 0 and r.one_line_error() and "backup" in r.err and "sha256" in r.err
    assert not (sb.root / "a.txt").exists()


@pytest.mark.parametrize("planted", ["important", ".fileagent/journal", "../outside", "/etc"])
def test_f9_edited_journal_paths_are_refused_by_recover(sb, planted):
    (sb.root / "important").mkdir()
    (sb.root / "important" / "keep.txt").write_bytes(b"keep\n")
    assert sb.apply({"version": 1, "steps": [{"op": "copy", "select": {"path": "a.txt"}, "to": "docs"}]}).code == 0
    path = _journal(sb)

    def edit(lines):  # the copy's destination renamed, the end record dropped: recover would undo it
        for x in lines:
            if x["t"] == "header":
                x["changeset"][0]["dst"] = planted
        return [x for x in lines if x["t"] != "end"]

    _rewrite_journal(path, edit)
    before = sb.snapshot()
    r = run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)])
    assert r.code == 0 and not r.traceback
    assert sb.snapshot() == before
    assert (sb.root / "important" / "keep.txt").exists() and (sb.root / ".fileagent" / "journal").is_dir()
    assert "nothing was changed" in r.err


# ---------------------------------------------------------------- F7: names are plain text

MARKUP_NAMES = [
    "[bold red]important.txt",
    "[link=file:passwd]click.txt",
    "x[/bold].txt",
    "esc\x1b[31mred.txt",
    "two\nlines.txt",
    "bidi\u202etxt.exe.txt",
]


def _markup_tree(sb):
    for n in MARKUP_NAMES:  # "x[/bold].txt" is the file "bold].txt" in the folder "x["
        (sb.root / "m" / n).parent.mkdir(parents=True, exist_ok=True)
        (sb.root / "m" / n).write_bytes(b"x\n")


def test_f7_list_shows_one_visible_line_per_name(sb):
    from fileagent.display import shown

    _markup_tree(sb)
    r = sb.apply({"version": 1, "steps": [{"op": "list", "select": {"in": "m", "recursive": True}}]})
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert sorted(lines) == sorted([shown(f"m/{n}") for n in MARKUP_NAMES]), lines
    assert "\x1b" not in r.out and "\u202e" not in r.out
    assert "m/two\\nlines.txt" in lines and "m/esc\\x1b[31mred.txt" in lines


@pytest.mark.skipif(names.current().windows, reason="its markup names hold ':', which no Windows name can")
def test_f7_preview_and_log_print_markup_names_literally(sb, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # rich sizes its tables from the process environment
    _markup_tree(sb)
    env = {"COLUMNS": "400", "HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "state")}
    r = run_cli(
        ["apply", "--root", str(sb.root), "--config", str(sb.config), "--yes", "-"],
        env=env,
        stdin=json.dumps({"version": 1, "steps": [{"op": "delete", "select": {"in": "m", "recursive": True}}]}),
    )
    assert r.code == 0, r.err
    for n in ("[bold red]important.txt", "[link=file:passwd]click.txt", "x[/bold].txt"):
        assert n in r.out
    assert "\x1b" not in r.out and "two\nlines" not in r.out
    run = r.out.split("undo with: fileagent undo ")[1].split()[0]
    r = run_cli(["log", "--run", run, "--config", str(sb.config)], env=env)
    assert r.code == 0, r.err
    assert "x[/bold].txt" in r.out and "[bold red]important.txt" in r.out and "\x1b" not in r.out


# ---------------------------------------------------------------- F10: the agent's own files, wherever they sit


@pytest.fixture
def home(tmp_path):
    """The root is the home folder; the config in use and the audit log live inside it."""
    h = tmp_path / "home"
    cfg_dir = h / ".config" / "fileagent"
    cfg_dir.mkdir(parents=True)
    (cfg_dir / "config.yaml").write_text(
        "agent:\n  log_path: logs/audit.jsonl\n  dry_run_default: true\n", encoding="utf-8"
    )
    (h / "x.sh").write_text("echo hi\n", encoding="utf-8")
    (h / "notes.txt").write_text("n\n", encoding="utf-8")
    env = {"HOME": str(h), "XDG_CONFIG_HOME": str(h / ".config"), "XDG_STATE_HOME": str(h / ".local" / "state")}
    return h, env


def _home_apply(h, env, steps):
    return run_cli(["apply", "--root", str(h), "--yes", "-"], env=env, stdin=json.dumps({"version": 1, "steps": steps}))


@pytest.mark.parametrize(
    "steps",
    [
        [{"op": "rename", "path": ".config/fileagent/logs", "new_name": "gone"}],
        [{"op": "move", "select": {"path": ".config/fileagent"}, "to": "elsewhere"}],
        [{"op": "delete", "select": {"path": ".config"}}],
        [{"op": "update", "select": {"path": ".config/fileagent/config.yaml"}, "mode": "set", "text": "agent: {}"}],
        [{"op": "read", "select": {"path": ".local/state/fileagent/audit.key"}}],
        [{"op": "delete", "select": {"path": ".local"}}],
    ],
)
def test_f10_audit_log_key_and_config_are_denied_to_plans(home, steps):
    h, env = home
    assert (
        _home_apply(h, env, [{"op": "update", "select": {"path": "notes.txt"}, "mode": "append", "text": "more"}]).code
        == 0
    )
    key = h / ".local" / "state" / "fileagent" / "audit.key"
    assert key.exists() and (h / ".config" / "fileagent" / "logs" / "audit.jsonl").exists()
    before = {p: p.read_bytes() for p in (h / ".config").rglob("*") if p.is_file()}
    r = _home_apply(h, env, steps)
    assert r.code == 3 and r.one_line_error(), (r.code, r.err)
    assert {p: p.read_bytes() for p in (h / ".config").rglob("*") if p.is_file()} == before
    assert "audit" not in r.out and key.exists()
    assert run_cli(["log", "verify"], env=env).code == 0


# ---------------------------------------------------------------- F11: a keyed chain


def _two_runs(home):
    h, env = home
    for text in ("one", "two"):
        assert (
            _home_apply(
                h, env, [{"op": "update", "select": {"path": "notes.txt"}, "mode": "append", "text": text}]
            ).code
            == 0
        )
    log = h / ".config" / "fileagent" / "logs" / "audit.jsonl"
    return log, env


def _rechain(lines):
    """What someone without the key can do: edit entries, then recompute every hash and the head."""
    import hashlib
    import re

    out, prev = [], "0" * 64
    for i, line in enumerate(lines, start=1):
        line = re.sub(rb'^\{"seq":\d+,"prev":"[0-9a-f]{64}"', b'{"seq":%d,"prev":"%s"' % (i, prev.encode()), line)
        out.append(line)
        prev = hashlib.sha256(line).hexdigest()
    return out, prev


@pytest.mark.parametrize("attack", ["edit", "drop_tail", "delete_both", "strip_macs"])
def test_f11_tampering_with_a_rewritten_chain_is_detected(home, attack):
    log, env = _two_runs(home)
    head = log.with_name(log.name + ".head")
    lines = log.read_bytes().splitlines()
    assert run_cli(["log", "verify"], env=env).code == 0
    if attack == "delete_both":
        log.unlink()
        head.unlink()
    else:
        if attack == "edit":
            lines[0] = lines[0].replace(b'"notes.txt"', b'"other.txt"', 1)
        elif attack == "drop_tail":
            lines = lines[:1]
        else:
            import re

            lines = [re.sub(rb',"mac":"[0-9a-f]{64}"\}$', b"}", x) for x in lines]
        lines, last = _rechain(lines)
        log.write_bytes(b"\n".join(lines) + b"\n")
        head.write_text(json.dumps({"seq": len(lines), "sha256": last}) + "\n", encoding="utf-8")
    r = run_cli(["log", "verify"], env=env)
    assert r.code == 1 and r.one_line_error(), (r.code, r.out, r.err)


def test_f11_user_comes_from_the_os_not_the_environment(home, monkeypatch):
    import getpass

    h, env = home
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    r = run_cli(
        ["apply", "--root", str(h), "--yes", "-"],
        env={**env, "USER": "mallory", "LOGNAME": "mallory"},
        stdin=json.dumps({"version": 1, "steps": [{"op": "delete", "select": {"path": "notes.txt"}}]}),
    )
    assert r.code == 0, r.err
    log = h / ".config" / "fileagent" / "logs" / "audit.jsonl"
    users = {json.loads(x)["user"] for x in log.read_text(encoding="utf-8").splitlines()}
    if hasattr(os, "getuid"):
        import pwd

        assert users == {pwd.getpwuid(os.getuid()).pw_name}
    else:
        assert "mallory" not in users or getpass.getuser() == "mallory"


def test_f11_key_is_private(home):
    h, env = home
    assert _home_apply(h, env, [{"op": "delete", "select": {"path": "notes.txt"}}]).code == 0
    key = h / ".local" / "state" / "fileagent" / "audit.key"
    if os.name != "nt":
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
        os.chmod(key, 0o644)
        (h / "y.txt").write_text("y\n", encoding="utf-8")
        r = _home_apply(h, env, [{"op": "delete", "select": {"path": "y.txt"}}])
        assert r.code == 2 and "chmod 600" in r.err


# ---------------------------------------------------------------- F12: no success without its audit entries


@pytest.mark.parametrize("log_path", ["/dev/null", "/dev/full", "{tmp}", "{fifo}"])
def test_f12_log_path_must_be_a_regular_file(sb, tmp_path, log_path):
    if log_path.startswith("/dev/") and not os.path.exists(log_path):
        pytest.skip("no such device here")
    fifo = tmp_path / "fifo"
    if log_path == "{fifo}":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs")
        os.mkfifo(fifo)
    lp = log_path.replace("{tmp}", str(tmp_path)).replace("{fifo}", str(fifo))
    sb.config.write_text(f"agent:\n  log_path: {lp}\n", encoding="utf-8")
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "a.txt"}}]})
    assert r.code == 2 and r.one_line_error() and "regular file" in r.err, (r.code, r.err)
    assert (sb.root / "a.txt").exists()
    r = run_cli(["log", "verify", "--config", str(sb.config)])
    assert r.code == 2 and r.one_line_error()


def test_f12_audit_failure_rolls_the_run_back(sb, monkeypatch):
    from fileagent.agent.history import audit

    def full(self):
        raise OSError(28, "No space left on device", str(self.path))

    monkeypatch.setattr(audit.AuditWriter, "flush", full)
    before = sb.snapshot()
    r = sb.apply(
        {
            "version": 1,
            "steps": [
                {"op": "delete", "select": {"path": "a.txt"}},
                {"op": "update", "select": {"path": "notes.md"}, "mode": "append", "text": "x"},
            ],
        }
    )
    assert r.code == 1 and r.one_line_error() and "audit log" in r.err and "rolled back" in r.err
    assert "undo with" not in r.out
    assert sb.snapshot() == before
    (j,) = (sb.root / ".fileagent" / "journal").iterdir()
    ends = [json.loads(x) for x in j.read_text(encoding="utf-8").splitlines() if '"t":"end"' in x]
    assert ends[-1]["status"] == "rolled_back"


# ---------------------------------------------------------------- F14: bounded inputs, one-line errors

CATASTROPHIC = ["^(a+)+$", "(a|aa)+$", "(a|a)*b", "(.*a){20}", "^(\\w+\\s?)+$", "(x+x+)+y", "a*a*a*a*a*a*b"]


@pytest.mark.parametrize("rx", CATASTROPHIC)
def test_f14_catastrophic_regexes_are_refused_quickly(sb, rx):
    import time

    (sb.root / ("a" * 38 + "!")).write_bytes(b"x")
    t = time.perf_counter()
    r = sb.apply({"version": 1, "steps": [{"op": "list", "select": {"in": ".", "filters": {"name_regex": rx}}}]})
    assert r.code == 4 and r.one_line_error() and "refused" in r.err, (r.code, r.err)
    r2 = sb.apply(
        {
            "version": 1,
            "steps": [{"op": "update", "select": {"path": "a.txt"}, "mode": "replace_regex", "find": rx, "text": "z"}],
        }
    )
    assert r2.code == 4 and r2.one_line_error()
    assert time.perf_counter() - t < 10


def test_f14_ordinary_regexes_still_work(sb):
    r = sb.apply(
        {
            "version": 1,
            "steps": [
                {"op": "list", "select": {"in": ".", "recursive": True, "filters": {"name_regex": "^(x|y)\\.pdf$"}}}
            ],
        }
    )
    assert r.code == 0 and r.out.split() == ["inbox/x.pdf", "inbox/y.pdf"], r.err


@pytest.mark.parametrize(
    "plan",
    [
        '{"version":1,"steps":[{"op":"list","select":{"in":".","filters":{"larger_than":' + "9" * 5000 + "}}}]}",
        json.dumps({"version": 1, "steps": [{"op": "create", "path": "a/" * 2000 + "x.txt", "content": "x"}]}),
    ],
)
def test_f14_huge_numbers_and_paths_are_plan_errors(sb, plan):
    r = sb.apply(plan)
    assert r.code == 4 and r.one_line_error() and "unexpected" not in r.err, (r.code, r.err)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_f14_extreme_dates_are_just_dates(sb, day):
    r = sb.apply({"version": 1, "steps": [{"op": "list", "select": {"in": ".", "filters": {"modified_after": day}}}]})
    assert r.code == 0 and not r.traceback and "unexpected" not in r.err, r.err
    assert ("a.txt" in r.out) == (day == "0001-01-01")


def _remove_deep(parent: str, name: str) -> None:
    """Remove a chain of folders of any depth (shutil.rmtree, and so pytest's own clean-up, recurse
    once per level and would fail on it)."""
    fds, names = [os.open(parent, os.O_RDONLY)], [name]  # fds[k] holds names[k]
    while names:
        if not stat.S_ISDIR(os.stat(names[-1], dir_fd=fds[-1], follow_symlinks=False).st_mode):
            os.unlink(names.pop(), dir_fd=fds[-1])
        else:
            fd = os.open(names[-1], os.O_RDONLY, dir_fd=fds[-1])
            inside = os.listdir(fd)
            if inside:
                fds.append(fd)
                names.append(inside[0])
                continue
            os.close(fd)
            os.rmdir(names.pop(), dir_fd=fds[-1])
        if len(fds) > max(len(names), 1):
            os.close(fds.pop())
    os.close(fds[0])


@pytest.mark.slow  # ~1,200 folder levels: tens of seconds on a busy machine
def test_f14_a_very_deep_tree_is_walked_without_recursion(sb):
    d = os.open(sb.root, os.O_RDONLY)
    try:
        try:
            for _ in range(1200):  # relative steps: the whole path is longer than PATH_MAX
                os.mkdir("d", dir_fd=d)
                nd = os.open("d", os.O_RDONLY, dir_fd=d)
                os.close(d)
                d = nd
            fd = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=d)
            os.write(fd, b"bottom\n")
            os.close(fd)
        finally:
            os.close(d)
        r = sb.apply(
            {"version": 1, "steps": [{"op": "list", "select": {"in": ".", "pattern": "deep.txt", "recursive": True}}]}
        )
        assert not r.traceback and "unexpected" not in r.err, r.err
        assert r.code == 0 and r.out.strip().endswith("/deep.txt")
    finally:
        _remove_deep(str(sb.root), "d")


def test_f14_encoding_must_be_a_text_encoding(sb):
    sb.config.write_text("agent:\n  encoding: rot13\n", encoding="utf-8")
    r = sb.apply({"version": 1, "steps": [{"op": "read", "select": {"path": "a.txt"}}]})
    assert r.code == 2 and r.one_line_error() and "text encoding" in r.err


# ---------------------------------------------------------------- the probe's categories, generated (long)


@pytest.mark.long
def test_hostile_categories_generated(tmp_path):
    """Generated variants of each category, counted for bench/bench_proofs.py: hostile names (F1, F2,
    F5, F7) deleted and undone byte for byte, FIFOs under every content op (F3), planted state links
    (F8), catastrophic regexes (F14). A case is bad when the outcome differs from the rule."""
    import random
    import time

    from sec_kit import long_count, record_figures

    from fileagent.display import shown

    rng = random.Random(29)
    t0 = time.perf_counter()
    figures: dict[str, dict[str, int]] = {}

    bad_examples: list[str] = []

    def count(cat: str, ok: bool, example: object = None) -> None:
        f = figures.setdefault(cat, {"cases": 0, "bad": 0})
        f["cases"] += 1
        f["bad"] += not ok
        if not ok:
            bad_examples.append(f"{cat}: {example!r}")

    pieces = ["\\\\", "e\u0301", "\u00e9", "[b]", "[/b]", "\x1b[1m", "\n", "\u202e", "*", "?", " ", ".", "~"]
    for i in range(long_count(60)):
        sb = Sandbox.create(tmp_path / f"n{i}", links=False)
        name = "".join(rng.choice(pieces) + rng.choice("abc") for _ in range(4)) + ".txt"
        if os.name == "nt" or "/" in name:
            continue
        (sb.root / name).write_bytes(b"v%d\n" % i)
        (sb.root / "keep.txt").write_bytes(b"keep\n")
        before = sb.snapshot()
        r = sb.apply({"version": 1, "steps": [{"op": "list", "select": {"in": "."}}]})
        count("names_listed_one_line", r.code == 0 and shown(name) in r.out.splitlines() and "\x1b" not in r.out)
        r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": name}}]})
        if r.code == 3:  # a shape Windows reads as a UNC or device path: refused everywhere, nothing changed
            count("names_deleted_and_undone", sb.snapshot() == before, (name, r.err))
            continue
        gone = r.code == 0 and not os.path.lexists(sb.root / name) and (sb.root / "keep.txt").exists()
        u = undo(sb)
        count("names_deleted_and_undone", gone and u.code == 0 and sb.snapshot() == before, (name, r.err, u.err))
    if hasattr(os, "mkfifo"):
        import signal

        def boom(*_):
            raise TimeoutError("blocked")

        old = signal.signal(signal.SIGALRM, boom)
        try:
            for i, step in enumerate(MD_FIFO_STEPS * max(1, long_count(5))):
                sb = Sandbox.create(tmp_path / f"f{i}", links=False)
                os.mkfifo(sb.root / "docs" / "p.md")
                signal.alarm(30)
                try:
                    r = sb.apply({"version": 1, "steps": [step]})
                    count("fifo_ops", r.code == 0)
                except TimeoutError:
                    count("fifo_ops", False)
                finally:
                    signal.alarm(0)
        finally:
            signal.signal(signal.SIGALRM, old)
    for i in range(long_count(20)):
        sb = Sandbox.create(tmp_path / f"s{i}", links=False)
        (sb.root / ".fileagent" / "journal").mkdir(parents=True)
        target = sb.outside / f"planted{i}"
        which = rng.choice(["lock", "tags.json", "journal/99990101T000000000-aaaaaa.jsonl"])
        os.symlink(target, sb.root / ".fileagent" / which)
        r = sb.apply({"version": 1, "steps": [{"op": "tag", "select": {"path": "a.txt"}, "tags": ["t"]}]})
        run_cli(["recover", "--root", str(sb.root), "--config", str(sb.config)])
        count("planted_state_links", not os.path.lexists(target) and not r.traceback)
    atoms = ["a", "a+", "a*", ".*", "(a|a)", "(a|ab)", "\\w+", "[ab]*", "(a+)"]
    sb = Sandbox.create(tmp_path / "rx", links=False)
    (sb.root / ("a" * 38 + "!")).write_bytes(b"x")
    for _ in range(long_count(40)):
        inner = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 3)))
        rx = f"^({inner}){rng.choice(['+', '*', '{20}', '{2,}'])}$"
        t = time.perf_counter()
        r = sb.apply({"version": 1, "steps": [{"op": "list", "select": {"in": ".", "filters": {"name_regex": rx}}}]})
        count("regexes_bounded", r.code in (0, 4) and not r.traceback and time.perf_counter() - t < 5)
    record_figures("hostile", categories=figures, seconds=round(time.perf_counter() - t0, 1))
    assert all(f["bad"] == 0 for f in figures.values()), (figures, bad_examples[:5])


# ---------------------------------------------------------------- slow paths: appends are streamed


def test_streamed_append_matches_the_in_memory_one_and_undoes(sb, monkeypatch):
    from fileagent.tools import update

    monkeypatch.setattr(update, "STREAM_MIN", 10)
    (sb.root / "big.log").write_bytes(b"line one\nline two")  # no final newline
    r = sb.apply(
        {
            "version": 1,
            "steps": [
                {"op": "update", "select": {"path": "big.log"}, "mode": "append", "text": "three"},
                {"op": "list", "select": {"in": ".", "filters": {"contains": "three"}}},
            ],
        }
    )
    assert r.code == 0, r.err
    assert (sb.root / "big.log").read_bytes() == b"line one\nline two\nthree\n"
    journal = next((sb.root / ".fileagent" / "journal").iterdir()).read_bytes()
    assert len(journal) < 4096
    assert undo(sb).code == 0 and (sb.root / "big.log").read_bytes() == b"line one\nline two"
    (sb.root / "bin.log").write_bytes(b"\x00" * 20)
    r = sb.apply(
        {"version": 1, "steps": [{"op": "update", "select": {"path": "bin.log"}, "mode": "append", "text": "x"}]}
    )
    assert r.code == 4 and "binary" in r.err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_a_200_mb_append_stays_under_100_mb_of_memory(sb, tmp_path):
    import subprocess

    from sec_kit import subprocess_env

    big = sb.root / "big.log"
    line = b"0123456789abcdefghijklmnopqrstuvwxyz-0123456789abcdefghijklmnopqrstuvwxyz\n"
    with open(big, "wb") as f:
        for _ in range(200 * (1 << 20) // len(line)):
            f.write(line)
    size = big.stat().st_size
    plan = json.dumps(
        {"version": 1, "steps": [{"op": "update", "select": {"path": "big.log"}, "mode": "append", "text": "tail"}]}
    )
    # VmHWM: this process image's own peak (ru_maxrss would carry over the forking pytest's size)
    probe = (
        "import sys\nfrom fileagent.cli.fast import main\ncode = main(sys.argv[1:])\n"
        "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0].split()[1]\n"
        "print('MAXRSS', hwm)\nsys.exit(code)\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", probe, "apply", "--root", str(sb.root), "--config", str(sb.config), "--yes", "-"],
        input=plan,
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    rss_mb = int(p.stdout.split("MAXRSS")[1].split()[0]) / 1024
    assert big.stat().st_size == size + 5 and big.read_bytes()[-5:] == b"tail\n"
    journal = next((sb.root / ".fileagent" / "journal").iterdir()).stat().st_size
    print(f"200 MB append: peak RSS {rss_mb:.0f} MB, journal {journal} bytes")
    assert rss_mb < 100, rss_mb
    assert journal < 1 << 16

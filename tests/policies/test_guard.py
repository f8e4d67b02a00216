from __future__ import annotations

import os

import pytest

from fileagent.config.loader import DEFAULT_DENY, Config
from fileagent.errors import ExitStatus, PolicyError
from fileagent.policies.guard import Guard
from fileagent.policies.winpath import windows_path_problem


@pytest.fixture
def sandbox(tmp_path, make_tree):
    root = make_tree(
        tmp_path / "sb", {"a.txt": "a", "docs/b.md": "b", "scripts/run.py": "x", ".fileagent/journal.jsonl": "{}"}
    )
    make_tree(tmp_path / "sb_evil", {"secret.txt": "s"})
    make_tree(tmp_path / "outside", {"o.txt": "o", "dir/p.txt": "p"})
    return root


@pytest.fixture
def guard(sandbox):
    return Guard(sandbox, DEFAULT_DENY)


def refused(guard, path, match=""):
    with pytest.raises(PolicyError, match=match) as ei:
        guard.resolve(path, step=3, op="move")
    e = ei.value
    assert e.step == 3 and e.path == path and e.exit_status == ExitStatus.REFUSED
    assert repr(path) in str(e) and "step 3" in str(e)
    return e


def test_plain_paths_resolve_inside(guard, sandbox):
    assert guard.resolve("a.txt") == sandbox / "a.txt"
    assert guard.resolve("docs/./b.md") == sandbox / "docs" / "b.md"
    # outside Windows a backslash is a character of the name (the OS's own entry), never a separator
    assert guard.resolve("docs\\b.md") == (sandbox / "docs" / "b.md" if guard.windows else sandbox / "docs\\b.md")
    assert guard.resolve("new/folder/x.txt") == sandbox / "new" / "folder" / "x.txt"
    assert guard.resolve(".") == sandbox and guard.resolve("docs/..") == sandbox
    assert guard.resolve("./~") == sandbox / "~"  # "./~" names an entry called "~"
    assert guard.resolve("%2e%2e/x") == sandbox / "%2e%2e" / "x"  # no URL decoding
    assert guard.rel(sandbox / "docs" / "b.md") == "docs/b.md"


@pytest.mark.parametrize(
    "path", ["..", "../sb_evil/secret.txt", "docs/../../outside/o.txt", "a/b/../../../x", "docs/../../sb/../outside"]
)
def test_dotdot_chains_refused(guard, path):
    refused(guard, path, "escapes the sandbox root")


def test_absolute_paths(guard, sandbox, tmp_path):
    assert guard.resolve(str(sandbox / "a.txt")) == sandbox / "a.txt"
    refused(guard, "/etc/passwd", "outside the sandbox root")
    refused(guard, str(tmp_path / "outside" / "o.txt"), "outside")
    refused(guard, str(tmp_path / "sb_evil" / "secret.txt"), "outside")  # sibling with the root as prefix
    refused(guard, str(sandbox) + "_evil/secret.txt", "outside")


def test_empty_and_nul(guard):
    refused(guard, "", "empty")
    refused(guard, "a\x00.txt", "NUL")


def test_state_dir_and_hidden_are_refused(sandbox, tmp_path):
    g = Guard(sandbox, DEFAULT_DENY, hidden=[sandbox / "docs" / "b.md"])
    refused(g, ".fileagent/journal.jsonl", "state folder")
    refused(g, ".fileagent", "state folder")
    refused(g, "docs/../.fileagent/x", "state folder")
    refused(g, "docs/b.md", "hidden")
    assert g.is_hidden(sandbox / ".fileagent" / "x") and not g.is_hidden(sandbox / "a.txt")


@pytest.mark.parametrize(
    "path",
    [
        "run.sh",
        "scripts/deep/x.sh",
        "TOOL.EXE",
        "bin/tool.exe.",
        "lib/x.dll ",
        "drivers/a.SYS",
        "x.DyLib",
        "scripts.sh/inner.txt",
    ],
)
def test_deny_patterns(guard, path):
    # Windows name rules refuse a trailing dot or space before the deny list is consulted
    refused(guard, path, "deny pattern|ends with a dot or a space" if guard.windows else "deny pattern")


def test_deny_nfd_and_case(sandbox):
    g = Guard(sandbox, ["café/**", "Secret*.TXT"])
    nfd = "cafe\u0301/menu.txt"
    refused(g, nfd, "deny pattern")
    # matched in NFC, but the name reaching the disk is the one written (never another entry's)
    assert Guard(sandbox, []).resolve(nfd) == sandbox / "cafe\u0301" / "menu.txt"
    refused(g, "docs/secret-1.txt", "deny pattern")
    assert g.is_denied("CAFÉ/x") and g.is_denied(str(sandbox / "café" / "x"))
    assert not g.is_denied("docs/b.md")


def test_absolute_deny_patterns(tmp_path):
    g = Guard(tmp_path, ["/etc/**", str(tmp_path / "private") + "/**"])
    assert g.is_denied("/etc/passwd") and g.is_denied("/ETC/hosts")
    assert g.is_denied("private/x.txt") and g.is_denied(str(tmp_path / "private"))
    assert not g.is_denied("public/x.txt")
    with pytest.raises(PolicyError, match="deny pattern"):
        g.resolve("private/a/b")


def test_allow_ops(sandbox):
    g = Guard.from_config(Config.from_dict({"agent": {"allow_ops": ["list", "read"]}}), sandbox)
    g.check_op("list", 1)
    with pytest.raises(PolicyError, match="'delete' is not allowed") as ei:
        g.check_op("delete", 2)
    assert ei.value.step == 2


# ---------------------------------------------------------------- symlinks


def test_directory_link_out_of_root(guard, sandbox, tmp_path):
    os.symlink(tmp_path / "outside" / "dir", sandbox / "linkdir")
    refused(guard, "linkdir/p.txt", "outside the sandbox root through a symbolic link")
    refused(guard, "linkdir/new.txt", "outside")
    refused(guard, "linkdir", "pointing outside")


def test_file_link_out_of_root(guard, sandbox, tmp_path):
    os.symlink(tmp_path / "outside" / "o.txt", sandbox / "o_link.txt")
    refused(guard, "o_link.txt", "pointing outside")


def test_dangling_link_to_new_outside_file(guard, sandbox, tmp_path):
    os.symlink(tmp_path / "outside" / "not_yet.txt", sandbox / "trap.txt")
    refused(guard, "trap.txt", "pointing outside")
    assert not (tmp_path / "outside" / "not_yet.txt").exists()


def test_link_inside_root_is_allowed_and_returned_as_itself(guard, sandbox):
    os.symlink(sandbox / "docs", sandbox / "docs_link")
    os.symlink("a.txt", sandbox / "a_link.txt")
    assert guard.resolve("a_link.txt") == sandbox / "a_link.txt"
    assert guard.resolve("docs_link/b.md") == sandbox / "docs" / "b.md"
    os.symlink("scripts/run.py", sandbox / "innocent.txt")
    refused(Guard(sandbox, ["*.py"]), "innocent.txt", "deny pattern")
    os.symlink(".fileagent/journal.jsonl", sandbox / "j")
    refused(guard, "j", "state folder")


def test_link_chain_that_leaves(guard, sandbox, tmp_path):
    os.symlink(tmp_path / "outside", sandbox / "hop1")
    os.symlink("hop1/o.txt", sandbox / "hop2")
    refused(guard, "hop2", "pointing outside")


def test_entry_fast_path_matches_resolve(guard, sandbox):
    assert guard.entry_denied("scripts", "x.SH") == "*.sh"
    assert guard.entry_denied("", "readme.md") is None
    assert guard.invisible("", ".fileagent", str(sandbox / ".fileagent"))
    assert not guard.invisible("docs", ".fileagent", str(sandbox / "docs" / ".fileagent"))


# ---------------------------------------------------------------- Windows rules


@pytest.mark.parametrize(
    "path, why",
    [
        ("C:foo", "drive-relative"),
        ("C:\\Windows\\x", "absolute Windows drive"),
        ("\\\\server\\share\\x", "UNC"),
        ("//server/share", "UNC"),
        ("\\\\?\\C:\\x", "prefix"),
        ("\\\\.\\PhysicalDrive0", "prefix"),
        ("CON", "reserved"),
        ("docs/nul.txt", "reserved"),
        ("com1.log", "reserved"),
        ("LPT9", "reserved"),
        ("aux .txt", "reserved"),
        ("notes./a", "dot or a space"),
        ("a ", "dot or a space"),
        ("a.txt:secret", "alternate data stream"),
        ("a\\b\\c:zone", "':'"),
        ("what?.txt", "forbids"),
    ],
)
def test_windows_problems(path, why):
    assert why in (windows_path_problem(path) or "")


@pytest.mark.parametrize(
    "path", ["docs/a.txt", "docs\\a.txt", "console.txt", "com10.txt", "a..b", ".hidden", "lpt.txt", "../x"]
)
def test_windows_ok(path):
    assert windows_path_problem(path) is None


def test_guard_applies_windows_rules_when_asked(sandbox):
    g = Guard(sandbox, [], windows=True)
    refused(g, "docs/CON.txt", "reserved")
    refused(g, "a.txt:ads", "':'")
    refused(g, "\\\\server\\share\\x", "UNC")
    g_posix = Guard(sandbox, [], windows=False)
    assert g_posix.resolve("a.txt:ads") == sandbox / "a.txt:ads"  # ':' is an ordinary character there
    refused(g_posix, "C:foo", "drive-relative")  # never meaningful in a plan
    refused(g_posix, "\\\\server\\share\\x", "UNC")

"""Home folders, environment variables and file URLs at the front of a plan path mean those places:
the Guard judges where they lead, under the POSIX and the Windows name rules."""

from __future__ import annotations

import os

import pytest

from fileagent.errors import ExitStatus, PlanError, PolicyError
from fileagent.policies.guard import Guard
from fileagent.policies.places import is_place_name, place_of


@pytest.fixture
def root(tmp_path, make_tree):
    return make_tree(tmp_path / "sb", {"a.txt": "a", "~/old.txt": "o", "h/inner/x.txt": "x"})


@pytest.fixture
def env(tmp_path):
    return {
        "HOME": str(tmp_path / "home"),
        "USERPROFILE": str(tmp_path / "profile"),
        "DOCS": str(tmp_path / "docs"),
        "INSIDE": str(tmp_path / "sb" / "h"),
        "REL": "relative/dir",
        "EMPTY": "",
    }


@pytest.fixture(params=[False, True], ids=["posix", "windows"])
def guard(request, root, env):
    return Guard(root, [], windows=request.param, env=env)


def refused(guard, path, *needles):
    with pytest.raises(PolicyError) as ei:
        guard.resolve(path, step=1, op="copy")
    msg = str(ei.value)
    assert ei.value.exit_status == ExitStatus.REFUSED and ei.value.path == path
    assert guard.root_str in msg and "\n" not in msg
    for n in needles:
        assert n in msg, msg
    return msg


@pytest.mark.parametrize(
    "path, kind, head, name, rest",
    [
        ("~", "home", "~", "", ""),
        ("~/foobar", "home", "~", "", "foobar"),
        ("~root/x", "home", "~root", "root", "x"),
        ("~www-data\\x\\y", "home", "~www-data", "www-data", "x\\y"),
        ("$HOME/x", "variable", "$HOME", "HOME", "x"),
        ("${HOME}", "variable", "${HOME}", "HOME", ""),
        ("%USERPROFILE%\\docs", "variable", "%USERPROFILE%", "USERPROFILE", "docs"),
        ("file:///tmp/x", "url", "file://", "", "/tmp/x"),
        ("FILE://localhost/tmp/a%20b", "url", "FILE://localhost", "localhost", "/tmp/a b"),
        ("file:/tmp/x", "url", "file:", "", "/tmp/x"),
        ("file://server/share", "url", "file://server", "server", "/share"),
    ],
)
def test_places_are_read(path, kind, head, name, rest):
    p = place_of(path)
    assert p is not None and (p.kind, p.head, p.name, p.rest) == (kind, head, name, rest)


@pytest.mark.parametrize(
    "path",
    [
        "notes~",
        "a$b.txt",
        "100%.txt",
        "~$report.docx",
        "$RECYCLE.BIN",
        "./~",
        "./$HOME",
        "docs/~",
        "docs/$HOME/x",
        "~tmp.txt",
        "~WRL0001.tmp",
        "$",
        "%",
        "%%",
        "%A",
        "$A.b",
        "${A",
        "${A-b}",
        "%A B%",
        "~a.b",
        "~*",
        "file:notes",
        "files/x",
        "~+",
        "$HOME.txt",
        "%TEMP%.log",
    ],
)
def test_ordinary_names_stay_names(path):
    assert place_of(path) is None


@pytest.mark.parametrize(
    "name, is_place",
    [
        ("~", True),
        ("~bob", True),
        ("$HOME", True),
        ("${X_1}", True),
        ("%TEMP%", True),
        ("~$report.docx", False),
        ("$RECYCLE.BIN", False),
        ("notes~", False),
        ("100%", False),
        ("file:", False),
    ],
)
def test_place_names(name, is_place):
    assert is_place_name(name) is is_place


def test_the_five_forms_are_refused_naming_the_root(guard, tmp_path):
    assert "your home folder" in refused(guard, "~/foobar", str(tmp_path / "home"))
    refused(guard, "~root/x", "home folder of user root")
    refused(guard, "$HOME/x", "environment variable HOME", str(tmp_path / "home"))
    refused(guard, "%USERPROFILE%\\docs", "environment variable USERPROFILE", str(tmp_path / "profile"))
    refused(guard, "file:///tmp/x", "file URL for /tmp/x")
    refused(guard, "${DOCS}", "environment variable DOCS")
    refused(guard, "~", "your home folder")


def test_other_places_are_refused(guard):
    refused(guard, "~nosuchuser12345/x", "user nosuchuser12345, who has none here")
    refused(guard, "file://server/share/x", "another machine (server)")
    refused(guard, "file://localhost/etc/passwd", "/etc/passwd")
    refused(guard, "file:///C:/Users/x", "C:/Users/x")
    refused(guard, "$REL/x", "relative/dir")  # relative to the current folder, as in a shell


def test_an_unset_variable_is_a_plan_error(guard):
    for path in ("$NOPE_NOT_SET/x", "${NOPE_NOT_SET}", "%NOPE_NOT_SET%\\x", "$EMPTY/x"):
        with pytest.raises(PlanError) as ei:
            guard.resolve(path, step=2, op="move")
        assert ei.value.exit_status == ExitStatus.NO_PLAN and "is not set" in str(ei.value)
        assert ei.value.step == 2 and ei.value.path == path


def test_places_inside_the_root_are_their_real_path(guard, root):
    assert guard.resolve("$INSIDE/inner/x.txt") == root / "h" / "inner" / "x.txt"
    assert guard.resolve("${INSIDE}") == root / "h"
    assert guard.resolve(f"file://{root.as_posix()}/a.txt") == root / "a.txt"
    assert guard.resolve(f"file://{root.as_posix()}/h/../a%2Etxt") == root / "a.txt"
    assert guard.rel(guard.resolve("%INSIDE%\\inner")) == "h/inner"


def test_a_home_inside_the_root(root):
    g = Guard(root, [], env={"HOME": str(root / "h")})
    assert g.resolve("~/inner") == root / "h" / "inner"
    assert g.resolve("~") == root / "h"


def test_the_place_then_the_usual_checks(root, env):
    g = Guard(root, ["*.sh"], env=env)
    with pytest.raises(PolicyError, match="deny pattern"):
        g.resolve("$INSIDE/run.sh")
    with pytest.raises(PolicyError, match="state folder"):
        Guard(root, [], env={"X": str(root / ".fileagent")}).resolve("$X/journal")
    w = Guard(root, [], windows=True, env=env)
    with pytest.raises(PolicyError, match="reserved Windows device name"):
        w.resolve("$INSIDE/CON")


def test_windows_variable_names_ignore_case(root, tmp_path):
    g = Guard(root, [], windows=True, env={"UserProfile": str(tmp_path / "p")})
    refused(g, "%USERPROFILE%\\docs", str(tmp_path / "p"))
    with pytest.raises(PlanError):
        Guard(root, [], windows=False, env={"UserProfile": "x"}).resolve("%USERPROFILE%\\docs")


def test_windows_paths_in_a_value_are_never_inside_a_posix_root(root):
    if os.name == "nt":
        pytest.skip("POSIX root")
    g = Guard(root, [], windows=True, env={"USERPROFILE": "C:\\Users\\me", "SHARE": "\\\\srv\\share"})
    refused(g, "%USERPROFILE%\\docs", "C:\\Users\\me")
    refused(g, "%SHARE%\\docs", "\\\\srv\\share")


def test_ordinary_names_resolve_as_names(guard, root):
    for name in ("notes~", "a$b.txt", "100%.txt", "~$report.docx", "$RECYCLE.BIN", "~WRL0001.tmp"):
        assert guard.resolve(name) == root / name
    assert guard.resolve("./~") == root / "~"
    assert guard.resolve("./~/old.txt") == root / "~" / "old.txt"
    assert guard.resolve("docs/~/$HOME") == root / "docs" / "~" / "$HOME"
    assert guard.resolve("~/old.txt", literal=True) == root / "~" / "old.txt"


def test_no_new_entry_has_a_place_name(guard):
    for name in ("~", "~bob", "$HOME", "${HOME}", "%TEMP%"):
        assert guard.new_name_problem(name) and "shell" in guard.new_name_problem(name)
    for name in ("~$report.docx", "$RECYCLE.BIN", "notes~", "100%.txt", "a.txt"):
        assert guard.new_name_problem(name) is None


def test_backslashes_after_the_head_follow_the_platform(root, env):
    posix, win = Guard(root, [], windows=False, env=env), Guard(root, [], windows=True, env=env)
    assert posix.resolve("$INSIDE/a\\b.txt") == root / "h" / "a\\b.txt"  # a character of a name
    assert win.resolve("$INSIDE\\inner\\x.txt") == root / "h" / "inner" / "x.txt"
    with pytest.raises(PolicyError, match="climbs with '..' between backslashes"):
        posix.resolve("$INSIDE/..\\..\\x")

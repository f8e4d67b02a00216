"""Windows and macOS path rules, proven on Linux through pure-path logic.

`Guard(root, deny, windows=True)` applies the Windows naming rules (fileagent/policies/winpath.py)
whatever the host OS; the prefix rules (drives, UNC, device prefixes) apply on every OS because
such a string is never a meaningful sandbox-relative plan path. Deny patterns are matched
case-insensitively after NFC normalisation with trailing dots/spaces stripped on every platform
(Windows and macOS filesystems are case-insensitive by default; macOS stores NFD names).
"""

from __future__ import annotations

import itertools

import pytest

from fileagent.config.loader import DEFAULT_DENY
from fileagent.errors import PolicyError
from fileagent.policies.guard import Guard
from fileagent.policies.winpath import name_problem, prefix_problem, windows_path_problem

RESERVED = ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
SUPERSCRIPT = ["COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3"]


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "sb"
    (r / "docs").mkdir(parents=True)
    return r


@pytest.fixture
def win(root):
    return Guard(root, DEFAULT_DENY, windows=True)


@pytest.fixture
def posix(root):
    return Guard(root, DEFAULT_DENY, windows=False)


def refused(guard, path, why=""):
    with pytest.raises(PolicyError) as ei:
        guard.resolve(path, step=1, op="create")
    assert why.lower() in str(ei.value).lower(), str(ei.value)
    assert ei.value.exit_status == 3


@pytest.mark.parametrize(
    "path, why",
    [
        ("C:foo", "drive-relative"),
        ("c:foo\\bar.txt", "drive-relative"),
        ("Z:", "drive-relative"),
        ("C:\\Windows\\system32\\x.dll", "drive"),
        ("C:/Users/x", "drive"),
        ("d:\\", "drive"),
        ("\\\\server\\share\\x", "UNC"),
        ("//server/share/x", "UNC"),
        ("\\/server/share", "UNC"),
        ("/\\server", "UNC"),
        ("\\\\?\\C:\\Windows", "prefix"),
        ("//?/C:/Windows", "prefix"),
        ("\\\\.\\PhysicalDrive0", "prefix"),
        ("//./pipe/x", "prefix"),
        ("\\??\\C:\\x", "prefix"),
        ("\\\\?\\UNC\\server\\share", "prefix"),
    ],
)
def test_prefixes_refused_on_every_platform(win, posix, path, why):
    assert prefix_problem(path)
    refused(win, path, why)
    refused(posix, path)


@pytest.mark.parametrize("name", RESERVED + SUPERSCRIPT + ["CONIN$", "CONOUT$"])
def test_reserved_device_names_any_case_any_extension(win, name):
    variants = {
        name,
        name.lower(),
        name.title(),
        name + ".txt",
        name.lower() + ".tar.gz",
        name + " .log",
        f"docs/{name}",
        f"docs/{name.lower()}.md/x",
    }
    for v in variants:
        refused(win, v, "reserved")
    assert name_problem(name.lower() + ".txt")


@pytest.mark.parametrize(
    "name",
    ["console.txt", "COM10", "com0x", "LPT", "auxiliary.md", "nul_file", "PRN1", "xcon", "con-fig.txt", "COM\u2074"],
)
def test_names_that_only_look_reserved_are_fine(win, root, name):
    assert name_problem(name) is None
    assert win.resolve(f"docs/{name}") == root / "docs" / name


@pytest.mark.parametrize(
    "path",
    [
        "a.",
        "a ",
        "docs./x",
        "docs /x",
        "x.txt.",
        "x.txt ",
        "x. . ",
        "...",
        "docs/.. .",
        "a\t",
        "what?.txt",
        "a*b",
        "a<b",
        "a>b",
        "a|b",
        'a"b',
        "bell\x07",
    ],
)
def test_trailing_dots_spaces_and_forbidden_characters(win, path):
    refused(win, path)
    assert windows_path_problem(path)


@pytest.mark.parametrize(
    "path", ["a.txt:secret", "a.txt::$DATA", "docs:stream/x", "docs/b.md:Zone.Identifier", "dir:$I30:$INDEX_ALLOCATION"]
)
def test_alternate_data_streams(win, posix, root, path):
    refused(win, path, "':'")
    # on POSIX ':' is an ordinary character: the name stays a name inside the root
    assert str(posix.resolve(path)).startswith(str(root) + "/")


@pytest.mark.parametrize("path", ["PROGRA~1/x.exe.txt", "docs/MYDOCU~1.TXT", "SECRET~2", "a/LONGNA~12.md", "progra~1"])
def test_8dot3_short_names_refused_on_windows(win, path):
    # On Windows "PROGRA~1" may alias "Program Files": an alias of a denied folder would slip past
    # the deny patterns, so a short-name-shaped component is refused rather than guessed at.
    refused(win, path, "8.3")


@pytest.mark.parametrize("name", ["notes~old.txt", "~tmp", "a~b~c", "backup~", "TOOLONGNAME~1.txt", "x~y1"])
def test_tilde_names_that_are_not_short_names(win, root, name):
    assert win.resolve(f"docs/{name}") == root / "docs" / name


@pytest.mark.parametrize("guard_kind", ["win", "posix"])
@pytest.mark.parametrize(
    "path",
    [
        "TOOL.EXE",
        "tool.exe",
        "Tool.Exe",
        "bin/TOOL.EXE",
        "x.DLL",
        "lib/y.So",
        "drivers/z.SyS",
        "a.DyLib",
        "run.SH",
        "run.Bat",
        "dir.sh/inner.txt",
    ],
)
def test_deny_patterns_case_insensitive(request, path, guard_kind):
    refused(request.getfixturevalue(guard_kind), path, "deny pattern")


@pytest.mark.parametrize("path", ["tool.exe.", "tool.exe ", "tool.exe. .", "TOOL.EXE...", "bin.sh./x"])
def test_deny_patterns_ignore_trailing_dots_and_spaces(posix, win, path):
    refused(posix, path, "deny pattern")  # Windows would open tool.exe for "tool.exe."
    refused(win, path)  # (Windows also refuses the trailing dot itself)


def test_deny_patterns_after_nfc_and_casefold(root):
    nfc_pat = ["caf\u00e9/**", "r\u00e9sum\u00e9*.pdf", "STRASSE.txt"]
    for windows in (True, False):
        g = Guard(root, nfc_pat, windows=windows)
        for p in [
            "cafe\u0301/menu.txt",
            "CAF\u00c9/x",
            "CAFE\u0301/x",
            "r\u00e9sum\u00e9-2024.PDF",
            "re\u0301sume\u0301.pdf",
            "RE\u0301SUME\u0301.PDF",
            "strasse.TXT",
        ]:
            refused(g, p, "deny pattern")
        # deny matching is on the NFC form; the name reaching the disk is exactly the one asked for
        assert Guard(root, [], windows=windows).resolve("cafe\u0301/m") == root / "cafe\u0301" / "m"
    # NFD *pattern* from a config written on macOS matches NFC and NFD paths too
    g = Guard(root, ["cafe\u0301/**"])
    refused(g, "caf\u00e9/x", "deny pattern")
    refused(g, "cafe\u0301/x", "deny pattern")


def test_casefold_beyond_ascii(root):
    g = Guard(root, ["stra\u00dfe/**", "\u0130stanbul.txt"])
    refused(g, "STRASSE/x", "deny pattern")  # casefold: ß -> ss
    refused(g, "strasse/x", "deny pattern")


def test_zero_width_and_lookalikes_are_other_names(root):
    g = Guard(root, DEFAULT_DENY)
    # these are genuinely different names on every filesystem: allowed, and they stay inside
    for p in ["tool\u200b.exe.txt", "\uff0e\uff0e/x", "\u2024\u2024/x", "..\u200b/x", "a\uff0fb", "a\uff3cb"]:
        assert str(g.resolve(p)).startswith(str(root) + "/")


def test_absolute_system_deny_patterns_case_insensitive(tmp_path):
    # a root *inside* a denied system folder is refused whatever the case used to name it
    g = Guard(tmp_path, [str(tmp_path).upper() + "/PRIVATE/**", "/System/**"])
    refused(g, "private/x.txt", "deny pattern")
    refused(g, "Private/Sub/y", "deny pattern")
    assert g.is_denied("/system/library/x") and g.is_denied("/SYSTEM/Library")


def test_mixed_separators_never_escape(win, posix):
    for g in (win, posix):
        for p in ["docs\\..\\..\\x", "docs/..\\..\\x", "..\\x", "docs\\../..", "a\\b/..\\..\\..\\x"]:
            refused(g, p)


def test_windows_rules_generated_combinations(win):
    # every reserved stem x every extension x every position: refused; a letter appended: allowed
    for stem, ext, where in itertools.product(RESERVED + SUPERSCRIPT, ["", ".txt", ".a.b"], ["", "docs/", "d1/d2/"]):
        refused(win, f"{where}{stem.lower()}{ext}", "reserved")
        win.resolve(f"{where}{stem}X{ext}")

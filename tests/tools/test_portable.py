"""The file-system layer per OS: capabilities chosen at start-up, and the windows and macOS rules
(FILEAGENT_PORTABLE) exercised on this machine. Each test picks its mode with `fs_mode`, so it
checks the same thing whatever mode the whole suite runs under."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from fileagent.cli.fast import main
from fileagent.errors import PolicyError
from fileagent.policies.guard import Guard
from fileagent.tools.fs import dirfd, emulate, fsops, locking, platform

REPO = Path(__file__).resolve().parents[2]
NFD = unicodedata.normalize("NFD", "caf\u00e9")
NFC = "caf\u00e9"


def fa(*args: str, env: dict | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err, stdin=io.StringIO(""), env=env)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cfg(tmp_path):
    p = tmp_path / "config.yaml"
    p.write_text(f"agent:\n  log_path: {tmp_path / 'audit.jsonl'}\n", encoding="utf-8")
    return str(p)


def apply(root: Path, cfg: str, steps: list[dict], *extra: str) -> tuple[int, str, str]:
    plan = root.parent / "plan.json"
    plan.write_text(json.dumps({"version": 1, "steps": steps}), encoding="utf-8")
    return fa("apply", "--root", str(root), "--config", cfg, "--yes", *extra, str(plan))


def names_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


# ------------------------------------------------------------------ capabilities


def test_each_mode_has_exactly_that_os_calls(fs_mode):
    fs_mode("windows")
    win = platform.current()
    assert (win.dir_fd, win.noreplace, win.lock) == (False, "check-then-rename", "msvcrt")
    assert win.names.windows and win.names.case_insensitive and not win.names.normalisation_insensitive
    assert not dirfd.supported() and fsops._renameat2_in_use() is None
    fs_mode("macos")
    mac = platform.current()
    assert (mac.dir_fd, mac.noreplace, mac.lock) == (platform._os_has_dir_fd(), "check-then-rename", "flock")
    assert mac.names.case_insensitive and mac.names.normalisation_insensitive and not mac.names.windows
    assert fsops._renameat2_in_use() is None
    fs_mode(None)
    native = platform.current()
    assert not native.emulated and native.names.case_insensitive is None
    if sys.platform.startswith("linux"):
        assert (native.dir_fd, native.noreplace, native.lock) == (True, "renameat2", "flock")


def test_info_names_the_file_layer(tmp_path, cfg, fs_mode):
    def info(*extra: str) -> str:
        code, out, err = fa("info", "--root", str(tmp_path), "--config", cfg, *extra)
        assert code == 0 and err == ""
        return out

    fs_mode("windows")
    assert (
        json.loads(info("--json"))["file_layer"] == "portable (windows rules): path calls + check-then-rename "
        "+ msvcrt-style lock (emulated); case-insensitive names, Windows name rules"
    )
    assert "file layer:  portable (windows rules)" in info()
    fs_mode("macos")
    assert json.loads(info("--json"))["file_layer"].startswith("portable (macos rules): ")
    fs_mode(None)
    if sys.platform.startswith("linux"):
        assert (
            json.loads(info("--json"))["file_layer"]
            == "dirfd + renameat2 + flock; names as the filesystem compares them"
        )


def test_the_mode_is_read_from_the_environment_at_start_up(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "FILEAGENT_PORTABLE"}
    env["PYTHONPATH"] = str(REPO)

    def info(mode: str | None) -> subprocess.CompletedProcess:
        e = dict(env, FILEAGENT_PORTABLE=mode) if mode is not None else env
        return subprocess.run(
            [sys.executable, "-m", "fileagent", "info", "--json", "--root", str(tmp_path)],
            env=e,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )

    def layer(mode: str | None) -> str:
        return json.loads(info(mode).stdout)["file_layer"]

    assert layer("windows").startswith("portable (windows rules)")
    assert layer("macos").startswith("portable (macos rules)")
    assert "portable" not in layer(None)
    bad = info("beos")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == "fileagent: error: FILEAGENT_PORTABLE must be 'windows' or 'macos' (or unset), not 'beos'\n"


# ------------------------------------------------------------------ names that differ in case


def test_move_into_a_folder_holding_another_case_collides_only_under_windows_rules(tmp_path, make_tree, cfg, fs_mode):
    steps = [{"op": "move", "select": {"path": "a.txt"}, "to": "dst"}]
    for mode, after in (
        ("windows", ["A.txt", "a (1).txt"]),
        ("macos", ["A.txt", "a (1).txt"]),
        (None, ["A.txt", "a.txt"]),
    ):
        fs_mode(mode)
        root = make_tree(tmp_path / f"r-{mode}", {"a.txt": "new", "dst/A.txt": "old"})
        code, out, err = apply(root, cfg, steps, "--on-conflict", "rename_new")
        assert code == 0, err
        assert names_in(root / "dst") == after, mode
        assert (root / "dst" / "A.txt").read_text() == "old"
    fs_mode("windows")
    root = make_tree(tmp_path / "skip", {"a.txt": "new", "dst/A.txt": "old"})
    code, _out, err = apply(root, cfg, steps, "--on-conflict", "skip")
    assert code == 0 and names_in(root / "dst") == ["A.txt"] and (root / "a.txt").exists()


def test_the_collision_through_a_real_subprocess(tmp_path, make_tree, cfg):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"version": 1, "steps": [{"op": "move", "select": {"path": "a.txt"}, "to": "dst"}]}))
    env = {k: v for k, v in os.environ.items() if k != "FILEAGENT_PORTABLE"}
    env["PYTHONPATH"] = str(REPO)
    for mode, moved_as in (("windows", "a (1).txt"), ("", "a.txt")):
        root = make_tree(tmp_path / f"r{mode}", {"a.txt": "new", "dst/A.txt": "old"})
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "fileagent",
                "apply",
                "--root",
                str(root),
                "--config",
                cfg,
                "--yes",
                "--on-conflict",
                "rename_new",
                str(plan),
            ],
            env=dict(env, FILEAGENT_PORTABLE=mode),
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert r.returncode == 0, r.stderr
        assert names_in(root / "dst") == sorted(["A.txt", moved_as])


def test_the_layer_itself_finds_and_refuses_other_cases(tmp_path, make_tree, fs_mode):
    for mode in ("windows", "macos"):
        fs_mode(mode)
        root = make_tree(tmp_path / mode, {"Docs/A.txt": "a", "b.txt": "b"})
        fsops.anchor(str(root))
        assert fsops.lexists(str(root / "docs" / "a.TXT"))
        assert fsops.read_bytes(str(root / "DOCS" / "a.txt")) == b"a"
        with pytest.raises(FileExistsError):
            fsops.rename_noreplace(str(root / "b.txt"), str(root / "Docs" / "a.txt"))
        with pytest.raises(FileExistsError):
            dirfd.mkdir(str(root / "DOCS"))
        fsops.rename_noreplace(str(root / "b.txt"), str(root / "B.txt"))  # a case-only rename is allowed
        assert names_in(root) == ["B.txt", "Docs"]
        fsops.atomic_write(str(root / "docs" / "a.txt"), b"new")  # writes the entry that exists
        assert names_in(root / "Docs") == ["A.txt"] and (root / "Docs" / "A.txt").read_bytes() == b"new"
    fs_mode(None)
    root = make_tree(tmp_path / "native", {"A.txt": "a", "b.txt": "b"})
    if not (root / "a.txt").exists():  # a case-sensitive filesystem
        fsops.rename_noreplace(str(root / "b.txt"), str(root / "a.txt"))
        assert names_in(root) == ["A.txt", "a.txt"]


# ------------------------------------------------------------------ macOS: NFD names, .DS_Store, ~/Library


def test_macos_rules_act_on_an_nfd_name_written_by_an_older_filesystem(tmp_path, make_tree, cfg, fs_mode):
    fs_mode("macos")
    root = make_tree(tmp_path / "r", {f"{NFD}/menu.txt": "m", "out/x.txt": "x", f"{NFD}.txt": "old"})
    code, out, err = apply(root, cfg, [{"op": "move", "select": {"path": f"{NFC}/menu.txt"}, "to": "out"}])
    assert code == 0, err
    assert names_in(root / "out") == ["menu.txt", "x.txt"] and names_in(root / NFD) == []
    # an NFC name moved next to its NFD spelling collides
    (root / "new").mkdir()
    (root / "new" / f"{NFC}.txt").write_text("new")
    code, _out, err = apply(
        root, cfg, [{"op": "move", "select": {"path": f"new/{NFC}.txt"}, "to": "."}], "--on-conflict", "rename_new"
    )
    assert code == 0, err
    assert (root / f"{NFD}.txt").read_text() == "old" and (root / f"{NFC} (1).txt").read_text() == "new"


def test_ds_store_is_passed_over_by_wildcards_under_macos_rules(tmp_path, make_tree, cfg, fs_mode):
    tree = {"in/a.txt": "a", "in/.DS_Store": "finder", "in/sub/.DS_Store": "finder", "out/.keep": ""}
    for mode, left in (("macos", [".DS_Store", "sub"]), (None, ["sub"])):
        fs_mode(mode)
        root = make_tree(tmp_path / f"r-{mode}", tree)
        code, out, err = apply(root, cfg, [{"op": "move", "select": {"in": "in", "pattern": "*"}, "to": "out"}])
        assert code == 0, err
        assert names_in(root / "in") == left, mode
    fs_mode("macos")
    root = make_tree(tmp_path / "named", tree)
    code, _out, err = apply(
        root, cfg, [{"op": "delete", "select": {"in": ".", "pattern": ".DS_Store", "recursive": True}}]
    )
    assert code == 0, err
    assert not (root / "in" / ".DS_Store").exists() and not (root / "in" / "sub" / ".DS_Store").exists()


def test_library_in_the_home_folder_is_denied(tmp_path, make_tree, monkeypatch):
    from fileagent.config.loader import DEFAULT_DENY

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    home = make_tree(tmp_path / "home", {"Library/Preferences/x.plist": "p", "notes.txt": "n"})
    g = Guard(home, DEFAULT_DENY)
    with pytest.raises(PolicyError, match=r"deny pattern '~/Library/\*\*'"):
        g.resolve("Library/Preferences/x.plist")
    with pytest.raises(PolicyError, match="deny pattern"):
        g.resolve("library/x")  # deny patterns ignore case everywhere
    assert g.resolve("notes.txt") == home / "notes.txt"
    assert Guard(tmp_path, DEFAULT_DENY).resolve("Library/x") == tmp_path / "Library" / "x"  # elsewhere: a name


# ------------------------------------------------------------------ windows rules


@pytest.mark.parametrize(
    "path,why",
    [
        ("CON", "reserved"),
        ("docs/nul.txt", "reserved"),
        ("COM1.log", "reserved"),
        ("a.txt.", "dot or a space"),
        ("b.txt ", "dot or a space"),
        ("a.txt:secret", "':'"),
        ("docs\\PROGRA~1\\x", "8.3 short name"),
    ],
)
def test_windows_name_rules_apply_in_the_windows_mode_only(tmp_path, fs_mode, path, why):
    fs_mode("windows")
    with pytest.raises(PolicyError, match=why):
        Guard(tmp_path, []).resolve(path)
    fs_mode(None)
    if "\\" not in path and os.name != "nt":
        assert Guard(tmp_path, []).resolve(path) == tmp_path / path


def test_backslash_separates_folders_under_windows_rules(tmp_path, make_tree, cfg, fs_mode):
    fs_mode("windows")
    root = make_tree(tmp_path / "r", {"docs/b.md": "b", "out/.keep": ""})
    assert Guard(root, []).resolve("docs\\b.md") == root / "docs" / "b.md"
    code, _out, err = apply(root, cfg, [{"op": "move", "select": {"path": "docs\\b.md"}, "to": "out"}])
    assert code == 0, err
    assert (root / "out" / "b.md").read_text() == "b"


def test_windows_system_folders_are_denied(tmp_path, fs_mode):
    from fileagent.config.loader import DEFAULT_DENY

    fs_mode("windows")
    g = Guard(tmp_path, DEFAULT_DENY)
    assert g.windows
    for p, pat in (
        ("C:\\Windows\\System32\\drivers\\etc\\hosts", "C:/Windows/**"),
        ("c:/WINDOWS/notepad.exe", "C:/Windows/**"),
        ("C:\\Program Files (x86)\\App\\a.dll", "C:/Program Files (x86)/**"),
        ("C:\\Program Files\\App\\readme.txt", "C:/Program Files/**"),
        ("C:/programdata/x", "C:/ProgramData/**"),
    ):
        assert g.denied_by(p) == pat, p
        with pytest.raises(PolicyError, match="refused"):
            g.resolve(p)
    with pytest.raises(PolicyError):
        g.resolve("C:/PROGRA~1/App/x.txt")


def test_a_file_open_in_another_program_fails_in_one_line_and_rolls_back(tmp_path, make_tree, read_tree, cfg, fs_mode):
    fs_mode("windows")
    root = make_tree(tmp_path / "r", {"a.txt": "a", "docs/report.docx": "r", "b.txt": "b"})
    before = read_tree(root)
    steps = [
        {"op": "move", "select": {"path": "a.txt"}, "to": "archive"},
        {"op": "delete", "select": {"path": "docs/report.docx"}},
        {"op": "move", "select": {"path": "b.txt"}, "to": "archive"},
    ]
    with emulate.hold_open(str(root / "docs" / "report.docx")):
        code, out, err = apply(root, cfg, steps)
        assert code == 1
        assert err.count("\n") == 1 and err.startswith("fileagent: error: ")
        assert "being used by another process" in err and "report.docx" in err
        assert read_tree(root) == before  # a.txt's move was rolled back
        # a folder holding an open file cannot be moved either
        code, out, err = apply(root, cfg, [{"op": "move", "select": {"path": "docs"}, "to": "archive"}])
        assert code == 1 and "being used by another process" in err and read_tree(root) == before
    code, _out, err = apply(root, cfg, steps)  # closed: it goes through
    assert code == 0, err
    fs_mode(None)  # elsewhere nothing stops an open file's rename
    root = make_tree(tmp_path / "n", {"a.txt": "a"})
    with emulate.hold_open(str(root / "a.txt")):
        assert apply(root, cfg, [{"op": "delete", "select": {"path": "a.txt"}}])[0] == 0


def _junction_stat(path, real_lstat=os.lstat, junctions=()):
    st = real_lstat(path)
    if os.fspath(path) not in junctions:
        return st
    from fileagent.policies import links

    return _with_reparse(st, links.FILE_ATTRIBUTE_REPARSE_POINT, links.IO_REPARSE_TAG_MOUNT_POINT)


def _with_reparse(st, attrs: int, tag: int) -> SimpleNamespace:
    """An lstat result as Windows gives it for a reparse point (these fields exist only there)."""
    fields = {f: getattr(st, f) for f in dir(st) if f.startswith("st_")}
    return SimpleNamespace(**dict(fields, st_file_attributes=attrs, st_reparse_tag=tag))


def test_reparse_points_count_as_links():
    from fileagent.policies import links

    def st(attrs: int, tag: int) -> SimpleNamespace:
        return _with_reparse(os.lstat("."), attrs, tag)

    assert links.is_link_stat(st(0x400, links.IO_REPARSE_TAG_MOUNT_POINT))  # a junction
    assert links.is_link_stat(st(0x400, links.IO_REPARSE_TAG_SYMLINK))
    assert not links.is_link_stat(st(0x400, 0x9000001A))  # a OneDrive placeholder keeps its data
    assert not links.is_link_stat(st(0x10, 0)) and not links.is_link_stat(os.lstat("."))


def test_a_junction_is_not_entered_under_windows_rules(tmp_path, make_tree, cfg, fs_mode, monkeypatch):
    from functools import partial

    from fileagent.policies import links

    fs_mode("windows")
    root = make_tree(tmp_path / "r", {"j/inside.txt": "i", "top.txt": "t", "out/.keep": ""})
    monkeypatch.setattr(links, "_lstat", partial(_junction_stat, junctions={str(root / "j")}))
    code, _out, err = apply(
        root, cfg, [{"op": "move", "select": {"in": ".", "pattern": "*.txt", "recursive": True}, "to": "out"}]
    )
    assert code == 0, err
    assert names_in(root / "out") == [".keep", "top.txt"] and names_in(root / "j") == ["inside.txt"]
    assert links.islink(str(root / "j")) and not links.islink(str(root / "out"))


def test_long_paths(tmp_path, make_tree, cfg, fs_mode):
    long_c = "C:\\Users\\me\\" + "\\".join(["d" * 50] * 5) + "\\file.txt"
    assert platform.long_path(long_c, nt=True) == "\\\\?\\" + long_c
    assert platform.long_path("\\\\srv\\share\\" + "x" * 260, nt=True) == "\\\\?\\UNC\\srv\\share\\" + "x" * 260
    assert platform.long_path("C:\\short.txt", nt=True) == "C:\\short.txt"
    assert platform.long_path(long_c, nt=False) == long_c
    fs_mode("windows")
    deep = "/".join(["folder-" + "x" * 40] * 6)  # over 260 characters below the root
    root = make_tree(tmp_path / "r", {f"{deep}/a.txt": "a"})
    assert len(str(root / deep / "a.txt")) > 260
    code, _out, err = apply(root, cfg, [{"op": "move", "select": {"path": f"{deep}/a.txt"}, "to": f"{deep}/b"}])
    assert code == 0, err
    assert (root / deep / "b" / "a.txt").read_text() == "a"


# ------------------------------------------------------------------ the msvcrt-style lock


def test_emulated_lock_keeps_msvcrt_semantics_without_fcntl(tmp_path, fs_mode, monkeypatch):
    fs_mode("windows")
    monkeypatch.setitem(sys.modules, "fcntl", None)  # the windows mode never imports it
    monkeypatch.setattr(locking, "PAUSE", 0.0)
    path = tmp_path / "lock"
    a, b = os.open(path, os.O_RDWR | os.O_CREAT), os.open(path, os.O_RDWR)
    try:
        locking.lock(a, path, blocking=False)
        with pytest.raises(PermissionError) as ei:  # another descriptor, same process: refused
            locking.lock(b, path, blocking=False)
        assert ei.value.errno == errno.EACCES
        with pytest.raises(OSError) as ei:  # LK_LOCK gives up after its tries
            locking.lock(b, path, blocking=True)
        assert ei.value.errno == errno.EDEADLK
        with pytest.raises(PermissionError):  # unlocking what b does not hold
            locking.unlock(b, path)
        locking.unlock(a, path)
        locking.lock(b, path, blocking=True)
        locking.unlock(b, path)
    finally:
        os.close(a)
        os.close(b)


def test_emulated_lock_left_by_a_killed_process_is_taken_over(tmp_path, fs_mode):
    fs_mode("windows")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    path = tmp_path / "lock"
    (tmp_path / ("lock" + locking.SUFFIX)).write_text(dead)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        locking.lock(fd, path, blocking=False)  # the dead holder's lock is gone
        locking.unlock(fd, path)
        (tmp_path / ("lock" + locking.SUFFIX)).write_text(str(live.pid))
        with pytest.raises(PermissionError):  # a live holder's is not
            locking.lock(fd, path, blocking=False)
    finally:
        live.kill()
        live.wait()
        os.close(fd)


def test_root_lock_under_each_mode(tmp_path, fs_mode):
    from fileagent.agent.history import journal as jr
    from fileagent.errors import ActionError

    for mode in ("windows", "macos", None):
        fs_mode(mode)
        with jr.RootLock(tmp_path):
            with pytest.raises(ActionError, match="another fileagent process"):
                with jr.RootLock(tmp_path):
                    pass
        with jr.RootLock(tmp_path):
            pass
        assert not (tmp_path / ".fileagent" / ("lock" + locking.SUFFIX)).exists()

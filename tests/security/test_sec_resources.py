"""Disk full, permission denied, a read-only folder mid-run.

In every case: exit 1 with one clear error line, the original content intact (the run is rolled
back: the tree is byte-identical to before), no temp file left, the journal consistent (the run
ended rolled_back: `recover` has nothing to do, `undo` has nothing to undo) and the audit chain intact.

Fast cases inject the failure (monkeypatched os.write / os.replace / os.rename raising ENOSPC or
EACCES at the Nth call). Real cases need root: a 1 MiB tmpfs filled up, and a folder made read-only
mid-run by a read-only bind mount (root ignores file modes, not a read-only mount). A permission test
as an unprivileged user runs when `runuser -u nobody` can start this venv's Python.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sec_kit import REPO, run_cli, snapshot, write_files

from fileagent.agent.history.audit import verify

CFG = "agent:\n  log_path: audit.jsonl\n  max_batch: 100000\n"


def make(base: Path, files: dict[str, bytes]) -> tuple[Path, Path]:
    root = base / "sb"
    write_files(root, files)
    cfg = base / "cfg" / "config.yaml"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(CFG, encoding="utf-8")
    return root, cfg


def temp_files(root: Path) -> list[str]:
    return [os.path.join(d, n) for d, ds, fs in os.walk(root) for n in ds + fs if ".fa-tmp-" in n]


def check_clean_failure(root: Path, cfg: Path, r, before: dict, words: tuple[str, ...]) -> None:
    assert r.code == 1 and not r.traceback, (r.code, r.err)
    assert r.one_line_error(), r.err
    assert any(w.lower() in r.err.lower() for w in words), r.err
    assert snapshot(root.parent, ("sb",)) == before
    assert temp_files(root) == []
    rec = run_cli(["recover", "--root", str(root), "--config", str(cfg)])
    assert rec.code == 0 and not rec.traceback, rec.out + rec.err
    assert snapshot(root.parent, ("sb",)) == before
    und = run_cli(["undo", "--yes", "--root", str(root), "--config", str(cfg)])
    assert und.code == 1 and "nothing to undo" in und.err, und.err
    assert verify(cfg.parent / "audit.jsonl")[0]


def mixed_plan(n: int = 6) -> dict:
    return {
        "version": 1,
        "steps": [
            *({"op": "create", "path": f"new/c{i}.txt", "content": "c" * 100} for i in range(n)),
            {"op": "move", "select": {"in": "in"}, "to": "moved"},
            {"op": "delete", "select": {"in": "trash"}},
            {"op": "update", "select": {"in": "edit"}, "mode": "set", "text": "new text"},
            {"op": "copy", "select": {"in": "edit"}, "to": "copies"},
        ],
    }


FILES = {
    **{f"in/m{i}.txt": b"m" * 50 for i in range(6)},
    **{f"trash/t{i}.txt": b"t" * 50 for i in range(6)},
    **{f"edit/e{i}.md": b"# e\n" for i in range(6)},
}


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


@pytest.mark.parametrize("nth", [1, 4, 9])
def test_disk_full_on_temp_file_write(tmp_path, monkeypatch, nth):
    root, cfg = make(tmp_path, FILES)
    before = snapshot(tmp_path, ("sb",))
    real_write, calls = os.write, [0]

    def write(fd, data):
        if ".fa-tmp-" in _fd_path(fd):
            calls[0] += 1
            if calls[0] >= nth:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    r = run_cli(["apply", "--root", str(root), "--config", str(cfg), "--yes", "-"], stdin=json.dumps(mixed_plan()))
    monkeypatch.setattr(os, "write", real_write)
    check_clean_failure(root, cfg, r, before, ("no space",))


@pytest.mark.parametrize(
    "fn, err, nth",
    [
        ("replace", errno.ENOSPC, 3),
        ("rename", errno.EACCES, 2),
        ("rename", errno.EACCES, 6),
        ("mkdir", errno.EACCES, 2),
        ("replace", errno.EROFS, 8),
    ],
)
def test_failing_syscall_mid_run(tmp_path, monkeypatch, fn, err, nth):
    from fileagent.tools.fs import dirfd, fsops

    root, cfg = make(tmp_path, FILES)
    before = snapshot(tmp_path, ("sb",))
    # no-replace renames go through renameat2 via ctypes (not an os.* call): inject at their one entry point
    owner, name = (os, fn)
    if fn == "rename":
        owner, name = (dirfd, "rename_noreplace_at") if dirfd.supported() else (fsops, "rename_noreplace")
    real, calls = getattr(owner, name), [0]

    def failing(*a, **k):
        if name == "rename_noreplace_at":  # (sd, sn, dd, dn, renameat2, src=..., dst=...)
            target = str(
                k.get("dst")
                or (a[6] if len(a) > 6 and a[6] else a[5] if len(a) > 5 and isinstance(a[5], str) and a[5] else a[3])
            )
        else:
            target = str(a[1] if fn in ("replace", "rename") else a[0])
        if ".fileagent" not in target and "audit" not in target:
            calls[0] += 1
            if calls[0] == nth:
                raise OSError(err, os.strerror(err), target)
        return real(*a, **k)

    monkeypatch.setattr(owner, name, failing)
    r = run_cli(["apply", "--root", str(root), "--config", str(cfg), "--yes", "-"], stdin=json.dumps(mixed_plan()))
    monkeypatch.setattr(owner, name, real)
    assert calls[0] >= nth
    check_clean_failure(root, cfg, r, before, (os.strerror(err),))


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def tmpfs(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)):
        pytest.skip("needs root and tmpfs to fill a real filesystem")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_real_disk_full_tmpfs(tmpfs, monkeypatch):
    root, cfg = tmpfs / "sb", tmpfs / "cfg" / "config.yaml"
    write_files(root, {"big.bin": os.urandom(300_000), "a.txt": b"a"})
    cfg.parent.mkdir()
    cfg.write_text(CFG, encoding="utf-8")
    before = snapshot(tmpfs, ("sb",))
    plan = {
        "version": 1,
        "steps": [
            {"op": "move", "select": {"path": "a.txt"}, "to": "moved"},
            {"op": "copy", "select": {"path": "big.bin"}, "to": "c1"},
            {"op": "copy", "select": {"path": "big.bin"}, "to": "c2"},
            {"op": "copy", "select": {"path": "big.bin"}, "to": "c3"},
            {"op": "copy", "select": {"path": "big.bin"}, "to": "c4"},
        ],
    }
    # The copies are checked against the free space before anything runs: refused in one line, exit 4.
    r = run_cli(["apply", "--root", str(root), "--config", str(cfg), "--yes", "-"], stdin=json.dumps(plan))
    assert r.code == 4 and r.one_line_error() and "not enough free space" in r.err, (r.code, r.err)
    assert snapshot(tmpfs, ("sb",)) == before
    # Space taken by someone else between that check and the writes: the disk fills mid-run and the run
    # rolls back (the check is made to see a large disk).
    usage = shutil.disk_usage(tmpfs)
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage._replace(total=10**12, free=10**12))
    r = run_cli(["apply", "--root", str(root), "--config", str(cfg), "--yes", "-"], stdin=json.dumps(plan))
    check_clean_failure(root, cfg, r, before, ("no space",))


def test_read_only_folder_mid_run(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    root, cfg = make(tmp_path, {**FILES, "locked/keep.txt": b"keep"})
    locked = root / "locked"
    if not (_mount("--bind", str(locked), str(locked)) and _mount("-o", "remount,bind,ro", str(locked))):
        subprocess.run(["umount", "-l", str(locked)], capture_output=True)
        pytest.skip("bind mounts are not available here")
    try:
        before = snapshot(tmp_path, ("sb",))
        plan = mixed_plan()
        plan["steps"].append({"op": "move", "select": {"in": "moved"}, "to": "locked"})
        r = run_cli(["apply", "--root", str(root), "--config", str(cfg), "--yes", "-"], stdin=json.dumps(plan))
        check_clean_failure(root, cfg, r, before, ("read-only", "permission"))
    finally:
        subprocess.run(["umount", "-l", str(locked)], capture_output=True)


def test_permission_denied_as_unprivileged_user(tmp_path):
    probe = subprocess.run(
        ["runuser", "-u", "nobody", "--", sys.executable, "-c", "import fileagent"],
        capture_output=True,
        cwd="/",
        env={"PYTHONPATH": str(REPO), "PATH": os.environ["PATH"]},
    )
    if os.geteuid() != 0 or probe.returncode != 0:
        pytest.skip(
            "cannot run this venv's Python as 'nobody' here (its interpreter lives under /root); "
            "the injected EACCES cases above cover the same path"
        )
    root, cfg = make(tmp_path, FILES)
    shutil.chown(tmp_path, "nobody")
    for d, ds, fs in os.walk(tmp_path):
        for n in ds + fs:
            shutil.chown(os.path.join(d, n), "nobody")
    os.chown(root / "edit", 0, 0)
    os.chmod(root / "edit", 0o555)
    before = snapshot(tmp_path, ("sb",))
    p = subprocess.run(
        [
            "runuser",
            "-u",
            "nobody",
            "--",
            sys.executable,
            "-m",
            "fileagent",
            "apply",
            "--root",
            str(root),
            "--config",
            str(cfg),
            "--yes",
            "-",
        ],
        input=json.dumps(mixed_plan()),
        text=True,
        capture_output=True,
        env={"PYTHONPATH": str(REPO), "PATH": os.environ["PATH"], "HOME": str(tmp_path)},
    )
    assert p.returncode == 1 and "Traceback" not in p.stderr and "ermission" in p.stderr
    assert snapshot(tmp_path, ("sb",)) == before and temp_files(root) == []

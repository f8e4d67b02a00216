"""fsops: atomic writes, no-replace renames, cross-device fallback, temp files cleaned on failure."""

from __future__ import annotations

import errno
import os

import pytest

from fileagent.tools.fs import fsops


def test_atomic_write_replaces_and_keeps_mode(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("old")
    os.chmod(p, 0o640)
    fsops.atomic_write(str(p), b"new", mode=0o640)
    assert p.read_bytes() == b"new" and (os.stat(p).st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]


def test_atomic_write_failure_leaves_target_and_no_temp(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("old")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsops.os, "write", full)
    with pytest.raises(OSError):
        fsops.atomic_write(str(p), b"new")
    monkeypatch.undo()
    assert p.read_text() == "old" and os.listdir(tmp_path) == ["a.txt"]


def test_rename_noreplace_refuses_existing(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("A")
    b.write_text("B")
    with pytest.raises(FileExistsError):
        fsops.rename_noreplace(str(a), str(b))
    assert a.read_text() == "A" and b.read_text() == "B"
    fsops.rename_noreplace(str(a), str(tmp_path / "c"))
    assert (tmp_path / "c").read_text() == "A" and not a.exists()


@pytest.mark.parametrize("is_dir", [False, True])
def test_cross_device_move_copies_verifies_deletes(tmp_path, monkeypatch, is_dir):
    src = tmp_path / "src"
    if is_dir:
        (src / "sub").mkdir(parents=True)
        (src / "sub" / "f.txt").write_text("deep")
    else:
        src.write_bytes(b"\x00data" * 1000)
    real = fsops.rename_noreplace
    calls = []

    def exdev(s, d):
        if not calls:
            calls.append(1)
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(s, d)

    monkeypatch.setattr(fsops, "rename_noreplace", exdev)
    assert fsops.move(str(src), str(tmp_path / "dst")) is True
    assert not src.exists()
    if is_dir:
        assert (tmp_path / "dst" / "sub" / "f.txt").read_text() == "deep"
    else:
        assert (tmp_path / "dst").read_bytes() == b"\x00data" * 1000
    assert sorted(os.listdir(tmp_path)) == ["dst"]


def test_copy_folder_never_replaces(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x").write_text("x")
    (tmp_path / "e").mkdir()
    with pytest.raises(FileExistsError):
        fsops.copy(str(tmp_path / "d"), str(tmp_path / "e"))
    assert sorted(os.listdir(tmp_path)) == ["d", "e"]
    fsops.copy(str(tmp_path / "d"), str(tmp_path / "f"))
    assert (tmp_path / "f" / "x").read_text() == "x"


def test_mkdirs_reports_created(tmp_path):
    made = fsops.mkdirs(str(tmp_path / "a" / "b" / "c"))
    assert made == [str(tmp_path / "a"), str(tmp_path / "a" / "b"), str(tmp_path / "a" / "b" / "c")]
    assert fsops.mkdirs(str(tmp_path / "a" / "b")) == []

"""fileagent/tools/fs/dirfd.py: descriptor-relative operations never follow a link in any folder.

The race test at this level shows both sides: plain path calls (os.replace / open by path) into a
folder flipped to a symlink do land outside, the dirfd calls never do.
"""

from __future__ import annotations

import errno
import os
import threading

import pytest
from sec_kit import write_files

from fileagent.tools.fs import dirfd

pytestmark = pytest.mark.skipif(not dirfd.supported(), reason="no descriptor-relative calls on this platform")


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "sb"
    write_files(root, {"a.txt": b"a", "d/b.txt": b"b", "d/e/c.txt": b"c"})
    write_files(tmp_path / "outside", {"o.txt": b"o"})
    os.symlink(tmp_path / "outside", root / "out")
    dirfd.anchor(root)
    return root


def test_operations_inside(tree):
    dirfd.mkdir(str(tree / "new"))
    dirfd.rename(str(tree / "a.txt"), str(tree / "new" / "a.txt"))
    assert (tree / "new" / "a.txt").read_bytes() == b"a"
    with pytest.raises(FileExistsError):
        dirfd.rename_noreplace(str(tree / "d" / "b.txt"), str(tree / "new" / "a.txt"))
    dirfd.copy_tree(str(tree / "d"), str(tree / "d2"))
    assert (tree / "d2" / "e" / "c.txt").read_bytes() == b"c"
    dirfd.rmtree(str(tree / "d2"))
    assert not (tree / "d2").exists() and dirfd.lexists(str(tree / "d"))
    fd = dirfd.open_file(str(tree / "w.txt"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    os.write(fd, b"w")
    os.close(fd)
    assert (tree / "w.txt").read_bytes() == b"w"
    assert sorted(dirfd.listdir(str(tree))) == ["d", "new", "out", "w.txt"]


@pytest.mark.parametrize(
    "op", ["mkdir", "unlink", "rename_into", "rename_from", "open_create", "lstat", "listdir", "rmtree", "copy_into"]
)
def test_a_link_in_the_folder_part_is_refused(tree, tmp_path, op):
    out = str(tree / "out")
    calls = {
        "mkdir": lambda: dirfd.mkdir(out + "/x"),
        "unlink": lambda: dirfd.unlink(out + "/o.txt"),
        "rename_into": lambda: dirfd.rename(str(tree / "a.txt"), out + "/a.txt"),
        "rename_from": lambda: dirfd.rename(out + "/o.txt", str(tree / "o.txt")),
        "open_create": lambda: dirfd.open_file(out + "/n.txt", os.O_WRONLY | os.O_CREAT),
        "lstat": lambda: dirfd.lstat(out + "/o.txt"),
        "listdir": lambda: dirfd.listdir(out),
        "rmtree": lambda: dirfd.rmtree(out + "/o.txt"),
        "copy_into": lambda: dirfd.copy_tree(str(tree / "d"), out + "/d"),
    }
    with pytest.raises(dirfd.LinkInPathError) as ei:
        calls[op]()
    assert ei.value.errno in (errno.ELOOP, errno.ENOTDIR)
    assert sorted(os.listdir(tmp_path / "outside")) == ["o.txt"]
    assert (tmp_path / "outside" / "o.txt").read_bytes() == b"o"


def test_final_link_is_acted_on_not_followed(tree, tmp_path):
    dirfd.rename(str(tree / "out"), str(tree / "out2"))  # renames the link itself
    assert os.path.islink(tree / "out2")
    dirfd.unlink(str(tree / "out2"))
    assert (tmp_path / "outside" / "o.txt").exists()
    os.symlink(tmp_path / "outside" / "o.txt", tree / "f")
    with pytest.raises(OSError):
        dirfd.open_file(str(tree / "f"), os.O_WRONLY)
    dirfd.rmtree(str(tree / "f"))
    assert (tmp_path / "outside" / "o.txt").read_bytes() == b"o"


def _race(tmp_path, use_dirfd: bool, attempts: int, stop_at_first: bool = False) -> int:
    root = tmp_path / ("fd" if use_dirfd else "plain") / "sb"
    outside = root.parent / "outside"
    (root / "target").mkdir(parents=True)
    outside.mkdir()
    dirfd.anchor(root)
    stop = threading.Event()

    def flip():
        t, h = str(root / "target"), str(root / "hold")
        while not stop.is_set():
            try:
                os.rename(t, h)
                os.symlink(outside, t)
                os.unlink(t)
                os.rename(h, t)
            except OSError:
                pass

    th = threading.Thread(target=flip, daemon=True)
    th.start()
    try:
        for i in range(attempts):
            src = root / f"s{i}"
            src.write_bytes(b"x")
            dst = str(root / "target" / f"s{i}")
            try:
                if use_dirfd:
                    dirfd.rename(str(src), dst)
                else:
                    os.replace(src, dst)
            except OSError:
                pass
            if stop_at_first and os.listdir(outside):
                break
    finally:
        stop.set()
        th.join(5)
    return len(os.listdir(outside))


def test_race_plain_calls_escape_dirfd_calls_do_not(tmp_path):
    assert _race(tmp_path, use_dirfd=True, attempts=800) == 0
    # the harness does catch escapes: plain path calls land outside sooner or later
    assert _race(tmp_path, use_dirfd=False, attempts=20_000, stop_at_first=True) > 0

"""Without descriptor-relative calls (Windows, and the windows mode) the file layer takes the path
route: nothing opens a folder descriptor, which Windows cannot do with os.open."""

from __future__ import annotations

import os

import pytest
from conftest import build_tree

from fileagent.tools.fs import dirfd, fsops

_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)

pytestmark = pytest.mark.skipif(os.name == "nt" or not _O_DIRECTORY, reason="checks the route taken on POSIX")


def refuse_folder_descriptors(m: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def open_no_folders(path, flags, *args, **kw):
        if flags & _O_DIRECTORY:
            raise AssertionError(f"a folder descriptor was opened: {path!r}")
        return real_open(path, flags, *args, **kw)

    def no_walk(path):
        raise AssertionError(f"a folder descriptor walk was started: {path!r}")

    m.setattr(os, "open", open_no_folders)
    m.setattr(dirfd, "open_dir", no_walk)


def test_digest_of_a_tree_with_links_takes_the_path_route(tmp_path, fs_mode, monkeypatch):
    root = build_tree(tmp_path / "t", {"a.txt": "a", "sub/b.txt": "b", "sub/deeper/": None})
    os.symlink("a.txt", root / "link")
    os.symlink("../a.txt", root / "sub" / "up")
    fs_mode(None)
    assert dirfd.supported()
    through_descriptors = fsops.digest(str(root))
    fs_mode("windows")
    assert not dirfd.supported()
    with monkeypatch.context() as m:
        refuse_folder_descriptors(m)
        assert fsops.digest(str(root)) == through_descriptors  # the same entries, links read by path
        assert dirfd.readlink(str(root / "SUB" / "Up")) == "../a.txt"  # found in any case, as on NTFS
    (root / "sub" / "up").unlink()
    os.symlink("b.txt", root / "sub" / "up")
    assert fsops.digest(str(root)) != through_descriptors  # a link's target is part of the digest
